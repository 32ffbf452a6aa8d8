// As every state.js: plain data (what the visitor set, what is shown) and where it is kept; no DOM, no Python.
//
// Why it says what it says, its state: the digit the visitor asked about ("why 7?", "why not
// 1?"), the digit the nudge aims for, and what Python last answered for the drawing shown.
//
// None of it goes into the URL: each choice only means something for the drawing in front of
// the visitor, which is not in the URL either.

/**
 * @typedef {import("../../lib/arrays.js").Numbers} Numbers
 * @typedef {{ model: string, image: Numbers, digit: number, probabilities: number[] }} Shown
 *   the recognizer's answer being explained: its network, the 784-value image it read, its digit.
 * @typedef {{ converged: boolean, values: Numbers }} Nudged  a nudge's result: did it get there, the changed image
 * @typedef {{ explained: number | null, target: number, shown: Shown | null, nudge: Nudged | null }} WhyState
 */

/** @returns {WhyState} */
export function startState() {
  return {
    explained: null,          // the digit explained; null follows the network's answer
    target: 3,                // the digit the nudge aims for
    shown: null,              // the answer explained now
    nudge: null,              // the latest nudge's result, for "send it to the recognizer"
  };
}

/** The digit to explain for `shown`: the visitor's choice, or else the network's answer. */
export function explainedDigit(/** @type {WhyState} */ state) {
  return state.explained ?? state.shown?.digit ?? 0;
}
