// What the page may ask of Python: why it says what it says (see ../api.js, which gathers every part).

/** @typedef {import("../api.js").PythonHandle} PythonHandle */

/**
 * @typedef {"gradient-x-input" | "occlusion"} AttributionMethod
 * @typedef {{ digit: number, method: AttributionMethod, values: number[], probability: number, answer: number }} Attribution
 *   values: 784, row by row, positive where the pixel pushes `digit` up; probability: p_digit; answer: the digit read.
 * @typedef {{ target: number, digit: number, converged: boolean, steps: number, budget: number, changed: number,
 *             threshold: number, values: number[], probabilities: number[] }} Nudge
 *   digit: what the network reads after the change; changed: pixels moved by more than `threshold`;
 *   values: the changed image, 784 values in [0, 1].
 * @typedef {{ model: string, done: number, total: number, finished: boolean }} MapProgress
 * @typedef {MapProgress & { x?: number[], y?: number[], labels?: number[], spread?: number }} MapSlice
 *   x, y, labels and spread (the share of the features' variance the two axes keep) once finished.
 * @typedef {{ model: string, x: number, y: number, nearest: number, nearest_label: number }} MapPlace
 * @typedef {{ index: number, label: number, pixels: string }} MapDigit  pixels: its 784 bytes in base64
 */

/**
 * Each pixel's part in the network's answer `digit` for one preprocessed image.
 * @param {PythonHandle} python
 * @param {string} model
 * @param {number[]} image 784 values in [0, 1]
 * @param {number} digit 0 to 9
 * @param {AttributionMethod} method
 * @returns {Promise<Attribution>}
 */
export function whyAttribution(python, model, image, digit, method) {
  return python.call("why_attribution", model, image, digit, method);
}

/**
 * The image changed in small gradient steps until the network reads `target`.
 * @param {PythonHandle} python
 * @param {string} model
 * @param {number[]} image 784 values in [0, 1]
 * @param {number} target 0 to 9
 * @returns {Promise<Nudge>}
 */
export function whyNudge(python, model, image, target) {
  return python.call("why_nudge", model, image, target);
}

/**
 * Begin placing the MNIST subset's test digits on the map of `model`'s last hidden layer.
 * @param {PythonHandle} python
 * @param {string} model
 * @returns {Promise<MapProgress>}
 */
export function whyMapStart(python, model) {
  return python.call("why_map_start", model);
}

/**
 * Place test digits for about `seconds`; every point once the last is placed.
 * @param {PythonHandle} python
 * @param {number} seconds
 * @returns {Promise<MapSlice>}
 */
export function whyMapRun(python, seconds) {
  return python.call("why_map_run", seconds);
}

/**
 * One preprocessed image on the map, and the test digit nearest to it there.
 * @param {PythonHandle} python
 * @param {number[]} image 784 values in [0, 1]
 * @returns {Promise<MapPlace>}
 */
export function whyMapPlace(python, image) {
  return python.call("why_map_place", image);
}

/**
 * One test digit of the map, with its pixels.
 * @param {PythonHandle} python
 * @param {number} index
 * @returns {Promise<MapDigit>}
 */
export function whyMapDigit(python, index) {
  return python.call("why_map_digit", index);
}
