// What the page may ask of Python: the perceptron (see ../api.js, which gathers every part).

/** @typedef {import("../api.js").PythonHandle} PythonHandle */

/**
 * @typedef {{ inputs: number[], description: string }} Situation   inputs: three of +1/-1; description: "sunny, weekday, alone"
 * @typedef {{ situations: Situation[], words: [string, string][], learning_rate: number }} PerceptronFacts
 *   situations: all 8, in the order of every truth table and wish; words: for each input, what +1 and -1 mean;
 *   learning_rate: the η perceptronTrain uses.
 */

/**
 * One situation: the weighted sum z = w·x + b and the output (1 if z > 0).
 * @param {PythonHandle} python
 * @param {number[]} inputs three of +1/-1
 * @param {number[]} weights three finite numbers
 * @param {number} bias
 * @returns {Promise<{ weighted_sum: number, output: 0 | 1 }>}
 */
export function perceptronEvaluate(python, inputs, weights, bias) {
  return python.call("perceptron_evaluate", inputs, weights, bias);
}

/**
 * All 8 situations, in the order of PerceptronFacts.situations.
 * @param {PythonHandle} python
 * @param {number[]} weights
 * @param {number} bias
 * @returns {Promise<{ inputs: number[], weighted_sum: number, output: 0 | 1 }[]>}
 */
export function perceptronTruthTable(python, weights, bias) {
  return python.call("perceptron_truth_table", weights, bias);
}

/**
 * @typedef {{ epoch: number, situation: number, inputs: number[], target: 0 | 1, weighted_sum: number,
 *             output: 0 | 1, error: number, before: { weights: number[], bias: number },
 *             after: { weights: number[], bias: number } }} PerceptronUpdate
 * @typedef {{ learnable: boolean, updates: PerceptronUpdate[], passes: number,
 *             witness: { go: number[], stay: number[] } | null, explanation: string | null }} PerceptronLesson
 */

/**
 * Teach the perceptron a wish with the learning rule, from the given weights.
 * @param {PythonHandle} python
 * @param {number[]} targets 8 answers, 1 = go, in the order of the situations
 * @param {number[]} weights
 * @param {number} bias
 * @returns {Promise<PerceptronLesson>}
 */
export function perceptronTrain(python, targets, weights, bias) {
  return python.call("perceptron_train", targets, weights, bias);
}
