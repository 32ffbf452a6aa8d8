// An MNIST digit as Python sends it, the subset's own bytes (0 background, 255 ink, 784 of
// them: lib/arrays.js reads them), made the image the recognizer reads.

/** A digit's bytes as the recognizer reads an image: 784 values in [0, 1]. */
export function asImage(/** @type {ArrayLike<number>} */ bytes) {
  return Float32Array.from(bytes, (byte) => byte / 255);
}
