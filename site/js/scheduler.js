// Run one job at a time; while one runs, only the most recent request waits.
// Drawing produces requests far faster than a network can answer them: this
// keeps exactly one computation in flight and always answers the latest drawing.

export class LatestOnly {
  constructor(run) {
    this.run = run;
    this.waiting = null;
    this.busy = false;
  }

  /** Ask for `job`; the promise resolves once no request is left unanswered. */
  request(job) {
    this.waiting = job;
    if (!this.busy) this.drained = this.pump();
    return this.drained;
  }

  async pump() {
    this.busy = true;
    while (this.waiting) {
      const job = this.waiting;
      this.waiting = null;
      try {
        await this.run(job);
      } catch (error) {
        console.warn(error);
      }
    }
    this.busy = false;
  }
}
