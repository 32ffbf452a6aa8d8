// When each section of the page is built. While the page opens, Python's runtime is compiling on
// the same few cores as the page's own work, and building a section (its DOM, its charts, the
// layout they force) slows that down. So before the first answer the page builds only what that
// answer needs, the recognizer; the other sections wait here and then build one at a time, at
// idle moments, once the first answer is out or as soon as the visitor scrolls. A link to a
// section further down builds them all at once, so that the page can go there and stay.

import { idle } from "./lib/idle.js";

const IDLE_WAIT_MS = 200;        // build even if the browser is never idle: at most this late

export class BuildOrder {
  constructor() {
    /** @type {{ id: string, build: () => unknown }[]} the sections still to build, in page order */
    this.waiting = [];
    /** @type {Record<string, unknown>} what each built section's setup returned, by id */
    this.built = {};
    this.trickling = false;
    /** Resolves once every section is built. */
    this.done = new Promise((resolve) => { this.finished = resolve; });
  }

  /** Build section `id` later, with `build()`: sections are added in page order. */
  later(id, build) {
    this.waiting.push({ id, build });
  }

  /** Build every waiting section now, in page order. */
  buildAll() {
    while (this.waiting.length) this.buildNext();
  }

  /** Build the waiting sections one per idle moment, from now on. */
  trickle() {
    if (this.trickling) return;
    this.trickling = true;
    const step = () => {
      if (!this.waiting.length) return;
      this.buildNext();
      idle(IDLE_WAIT_MS).then(step);
    };
    idle(IDLE_WAIT_MS).then(step);
  }

  buildNext() {
    const { id, build } = this.waiting.shift();
    try {
      this.built[id] = build();
    } catch (error) {
      console.error(`The section "${id}" could not be built:`, error);   // the others still are
    }
    if (!this.waiting.length) this.finished(this.built);
  }
}
