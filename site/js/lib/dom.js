// The one way the page builds its DOM: h("button", {class: "button", onclick}, "Train").
//
// Children that are strings become text nodes and attributes are set one by one, so nothing
// is ever parsed as HTML: a model's name, a file's name or a value from the URL shows as the
// text it is and can never become markup. Views call h() with the data they show; no view
// builds HTML from strings.

const SVG_NAMESPACE = "http://www.w3.org/2000/svg";

/**
 * An HTML element. Attributes: `class`; `style` as {property: value} (set through the DOM:
 * the page's CSP forbids inline style attributes); `on<event>` functions become listeners;
 * true gives an empty attribute, false, null and undefined give none.
 */
export function h(tag, attributes = {}, ...children) {
  return fill(document.createElement(tag), attributes, children);
}

/** An SVG element, with the same attributes and children as h(). */
export function s(tag, attributes = {}, ...children) {
  return fill(document.createElementNS(SVG_NAMESPACE, tag), attributes, children);
}

function fill(element, attributes, children) {
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    if (name === "style") {
      for (const [property, setting] of Object.entries(value)) element.style.setProperty(property, setting);
    } else if (name.startsWith("on") && typeof value === "function") {
      element.addEventListener(name.slice(2), value);
    } else {
      element.setAttribute(name, value === true ? "" : String(value));
    }
  }
  element.append(...children.flat().filter((child) => child !== null && child !== undefined && child !== false));
  return element;
}

/** Replace `element`'s text only when it changed (screen readers re-announce live regions on every write). */
export function setText(element, text) {
  if (element.textContent !== text) element.textContent = text;
}
