// Watch it learn: a small network, dense or convolutional, trains on MNIST digits in the worker,
// a slice of a fraction of a second at a time, while the page draws its loss, its accuracy and
// what it comes to look for: a dense network's hidden neurons, or a convnet's filters and what
// they see in the digit drawn in the recognizer (read through the recognizer's `last` answer and
// its "answer" events). The finished network joins the page's networks (networks.js) as YOURS.
// Python: py/digits/page/training.py, through api.js.

import * as api from "../../api.js";
import { TRAINING } from "../../generated/facts.js";
import { offerDownload } from "../../lib/files.js";
import { InterruptedError } from "../../python.js";
import { percent, whole } from "../../lib/format.js";
import { Generation } from "../../lib/generation.js";
import { LatestOnly } from "../../lib/scheduler.js";
import { runSlices } from "../../lib/slices.js";
import { YOURS } from "../../networks.js";
import { saveModel } from "../../store.js";
import { ensureSubset } from "../../subset.js";
import { restoreKeptNetworks } from "./kept.js";
import { newRun, recordSlice } from "./state.js";
import { describeShape, thin, TrainingView } from "./view.js";

const SLICE_SECONDS = 0.15;       // Python trains this long between two redraws
const TEST_DIGITS = `${whole(TRAINING.test_images)} test digits`;

export function setupTraining(root, python, networks, recognizer) {
  const run = newRun();
  const runs = new Generation();          // Reset makes the run under way stale

  const view = new TrainingView(root, {
    start: () => train(),
    pause: () => {
      run.running = false;
      view.say("Paused. Resume to go on where it stopped, or step one batch at a time.");
    },
    step: () => train({ batches: 1 }),
    reset: () => reset(),
    use: () => {
      networks.choose(YOURS);
      recognizer.show();
    },
    download: async () => offerDownload("your-network.zip",
      await api.modelFile(python, YOURS, { config: run.summary.config }), "application/zip"),
    settings: () => shapes.request(view.readSettings()),
    network: () => view.showNetwork(view.network, { defaults: true }),
    activation: () => { view.settings.learning_rate.value = String(TRAINING.learning_rates[view.settings.activation.value]); },
  });

  // The network the settings describe, as Python builds it (or why it cannot).
  const shapes = new LatestOnly(async (settings, ticket) => {
    const shape = await api.learnShape(python, settings);
    if (ticket.stale) return;
    view.showShape(shape, settings);
  }, { onError: (error) => { view.shape.textContent = error.message; } });

  // What the convnet being trained sees in the recognizer's digit (the newest request only).
  const maps = new LatestOnly(async (image, ticket) => {
    const answer = image && await api.learnFeatureMaps(python, image);
    if (ticket.stale || run.network !== "conv") return;        // a newer digit or slice, or Reset
    view.filters.showMaps(answer);
  }, { onError: (error) => { view.filters.mapsNote.textContent = error.message; } });

  /** Ask for the feature maps of the recognizer's digit, if a convnet is being trained. */
  function lookThroughFilters() {
    if (run.network !== "conv" || !run.started) return;
    const reading = recognizer.last;
    maps.request(reading && !reading.empty ? reading.image : null);
  }

  /** Start a run with the current settings (Python refuses bad ones with a sentence). */
  async function begin() {
    view.say(`Downloading ${whole(TRAINING.train_images + TRAINING.test_images)} MNIST digits (about 2 MB)…`);
    await ensureSubset(python);
    const settings = view.readSettings();
    const answer = await api.learnStart(python, settings);
    Object.assign(run, { started: true, done: false, network: settings.network, steps: 0, losses: [], accuracy: [],
      summary: null });
    show(answer);
  }

  async function train({ batches = null } = {}) {
    if (run.done) reset();
    const ticket = runs.ticket();
    try {
      if (!run.started) await begin();
      run.running = batches === null;
      view.showButtons(run);
      view.say(run.running ? "Training…" : "");
      await runSlices((seconds) => api.learnRun(python, seconds, batches), {
        seconds: SLICE_SECONDS, paced: true, stale: () => ticket.stale, paused: () => !run.running,
        each: async (slice) => {
          show(slice);
          if (slice.done) await finish();
        },
      });
      if (ticket.stale) return;          // Reset: it showed the buttons as they are now
    } catch (error) {
      if (error instanceof InterruptedError) {
        run.started = false;          // the new Python has no run: Train starts a fresh one
        view.say(`Training was interrupted: ${error.message} Your settings are kept; press Train to start again.`);
      } else view.say(error.message);
    }
    run.running = false;
    view.showButtons(run);
  }

  function show(slice) {
    recordSlice(run, slice);
    view.showRun(run, slice);
    lookThroughFilters();
  }

  async function finish() {
    const summary = await api.learnUse(python);
    const shape = describeShape(await api.learnShape(python, summary.config), summary.config);
    run.summary = { ...summary, description: `A network you trained in this page (${shape}): `
      + `${whole(summary.parameters)} weights, ${percent(summary.test_accuracy, 1)} of ${TEST_DIGITS} right.` };
    const label = `yours: ${summary.label}, trained here, ${percent(summary.test_accuracy, 1)}`;
    const entry = {
      name: YOURS, label, summary: run.summary,
      file: await api.modelFile(python, YOURS, { test_accuracy: summary.test_accuracy, test_images: summary.test_images,
                                                   config: summary.config }),
      history: { losses: thin(run.losses), accuracy: run.accuracy },
    };
    networks.add(YOURS, label, run.summary);
    view.say(`Done: ${percent(summary.test_accuracy, 1)} of ${TEST_DIGITS} right. `
      + "Your network is now in the recognizer's menu, and kept in this browser.");
    try {
      await saveModel(entry);
    } catch (error) {
      view.say(`${view.message.textContent} (It could not be kept for your next visit: ${error.message})`);
    }
  }

  function reset() {
    runs.advance();
    Object.assign(run, { ...newRun(), summary: run.summary });      // a trained network stays until the next is done
    view.showReset(run, view.readSettings().epochs);
    view.showButtons(run);
  }

  window.addEventListener("resize", () => view.drawCharts(run, view.readSettings().epochs));
  recognizer.events.addEventListener("answer", lookThroughFilters);
  reset();
  shapes.request(view.readSettings());
  restoreKeptNetworks(python, networks, (entry) => {
    Object.assign(run, { summary: entry.summary, losses: entry.history.losses, accuracy: entry.history.accuracy });
    view.drawCharts(run, entry.history.accuracy.length);
    view.say(`Your network from your last visit is back (${percent(entry.summary.test_accuracy, 1)} right) and in the recognizer's menu. `
      + "Train again to replace it.");
    view.showButtons(run);
  }).finally(() => view.showRestored());
  // A Python started afresh (python.js) holds none of them: bring the kept ones back into it.
  python.addEventListener("restarting", () => {
    python.addEventListener("ready", () => restoreKeptNetworks(python, networks, () => {}), { once: true });
  });
}
