// What produced a chosen feature map or neuron: the kernels of a convolution, or a dense
// neuron's weights and its weighted sum Σ wᵢxᵢ + b with the drawing's own numbers, then its
// activation. Python computes both (inside_feature_map, inside_neuron); this only writes them.

import { fromPython, rowsOf } from "../../lib/arrays.js";
import { h } from "../../lib/dom.js";
import { whole } from "../../lib/format.js";
import { formula, frac, parens, sup } from "../../lib/math.js";
import { paintGrid, paintLegend, weightScale } from "../../widgets/heatmap.js";
import { number } from "./flow.js";

/** Plain words for the layers a map passes through after its convolution. */
const PASSED = { ReLU: "ReLU (negative values set to 0)", MaxPool2D: "ReLU and max-pooling (the largest of each 2×2)",
                 Dropout: "ReLU, max-pooling and dropout (which does nothing when reading)" };

/** The kernels and bias behind map `detail.channel`, for a map of `block`. */
export function featureMapDetail(block, detail) {
  const { size, bias, low, high, channel } = detail;
  const kernels = rowsOf(detail.kernels);
  const scale = weightScale(low, high);
  const pictures = kernels.map((kernel, index) => {
    const canvas = h("canvas", { class: "kernel-tile", role: "img", "aria-label": `kernel for input map ${index + 1}` });
    paintGrid(canvas, kernel, size, size, scale);
    return canvas;
  });
  const legend = h("canvas", { class: "scale-strip", "aria-hidden": "true" });
  paintLegend(legend, -Math.max(Math.abs(low), Math.abs(high)), Math.max(Math.abs(low), Math.abs(high)), scale);
  const one = kernels.length === 1;
  const made = one
    ? `Map ${channel + 1} is made by one ${size}×${size} pattern of weights, a kernel, slid over the picture one pixel at a time. `
      + `At each place, the ${size * size} pixels under it are multiplied by its ${size * size} weights and added up, with a bias of ${number(bias)}. `
    : `Map ${channel + 1} is made by ${kernels.length} patterns of ${size}×${size} weights, one for each map of the layer below. `
      + `Each slides over its own map; at each place the products are added up, across all ${kernels.length} maps, with a bias of ${number(bias)}. `;
  const after = block.kind === "Conv2D" ? "" : ` What you chose is that map after ${PASSED[block.kind] ?? block.kind}.`;
  return h("div", { class: "origin" },
    h("p", {}, made, "So the map is bright where the input looks like the pattern.", after),
    h("div", { class: one ? "kernel-tiles single" : "kernel-tiles" }, pictures),
    h("p", { class: "block-scale" }, legend, `weights from ${number(low)} to ${number(high)}: warm adds, cool takes away`),
    h("details", {}, h("summary", {}, "The formula"),
      h("p", { class: "worked" }, one ? "map[i, j] = Σᵤ Σᵥ picture[i + u, j + v] · w[u, v] + b"
        : "map[i, j] = Σ_c Σᵤ Σᵥ input_c[i + u, j + v] · w_c[u, v] + b")));
}

/** One dense neuron: its weights, then z = Σ wᵢxᵢ + b term by term, then its activation. */
export function neuronDetail(detail, inputDims) {
  const { neuron, weights_dims: dims, terms, rest, bias, weighted_sum: z, activation, inputs } = detail;
  const weights = fromPython(detail.weights);
  const low = Math.min(...weights), high = Math.max(...weights);
  const scale = weightScale(low, high);
  const picture = h("canvas", { class: dims.length === 2 ? "weights-picture" : "weights-bars", role: "img",
                                "aria-label": `The ${whole(weights.length)} incoming weights of neuron ${neuron}` });
  if (dims.length === 2) paintGrid(picture, weights, dims[1], dims[0], scale);
  else paintBars(picture, weights, scale);
  const others = inputs - terms.length;
  return h("div", { class: "origin" },
    h("p", {}, `Neuron ${neuron} gives each of its ${whole(inputs)} inputs a weight of its own, `
      + "multiplies, adds everything up with a bias, then applies its activation. Its weights:"),
    picture,
    h("p", { class: "block-scale" }, `from ${number(low)} to ${number(high)}: warm weights push the neuron up where the input is bright, cool ones push it down`),
    h("p", {}, "For your drawing, the largest of its products wᵢ × xᵢ:"),
    h("table", { class: "sum-terms" },
      h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "input i"), h("th", { scope: "col" }, "weight wᵢ"),
        h("th", { scope: "col" }, "value xᵢ"), h("th", { scope: "col" }, "wᵢ × xᵢ"))),
      h("tbody", {}, terms.map((t) => h("tr", {},
        h("td", {}, inputName(t.input, inputDims)), h("td", {}, number(t.weight)), h("td", {}, number(t.x)),
        h("td", { class: t.term >= 0 ? "term-up" : "term-down" }, number(t.term)))))),
    h("p", { class: "worked" },
      "z = Σ wᵢxᵢ + b = ", terms.map((t, i) => `${i ? sign(t.term) : t.term < 0 ? "−" : ""}${number(Math.abs(t.term))} `),
      `${sign(rest)}${number(Math.abs(rest))} (the other ${whole(others)}) ${sign(bias)}${number(Math.abs(bias))} (b) = `,
      h("strong", {}, number(z))),
    h("p", { class: "worked" }, activationLine(activation, z)));
}

function activationLine({ kind, value }, z) {
  if (kind === "ReLU") {
    return ["ReLU: ", formula("max", parens("0", ",", "z"), "=", "max", parens("0", ",", number(z)), "=", number(value))];
  }
  if (kind === "Sigmoid") {
    return ["Sigmoid: ", formula("σ", parens("z"), "=", frac("1", ["1", "+", sup("e", ["−", "z"])]), "=", number(value))];
  }
  return `This z is one of the ten scores; softmax, below, turns it into a probability: ${number(value)}`;
}

/** Which input an index is: a pixel, a place in a feature map (the order a flatten keeps), or a neuron. */
function inputName(index, dims) {
  if (dims.length === 3 && dims[2] === 1) return `pixel (${Math.floor(index / dims[1])}, ${index % dims[1]})`;
  if (dims.length === 3) {
    const [, width, channels] = dims;
    const place = Math.floor(index / channels);
    return `map ${(index % channels) + 1} at (${Math.floor(place / width)}, ${place % width})`;
  }
  return `neuron ${index}`;
}

function sign(value) {
  return value < 0 ? "− " : "+ ";
}

/** Weights as a row of bars, one pixel column each: up for positive, down for negative. */
function paintBars(canvas, weights, scale) {
  const rows = 41, middle = 20, count = weights.length;
  const peak = Math.max(...weights.map(Math.abs), 1e-9);
  const cells = new Float32Array(rows * count);          // 0: paper
  weights.forEach((w, i) => {
    const size = Math.round((Math.abs(w) / peak) * middle);
    for (let r = 1; r <= size; r++) cells[(w >= 0 ? middle - r : middle + r) * count + i] = w;
  });
  paintGrid(canvas, cells, count, rows, scale);
}
