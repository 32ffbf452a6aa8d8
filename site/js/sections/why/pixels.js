// Which pixels made it say that: the image the network read, and beside it two heat maps of
// each pixel's part in the explained digit (gradient × input, occlusion), every value Python's
// (why_attribution). Each map says in a few words what it shows and, folded away, what it
// can and cannot tell.

import { fromPython } from "../../lib/arrays.js";
import { h } from "../../lib/dom.js";
import { displayed, parens, partial, sub } from "../../lib/math.js";
import { drawDiverging, drawGray } from "../../widgets/pictures.js";

/** @typedef {import("../../api.js").Attribution} Attribution */
/** @typedef {import("../../api.js").AttributionMethod} AttributionMethod */
/** @typedef {import("../../lib/arrays.js").Numbers} Numbers */

/** @type {Record<AttributionMethod, { title: string, plain: string, formula: () => Element, can: string, cannot: string }>} */
const METHODS = {
  "gradient-x-input": {
    title: "Gradient × input",
    plain: "Python runs the network backwards, as in training, but one step further: down to the pixels. That says how fast the "
      + "digit's probability would grow if a pixel got a little darker. Multiplied by the pixel's own ink, it is that ink's share of the answer.",
    formula: () => displayed(sub("x", "i"), "·", partial(["log", "\u2061", sub("p", "k")], sub("x", "i"))),
    can: "It is exact and quick: one pass forwards, one backwards. It sees every pixel on its own, and says which way it pushes.",
    cannot: "It is a slope, true for tiny changes only. A stroke the network is already sure about can matter a great deal and "
      + "still show pale, and paper (no ink, xᵢ = 0) always shows 0, even where ink would change the answer.",
  },
  occlusion: {
    title: "Occlusion",
    plain: "Python covers the digit with a small square of paper, 6 pixels wide, moves it 2 pixels at a time, and reads the digit again "
      + "each time. A pixel is as red as the probability fell, on average, while the square covered it: below, x′ is "
      + "the digit x with the square over the pixel.",
    formula: () => displayed(sub("p", "k"), parens("x"), "−", sub("p", "k"), parens("x′")),
    can: "It really takes ink away and looks at the answer, so it sees what a whole piece of stroke is worth, even one the network is sure about.",
    cannot: "It sees only as finely as its square: neighbours share their credit, and a different square gives a different map. "
      + "It never adds ink, so it cannot say what is missing, and it is slower: one reading per square.",
  },
};

export class AttributionPanel {
  /** on.explain(digit | null): the visitor asks about another digit (null: the network's answer). */
  constructor(on) {
    this.input = h("canvas", { class: "explain-picture", width: 28, height: 28, role: "img", "aria-label": "The digit the network read" });
    this.select = h("select", { id: "why-digit", "data-testid": "why-digit", onchange: () => {
      on.explain(this.select.value === "answer" ? null : Number(this.select.value));
    } },
    h("option", { value: "answer" }, "its answer"),
    Array.from({ length: 10 }, (_, k) => h("option", { value: String(k) }, String(k))));
    this.question = h("p", { class: "explain-question", role: "status" });
    /** @type {Record<string, { figure: HTMLElement, canvas: HTMLCanvasElement, caption: HTMLElement }>} */
    this.maps = {};
    const figures = Object.entries(METHODS).map(([method, words]) => {
      const canvas = h("canvas", { class: "explain-picture", width: 28, height: 28, "aria-hidden": "true" });
      const caption = h("figcaption", {}, words.title);
      const figure = h("figure", { class: "explain-map", "data-testid": "attribution", "data-method": method,
                                   "data-digit": "", "data-input": "", "data-values": "" },
        canvas, caption,
        h("p", {}, words.plain),
        h("p", { class: "formula-line" }, words.formula()),
        h("details", {}, h("summary", {}, "What it can and cannot tell"), h("p", {}, words.can), h("p", {}, words.cannot)));
      this.maps[method] = { figure, canvas, caption };
      return figure;
    });
    this.element = h("div", { class: "card explain-card" },
      h("h3", {}, "Which pixels made it say that"),
      h("p", {}, "Warm-coloured pixels push the digit up, blue ones push it down; pixels in the card's own colour did nothing. Ask about the network's answer, or about any other digit: ",
        "“why not 1?” shows the ink that speaks against a 1."),
      h("p", { class: "explain-ask" }, h("label", { for: "why-digit" }, "Explain"), this.select),
      this.question,
      h("div", { class: "explain-maps" },
        h("figure", { class: "explain-map" }, this.input, h("figcaption", {}, "What the network read"),
          h("p", {}, "Your drawing as 28 × 28 grey values, the picture both maps explain.")),
        figures),
      h("p", { class: "muted" }, "Each map is coloured on its own scale, full colour from its 99th percentile up: compare where the colour is, ",
        "not how deep it is from one map to the other."));
  }

  /** The image being explained, and the question asked of it. */
  showQuestion(image, digit, answer, probability) {
    drawGray(this.input, image, 28);
    const chance = probability < 0.001 ? "less than 0.1%" : `${(probability * 100).toFixed(1)}%`;
    this.question.textContent = digit === answer
      ? `Why ${digit}? The network gives it ${chance}.`
      : `Why not ${digit}? The network answered ${answer} and gives ${digit} ${chance}.`;
  }

  /** One method's answer. */
  show(/** @type {Numbers} */ image, /** @type {Attribution} */ attribution) {
    const map = this.maps[attribution.method];
    const values = fromPython(attribution.values);
    drawDiverging(map.canvas, clipped(values), 28);
    map.figure.dataset.digit = String(attribution.digit);
    map.figure.dataset.input = image.join(",");
    map.figure.dataset.values = values.join(",");
    map.figure.classList.remove("waiting");
  }

  /** A method being computed again: its map belongs to the earlier question until then. */
  wait(/** @type {AttributionMethod} */ method) {
    this.maps[method].figure.classList.add("waiting");
  }

  /** Nothing drawn: the pictures empty. */
  clear() {
    this.question.textContent = "";
    for (const canvas of [this.input, ...Object.values(this.maps).map((m) => m.canvas)]) {
      canvas.getContext("2d")?.clearRect(0, 0, canvas.width, canvas.height);
    }
    for (const map of Object.values(this.maps)) Object.assign(map.figure.dataset, { digit: "", input: "", values: "" });
  }
}

/**
 * The values as painted: a few pixels often carry far more than the rest, and a scale set by the
 * single largest would leave the others too pale to see; those few are painted at full colour.
 * @param {Numbers} values
 */
function clipped(values) {
  const sizes = Array.from(values, Math.abs).sort((a, b) => a - b);
  const full = sizes[Math.floor(0.99 * (sizes.length - 1))] || sizes[sizes.length - 1] || 1;
  return Array.from(values, (value) => Math.max(-full, Math.min(full, value)));
}
