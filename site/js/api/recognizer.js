// What the page may ask of Python: the recognizer (see ../api.js, which gathers every part).

/** @typedef {import("../api.js").PythonHandle} PythonHandle */

/**
 * @typedef {{ empty: true } | { empty: false, image: number[], probabilities: number[], digit: number }} Reading
 *   image: the 28x28 picture the network saw, 784 values in [0, 1], row by row.
 */

/**
 * Preprocess a drawing the MNIST way and read it.
 * @param {PythonHandle} python
 * @param {string} model a loaded model's name
 * @param {Uint8Array | Uint8ClampedArray} bitmap the drawing's alpha bytes, row by row
 * @param {number} height
 * @param {number} width
 * @returns {Promise<Reading>}
 */
export function predict(python, model, bitmap, height, width) {
  return python.call("predict", model, bitmap, height, width);
}

/**
 * Every loaded model's probabilities for one preprocessed image.
 * @param {PythonHandle} python
 * @param {number[]} image 784 values in [0, 1]
 * @returns {Promise<Record<string, number[]>>} model name → ten probabilities
 */
export function compare(python, image) {
  return python.call("compare", image);
}

/**
 * @typedef {{ kind: "feature_maps", size: number, maps: number[][] }
 *         | { kind: "neurons", hidden: number, neurons: { index: number, activation: number, weights: number[] }[] }} Explanation
 *   feature_maps: the first convolution's maps after ReLU, size x size each, scaled to [0, 1];
 *   neurons: the first layer's most active hidden neurons, with their 784 incoming weights.
 */

/**
 * A look inside `model` for one preprocessed image.
 * @param {PythonHandle} python
 * @param {string} model
 * @param {number[]} image 784 values in [0, 1]
 * @returns {Promise<Explanation>}
 */
export function explain(python, model, image) {
  return python.call("explain", model, image);
}

/**
 * Read a 28x28 image already in MNIST's form (an MNIST digit), without preprocessing it again.
 * @param {PythonHandle} python
 * @param {string} model
 * @param {number[]} image 784 values in [0, 1]
 * @returns {Promise<Reading>}
 */
export function readImage(python, model, image) {
  return python.call("read_image", model, image);
}
