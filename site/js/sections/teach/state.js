// As every state.js: plain data (what the visitor set, what is shown) and where it is kept; no DOM, no Python.
//
// Teach it your handwriting, its state: the personal set, the visitor's drawings with the digit
// each one is, kept in this browser (store.js) as 28x28 images, 0 background, 255 ink.
// How many it may hold is Python's rule (generated/facts.js).

import { TEACH } from "../../generated/facts.js";
import { loadPersonalSet, savePersonalSet } from "../../store.js";

const IMAGE_BYTES = 28 * 28;

export class PersonalSet {
  items = [];
  tuning = false;          // while a network is being fine-tuned on it

  /** Bring back what this browser kept; without IndexedDB the set lasts until the page closes. */
  async load() {
    try {
      this.items = await loadPersonalSet();
    } catch {
      this.items = [];
    }
  }

  /** Keep the set in this browser; resolves to a sentence if it could not be kept, else null. */
  async keep() {
    try {
      await savePersonalSet(this.items);
      return null;
    } catch (error) {
      return `Your drawings could not be kept in this browser (${error.message}); they last until you leave.`;
    }
  }

  get size() {
    return this.items.length;
  }

  /** Whether `more` drawings still fit. */
  hasRoomFor(more) {
    return this.items.length + more <= TEACH.max_personal;
  }

  /** Add drawings: `images` one 28x28 image after another, `labels` their digits. */
  add(images, labels) {
    labels.forEach((label, i) => this.items.push({
      image: images.slice(i * IMAGE_BYTES, (i + 1) * IMAGE_BYTES), label, added: Date.now() }));
  }

  remove(index) {
    this.items.splice(index, 1);
  }

  clear() {
    this.items = [];
  }

  /** The drawings' images one after another, as Python takes them. */
  packed() {
    const images = new Uint8Array(this.items.length * IMAGE_BYTES);
    this.items.forEach((item, i) => images.set(item.image, i * IMAGE_BYTES));
    return images;
  }

  labels() {
    return this.items.map((item) => item.label);
  }
}
