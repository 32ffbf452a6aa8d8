// The drawing as the networks get it: its strokes painted into a 280x280 alpha bitmap by
// arithmetic, without a canvas.
//
// Why not draw on a canvas and read it back? Some browsers blur what getImageData returns,
// to resist fingerprinting (small random changes on some pixels, the background included),
// and each browser anti-aliases a little differently. Painted here, the same strokes give the
// same bytes everywhere, and the very bytes py/digits/images/handwriting.py `paint` gives, which is
// how the networks' synthetic pen drawings are made: a round pen whose coverage of a pixel is
// clip(radius + ½ − distance from the pixel's centre to the segment, 0, 1).

import { PAD } from "../generated/facts.js";

export const MODEL_SIZE = PAD.canvas;

/** A stroke: its points, each [x, y] in units of the pad's height. @typedef {number[][]} Stroke */

/** The pad's pen for these strokes (of the side): the full pen, in proportion thinner for a small digit. */
export function penWidth(/** @type {Stroke[]} */ strokes) {
  let left = Infinity, right = -Infinity, top = Infinity, bottom = -Infinity;
  for (const [x, y] of strokes.flat()) {
    left = Math.min(left, x); right = Math.max(right, x);
    top = Math.min(top, y); bottom = Math.max(bottom, y);
  }
  const extent = Math.max(right - left, bottom - top, PAD.min_extent);
  return PAD.pen_width * Math.min(1, extent / PAD.full_pen_extent);
}

/** Strokes (lists of [x, y] in 0..1) as alpha bytes, MODEL_SIZE x MODEL_SIZE, row by row, ink high. */
export function inkBitmap(/** @type {Stroke[]} */ strokes) {
  const side = MODEL_SIZE;
  const coverage = new Float64Array(side * side);
  const radius = (penWidth(strokes) * side) / 2;
  for (const stroke of strokes) {
    const points = stroke.map(([x, y]) => [x * side, y * side]);
    const segments = points.length > 1 ? points.slice(1).map((b, i) => [points[i], b]) : [[points[0], points[0]]];
    for (const [a, b] of segments) paintSegment(coverage, side, a, b, radius);
  }
  const alpha = new Uint8Array(side * side);
  for (let i = 0; i < alpha.length; i++) alpha[i] = Math.round(coverage[i] * 255);
  return alpha;
}

/**
 * Only the pixels near the segment can change: its bounding box, widened by the pen.
 * @param {Float64Array} coverage
 * @param {number} side
 * @param {number[]} a the segment's ends, [x, y] in pixels
 * @param {number[]} b
 * @param {number} radius
 */
function paintSegment(coverage, side, a, b, radius) {
  const clamp = (/** @type {number} */ v) => Math.min(Math.max(v, 0), side);
  const x0 = clamp(Math.floor(Math.min(a[0], b[0]) - radius - 1)), x1 = clamp(Math.ceil(Math.max(a[0], b[0]) + radius + 1));
  const y0 = clamp(Math.floor(Math.min(a[1], b[1]) - radius - 1)), y1 = clamp(Math.ceil(Math.max(a[1], b[1]) + radius + 1));
  const dx = b[0] - a[0], dy = b[1] - a[1], length2 = dx * dx + dy * dy;
  for (let row = y0; row < y1; row++) {
    for (let column = x0; column < x1; column++) {
      const x = column + 0.5, y = row + 0.5;
      const t = length2 === 0 ? 0 : Math.min(Math.max(((x - a[0]) * dx + (y - a[1]) * dy) / length2, 0), 1);
      const distance = Math.hypot(x - (a[0] + t * dx), y - (a[1] + t * dy));
      const covered = Math.min(Math.max(radius + 0.5 - distance, 0), 1);
      const index = row * side + column;
      if (covered > coverage[index]) coverage[index] = covered;
    }
  }
}
