// The smallest change that fools it: pick a digit, and Python changes the drawing a few pixels
// at a time until the network reads that digit (why_nudge); before, after and the change side by
// side, and the changed digit can go to the recognizer. With a few words on adversarial examples.

import { h } from "../../lib/dom.js";
import { displayed, partial, sub } from "../../lib/math.js";
import { drawDiverging, drawGray } from "../../widgets/pictures.js";

/** @typedef {import("../../api.js").Nudge} Nudge */
/** @typedef {import("../../lib/arrays.js").Numbers} Numbers */

export class NudgePanel {
  /** on.aim(digit), on.start(), on.send(): the target chosen, the nudge asked for, its result sent to the recognizer. */
  constructor(on) {
    this.target = h("select", { id: "nudge-target", "data-testid": "nudge-target", onchange: () => on.aim(Number(this.target.value)) },
      Array.from({ length: 10 }, (_, k) => h("option", { value: String(k) }, String(k))));
    this.start = h("button", { type: "button", class: "button primary", "data-testid": "nudge-start", onclick: () => on.start() }, "Change my digit");
    this.send = h("button", { type: "button", class: "button", "data-testid": "nudge-send", hidden: true, onclick: () => on.send() },
      "Show the changed digit to the recognizer");
    const picture = (label) => h("canvas", { class: "explain-picture", width: 28, height: 28, role: "img", "aria-label": label });
    this.before = picture("Your digit, before the change");
    this.after = picture("Your digit, after the change");
    this.change = picture("The change: red where ink was added, blue where it was taken away");
    this.words = h("p", { class: "nudge-words", role: "status" });
    this.result = h("div", { class: "nudge-result", "data-testid": "nudge-result", "data-digit": "", "data-changed": "", "data-values": "", hidden: true },
      h("figure", { class: "explain-map" }, this.before, h("figcaption", {}, "Before")),
      h("figure", { class: "explain-map" }, this.after, h("figcaption", {}, "After")),
      h("figure", { class: "explain-map" }, this.change, h("figcaption", {}, "What changed")));
    this.element = h("div", { class: "card explain-card" },
      h("h3", {}, "The smallest change that fools it"),
      h("p", {}, "How little must your digit change for the network to read another one? Python changes a few pixels at a time, ",
        "each time the ones that push hardest towards the digit you pick, until the network reads it. Ink stays between paper (0) and full (1)."),
      h("p", { class: "explain-ask" }, h("label", { for: "nudge-target" }, "Make it read a"), this.target, this.start),
      this.words,
      this.result,
      this.send,
      h("details", {}, h("summary", {}, "Why a person is not fooled"),
        h("p", {}, "This is an adversarial example. A person reads a digit by its strokes: a loop, a bar, a tail. ",
          "The network has learned no such thing, only a function of 784 numbers that gives the right digit for the digits it was shown. ",
          "Between its answers run borders through the space of all pictures, and a picture can be near a border in directions no ",
          "person would call a change: a few grey pixels added here and there. Each step goes exactly the way the backward pass ",
          "says crosses the border fastest."),
        h("p", {}, "The step is gradient descent, as in training, but the weights stay still and the pixels move, ",
          "a few at a time, clipped to 0..1 (t is the digit aimed for):",
          displayed("x", "←", "x", "−", "η", "·", partial(["(", "−", "log", "\u2061", sub("p", "t"), ")"], "x"))),
        h("p", {}, "Networks can be made harder to fool by training them on such changed digits, but no one knows how to make one ",
          "that reads like a person.")));
  }

  /** Python is changing the digit. */
  working(target) {
    this.start.disabled = true;
    this.words.textContent = `Changing your digit until the network reads a ${target}…`;
  }

  /** The nudge's result (`values`: its changed image), the digit it started from beside it. */
  show(/** @type {Numbers} */ image, /** @type {Nudge} */ nudge, /** @type {Numbers} */ values) {
    this.start.disabled = false;
    drawGray(this.before, image, 28);
    drawGray(this.after, values, 28);
    drawDiverging(this.change, Array.from(values, (value, i) => value - image[i]), 28);
    Object.assign(this.result.dataset, { digit: String(nudge.digit), changed: String(nudge.changed), values: values.join(",") });
    this.result.hidden = false;
    this.send.hidden = !nudge.converged;
    const probability = `${(nudge.probabilities[nudge.target] * 100).toFixed(1)}%`;
    this.words.textContent = nudge.converged
      ? `After ${nudge.steps} small step${nudge.steps === 1 ? "" : "s"}, ${nudge.changed} pixel${nudge.changed === 1 ? "" : "s"} changed `
        + `by more than ${nudge.threshold}, and the network reads a ${nudge.digit} (${probability} sure). Would you?`
      : `In ${nudge.budget} steps Python could not make the network read a ${nudge.target}: it still reads a ${nudge.digit} `
        + `(a ${nudge.target} has ${probability}). Some digits sit far from others for this network; try another.`;
  }

  /** Nothing to change, or a sentence in place of a result. */
  say(text) {
    this.start.disabled = false;
    this.words.textContent = text;
  }

  /** The drawing changed: the last result belongs to another digit. */
  clear() {
    this.result.hidden = true;
    this.send.hidden = true;
    Object.assign(this.result.dataset, { digit: "", changed: "", values: "" });
    this.words.textContent = "";
  }
}
