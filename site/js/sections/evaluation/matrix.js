// The confusion matrix as a table: a row for each true digit, a column for each answer, and a
// last column with the digit's accuracy. Each cell is a button that lists its digits; its
// shade grows with its share of the row (the diagonal in the "right" colour, the rest in the
// "wrong" one), so the rare confusions still stand out against the empty cells.

import { h } from "../../lib/dom.js";
import { percent, whole } from "../../lib/format.js";

const DIGITS = Array.from({ length: 10 }, (_, digit) => digit);

export class ConfusionMatrix {
  /** open(truth, predicted): the visitor asked for a cell's digits. */
  constructor(open) {
    this.cells = DIGITS.map((truth) => DIGITS.map((predicted) => {
      const number = h("span", {}, "–");
      const words = h("span", { class: "visually-hidden" });
      const button = h("button", { type: "button", class: "confusion-button", disabled: true,
                                   onclick: () => open(truth, predicted) }, number, words);
      const cell = h("td", { "data-testid": `confusion-${truth}-${predicted}`, "data-count": "",
                             class: truth === predicted ? "right" : "wrong" }, button);
      return { cell, button, number, words };
    }));
    this.accuracy = DIGITS.map((digit) => h("td", { class: "per-digit", "data-testid": `per-digit-${digit}`, "data-accuracy": "" }, "–"));
    this.element = h("table", { class: "confusion", "data-testid": "confusion-matrix", "data-state": "empty" },
      h("caption", {}, "Rows: the digit it really is. Columns: the digit the network read. The diagonal is what it "
        + "read right; press any number to see those digits."),
      h("thead", {},
        h("tr", {}, h("td", { class: "corner" }), h("th", { scope: "colgroup", colspan: 10 }, "read as"),
          h("td", { class: "corner" })),
        h("tr", {}, h("th", { scope: "col", class: "corner" }, "true digit"),
          DIGITS.map((digit) => h("th", { scope: "col" }, String(digit))), h("th", { scope: "col" }, "right"))),
      h("tbody", {}, DIGITS.map((truth) => h("tr", {},
        h("th", { scope: "row" }, String(truth)), this.cells[truth].map(({ cell }) => cell), this.accuracy[truth]))));
  }

  /** "empty", "counting" or "finished": tests wait for "finished". */
  setState(state) {
    this.element.dataset.state = state;
  }

  /** Every cell's count (confusion[t][p]) and each digit's accuracy. */
  show(confusion, perDigit) {
    confusion.forEach((row, truth) => {
      const total = row.reduce((a, b) => a + b, 0);
      row.forEach((count, predicted) => {
        const { cell, button, number, words } = this.cells[truth][predicted];
        cell.dataset.count = String(count);
        cell.style.setProperty("--share", total ? (count / total).toFixed(3) : "0");
        cell.classList.toggle("none", count === 0);
        number.textContent = whole(count);
        words.textContent = ` ${count === 1 ? "digit" : "digits"} ${truth} read as ${predicted}`;
        button.disabled = count === 0;
      });
    });
    perDigit.forEach(({ digit, accuracy, correct, count }) => {
      const cell = this.accuracy[digit];
      cell.dataset.accuracy = accuracy === null ? "" : String(accuracy);
      cell.textContent = accuracy === null ? "–" : percent(accuracy, 1);
      cell.title = `${whole(correct)} of ${whole(count)}`;
    });
  }

  clear() {
    for (const row of this.cells) {
      for (const { cell, button, number, words } of row) {
        cell.dataset.count = "";
        cell.style.setProperty("--share", "0");
        number.textContent = "–";
        words.textContent = "";
        button.disabled = true;
      }
    }
    for (const cell of this.accuracy) {
      cell.dataset.accuracy = "";
      cell.textContent = "–";
    }
  }

  /** Mark the cell whose digits are listed. */
  select(truth, predicted) {
    this.cells.forEach((row, t) => row.forEach(({ button }, p) =>
      button.setAttribute("aria-pressed", String(t === truth && p === predicted))));
  }
}
