// The perceptron's pictures, in SVG: small icons for the inputs, the neuron itself (inputs,
// weighted connections, the summing node, the step) and the two outcomes, a day at the beach
// or an afternoon at home. Colours come from CSS classes (perceptron.css), so dark mode just works.

import { s } from "../../lib/dom.js";
import { fixed } from "../../lib/format.js";

// Each input's two icons, for +1 and for −1 (sunny / raining, weekend / weekday, friends / alone).
const ICONS = [
  [[["circle", { cx: 12, cy: 12, r: 4.2 }],
    ["path", { d: "M12 2.5v2.6M12 18.9v2.6M2.5 12h2.6M18.9 12h2.6M5.3 5.3l1.8 1.8M16.9 16.9l1.8 1.8M5.3 18.7l1.8-1.8M16.9 7.1l1.8-1.8" }]],
   [["path", { d: "M7 15.5a4 4 0 0 1 .4-8 5.2 5.2 0 0 1 10 1.6 3.3 3.3 0 0 1-.4 6.4z" }],
    ["path", { d: "M8.5 18.5l-1 2.5M12.5 18.5l-1 2.5M16.5 18.5l-1 2.5" }]]],
  [[["rect", { x: 3.5, y: 5, width: 17, height: 15.5, rx: 2 }], ["path", { d: "M3.5 9.5h17M8 3v4M16 3v4" }],
    ["rect", { class: "icon-fill", x: 13, y: 12.5, width: 2.8, height: 2.8, rx: 0.5 }],
    ["rect", { class: "icon-fill", x: 16.2, y: 12.5, width: 2.8, height: 2.8, rx: 0.5 }]],
   [["rect", { x: 3, y: 8, width: 18, height: 12, rx: 2 }], ["path", { d: "M9 8V5.5h6V8M3 13h18" }]]],
  [[["circle", { cx: 8.5, cy: 8, r: 3 }], ["path", { d: "M2.5 20c0-3.5 2.7-6 6-6s6 2.5 6 6" }],
    ["circle", { cx: 16.5, cy: 9, r: 2.5 }], ["path", { d: "M16 14c3 .2 5.5 2.3 5.5 5.6" }]],
   [["circle", { cx: 12, cy: 8, r: 3.5 }], ["path", { d: "M5 20.5c0-4 3.1-7 7-7s7 3 7 7" }]]],
];

/** A 24×24 line icon for input `index` at `value` (+1 or −1). */
export function icon(index, value) {
  return s("svg", { class: "icon", viewBox: "0 0 24 24", "aria-hidden": "true", focusable: "false" },
    ICONS[index][value > 0 ? 0 : 1].map(([tag, attributes]) => s(tag, attributes)));
}

const shapes = (list) => list.map(([tag, attributes]) => s(tag, attributes));

/** The beach: sun, sea, sand and a parasol. */
export function beach() {
  return s("svg", { class: "scene", viewBox: "0 0 200 120", role: "img", "aria-label": "A sunny beach: you go" }, shapes([
    ["rect", { class: "sky", width: 200, height: 120 }],
    ["circle", { class: "sun", cx: 158, cy: 32, r: 14 }],
    ["path", { class: "sun-rays", d: "M158 8v6M158 50v6M134 32h6M176 32h6M141 15l4 4M171 45l4 4M141 49l4-4M171 19l4-4" }],
    ["path", { class: "sea", d: "M0 62c15-5 30 5 45 0s30-5 45 0 30 5 45 0 30-5 45 0 15 4 20 2v26H0z" }],
    ["path", { class: "wave", d: "M10 72c8-3 16 3 24 0M80 76c8-3 16 3 24 0M140 70c8-3 16 3 24 0" }],
    ["path", { class: "sand", d: "M0 86c40-8 120-10 200-4v38H0z" }],
    ["path", { class: "pole", d: "M62 52l12 52" }],
    ["path", { class: "parasol", d: "M30 60c6-22 50-30 66-8z" }],
    ["path", { class: "parasol-stripe", d: "M50 48c2 3 4 7 4 8M73 46c0 3-1 8-2 9" }],
    ["rect", { class: "towel", x: 96, y: 96, width: 46, height: 12, rx: 2, transform: "rotate(-6 119 102)" }],
    ["circle", { class: "ball", cx: 160, cy: 100, r: 7 }],
    ["path", { class: "ball-stripe", d: "M153 100h14M160 93c-3 4-3 10 0 14" }],
  ]));
}

/** Home: a house with a lit window, under a grey sky. */
export function home() {
  return s("svg", { class: "scene", viewBox: "0 0 200 120", role: "img", "aria-label": "A house: you stay home" }, shapes([
    ["rect", { class: "sky home-sky", width: 200, height: 120 }],
    ["path", { class: "cloud", d: "M28 34a9 9 0 0 1 4-17 12 12 0 0 1 22 3 8 8 0 0 1 2 14z" }],
    ["path", { class: "cloud", d: "M140 28a7 7 0 0 1 3-13 10 10 0 0 1 18 2 7 7 0 0 1 2 11z" }],
    ["rect", { class: "ground", y: 104, width: 200, height: 16 }],
    ["path", { class: "roof", d: "M52 60l48-36 48 36z" }],
    ["rect", { class: "wall", x: 62, y: 58, width: 76, height: 48 }],
    ["rect", { class: "chimney", x: 122, y: 30, width: 10, height: 18 }],
    ["rect", { class: "door", x: 74, y: 76, width: 18, height: 30, rx: 2 }],
    ["rect", { class: "window", x: 104, y: 70, width: 24, height: 18, rx: 2 }],
    ["path", { class: "window-bars", d: "M116 70v18M104 79h24" }],
  ]));
}

const INPUT_X = 46;
const INPUT_Y = [58, 126, 194];
const SUM = { x: 228, y: 126, r: 30 };
// Each weight's label sits by its wire on the side the wire leans away from, so they never cross.
const WEIGHT_LABELS = [{ x: 76, y: 52 }, { x: 76, y: 116 }, { x: 76, y: 212 }];

/** The neuron's drawing, empty of numbers: the parts `updateNeuron` fills in. */
export function neuronDrawing() {
  const inputs = INPUT_Y.map((y, i) => {
    const wire = s("line", { class: "wire", x1: INPUT_X + 22, y1: y, x2: SUM.x - SUM.r, y2: SUM.y });
    const weight = s("text", { class: "weight-label", x: WEIGHT_LABELS[i].x, y: WEIGHT_LABELS[i].y }, `w${i + 1}`);
    const word = s("text", { class: "input-word", x: INPUT_X, y: y - 29 });
    const value = s("text", { class: "input-value", x: INPUT_X, y: y + 5 });
    return { connection: s("g", { class: "connection" }, wire, weight), wire, weight,
             node: s("g", { class: "input-node" }, word, s("circle", { cx: INPUT_X, cy: y, r: 21 }), value), word, value };
  });
  const biasWire = s("line", { class: "wire", x1: SUM.x, y1: 22, x2: SUM.x, y2: SUM.y - SUM.r });
  const biasLabel = s("text", { class: "weight-label bias-label", x: SUM.x + 10, y: 34 }, "b");
  const bias = { connection: s("g", { class: "bias" }, biasWire, biasLabel), wire: biasWire, weight: biasLabel };
  const z = s("text", { class: "z-label", x: SUM.x, y: SUM.y + SUM.r + 22 });
  const output = s("text", { class: "output-value", x: 392, y: SUM.y + 7 }, "…");
  const outputWord = s("text", { class: "output-word small-label", x: 392, y: SUM.y + 42 });
  const element = s("svg", { class: "neuron", viewBox: "0 0 420 232", role: "img", "aria-labelledby": "pc-neuron-title" },
    s("title", { id: "pc-neuron-title" }, "The neuron: three inputs, each multiplied by its weight, summed with the bias, then a step"),
    s("defs", {}, s("marker", { id: "pc-arrow", viewBox: "0 0 10 10", refX: 8, refY: 5, markerWidth: 7, markerHeight: 7, orient: "auto" },
      s("path", { class: "arrow-head", d: "M0 0L10 5L0 10z" }))),
    bias.connection,
    inputs.flatMap((input) => [input.connection, input.node]),
    s("circle", { class: "sum-node", cx: SUM.x, cy: SUM.y, r: SUM.r }),
    s("text", { class: "sigma", x: SUM.x, y: SUM.y + 9 }, "Σ"), z,
    s("line", { class: "flow", x1: SUM.x + SUM.r, y1: SUM.y, x2: 286, y2: SUM.y, "marker-end": "url(#pc-arrow)" }),
    s("rect", { class: "step-box", x: 288, y: SUM.y - 24, width: 52, height: 48, rx: 8 }),
    s("path", { class: "step-curve", d: `M296 ${SUM.y + 12}H314V${SUM.y - 12}H332` }),
    s("text", { class: "small-label", x: 314, y: SUM.y + 42 }, "step"),
    s("line", { class: "flow", x1: 340, y1: SUM.y, x2: 368, y2: SUM.y, "marker-end": "url(#pc-arrow)" }),
    s("circle", { class: "output-node", cx: 392, cy: SUM.y, r: 21 }),
    output, outputWord);
  return { element, inputs, bias, z, output, outputWord };
}

/**
 * Redraw the numbers: wires as thick as |w| and coloured by its sign, the inputs' values and
 * words, and (once Python has answered) the sum and the output.
 */
export function updateNeuron(neuron, { x, w, bias }, words, answer) {
  neuron.inputs.forEach((input, i) => {
    styleWire(input.connection, input.wire, w[i]);
    input.weight.textContent = `w${i + 1} = ${fixed(w[i])}`;
    input.node.classList.toggle("negative-input", x[i] < 0);
    input.word.textContent = capitalised(words[i][x[i] > 0 ? 0 : 1]);
    input.value.textContent = x[i] > 0 ? "+1" : "-1";
  });
  styleWire(neuron.bias.connection, neuron.bias.wire, bias);
  neuron.bias.weight.textContent = `b = ${fixed(bias)}`;
  neuron.z.textContent = answer ? `z = ${fixed(answer.weighted_sum)}` : "z = …";
  neuron.output.textContent = answer ? String(answer.output) : "…";
  neuron.outputWord.textContent = answer ? (answer.output ? "go" : "stay") : "";
  neuron.element.classList.toggle("fires", Boolean(answer && answer.output));
}

function styleWire(group, wire, weight) {
  wire.setAttribute("stroke-width", String(1.5 + 1.6 * Math.abs(weight)));
  group.classList.toggle("positive", weight > 0);
  group.classList.toggle("negative", weight < 0);
  group.classList.toggle("zero", weight === 0);
}

/** "with friends" → "With friends". */
export function capitalised(words) {
  return words[0].toUpperCase() + words.slice(1);
}
