// A small line chart on a canvas: enough to watch a loss fall and an accuracy climb.

import { context2d } from "../lib/dom.js";

/**
 * Draw `values` (one per step) from left to right, with the y axis from `min` to `max`.
 * `format` writes the axis labels; `steps`, if given, fixes the width of the x axis.
 * @param {HTMLCanvasElement} canvas
 * @param {number[]} values
 * @param {{ min: number, max: number, format?: (value: number) => string, steps?: number, dots?: boolean }} options
 */
export function drawChart(canvas, values, { min, max, format = String, steps = values.length, dots = false }) {
  const ratio = window.devicePixelRatio || 1;
  const width = canvas.clientWidth || 300, height = canvas.clientHeight || 150;
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(height * ratio);
  const context = context2d(canvas);
  context.setTransform(ratio, 0, 0, ratio, 0, 0);
  const style = getComputedStyle(canvas);
  const colour = (/** @type {string} */ name) => style.getPropertyValue(name).trim();
  const left = 44, right = 8, top = 8, bottom = 20;
  const x = (/** @type {number} */ i) => left + (steps > 1 ? i / (steps - 1) : 0.5) * (width - left - right);
  const y = (/** @type {number} */ v) => top + (1 - (Math.min(max, Math.max(min, v)) - min) / (max - min)) * (height - top - bottom);

  context.font = "11px system-ui, sans-serif";
  context.fillStyle = colour("--muted");
  context.strokeStyle = colour("--line");
  context.lineWidth = 1;
  for (const v of [min, (min + max) / 2, max]) {
    context.beginPath();
    context.moveTo(left, Math.round(y(v)) + 0.5);
    context.lineTo(width - right, Math.round(y(v)) + 0.5);
    context.stroke();
    context.fillText(format(v), 4, y(v) + 4);
  }
  if (!values.length) return;
  context.strokeStyle = colour("--accent");
  context.fillStyle = colour("--accent");
  context.lineWidth = 1.5;
  context.beginPath();
  values.forEach((v, i) => (i ? context.lineTo(x(i), y(v)) : context.moveTo(x(i), y(v))));
  context.stroke();
  if (dots) {
    values.forEach((v, i) => {
      context.beginPath();
      context.arc(x(i), y(v), 3, 0, 2 * Math.PI);
      context.fill();
    });
  }
}
