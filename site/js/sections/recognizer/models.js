// The networks the recognizer can read with: the shipped ones (their facts come with the page,
// see generated/facts.js) and the ones trained or tuned in this page. Each network's weights go
// into Python once; a failed load may be tried again.

import { MODELS } from "../../generated/facts.js";

export const SHIPPED = MODELS.map((model) => model.name);

export class ModelShelf {
  constructor(python) {
    this.python = python;
    this.loading = new Map();      // name → the promise of its summary
    this.madeHere = new Map();     // networks made in the page: name → {label, summary}
  }

  /** The network's summary once Python holds it (downloading and loading it the first time). */
  ensure(name) {
    if (!this.loading.has(name) && this.madeHere.has(name)) {
      return Promise.reject(new Error(`The network "${this.madeHere.get(name).label}" was lost when Python `
        + "started again; it comes back if it was kept in this browser."));
    }
    if (!this.loading.has(name)) {
      const promise = this.python.loadModel(name);
      promise.catch(() => this.loading.delete(name));   // a later attempt may succeed
      this.loading.set(name, promise);
    }
    return this.loading.get(name);
  }

  /** A network Python already holds (trained or fine-tuned in the page). */
  adopt(name, label, summary) {
    this.loading.set(name, Promise.resolve(summary));
    this.madeHere.set(name, { label, summary });
  }

  /** Python started again and holds no network: each comes back on its next `ensure`, the ones
   *  made here only when their section hands them over again (`adopt`). */
  reset() {
    this.loading.clear();
  }

  forget(name) {
    this.loading.delete(name);
    this.madeHere.delete(name);
  }

  isLoaded(name) {
    return this.loading.has(name);
  }

  /** The shipped network's facts, or undefined for one made here. */
  shipped(name) {
    return MODELS.find((model) => model.name === name);
  }
}
