// What the page may ask of Python: the code behind a part of the page (see ../api.js, which gathers every part).

/** @typedef {import("../api.js").PythonHandle} PythonHandle */

/**
 * @typedef {"keyword" | "builtin" | "definition" | "string" | "docstring" | "comment" | "number" | "decorator"} TokenKind
 * @typedef {{ part: string, function: string, source: string, file: string, line: number,
 *             tokens: [TokenKind, number, number][] }} CodeSource
 *   function: the qualified name, "digits.layers.ReLU.forward"; file and line: where it starts in the package;
 *   tokens: the coloured stretches of `source` as Python's tokenizer reads them, [kind, start, end).
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
