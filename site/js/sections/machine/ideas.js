// The ideas the MNIST machine shows: softmax beside its ten outputs, cross-entropy beside its
// loss, and backpropagation beside the hint arrows, worked with the machine's own numbers:
// the chain rule from the loss to one weight, the one the arrow on that knob points along.

import { h } from "../../lib/dom.js";
import { signed } from "../../lib/format.js";
import { displayed, formula, frac, parens, partial, sub as subscript, sum, sup } from "../../lib/math.js";
import { idea, liveIdea } from "../../widgets/idea.js";

export function softmaxIdea() {
  return idea({
    name: "softmax", control: "machine-output-0", question: "From ten scores to ten probabilities: softmax",
    plain: "The last layer gives each digit a score, any number at all. Softmax turns the ten scores into ten "
      + "probabilities, positive and adding up to 1: the highest score gets the largest share, and a score only a "
      + "little above the others already takes most of it.",
    formula: [displayed(subscript("p", "k"), "=", frac(sup("e", subscript("z", "k")), [sum("j"), sup("e", subscript("z", "j"))])),
      "where e ≈ 2.718 and zₖ is digit k's score."],
    numbers: "Scores 2, 1 and 0 become 67%, 24% and 9%. The bars here, and the recognizer's, are softmax's ten p.",
  });
}

export function crossEntropyIdea() {
  const loss = (p) => (-Math.log(p)).toFixed(2);
  return idea({
    name: "cross-entropy", control: "machine-loss", question: "The loss: cross-entropy",
    plain: "To learn, a network needs one number that says how wrong it was. Cross-entropy looks only at the "
      + "probability it gave the right digit: near 1 costs almost nothing, near 0 costs a lot, so being sure of a "
      + "wrong digit is punished most.",
    formula: [displayed("L", "=", "−", "log", "\u2061", subscript("p", "y")), "where y is the right digit (the natural logarithm)."],
    numbers: `p_y = 0.9 costs ${loss(0.9)}; 0.5 costs ${loss(0.5)}; 0.1, a blind guess among ten, costs ${loss(0.1)}; `
      + `0.01 costs ${loss(0.01)}.`,
  });
}

/**
 * Backpropagation with the machine's numbers: one output weight's gradient by the chain rule.
 * showForward(state, forward) after each forward pass, showHint(gradient) after each hint
 * (null when the hint arrows are off).
 */
export class BackpropagationIdea {
  constructor() {
    const { element, numbers } = liveIdea({
      name: "backpropagation", control: "machine-hint", question: "Where do the hint arrows come from? Backpropagation",
      plain: "Each arrow says which way turning its knob would lower the loss, and how much. The machine does not try "
        + "each knob: it works backwards from the loss, layer by layer, multiplying how much each quantity moves the "
        + "next (the chain rule). One pass backwards gives the slope for every knob at once.",
      formula: ["For the weight w from hidden neuron j into output k:",
        displayed(partial("L", "w"), "=", partial("L", subscript("z", "k")), "·", partial(subscript("z", "k"), "w"), "=",
                  parens(subscript("p", "k"), "−", subscript("y", "k")), "·", subscript("a", "j")),
        "where yₖ is 1 for the right digit and 0 for the others. Further back, a hidden weight's slope also passes through ",
        formula("σ′", parens(subscript("z", "j")), "=", subscript("a", "j"), parens("1", "−", subscript("a", "j"))), "."],
      numbers: "Draw on the buttons to see the numbers.",
    });
    this.element = element;
    this.numbers = numbers;
    this.last = null;          // the latest {state, forward, gradient}
  }

  showForward(state, forward) {
    this.last = { state, forward, gradient: null };
    this.render();
  }

  showHint(gradient) {
    if (!this.last) return;
    this.last.gradient = gradient;
    this.render();
  }

  render() {
    const { state, forward, gradient } = this.last;
    const k = state.output ?? state.target, j = state.neuron;
    const p = forward.output_activation[k], y = k === state.target ? 1 : 0, a = forward.hidden_activation[j];
    const slope = (p - y) * a;
    const arrow = gradient?.output_weights?.[k]?.[j];
    const lines = [
      `The knob from hidden neuron ${j + 1} into output ${k}: p${sub(k)} = ${p.toFixed(3)}, y${sub(k)} = ${y}, `
        + `a${sub(j + 1)} = ${a.toFixed(3)}, so ∂L/∂w = (${p.toFixed(3)} − ${y}) × ${a.toFixed(3)} = ${signed(slope, 3)}. `,
      slope > 0 ? "Positive: turning it down lowers the loss." : slope < 0 ? "Negative: turning it up lowers the loss." : "",
    ];
    if (arrow !== undefined && arrow !== null) {
      lines.push(state.scope === "drawing"
        ? ` The machine's backpropagation gives ${signed(arrow, 3)} for it: the arrow on that knob.`
        : ` Learning from the whole set, its arrow shows the mean over the set's drawings: ${signed(arrow, 3)}.`);
    }
    this.numbers.replaceChildren(...lines.filter(Boolean).map((line) => h("span", {}, line)));
  }
}

const SUBSCRIPTS = "₀₁₂₃₄₅₆₇₈₉";
function sub(n) {
  return String(n).replace(/\d/g, (d) => SUBSCRIPTS[d]);
}
