// MNIST digits as Python sends them: the subset's own bytes (0 background, 255 ink, 784 per
// digit, one after another), and the same digit as the recognizer reads an image.

import { bytesFromBase64 } from "./files.js";

const PIXELS = 28 * 28;

/** The digits in one base64 block: an array of 784-byte views. */
export function splitDigits(/** @type {string} */ base64) {
  const bytes = bytesFromBase64(base64);
  return Array.from({ length: bytes.length / PIXELS }, (_, i) => bytes.subarray(i * PIXELS, (i + 1) * PIXELS));
}

/** A digit's bytes as the recognizer reads an image: 784 values in [0, 1]. */
export function asImage(/** @type {ArrayLike<number>} */ bytes) {
  return Array.from(bytes, (byte) => byte / 255);
}
