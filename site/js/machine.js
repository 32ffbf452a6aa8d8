// The MNIST machine: a 25-5-10 network the visitor trains by hand, knob by knob.
//
// The network is Python (py/digits/machine.py) in the worker; this module is the
// machine's face: a 5x5 grid of lit buttons, five hidden neurons that glow, a rotary
// knob for every weight and bias, ten output bars and a seven-segment loss display.
// Everything the visitor sets is one state object, kept in the URL hash (keys m.*),
// so any configuration is a link.

import { capturePointer } from "./pointer.js";
import { LatestOnly } from "./scheduler.js";
import { getParam, setParams } from "./state.js";

const CELLS = 25, SIDE = 5, HIDDEN = 5, DIGITS = 10;
const LIMIT = 4;                  // every knob turns from −4 to +4 (KNOB_LIMIT in machine.py)
const TICKS = 500;                // knob positions are multiples of 1/500: a link restores them exactly
const KEY_STEPS = { ArrowUp: 0.1, ArrowRight: 0.1, ArrowDown: -0.1, ArrowLeft: -0.1, PageUp: 1, PageDown: -1 };
const UNITS_PER_PIXEL = 0.04;     // dragging 100 px turns a knob by 4, half its range
const SWEEP = 135;                // degrees a knob turns from 0 to ±LIMIT
const START_DRAWING = "11111" + "00001" + "00010" + "00100" + "00100";   // the 7 of the examples
const START_TARGET = 7;
const RATES = [0.1, 0.3, 1, 3];
// Auto asks Python for 100 steps at a time, shown as 8 moves, until the set's loss is tiny or 3000 steps are done.
const AUTO = { steps: 100, frames: 9, frameMs: 80, rounds: 30, goal: 0.05 };
const HISTORY_LENGTH = 60;
const KNOB_GROUPS = ["hidden_weights", "hidden_biases", "output_weights", "output_biases"];
const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const SVG = "http://www.w3.org/2000/svg";
const reducedMotion = matchMedia("(prefers-reduced-motion: reduce)");

export function setupMachine(root, python) {
  const state = stateFromUrl();
  const view = buildView(root);
  const run = { version: 0, answered: 0, recordNext: false, history: [], examples: null,
                moving: false, auto: null, glide: 0 };

  /** Busy while the knobs are still moving or Python has not answered the latest change (tests wait on it). */
  function showBusy() {
    const busy = run.answered !== run.version || run.moving || run.auto !== null;
    view.machine.dataset.busy = String(busy);
  }

  // ---------------------------------------------------------------- changes and answers

  /**
   * Show a change at once and ask Python about it. A finished move (`commit`) goes into the URL
   * and, when it can change the loss (`record`), into the loss history.
   */
  function changed({ commit = false, record = commit } = {}) {
    render(view, state);
    if (commit) saveToUrl(state);
    if (record) run.recordNext = true;
    run.version += 1;
    showBusy();
    answers.request(run.version);
  }

  const answers = new LatestOnly(async (version) => {
    try {
      await python.ready;
    } catch (error) {
      showMessage(view, `The machine needs Python to compute its loss, and Python could not start: ${error.message}`);
      return;
    }
    try {
      const [forward, hint, set] = await Promise.all([
        python.call("machine_forward", state.cells, state.knobs, state.target),
        state.hint ? python.call("machine_gradient", state.knobs, lessonExamples()) : null,
        run.examples ? python.call("machine_set_losses", state.knobs, run.examples) : null,
      ]);
      showForward(view, state, forward);
      showHint(view, state, hint);
      if (set) showSet(view, set);
      showMessage(view, "");
      if (version !== run.version) return;          // a newer change is on its way
      if (run.recordNext) record(forward.loss);
    } catch (error) {
      showMessage(view, error.message);
    }
    run.answered = version;
    showBusy();
  });

  function record(loss) {
    run.recordNext = false;
    const previous = run.history.at(-1);
    run.history = [...run.history, loss].slice(-HISTORY_LENGTH);
    showHistory(view, run.history, previous);
  }

  /** The drawings a step or a hint learns from: this drawing alone, or the training set. */
  function lessonExamples() {
    if (state.scope === "set" && run.examples) return run.examples;
    return [{ cells: state.cells, target: state.target }];
  }

  // ---------------------------------------------------------------- what the visitor does

  view.onPaint = (index, lit, final) => {
    takeOver();
    state.cells[index] = lit ? 1 : 0;
    changed({ commit: final });
  };
  view.onStrokeEnd = () => changed({ commit: true });
  view.onKnob = (address, value, final) => {
    takeOver();
    setKnob(state.knobs, address, value);
    changed({ commit: final });
  };
  view.onChoose = (key, value) => {
    if (key === "target") takeOver();
    state[key] = value;
    if (key === "target") state.output = value;       // the output knobs follow the right answer
    changed({ commit: true, record: key === "target" });
  };
  view.onExample = (digit) => {
    const example = run.examples?.[digit];
    if (!example) return;
    takeOver();
    state.cells = [...example.cells];
    state.target = state.output = example.target;
    changed({ commit: true });
  };
  view.onStep = () => step();
  view.onAuto = () => (run.auto ? stopAuto() : auto());
  view.onReset = () => reset();
  bindControls(view);

  async function step() {
    if (run.moving || run.auto) return;
    run.moving = true;
    showBusy();
    try {
      await python.ready;
      const ticket = run.glide;
      const answer = await python.call("machine_step", state.knobs, lessonExamples(), state.rate);
      if (ticket !== run.glide) return;               // the visitor moved something meanwhile
      if (await glide(quantizeKnobs(answer.knobs), 400)) changed({ commit: true });
    } catch (error) {
      showMessage(view, error.message);
    } finally {
      run.moving = false;
      showBusy();
    }
  }

  async function auto() {
    if (!run.examples || run.moving) return;
    run.auto = { stopped: false };
    showBusy();
    showAutoRunning(view, true);
    try {
      for (let round = 0; round < AUTO.rounds && !run.auto.stopped; round += 1) {
        const { frames } = await python.call("machine_auto", state.knobs, run.examples, state.rate,
                                             AUTO.steps, AUTO.frames);
        for (const frame of frames.slice(1)) {
          if (run.auto.stopped || !await glide(quantizeKnobs(frame.knobs), AUTO.frameMs)) break;
          changed({ commit: true });
        }
        if (frames.at(-1).loss < AUTO.goal) break;
      }
    } catch (error) {
      showMessage(view, error.message);
    } finally {
      run.auto = null;
      showAutoRunning(view, false);
      showBusy();
    }
  }

  function stopAuto() {
    if (run.auto) run.auto.stopped = true;
  }

  /** The visitor's hand wins: a turn, a press or a reset stops Auto and any knobs still gliding. */
  function takeOver() {
    stopAuto();
    run.glide += 1;
  }

  /**
   * Turn every knob smoothly from where it is to `target` (at once for people who prefer less motion).
   * Resolves to false if the visitor took over before the knobs got there.
   */
  function glide(target, duration) {
    const from = state.knobs;
    const ticket = ++run.glide;
    if (reducedMotion.matches || duration <= 0) {
      state.knobs = target;
      return Promise.resolve(true);
    }
    return new Promise((resolve) => {
      const start = performance.now();
      const frame = (now) => {
        if (ticket !== run.glide) return resolve(false);
        const t = Math.min(1, (now - start) / duration);
        state.knobs = t < 1 ? mixKnobs(from, target, ease(t)) : target;
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
    showHistory(view, run.history, undefined);
    clearUrl();
    changed({ record: true });      // the history starts again from the loss at the start
  }

  // ---------------------------------------------------------------- start

  render(view, state);
  showHistory(view, run.history, undefined);
  view.machine.dataset.auto = "idle";
  python.ready.then(() => python.call("machine_examples")).then((examples) => {
    run.examples = examples;
    buildSet(view, examples, (digit) => view.onExample(digit));
    for (const button of view.exampleButtons) button.disabled = false;
    view.auto.disabled = false;
    changed();
  }).catch((error) => showMessage(view, `The machine's examples could not be loaded: ${error.message}`));
  changed({ record: true });        // the history starts from the loss before any move
  return { state };
}

// ==================================================================== state

function startState() {
  return {
    cells: [...START_DRAWING].map(Number),
    knobs: factoryKnobs(),
    target: START_TARGET,
    neuron: 0,             // the hidden neuron whose 25 knobs are shown
    output: START_TARGET,  // the output digit whose 6 knobs are shown
    rate: 0.3,
    hint: false,
    scope: "drawing",      // learn from "drawing" (this one) or "set" (the ten examples)
  };
}

/** Small random settings, the same on every visit: each neuron starts different, so each can learn something else. */
function factoryKnobs() {
  const random = mulberry32(11);
  const tenths = () => Math.round((random() * 2 - 1) * 10) / 10;
  return {
    hidden_weights: table(HIDDEN, CELLS, tenths),
    hidden_biases: table(1, HIDDEN, () => 0)[0],
    output_weights: table(DIGITS, HIDDEN, tenths),
    output_biases: table(1, DIGITS, () => 0)[0],
  };
}

function mulberry32(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function table(rows, columns, value) {
  return Array.from({ length: rows }, () => Array.from({ length: columns }, value));
}

/** A knob's address: [group, row] for a bias, [group, row, column] for a weight. */
function getKnob(knobs, [group, row, column]) {
  return column === undefined ? knobs[group][row] : knobs[group][row][column];
}

function setKnob(knobs, [group, row, column], value) {
  if (column === undefined) knobs[group][row] = value;
  else knobs[group][row][column] = value;
}

const clamp = (value) => Math.max(-LIMIT, Math.min(LIMIT, value));
const quantize = (value) => Math.round(clamp(value) * TICKS) / TICKS;

function mapKnobs(knobs, fn) {
  return Object.fromEntries(KNOB_GROUPS.map((group) => [group, knobs[group].map((entry, row) =>
    Array.isArray(entry) ? entry.map((value, column) => fn(value, [group, row, column])) : fn(entry, [group, row]))]));
}

const quantizeKnobs = (knobs) => mapKnobs(knobs, quantize);
const mixKnobs = (from, to, t) => mapKnobs(from, (value, address) => value + (getKnob(to, address) - value) * t);
const ease = (t) => 1 - (1 - t) ** 3;

function flatKnobs(knobs) {
  return KNOB_GROUPS.flatMap((group) => knobs[group].flat());
}

// The 190 knobs in the URL: each position (0..4000) as two characters of base64url.
function encodeKnobs(knobs) {
  return flatKnobs(knobs).map((value) => {
    const position = Math.round(value * TICKS) + LIMIT * TICKS;
    return BASE64[position >> 6] + BASE64[position & 63];
  }).join("");
}

function decodeKnobs(text) {
  const size = flatKnobs(factoryKnobs()).length;
  if (text?.length !== 2 * size) return null;
  const values = [];
  for (let i = 0; i < text.length; i += 2) {
    const [high, low] = [BASE64.indexOf(text[i]), BASE64.indexOf(text[i + 1])];
    const position = high * 64 + low;
    if (high < 0 || low < 0 || position > 2 * LIMIT * TICKS) return null;
    values.push((position - LIMIT * TICKS) / TICKS);
  }
  let next = 0;
  return mapKnobs(factoryKnobs(), () => values[next++]);
}

function stateFromUrl() {
  const state = startState();
  const grid = getParam("m.g", "");
  if (/^[01]{25}$/.test(grid)) state.cells = [...grid].map(Number);
  state.knobs = decodeKnobs(getParam("m.k")) ?? state.knobs;
  state.target = wholeParam("m.t", DIGITS) ?? state.target;
  state.output = wholeParam("m.o", DIGITS) ?? state.target;
  state.neuron = wholeParam("m.n", HIDDEN) ?? state.neuron;
  const rate = Number(getParam("m.r"));
  if (RATES.includes(rate)) state.rate = rate;
  state.hint = getParam("m.h") === "1";
  state.scope = getParam("m.s") === "set" ? "set" : "drawing";
  return state;
}

function wholeParam(key, below) {
  const text = getParam(key, "");
  return /^\d+$/.test(text) && Number(text) < below ? Number(text) : null;
}

function saveToUrl(state) {
  setParams({
    "m.g": state.cells.join(""), "m.k": encodeKnobs(state.knobs), "m.t": state.target,
    "m.n": state.neuron, "m.o": state.output, "m.r": state.rate,
    "m.h": state.hint ? 1 : null, "m.s": state.scope === "set" ? "set" : null,
  });
}

function clearUrl() {
  setParams(Object.fromEntries(["m.g", "m.k", "m.t", "m.n", "m.o", "m.r", "m.h", "m.s"].map((key) => [key, null])));
}

// ==================================================================== building the machine

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === "class") node.className = value;
    else if (name === "text") node.textContent = value;
    else node.setAttribute(name, value);
  }
  node.append(...children);
  return node;
}

function svg(tag, attributes = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

const signed = (value, digits = 2) => (value < 0 ? "−" : "") + Math.abs(value).toFixed(digits);
const cellName = (index) => `row ${Math.floor(index / SIDE) + 1}, column ${(index % SIDE) + 1}`;

function buildView(root) {
  const view = { exampleButtons: [] };
  root.replaceChildren();
  const machine = el("div", { class: "machine", "data-testid": "machine" });
  view.machine = machine;
  const deck = el("div", { class: "machine-deck" });
  deck.append(buildLossPanel(view), buildInputPanel(view), buildHiddenPanel(view), buildOutputPanel(view));
  machine.append(arrowDefinitions(), deck, buildControls(view), buildSetPanel(view));
  view.message = el("p", { class: "machine-message", role: "status" });
  root.append(el("p", { class: "machine-lede", text:
    "Draw a digit on the 25 buttons, tell the machine which digit it is, then turn the knobs until the loss " +
    "goes down. Each knob is one weight of a small network: 25 inputs, 5 hidden neurons, 10 outputs. " +
    "Turning them by hand, a little at a time, in whichever direction lowers the loss, is exactly what " +
    "training does; the hint shows you that direction, worked out by backpropagation." }),
  view.message, machine);
  return view;
}

/** The arrowhead the hints' arcs end in, defined once for every knob. */
function arrowDefinitions() {
  return svg("svg", { class: "machine-defs", width: "0", height: "0", "aria-hidden": "true" },
    svg("defs", {}, svg("marker", { id: "machine-arrow", viewBox: "0 0 10 10", refX: "5", refY: "5",
      markerWidth: "3.2", markerHeight: "3.2", orient: "auto-start-reverse" },
    svg("path", { d: "M0 0 L10 5 L0 10 z", class: "knob-arrowhead" }))));
}

function panel(name, title, note) {
  return el("section", { class: `machine-panel panel-${name}`, "aria-label": title },
    el("h3", { class: "panel-title" }, title, note ? el("span", { class: "panel-note", text: note }) : ""));
}

// ---------------------------------------------------------------- input: the 5x5 grid

function buildInputPanel(view) {
  const section = panel("input", "Input", "25 buttons, x = 1 when lit");
  const grid = el("div", { class: "cells", role: "group", "aria-label": "The 5 by 5 input grid" });
  view.cells = Array.from({ length: CELLS }, (_, index) => {
    const cell = el("button", { type: "button", class: "cell", "data-testid": `machine-cell-${index}`,
                                "aria-label": `Cell ${cellName(index)}`, "aria-pressed": "false" });
    grid.append(cell);
    return cell;
  });
  paintWithPointer(grid, view);
  moveFocusWithArrows(view.cells);

  const examples = el("div", { class: "examples", role: "group", "aria-label": "Load an example drawing" },
    el("span", { class: "examples-label", text: "Examples" }));
  for (let digit = 0; digit < DIGITS; digit += 1) {
    const button = el("button", { type: "button", class: "example", "data-testid": `machine-example-${digit}`,
                                  "aria-label": `Load the example ${digit}`, disabled: "", text: String(digit) });
    button.addEventListener("click", () => view.onExample(digit));
    view.exampleButtons.push(button);
    examples.append(button);
  }
  section.append(grid, examples);
  return section;
}

/** Press a cell to switch it; drag across cells (mouse, finger or pen) to paint them the same way. */
function paintWithPointer(grid, view) {
  let paint = null;     // while a stroke is on: {lit}, whether it lights cells or darkens them
  const cellAt = (event) => document.elementFromPoint(event.clientX, event.clientY)?.closest?.(".cell");
  grid.addEventListener("pointerdown", (event) => {
    const cell = event.target.closest(".cell");
    if (!cell || event.button !== 0) return;
    event.preventDefault();
    cell.focus();
    capturePointer(grid, event);
    paint = { lit: cell.getAttribute("aria-pressed") !== "true" };
    view.onPaint(view.cells.indexOf(cell), paint.lit, false);
  });
  grid.addEventListener("pointermove", (event) => {
    const cell = paint && cellAt(event);
    if (cell && grid.contains(cell) && (cell.getAttribute("aria-pressed") === "true") !== paint.lit) {
      view.onPaint(view.cells.indexOf(cell), paint.lit, false);
    }
  });
  const finish = () => {
    if (!paint) return;
    paint = null;
    view.onStrokeEnd();
  };
  grid.addEventListener("pointerup", finish);
  grid.addEventListener("pointercancel", finish);
  // Keyboard presses arrive as clicks without a pointer (detail 0); pointer presses were handled above.
  grid.addEventListener("click", (event) => {
    const cell = event.target.closest(".cell");
    if (cell && event.detail === 0) {
      view.onPaint(view.cells.indexOf(cell), cell.getAttribute("aria-pressed") !== "true", true);
    }
  });
}

function moveFocusWithArrows(cells) {
  const moves = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: SIDE, ArrowUp: -SIDE };
  cells.forEach((cell, index) => cell.addEventListener("keydown", (event) => {
    const next = index + (moves[event.key] ?? 0);
    const sameRow = Math.abs(moves[event.key] ?? 0) !== 1 || Math.floor(next / SIDE) === Math.floor(index / SIDE);
    if (moves[event.key] && next >= 0 && next < CELLS && sameRow) {
      event.preventDefault();
      cells[next].focus();
    }
  }));
}

// ---------------------------------------------------------------- hidden layer: lamps and 26 knobs

/** A knob that turns the weight or bias at `address()`, which follows the chosen neuron or digit. */
function knobAt(view, testid, address) {
  return new Knob(testid, (value, final) => view.onKnob(address(), value, final));
}

function buildHiddenPanel(view) {
  const section = panel("hidden", "Hidden layer", "5 neurons, sigmoid");
  const lamps = el("div", { class: "lamps", role: "group", "aria-label": "Choose a hidden neuron to tune" });
  view.lamps = Array.from({ length: HIDDEN }, (_, j) => {
    const picture = el("span", { class: "lamp-weights", "aria-hidden": "true" });
    const squares = Array.from({ length: CELLS }, () => picture.appendChild(el("span")));
    const value = el("span", { class: "lamp-value", text: "–" });
    // Named by its text, the words a voice-control user reads: "Hidden neuron 1 0.77".
    const button = el("button", { type: "button", class: "lamp", "data-testid": `machine-neuron-${j}`,
                                  "aria-pressed": "false" }, el("span", { class: "visually-hidden", text: "Hidden neuron " }),
      el("span", { class: "lamp-bulb" }, el("span", { text: String(j + 1) })), value, picture);
    button.addEventListener("click", () => view.onChoose("neuron", j));
    lamps.append(button);
    return { button, value, squares };
  });

  view.curve = buildActivationCurve();
  const knobHead = el("div", { class: "knob-head" });
  view.knobTitle = el("h4", {});
  view.formula = el("p", { class: "formula" });
  knobHead.append(view.knobTitle, view.formula);

  const grid = el("div", { class: "knob-grid", role: "group", "aria-label": "Weights from the 25 cells" });
  view.hiddenKnobs = Array.from({ length: CELLS }, (_, i) => {
    const knob = knobAt(view, `machine-knob-${i}`, () => ["hidden_weights", view.neuron, i]);
    grid.append(el("div", { class: "knob-slot" }, knob.element));
    return knob;
  });
  view.hiddenBias = knobAt(view, "machine-knob-bias", () => ["hidden_biases", view.neuron]);
  const bias = el("div", { class: "bias-row" }, view.hiddenBias.element,
    el("p", { class: "bias-note", text: "Bias b: added to the weighted sum whatever is drawn. " +
      "Knobs over dark cells do nothing for this drawing: their input x is 0." }));
  section.append(lamps, view.curve.element, knobHead, grid, bias);
  return section;
}

/** σ(z) drawn from z = −6 to 6, with a dot for each hidden neuron where its weighted sum is. */
function buildActivationCurve() {
  const x = (z) => 14 + ((z + 6) / 12) * 188;
  const y = (a) => 58 - a * 50;
  const points = Array.from({ length: 61 }, (_, i) => {
    const z = -6 + i * 0.2;
    return `${x(z).toFixed(1)},${y(1 / (1 + Math.exp(-z))).toFixed(1)}`;
  });
  const dots = Array.from({ length: HIDDEN }, (_, j) => svg("g", { class: "curve-dot" },
    svg("circle", { r: "5.5" }), svg("text", { "text-anchor": "middle", dy: "3" }, String(j + 1))));
  const plot = svg("svg", { class: "curve", viewBox: "0 0 216 68", "aria-hidden": "true" },
    svg("line", { x1: x(0), x2: x(0), y1: "4", y2: "62", class: "curve-axis" }),
    svg("line", { x1: "10", x2: "206", y1: y(0), y2: y(0), class: "curve-axis" }),
    svg("text", { x: "4", y: y(1) + 3, class: "curve-tick" }, "1"),
    svg("text", { x: "4", y: y(0) + 3, class: "curve-tick" }, "0"),
    svg("polyline", { points: points.join(" "), class: "curve-line" }), ...dots);
  const element = el("figure", { class: "activation" }, plot,
    el("figcaption", {}, el("strong", { text: "The sigmoid" }),
      el("span", { class: "math curve-formula" }, "a = σ(z) = 1 / (1 + e", el("sup", { text: "−z" }), ")"),
      el("span", { class: "curve-why", text: "A neuron's glow a, from 0 (dark) to 1 (lit), grows smoothly " +
        "with its weighted sum z: every small turn of a knob makes a small change." })));
  return { element, dots, x, y };
}

// ---------------------------------------------------------------- output layer: bars, matrix, 6 knobs

function buildOutputPanel(view) {
  const section = panel("output", "Output", "softmax: ten probabilities");
  const outputs = el("div", { class: "outputs", role: "group", "aria-label": "Outputs: choose the right digit" });
  view.outputs = Array.from({ length: DIGITS }, (_, k) => {
    const button = el("button", { type: "button", class: "target", "data-testid": `machine-target-${k}`,
                                  "aria-pressed": "false", "aria-label": `The right answer is ${k}` }, String(k));
    button.addEventListener("click", () => view.onChoose("target", k));
    const fill = el("span", { class: "output-fill" });
    const bar = el("span", { class: "output-bar", "data-testid": `machine-output-${k}`, "data-prob": "" }, fill);
    const value = el("span", { class: "output-value", text: "–" });
    outputs.append(el("div", { class: "output-row" }, button, bar, value));
    return { button, bar, fill, value };
  });

  const matrix = el("div", { class: "matrix", role: "group", "aria-label": "Output weights: choose a digit's knobs" });
  matrix.append(el("div", { class: "matrix-header", "aria-hidden": "true" }, el("span", { text: "" }),
    ...Array.from({ length: HIDDEN }, (_, j) => el("span", { text: String(j + 1) })), el("span", { text: "b" })));
  view.matrixRows = Array.from({ length: DIGITS }, (_, k) => {
    const row = el("button", { type: "button", class: "matrix-row", "data-testid": `machine-output-row-${k}`,
                               "aria-pressed": "false", "aria-label": `Show the knobs into output ${k}` },
      el("span", { class: "matrix-digit", text: String(k) }));
    const squares = Array.from({ length: HIDDEN + 1 }, () => row.appendChild(el("span", { class: "matrix-cell" })));
    row.addEventListener("click", () => view.onChoose("output", k));
    matrix.append(row);
    return { row, squares };
  });

  view.outputTitle = el("h4", {});
  const knobs = el("div", { class: "output-knobs" });
  view.outputKnobs = Array.from({ length: HIDDEN }, (_, j) => {
    const knob = knobAt(view, `machine-output-knob-${j}`, () => ["output_weights", view.output, j]);
    knobs.append(el("div", { class: "knob-slot" }, knob.element,
      el("span", { class: "knob-caption", text: `from ${j + 1}` })));
    return knob;
  });
  view.outputBias = knobAt(view, "machine-output-knob-bias", () => ["output_biases", view.output]);
  knobs.append(el("div", { class: "knob-slot" }, view.outputBias.element,
    el("span", { class: "knob-caption", text: "bias" })));
  section.append(outputs, el("div", { class: "output-layer" }, matrix, el("div", {}, view.outputTitle, knobs)));
  return section;
}

// ---------------------------------------------------------------- the loss display

function buildLossPanel(view) {
  const section = el("section", { class: "machine-panel panel-loss", "aria-label": "Loss" });
  view.lossLabel = el("span", { class: "loss-label" });
  view.display = new SevenSegments(4);
  view.loss = el("span", { class: "visually-hidden", "data-testid": "machine-loss" });
  view.delta = el("span", { class: "loss-delta", "data-testid": "machine-delta", "aria-live": "polite" });
  view.spark = svg("polyline", { class: "spark-line" });
  view.sparkDot = svg("circle", { class: "spark-dot", r: "2.5" });
  const spark = svg("svg", { class: "spark", viewBox: "0 0 120 32", preserveAspectRatio: "none", "aria-hidden": "true" },
    view.spark, view.sparkDot);
  view.history = el("figure", { class: "history", "data-testid": "machine-history", "data-count": "0" }, spark,
    el("figcaption", { text: "The loss after each of your moves" }));
  const explain = el("p", { class: "loss-explain", text:
    "The loss is small when the machine gives the right digit a high probability: 0 if it is certain, " +
    "2.30 if it guesses among ten, more when it is sure of a wrong digit." });
  section.append(el("div", { class: "loss-readout" }, view.lossLabel,
    el("div", { class: "display" }, view.display.element, view.loss), view.delta), view.history, explain);
  return section;
}

/** A seven-segment display drawn in SVG: digits, a decimal point, dashes while there is nothing to show. */
class SevenSegments {
  // Each segment of a 24x44 digit: horizontal ("h") or vertical ("v"), from, to, and where across.
  static SEGMENTS = { a: ["h", 2, 22, 2], b: ["v", 2, 22, 22], c: ["v", 22, 42, 22], d: ["h", 2, 22, 42],
                      e: ["v", 22, 42, 2], f: ["v", 2, 22, 2], g: ["h", 2, 22, 22] };
  static DIGITS = { 0: "abcdef", 1: "bc", 2: "abdeg", 3: "abcdg", 4: "bcfg", 5: "acdfg", 6: "acdefg",
                    7: "abc", 8: "abcdefg", 9: "abcdfg", "-": "g", " ": "" };

  constructor(places) {
    this.places = Array.from({ length: places }, (_, i) => {
      const group = svg("g", { transform: `translate(${8 + i * 34} 3) skewX(-6)` });
      const segments = Object.fromEntries(Object.keys(SevenSegments.SEGMENTS).map((name) => {
        const shape = svg("polygon", { points: SevenSegments.polygon(name), class: "segment" });
        group.append(shape);
        return [name, shape];
      }));
      const point = svg("circle", { cx: "28.5", cy: "42", r: "2.4", class: "segment" });
      group.append(point);
      return { group, segments, point };
    });
    this.element = svg("svg", { class: "segments", viewBox: `0 0 ${10 + places * 34} 50`, "aria-hidden": "true" },
      ...this.places.map((p) => p.group));
    this.show(null);
  }

  /** A segment as a long hexagon, 4 units thick, with a small gap at each end. */
  static polygon(name) {
    const [direction, from, to, across] = SevenSegments.SEGMENTS[name];
    const [a, b, h] = [from + 1, to - 1, 2];
    const outline = [[a, 0], [a + h, -h], [b - h, -h], [b, 0], [b - h, h], [a + h, h]];
    return outline.map(([along, off]) => (direction === "h" ? [along, across + off] : [across + off, along]).join(","))
      .join(" ");
  }

  /** Show a number with as many decimals as fit (2.303, 12.41), or dashes for null. */
  show(value) {
    const text = value === null ? "----" : fitDigits(value, this.places.length);
    const digits = text.replace(".", "");
    const pointAfter = text.indexOf(".") - 1;
    this.places.forEach((place, i) => {
      const lit = SevenSegments.DIGITS[digits[i] ?? " "];
      for (const [name, shape] of Object.entries(place.segments)) shape.classList.toggle("on", lit.includes(name));
      place.point.classList.toggle("on", i === pointAfter);
    });
  }
}

function fitDigits(value, places) {
  const whole = Math.max(1, String(Math.floor(value)).length);
  if (whole >= places) return "9".repeat(places);
  const text = value.toFixed(places - whole);
  return text.replace(".", "").length > places ? value.toFixed(Math.max(0, places - whole - 1)) : text;
}

// ---------------------------------------------------------------- controls

function buildControls(view) {
  const bar = el("div", { class: "machine-controls" });
  view.hint = el("input", { type: "checkbox", "data-testid": "machine-hint" });
  const hint = el("label", { class: "switch" }, view.hint, el("span", { text: "Hint arrows" }));

  view.scope = Object.fromEntries(["drawing", "set"].map((scope) => [scope, el("input", {
    type: "radio", name: "machine-scope", value: scope, "data-testid": `machine-scope-${scope}` })]));
  const scope = el("div", { class: "segmented", role: "radiogroup", "aria-label": "Learn from" },
    el("span", { class: "segmented-label", text: "Learn from" }),
    el("label", {}, view.scope.drawing, el("span", { text: "this drawing" })),
    el("label", {}, view.scope.set, el("span", { text: "the training set" })));

  view.rate = el("select", { "data-testid": "machine-rate", "aria-label": "Learning rate" },
    ...RATES.map((rate) => el("option", { value: String(rate), text: String(rate) })));
  const rate = el("label", { class: "rate" }, el("span", { text: "Learning rate η" }), view.rate);

  view.step = el("button", { type: "button", class: "button primary", "data-testid": "machine-step" }, "One step");
  view.auto = el("button", { type: "button", class: "button", "data-testid": "machine-auto", disabled: "",
                             "aria-pressed": "false" }, "Auto");
  view.reset = el("button", { type: "button", class: "button", "data-testid": "machine-reset" }, "Reset");
  bar.append(hint, scope, rate, el("div", { class: "machine-buttons" }, view.step, view.auto, view.reset));
  return bar;
}

function bindControls(view) {
  view.hint.addEventListener("change", () => view.onChoose("hint", view.hint.checked));
  for (const radio of Object.values(view.scope)) {
    radio.addEventListener("change", () => radio.checked && view.onChoose("scope", radio.value));
  }
  view.rate.addEventListener("change", () => view.onChoose("rate", Number(view.rate.value)));
  view.step.addEventListener("click", () => view.onStep());
  view.auto.addEventListener("click", () => view.onAuto());
  view.reset.addEventListener("click", () => view.onReset());
}

function showAutoRunning(view, running) {
  view.machine.dataset.auto = running ? "running" : "idle";
  view.auto.textContent = running ? "Stop" : "Auto";
  view.auto.setAttribute("aria-pressed", String(running));
  view.step.disabled = running;
}

// ---------------------------------------------------------------- the training set

function buildSetPanel(view) {
  view.setItems = el("ol", { class: "set-items" });
  view.setDisplay = new SevenSegments(4);
  view.setLoss = el("span", { class: "visually-hidden", "data-testid": "machine-set-loss" });
  view.setSummary = el("p", { class: "set-summary" });
  return el("section", { class: "machine-set", "aria-label": "The training set" },
    el("div", { class: "set-head" },
      el("div", {}, el("h3", { class: "panel-title", text: "Training set" }),
        el("p", { class: "set-why", text:
          "One drawing is not enough. Make the loss of your drawing tiny and look here: the machine may now " +
          "answer the same for every drawing. To read digits it must do well on many examples at once, so " +
          "training lowers the mean loss over a set. Choose “Learn from the training set” and take steps, " +
          "or press Auto to watch gradient descent turn all 190 knobs by itself." })),
      el("div", { class: "set-score" }, el("span", { class: "loss-label", text: "mean loss over the set" }),
        el("div", { class: "display small" }, view.setDisplay.element, view.setLoss), view.setSummary)),
    view.setItems);
}

function buildSet(view, examples, onPick) {
  view.setRows = examples.map((example, index) => {
    const picture = el("span", { class: "mini-grid", "aria-hidden": "true" },
      ...example.cells.map((lit) => el("span", { class: lit ? "lit" : "" })));
    const loss = el("span", { class: "set-loss", text: "–" });
    const guess = el("span", { class: "set-guess" });
    const fill = el("span", { class: "set-fill" });
    const button = el("button", { type: "button", class: "set-item", "data-testid": `machine-set-item-${index}` },
      picture, el("span", { class: "visually-hidden", text: "Load the example " }),
      el("span", { class: "set-target", text: `${example.target}` }), guess,
      el("span", { class: "set-bar", "aria-hidden": "true" }, fill), loss);
    button.addEventListener("click", () => onPick(index));
    view.setItems.append(el("li", {}, button));
    return { button, loss, guess, fill };
  });
}

// ==================================================================== showing the state

function render(view, state) {
  view.neuron = state.neuron;
  view.output = state.output;
  view.cells.forEach((cell, i) => {
    cell.setAttribute("aria-pressed", String(state.cells[i] === 1));
  });
  view.lamps.forEach((lamp, j) => {
    lamp.button.setAttribute("aria-pressed", String(j === state.neuron));
    state.knobs.hidden_weights[j].forEach((w, i) => paintWeight(lamp.squares[i], w));
  });
  const j = state.neuron;
  view.knobTitle.textContent = `Knobs into hidden neuron ${j + 1}`;
  view.hiddenKnobs.forEach((knob, i) => {
    knob.label(`Weight from cell ${cellName(i)} into hidden neuron ${j + 1}`);
    knob.show(state.knobs.hidden_weights[j][i]);
    knob.element.parentElement.classList.toggle("lit", state.cells[i] === 1);
    knob.element.classList.toggle("idle", state.cells[i] === 0);
  });
  view.hiddenBias.label(`Bias of hidden neuron ${j + 1}`);
  view.hiddenBias.show(state.knobs.hidden_biases[j]);

  const k = state.output;
  view.outputTitle.textContent = `Knobs into output ${k}`;
  view.outputKnobs.forEach((knob, h) => {
    knob.label(`Weight from hidden neuron ${h + 1} into output ${k}`);
    knob.show(state.knobs.output_weights[k][h]);
  });
  view.outputBias.label(`Bias of output ${k}`);
  view.outputBias.show(state.knobs.output_biases[k]);
  view.matrixRows.forEach(({ row, squares }, digit) => {
    row.setAttribute("aria-pressed", String(digit === k));
    [...state.knobs.output_weights[digit], state.knobs.output_biases[digit]].forEach((w, i) => paintWeight(squares[i], w));
  });
  view.outputs.forEach(({ button }, digit) => button.setAttribute("aria-pressed", String(digit === state.target)));
  view.lossLabel.replaceChildren("loss = −log p", el("sub", { text: String(state.target) }),
    el("span", { class: "loss-for", text: ` (the right answer is ${state.target})` }));
  view.hint.checked = state.hint;
  view.scope[state.scope].checked = true;
  view.rate.value = String(state.rate);
}

/** A weight as a colour: warm for positive, cool for negative, stronger the bigger it is (small ones still show). */
function paintWeight(square, weight) {
  square.classList.toggle("negative", weight < 0);
  square.style.setProperty("--strength", Math.sqrt(Math.abs(weight) / LIMIT).toFixed(3));
}

function showForward(view, state, forward) {
  view.display.show(forward.loss);
  view.loss.textContent = forward.loss.toFixed(4);
  view.loss.dataset.loss = String(forward.loss);
  forward.hidden_activation.forEach((a, j) => {
    const lamp = view.lamps[j];
    lamp.button.style.setProperty("--glow", a.toFixed(3));
    lamp.button.classList.toggle("bright", a > 0.6);
    lamp.value.textContent = a.toFixed(2);
    const z = Math.max(-6, Math.min(6, forward.hidden_weighted_sum[j]));
    const dot = view.curve.dots[j];
    dot.setAttribute("transform", `translate(${view.curve.x(z).toFixed(1)} ${view.curve.y(a).toFixed(1)})`);
    dot.classList.toggle("chosen", j === state.neuron);
  });
  const j = state.neuron;
  const z = forward.hidden_weighted_sum[j], a = forward.hidden_activation[j];
  view.formula.textContent = `z = Σ wᵢxᵢ + b = ${signed(z)}    a = σ(z) = ${a.toFixed(2)}`;
  const top = forward.output_activation.indexOf(Math.max(...forward.output_activation));
  forward.output_activation.forEach((p, k) => {
    const output = view.outputs[k];
    output.bar.dataset.prob = p.toFixed(4);
    output.fill.style.setProperty("--p", p.toFixed(4));
    output.value.textContent = `${(p * 100).toFixed(p < 0.1 ? 1 : 0)}%`;
    output.bar.parentElement.classList.toggle("top", k === top);
    output.bar.parentElement.classList.toggle("right", k === state.target);
  });
}

/** Mark each shown knob with the way to turn it to lower the loss: the arc's length is the gradient's size. */
function showHint(view, state, hint) {
  const gradient = hint?.gradient;
  const largest = gradient ? Math.max(...flatKnobs(gradient).map(Math.abs)) || 1 : 1;
  const at = (address) => (gradient ? getKnob(gradient, address) : null);
  view.hiddenKnobs.forEach((knob, i) => knob.hint(at(["hidden_weights", state.neuron, i]), largest));
  view.hiddenBias.hint(at(["hidden_biases", state.neuron]), largest);
  view.outputKnobs.forEach((knob, h) => knob.hint(at(["output_weights", state.output, h]), largest));
  view.outputBias.hint(at(["output_biases", state.output]), largest);
}

function showSet(view, set) {
  view.setDisplay.show(set.mean);
  view.setLoss.textContent = set.mean.toFixed(4);
  view.setSummary.textContent = `total ${set.total.toFixed(2)} · reads ${set.correct} of ${set.losses.length} right`;
  (view.setRows ?? []).forEach((row, i) => {
    row.loss.textContent = set.losses[i].toFixed(2);
    row.button.dataset.loss = set.losses[i].toFixed(4);
    row.fill.style.setProperty("--p", Math.min(1, set.losses[i] / 4).toFixed(3));
    row.guess.textContent = `reads ${set.guesses[i]}`;
    row.button.classList.toggle("wrong", set.guesses[i] !== i);
  });
}

function showHistory(view, history, previous) {
  view.history.dataset.count = String(history.length);
  const top = Math.max(0.5, ...history);
  const x = (i) => (history.length === 1 ? 60 : (i / (history.length - 1)) * 116 + 2);
  const points = history.map((loss, i) => [x(i), 30 - (loss / top) * 27]);
  view.spark.setAttribute("points", points.map((p) => p.map((v) => v.toFixed(1)).join(",")).join(" "));
  const last = points.at(-1);
  view.sparkDot.setAttribute("visibility", last ? "visible" : "hidden");
  if (last) view.sparkDot.setAttribute("transform", `translate(${last[0]} ${last[1]})`);
  const change = previous === undefined ? null : history.at(-1) - previous;
  const visible = change !== null && Math.abs(change) >= 5e-5;
  view.delta.textContent = visible ? `${change < 0 ? "▼" : "▲"} ${Math.abs(change).toFixed(3)}` : "";
  view.delta.className = `loss-delta ${change < 0 ? "down" : "up"}`;
}

function showMessage(view, text) {
  if (view.message.textContent !== text) view.message.textContent = text;
}

// ==================================================================== the knob

/** A rotary knob from −4 to 4: drag it (up or right turns it up), or focus it and use the arrow keys. */
class Knob {
  constructor(testid, onTurn) {
    this.onTurn = onTurn;
    this.value = 0;
    this.valueArc = svg("path", { class: "knob-value" });
    this.hintArc = svg("path", { class: "knob-hint", "marker-end": "url(#machine-arrow)" });
    this.cap = el("span", { class: "knob-cap" });
    this.readout = el("span", { class: "knob-readout", "aria-hidden": "true" });
    this.element = el("div", { class: "knob", role: "slider", tabindex: "0", "data-testid": testid,
                               "aria-valuemin": String(-LIMIT), "aria-valuemax": String(LIMIT), "aria-valuenow": "0" },
      svg("svg", { class: "knob-ring", viewBox: "-24 -24 48 48", "aria-hidden": "true" },
        svg("path", { class: "knob-track", d: arc(-SWEEP, SWEEP) }), this.valueArc, this.hintArc),
      this.cap, this.readout);
    this.listen();
  }

  label(text) {
    if (this.element.getAttribute("aria-label") !== text) this.element.setAttribute("aria-label", text);
  }

  listen() {
    let drag = null;
    const element = this.element;
    element.addEventListener("pointerdown", (event) => {
      if (event.button !== 0) return;
      event.preventDefault();
      element.focus();
      capturePointer(element, event);
      drag = { x: event.clientX, y: event.clientY, from: this.value };
      element.classList.add("turning");
    });
    element.addEventListener("pointermove", (event) => {
      if (!drag) return;
      const pixels = (event.clientX - drag.x) - (event.clientY - drag.y);
      const fine = event.shiftKey ? 0.2 : 1;
      this.turnTo(Math.round((drag.from + pixels * UNITS_PER_PIXEL * fine) * 100) / 100, false);
    });
    const release = () => {
      if (!drag) return;
      drag = null;
      element.classList.remove("turning");
      this.onTurn(this.value, true);
    };
    element.addEventListener("pointerup", release);
    element.addEventListener("pointercancel", release);
    element.addEventListener("dblclick", () => this.turnTo(0, true));
    element.addEventListener("keydown", (event) => {
      const target = event.key === "Home" ? -LIMIT : event.key === "End" ? LIMIT
        : KEY_STEPS[event.key] !== undefined ? this.value + KEY_STEPS[event.key] : null;
      if (target === null) return;
      event.preventDefault();
      this.turnTo(target, true);
    });
  }

  turnTo(value, final) {
    const next = quantize(value);
    if (next === this.value && !final) return;
    this.show(next);
    this.onTurn(next, final);
  }

  show(value) {
    if (value === this.value && this.element.hasAttribute("aria-valuetext")) return;
    this.value = value;
    const angle = (value / LIMIT) * SWEEP;
    this.element.setAttribute("aria-valuenow", String(value));
    this.element.setAttribute("aria-valuetext", signed(value));
    this.valueArc.setAttribute("d", value === 0 ? "" : arc(Math.min(0, angle), Math.max(0, angle)));
    this.valueArc.classList.toggle("negative", value < 0);
    this.cap.style.setProperty("--angle", `${angle.toFixed(1)}deg`);
    this.readout.textContent = signed(value);
    if (this.gradient !== undefined) this.hint(this.gradient, this.largest);
  }

  /** An arrow along the rim from the pointer, the way that lowers the loss (−gradient), as long as the gradient is big. */
  hint(gradient, largest) {
    this.gradient = gradient;
    this.largest = largest;
    // The square root keeps small but real gradients visible next to the largest one.
    const strength = gradient === null ? 0 : Math.sqrt(Math.abs(gradient) / largest);
    const direction = gradient < 0 ? "up" : "down";
    const shown = strength >= 0.02;
    this.element.dataset.hint = shown ? direction : "none";
    this.element.dataset.gradient = gradient === null ? "" : String(gradient);
    this.element.setAttribute("aria-valuetext", signed(this.value) + (shown ? `, hint: turn ${direction}` : ""));
    if (!shown) {
      this.hintArc.setAttribute("d", "");
      return;
    }
    const from = (this.value / LIMIT) * SWEEP;
    const length = 12 + strength * 78;
    this.hintArc.setAttribute("d", arc(from, from + (direction === "up" ? length : -length), 21.5));
  }
}

/** An SVG arc on a circle of `radius` around 0, from angle `from` to `to` (degrees clockwise from the top). */
function arc(from, to, radius = 19) {
  const point = (deg) => {
    const rad = (deg * Math.PI) / 180;
    return `${(radius * Math.sin(rad)).toFixed(2)} ${(-radius * Math.cos(rad)).toFixed(2)}`;
  };
  const large = Math.abs(to - from) > 180 ? 1 : 0;
  const sweep = to > from ? 1 : 0;
  return `M ${point(from)} A ${radius} ${radius} 0 ${large} ${sweep} ${point(to)}`;
}
