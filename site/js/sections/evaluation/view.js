// How good is it, its face: which network and on which digits, the progress, the figure and
// where it comes from, the confusion matrix with each digit's accuracy, and the digits of the
// chosen cell, each a button that shows it to the recognizer.

import { MODELS } from "../../generated/facts.js";
import { fromPython } from "../../lib/arrays.js";
import { h, setText } from "../../lib/dom.js";
import { count, percent, whole } from "../../lib/format.js";
import { digitCanvas } from "../../widgets/pictures.js";
import { liveIdea } from "../../widgets/idea.js";
import { ConfusionMatrix } from "./matrix.js";

/** @typedef {import("../../api.js").EvaluationProgress} EvaluationProgress */

export class EvaluationView {
  /** on: the controller's handlers (start, cell, read). */
  constructor(root, on) {
    this.on = on;
    this.start = h("button", { type: "button", class: "button primary", "data-testid": "evaluate-start", onclick: on.start },
      "Evaluate");
    this.progress = h("progress", { "data-testid": "evaluate-progress", max: 1, value: 0, "aria-label": "Test digits read" });
    this.summary = h("p", { class: "evaluation-summary", "data-testid": "evaluate-summary", role: "status" },
      "The network is evaluated when you scroll here.");
    this.source = h("p", { class: "evaluation-source muted" });
    this.matrix = new ConfusionMatrix(on.cell);
    this.testSet = testSetIdea();
    this.cellTitle = h("h4", {}, "Press a number in the matrix");
    this.cellNote = h("p", { class: "muted" }, "Its digits appear here: the misread ones off the diagonal are the interesting ones. "
      + "Press one to show it to the recognizer, with the network's ten bars.");
    this.cellDigits = h("ul", { class: "cell-digits", "data-testid": "evaluation-cell", "data-count": "" });
    root.replaceChildren(
      h("div", { class: "evaluation" },
        h("div", { class: "card evaluation-head" },
          h("h3", {}, "How good is it?"),
          h("p", {}, "A network is as good as its answers on digits it has never seen. Here the network the recognizer "
            + "uses reads the MNIST test digits this page carries, one by one, by the same Python, and the page counts "
            + "what it gets right and what it takes for what."),
          h("div", { class: "button-row" }, this.start, this.progress),
          this.summary, this.source, this.testSet.element),
        h("div", { class: "card evaluation-matrix" }, this.matrix.element),
        h("div", { class: "card evaluation-cell" }, this.cellTitle, this.cellNote, this.cellDigits)));
  }

  /** The Evaluate button names the recognizer's network; `evaluated` is the one shown, if any. */
  offer(chosen, evaluated) {
    setText(this.start, chosen === evaluated ? `Evaluate ${chosen} again` : `Evaluate ${chosen}`);
  }

  showStarting(model) {
    this.model = model;
    this.progress.value = 0;
    this.matrix.clear();
    this.matrix.setState("counting");
    this.start.disabled = true;
    setText(this.summary, `The ${model} network is reading the test digits…`);
    setText(this.source, "");
    this.clearCell();
  }

  /** @param {EvaluationProgress} progress */
  showProgress({ read, total, correct }) {
    this.progress.value = read / total;
    setText(this.summary, `The ${this.model} network has read ${whole(read)} of ${whole(total)} test digits: `
      + `${whole(correct)} right so far.`);
  }

  /**
   * The finished count: the figure, which digits it comes from, and the manifest's, if any.
   * @param {EvaluationProgress} progress
   * @param {Record<string, any>} mnist
   */
  showSummary({ model, read, total, correct, accuracy, confusion, per_digit: perDigit }, mnist) {
    this.progress.value = 1;
    this.start.disabled = false;
    this.matrix.show(confusion, perDigit);
    this.matrix.setState("finished");
    setText(this.summary, `${model} read ${whole(correct)} of ${whole(read)} test digits right: ${percent(accuracy, 2)}.`);
    const shipped = MODELS.find((entry) => entry.name === model);
    setText(this.source, `The page carries ${mnist.subset.chosen}: these are its ${whole(total)} test digits, and no `
      + "network learned from any of them. "
      + (shipped ? `The ${percent(shipped.test_accuracy, 2)} in the recognizer's menu counts all `
        + `${whole(shipped.test_images)} (${whole(shipped.test_correct)} right, measured when it was trained); `
        + "the first digits of the test set are harder for these networks than the rest." : ""));
    const wrong = read - correct;
    this.testSet.numbers.textContent = `MNIST keeps ${whole(mnist.test)} test digits apart from its ${whole(mnist.train)} `
      + `training digits. This matrix: ${whole(correct)} on the diagonal out of ${whole(read)}, so `
      + `${percent(accuracy, 2)}; the other ${count(wrong, "digit")} are the misreadings.`;
  }

  showFailure(message) {
    this.start.disabled = false;
    this.progress.value = 0;
    this.matrix.clear();
    this.matrix.setState("empty");
    this.clearCell();
    setText(this.summary, message);
  }

  clearCell() {
    this.cellTitle.textContent = "Press a number in the matrix";
    this.cellDigits.replaceChildren();
    this.cellDigits.dataset.count = "";
    this.matrix.select(-1, -1);
  }

  showCellLoading(truth, predicted) {
    this.matrix.select(truth, predicted);
    this.cellTitle.textContent = title(truth, predicted);
    this.cellDigits.replaceChildren();
    this.cellDigits.dataset.count = "";
  }

  /** A cell's digits: `digits` are their bytes, in the order of cell.indices. */
  showCell(/** @type {import("../../api.js").EvaluationCell} */ cell, digits) {
    const { true: truth, predicted } = cell;
    const indices = fromPython(cell.indices), confidence = fromPython(cell.confidence);
    this.cellTitle.textContent = `${title(truth, predicted)}: ${count(indices.length, "digit")}`;
    this.cellDigits.replaceChildren(...Array.from(indices, (index, i) => {
      const digit = { index, label: truth, bytes: digits[i] };
      return h("li", {},
        h("button", { type: "button", class: "cell-digit", "data-testid": "cell-digit", "data-index": index,
                      "data-label": truth, "data-predicted": predicted, onclick: () => this.on.read(digit) },
          digitCanvas(digits[i]),
          h("span", { class: "cell-digit-note" }, `#${index} · ${percent(confidence[i], 0)}`),
          h("span", { class: "visually-hidden" }, `: test digit ${index}, a ${truth} read as ${predicted} `
            + `(${percent(confidence[i], 0)} sure); show it to the recognizer`)));
    }));
    this.cellDigits.dataset.count = String(indices.length);
  }

  showCellFailure(message) {
    this.cellTitle.textContent = message;
  }
}

function title(truth, predicted) {
  return truth === predicted ? `${truth}s read right` : `${truth}s read as ${predicted}`;
}

/** Why the count is made on test digits only; its numbers are the matrix's. */
function testSetIdea() {
  return liveIdea({
    name: "test-set", control: "confusion-matrix", question: "Why count on test digits only?",
    plain: "A student who has seen the exam's answers can score full marks without understanding anything. A network "
      + "too: counted on the digits it learned from, it looks better than it is. So MNIST keeps its test digits "
      + "apart, written by other people than its training digits, and a network is judged on those.",
    formula: "accuracy = digits read right / digits read = Σₜ C[t][t] / Σₜ Σₚ C[t][p], where C[t][p] counts the "
      + "digits t read as p; a digit's accuracy is C[t][t] / Σₚ C[t][p].",
    numbers: "The numbers appear once the network has read the test digits.",
  });
}
