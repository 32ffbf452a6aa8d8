// As every state.js: plain data (what the visitor set, what is shown) and where it is kept; no DOM, no Python.
//
// The perceptron's state: the situation x (three of +1/−1), the weights w, the bias b, and the
// visitor's wish (what they would do in each of the 8 situations, 1 = go, in Python's table
// order). It lives in the URL (keys p.*, declared in lib/url-state.js), so it is a link.

import { defaultOf, readKey, writeKeys } from "../../lib/url-state.js";

const fromBits = (bits) => bits.map((bit) => (bit ? 1 : -1));

/** Where the sliders stand before anyone touches them (and after Reset). */
export function startState() {
  return {
    x: fromBits(defaultOf("p.x")),
    w: [defaultOf("p.w1"), defaultOf("p.w2"), defaultOf("p.w3")],
    bias: defaultOf("p.b"),
    want: [...defaultOf("p.want")],
  };
}

export function stateFromUrl() {
  return {
    x: fromBits(readKey("p.x")),
    w: [readKey("p.w1"), readKey("p.w2"), readKey("p.w3")],
    bias: readKey("p.b"),
    want: readKey("p.want"),
  };
}

export function saveToUrl({ x, w, bias, want }) {
  writeKeys({
    "p.x": x.map((value) => (value > 0 ? 1 : 0)),
    "p.w1": w[0], "p.w2": w[1], "p.w3": w[2], "p.b": bias,
    "p.want": want,
  });
}

/** Ready-made weights, each a rule people recognise. */
export const PRESETS = [
  { label: "Sun is all that matters", w: [4, 1, 1], bias: 0 },
  { label: "Weekday weighs a lot", w: [1.5, 3, 1.5], bias: 0.5 },
  { label: "Only with friends", w: [1, 1, 4], bias: 0 },
  { label: "Two out of three", w: [1, 1, 1], bias: 0 },
];
