// The perceptron's face: the situation's toggles, the sliders, the neuron drawn with its
// numbers, the formula, the verdict, and the table of all 8 situations with the visitor's
// wish and the learning rule's updates. It shows the state and Python's answers; the
// controller decides what happens.

import { PERCEPTRON } from "../../generated/facts.js";
import { h, setText } from "../../lib/dom.js";
import { fixed, sign } from "../../lib/format.js";
import { formula, parens, sub } from "../../lib/math.js";
import { rangeOf } from "../../lib/url-state.js";
import { CodeView } from "../../widgets/code.js";
import { beach, capitalised, home, icon, neuronDrawing, updateNeuron } from "./drawings.js";
import { PRESETS } from "./state.js";

const INPUT_NAMES = ["weather", "day", "company"];     // what each input is about, as the sliders' labels say
const SLIDERS = /** @type {const} */ ([["perceptron-w1", "p.w1"], ["perceptron-w2", "p.w2"], ["perceptron-w3", "p.w3"], ["perceptron-bias", "p.b"]]);
const { words: WORDS, situations: SITUATIONS, learning_rate: LEARNING_RATE } = PERCEPTRON;
const word = (i, value) => capitalised(WORDS[i][value > 0 ? 0 : 1]);

export class PerceptronView {
  /** on: the controller's handlers for what the visitor does. */
  constructor(root, on) {
    this.toggles = INPUT_NAMES.map((name, i) => {
      const face = h("span", { class: "pc-toggle-face" });
      const value = h("span", { class: "pc-toggle-value" });
      const button = h("button", { type: "button", class: "pc-toggle", "data-testid": `perceptron-x${i + 1}`, onclick: () => on.flip(i) },
        h("span", { class: "pc-toggle-name" }, "x", h("sub", {}, String(i + 1)), ` ${name}`), face, value);
      return { button, face, value };
    });
    this.sliders = SLIDERS.map(([testid, key], i) => {
      const id = `pc-slider-${i}`;
      const range = rangeOf(key);
      const input = h("input", { id, type: "range", min: range.min, max: range.max, step: range.step, "data-testid": testid,
                                 oninput: () => on.slide(i, Number(input.value)) });
      const value = h("output", { class: "pc-slider-value", for: id });
      const label = i < 3 ? [h("span", { class: "pc-symbol" }, "w", h("sub", {}, String(i + 1))), ` weight of the ${INPUT_NAMES[i]}`]
        : [h("span", { class: "pc-symbol" }, "b"), " bias: how keen you are anyway"];
      return { input, value, element: h("div", { class: "pc-slider" }, h("label", { for: id }, label), value, input) };
    });
    this.presets = PRESETS.map((preset, i) => h("button", { type: "button", class: "button pc-preset", "aria-pressed": "false",
                                                            onclick: () => on.preset(i) }, preset.label));
    this.neuron = neuronDrawing();
    this.terms = h("span", { class: "pc-terms" });
    this.sum = h("output", { class: "pc-sum", "data-testid": "perceptron-sum", "aria-label": "weighted sum plus bias" }, "…");
    this.compare = h("span", { class: "pc-compare" });
    this.output = h("output", { class: "pc-output", "data-testid": "perceptron-output" }, "…");
    this.scene = h("div", { class: "pc-scene" });
    this.verdictTitle = h("p", { class: "pc-verdict-title" }, "Python is starting…");
    this.announce = h("p", { class: "visually-hidden pc-announce", "aria-live": "polite" });
    this.result = h("div", { class: "card pc-result", "aria-busy": "true" },
      h("div", { class: "pc-neuron" }, this.neuron.element),
      h("p", { class: "pc-general" }, "The neuron adds up each input times its weight, and the bias: ",
        formula("z", "=", sub("w", "1"), sub("x", "1"), "+", sub("w", "2"), sub("x", "2"), "+", sub("w", "3"), sub("x", "3"), "+", "b"),
        "; it goes when ", formula("z", ">", "0"), ". With your numbers:"),
      h("p", { class: "pc-formula" }, this.terms, h("span", { class: "pc-equals" }, "="), this.sum, this.compare),
      h("div", { class: "pc-verdict" }, this.scene, h("div", {}, this.verdictTitle,
        h("p", { class: "pc-verdict-detail" }, "Output ŷ = ", this.output, " ", h("span", { class: "muted" }, "(1 = go, 0 = stay home)")))),
      this.announce);
    this.rows = SITUATIONS.map((situation, i) => tableRow(situation, i, on));
    this.agreement = h("p", { class: "pc-agreement muted" });
    this.train = h("button", { type: "button", class: "button primary pc-train", "data-testid": "perceptron-train", onclick: on.train }, "Train");
    this.step = h("button", { type: "button", class: "button pc-step", "data-testid": "perceptron-step", onclick: on.step }, "Step");
    this.copyWish = h("button", { type: "button", class: "button pc-copy-wish", disabled: true, onclick: on.copyWish }, "Copy the neuron's answers");
    this.report = h("div", { class: "pc-report", "data-testid": "perceptron-train-result", "data-state": "idle", "aria-live": "polite" });
    this.updates = h("ol", { class: "pc-updates", "aria-label": "Updates of the learning rule" });

    root.replaceChildren(
      h("div", { class: "pc-layout" },
        h("div", { class: "card pc-controls" },
          h("fieldset", {}, h("legend", {}, "The situation ", h("span", { class: "muted" }, "x: press to change")),
            h("div", { class: "pc-toggles" }, this.toggles.map((t) => t.button))),
          h("fieldset", {}, h("legend", {}, "How much each one matters ", h("span", { class: "muted" }, "w and b")),
            this.sliders.map((slider) => slider.element)),
          h("div", { class: "pc-presets", role: "group", "aria-label": "Ready-made weights" }, this.presets,
            h("button", { type: "button", class: "button pc-reset", onclick: on.reset }, "Reset"))),
        this.result),
      h("div", { class: "card pc-teach" },
        h("div", { class: "pc-teach-head" },
          h("h3", {}, "All 8 situations: what it does, what you would do"),
          h("p", { class: "muted" }, "The table is the rule the weights encode. Mark your own answers in the last column and " +
            "teach them to the neuron.")),
        h("div", { class: "pc-teach-body" },
          h("div", { class: "pc-table-wrap" },
            h("table", { class: "pc-table" },
              h("caption", { class: "visually-hidden" }, "For each situation: the weighted sum, the neuron's decision and yours"),
              h("thead", {}, h("tr", {}, ["Situation", "z", "Neuron", "You"].map((title) => h("th", { scope: "col" }, title)))),
              h("tbody", {}, this.rows.map((row) => row.element))),
            this.agreement),
          h("div", { class: "pc-training" },
            h("div", { class: "pc-train-buttons" }, this.train, this.step, this.copyWish,
              h("button", { type: "button", class: "button pc-xor-wish", onclick: on.xorWish }, "Sun or weekend, not both")),
            h("p", { class: "pc-rule" }, "Learning rule, for each situation it gets wrong: ",
              formula("w", "←", "w", "+", "η", parens("y", "−", "ŷ"), "x"), " and ", formula("b", "←", "b", "+", "η", parens("y", "−", "ŷ")),
              `, with η = ${LEARNING_RATE}, y your answer and ŷ the neuron's.`),
            new CodeView({ summary: "The learning rule in Python", load: () => on.loadCode("perceptron") }).element,
            this.report, this.updates))));
    this.showIdle();
  }

  /** The controls, the formula's terms and the wish: all that needs no Python. */
  render(state, table) {
    this.showControls(state);
    this.showFormulaTerms(state);
    this.showWish(state, table);
    updateNeuron(this.neuron, state, WORDS, null);
    this.result.setAttribute("aria-busy", "true");
  }

  showControls({ x, w, bias }) {
    this.toggles.forEach(({ button, face, value }, i) => {
      if (button.dataset.value === String(x[i])) return;
      button.dataset.value = String(x[i]);
      face.replaceChildren(icon(i, x[i]), h("span", {}, word(i, x[i])));
      value.textContent = x[i] > 0 ? "+1" : "-1";
    });
    [...w, bias].forEach((setting, i) => {
      const { input, value } = this.sliders[i];
      if (Number(input.value) !== setting) input.value = String(setting);
      input.dataset.sign = value.dataset.sign = sign(setting);
      value.textContent = fixed(setting);
    });
    this.presets.forEach((button, i) => {
      const preset = PRESETS[i];
      const matches = preset.bias === bias && preset.w.every((value, j) => value === w[j]);
      button.setAttribute("aria-pressed", String(matches));
    });
  }

  /** 1·(2.0) + (-1)·(-3.0) + 1·(0.5) + (-1.0): each term coloured by its sign and sized by its size. */
  showFormulaTerms({ x, w, bias }) {
    const terms = x.map((xi, i) => ({ text: `${xi > 0 ? "1" : "(-1)"}·(${fixed(w[i])})`, value: xi * w[i] }));
    terms.push({ text: `(${fixed(bias)})`, value: bias });
    const limit = rangeOf("p.w1").max;
    this.terms.replaceChildren(...terms.flatMap((term, i) => {
      const span = h("span", { class: `pc-term ${sign(term.value)}`,
                               style: { "font-size": `${0.85 + 0.13 * Math.min(limit, Math.abs(term.value))}em` } }, term.text);
      return i === 0 ? [span] : [h("span", { class: "pc-plus" }, "+"), span];
    }));
  }

  /** Python's answer for the situation shown. */
  showAnswer(state, answer) {
    const go = answer.output === 1;
    const sum = fixed(answer.weighted_sum);
    this.sum.textContent = sum;
    this.sum.dataset.sign = sign(answer.weighted_sum);
    this.compare.textContent = go ? "> 0 → go" : "≤ 0 → stay";
    this.output.textContent = String(answer.output);
    if (this.scene.dataset.go !== String(go)) {
      this.scene.replaceChildren(go ? beach() : home());
      this.scene.dataset.go = String(go);
    }
    this.verdictTitle.textContent = go ? "Go to the beach!" : "Stay home.";
    this.result.classList.toggle("goes", go);
    updateNeuron(this.neuron, state, WORDS, answer);
    setText(this.announce, `Weighted sum ${sum}, ${go ? "above zero: output 1, go to the beach" : "not above zero: output 0, stay home"}.`);
    this.result.setAttribute("aria-busy", "false");
  }

  showWaiting(sentence) {
    this.verdictTitle.textContent = sentence;
    setText(this.announce, sentence);
  }

  /** Python's truth table: each situation's sum and decision. */
  showTable(table, want) {
    this.rows.forEach((row, i) => {
      const { weighted_sum: z, output } = table[i];
      row.element.dataset.output = String(output);
      row.sum.textContent = fixed(z);
      row.sum.dataset.sign = sign(z);
      row.output.textContent = output ? "Go" : "Stay";
    });
    this.copyWish.disabled = false;
    this.showAgreement(want, table);
  }

  /** The visitor's side of the table: their answers, and which row is the situation above. */
  showWish({ x, want }, table) {
    this.rows.forEach((row, i) => {
      row.want.setAttribute("aria-pressed", String(want[i] === 1));
      row.wantWord.textContent = want[i] ? "Go" : "Stay";
      row.element.classList.toggle("current", SITUATIONS[i].inputs.every((value, k) => value === x[k]));
    });
    this.showAgreement(want, table);
  }

  showAgreement(want, table) {
    if (!table) return;
    let agree = 0;
    this.rows.forEach((row, i) => {
      const same = table[i].output === want[i];
      row.element.dataset.agrees = String(same);
      agree += Number(same);
    });
    this.agreement.textContent = agree === SITUATIONS.length
      ? "The neuron already does exactly what you would do."
      : `The neuron agrees with you in ${agree} of ${SITUATIONS.length} situations.`;
  }

  markRows(className, indices) {
    this.rows.forEach((row, i) => row.element.classList.toggle(className, indices.includes(i)));
  }

  // ---------------------------------------------------------------- the learning rule's report

  setReport(state, ...content) {
    this.report.dataset.state = state;
    this.report.replaceChildren(...content);
  }

  showIdle() {
    this.setReport("idle", "Mark what you would do in each situation, then press ", h("strong", {}, "Train"),
      ": the neuron learns your rule with the perceptron learning rule, starting from all weights at 0.");
    this.updates.replaceChildren();
  }

  showStart(updates) {
    this.updates.replaceChildren(h("li", {}, h("p", { class: "pc-update-title" }, "Start"),
      h("p", { class: "pc-math" }, "w = (0.0, 0.0, 0.0), b = 0.0")));
    const toGo = updates === 0 ? "It already gets all 8 right."
      : updates === 1 ? "One update will teach it your rule." : `${updates} updates will teach it your rule.`;
    this.setReport("training", `Starting from a neuron that knows nothing: all weights and the bias at 0. ${toGo}`);
  }

  /** One update of the learning rule, in words and in numbers, added to the list. */
  showUpdate(update, number) {
    const { before, after, inputs, error } = update;
    const vector = (values, format = fixed) => `(${values.map(format).join(", ")})`;
    this.updates.querySelector(".current")?.classList.remove("current");
    this.updates.append(h("li", { class: "current" },
      h("p", { class: "pc-update-title" }, `Update ${number} `, h("span", { class: "muted" }, `· pass ${update.epoch}`),
        ` · ${SITUATIONS[update.situation].description}`),
      h("p", {}, `z = ${fixed(update.weighted_sum)} ${update.output ? ">" : "≤"} 0, so it said ${update.output ? "go" : "stay"} ` +
        `(ŷ = ${update.output}); you would ${update.target ? "go" : "stay"} (y = ${update.target}): y − ŷ = ${error}.`),
      h("p", { class: "pc-math" },
        `w ← ${vector(before.weights)} + ${LEARNING_RATE}·(${error})·${vector(inputs, String)} = ${vector(after.weights)}`, h("br"),
        `b ← ${fixed(before.bias)} + ${LEARNING_RATE}·(${error}) = ${fixed(after.bias)}`)));
    this.updates.scrollTop = this.updates.scrollHeight;     // the list scrolls, not the page
    this.markRows("learning", [update.situation]);
  }

  showLearned(lesson) {
    const updates = lesson.updates.length === 1 ? "1 update" : `${lesson.updates.length} updates`;
    const passes = lesson.passes === 1 ? "1 pass" : `${lesson.passes} passes`;
    this.setReport("learned", h("strong", {}, "Learned."),
      ` All 8 situations are right after ${updates} (${passes} through the table). The sliders show the weights it found.`);
  }

  showImpossible(lesson) {
    this.setReport("impossible", `${lesson.explanation} The learning rule agrees: in ${lesson.passes} passes through the table ` +
      `it made ${lesson.updates.length} updates and never got all 8 right; it would go on changing its mind forever. ` +
      "The two pairs are marked in the table.");
    this.markRows("witness", [...lesson.witness.go, ...lesson.witness.stay]);
    this.updates.replaceChildren();
  }
}

/** A row of the table: the situation (press to show it), its sum, the neuron's decision, the visitor's. */
function tableRow(situation, i, on) {
  const words = situation.inputs.map((value, k) => word(k, value));
  const sum = h("td", { class: "pc-row-sum" }, "…");
  const output = h("td", { class: "pc-row-output" }, "…");
  const wantWord = h("span", { class: "pc-want-word" });
  const want = h("button", { type: "button", class: "pc-want", "data-testid": `perceptron-want-${i}`, "aria-pressed": "false",
                             onclick: () => on.toggleWish(i) },
    wantWord, h("span", { class: "visually-hidden" }, `: what you would do when ${words.join(", ")}`));
  const element = h("tr", { "data-testid": `perceptron-row-${i}` },
    h("th", { scope: "row" }, h("button", { type: "button", class: "pc-show", "aria-label": `Show this situation: ${words.join(", ")}`,
                                            onclick: () => on.show(i) },
      h("span", { class: "pc-row-icons" }, situation.inputs.map((value, k) => icon(k, value))),
      h("span", { class: "pc-row-words" }, words.join("\u00a0· ")))),
    sum, output, h("td", {}, want));
  return { element, sum, output, want, wantWord };
}
