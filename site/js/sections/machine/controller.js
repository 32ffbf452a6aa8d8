// The MNIST machine: a 25-5-10 network the visitor trains by hand, knob by knob.
//
// The network is Python (py/digits/toys/machine.py, through api.js); this section is its face: a
// 5x5 grid of lit buttons, five hidden neurons that glow, a rotary knob for every weight and
// bias, ten output bars and a seven-segment loss display. Everything the visitor sets is one
// state object (state.js), kept in the URL, so any configuration is a link. The machine
// works while Python loads: the knobs turn, and the loss follows once Python is there.

import * as api from "../../api.js";
import { MACHINE } from "../../generated/facts.js";
import { Generation } from "../../lib/generation.js";
import { LatestOnly } from "../../lib/scheduler.js";
import { knobPosition } from "../../lib/url-state.js";
import { clearUrl, getKnob, mapKnobs, saveToUrl, setKnob, startState, stateFromUrl } from "./state.js";
import { MachineView } from "./view.js";

// Auto asks Python for 100 steps at a time, shown as 8 moves, until the set's loss is tiny or 3000 steps are done.
const AUTO = { steps: 100, frames: 9, frameMs: 80, rounds: 30, goal: 0.05 };
const STEP_MS = 400;              // one step's knobs glide this long
const HISTORY_LENGTH = 60;
const reducedMotion = matchMedia("(prefers-reduced-motion: reduce)");

export function setupMachine(root, python) {
  const state = stateFromUrl();
  const examples = Object.values(MACHINE.examples);
  const run = { recordNext: false, history: [], moving: false, auto: false };
  const moves = new Generation();         // a move of the visitor's makes any glide under way stale
  const autoRuns = new Generation();      // pressing Stop makes the running Auto stale

  const view = new MachineView(root, {
    loadCode: (part) => api.codeSource(python, part),
    paint(index, lit, final) {
      takeOver();
      state.cells[index] = lit ? 1 : 0;
      changed({ commit: final });
    },
    strokeEnd: () => changed({ commit: true }),
    knob({ group, row, column }, value, final) {
      takeOver();
      setKnob(state.knobs, [group, state[row], column], value);
      changed({ commit: final });
    },
    choose(key, value) {
      if (key === "target") takeOver();
      state[key] = value;
      if (key === "target") state.output = value;       // the output knobs follow the right answer
      changed({ commit: true, record: key === "target" });
    },
    example(digit) {
      const example = MACHINE.examples[digit];
      takeOver();
      state.cells = [...example.cells];
      state.target = state.output = example.target;
      changed({ commit: true });
    },
    step: () => step(),
    auto: () => (run.auto ? autoRuns.advance() : auto()),
    reset: () => reset(),
  });

  // ---------------------------------------------------------------- changes and answers

  /** Busy while the knobs move or Python has not answered the latest change (tests wait on it). */
  function showBusy() {
    view.showBusy(answers.busy || run.moving || run.auto);
  }

  /**
   * Show a change at once and ask Python about it. A finished move (`commit`) goes into the URL
   * and, when it can change the loss (`record`), into the loss history.
   */
  function changed({ commit = false, record = commit } = {}) {
    view.render(state);
    if (commit) saveToUrl(state);
    if (record) run.recordNext = true;
    answers.request().then(showBusy);
    showBusy();
  }

  const answers = new LatestOnly(async (_, ticket) => {
    try {
      await python.ready;
    } catch (error) {
      view.showMessage(`The machine needs Python to compute its loss, and Python could not start: ${error.message}`);
      return;
    }
    const [forward, hint, set] = await Promise.all([
      api.machineForward(python, state.cells, state.knobs, state.target),
      state.hint ? api.machineGradient(python, state.knobs, lessonExamples()) : null,
      api.machineSetLosses(python, state.knobs, examples),
    ]);
    view.showForward(state, forward);
    view.showHint(state, hint?.gradient ?? null);
    view.showSet(set);
    view.showMessage("");
    if (!ticket.stale && run.recordNext) record(forward.loss);    // a newer change records its own
  }, { onError: (error) => view.showMessage(error.message) });

  function record(loss) {
    run.recordNext = false;
    const previous = run.history.at(-1);
    run.history = [...run.history, loss].slice(-HISTORY_LENGTH);
    view.showHistory(run.history, previous);
  }

  /** The drawings a step or a hint learns from: this drawing alone, or the training set. */
  function lessonExamples() {
    return state.scope === "set" ? examples : [{ cells: state.cells, target: state.target }];
  }

  // ---------------------------------------------------------------- steps, Auto, reset

  async function step() {
    if (run.moving || run.auto) return;
    run.moving = true;
    showBusy();
    try {
      await python.ready;
      const ticket = moves.ticket();
      const answer = await api.machineStep(python, state.knobs, lessonExamples(), state.rate);
      if (!ticket.stale && await glide(mapKnobs(answer.knobs, knobPosition), STEP_MS)) changed({ commit: true });
    } catch (error) {
      view.showMessage(error.message);
    } finally {
      run.moving = false;
      showBusy();
    }
  }

  async function auto() {
    if (run.moving) return;
    const ticket = autoRuns.ticket();
    run.auto = true;
    showBusy();
    view.showAutoRunning(true);
    try {
      for (let round = 0; round < AUTO.rounds && !ticket.stale; round += 1) {
        const { frames } = await api.machineAuto(python, state.knobs, examples, state.rate, AUTO.steps, AUTO.frames);
        for (const frame of frames.slice(1)) {
          if (ticket.stale || !await glide(mapKnobs(frame.knobs, knobPosition), AUTO.frameMs)) break;
          changed({ commit: true });
        }
        if (frames.at(-1).loss < AUTO.goal) break;
      }
    } catch (error) {
      view.showMessage(error.message);
    } finally {
      run.auto = false;
      view.showAutoRunning(false);
      showBusy();
    }
  }

  /** The visitor's hand wins: a turn, a press or a reset stops Auto and any knobs still gliding. */
  function takeOver() {
    autoRuns.advance();
    moves.advance();
  }

  /**
   * Turn every knob smoothly from where it is to `target` (at once for people who prefer less motion).
   * Resolves to false if the visitor took over before the knobs got there.
   */
  function glide(target, duration) {
    const from = state.knobs;
    moves.advance();                      // a glide still under way stops where it is
    const ticket = moves.ticket();
    if (reducedMotion.matches || duration <= 0) {
      state.knobs = target;
      return Promise.resolve(true);
    }
    return new Promise((resolve) => {
      const start = performance.now();
      const frame = (now) => {
        if (ticket.stale) return resolve(false);
        const t = Math.min(1, (now - start) / duration);
        state.knobs = t < 1 ? mapKnobs(from, (value, address) => value + (getKnob(target, address) - value) * ease(t)) : target;
        changed();
        if (t < 1) requestAnimationFrame(frame);
        else resolve(true);
      };
      requestAnimationFrame(frame);
    });
  }

  function reset() {
    takeOver();
    Object.assign(state, startState());
    run.history = [];
    view.showHistory(run.history, undefined);
    clearUrl();
    changed({ record: true });      // the history starts again from the loss at the start
  }

  // ---------------------------------------------------------------- start

  view.showExamples(examples);
  view.showHistory(run.history, undefined);
  changed({ record: true });        // the history starts from the loss before any move
  return { state };
}

const ease = (t) => 1 - (1 - t) ** 3;
