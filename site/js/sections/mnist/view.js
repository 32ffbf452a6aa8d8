// Meet MNIST, its face: the dataset's facts (Python's, from py/digits/explain/evaluation.py), the
// gallery, and the visitor's digit as the network sees it beside MNIST digits of its class,
// with why the two are not alike (distribution shift) and what the page does about it.

import { h, setText } from "../../lib/dom.js";
import { whole } from "../../lib/format.js";
import { digitCanvas, drawGray } from "../../widgets/pictures.js";
import { idea } from "../../widgets/idea.js";
import { Gallery } from "./gallery.js";

const BESIDE = 5;            // MNIST digits shown beside the visitor's

export class MnistView {
  /** on: the controller's handlers (send, show); shown: the class the gallery shows first (null: all). */
  constructor(root, on, shown) {
    this.facts = h("dl", { class: "mnist-facts", "data-testid": "mnist-facts" });
    this.gallery = new Gallery(on, shown);
    this.message = h("p", { class: "mnist-message", role: "status" });
    this.yours = h("canvas", { class: "digit-picture yours", width: 28, height: 28, "data-testid": "mnist-yours",
                               role: "img", "aria-label": "Your digit as the network sees it" });
    this.yoursCaption = h("p", { class: "muted" }, "Draw a digit above and it appears here, as the network sees it, "
      + "beside MNIST digits of the class it was read as.");
    this.beside = h("div", { class: "beside-digits", "data-testid": "mnist-beside" });
    root.replaceChildren(
      h("div", { class: "mnist" },
        h("div", { class: "card mnist-about" },
          h("h3", {}, "Meet MNIST"),
          h("p", {}, "Every network on this page learned to read from MNIST, the best-known collection of handwritten "
            + "digits: each one a small grey picture with the digit it shows."),
          this.facts),
        h("div", { class: "card mnist-digits" },
          h("h3", {}, "Its test digits"),
          h("p", {}, "These are real MNIST test digits, the kind of picture the networks were trained on. The last ones "
            + "of each row are hard: the networks misread them, disagree or hesitate. Would you? Press any digit to "
            + "show it to the recognizer, then draw yours beside it."),
          this.gallery.element, this.message),
        h("div", { class: "card mnist-yours" },
          h("h3", {}, "Yours beside MNIST's"),
          h("div", { class: "beside" }, h("figure", {}, this.yours, h("figcaption", {}, "yours")), this.beside),
          this.yoursCaption, distributionShiftIdea())));
  }

  /** MNIST's facts as Python gives them. */
  showFacts(facts) {
    const { subset } = facts;
    const rows = [
      ["Digits", `${whole(facts.digits)}: ${whole(facts.train)} to learn from, ${whole(facts.test)} to test on`],
      ["Each digit", `${facts.height}×${facts.width} pixels, ${facts.pixels}`],
      ["Written by", facts.writers],
      ["Prepared", facts.preparation],
      ["Collected by", [`${facts.authors}, ${facts.year} (`, h("a", { href: facts.url }, "the MNIST page"), ")"]],
      ["On this page", `${subset.chosen}: ${whole(subset.train)} to train on here, ${whole(subset.test)} to test on `
        + `(${subset.test_per_digit.map((n, d) => `${whole(n)} ${d}s`).join(", ")})`],
    ];
    this.facts.replaceChildren(...rows.map(([term, detail]) => h("div", {}, h("dt", {}, term), h("dd", {}, detail))));
  }

  showGallery(gallery, pictures) {
    this.gallery.show(gallery, pictures);
  }

  /** The recognizer's latest answer (or null): its 28x28 image beside MNIST digits of its class. */
  showYours(answer) {
    if (!answer) {
      this.yours.getContext("2d").clearRect(0, 0, 28, 28);
      this.beside.replaceChildren();
      setText(this.yoursCaption, "Draw a digit above and it appears here, as the network sees it, beside MNIST digits "
        + "of the class it was read as.");
      return;
    }
    drawGray(this.yours, answer.image, 28);
    const others = this.gallery.ordinary(answer.digit, BESIDE);
    this.beside.replaceChildren(...others.map((digit) =>
      h("figure", {}, digitCanvas(digit.bytes), h("figcaption", {}, `#${digit.index}`))));
    setText(this.yoursCaption, others.length
      ? `Read as a ${answer.digit}; beside it, ${others.length} MNIST ${answer.digit}s. Compare the thickness of the `
        + "strokes, the grey edges, the slant."
      : `Read as a ${answer.digit}. MNIST's digits appear beside it once the gallery has arrived.`);
  }

  say(text) {
    setText(this.message, text);
  }

  showFailure(message) {
    this.gallery.showFailure(message);
  }
}

function distributionShiftIdea() {
  return idea({
    name: "distribution-shift", control: "mnist-yours", question: "Why your digit is not an MNIST digit",
    plain: "A network knows only the kind of pictures it learned from. MNIST's digits were written with pens on "
      + "paper forms by hundreds of people, then scanned; yours is drawn with a finger or a mouse, in one even "
      + "line, in your own style. When the pictures a network reads differ from the ones it learned from, it reads "
      + "them worse, even if to us they are the same digit: a distribution shift.",
    formula: "trained on digits from one distribution P, used on digits from another Q ≠ P: accuracy on P says little "
      + "about accuracy on Q.",
    numbers: "What the page does about it: your drawing is prepared the MNIST way (cropped, scaled to fit 20×20, "
      + "centred by its centre of mass in 28×28), small digits get a finer pen, and every shipped network also "
      + "learned from thousands of digits drawn as pen strokes like yours (see the networks' facts under the "
      + "recognizer).",
  });
}
