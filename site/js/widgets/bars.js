// One digit's bar of confidence: the digit, a track filled as far as its probability, and the
// probability in words. The recognizer's ten bars and the code panel's are made of these.

import { h } from "../lib/dom.js";
import { percent } from "../lib/format.js";

/** testid: the data-testid the recognizer's contract gives its bars (bar-0 … bar-9), or none. */
export function probabilityBar(/** @type {number} */ digit, /** @type {string | null} */ testid = null) {
  const fill = h("span", { class: "bar-fill" });
  const value = h("span", { class: "bar-value" }, "–");
  const element = h("li", { class: "bar", "data-testid": testid, "data-prob": testid ? "0" : null },
    h("span", { class: "bar-digit" }, String(digit)), h("span", { class: "bar-track" }, fill), value);
  return {
    element,
    /** probability null: not a number (a changed softmax can make one). */
    set(/** @type {number | null} */ probability, /** @type {boolean} */ top) {
      if (testid) element.dataset.prob = (probability ?? 0).toFixed(6);
      element.classList.toggle("top", top);
      fill.style.transform = `scaleX(${probability ?? 0})`;
      value.textContent = probability === null ? "NaN" : top || probability >= 0.0005 ? percent(probability, 1) : "0%";
    },
  };
}
