// One idea, explained where it happens: a <details> that names it, says it in plain words,
// then gives the formula, then the page's own numbers. It stays folded until the visitor
// opens it, so a control keeps its few words and the explanation is one click away.
//
// Every idea carries data-idea (its name) and data-for (the data-testid of the control or
// picture it explains), so the page's tests can check that each one is there, and beside
// what it explains.

import { h } from "../lib/dom.js";

/**
 * An idea: its name, the data-testid of what it explains (control), the question its summary asks,
 * then plain, formula and numbers, strings or arrays of children for h().
 * @typedef {import("../lib/dom.js").Child | import("../lib/dom.js").Child[]} Children
 * @typedef {{ name: string, control: string, question: string, plain: Children, formula: Children, numbers?: Children }} Idea
 */

/**
 * idea({name, control, question, plain, formula, numbers}) → <details class="idea">.
 * @param {Idea} spec
 */
export function idea(spec) {
  return liveIdea(spec).element;
}

/** The same, with its numbers' paragraph kept to be rewritten as the page's numbers change:
 *  {element, numbers}.
 *  @param {Idea} spec */
export function liveIdea({ name, control, question, plain, formula, numbers = "" }) {
  const numbersLine = h("p", { class: "idea-numbers" }, numbers);
  const element = h("details", { class: "idea", "data-idea": name, "data-for": control },
    h("summary", {}, question),
    h("div", { class: "idea-body" },
      h("p", { class: "idea-plain" }, plain),
      h("p", { class: "idea-formula" }, formula),
      numbersLine));
  return { element, numbers: numbersLine };
}
