// Arrays and files from Python, read the one way: the page's only base64 decoder.
//
// Python sends an array of more than a couple of hundred numbers as a PageArray (its dtype,
// its shape, its bytes in base64, little-endian and row by row; py/digits/page/arrays.py says
// the rule), and a file (a personal set, a saved network) as the base64 of its bytes.

/** @typedef {import("../api.js").PageArray} PageArray */
/** @typedef {Uint8Array | Int32Array | Float32Array | Float64Array} Numbers  a PageArray's numbers */

/** @type {Record<PageArray["dtype"], new (buffer: ArrayBuffer) => Numbers>} */
const TYPED = { uint8: Uint8Array, int32: Int32Array, float32: Float32Array, float64: Float64Array };

/** A file's bytes, from the base64 Python sends them in. */
export function fileBytes(/** @type {string} */ base64) {
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}

/** A PageArray's numbers, row by row, in the typed array of its dtype (Python writes them
 *  little-endian, as every browser stores them, so the bytes are read as they are). */
export function fromPython(/** @type {PageArray} */ array) {
  return new TYPED[array.dtype](fileBytes(array.base64).buffer);
}

/** A PageArray cut along its first axis: one flat view of its numbers per image, map, neuron or row. */
export function rowsOf(/** @type {PageArray} */ array) {
  const values = fromPython(array);
  const size = array.shape.slice(1).reduce((product, length) => product * length, 1);
  return Array.from({ length: array.shape[0] }, (_, row) => values.subarray(row * size, (row + 1) * size));
}
