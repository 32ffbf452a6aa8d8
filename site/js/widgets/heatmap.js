// Grids of numbers as colours, on one shared scale: a layer's feature maps, a row of neurons,
// a set of kernels. Pictures drawn by pictures.js each scale themselves; these do not, so two
// maps of the same layer can be compared by eye, and the scale's range can be written beside them.
//
// Two scales, each said in a legend:
//   activity  what a layer makes: 0 is black, the layer's highest value white, negative
//             values blue (the 28x28 input looks as it does in the recognizer);
//   weights   what a layer has learned: 0 is the paper, positive warm, negative cool, as the
//             weight pictures elsewhere on the page.

import { context2d } from "../lib/dom.js";

/** @typedef {number[]} Colour [r, g, b], each 0..255 */
/** @typedef {(value: number) => Colour} Scale */

const BLACK = [0, 0, 0];
const WHITE = [255, 255, 255];
const BLUE = [96, 165, 250];

/** The scale for a layer's outputs from `low` to `high`: (value) → [r, g, b]. The highest value is
 *  white; blue is measured against the larger of |low| and high, so that a layer that is barely
 *  negative anywhere does not turn full blue.
 *  @param {number} low
 *  @param {number} high
 *  @returns {Scale} */
export function activityScale(low, high) {
  const top = Math.max(high, 1e-9), bottom = Math.max(-low, high, 1e-9);
  return (value) => (value >= 0 ? mix(BLACK, WHITE, value / top) : mix(BLACK, BLUE, -value / bottom));
}

/**
 * The scale for weights: symmetric about 0, so the same |w| looks as strong either way.
 * @param {number} low
 * @param {number} high
 * @returns {Scale}
 */
export function weightScale(low, high) {
  const peak = Math.max(Math.abs(low), Math.abs(high), 1e-9);
  const style = getComputedStyle(document.documentElement);
  const colour = (/** @type {string} */ name) => rgb(style.getPropertyValue(name));
  const paper = colour("--surface"), warm = colour("--positive"), cool = colour("--negative");
  return (value) => mix(paper, value >= 0 ? warm : cool, Math.abs(value) / peak);
}

/**
 * Paint `width` x `height` values (row by row, from `offset`) on `canvas`, one pixel each.
 * @param {HTMLCanvasElement} canvas
 * @param {ArrayLike<number>} values
 * @param {number} width
 * @param {number} height
 * @param {Scale} scale
 */
export function paintGrid(canvas, values, width, height, scale, offset = 0) {
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== height) canvas.height = height;
  const context = context2d(canvas);
  const image = context.createImageData(width, height);
  for (let i = 0; i < width * height; i++) {
    const [r, g, b] = scale(values[offset + i]);
    image.data[4 * i] = r;
    image.data[4 * i + 1] = g;
    image.data[4 * i + 2] = b;
    image.data[4 * i + 3] = 255;
  }
  context.putImageData(image, 0, 0);
}

/**
 * A legend: the scale from `low` to `high` as a strip, left to right.
 * @param {HTMLCanvasElement} canvas
 * @param {number} low
 * @param {number} high
 * @param {Scale} scale
 */
export function paintLegend(canvas, low, high, scale, steps = 64) {
  const values = Array.from({ length: steps }, (_, i) => low + (high - low) * (i / (steps - 1)));
  paintGrid(canvas, values, steps, 1, scale);
}

/** @returns {Colour} */
function mix(/** @type {Colour} */ from, /** @type {Colour} */ to, /** @type {number} */ amount) {
  const t = Math.min(1, Math.max(0, amount));
  return [0, 1, 2].map((k) => Math.round(from[k] + (to[k] - from[k]) * t));
}

/** "#b93c0b" or "rgb(185, 60, 11)" → [185, 60, 11]. */
function rgb(/** @type {string} */ text) {
  const value = text.trim();
  if (value.startsWith("#")) {
    const hex = value.length === 4 ? [...value.slice(1)].map((c) => c + c).join("") : value.slice(1);
    return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
  }
  const numbers = value.match(/\d+(\.\d+)?/g) ?? ["128", "128", "128"];
  return numbers.slice(0, 3).map(Number);
}
