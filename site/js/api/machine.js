// What the page may ask of Python: the machine (see ../api.js, which gathers every part).

/** @typedef {import("../api.js").PythonHandle} PythonHandle */

/**
 * @typedef {{ hidden_weights: number[][], hidden_biases: number[], output_weights: number[][], output_biases: number[] }} Knobs
 * @typedef {{ cells: number[], target: number }} Example   cells: 25 of 0/1, row by row; target: the right digit
 * @typedef {{ cells: number, side: number, hidden: number, digits: number, knob_limit: number, knob_count: number,
 *             knob_groups: string[], knob_shapes: Record<string, number[]>, examples: Record<string, Example>,
 *             start: Example }} MachineFacts
 *   knob_shapes: [rows, columns] or [rows] for each group; examples: keyed by their digit ("0".."9");
 *   start: the drawing the machine shows first.
 */

/**
 * Everything the machine computes for one drawing, layer by layer, and its loss.
 * @param {PythonHandle} python
 * @param {number[]} cells
 * @param {Knobs} knobs
 * @param {number} target
 * @returns {Promise<{ hidden_weighted_sum: number[], hidden_activation: number[], output_weighted_sum: number[],
 *                     output_activation: number[], loss: number }>}
 */
export function machineForward(python, cells, knobs, target) {
  return python.call("machine_forward", cells, knobs, target);
}

/**
 * The mean loss over the examples and its gradient, one number per knob.
 * @param {PythonHandle} python
 * @param {Knobs} knobs
 * @param {Example[]} examples
 * @returns {Promise<{ loss: number, gradient: Knobs }>}
 */
export function machineGradient(python, knobs, examples) {
  return python.call("machine_gradient", knobs, examples);
}

/**
 * One gradient step on the examples' mean loss.
 * @param {PythonHandle} python
 * @param {Knobs} knobs
 * @param {Example[]} examples
 * @param {number} learningRate above 0, at most 100
 * @returns {Promise<{ knobs: Knobs, loss_before: number, loss_after: number }>}
 */
export function machineStep(python, knobs, examples, learningRate) {
  return python.call("machine_step", knobs, examples, learningRate);
}

/**
 * Each example's loss and the digit the machine reads (in the order sent), and the set's totals.
 * @param {PythonHandle} python
 * @param {Knobs} knobs
 * @param {Example[]} examples
 * @returns {Promise<{ losses: number[], guesses: number[], total: number, mean: number, correct: number }>}
 */
export function machineSetLosses(python, knobs, examples) {
  return python.call("machine_set_losses", knobs, examples);
}

/**
 * Gradient descent, as frames to animate: the first is the starting knobs, the last the last step.
 * @param {PythonHandle} python
 * @param {Knobs} knobs
 * @param {Example[]} examples
 * @param {number} learningRate
 * @param {number} steps 1 to 5000
 * @param {number} frames 2 to 200
 * @returns {Promise<{ frames: { step: number, knobs: Knobs, loss: number }[] }>}
 */
export function machineAuto(python, knobs, examples, learningRate, steps, frames) {
  return python.call("machine_auto", knobs, examples, learningRate, steps, frames);
}
