// What the page may ask of Python: how good is it, and MNIST (see ../api.js, which gathers every part).

/** @typedef {import("../api.js").PythonHandle} PythonHandle */

/**
 * @typedef {{ model: string, done: number, total: number, fraction: number, finished: boolean, correct: number,
 *             accuracy: number | null, confusion?: number[][],
 *             per_digit?: { digit: number, count: number, correct: number, accuracy: number | null }[] }} EvaluationProgress
 *   confusion[t][p]: how many test digits t were read as p; with per_digit, once finished.
 */

/**
 * Start reading the subset's test digits with `model` (learnData first).
 * @param {PythonHandle} python
 * @param {string} model
 * @returns {Promise<EvaluationProgress>}
 */
export function evaluateStart(python, model) {
  return python.call("evaluate_start", model);
}

/**
 * Read test digits for about `seconds` (at most 2).
 * @param {PythonHandle} python
 * @param {number} seconds
 * @returns {Promise<EvaluationProgress>}
 */
export function evaluateRun(python, seconds) {
  return python.call("evaluate_run", seconds);
}

/**
 * The test digits labelled `truth` that the network read as `predicted`.
 * @param {PythonHandle} python
 * @param {number} truth
 * @param {number} predicted
 * @returns {Promise<{ true: number, predicted: number, indices: number[], confidence: number[], pixels: string }>}
 *   pixels: the subset's uint8 bytes, 784 per digit, base64
 */
export function evaluateCell(python, truth, predicted) {
  return python.call("evaluate_cell", truth, predicted);
}

/**
 * What MNIST is, and what the page's subset holds (learnData first).
 * @param {PythonHandle} python
 * @returns {Promise<Record<string, any>>}
 */
export function mnistFacts(python) {
  return python.call("mnist_facts");
}

/**
 * Ordinary and hard test digits of each class, as the loaded shipped networks read them.
 * @param {PythonHandle} python
 * @returns {Promise<{ per_digit: number, odd: number, pixels: string, digits: { index: number, label: number,
 *   kind: "ordinary" | "misread" | "disagreement" | "low confidence",
 *   readings: Record<string, { digit: number, confidence: number }> }[] }>}
 */
export function mnistGallery(python) {
  return python.call("mnist_gallery");
}
