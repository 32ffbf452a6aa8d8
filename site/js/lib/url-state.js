// The page's state in the URL hash, so any view is a link someone can share:
//
//   #perceptron?p.x=010&p.w1=-2.5&d.model=mlp
//
// Before "?" is the section in view; after it, every key the page keeps, declared below and
// nowhere else: its type, its default, its range. Each key starts with its section's letter
// (d: draw, p: perceptron, m: machine, g: the MNIST gallery). A key that is missing, malformed
// or out of range reads as its default, silently: a damaged or old link still opens the page.
// Writing never adds history entries (no Back-button spam).

import { DEFAULT_MODEL, MACHINE } from "../generated/facts.js";

// How many knobs the machine has: the sizes of its groups of weights and biases, added up.
const KNOB_COUNT = Object.values(MACHINE.knob_shapes).reduce((sum, shape) => sum + shape.reduce((a, b) => a * b, 1), 0);

const KEYS = {
  // The recognizer: the network that reads the drawing (a shipped one, or one made in this page).
  "d.model": text(/^[a-z0-9][a-z0-9-]{0,39}$/, DEFAULT_MODEL),
  // The perceptron: the situation (1 = sunny / weekend / friends), the weights and the bias,
  // and what the visitor would do in each of the 8 situations (1 = go), in table order.
  "p.x": bits(3, [1, 1, 0]),
  "p.w1": number({ min: -5, max: 5, step: 0.1 }, 2),
  "p.w2": number({ min: -5, max: 5, step: 0.1 }, 3),
  "p.w3": number({ min: -5, max: 5, step: 0.1 }, 1),
  "p.b": number({ min: -5, max: 5, step: 0.1 }, -1),
  "p.want": bits(8, [1, 0, 1, 0, 0, 0, 0, 0]),
  // The machine: the 5x5 drawing, every knob, the right answer, the hidden neuron and the output
  // whose knobs are shown (no default: the output follows the right answer), the learning rate,
  // the hint, and what it learns from.
  "m.g": bits(MACHINE.cells, MACHINE.start.cells),
  "m.k": knobPositions(KNOB_COUNT, MACHINE.knob_limit, null),
  "m.t": integer({ min: 0, max: MACHINE.digits - 1 }, MACHINE.start.target),
  "m.n": integer({ min: 0, max: MACHINE.hidden - 1 }, 0),
  "m.o": integer({ min: 0, max: MACHINE.digits - 1 }, null),
  "m.r": oneOf([0.1, 0.3, 1, 3], 0.3),
  "m.h": flag(),
  "m.s": oneOf(["drawing", "set"], "drawing"),
  // Meet MNIST: the one class of digits the gallery shows (none: every class).
  "g.show": integer({ min: 0, max: 9 }, null),
};

/**
 * A key's type: its value when the URL does not say (or says wrong), decode(text) → value, or
 * undefined when malformed or out of range; encode(value) → text.
 * @template T
 * @typedef {{ fallback: T, decode: (text: string) => T | undefined, encode: (value: NonNullable<T>) => string }} Key
 */

/** @typedef {keyof typeof KEYS} KeyName */
/** Each key's value, as its type decodes it.
 *  @typedef {{ [K in KeyName]: (typeof KEYS)[K] extends Key<infer T> ? T : never }} Values */
/** A section's keys (its letter: "m" for "m.g", ...) and their values.
 *  @template {string} Letter
 *  @typedef {{ [K in KeyName as K extends `${Letter}.${string}` ? K : never]: Values[K] }} SectionValues */
/** The keys with a range (number keys): the perceptron's sliders are built from it.
 *  @typedef {{ [K in KeyName]: (typeof KEYS)[K] extends { step: number } ? K : never }[KeyName]} RangedKeyName */

/** The keys as declared, seen key by key (so that reading one gives its own type). */
const TYPED_KEYS = /** @type {{ [K in KeyName]: Key<Values[K]> }} */ (KEYS);

/** The learning rates the machine offers (the values "m.r" accepts). */
export const MACHINE_RATES = KEYS["m.r"].values;

/**
 * The value of `key` in the URL, or its default.
 * @template {KeyName} K
 * @param {K} key
 * @returns {Values[K]}
 */
export function readKey(key) {
  const type = TYPED_KEYS[key];
  const text = parse().params.get(key);
  if (text === null) return type.fallback;
  return type.decode(text) ?? type.fallback;
}

/**
 * The value `key` has when the URL does not say.
 * @template {KeyName} K
 * @param {K} key
 * @returns {Values[K]}
 */
export function defaultOf(key) {
  return TYPED_KEYS[key].fallback;
}

/** A number key's range: {min, max, step} (the perceptron's sliders are built from it). */
export function rangeOf(/** @type {RangedKeyName} */ key) {
  const { min, max, step } = KEYS[key];
  return { min, max, step };
}

/** Store several keys at once; null or undefined removes a key (it then reads as its default). */
export function writeKeys(/** @type {{ [K in KeyName]?: Values[K] | null }} */ changes) {
  const { section, params } = parse();
  for (const key of /** @type {KeyName[]} */ (Object.keys(changes))) store(params, key, changes[key]);
  write(section, params);
}

/**
 * One key into `params`, or out of them when `value` is null or undefined.
 * @template {KeyName} K
 * @param {URLSearchParams} params
 * @param {K} key
 * @param {Values[K] | null | undefined} value
 */
function store(params, key, value) {
  if (value === null || value === undefined) params.delete(key);
  else params.set(key, TYPED_KEYS[key].encode(value));
}

/**
 * Every key of a section (its letter, e.g. "m"), as it would read now.
 * @template {string} Letter
 * @param {Letter} letter
 * @returns {SectionValues<Letter>}
 */
export function readSection(letter) {
  const keys = /** @type {KeyName[]} */ (Object.keys(TYPED_KEYS)).filter((key) => key.startsWith(`${letter}.`));
  return /** @type {SectionValues<Letter>} */ (Object.fromEntries(keys.map((key) => [key, readKey(key)])));
}

/** Remove every key of a section. */
export function clearSection(/** @type {string} */ letter) {
  writeKeys(Object.fromEntries(Object.keys(readSection(letter)).map((key) => [key, null])));
}

export function getSection() {
  return parse().section;
}

export function setSection(/** @type {string} */ section) {
  write(section, parse().params);
}

// ------------------------------------------------------------------ the types of keys
// Each makes a Key (above): its fallback, decode(text) and encode(value).

/** @returns {Key<string>} */
function text(/** @type {RegExp} */ pattern, /** @type {string} */ fallback) {
  return { fallback, decode: (value) => (pattern.test(value) ? value : undefined), encode: String };
}

/** @returns {Key<number> & { min: number, max: number, step: number }} */
function number(/** @type {{ min: number, max: number, step: number }} */ { min, max, step }, /** @type {number} */ fallback) {
  return {
    fallback, min, max, step,
    decode(value) {
      const n = Number(value);
      if (value.trim() === "" || !Number.isFinite(n) || n < min || n > max) return undefined;
      return Number((Math.round(n / step) * step).toFixed(6));     // where a slider can stand
    },
    encode: String,
  };
}

/**
 * @template {number | null} F
 * @param {{ min: number, max: number }} range
 * @param {F} fallback
 * @returns {Key<number | F>}
 */
function integer({ min, max }, fallback) {
  return {
    fallback,
    decode: (value) => (/^\d+$/.test(value) && Number(value) >= min && Number(value) <= max ? Number(value) : undefined),
    encode: String,
  };
}

/**
 * @template {number | string} V
 * @param {V[]} values
 * @param {V} fallback
 * @returns {Key<V> & { values: V[] }}
 */
function oneOf(values, fallback) {
  return { fallback, values, decode: (value) => values.find((v) => String(v) === value), encode: String };
}

/** @returns {Key<boolean>} */
function flag() {
  return { fallback: false, decode: (value) => (value === "1" ? true : undefined), encode: (value) => (value ? "1" : "0") };
}

/**
 * A list of `length` zeros and ones, written as "01101".
 * @param {number} length
 * @param {number[]} fallback
 * @returns {Key<number[]>}
 */
function bits(length, fallback) {
  const pattern = new RegExp(`^[01]{${length}}$`);
  return {
    fallback,
    decode: (value) => (pattern.test(value) ? [...value].map(Number) : undefined),
    encode: (value) => value.join(""),
  };
}

// Knob positions: each value in −limit..limit, a multiple of 1/TICKS (so a link restores it exactly),
// written as two characters of base64url for its position 0..2·limit·TICKS.
const TICKS = 500;
const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/**
 * @param {number} length
 * @param {number} limit
 * @param {null} fallback
 * @returns {Key<number[] | null>}
 */
function knobPositions(length, limit, fallback) {
  return {
    fallback,
    decode(value) {
      if (value.length !== 2 * length) return undefined;
      const values = /** @type {number[]} */ ([]);
      for (let i = 0; i < value.length; i += 2) {
        const [high, low] = [BASE64.indexOf(value[i]), BASE64.indexOf(value[i + 1])];
        const position = high * 64 + low;
        if (high < 0 || low < 0 || position > 2 * limit * TICKS) return undefined;
        values.push((position - limit * TICKS) / TICKS);
      }
      return values;
    },
    encode: (values) => values.map((v) => {
      const position = Math.round(v * TICKS) + limit * TICKS;
      return BASE64[position >> 6] + BASE64[position & 63];
    }).join(""),
  };
}

/** The value a knob can stand at: within the limit, a multiple of 1/TICKS. */
export function knobPosition(/** @type {number} */ value) {
  const limit = MACHINE.knob_limit;
  return Math.round(Math.max(-limit, Math.min(limit, value)) * TICKS) / TICKS;
}

// ------------------------------------------------------------------ the hash itself

function parse() {
  const [section, query = ""] = location.hash.replace(/^#/, "").split("?");
  return { section, params: new URLSearchParams(query) };
}

function write(/** @type {string} */ section, /** @type {URLSearchParams} */ params) {
  const query = params.toString();
  const hash = section || query ? `#${section}${query ? `?${query}` : ""}` : "";
  if (hash !== location.hash) history.replaceState(null, "", hash || location.pathname + location.search);
}
