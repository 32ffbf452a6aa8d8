// What the page may ask of Python: teaching your handwriting (see ../api.js, which gathers every part).

/** @typedef {import("../api.js").PythonHandle} PythonHandle */

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
