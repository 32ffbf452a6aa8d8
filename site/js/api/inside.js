// What the page may ask of Python: inside the network (see ../api.js, which gathers every part).

/** @typedef {import("../api.js").PythonHandle} PythonHandle */

/**
 * @typedef {{ block: number, layer: number | null, kind: string, title: string, shape: string, dims: number[],
 *             parameters: number, role: string }} Block
 *   kind: "Input", a layer's type (Conv2D, ReLU, MaxPool2D, Dropout, Flatten, Dense, Sigmoid) or "Softmax".
 * @typedef {{ name: string, parameters: number, blocks: Block[] }} Architecture
 * @typedef {{ layer: number | null, kind: string, shape: string, dims: number[], low: number, high: number,
 *             values?: string, same_as?: number | "input" }} LayerOutput
 *   values: float32 bytes in base64, map after map (channel, row, column) for pictures;
 *   same_as: a layer that repeats another's values when reading (dropout) carries none.
 * @typedef {{ logits: number[], max: number, shifted: number[], exp: (number | null)[], exp_shifted: number[],
 *             sum: number, probabilities: number[], digit: number }} SoftmaxSteps
 * @typedef {{ probes: Record<string, { unit: string, strengths: number[], range: [number, number] }> }} InsideFacts
 */

/**
 * The network's blocks in order, from the input to the softmax.
 * @param {PythonHandle} python
 * @param {string} model
 * @returns {Promise<Architecture>}
 */
export function insideArchitecture(python, model) {
  return python.call("inside_architecture", model);
}

/**
 * Every layer's output for one preprocessed image, and the softmax step by step.
 * @param {PythonHandle} python
 * @param {string} model
 * @param {number[]} image 784 values in [0, 1]
 * @returns {Promise<{ input: LayerOutput, layers: LayerOutput[], softmax: SoftmaxSteps }>}
 */
export function insideAnswer(python, model, image) {
  return python.call("inside_answer", model, image);
}

/**
 * The kernels (5x5, one per input channel) and the bias behind one feature map.
 * @param {PythonHandle} python
 * @param {string} model
 * @param {number} layer a Conv2D's index, or of the ReLU, pooling or dropout after it
 * @param {number} channel
 * @returns {Promise<{ layer: number, channel: number, size: number, kernels: number[][], bias: number, low: number, high: number }>}
 */
export function insideFeatureMap(python, model, layer, channel) {
  return python.call("inside_feature_map", model, layer, channel);
}

/**
 * One dense neuron for one image: its incoming weights, Σ wᵢxᵢ + b term by term, its activation.
 * @param {PythonHandle} python
 * @param {string} model
 * @param {number[]} image 784 values in [0, 1]
 * @param {number} layer a Dense's index, or of the activation after it
 * @param {number} neuron
 * @returns {Promise<{ layer: number, neuron: number, weights: number[], weights_dims: number[], inputs: number,
 *   terms: { input: number, weight: number, x: number, term: number }[], rest: number, bias: number,
 *   weighted_sum: number, activation: { kind: string, value: number } }>}
 */
export function insideNeuron(python, model, image, layer, neuron) {
  return python.call("inside_neuron", model, image, layer, neuron);
}

/**
 * The cross-entropy loss if the image were `digit`, and which way backpropagation pushes each output.
 * @param {PythonHandle} python
 * @param {string} model
 * @param {number[]} image 784 values in [0, 1]
 * @param {number} digit
 * @returns {Promise<{ digit: number, probability: number, loss: number, gradient: number[], push: ("up" | "down" | "none")[] }>}
 */
export function insideLoss(python, model, image, digit) {
  return python.call("inside_loss", model, image, digit);
}

/**
 * The image changed by one probe at each of its strengths, all read in one batch.
 * @param {PythonHandle} python
 * @param {string} model
 * @param {number[]} image 784 values in [0, 1]
 * @param {string} name a probe of InsideFacts.probes
 * @returns {Promise<{ probe: string, unit: string, strengths: number[], images: string[], probabilities: number[][],
 *   digits: number[], confidence: number[] }>} images: float32 base64, 784 values each
 */
export function insideProbe(python, model, image, name) {
  return python.call("inside_probe", model, image, name);
}
