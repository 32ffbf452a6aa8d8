// Formulas set as mathematics: MathML, which the browsers the page supports draw natively and
// screen readers read as mathematics (a fraction as a fraction, a subscript as a subscript).
// It takes the text's colour, so it reads in light and in dark.
//
// Built like the rest of the DOM (lib/dom.js): every string becomes a text node. A formula is
// written with a few small helpers that read like the notation:
//
//     displayed(sub("p", "k"), "=", frac(sup("e", sub("z", "k")), [sum("j"), sup("e", sub("z", "j"))]))
//
// A bare string inside a helper becomes an identifier (<mi>) if it is a letter or name, a number
// (<mn>) if it is a number, and an operator (<mo>) otherwise. A function's name is followed by
// "\u2061" (function application, invisible), which gives it its space: "log", "\u2061", sub("p", "k").

const MATHML = "http://www.w3.org/1998/Math/MathML";

/** @typedef {Element | string} Part */

/**
 * A MathML element with attributes and children (strings become text).
 * @param {string} tag
 * @param {Record<string, string>} attributes
 * @param {...(Node | string)} children
 * @returns {Element}
 */
export function m(tag, attributes = {}, ...children) {
  const element = document.createElementNS(MATHML, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.append(...children);
  return element;
}

/**
 * A string as the token it is: a number, a name, or an operator; an element as it is.
 * @param {Part} part
 * @returns {Element}
 */
export function token(part) {
  if (typeof part !== "string") return part;
  if (/^[0-9]+(\.[0-9]+)?$/.test(part)) return m("mn", {}, part);
  if (/^[\p{L}\u2032]+$/u.test(part)) return m("mi", {}, part);
  return m("mo", {}, part);
}

/** Parts side by side. @param {...Part} parts */
export const row = (...parts) => m("mrow", {}, ...parts.map(token));
/** A subscript: base_index. @param {Part} base @param {Part | Part[]} index */
export const sub = (base, index) => m("msub", {}, token(base), Array.isArray(index) ? row(...index) : token(index));
/** A power or superscript: base^exponent. @param {Part} base @param {Part | Part[]} exponent */
export const sup = (base, exponent) => m("msup", {}, token(base), Array.isArray(exponent) ? row(...exponent) : token(exponent));
/** A fraction. @param {Part | Part[]} top @param {Part | Part[]} bottom */
export const frac = (top, bottom) => m("mfrac", {}, Array.isArray(top) ? row(...top) : token(top),
                                                     Array.isArray(bottom) ? row(...bottom) : token(bottom));
/** Σ with its index under it. @param {Part} index */
export const sum = (index) => m("munder", {}, m("mo", {}, "Σ"), token(index));
/** ∂a/∂b, the partial derivative. @param {Part | Part[]} of @param {Part | Part[]} by */
export const partial = (of, by) => frac(["∂", ...(Array.isArray(of) ? of : [of])], ["∂", ...(Array.isArray(by) ? by : [by])]);
/** Parts in parentheses. @param {...Part} parts */
export const parens = (...parts) => row("(", ...parts, ")");

/**
 * A formula, in a line of text or (display) on a line of its own.
 * @param {...Part} parts
 * @returns {Element}
 */
export function formula(...parts) {
  return m("math", {}, row(...parts));
}

/** The same, set apart on a line of its own. @param {...Part} parts */
export function displayed(...parts) {
  return m("math", { display: "block" }, row(...parts));
}

/**
 * A formula Python sent as a tree, [tag, child, ...], each child a tree or a text
 * (py/digits/explain/formulas.py), built element by element.
 * @param {MathTree} tree
 * @returns {Element}
 */
export function mathFromTree([tag, ...children]) {
  return m(tag, {}, ...children.map((child) => (typeof child === "string" ? child : mathFromTree(child))));
}

/** @typedef {[string, ...(MathTree | string)[]]} MathTree */
