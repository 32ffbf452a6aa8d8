// What the page may ask of Python: the recognizer (see ../api.js, which gathers every part).

/** @typedef {import("../api.js").PythonHandle} PythonHandle */

/**
 * @typedef {{ empty: false, image: number[], probabilities: number[], digit: number }} Answer
 *   image: the 28x28 picture the network saw, 784 values in [0, 1], row by row.
 * @typedef {{ empty: true } | Answer} Reading
 * @typedef {{ name: string, label: string, parameters: number, test_accuracy: number, test_correct: number,
 *             test_images: number, label_smoothing: number, handwriting: number,
 *             learned_scripts: string[], learned_variants: number, held_out_scripts: string[],
 *             held_out_read: number | null, reads_poorly: PoorlyReadStyle[] }} ShippedModel
 *   a network that ships with the page, from its weights/NAME/manifest.json; label: what it is, in words;
 *   label_smoothing, handwriting: its training recipe's (0 when it used none); learned_scripts and
 *   learned_variants: the school scripts and personal variants its pad drawings were written in;
 *   held_out_read: the share it reads right of the styles held out of its training (null if unmeasured),
 *   reads_poorly: those it reads right less than 90% of the time, worst first.
 * @typedef {{ style: string, digit: number, read_right: number, mistaken_for: number | null }} PoorlyReadStyle
 * @typedef {{ default_model: string, models: ShippedModel[] }} RecognizerFacts
 *   default_model: the network that reads the drawing until the visitor picks another.
 * @typedef {{ canvas: number, pen_width: number, full_pen_extent: number, min_extent: number }} PadFacts
 *   canvas: the side of the bitmap Python reads; pen_width: the pen, as a share of the pad's side, for a digit
 *   whose extent (also a share of the side) is full_pen_extent or more; a smaller digit gets a pen finer in
 *   proportion, as if its extent were at least min_extent.
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
