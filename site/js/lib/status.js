// The status line under the header: what Python is doing, in a sentence.

const element = /** @type {HTMLElement} */ (document.querySelector("[data-testid=status]"));
const text = element.querySelector(".status-text");
const fill = /** @type {HTMLElement} */ (element.querySelector(".status-fill"));

/** state: "loading" | "ready" | "error"; fraction (0..1) fills the progress bar while loading. */
export function setStatus(state, sentence, fraction = null) {
  element.dataset.state = state;
  text.textContent = sentence;
  if (fraction !== null) fill.style.transform = `scaleX(${fraction.toFixed(3)})`;
}

export function statusState() {
  return element.dataset.state;
}
