// Numbers as the page writes them.

/** 0.98765 → "98.8%"; never rounds up to a certainty the network does not have. */
export function percent(/** @type {number} */ value, /** @type {number} */ digits) {
  const text = (value * 100).toFixed(digits);
  return value < 1 && Number(text) === 100 ? `>${(100 - 10 ** -digits).toFixed(digits)}%` : `${text}%`;
}

/** A number with one decimal (-1.5, 0.0, 2.0), more only when it has them. */
export function fixed(/** @type {number} */ value) {
  let text = value.toFixed(1);
  if (Math.abs(Number(text) - value) > 1e-9) text = String(Number(value.toFixed(3)));
  return text === "-0.0" ? "0.0" : text;
}

/** A signed reading with a real minus sign: −0.25, 1.50. */
export function signed(/** @type {number} */ value, digits = 2) {
  return (value < 0 ? "−" : "") + Math.abs(value).toFixed(digits);
}

/** "positive", "negative" or "zero": the class that colours a value by its sign. */
export function sign(/** @type {number} */ value) {
  return value > 0 ? "positive" : value < 0 ? "negative" : "zero";
}

/** 1,234 the same way in every browser language. Whole numbers are grouped here rather than by
 *  toLocaleString: its first call loads the browser's number formats, 40 ms while the page opens. */
export function whole(/** @type {number} */ value) {
  if (!Number.isInteger(value)) return value.toLocaleString("en");
  return String(value).replace(/\B(?=(\d{3})+$)/g, ",");
}

/** "a" or "an", as the digit is said: an 8. */
export const article = (/** @type {number} */ digit) => (digit === 8 ? "an" : "a");

/** "a 7", "an 8" */
export const aDigit = (/** @type {number} */ digit) => `${article(digit)} ${digit}`;

/** "1 drawing", "2 drawings". */
export function count(/** @type {number} */ n, /** @type {string} */ noun) {
  return `${whole(n)} ${noun}${n === 1 ? "" : "s"}`;
}

/** ["a", "b", "c"] → "a, b and c" */
export function listed(/** @type {string[]} */ names) {
  return names.length < 2 ? names.join("") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}
