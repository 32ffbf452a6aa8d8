// Teach it your handwriting, its face: the buttons that correct the recognizer's answer
// (placed under that answer by the recognizer), and the personal set with its tools.

import { h } from "../../lib/dom.js";
import { count } from "../../lib/format.js";
import { drawGray } from "../../widgets/pictures.js";

export const drawings = (n) => count(n, "drawing");

export class TeachView {
  /** on: the controller's handlers (correct, remove, clear, export, import, finetune, forget). */
  constructor(root, on) {
    this.on = on;
    // Under the recognizer's answer.
    this.correctLabel = h("span", { class: "correct-label" });
    this.saved = h("p", { class: "saved muted", "data-testid": "teach-saved", "aria-live": "polite" });
    this.correction = h("div", { class: "correct", hidden: true }, this.correctLabel,
      h("span", { class: "correct-digits" }, Array.from({ length: 10 }, (_, d) => h("button", {
        type: "button", class: "digit-button", "data-testid": `teach-${d}`, "aria-label": `It is a ${d}`,
        onclick: () => on.correct(d) }, String(d)))),
      this.saved);
    // The personal set.
    this.count = h("strong", { "data-testid": "personal-count", "data-count": "0" }, drawings(0));
    this.empty = h("p", { class: "personal-empty muted" }, "None yet: draw a digit above and correct the answer.");
    this.items = h("div", { class: "personal-items" });
    this.finetune = h("button", { type: "button", class: "button primary", "data-testid": "finetune", onclick: on.finetune }, "Fine-tune");
    this.exportButton = h("button", { type: "button", class: "button", "data-testid": "personal-export", onclick: on.export }, "Export (.npz)");
    this.importInput = h("input", { type: "file", accept: ".npz", "data-testid": "personal-import", class: "visually-hidden",
                                    onchange: () => on.import(this.importInput) });
    this.clear = h("button", { type: "button", class: "button", "data-testid": "personal-clear", onclick: on.clear }, "Delete all");
    this.progress = h("progress", { class: "finetune-progress", "data-testid": "finetune-progress", max: 1, value: 0, hidden: true,
                                    "aria-label": "Fine-tuning progress" });
    this.result = h("p", { class: "finetune-result", "data-testid": "finetune-result", "aria-live": "polite" });
    this.changes = h("div", { class: "finetune-changes" });     // the MNIST digits a tuning reads otherwise (mnist-changes.js)
    this.forget = h("button", { type: "button", class: "button", "data-testid": "forget-everything", onclick: on.forget },
      "Forget everything this page kept");
    this.card = h("div", { class: "card personal-root", "aria-labelledby": "personal-title" },
        h("h3", { id: "personal-title" }, "Teach it your handwriting"),
        h("p", { class: "muted" }, "When the recognizer reads your drawing wrong, tell it the right digit (the buttons under its " +
          "answer). Your drawings are kept in this browser only, never sent anywhere. Then fine-tune a network on them: a few " +
          "dozen small steps on your drawings mixed with MNIST, so that it learns your hand without forgetting everyone else's."),
        h("p", {}, this.count, " in your personal set."),
        this.empty, this.items,
        h("div", { class: "button-row" }, this.finetune, this.exportButton,
          h("label", { class: "button file-button" }, "Import…", this.importInput), this.clear),
        this.progress, this.result, this.changes);
    root.replaceChildren(this.card, h("p", { class: "forget" }, this.forget));
  }

  /** The personal set kept on an earlier visit is back (or there was none): tests wait for this. */
  showRestored() {
    this.card.dataset.kept = "restored";
  }

  /** Offer the correction for the recognizer's latest answer, or hide it when there is none. */
  showCorrection(answer) {
    this.correction.hidden = !answer;
    if (answer) this.correctLabel.textContent = `Not a ${answer.digit}? Tell it which digit you drew:`;
  }

  /** The personal set: its count, its drawings (each with a delete button), what can be done with it. */
  showSet(items, { tuning, model }) {
    this.count.textContent = drawings(items.length);
    this.count.dataset.count = String(items.length);
    this.empty.hidden = items.length > 0;
    this.exportButton.disabled = this.clear.disabled = items.length === 0;
    this.finetune.disabled = items.length === 0 || tuning;
    this.finetune.textContent = `Fine-tune ${model} on them`;
    this.items.replaceChildren(...items.map((item, index) => {
      const canvas = h("canvas");
      drawGray(canvas, Array.from(item.image, (v) => v / 255), 28);
      return h("figure", { class: "personal-item", "data-testid": "personal-item" }, canvas,
        h("figcaption", {}, String(item.label)),
        h("button", { type: "button", class: "remove", "data-testid": "personal-delete", "aria-label": `Delete this ${item.label}`,
                      onclick: () => this.on.remove(index) }, "×"));
    }));
  }

  showTuning(message, done) {
    this.result.textContent = message;
    this.progress.hidden = false;
    this.progress.value = done;
  }
}
