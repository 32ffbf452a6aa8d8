// What the page may ask of Python: the code behind a part of the page (see ../api.js, which gathers every part).

/** @typedef {import("../api.js").PythonHandle} PythonHandle */

/**
 * @typedef {{ part: string, title: string, lesson: string, text: string }} CodeExperiment
 * @typedef {{ editable: string[], experiments: CodeExperiment[], run_limit_seconds: number }} CodeFacts
 *   editable: the parts whose code a visitor may change and run; experiments: ready-made changes, each with what it teaches.
 * @typedef {{ part: string, function: string, digit: number | null, probabilities: (number | null)[], finite: boolean,
 *             input: number[], inside?: { input: import("./inside.js").LayerOutput, layers: import("./inside.js").LayerOutput[],
 *             softmax: import("./inside.js").SoftmaxSteps } }} CodeRun
 *   probabilities: null where the changed code made something that is not a number; input: the 784 values read;
 *   inside: every layer and softmax's steps with the changed code, as insideAnswer gives them, when all are numbers.
 * @typedef {"keyword" | "builtin" | "definition" | "string" | "docstring" | "comment" | "number" | "decorator"} TokenKind
 * @typedef {{ part: string, function: string, source: string, file: string, line: number,
 *             tokens: [TokenKind, number, number][], formulas: import("../lib/math.js").MathTree[] }} CodeSource
 *   function: the qualified name, "digits.nets.layers.ReLU.forward"; file and line: where it starts in the package;
 *   tokens: the coloured stretches of `source` as Python's tokenizer reads them, [kind, start, end);
 *   formulas: the formulas its docstring writes, as MathML trees (explain/formulas.py).
 */

/**
 * The Python that computes `part` of the page, read from the running package.
 * @param {PythonHandle} python
 * @param {string} part an Inside block's kind ("Input", "Conv2D", ..., "Softmax"), or "loss", "perceptron", "machine"
 * @returns {Promise<CodeSource>}
 */
export function codeSource(python, part) {
  return python.call("code_source", part);
}

/**
 * Read `image` with `model`, the function behind `part` replaced by the visitor's `text`. Pass a
 * handle with a time limit (python.within(...)): a changed function may never end.
 * @param {PythonHandle} python
 * @param {string} model
 * @param {string} part one of CodeFacts.editable
 * @param {string} text the function's new source
 * @param {number[]} image 784 values in [0, 1]
 * @returns {Promise<CodeRun>}
 */
export function codeRun(python, model, part, text, image) {
  return python.call("code_run", model, part, text, image);
}

/**
 * Make the pad's pixels into 28x28 with the visitor's version of the preprocessing (`text`, to_mnist),
 * and read the result with `model`. Pass a handle with a time limit, as for codeRun.
 * @param {PythonHandle} python
 * @param {string} model
 * @param {string} text to_mnist's new source
 * @param {Uint8Array | Uint8ClampedArray} bitmap the drawing's alpha bytes, row by row
 * @param {number} height
 * @param {number} width
 * @returns {Promise<CodeRun>} input: the 784 values the visitor's version made
 */
export function codeRunDrawing(python, model, text, bitmap, height, width) {
  return python.call("code_run_drawing", model, text, bitmap, height, width);
}
