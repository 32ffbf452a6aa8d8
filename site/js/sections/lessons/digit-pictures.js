// MNIST digits as Python sends them: the subset's own bytes (0 background, 255 ink, 784 per
// digit, one after another), drawn pixel for pixel and handed to the recognizer as floats.

import { h } from "../../lib/dom.js";
import { bytesFromBase64 } from "../../lib/files.js";
import { drawGray } from "../../widgets/pictures.js";

export const PIXELS = 28 * 28;

/** The digits in one base64 block: an array of 784-byte views. */
export function splitDigits(base64) {
  const bytes = bytesFromBase64(base64);
  return Array.from({ length: bytes.length / PIXELS }, (_, i) => bytes.subarray(i * PIXELS, (i + 1) * PIXELS));
}

/** A digit's bytes as the recognizer reads an image: 784 values in [0, 1]. */
export function asImage(bytes) {
  return Array.from(bytes, (byte) => byte / 255);
}

/** A 28x28 canvas showing the bytes exactly (each grey level is the byte itself). */
export function digitCanvas(bytes) {
  const canvas = h("canvas", { class: "digit-picture", width: 28, height: 28, "aria-hidden": "true" });
  drawGray(canvas, asImage(bytes), 28);
  return canvas;
}
