// Small pictures of numbers: images, feature maps and weights drawn pixel by pixel.

import { asImage } from "../lib/digits.js";
import { context2d, h } from "../lib/dom.js";

/** An MNIST digit's 784 bytes on a 28x28 canvas, exactly (each grey level is the byte itself). */
export function digitCanvas(/** @type {ArrayLike<number>} */ bytes) {
  const canvas = h("canvas", { class: "digit-picture", width: 28, height: 28, "aria-hidden": "true" });
  drawGray(canvas, asImage(bytes), 28);
  return canvas;
}

/**
 * Values in [0, 1], row by row, as white ink on black (how MNIST looks).
 * @param {HTMLCanvasElement} canvas
 * @param {ArrayLike<number>} values
 * @param {number} size
 */
export function drawGray(canvas, values, size) {
  paint(canvas, size, (i) => {
    const level = Math.round(Math.min(1, Math.max(0, values[i])) * 255);
    return [level, level, level];
  });
}

/**
 * Signed values: positive warm, negative cool, zero neutral, scaled by the largest |value|.
 * @param {HTMLCanvasElement} canvas
 * @param {ArrayLike<number>} values
 * @param {number} size
 */
export function drawDiverging(canvas, values, size) {
  const peak = Math.max(1e-9, ...Array.from(values, Math.abs));
  const dark = matchMedia("(prefers-color-scheme: dark)").matches;
  const zero = dark ? [26, 31, 38] : [255, 255, 255];
  const warm = dark ? [251, 146, 60] : [194, 65, 12];
  const cool = dark ? [96, 165, 250] : [29, 111, 184];
  paint(canvas, size, (i) => {
    const t = values[i] / peak;
    const end = t >= 0 ? warm : cool;
    return zero.map((z, k) => Math.round(z + (end[k] - z) * Math.abs(t)));
  });
}

/**
 * @param {HTMLCanvasElement} canvas
 * @param {number} size
 * @param {(i: number) => number[]} colourAt [r, g, b] of pixel i, row by row
 */
function paint(canvas, size, colourAt) {
  canvas.width = canvas.height = size;
  const context = context2d(canvas);
  const image = context.createImageData(size, size);
  for (let i = 0; i < size * size; i++) {
    const [r, g, b] = colourAt(i);
    image.data.set([r, g, b, 255], 4 * i);
  }
  context.putImageData(image, 0, 0);
}
