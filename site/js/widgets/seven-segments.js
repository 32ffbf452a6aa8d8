// A seven-segment display drawn in SVG: digits, a decimal point, dashes while there is nothing to show.

import { s } from "../lib/dom.js";

// Each segment of a 24x44 digit: horizontal ("h") or vertical ("v"), from, to, and where across.
/** @type {Record<string, [string, number, number, number]>} */
const SEGMENTS = { a: ["h", 2, 22, 2], b: ["v", 2, 22, 22], c: ["v", 22, 42, 22], d: ["h", 2, 22, 42],
                   e: ["v", 22, 42, 2], f: ["v", 2, 22, 2], g: ["h", 2, 22, 22] };
/** @type {Record<string, string>} */
const LIT = { 0: "abcdef", 1: "bc", 2: "abdeg", 3: "abcdg", 4: "bcfg", 5: "acdfg", 6: "acdefg",
              7: "abc", 8: "abcdefg", 9: "abcdfg", "-": "g", " ": "" };

export class SevenSegments {
  constructor(/** @type {number} */ places) {
    this.places = Array.from({ length: places }, (_, i) => {
      const segments = Object.fromEntries(Object.keys(SEGMENTS).map((name) =>
        [name, s("polygon", { points: polygon(name), class: "segment" })]));
      const point = s("circle", { cx: "28.5", cy: "42", r: "2.4", class: "segment" });
      const group = s("g", { transform: `translate(${8 + i * 34} 3) skewX(-6)` }, Object.values(segments), point);
      return { group, segments, point };
    });
    this.element = s("svg", { class: "segments", viewBox: `0 0 ${10 + places * 34} 50`, "aria-hidden": "true" },
      this.places.map((place) => place.group));
    this.show(null);
  }

  /** Show a number with as many decimals as fit (2.303, 12.41), or dashes for null. */
  show(/** @type {number | null} */ value) {
    const text = value === null ? "-".repeat(this.places.length) : fitDigits(value, this.places.length);
    const digits = text.replace(".", "");
    const pointAfter = text.indexOf(".") - 1;
    this.places.forEach((place, i) => {
      const lit = LIT[digits[i] ?? " "];
      for (const [name, shape] of Object.entries(place.segments)) shape.classList.toggle("on", lit.includes(name));
      place.point.classList.toggle("on", i === pointAfter);
    });
  }
}

/** A segment as a long hexagon, 4 units thick, with a small gap at each end. */
function polygon(/** @type {string} */ name) {
  const [direction, from, to, across] = SEGMENTS[name];
  const [a, b, h] = [from + 1, to - 1, 2];
  const outline = [[a, 0], [a + h, -h], [b - h, -h], [b, 0], [b - h, h], [a + h, h]];
  return outline.map(([along, off]) => (direction === "h" ? [along, across + off] : [across + off, along]).join(",")).join(" ");
}

function fitDigits(/** @type {number} */ value, /** @type {number} */ places) {
  const whole = Math.max(1, String(Math.floor(value)).length);
  if (whole >= places) return "9".repeat(places);
  const text = value.toFixed(places - whole);
  return text.replace(".", "").length > places ? value.toFixed(Math.max(0, places - whole - 1)) : text;
}
