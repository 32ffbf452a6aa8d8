// The machine's panels, built once: the loss display, the 5x5 input grid, the hidden layer
// (lamps, the sigmoid, 26 knobs), the output layer (bars, the weight matrix, 6 knobs), the
// controls and the training set. Each builder returns the parts the view later fills in;
// what the visitor does goes to `on`, the controller's handlers.

import { MACHINE } from "../../generated/facts.js";
import { h, s } from "../../lib/dom.js";
import { capturePointer } from "../../lib/pointer.js";
import { knobPosition, MACHINE_RATES } from "../../lib/url-state.js";
import { Knob } from "../../widgets/knob.js";
import { SevenSegments } from "../../widgets/seven-segments.js";

const { cells: CELLS, side: SIDE, hidden: HIDDEN, digits: DIGITS } = MACHINE;

export const cellName = (index) => `row ${Math.floor(index / SIDE) + 1}, column ${(index % SIDE) + 1}`;

/** The arrowhead the hints' arcs end in, defined once for every knob. */
export function arrowDefinitions() {
  return s("svg", { class: "machine-defs", width: "0", height: "0", "aria-hidden": "true" },
    s("defs", {}, s("marker", { id: "machine-arrow", viewBox: "0 0 10 10", refX: "5", refY: "5",
      markerWidth: "3.2", markerHeight: "3.2", orient: "auto-start-reverse" },
    s("path", { d: "M0 0 L10 5 L0 10 z", class: "knob-arrowhead" }))));
}

function panel(name, title, note) {
  return h("section", { class: `machine-panel panel-${name}`, "aria-label": title },
    h("h3", { class: "panel-title" }, title, note ? h("span", { class: "panel-note" }, note) : null));
}

/** A knob for the weight or bias in `group`, in the row the state's `row` key chooses (the neuron or the output). */
function knob(on, testid, group, row, column) {
  return new Knob({ testid, limit: MACHINE.knob_limit, settle: knobPosition,
                    onTurn: (value, final) => on.knob({ group, row, column }, value, final) });
}

// ---------------------------------------------------------------- input: the 5x5 grid

export function inputPanel(on) {
  const cells = Array.from({ length: CELLS }, (_, index) => h("button", {
    type: "button", class: "cell", "data-testid": `machine-cell-${index}`,
    "aria-label": `Cell ${cellName(index)}`, "aria-pressed": "false" }));
  const grid = h("div", { class: "cells", role: "group", "aria-label": "The 5 by 5 input grid" }, cells);
  paintWithPointer(grid, cells, on);
  moveFocusWithArrows(cells);
  const examples = Array.from({ length: DIGITS }, (_, digit) => h("button", {
    type: "button", class: "example", "data-testid": `machine-example-${digit}`,
    "aria-label": `Load the example ${digit}`, disabled: true, onclick: () => on.example(digit) }, String(digit)));
  const element = panel("input", "Input", "25 buttons, x = 1 when lit");
  element.append(grid, h("div", { class: "examples", role: "group", "aria-label": "Load an example drawing" },
    h("span", { class: "examples-label" }, "Examples"), examples));
  return { element, cells, examples };
}

/** Press a cell to switch it; drag across cells (mouse, finger or pen) to paint them the same way. */
function paintWithPointer(grid, cells, on) {
  let paint = null;     // while a stroke is on: {lit}, whether it lights cells or darkens them
  const isLit = (cell) => cell.getAttribute("aria-pressed") === "true";
  const cellAt = (event) => document.elementFromPoint(event.clientX, event.clientY)?.closest?.(".cell");
  grid.addEventListener("pointerdown", (event) => {
    const cell = event.target.closest(".cell");
    if (!cell || event.button !== 0) return;
    event.preventDefault();
    cell.focus();
    capturePointer(grid, event);
    paint = { lit: !isLit(cell) };
    on.paint(cells.indexOf(cell), paint.lit, false);
  });
  grid.addEventListener("pointermove", (event) => {
    const cell = paint && cellAt(event);
    if (cell && grid.contains(cell) && isLit(cell) !== paint.lit) on.paint(cells.indexOf(cell), paint.lit, false);
  });
  const finish = () => {
    if (!paint) return;
    paint = null;
    on.strokeEnd();
  };
  grid.addEventListener("pointerup", finish);
  grid.addEventListener("pointercancel", finish);
  // Keyboard presses arrive as clicks without a pointer (detail 0); pointer presses were handled above.
  grid.addEventListener("click", (event) => {
    const cell = event.target.closest(".cell");
    if (cell && event.detail === 0) on.paint(cells.indexOf(cell), !isLit(cell), true);
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

export function hiddenPanel(on) {
  const lamps = Array.from({ length: HIDDEN }, (_, j) => {
    const squares = Array.from({ length: CELLS }, () => h("span"));
    const value = h("span", { class: "lamp-value" }, "–");
    // Named by its text, the words a voice-control user reads: "Hidden neuron 1 0.77".
    const button = h("button", { type: "button", class: "lamp", "data-testid": `machine-neuron-${j}`,
                                 "aria-pressed": "false", onclick: () => on.choose("neuron", j) },
      h("span", { class: "visually-hidden" }, "Hidden neuron "),
      h("span", { class: "lamp-bulb" }, h("span", {}, String(j + 1))), value,
      h("span", { class: "lamp-weights", "aria-hidden": "true" }, squares));
    return { button, value, squares };
  });
  const curve = activationCurve();
  const title = h("h4");
  const formula = h("p", { class: "formula" });
  const knobs = Array.from({ length: CELLS }, (_, i) => knob(on, `machine-knob-${i}`, "hidden_weights", "neuron", i));
  const bias = knob(on, "machine-knob-bias", "hidden_biases", "neuron");
  const element = panel("hidden", "Hidden layer", "5 neurons, sigmoid");
  element.append(
    h("div", { class: "lamps", role: "group", "aria-label": "Choose a hidden neuron to tune" }, lamps.map((l) => l.button)),
    curve.element,
    h("div", { class: "knob-head" }, title, formula),
    h("div", { class: "knob-grid", role: "group", "aria-label": "Weights from the 25 cells" },
      knobs.map((k) => h("div", { class: "knob-slot" }, k.element))),
    h("div", { class: "bias-row" }, bias.element,
      h("p", { class: "bias-note" }, "Bias b: added to the weighted sum whatever is drawn. " +
        "Knobs over dark cells do nothing for this drawing: their input x is 0.")));
  return { element, lamps, curve, title, formula, knobs, bias };
}

/** σ(z) drawn from z = −6 to 6, with a dot for each hidden neuron where its weighted sum is. */
function activationCurve() {
  const x = (z) => 14 + ((z + 6) / 12) * 188;
  const y = (a) => 58 - a * 50;
  const points = Array.from({ length: 61 }, (_, i) => {
    const z = -6 + i * 0.2;
    return `${x(z).toFixed(1)},${y(1 / (1 + Math.exp(-z))).toFixed(1)}`;
  });
  const dots = Array.from({ length: HIDDEN }, (_, j) => s("g", { class: "curve-dot" },
    s("circle", { r: "5.5" }), s("text", { "text-anchor": "middle", dy: "3" }, String(j + 1))));
  const element = h("figure", { class: "activation" },
    s("svg", { class: "curve", viewBox: "0 0 216 68", "aria-hidden": "true" },
      s("line", { x1: x(0), x2: x(0), y1: "4", y2: "62", class: "curve-axis" }),
      s("line", { x1: "10", x2: "206", y1: y(0), y2: y(0), class: "curve-axis" }),
      s("text", { x: "4", y: y(1) + 3, class: "curve-tick" }, "1"),
      s("text", { x: "4", y: y(0) + 3, class: "curve-tick" }, "0"),
      s("polyline", { points: points.join(" "), class: "curve-line" }), dots),
    h("figcaption", {}, h("strong", {}, "The sigmoid"),
      h("span", { class: "math curve-formula" }, "a = σ(z) = 1 / (1 + e", h("sup", {}, "−z"), ")"),
      h("span", { class: "curve-why" }, "A neuron's glow a, from 0 (dark) to 1 (lit), grows smoothly " +
        "with its weighted sum z: every small turn of a knob makes a small change.")));
  return { element, dots, x, y };
}

// ---------------------------------------------------------------- output layer: bars, matrix, 6 knobs

export function outputPanel(on) {
  const outputs = Array.from({ length: DIGITS }, (_, k) => {
    const button = h("button", { type: "button", class: "target", "data-testid": `machine-target-${k}`,
                                 "aria-pressed": "false", "aria-label": `The right answer is ${k}`,
                                 onclick: () => on.choose("target", k) }, String(k));
    const fill = h("span", { class: "output-fill" });
    const bar = h("span", { class: "output-bar", "data-testid": `machine-output-${k}`, "data-prob": "" }, fill);
    const value = h("span", { class: "output-value" }, "–");
    const row = h("div", { class: "output-row" }, button, bar, value);
    return { row, button, bar, fill, value };
  });
  const matrixRows = Array.from({ length: DIGITS }, (_, k) => {
    const squares = Array.from({ length: HIDDEN + 1 }, () => h("span", { class: "matrix-cell" }));
    const row = h("button", { type: "button", class: "matrix-row", "data-testid": `machine-output-row-${k}`,
                              "aria-pressed": "false", "aria-label": `Show the knobs into output ${k}`,
                              onclick: () => on.choose("output", k) },
      h("span", { class: "matrix-digit" }, String(k)), squares);
    return { row, squares };
  });
  const title = h("h4");
  const knobs = Array.from({ length: HIDDEN }, (_, j) => knob(on, `machine-output-knob-${j}`, "output_weights", "output", j));
  const bias = knob(on, "machine-output-knob-bias", "output_biases", "output");
  const slot = (k, caption) => h("div", { class: "knob-slot" }, k.element, h("span", { class: "knob-caption" }, caption));
  const element = panel("output", "Output", "softmax: ten probabilities");
  element.append(
    h("div", { class: "outputs", role: "group", "aria-label": "Outputs: choose the right digit" }, outputs.map((o) => o.row)),
    h("div", { class: "output-layer" },
      h("div", { class: "matrix", role: "group", "aria-label": "Output weights: choose a digit's knobs" },
        h("div", { class: "matrix-header", "aria-hidden": "true" }, h("span"),
          Array.from({ length: HIDDEN }, (_, j) => h("span", {}, String(j + 1))), h("span", {}, "b")),
        matrixRows.map((m) => m.row)),
      h("div", {}, title, h("div", { class: "output-knobs" },
        knobs.map((k, j) => slot(k, `from ${j + 1}`)), slot(bias, "bias")))));
  return { element, outputs, matrixRows, title, knobs, bias };
}

// ---------------------------------------------------------------- the loss display

export function lossPanel() {
  const label = h("span", { class: "loss-label" });
  const display = new SevenSegments(4);
  const loss = h("span", { class: "visually-hidden", "data-testid": "machine-loss" });
  const delta = h("span", { class: "loss-delta", "data-testid": "machine-delta", "aria-live": "polite" });
  const spark = s("polyline", { class: "spark-line" });
  const sparkDot = s("circle", { class: "spark-dot", r: "2.5" });
  const history = h("figure", { class: "history", "data-testid": "machine-history", "data-count": "0" },
    s("svg", { class: "spark", viewBox: "0 0 120 32", preserveAspectRatio: "none", "aria-hidden": "true" }, spark, sparkDot),
    h("figcaption", {}, "The loss after each of your moves"));
  const element = h("section", { class: "machine-panel panel-loss", "aria-label": "Loss" },
    h("div", { class: "loss-readout" }, label, h("div", { class: "display" }, display.element, loss), delta),
    history,
    h("p", { class: "loss-explain" }, "The loss is small when the machine gives the right digit a high probability: " +
      "0 if it is certain, 2.30 if it guesses among ten, more when it is sure of a wrong digit."));
  return { element, label, display, loss, delta, history, spark, sparkDot };
}

// ---------------------------------------------------------------- controls

export function controlsBar(on) {
  const hint = h("input", { type: "checkbox", "data-testid": "machine-hint", onchange: () => on.choose("hint", hint.checked) });
  const scope = Object.fromEntries(["drawing", "set"].map((value) => {
    const radio = h("input", { type: "radio", name: "machine-scope", value, "data-testid": `machine-scope-${value}`,
                               onchange: () => radio.checked && on.choose("scope", value) });
    return [value, radio];
  }));
  const rate = h("select", { "data-testid": "machine-rate", "aria-label": "Learning rate",
                             onchange: () => on.choose("rate", Number(rate.value)) },
    MACHINE_RATES.map((value) => h("option", { value }, String(value))));
  const step = h("button", { type: "button", class: "button primary", "data-testid": "machine-step", onclick: on.step }, "One step");
  const auto = h("button", { type: "button", class: "button", "data-testid": "machine-auto", disabled: true,
                             "aria-pressed": "false", onclick: on.auto }, "Auto");
  const reset = h("button", { type: "button", class: "button", "data-testid": "machine-reset", onclick: on.reset }, "Reset");
  const element = h("div", { class: "machine-controls" },
    h("label", { class: "switch" }, hint, h("span", {}, "Hint arrows")),
    h("div", { class: "segmented", role: "radiogroup", "aria-label": "Learn from" },
      h("span", { class: "segmented-label" }, "Learn from"),
      h("label", {}, scope.drawing, h("span", {}, "this drawing")),
      h("label", {}, scope.set, h("span", {}, "the training set"))),
    h("label", { class: "rate" }, h("span", {}, "Learning rate η"), rate),
    h("div", { class: "machine-buttons" }, step, auto, reset));
  return { element, hint, scope, rate, step, auto };
}

// ---------------------------------------------------------------- the training set

export function setPanel() {
  const items = h("ol", { class: "set-items" });
  const display = new SevenSegments(4);
  const loss = h("span", { class: "visually-hidden", "data-testid": "machine-set-loss" });
  const summary = h("p", { class: "set-summary" });
  const element = h("section", { class: "machine-set", "aria-label": "The training set" },
    h("div", { class: "set-head" },
      h("div", {}, h("h3", { class: "panel-title" }, "Training set"),
        h("p", { class: "set-why" },
          "One drawing is not enough. Make the loss of your drawing tiny and look here: the machine may now " +
          "answer the same for every drawing. To read digits it must do well on many examples at once, so " +
          "training lowers the mean loss over a set. Choose “Learn from the training set” and take steps, " +
          "or press Auto to watch gradient descent turn every knob by itself.")),
      h("div", { class: "set-score" }, h("span", { class: "loss-label" }, "mean loss over the set"),
        h("div", { class: "display small" }, display.element, loss), summary)),
    items);
  return { element, items, display, loss, summary, rows: [] };
}

/** One row per example, in the order given; pressing one loads it. */
export function setRows(examples, on) {
  return examples.map((example, index) => {
    const loss = h("span", { class: "set-loss" }, "–");
    const guess = h("span", { class: "set-guess" });
    const fill = h("span", { class: "set-fill" });
    const button = h("button", { type: "button", class: "set-item", "data-testid": `machine-set-item-${index}`,
                                 onclick: () => on.example(example.target) },
      h("span", { class: "mini-grid", "aria-hidden": "true" }, example.cells.map((lit) => h("span", { class: lit ? "lit" : null }))),
      h("span", { class: "visually-hidden" }, "Load the example "),
      h("span", { class: "set-target" }, String(example.target)), guess,
      h("span", { class: "set-bar", "aria-hidden": "true" }, fill), loss);
    return { item: h("li", {}, button), button, loss, guess, fill, target: example.target };
  });
}
