// The status line under the header: what Python is doing, in a sentence.

const element = /** @type {HTMLElement} */ (document.querySelector("[data-testid=status]"));
const text = /** @type {HTMLElement} */ (element.querySelector(".status-text"));
const fill = /** @type {HTMLElement} */ (element.querySelector(".status-fill"));

/**
 * fraction (0..1) fills the progress bar while loading.
 * @param {"loading" | "ready" | "error"} state
 * @param {string} sentence
 * @param {number | null} [fraction]
 */
export function setStatus(state, sentence, fraction = null) {
  element.dataset.state = state;
  text.textContent = sentence;
  if (fraction !== null) fill.style.transform = `scaleX(${fraction.toFixed(3)})`;
}

export function statusState() {
  return element.dataset.state;
}
