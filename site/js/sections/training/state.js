// As every state.js: plain data (what the visitor set, what is shown) and where it is kept; no DOM, no Python.
//
// Watch it learn, its state: where the run is (started, running, done, how many batches it has
// learned from), what it has measured (the loss of every batch, the test accuracy after every
// epoch, its speed), which kind of network it trains and, once done, the summary of the trained
// network. The settings themselves live in the view's fields.

import { fromPython } from "../../lib/arrays.js";

export function newRun() {
  return { started: false, running: false, done: false, network: null, steps: 0, losses: [], accuracy: [], speed: 0,
    summary: null };
}

/** Take in one slice of Python's training: its losses, an epoch's accuracy, its speed (smoothed). */
export function recordSlice(run, slice) {
  if (slice.losses) {
    const losses = fromPython(slice.losses);
    run.losses.push(...losses);
    run.steps += losses.length;
  }
  if (slice.test_accuracy !== undefined) run.accuracy.push(slice.test_accuracy);
  if (slice.images_per_second) run.speed = run.speed ? 0.7 * run.speed + 0.3 * slice.images_per_second : slice.images_per_second;
  run.done = slice.done;
}
