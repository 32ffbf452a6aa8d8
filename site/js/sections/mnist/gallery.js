// The gallery of MNIST test digits: one row per class, ordinary digits first and then the hard
// ones (the networks misread them, disagree on them or are unsure), a filter to show one class,
// and each digit a button that sends it to the recognizer.

import { h } from "../../lib/dom.js";
import { percent } from "../../lib/format.js";
import { digitCanvas } from "../../widgets/pictures.js";

const KIND_WORDS = {
  misread: "every network misreads it",
  disagreement: "the networks disagree",
  "low confidence": "the networks are unsure",
};

export class Gallery {
  /** on.send(digit): the visitor chose a digit, {index, label, kind, readings, bytes};
   *  on.show(label): the visitor chose which class to show (null: all). `shown`: the class shown first. */
  constructor(on, shown) {
    this.send = on.send;
    this.digits = [];
    this.shown = shown;
    this.list = h("ul", { class: "mnist-gallery", "data-testid": "mnist-gallery", "data-state": "loading" },
      h("li", { class: "muted" }, "MNIST's digits arrive when you scroll here."));
    this.choices = ["all", ...Array.from({ length: 10 }, (_, d) => d)].map((value) => {
      const input = h("input", { type: "radio", name: "mnist-filter", value, "data-testid": `mnist-filter-${value}`,
                                 checked: value === (shown ?? "all"),
                                 onchange: () => { this.filter(value === "all" ? null : value); on.show(this.shown); } });
      return h("label", {}, input, h("span", {}, value === "all" ? "all" : String(value)));
    });
    this.element = h("div", { class: "mnist-gallery-wrap" },
      h("div", { class: "segmented mnist-filter", role: "radiogroup", "aria-label": "Show the digits" },
        h("span", { class: "segmented-label" }, "Show"), this.choices),
      this.list);
  }

  /** The gallery's digits (Python's choice) and their bytes, in the same order. */
  show(gallery, pictures) {
    this.digits = gallery.digits.map((digit, i) => ({ ...digit, bytes: pictures[i] }));
    this.list.replaceChildren(...this.digits.map((digit) => this.item(digit)));
    this.filter(this.shown);
    this.list.dataset.state = "ready";
  }

  item(digit) {
    const hard = digit.kind !== "ordinary";
    const readings = Object.entries(digit.readings)
      .map(([name, reading]) => `${name} ${reading.digit} (${percent(reading.confidence, 0)})`).join(", ");
    const answers = Object.entries(digit.readings).map(([name, reading]) => `${name} ${reading.digit}`).join(", ");
    const description = `Test digit #${digit.index}, a ${digit.label}${hard ? `, hard: ${KIND_WORDS[digit.kind]}` : ""}. `
      + `Read as: ${readings}.`;
    return h("li", { class: hard ? "hard" : null, "data-label": digit.label },
      h("button", { type: "button", class: "mnist-digit", "data-testid": "mnist-digit", "data-label": digit.label,
                    "data-index": digit.index, "data-kind": digit.kind, title: description, onclick: () => this.send(digit) },
        digitCanvas(digit.bytes),
        h("span", { class: "mnist-digit-label" }, String(digit.label)),
        hard ? h("span", { class: "mnist-digit-kind" }, `${KIND_WORDS[digit.kind]}: ${answers}`) : null,
        h("span", { class: "visually-hidden" }, `: ${description} Show it to the recognizer.`)));
  }

  /** Show one class (null: every one). */
  filter(label) {
    this.shown = label;
    for (const item of /** @type {HTMLCollectionOf<HTMLLIElement>} */ (this.list.children)) {
      item.hidden = label !== null && item.dataset.label !== String(label);
    }
  }

  /** Up to `n` ordinary digits of class `label` (for the visitor's digit to stand beside). */
  ordinary(label, n) {
    return this.digits.filter((digit) => digit.label === label && digit.kind === "ordinary").slice(0, n);
  }

  showFailure(message) {
    this.list.replaceChildren(h("li", { class: "muted" }, message));
    this.list.dataset.state = "failed";
  }
}
