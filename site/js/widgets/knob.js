// A rotary knob: drag it (up or right turns it up), or focus it and use the arrow keys,
// Page Up/Down, Home and End; a double click sets it to 0. Optionally an arrow along its rim
// shows which way to turn it (the machine's hint).

import { h, s } from "../lib/dom.js";
import { capturePointer } from "../lib/pointer.js";
import { signed } from "../lib/format.js";

/** @type {Record<string, number>} */
const KEY_STEPS = { ArrowUp: 0.1, ArrowRight: 0.1, ArrowDown: -0.1, ArrowLeft: -0.1, PageUp: 1, PageDown: -1 };
const SWEEP = 135;                // degrees a knob turns from 0 to ±limit

export class Knob {
  /**
   * testid: its data-testid; limit: it turns from −limit to +limit; settle(value): where a turn
   * may stop (its positions); onTurn(value, final): final once a drag or a key press is done.
   * @param {{ testid: string, limit: number, settle: (value: number) => number,
   *           onTurn: (value: number, final: boolean) => void }} options
   */
  constructor({ testid, limit, settle, onTurn }) {
    this.limit = limit;
    this.settle = settle;
    this.onTurn = onTurn;
    this.value = 0;
    /** @type {number | null | undefined} the hint's gradient: undefined until the first hint, null for none */
    this.gradient = undefined;
    this.largest = 1;
    this.unitsPerPixel = limit / 100;       // dragging 100 px turns it by half its range
    this.valueArc = s("path", { class: "knob-value" });
    this.hintArc = s("path", { class: "knob-hint", "marker-end": "url(#machine-arrow)" });
    this.cap = h("span", { class: "knob-cap" });
    this.readout = h("span", { class: "knob-readout", "aria-hidden": "true" });
    this.element = h("div", { class: "knob", role: "slider", tabindex: "0", "data-testid": testid,
                              "aria-valuemin": -limit, "aria-valuemax": limit, "aria-valuenow": "0" },
      s("svg", { class: "knob-ring", viewBox: "-24 -24 48 48", "aria-hidden": "true" },
        s("path", { class: "knob-track", d: arc(-SWEEP, SWEEP) }), this.valueArc, this.hintArc),
      this.cap, this.readout);
    this.listen();
  }

  label(/** @type {string} */ text) {
    if (this.element.getAttribute("aria-label") !== text) this.element.setAttribute("aria-label", text);
  }

  listen() {
    /** @type {{ x: number, y: number, from: number } | null} */
    let drag = null;
    const element = this.element;
    element.addEventListener("pointerdown", (event) => {
      if (event.button !== 0) return;
      event.preventDefault();
      element.focus();
      capturePointer(element, event);
      drag = { x: event.clientX, y: event.clientY, from: this.value };
      element.classList.add("turning");
    });
    element.addEventListener("pointermove", (event) => {
      if (!drag) return;
      const pixels = (event.clientX - drag.x) - (event.clientY - drag.y);
      const fine = event.shiftKey ? 0.2 : 1;
      this.turnTo(Math.round((drag.from + pixels * this.unitsPerPixel * fine) * 100) / 100, false);
    });
    const release = () => {
      if (!drag) return;
      drag = null;
      element.classList.remove("turning");
      this.onTurn(this.value, true);
    };
    element.addEventListener("pointerup", release);
    element.addEventListener("pointercancel", release);
    element.addEventListener("dblclick", () => this.turnTo(0, true));
    element.addEventListener("keydown", (event) => {
      const target = event.key === "Home" ? -this.limit : event.key === "End" ? this.limit
        : KEY_STEPS[event.key] !== undefined ? this.value + KEY_STEPS[event.key] : null;
      if (target === null) return;
      event.preventDefault();
      this.turnTo(target, true);
    });
  }

  turnTo(/** @type {number} */ value, /** @type {boolean} */ final) {
    if (!Number.isFinite(value)) return;     // a pointer a world away (1e308 px) turns nothing
    const next = this.settle(value);
    if (next === this.value && !final) return;
    this.show(next);
    this.onTurn(next, final);
  }

  show(/** @type {number} */ value) {
    if (value === this.value && this.element.hasAttribute("aria-valuetext")) return;
    this.value = value;
    const angle = (value / this.limit) * SWEEP;
    this.element.setAttribute("aria-valuenow", String(value));
    this.element.setAttribute("aria-valuetext", signed(value));
    this.valueArc.setAttribute("d", value === 0 ? "" : arc(Math.min(0, angle), Math.max(0, angle)));
    this.valueArc.classList.toggle("negative", value < 0);
    this.cap.style.setProperty("--angle", `${angle.toFixed(1)}deg`);
    this.readout.textContent = signed(value);
    if (this.gradient !== undefined) this.hint(this.gradient, this.largest);
  }

  /** An arrow along the rim from the pointer, the way that lowers the loss (−gradient), as long as the gradient is big. */
  hint(/** @type {number | null} */ gradient, /** @type {number} */ largest) {
    this.gradient = gradient;
    this.largest = largest;
    // The square root keeps small but real gradients visible next to the largest one.
    const strength = gradient === null ? 0 : Math.sqrt(Math.abs(gradient) / largest);
    const direction = gradient !== null && gradient < 0 ? "up" : "down";
    const shown = strength >= 0.02;
    this.element.dataset.hint = shown ? direction : "none";
    this.element.dataset.gradient = gradient === null ? "" : String(gradient);
    this.element.setAttribute("aria-valuetext", signed(this.value) + (shown ? `, hint: turn ${direction}` : ""));
    if (!shown) {
      this.hintArc.setAttribute("d", "");
      return;
    }
    const from = (this.value / this.limit) * SWEEP;
    const length = 12 + strength * 78;
    this.hintArc.setAttribute("d", arc(from, from + (direction === "up" ? length : -length), 21.5));
  }
}

/** An SVG arc on a circle of `radius` around 0, from angle `from` to `to` (degrees clockwise from the top). */
function arc(/** @type {number} */ from, /** @type {number} */ to, radius = 19) {
  const point = (/** @type {number} */ deg) => {
    const rad = (deg * Math.PI) / 180;
    return `${(radius * Math.sin(rad)).toFixed(2)} ${(-radius * Math.cos(rad)).toFixed(2)}`;
  };
  const large = Math.abs(to - from) > 180 ? 1 : 0;
  const sweep = to > from ? 1 : 0;
  return `M ${point(from)} A ${radius} ${radius} 0 ${large} ${sweep} ${point(to)}`;
}
