// Run one job at a time; while one runs, only the most recent request waits.
// Drawing produces requests far faster than a network can answer them: this
// keeps exactly one computation in flight and always answers the latest drawing.
// Each job gets a ticket (see generation.js) that goes stale once a newer request
// comes, so a job can tell that its answer is already out of date.

import { Generation } from "./generation.js";

/** @typedef {ReturnType<Generation["ticket"]>} Ticket */

/** @template Job */
export class LatestOnly {
  /**
   * run(job, ticket) does the work; onError(error) hears of a job that failed.
   * @param {(job: Job, ticket: Ticket) => unknown} run
   * @param {{ onError?: (error: Error) => void }} [options]
   */
  constructor(run, { onError = (error) => console.warn(error) } = {}) {
    this.run = run;
    this.onError = onError;
    this.requests = new Generation();
    /** @type {{ job: Job, ticket: Ticket } | null} */
    this.waiting = null;
    this.busy = false;
    this.drained = Promise.resolve();
  }

  /** Ask for `job`; the promise resolves once no request is left unanswered. */
  request(/** @type {Job} */ job) {
    this.requests.advance();
    this.waiting = { job, ticket: this.requests.ticket() };
    if (!this.busy) this.drained = this.pump();
    return this.drained;
  }

  async pump() {
    this.busy = true;
    while (this.waiting) {
      const { job, ticket } = this.waiting;
      this.waiting = null;
      try {
        await this.run(job, ticket);
      } catch (error) {
        this.onError(error instanceof Error ? error : new Error(String(error)));
      }
    }
    this.busy = false;
  }
}
