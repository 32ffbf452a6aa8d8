// The Python behind a part of the page, as a fold-out beside that part: the function's own
// source, read from the running package (py/digits/explain/source.py), coloured as Python's own
// tokenizer reads it, with the formulas its docstring writes set above it as mathematics.
// Nothing is parsed as HTML: each token becomes a text node in a span.

import { h } from "../lib/dom.js";
import { mathFromTree } from "../lib/math.js";

export class CodeView {
  /**
   * testid: the data-testid of the source's element (the contract names Inside's "code-view");
   * load: where the fold-out shows one part's code for good, the function that asks Python
   * for it (api.codeSource), called the first time it opens.
   * @param {{ testid?: string | null, summary?: string,
   *           load?: (() => Promise<import("../generated/client/code.js").CodeSource>) | null }} options
   */
  constructor({ testid = null, summary = "The Python that computes this", load = null } = {}) {
    this.code = h("code", { class: "python", "data-testid": testid, "data-function": "" });
    this.where = h("p", { class: "code-where" });
    this.formulas = h("div", { class: "code-formulas" });
    this.element = h("details", { class: "code-view" },
      h("summary", {}, summary),
      this.where,
      this.formulas,
      h("pre", { class: "code-block", tabindex: "0" }, this.code));
    if (load) {
      this.element.addEventListener("toggle", () => {
        if (!this.element.open || this.code.dataset.function) return;
        this.where.textContent = "Asking Python for the code…";
        load().then((source) => this.show(source), (error) => this.say(error.message));
      });
    }
  }

  /** Show `source` (api.codeSource's answer): its text, coloured, and where it lives. */
  show(/** @type {import("../generated/client/code.js").CodeSource} */ source) {
    this.code.dataset.function = source.function;
    this.code.replaceChildren(...coloured(source.source, source.tokens));
    this.formulas.replaceChildren(...source.formulas.map((tree) => h("p", { class: "formula-line" }, mathFromTree(tree))));
    this.where.textContent = `${source.function}, in ${source.file} from line ${source.line}: `
      + "read from the package Python is running, so it is the code that computed what you see.";
  }

  say(/** @type {string} */ text) {
    this.code.dataset.function = "";
    this.code.replaceChildren();
    this.formulas.replaceChildren();
    this.where.textContent = text;
  }
}

/**
 * The source as text nodes, each token Python coloured in a span of its kind.
 * @param {string} source
 * @param {import("../generated/client/code.js").CodeSource["tokens"]} tokens
 */
function coloured(source, tokens) {
  /** @type {(string | HTMLSpanElement)[]} */
  const pieces = [];
  let at = 0;
  for (const [kind, start, end] of tokens) {
    if (start > at) pieces.push(source.slice(at, start));
    pieces.push(h("span", { class: `py-${kind}` }, source.slice(start, end)));
    at = end;
  }
  pieces.push(source.slice(at));
  return pieces;
}
