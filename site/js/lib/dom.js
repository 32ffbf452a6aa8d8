// The one way the page builds its DOM: h("button", {class: "button", onclick}, "Train").
//
// Children that are strings become text nodes and attributes are set one by one, so nothing
// is ever parsed as HTML: a model's name, a file's name or a value from the URL shows as the
// text it is and can never become markup. Views call h() with the data they show; no view
// builds HTML from strings.

const SVG_NAMESPACE = "http://www.w3.org/2000/svg";

/**
 * What h() and s() take as attributes: `style` is set property by property, the others become
 * attributes or, for `on<event>` functions, listeners.
 * @typedef {{ style?: Record<string, string> | null, [name: string]: unknown }} Attributes
 */

/** A child: a node, or a string that becomes a text node; null, undefined and false give none.
 *  @typedef {Node | string | null | undefined | false} Child */

/**
 * An HTML element. Attributes: `class`; `style` as {property: value} (set through the DOM:
 * the page's CSP forbids inline style attributes); `on<event>` functions become listeners;
 * true gives an empty attribute, false, null and undefined give none.
 * @template {keyof HTMLElementTagNameMap} Tag
 * @param {Tag} tag
 * @param {Attributes} [attributes]
 * @param {...(Child | Child[])} children
 * @returns {HTMLElementTagNameMap[Tag]}
 */
export function h(tag, attributes = {}, ...children) {
  return fill(document.createElement(tag), attributes, children);
}

/**
 * An SVG element, with the same attributes and children as h().
 * @template {keyof SVGElementTagNameMap} Tag
 * @param {Tag} tag
 * @param {Attributes} [attributes]
 * @param {...(Child | Child[])} children
 * @returns {SVGElementTagNameMap[Tag]}
 */
export function s(tag, attributes = {}, ...children) {
  return fill(document.createElementNS(SVG_NAMESPACE, tag), attributes, children);
}

/**
 * @template {HTMLElement | SVGElement} E
 * @param {E} element
 * @param {Attributes} attributes
 * @param {(Child | Child[])[]} children
 * @returns {E}
 */
function fill(element, { style, ...attributes }, children) {
  for (const [property, setting] of Object.entries(style ?? {})) element.style.setProperty(property, setting);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    if (name.startsWith("on") && typeof value === "function") {
      element.addEventListener(name.slice(2), /** @type {EventListener} */ (value));
    } else {
      element.setAttribute(name, value === true ? "" : String(value));
    }
  }
  element.append(...children.flat().filter(shown));
  return element;
}

/** @returns {child is Node | string} */
function shown(/** @type {Child} */ child) {
  return child !== null && child !== undefined && child !== false;
}

/**
 * The 2D context of a canvas the page draws on. A canvas has none only once it has been given
 * another kind (WebGL), which no canvas of the page is: say so rather than fail later.
 * @param {HTMLCanvasElement} canvas
 */
export function context2d(canvas) {
  const context = canvas.getContext("2d");
  if (!context) throw new Error("This canvas already has a context of another kind than 2D.");
  return context;
}

/**
 * Replace `element`'s text only when it changed (screen readers re-announce live regions on every write).
 * @param {Node} element
 * @param {string} text
 */
export function setText(element, text) {
  if (element.textContent !== text) element.textContent = text;
}
