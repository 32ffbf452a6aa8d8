// What the page may ask of Python: one function per page function of py/digits/api.py.
//
// Every function takes the Python handle first (a `Python` from python.js, or the patient
// handle of `python.after(...)`: anything with `call(fn, ...args)`) and resolves to Python's
// answer, or rejects with a PythonError whose message is one sentence for the visitor.
// Typed arrays travel as binaries, everything else as JSON. tests/test_page_contract.py
// checks that the names called here are exactly the names Python's registry offers.
//
// runtime, memory and load_model are called by worker.js itself, not through here. Each
// section's rules (the *Facts types below) are no calls: build.py writes Python's facts
// functions' answers into generated/facts.js, so they are there before Python is.

/** @typedef {{ call: (fn: string, ...args: any[]) => Promise<any> }} PythonHandle */

// ----------------------------------------------------------------------------- the recognizer

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

// ----------------------------------------------------------------------------- the perceptron

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

// ----------------------------------------------------------------------------- the machine

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

// ----------------------------------------------------------------------------- training

/**
 * @typedef {{ network: "dense", hidden: number, activation: string, learning_rate: number, batch_size: number,
 *             epochs: number }} DenseConfig
 * @typedef {{ network: "conv", filters1: number, filters2: number, dense: number, shift: number,
 *             learning_rate: number, batch_size: number, epochs: number }} ConvConfig
 *   filters1, filters2: the filters of the two convolutions; dense: hidden neurons before the ten outputs (0: none);
 *   shift: each training image is moved by up to this many pixels.
 * @typedef {DenseConfig | ConvConfig} TrainingConfig
 * @typedef {{ limits: Record<string, [number, number]>, activations: string[], networks: string[],
 *             defaults: DenseConfig, conv_defaults: ConvConfig, learning_rates: Record<string, number>,
 *             optimizers: Record<string, string>, kernel_size: number,
 *             train_images: number, test_images: number }} TrainingFacts
 *   limits: each setting's [lowest, highest]; learning_rates: the usual learning rate for each activation;
 *   optimizers: "SGD" or "Adam" for each network.
 * @typedef {{ name: string, parameters: number, test_accuracy: number | null, test_images: number,
 *             config: TrainingConfig }} TrainedSummary
 * @typedef {{ count: number, size: number, values: string }} Kernels
 *   the first convolution's count filters of size x size, filter after filter, row by row: float32 bytes in base64.
 * @typedef {{ epoch: number, epochs: number, batch: number, batches: number, done: boolean, seconds: number,
 *             neurons?: number[][], kernels?: Kernels }} RunState
 *   neurons (a dense network): the first hidden neurons' 784 incoming weights each;
 *   kernels (a convnet): its first layer's filters.
 * @typedef {{ kind: string, title: string, shape: string, parameters: number }} Block   e.g. "Conv2D", "conv 5x5, 8", "24x24x8"
 */

/**
 * The network a configuration builds and how many weights and biases it has: a dense network's
 * layer sizes, or a convnet's blocks (the input, each layer, softmax).
 * @param {PythonHandle} python
 * @param {TrainingConfig} config
 * @returns {Promise<{ sizes: number[], parameters: number } | { blocks: Block[], parameters: number }>}
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

// ----------------------------------------------------------------------------- teaching your handwriting

/**
 * @typedef {{ max_personal: number, max_file_bytes: number, mnist_digits: number }} TeachFacts
 *   max_personal: drawings a personal set keeps at most; max_file_bytes: the largest file imported;
 *   mnist_digits: how many MNIST test digits a tuning is measured on, before and after.
 */

/**
 * The personal set as an .npz file, base64.
 * @param {PythonHandle} python
 * @param {Uint8Array} images the 28x28 images one after another, 0 background, 255 ink
 * @param {number[]} labels
 * @returns {Promise<string>}
 */
export function personalExport(python, images, labels) {
  return python.call("personal_export", images, labels);
}

/**
 * Read an imported personal set.
 * @param {PythonHandle} python
 * @param {Uint8Array} npz
 * @returns {Promise<{ images: string, labels: number[] }>} images: base64 of N·784 bytes
 */
export function personalImport(python, npz) {
  return python.call("personal_import", npz);
}

/**
 * Start fine-tuning `model` on the personal set (replacing any tuning in progress). Python picks
 * the steps and the batch size for the network, and names the tuned network.
 * @param {PythonHandle} python
 * @param {string} model
 * @param {Uint8Array} images
 * @param {number[]} labels
 * @returns {Promise<{ name: string, before: number, steps: number }>} name: the tuned network's, e.g. "cnn-tuned"
 */
export function finetuneStart(python, model, images, labels) {
  return python.call("finetune_start", model, images, labels);
}

/**
 * One slice of fine-tuning steps, about `seconds` long.
 * @param {PythonHandle} python
 * @param {number} seconds
 * @returns {Promise<{ losses: number[], step: number, steps: number, done: boolean }>}
 */
export function finetuneRun(python, seconds) {
  return python.call("finetune_run", seconds);
}

/**
 * Hand the tuned network to the recognizer; how well it reads, before and after (the personal
 * set, and 1,000 MNIST test digits).
 * @param {PythonHandle} python
 * @returns {Promise<{ name: string, base: string, before: number, after: number,
 *                     mnist_before: number, mnist_after: number }>}
 */
export function finetuneFinish(python) {
  return python.call("finetune_finish");
}

// ----------------------------------------------------------------------------- inside the network

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

// ----------------------------------------------------------------------------- how good is it, and MNIST

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
