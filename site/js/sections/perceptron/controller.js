// The perceptron at the beach: one neuron you can hold in your hand.
//
// The perceptron itself is Python (py/digits/toys/perceptron.py, through api.js): every sum,
// output and training step comes from there. While Python is still loading, the controls,
// the drawing and the terms of the formula already work, and the sum reads "…".

import * as api from "../../api.js";
import { PERCEPTRON } from "../../generated/facts.js";
import { Generation } from "../../lib/generation.js";
import { LatestOnly } from "../../lib/scheduler.js";
import { PRESETS, saveToUrl, startState, stateFromUrl } from "./state.js";
import { PerceptronView } from "./view.js";

const STEP_DELAY = matchMedia("(prefers-reduced-motion: reduce)").matches ? 60 : 450;   // ms between shown updates
const REMEMBER_DELAY = 250;       // ms: a slider being dragged is written to the URL once it rests

// Sun or weekend, not both: the wish no single neuron can learn.
const XOR_WISH = PERCEPTRON.situations.map(({ inputs: [sun, weekend] }) => (sun !== weekend ? 1 : 0));

export function setupPerceptron(root, python) {
  const state = stateFromUrl();
  let table = null;              // Python's latest truth table
  let lesson = null;             // {result, next} while updates remain to be shown
  const lessons = new Generation();   // a change of the visitor's makes the lesson under way stale
  let rememberTimer = null;

  const view = new PerceptronView(root, {
    loadCode: (part) => api.codeSource(python, part),
    flip: (i) => change({ x: state.x.map((value, j) => (j === i ? -value : value)) }),
    slide: (i, value) => change(i === 3 ? { bias: value } : { w: state.w.map((w, j) => (j === i ? value : w)) }),
    preset: (i) => change({ w: [...PRESETS[i].w], bias: PRESETS[i].bias }),
    reset: () => { const { x, w, bias } = startState(); change({ x, w, bias }); },
    show: (i) => change({ x: [...PERCEPTRON.situations[i].inputs] }),
    toggleWish: (i) => change({ want: state.want.map((y, j) => (j === i ? 1 - y : y)) }),
    copyWish: () => table && change({ want: table.map((row) => row.output) }),
    xorWish: () => change({ want: [...XOR_WISH] }),
    train: () => play(),
    step: () => stepOnce(),
  });

  const answers = new LatestOnly(async ({ x, w, bias }, ticket) => {
    try {
      await python.ready;
    } catch {
      view.showWaiting("Python could not start in this browser, so the neuron cannot add up. Reload the page to try again.");
      return;
    }
    const [answer, truth] = await Promise.all([
      api.perceptronEvaluate(python, x, w, bias),
      api.perceptronTruthTable(python, w, bias),
    ]);
    if (ticket.stale) return;              // a newer question is already on its way
    table = truth;
    view.showAnswer(state, answer);
    view.showTable(table, state.want);
  }, { onError: (error) => view.showWaiting(error.message) });

  /** Apply changes to the state, redraw, ask Python, remember in the URL. */
  function change(changes, { byLesson = false } = {}) {
    Object.assign(state, changes);
    const touchesNeuron = "w" in changes || "bias" in changes || "want" in changes;
    if (!byLesson && touchesNeuron) cancelLesson();
    view.render(state, table);
    answers.request({ x: [...state.x], w: [...state.w], bias: state.bias });
    clearTimeout(rememberTimer);
    rememberTimer = setTimeout(() => saveToUrl(state), REMEMBER_DELAY);
  }

  // ---------------------------------------------------------------- the learning rule

  /** Train and show every update, one after another, until all 8 are right (or say why not). */
  async function play() {
    const current = lesson ?? await startLesson();
    if (!current) return;
    view.train.disabled = true;
    const ticket = lessons.ticket();
    while (lesson === current && !ticket.stale) {
      showNextUpdate();
      await pause(STEP_DELAY);
    }
    view.train.disabled = false;
  }

  /** Show one update; the first press starts a lesson from all-zero weights. */
  async function stepOnce() {
    stopPlaying();
    if (lesson) showNextUpdate();
    else await startLesson();
  }

  /** Ask Python to learn the wish; returns the lesson to show, or null when there is nothing to show. */
  async function startLesson() {
    cancelLesson();
    const ticket = lessons.ticket();
    view.setReport("training", "Training…");
    let result;
    try {
      await python.ready;
      result = await api.perceptronTrain(python, [...state.want], [0, 0, 0], 0);
    } catch (error) {
      view.setReport("error", `Training needs Python: ${error.message}`);
      return null;
    }
    if (ticket.stale) return null;          // the visitor changed something meanwhile
    if (!result.learnable) {
      view.showImpossible(result);
      return null;
    }
    lesson = { result, next: 0 };
    view.showStart(result.updates.length);
    change({ w: [0, 0, 0], bias: 0 }, { byLesson: true });
    if (result.updates.length === 0) {       // a wish of "stay home, always" needs no lesson
      finishLesson();
      return null;
    }
    return lesson;
  }

  function showNextUpdate() {
    const { result, next } = lesson;
    if (next >= result.updates.length) {
      finishLesson();
      return;
    }
    const update = result.updates[next];
    lesson.next += 1;
    view.showUpdate(update, next + 1);
    change({ w: update.after.weights, bias: update.after.bias }, { byLesson: true });
    if (lesson.next === result.updates.length) finishLesson();
  }

  function finishLesson() {
    view.showLearned(lesson.result);
    lesson = null;
  }

  function cancelLesson() {
    stopPlaying();
    lesson = null;
    view.markRows("learning", []);
    view.markRows("witness", []);
    if (view.report.dataset.state !== "idle") view.showIdle();
  }

  function stopPlaying() {
    lessons.advance();
    view.train.disabled = false;
  }

  view.render(state, table);
  answers.request({ x: [...state.x], w: [...state.w], bias: state.bias });
}

function pause(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
