// The drawing surface: smooth round strokes from mouse, finger or pen, with undo.
//
// Strokes are kept as lists of points in units of the pad's height (0..1 down, and 0..1 across
// a square pad, 0..width/height across a wide one), so the pad can redraw them at any size: crisply on screen at the device's pixel ratio, and as the
// fixed 280x280 bitmap Python reads, painted from the points by ink.js (no canvas is read
// back). The same drawing therefore gives the same input on a phone and on a 4K screen,
// in every browser.
//
// In that bitmap the pen suits the drawing's size: preprocessing scales every digit to
// 20 px, so a small digit drawn with the screen's pen would arrive in bold strokes MNIST
// never has.

import { PAD } from "../generated/facts.js";
import { context2d } from "../lib/dom.js";
import { capturePointer } from "../lib/pointer.js";
import { MODEL_SIZE, inkBitmap } from "./ink.js";

const PEN_WIDTH = PAD.pen_width;   // of the pad's side: close to MNIST's strokes once a big digit is scaled to 20 px

export class Pad extends EventTarget {
  constructor(/** @type {HTMLCanvasElement} */ canvas) {
    super();
    this.canvas = canvas;
    /** @type {import("./ink.js").Stroke[]} */
    this.strokes = [];
    /** @type {{ pointerId: number, points: import("./ink.js").Stroke } | null} the stroke being drawn */
    this.current = null;
    this.screenContext = context2d(canvas);
    new ResizeObserver(() => this.fitToScreen()).observe(canvas);
    matchMedia("(prefers-color-scheme: dark)").addEventListener("change", () => this.redraw());
    this.listen();
  }

  get isEmpty() {
    return this.strokes.length === 0;
  }

  /** The pad's width over its height: 1 for the digit pad, more for a wide one. */
  get aspect() {
    return this.canvas.clientHeight > 0 ? this.canvas.clientWidth / this.canvas.clientHeight : 1;
  }

  fitToScreen() {
    const ratio = window.devicePixelRatio || 1;
    const width = Math.round(this.canvas.clientWidth * ratio);
    const height = Math.round(this.canvas.clientHeight * ratio);
    if (width > 0 && height > 0 && (width !== this.canvas.width || height !== this.canvas.height)) {
      this.canvas.width = width;
      this.canvas.height = height;
      this.redraw();
    }
  }

  listen() {
    const canvas = this.canvas;
    canvas.addEventListener("pointerdown", (event) => {
      if (event.button !== 0 && event.pointerType === "mouse") return;
      capturePointer(canvas, event);
      this.current = { pointerId: event.pointerId, points: [this.toUnit(event)] };
      this.strokes.push(this.current.points);
      this.drawLastSegment();
      this.emit("draw");
      event.preventDefault();
    });
    canvas.addEventListener("pointermove", (event) => {
      if (!this.current || event.pointerId !== this.current.pointerId) return;
      const events = event.getCoalescedEvents ? event.getCoalescedEvents() : [event];
      for (const e of events.length ? events : [event]) {
        this.current.points.push(this.toUnit(e));
        this.drawLastSegment();
      }
      this.emit("draw");
    });
    const end = (/** @type {PointerEvent} */ event) => {
      if (!this.current || event.pointerId !== this.current.pointerId) return;
      this.current = null;
      this.emit("stroke");
    };
    canvas.addEventListener("pointerup", end);
    canvas.addEventListener("pointercancel", end);
  }

  toUnit(/** @type {PointerEvent} */ event) {
    const box = this.canvas.getBoundingClientRect();
    const across = box.width / box.height;          // 1 on a square pad
    return [((event.clientX - box.left) / box.width) * across, (event.clientY - box.top) / box.height];
  }

  emit(/** @type {string} */ type) {
    this.dispatchEvent(new Event(type));
  }

  clear() {
    this.strokes = [];
    this.current = null;
    this.redraw();
    this.emit("stroke");
  }

  undo() {
    if (this.isEmpty) return;
    this.strokes.pop();
    this.current = null;
    this.redraw();
    this.emit("stroke");
  }

  /** The drawing as Python reads it, its pen fitted to the digit's size: alpha, 280 x 280 values, ink high. */
  bitmap() {
    return { data: inkBitmap(this.strokes), height: MODEL_SIZE, width: MODEL_SIZE };
  }

  // ---------------------------------------------------------------- painting

  inkColor() {
    return getComputedStyle(this.canvas).getPropertyValue("--ink").trim() || "#111";
  }

  redraw() {
    const context = this.screenContext, side = this.canvas.height, color = this.inkColor();
    context.clearRect(0, 0, this.canvas.width, side);
    for (const points of this.strokes) paintStroke(context, side, color, points);
    this.canvas.parentElement?.classList.toggle("has-ink", !this.isEmpty);
  }

  drawLastSegment() {
    const points = this.strokes[this.strokes.length - 1];
    const tail = points.slice(-3);      // the newest curve piece needs its last three points
    paintStroke(this.screenContext, this.canvas.height, this.inkColor(), tail, PEN_WIDTH, points.length <= 3);
    this.canvas.parentElement?.classList.add("has-ink");
  }
}

/**
 * A smooth stroke through `points` (side: the pad's height in pixels): quadratic curves between the
 * midpoints of successive points.
 * @param {CanvasRenderingContext2D} context
 * @param {number} side
 * @param {string} color
 * @param {import("./ink.js").Stroke} points
 */
function paintStroke(context, side, color, points, penWidth = PEN_WIDTH, fromStart = true) {
  /** @type {(point: number[]) => [number, number]} */
  const at = ([x, y]) => [x * side, y * side];
  context.strokeStyle = color;
  context.fillStyle = color;
  context.lineWidth = penWidth * side;
  context.lineCap = "round";
  context.lineJoin = "round";
  if (points.length === 1) {
    const [x, y] = at(points[0]);
    context.beginPath();
    context.arc(x, y, context.lineWidth / 2, 0, 2 * Math.PI);
    context.fill();
    return;
  }
  const mid = (/** @type {number[]} */ a, /** @type {number[]} */ b) => [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
  context.beginPath();
  context.moveTo(...at(fromStart ? points[0] : mid(points[0], points[1])));
  for (let i = 1; i < points.length - 1; i++) {
    context.quadraticCurveTo(...at(points[i]), ...at(mid(points[i], points[i + 1])));
  }
  context.lineTo(...at(points[points.length - 1]));
  context.stroke();
}
