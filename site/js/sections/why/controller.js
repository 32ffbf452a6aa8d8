// Why it says what it says: which pixels made the answer, the smallest change that makes the
// network read another digit, and where the drawing lands on a map of test digits. Python:
// py/digits/page/why.py, through api.js.
//
// Like Inside, it asks Python nothing until the recognizer has answered a finished drawing and
// the section is on or near the screen; the bars come first. Per drawing it sends the 784-value
// image the recognizer's answer carried: gradient × input first (one backward pass), then
// occlusion (one reading per square). The map itself (the test digits' places) is made once per
// network, in slices, when the section first comes near; the ring on it, the visitor's digit,
// follows every answer, while the pen moves too.

import * as api from "../../api.js";
import { ensureSubset } from "../../subset.js";
import { Generation } from "../../lib/generation.js";
import { LatestOnly } from "../../lib/scheduler.js";
import { runSlices } from "../../lib/slices.js";
import { InterruptedError } from "../../python.js";
import { fromPython } from "../../lib/arrays.js";
import { explainedDigit, startState } from "./state.js";
import { WhyView } from "./view.js";

const NEAR = "100px 0px";          // how close to the screen the section starts to compute
const SLICE_SECONDS = 0.1;         // Python places test digits this long between two redraws

/** @typedef {import("../../api.js").PythonHandle & Pick<EventTarget, "addEventListener">} PythonHandle */
/** @typedef {ReturnType<typeof import("../recognizer/controller.js").setupRecognizer>} Recognizer */
/** @typedef {import("../../networks.js").Networks} Networks */

/**
 * @param {HTMLElement} root
 * @param {PythonHandle} python the patient handle (see python.js `after`)
 * @param {Networks} networks
 * @param {Recognizer} recognizer
 */
export function setupWhy(root, python, networks, recognizer) {
  const state = startState();
  const maps = new Generation();              // a map for another network makes the one under way stale
  let near = false, behind = false;           // behind: an answer came while the section was away
  let mapOf = null;                           // the network whose map is shown or being made
  let mapReady = false;
  let placedFor = null;                       // the answer whose place on the map is shown or asked for

  const view = new WhyView(root, {
    explain: (digit) => {
      state.explained = digit;
      explaining.request(null);
    },
    aim: (digit) => { state.target = digit; },
    start: () => nudging.request(null),
    send: () => {
      if (state.nudge?.converged) recognizer.showImage(state.nudge.values, { show: true });
    },
    pick: (index) => picking.request(index),
  });
  view.nudge.target.value = String(state.target);
  const fail = (error) => {
    view.say(error instanceof InterruptedError ? `${error.message} Draw again to ask once more.` : error.message);
    view.showBusy(false);
  };

  /** The latest finished drawing: which pixels, for the digit asked about, by both methods. An
   *  answer goes stale when a newer request comes (a new finished drawing, another digit asked about). */
  const explaining = new LatestOnly(async (_, ticket) => {
    const answer = recognizer.last;
    if (!answer) {
      state.shown = null;
      view.pixels.clear();
      view.nudge.clear();
      view.say("Draw a digit above, and ask it why here.");
    } else {
      if (state.shown?.image !== answer.image) view.nudge.clear();
      state.shown = { model: answer.model, image: answer.image, digit: answer.digit, probabilities: answer.probabilities };
      const digit = explainedDigit(state);
      view.say("");
      view.pixels.showQuestion(answer.image, digit, answer.digit, answer.probabilities[digit]);
      for (const method of /** @type {const} */ (["gradient-x-input", "occlusion"])) {
        view.pixels.wait(method);
        const attribution = await api.whyAttribution(python, answer.model, answer.image, digit, method);
        if (ticket.stale) return;
        view.pixels.show(answer.image, attribution);
      }
    }
    view.showBusy(false);
    view.bumpVersion(Boolean(answer));
  }, { onError: fail });

  /** The drawing changed a few pixels at a time until the network reads the target; the result is
   *  dropped if another drawing is explained meanwhile. */
  const nudging = new LatestOnly(async () => {
    const shown = state.shown;
    if (!shown) {
      view.nudge.say("Draw a digit above first: there is nothing to change yet.");
      return;
    }
    const target = state.target;
    view.nudge.working(target);
    const nudge = await api.whyNudge(python, shown.model, shown.image, target);
    if (state.shown !== shown) {
      view.nudge.say("");
      return;
    }
    state.nudge = { converged: nudge.converged, values: fromPython(nudge.values) };
    view.nudge.show(shown.image, nudge, state.nudge.values);
  }, { onError: (error) => view.nudge.say(error.message) });

  /** The test digits' places for the chosen network, a slice at a time. */
  async function makeMap(model) {
    maps.advance();
    const ticket = maps.ticket();
    mapOf = model;
    mapReady = false;
    view.map.restart();
    try {
      await ensureSubset(python);
      await networks.ensure(model);
      const started = await api.whyMapStart(python, model);
      const last = await runSlices((seconds) => api.whyMapRun(python, seconds), {
        seconds: SLICE_SECONDS, from: started,
        each: (slice) => view.map.showProgress(slice.placed, slice.total), stale: () => ticket.stale,
      });
      if (!last) return;
      view.map.showPoints(/** @type {Required<import("../../api.js").MapSlice>} */ (last));
      mapReady = true;
      placing.request(null);
    } catch (error) {
      if (ticket.stale) return;
      mapOf = null;                         // coming near again tries again
      view.map.say(error.message);
    }
  }

  /** The drawing on the pad (finished or not) as a ring on the map. */
  const placing = new LatestOnly(async () => {
    const answer = recognizer.last;
    if (!mapReady) return;
    placedFor = answer;
    if (!answer || answer.model !== mapOf) {
      view.map.hideYou();
      return;
    }
    const place = await api.whyMapPlace(python, answer.image);
    if (recognizer.last === answer && place.model === mapOf) view.map.showYou(place, answer.digit);
  }, { onError: (error) => view.map.say(error.message) });

  /** A test digit of the map, its picture and its label. */
  const picking = new LatestOnly(async (index) => {
    const digit = await api.whyMapDigit(python, index);
    view.map.showDigit(digit.index, digit.label, fromPython(digit.pixels));
  }, { onError: (error) => view.map.say(error.message) });

  function catchUp() {
    if (!near) return;
    if (mapOf !== networks.chosen) makeMap(networks.chosen);
    // The drawing may have changed while away; an answer placed already is not asked again, where
    // it would wait behind the maps of pixels and make the ring late.
    else if (mapReady && placedFor !== recognizer.last) placing.request(null);
    if (!behind) return;
    behind = false;
    view.showBusy(true);          // at once: a test or the bench can wait for "false" from here on
    // The ring first: Python answers in turn, and the maps of pixels take longer than a place.
    placing.drained.then(() => explaining.request(null));
  }

  // The pen moving moves only the ring; the finished drawing gets the rest, a turn of the event
  // loop later, so that whatever the recognizer asks next reaches Python first.
  recognizer.events.addEventListener("answer", (/** @type {CustomEvent} */ event) => {
    if (near && mapReady) {
      if (recognizer.last) placing.request(null);
      else view.map.hideYou();
    }
    if (event.detail?.final === false) return;
    behind = true;
    setTimeout(catchUp);
  });
  networks.addEventListener("chosen", () => {
    maps.advance();
    mapOf = null;
    mapReady = false;
  });
  python.addEventListener("restarting", () => {
    maps.advance();
    mapOf = null;
    mapReady = false;
    view.map.say("Python had to start again: the map is made again when you come back here.");
  });

  new IntersectionObserver(([entry]) => {
    near = entry.isIntersecting;
    view.showNear(near);
    catchUp();
  }, { rootMargin: NEAR }).observe(root.closest("section") ?? root);

  view.say("Python is starting; draw a digit above meanwhile.");
  view.map.hideYou();
  recognizer.started.then(() => {
    behind = true;
    catchUp();
  });
}
