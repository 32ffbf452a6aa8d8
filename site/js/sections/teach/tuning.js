// Fine-tuning a network on the personal set, as both the Fine-tune button and the guided minute
// do it: in slices of steps, as training from scratch, so that the progress moves and the
// recognizer still reads drawings in between; then the tuned network joins the menu, is chosen,
// and is kept in this browser (store.js) for the next visit. Python: finetune_* (api.js).

import * as api from "../../api.js";
import { runSlices } from "../../lib/slices.js";
import { saveModel } from "../../store.js";
import { ensureSubset } from "../../subset.js";
import { drawings } from "./view.js";

const TUNING_SLICE = 0.25;            // seconds of steps per call to Python

/**
 * Fine-tune network `name` on `set` (a PersonalSet); `progress(sentence, fraction)` hears of each slice.
 * Resolves to Python's answer (finetune_finish) with `label`, the tuned network's menu label, and
 * `seconds`, how long its steps took, once it is chosen in the recognizer and kept in this browser.
 */
export async function tuneOnPersonalSet(python, networks, set, name, progress) {
  const yours = drawings(set.size);
  await ensureSubset(python);
  await networks.ensure(name);
  const began = performance.now();
  const start = await api.finetuneStart(python, name, set.packed(), set.labels());
  const report = (/** @type {{ step: number, steps: number }} */ { step, steps }) =>
    progress(`Fine-tuning ${name} on your ${yours}: step ${step} of ${steps}…`, step / steps);
  report({ step: 0, steps: start.steps });
  await runSlices((seconds) => api.finetuneRun(python, seconds), {
    seconds: TUNING_SLICE, each: (slice) => { if (!slice.done) report(slice); },     // the last: measuring, below
  });
  const seconds = (performance.now() - began) / 1000;
  progress(`Measuring how well the tuned ${name} reads your ${yours} and MNIST's test digits…`, 1);
  const answer = await api.finetuneFinish(python);
  const { mnist_changes: _, ...facts } = answer;     // the outcome's pictures are shown once, not kept with the network
  const summary = { ...facts, description: `${answer.base} fine-tuned in this page on your ${yours}, mixed with MNIST.` };
  const label = `${answer.name}: ${answer.base} tuned to your handwriting`;
  networks.add(answer.name, label, summary);
  networks.choose(answer.name);
  await saveModel({ name: answer.name, label, summary, file: await api.modelFile(python, answer.name, { base: answer.base }) })
    .catch((error) => console.warn(`The tuned network could not be kept: ${error.message}`));
  return { ...answer, label, seconds };
}
