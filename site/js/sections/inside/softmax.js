// Softmax and the loss, step by step, for the drawing: the ten scores z, e^z, the largest
// score taken away first (as the network does), the sum, each divided by it, the ten
// probabilities (the bars' own); then "if this were a k": −log p_k, and which way
// backpropagation would push each score. Every number is Python's (inside_answer, inside_loss).

import { h } from "../../lib/dom.js";
import { displayed, formula, frac, sub, sum, sup } from "../../lib/math.js";
import { CodeView } from "../../widgets/code.js";
import { number } from "./flow.js";

export class SoftmaxPanel {
  /** on.pick(k): the visitor says the right digit is k. */
  constructor(on) {
    const cell = () => h("td", {});
    this.rows = Array.from({ length: 10 }, (_, k) => {
      const row = { logit: h("td", { "data-testid": `logit-${k}` }), exp: cell(), shifted: h("td", { class: "shift" }), expShifted: cell(),
                    probability: h("td", { "data-testid": `softmax-${k}`, class: "probability" }) };
      row.element = h("tr", {}, h("th", { scope: "row" }, String(k)), row.logit, row.exp, row.shifted, row.expShifted, row.probability);
      return row;
    });
    this.sum = h("td", {});
    this.largest = h("span", {}, "the largest score");
    this.table = h("table", { class: "softmax-table", "data-testid": "softmax-steps" },
      h("caption", { class: "visually-hidden" }, "Softmax step by step, one row per digit"),
      h("thead", {}, h("tr", {},
        h("th", { scope: "col" }, "digit k"), h("th", { scope: "col" }, "score z"), h("th", { scope: "col" }, "e^z"),
        h("th", { scope: "col", class: "shift" }, "z − max"), h("th", { scope: "col" }, spoken("e to the power z minus max", formula(sup("e", ["z", "−", "max"])))),
        h("th", { scope: "col" }, spoken("p equals e to the power z minus max, over S",
          formula("p", "=", frac(sup("e", ["z", "−", "max"]), "S")))))),
      h("tbody", {}, this.rows.map((row) => row.element)),
      h("tfoot", {}, h("tr", {}, h("th", { scope: "row", colspan: "3" }, "their sum S"), h("td", { class: "shift" }), this.sum, h("td", {}, "1"))));

    this.choices = Array.from({ length: 10 }, (_, k) => h("label", { class: "digit-choice" },
      h("input", { type: "radio", name: "inside-digit", value: String(k), "data-testid": `loss-digit-${k}`,
                   onchange: () => on.pick(k) }), String(k)));
    this.loss = h("p", { class: "worked loss-line", "data-testid": "inside-loss", "data-value": "" }, "…");
    this.pushes = Array.from({ length: 10 }, (_, k) => {
      const bar = h("span", { class: "push-bar" });
      const arrow = h("span", { class: "push-arrow", "aria-hidden": "true" });
      const words = h("span", { class: "visually-hidden" });
      return { bar, arrow, words,
               element: h("li", {}, h("span", { class: "push-digit" }, String(k)), arrow, words, h("span", { class: "push-track" }, bar)) };
    });
    this.pushWords = h("p", {});

    this.element = h("div", { class: "card softmax-card" },
      h("h3", {}, "From ten scores to ten probabilities"),
      h("p", {}, "The last layer gives ten scores z, one per digit: any numbers, negative ones too. Softmax turns them into ",
        "probabilities. It makes every score positive by raising e (about 2.718) to its power, then divides each by the sum of all ten, ",
        "so the ten add up to 1. The largest score gets the largest share."),
      h("p", { class: "formula-line" }, displayed(sub("p", "k"), "=", frac(sup("e", sub("z", "k")), [sum("j"), sup("e", sub("z", "j"))]))),
      h("p", { class: "muted" }, "The network first takes ", this.largest, " away from every score. That divides every e^z by the same number, ",
        "so the shares stay the same, but it keeps the numbers small: a score of 800 would make e^z too large for a computer to hold."),
      h("div", { class: "table-scroll", tabindex: "0", role: "region", "aria-label": "Softmax step by step" }, this.table),
      h("p", { class: "muted" }, "The last column is what the bars above show."),
      h("h4", {}, "If this were a…"),
      h("p", {}, "In training, the network is told the right digit k, and the loss says how wrong it was: ",
        formula("L", "=", "−", "log", "\u2061", sub("p", "k")), ", minus the logarithm of ",
        "the probability it gave the right digit. A sure right answer (", formula(sub("p", "k"), "=", "1"),
        ") costs 0; the less likely it found k, the more it costs."),
      h("fieldset", { class: "digit-choices" }, h("legend", {}, "Say the right digit is"), this.choices),
      this.loss,
      this.pushWords,
      h("ol", { class: "pushes", "aria-label": "Which way each score would be pushed" }, this.pushes.map((p) => p.element)),
      h("details", {}, h("summary", {}, "Why these pushes"),
        h("p", {}, "The slope of L with respect to each score is dL/dz_j = p_j − 1 for the right digit and p_j for the others. ",
          "Gradient descent moves every score against its slope, so backpropagation starts from these ten numbers and passes them down ",
          "through every layer, to every weight.")),
      new CodeView({ summary: "The Python of softmax", load: () => on.loadCode("Softmax") }).element,
      new CodeView({ summary: "The Python of the loss and its pushes", load: () => on.loadCode("loss") }).element);
  }

  show(steps) {
    this.largest.textContent = `the largest score (${number(steps.max)})`;
    this.rows.forEach((row, k) => {
      row.logit.textContent = number(steps.logits[k]);
      row.logit.dataset.value = String(steps.logits[k]);
      row.exp.textContent = steps.exp[k] === null ? "too large" : big(steps.exp[k]);
      row.shifted.textContent = number(steps.shifted[k]);
      row.expShifted.textContent = big(steps.exp_shifted[k]);
      row.probability.textContent = steps.probabilities[k].toFixed(4);
      row.probability.dataset.value = String(steps.probabilities[k]);
      row.element.classList.toggle("top", k === steps.digit);
    });
    this.sum.textContent = big(steps.sum);
  }

  clear() {
    for (const row of this.rows) {
      for (const cell of [row.logit, row.exp, row.shifted, row.expShifted, row.probability]) cell.textContent = "";
      delete row.logit.dataset.value;
      delete row.probability.dataset.value;
      row.element.classList.remove("top");
    }
    this.sum.textContent = "";
    this.loss.textContent = "Draw a digit to see its loss.";
    this.loss.dataset.value = "";
    this.pushWords.textContent = "";
    for (const push of this.pushes) push.element.className = "";
  }

  /** The loss if the digit were `loss.digit`, and the push on each score. */
  showLoss(loss) {
    const k = loss.digit;
    /** @type {HTMLInputElement} */ (this.choices[k].firstChild).checked = true;
    this.loss.dataset.value = String(loss.loss);
    this.loss.textContent = `L = −log p_${k} = −log(${loss.probability.toPrecision(3)}) = ${loss.loss.toFixed(3)}`;
    this.pushWords.textContent = `To lower this loss, backpropagation would push the score of ${k} up and every other score down, `
      + "each by as much as the probability it took from the right answer:";
    const peak = Math.max(...loss.gradient.map(Math.abs), 1e-9);
    this.pushes.forEach((push, j) => {
      push.element.className = `push-${loss.push[j]}`;
      push.arrow.textContent = loss.push[j] === "up" ? "↑" : loss.push[j] === "down" ? "↓" : "·";
      push.bar.style.setProperty("transform", `scaleX(${Math.abs(loss.gradient[j]) / peak})`);
      push.words.textContent = `: pushed ${loss.push[j] === "none" ? "neither way" : loss.push[j]}, slope ${number(loss.gradient[j])}`;
    });
  }
}

/** A positive number of any size: 0.00123, 45.6, 1.23 × 10⁹. */
function big(value) {
  if (value === 0) return "0";
  if (value >= 1e-3 && value < 1e5) return number(value);
  const [mantissa, exponent] = value.toExponential(2).split("e");
  const superscript = Object.fromEntries([..."0123456789-"].map((c, i) => [c, "⁰¹²³⁴⁵⁶⁷⁸⁹⁻"[i]]));
  return `${mantissa} × 10${[...String(Number(exponent))].map((c) => superscript[c]).join("")}`;
}

/** A formula in a table's header, with the words a screen reader says for it. */
function spoken(/** @type {string} */ words, /** @type {Element} */ math) {
  math.setAttribute("aria-hidden", "true");
  return [h("span", { class: "visually-hidden" }, words), math];
}
