// What the page may ask of Python: training (see ../api.js, which gathers every part).

/** @typedef {import("../api.js").PythonHandle} PythonHandle */

/**
 * @typedef {{ network: "dense", hidden: number, activation: string, learning_rate: number, batch_size: number,
 *             epochs: number }} DenseConfig
 * @typedef {{ network: "conv", filters1: number, filters2: number, dense: number, shift: number,
 *             learning_rate: number, batch_size: number, epochs: number }} ConvConfig
 *   filters1, filters2: the filters of the two convolutions; dense: hidden neurons before the ten outputs (0: none);
 *   shift: each training image is moved by up to this many pixels.
 * @typedef {DenseConfig | ConvConfig} TrainingConfig
 * @typedef {{ seconds: number, conv: { parameters: number, images: number, accuracy: number },
 *             dense: { hidden: number, parameters: number, epochs: number, seconds: number, images: number,
 *                      accuracy: number } }} Comparison
 *   the default convnet after `seconds` of training in the page against a dense network of about its size,
 *   as measured by bench/train_conv.py: images seen, and the share of the test digits each read.
 * @typedef {{ limits: Record<string, [number, number]>, activations: string[], networks: string[],
 *             defaults: DenseConfig, conv_defaults: ConvConfig, learning_rates: Record<string, number>,
 *             optimizers: Record<string, string>, kernel_size: number, comparison: Comparison,
 *             train_images: number, test_images: number }} TrainingFacts
 *   limits: each setting's [lowest, highest]; learning_rates: the usual learning rate for each activation;
 *   optimizers: "SGD" or "Adam" for each network.
 * @typedef {{ name: string, label: string, parameters: number, test_accuracy: number | null, test_images: number,
 *             config: TrainingConfig }} TrainedSummary
 *   label: what the network is, in words, from its settings: "784-30-10 sigmoid", "convnet 8-16".
 * @typedef {{ count: number, size: number, values: string }} Kernels
 *   the first convolution's count filters of size x size, filter after filter, row by row: float32 bytes in base64.
 * @typedef {{ epoch: number, epochs: number, batch: number, batches: number, done: boolean, seconds: number,
 *             neurons?: number[][], kernels?: Kernels }} RunState
 *   neurons (a dense network): the first hidden neurons' 784 incoming weights each;
 *   kernels (a convnet): its first layer's filters.
 * @typedef {{ kind: string, title: string, shape: string, parameters: number }} ShapeBlock   e.g. "Conv2D", "conv 5x5, 8", "24x24x8"
 */

/**
 * The network a configuration builds and how many weights and biases it has: a dense network's
 * layer sizes, or a convnet's blocks (the input, each layer, softmax).
 * @param {PythonHandle} python
 * @param {TrainingConfig} config
 * @returns {Promise<{ sizes: number[], parameters: number } | { blocks: ShapeBlock[], parameters: number }>}
 */
export function learnShape(python, config) {
  return python.call("learn_shape", config);
}

/**
 * Hand Python the small MNIST the page trains on (data/mnist-small.npz).
 * @param {PythonHandle} python
 * @param {Uint8Array} npz
 * @returns {Promise<{ train: number, test: number }>} how many digits of each
 */
export function learnData(python, npz) {
  return python.call("learn_data", npz);
}

/**
 * Start a fresh run (replacing any earlier one).
 * @param {PythonHandle} python
 * @param {TrainingConfig} config
 * @returns {Promise<RunState>}
 */
export function learnStart(python, config) {
  return python.call("learn_start", config);
}

/**
 * One slice of training: about `seconds`, or exactly `batches` minibatches.
 * test_accuracy is there only when an epoch ended in this slice.
 * @param {PythonHandle} python
 * @param {number} seconds
 * @param {number | null} batches
 * @returns {Promise<RunState & { losses: number[], images_per_second: number, test_accuracy?: number }>}
 */
export function learnRun(python, seconds, batches) {
  return python.call("learn_run", seconds, batches);
}

/**
 * Offer the trained network to the recognizer as model "yours".
 * @param {PythonHandle} python
 * @returns {Promise<TrainedSummary>}
 */
export function learnUse(python) {
  return python.call("learn_use");
}

/**
 * What the convnet being trained makes of one image: the maps after each convolution (and its ReLU).
 * @param {PythonHandle} python
 * @param {number[]} image 784 values in [0, 1] (the recognizer's 28x28 digit)
 * @returns {Promise<{ maps: { layer: number, dims: [number, number, number], low: number, high: number,
 *                             values: string }[] }>}
 *   dims: [height, width, count]; values: the count maps one after another, row by row, float32 bytes in base64.
 */
export function learnFeatureMaps(python, image) {
  return python.call("learn_feature_maps", image);
}

/**
 * A loaded model as a .zip (the weights/NAME/ layout), base64; `info` goes into its manifest.
 * @param {PythonHandle} python
 * @param {string} model
 * @param {object} info
 * @returns {Promise<string>}
 */
export function modelFile(python, model, info) {
  return python.call("model_file", model, info);
}

/**
 * Load a network from a file made by modelFile, as model `name`.
 * @param {PythonHandle} python
 * @param {string} name
 * @param {Uint8Array} zip
 * @returns {Promise<{ name: string, parameters: number, test_accuracy: number | null, test_correct: number | null,
 *                     base: string | null }>}
 */
export function adoptModelFile(python, name, zip) {
  return python.call("adopt_model_file", name, zip);
}

/**
 * Drop a trained or tuned model from Python (a shipped one cannot be dropped).
 * @param {PythonHandle} python
 * @param {string} model
 * @returns {Promise<true>}
 */
export function forgetModel(python, model) {
  return python.call("forget_model", model);
}
