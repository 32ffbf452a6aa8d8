// As every state.js: plain data (what the visitor set, what is shown) and where it is kept; no DOM, no Python.
//
// The machine's state: everything the visitor sets, as one object kept in the URL (keys m.*,
// declared in lib/url-state.js), and the knobs' addresses. The machine's sizes, its knob limit,
// its examples and its first drawing are Python's (py/digits/toys/machine.py), through the facts
// build.py writes into generated/facts.js.

import { MACHINE } from "../../generated/facts.js";
import { clearSection, defaultOf, readSection, writeKeys } from "../../lib/url-state.js";

/** The machine as it first appears: the 7 of the examples, and small knobs, the same on every visit. */
export function startState() {
  return {
    cells: [...defaultOf("m.g")],
    knobs: factoryKnobs(),
    target: defaultOf("m.t"),
    neuron: defaultOf("m.n"),      // the hidden neuron whose knobs are shown
    output: defaultOf("m.t"),      // the output digit whose knobs are shown: the right answer's
    rate: defaultOf("m.r"),
    hint: defaultOf("m.h"),
    scope: defaultOf("m.s"),       // learn from "drawing" (this one) or "set" (the examples)
  };
}

/** The state a link describes; whatever it does not say (or says wrong) is the start. */
export function stateFromUrl() {
  const url = readSection("m");
  return {
    cells: url["m.g"],
    knobs: url["m.k"] ? knobsFromFlat(url["m.k"]) : factoryKnobs(),
    target: url["m.t"],
    neuron: url["m.n"],
    output: url["m.o"] ?? url["m.t"],      // the output knobs follow the right answer
    rate: url["m.r"],
    hint: url["m.h"],
    scope: url["m.s"],
  };
}

export function saveToUrl(state) {
  writeKeys({
    "m.g": state.cells, "m.k": flatKnobs(state.knobs), "m.t": state.target, "m.n": state.neuron,
    "m.o": state.output, "m.r": state.rate, "m.h": state.hint || null, "m.s": state.scope === "set" ? "set" : null,
  });
}

export function clearUrl() {
  clearSection("m");
}

// ------------------------------------------------------------------ knobs
// Knobs are {group: values} as Python's Knobs.to_json: a group of weights is rows of columns,
// a group of biases one row. A knob's address is [group, row] or [group, row, column].
// They are built group by group from MACHINE.knob_groups, which are Knobs' four names.

/**
 * @typedef {import("../../api.js").Knobs} Knobs
 * @typedef {[string, number] | [string, number, number]} KnobAddress   [group, row] or [group, row, column]
 */

/**
 * Small random weights and zero biases: each neuron starts different, so each can learn something else.
 * @returns {Knobs}
 */
function factoryKnobs() {
  const random = mulberry32(11);
  const tenths = () => Math.round((random() * 2 - 1) * 10) / 10;
  return /** @type {Knobs} */ (Object.fromEntries(MACHINE.knob_groups.map((group) => {
    const [rows, columns] = MACHINE.knob_shapes[group];
    return [group, columns === undefined ? Array(rows).fill(0)
      : Array.from({ length: rows }, () => Array.from({ length: columns }, tenths))];
  })));
}

/** A small seeded random generator: the same "random" start on every visit. */
function mulberry32(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** @param {Knobs} knobs @param {KnobAddress} address */
export function getKnob(knobs, [group, row, column]) {
  return column === undefined ? knobs[group][row] : knobs[group][row][column];
}

/** @param {Knobs} knobs @param {KnobAddress} address @param {number} value */
export function setKnob(knobs, [group, row, column], value) {
  if (column === undefined) knobs[group][row] = value;
  else knobs[group][row][column] = value;
}

/**
 * The same knobs with fn(value, address) applied to each.
 * @param {Knobs} knobs
 * @param {(value: number, address: KnobAddress) => number} fn
 * @returns {Knobs}
 */
export function mapKnobs(knobs, fn) {
  return /** @type {Knobs} */ (Object.fromEntries(MACHINE.knob_groups.map((group) => [group, knobs[group].map((entry, row) =>
    Array.isArray(entry) ? entry.map((value, column) => fn(value, [group, row, column])) : fn(entry, [group, row]))])));
}

/** Every knob in one list, group after group, row by row (the order of Python's Knobs.flat). */
export function flatKnobs(knobs) {
  return MACHINE.knob_groups.flatMap((group) => knobs[group].flat());
}

function knobsFromFlat(values) {
  let next = 0;
  return mapKnobs(factoryKnobs(), () => values[next++]);
}
