// The recognizer: draw, see the 28x28 input, read the ten probabilities, switch networks,
// compare them, and peek at why. How a stroke travels: the pad paints it and says "draw"
// (while the pen moves) or "stroke" (when it lifts); each asks for a reading, LatestOnly keeps
// one in flight; api.predict sends the pad's 280x280 alpha bytes to Python, which preprocesses
// them the MNIST way and answers the image it saw and ten probabilities; the view draws them.
// The networks, and which of them reads, are the page's (networks.js): the menu here shows the
// choice and changes it.

import * as api from "../../api.js";
import { fromPython } from "../../lib/arrays.js";
import { percent, whole } from "../../lib/format.js";
import { LatestOnly } from "../../lib/scheduler.js";
import { SHIPPED, YOURS } from "../../networks.js";
import { InterruptedError } from "../../python.js";
import { setStatus } from "../../lib/status.js";
import { RecognizerView } from "./view.js";

/**
 * A reading as the page keeps it: Python's answer, its image read into numbers (lib/arrays.js), the
 * network that read it and the drawing it read (null for an image another section handed over).
 * @typedef {Omit<api.Answer, "image"> & { model: string, bitmap: ReturnType<import("../../widgets/pad.js").Pad["bitmap"]> | null,
 *   image: import("../../lib/arrays.js").Numbers }} Reading
 */

/** @param {import("../../networks.js").Networks} networks the page's networks: this section shows and changes the choice */
export function setupRecognizer(root, python, networks) {
  const events = new EventTarget();        // "answer": a new reading or an emptied pad (its detail.final is false
                                           // while the pen still moves)
  /** @type {Reading | null} */
  let last = null;                         // the latest reading, or null

  const view = new RecognizerView(root, {
    clear: () => view.pad.clear(),
    undo: () => view.pad.undo(),
    choose: (name) => networks.choose(name),
  });
  view.select.value = networks.chosen;

  const readings = new LatestOnly(async ({ final, image = null }) => {
    const name = networks.chosen;
    await python.ready;
    const summary = await networks.ensure(name);
    // An image another section hands over (an MNIST digit) is read as it is, in place of the pad's.
    const bitmap = (image || view.pad.isEmpty) ? null : view.pad.bitmap();
    const answer = image ? await api.readImage(python, name, image)
      : bitmap && await api.predict(python, name, bitmap.data, bitmap.height, bitmap.width);
    if (!answer || answer.empty) {
      last = null;
      view.showEmpty(answer ? "Too little ink to read: draw a bigger digit." : undefined);
      events.dispatchEvent(new CustomEvent("answer", { detail: { final } }));
      return;
    }
    const read = /** @type {api.Answer} */ (answer);     // an empty reading returned above
    last = { ...read, model: name, bitmap, image: fromPython(read.image) };
    view.showAnswer(last);
    events.dispatchEvent(new CustomEvent("answer", { detail: { final } }));
    setStatus("ready", readySentence(python, name, networks.shipped(name) ?? summary));
    if (final) await showDetails(last);
  }, { onError: (error) => {
    if (!(error instanceof InterruptedError)) setStatus("error", error.message);   // else: restarting, said so
  } });

  /** The other networks' readings and a look inside, once the pen is lifted. */
  async function showDetails(answer) {
    const [all, why] = await Promise.all([api.compare(python, answer.image), api.explain(python, answer.model, answer.image)]);
    view.showComparison(all, answer.digit);
    view.showWhy(why, answer.digit);
  }

  // While the pen moves, one reading per frame; the prediction's data-busy says whether any
  // reading is still to come (tests wait for "false" rather than for time).
  let frameAsked = false;
  const showBusy = () => view.showBusy(frameAsked || readings.busy);
  const read = (final, image = null) => {
    const drained = readings.request({ final, image });
    showBusy();
    drained.then(showBusy);
    return drained;
  };
  view.pad.addEventListener("draw", () => {
    if (frameAsked) return;
    frameAsked = true;
    showBusy();
    requestAnimationFrame(() => {
      frameAsked = false;
      read(false);
    });
  });
  view.pad.addEventListener("stroke", () => read(true));
  document.addEventListener("keydown", (event) => {
    if (/** @type {Element} */ (event.target).closest("input, select, textarea, [contenteditable]")) return;
    if (event.key === "Escape") view.pad.clear();
    else if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "z") {
      event.preventDefault();
      view.pad.undo();
    }
  });

  // The menu follows the page's networks: another one chosen (here or by another section) reads
  // the drawing again; one made here joins the menu or leaves it.
  networks.addEventListener("chosen", () => {
    view.select.value = networks.chosen;
    showFacts();
    read(true);
  });
  networks.addEventListener("added", (/** @type {CustomEvent} */ { detail }) => view.offer(detail.name, detail.label));
  networks.addEventListener("removed", (/** @type {CustomEvent} */ { detail }) => view.withdraw(detail.name));

  function showFacts() {
    view.showFacts(networks.shipped(networks.chosen), networks.summaryOf(networks.chosen));
  }

  // Ask for the chosen network's weights at once: the worker downloads them while Python starts,
  // and loads them before anything the other sections ask of Python.
  networks.ensure(networks.chosen).catch(() => {});
  showFacts();
  view.showEmpty();
  // Python's first jobs: the chosen network, then the answer to what is already drawn; the
  // page's other work for Python waits for this (see `started`).
  async function beginReading() {
    try {
      const name = networks.chosen;
      const summary = await networks.ensure(name);
      setStatus("ready", readySentence(python, name, networks.shipped(name) ?? summary));
      await read(true);
    } catch (error) {
      setStatus("error", error.message);
    }
    // The other networks load quietly, for the side-by-side comparison.
    for (const name of SHIPPED) networks.ensure(name).catch(() => {});
  }
  let firstStartDone = false;
  const started = python.ready.then(async () => {
    await beginReading();
    firstStartDone = true;
  }, () => {});

  // If Python has to start again (see python.js), the pad and the choice stay as they are; the
  // network comes back into the new Python and the drawing is read again.
  python.addEventListener("restarting", ({ detail }) => setStatus("loading", detail.message));
  python.addEventListener("ready", () => {
    if (!firstStartDone) return;          // the first start is `started`'s
    networks.setAsideLost();              // a network made here: its section brings it back
    view.select.value = networks.chosen;
    beginReading();
  });
  python.addEventListener("gave-up", ({ detail }) => setStatus("error", detail.message));

  return {
    events,
    /** Settles once the recognizer has its network and has answered the drawing, if any. */
    started,
    /** The latest answer, or null when nothing is read. */
    get last() { return last; },
    /** What is on the pad now, as Python would read it (tests compare it with the latest answer's). */
    get drawing() { return view.pad.isEmpty ? null : view.pad.bitmap(); },
    /** Scroll the recognizer into view (after another section chose a network for it to read with). */
    show() {
      root.scrollIntoView();
    },
    /** Place another section's element under the answer (the teach section's correction buttons). */
    placeUnderAnswer(element) {
      view.underAnswer.replaceChildren(element);
    },
    /** Place another section's element under the pad (the guided teaching: its prompt beside the pad). */
    placeBesidePad(element) {
      view.besidePad.replaceChildren(element);
    },
    /** Place another section's offer in the hint shown when the network is unsure (a way to teach it). */
    offerWhenUnsure(element) {
      view.unsureOffer.replaceChildren(element);
    },
    /** Resolves to the answer for what is on the pad now (null when nothing is read), once every
     *  reading asked for is in. */
    async settled() {
      while (frameAsked || readings.busy) {
        await (frameAsked ? new Promise((resolve) => requestAnimationFrame(resolve)) : readings.drained);
      }
      return last;
    },
    /** Empty the pad (the answer empties with it). */
    clear() {
      view.pad.clear();
    },
    /** Read a 28x28 image already in MNIST's form (784 values in [0, 1]: an MNIST digit) as it is, with
     *  the bars and the rest of an answer, in place of the drawing, which is cleared; `show` scrolls
     *  the recognizer into view. */
    showImage(image, { show = false } = {}) {
      view.pad.clear();
      if (show) root.scrollIntoView();
      return read(true, image);
    },
    /** Resolves once the visitor has not drawn for `ms` milliseconds. */
    quiet(ms) {
      return new Promise((resolve) => {
        let timer;
        const done = () => { view.pad.removeEventListener("draw", wait); resolve(); };
        const wait = () => { clearTimeout(timer); timer = setTimeout(done, ms); };
        view.pad.addEventListener("draw", wait);
        wait();
      });
    },
  };
}

/** "Ready: the cnn network (99.63% right on 10,000 of MNIST's test digits) is running in Python 3.12…" */
function readySentence(python, name, facts) {
  const digits = facts.test_images ? `${whole(facts.test_images)} of MNIST's test digits` : "MNIST's test digits";
  const accuracy = facts.test_accuracy ? ` (${percent(facts.test_accuracy, 2)} right on ${digits})` : "";
  const network = name === YOURS ? "your network" : `the ${name} network`;
  return `Ready: ${network}${accuracy} is running in Python ${python.runtime.python} with numpy ${python.runtime.numpy}, in your browser.`;
}
