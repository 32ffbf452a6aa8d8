// Write a number's face: the wide pad with its tools, the boxes of the digits found drawn over it,
// each digit's 28x28 image with small bars beneath, the number read large with how sure it is of
// each digit, and the runner-up cutting when it came close.

import { NUMBER } from "../../generated/facts.js";
import { fromPython } from "../../lib/arrays.js";
import { h } from "../../lib/dom.js";
import { percent } from "../../lib/format.js";
import { Pad } from "../../widgets/pad.js";
import { digitCanvas } from "../../widgets/pictures.js";
import { cuttingIdea } from "./ideas.js";

export const WRITE_A_NUMBER = `Write a number on the pad, up to ${NUMBER.max_digits} digits.`;

export class NumberView {
  /** on: the controller's handlers (clear, undo). */
  constructor(root, on) {
    this.canvas = h("canvas", { "data-testid": "number-pad", class: "number-canvas", role: "img",
                                "aria-label": `Writing area: write a number of up to ${NUMBER.max_digits} digits` });
    this.boxes = h("div", { class: "number-boxes", "aria-hidden": "true" });
    this.read = h("output", { "data-testid": "number-read", class: "number-read", "data-digits": "", "data-version": "0", "data-busy": "false",
                              "aria-live": "polite" });
    this.message = h("p", { class: "number-message" }, WRITE_A_NUMBER);
    this.runnerUp = h("p", { class: "number-runner-up", "data-testid": "number-runner-up", hidden: true });
    this.digits = h("ol", { class: "number-digits", "aria-label": "Each digit as the network saw it" });
    this.network = h("p", { class: "number-network muted" });
    root.replaceChildren(
      h("div", { class: "card number-card" },
        h("div", { class: "number-wrap" }, this.canvas, this.boxes,
          h("p", { class: "canvas-hint", "aria-hidden": "true" }, "Write a number here")),
        h("div", { class: "pad-tools" },
          h("button", { type: "button", "data-testid": "number-undo", class: "button", onclick: on.undo }, "Undo"),
          h("button", { type: "button", "data-testid": "number-clear", class: "button", onclick: on.clear }, "Clear")),
        h("div", { class: "number-answer" }, h("span", { class: "verdict-label" }, "It reads"), this.read, this.message,
          this.runnerUp),
        this.digits, this.network, cuttingIdea()));
    this.pad = new Pad(this.canvas);        // once on the page: the pad sizes itself to its place
  }

  /** Every reading (or refusal) bumps data-version by one, so a test can wait for a fresh one. */
  bumpVersion() {
    this.read.dataset.version = String(Number(this.read.dataset.version) + 1);
  }

  /** Whether a reading is still to come (a test or bench waits for "false" rather than for time). */
  showBusy(busy) {
    this.read.dataset.busy = String(busy);
  }

  /** The network that reads, and where to teach it a hand it misreads (the guided minute beside the recognizer's pad). */
  showNetwork(label) {
    this.network.replaceChildren(`Read by ${label}, the network chosen under Draw a digit. Does it misread how you write a digit? `,
      h("a", { href: "#draw", "data-testid": "number-teach" }, "Teach it your handwriting"), " there, in a minute.");
  }

  /** Nothing read: a sentence, no digits, no boxes. */
  showMessage(message) {
    this.read.dataset.digits = "";
    this.read.replaceChildren();
    this.message.textContent = message;
    this.runnerUp.hidden = true;
    this.boxes.replaceChildren();
    this.digits.replaceChildren();
    this.bumpVersion();
  }

  /** @param {import("../../api.js").NumberRead} reading */
  showReading({ digits, parts, runner_up: runnerUp, score }) {
    this.read.dataset.digits = digits;
    this.read.replaceChildren(...parts.map(({ digit, probabilities }) =>
      h("span", { class: "number-read-digit" }, String(digit),
        h("small", {}, percent(probabilities[digit], 0)))));
    this.message.textContent = `${parts.length} digit${parts.length === 1 ? "" : "s"}; the small figures say how `
      + "sure it is of each.";
    this.boxes.replaceChildren(...parts.map(({ box }, i) => boxOver(box, String(i + 1))));
    this.digits.replaceChildren(...parts.map(digitCard));
    this.runnerUp.hidden = !runnerUp;
    if (runnerUp) {
      this.runnerUp.textContent = `Runner-up: cut as ${[...runnerUp.digits].join(" ")}, score ${runnerUp.score.toFixed(3)} `
        + `against ${score.toFixed(3)} for ${[...digits].join(" ")}.`;
    }
    this.bumpVersion();
  }
}

/** A digit's box over the pad, placed by fractions of the pad: [left, top, right, bottom]. */
function boxOver(/** @type {number[]} */ box, /** @type {string} */ label) {
  const [left, top, right, bottom] = box;
  return h("span", { class: "number-box", style: { left: `${left * 100}%`, top: `${top * 100}%`,
                                                    width: `${(right - left) * 100}%`, height: `${(bottom - top) * 100}%` } },
    h("span", { class: "number-box-label" }, label));
}

/** @param {import("../../api.js").NumberDigit} part one digit: its 28x28 image, its ten bars */
function digitCard({ digit, box, probabilities, image }, index) {
  const picture = digitCanvas(fromPython(image));
  picture.classList.add("number-picture");
  const order = probabilities.map((p, d) => [p, d]).sort((a, b) => b[0] - a[0]);
  return h("li", { class: "number-digit", "data-testid": "number-digit", "data-digit": String(digit),
                   "data-box": box.join(","), "aria-label": `Digit ${index + 1}: ${digit}, ${percent(probabilities[digit], 0)} sure` },
    h("span", { class: "number-digit-place", "aria-hidden": "true" }, String(index + 1)),
    picture,
    h("span", { class: "number-bars", "aria-hidden": "true" }, probabilities.map((p, d) =>
      h("span", { class: `number-bar${d === digit ? " top" : ""}`, title: `${d}: ${percent(p, 1)}` },
        h("span", { class: "number-bar-fill", style: { transform: `scaleY(${p})` } }), h("span", { class: "number-bar-digit" }, String(d))))),
    h("span", { class: "number-digit-answer" }, `${digit} · ${percent(probabilities[digit], 0)}`,
      order[1][0] >= 0.05 ? ` (or ${order[1][1]}: ${percent(order[1][0], 0)})` : ""));
}
