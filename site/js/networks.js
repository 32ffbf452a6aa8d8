// The page's networks, one home for every section: the shipped ones (their facts come with the
// page, see generated/facts.js) and the ones trained or tuned in this page; which of them reads
// the visitor's digits (key d.model in the URL, declared in lib/url-state.js); and each one's
// weights in Python, loaded once, when a section first needs them. The recognizer shows the
// choice and changes it; any section may read it, load a network or add one.
//
// Events: "chosen" (another network reads the digits from now on), "added" (detail: {name,
// label}, a network made here joins the shelf), "removed" (detail: {name}).

import { DEFAULT_MODEL, MODELS, TRAINING } from "./generated/facts.js";
import { readKey, writeKeys } from "./lib/url-state.js";

/** The name of the network trained from scratch in the page ("Watch it learn"), as Python names
 *  it: one at a time, each finished run replacing the last, in the menu and in this browser. */
export const YOURS = TRAINING.trained_name;

export const SHIPPED = MODELS.map((model) => model.name);

export class Networks extends EventTarget {
  /** @param {import("./python.js").Python} python */
  constructor(python) {
    super();
    this.python = python;
    this.loading = new Map();        // name → the promise of its summary, once asked for
    this.made = new Map();           // networks made in the page: name → {label, summary}
    const wanted = readKey("d.model");
    this.current = SHIPPED.includes(wanted) ? wanted : DEFAULT_MODEL;   // one made here is chosen once restored
    // Python started again and holds no network: each comes back on its next `ensure`, the ones
    // made here only when their section hands them over again (`add`).
    python.addEventListener("restarting", () => this.loading.clear());
  }

  /** The network that reads the visitor's digits. */
  get chosen() {
    return this.current;
  }

  /** The names of the networks made in this page. */
  get madeHere() {
    return [...this.made.keys()];
  }

  /** A shipped network's facts, or undefined for one made here. */
  shipped(name) {
    return MODELS.find((model) => model.name === name);
  }

  /** A network made here: its summary (what its section said of it), or undefined. */
  summaryOf(name) {
    return this.made.get(name)?.summary;
  }

  /** Whether `name` is on the shelf: shipped, or made here and added. */
  has(name) {
    return SHIPPED.includes(name) || this.made.has(name);
  }

  /** The network's summary once Python holds it (downloading and loading it the first time). */
  ensure(name) {
    if (!this.loading.has(name) && this.made.has(name)) {
      return Promise.reject(new Error(`The network "${this.made.get(name).label}" was lost when Python `
        + "started again; it comes back if it was kept in this browser."));
    }
    if (!this.loading.has(name)) {
      const promise = this.python.loadModel(name);
      promise.catch(() => this.loading.delete(name));   // a later attempt may succeed
      this.loading.set(name, promise);
    }
    return this.loading.get(name);
  }

  /** Put a network Python already holds (trained or tuned in the page) on the shelf. */
  add(name, label, summary) {
    this.loading.set(name, Promise.resolve(summary));
    this.made.set(name, { label, summary });
    this.dispatchEvent(new CustomEvent("added", { detail: { name, label } }));
  }

  /** Take a network made here off the shelf; if it was chosen, the default one reads from now on. */
  remove(name) {
    this.loading.delete(name);
    this.made.delete(name);
    this.dispatchEvent(new CustomEvent("removed", { detail: { name } }));
    if (this.current === name) this.choose(DEFAULT_MODEL);
  }

  /** Read the visitor's digits with network `name` from now on, and keep the choice in the URL. */
  choose(name) {
    this.current = name;
    writeKeys({ "d.model": name });
    this.dispatchEvent(new Event("chosen"));
  }

  /** Once the kept networks are back on the shelf, honour a link that chose one of them. */
  restoreChoice() {
    const name = readKey("d.model");
    if (name !== this.current && this.has(name)) this.choose(name);
  }

  /** After Python started again, a chosen network made here is not in it until its section adds
   *  it again: read with the default one meanwhile, leaving the link's choice for `restoreChoice`. */
  setAsideLost() {
    if (this.made.has(this.current)) this.current = DEFAULT_MODEL;
  }
}
