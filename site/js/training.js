// Watch it learn: a small network trains on 10,000 MNIST digits in the worker, a slice
// of a fraction of a second at a time, while the page draws its loss, its accuracy and
// what its hidden neurons come to look for. Python: py/digits/learn.py.

import { drawChart } from "./chart.js";
import { drawDiverging } from "./pictures.js";
import { ensureSubset, offerDownload, bytesFromBase64 } from "./files.js";
import { saveModel, loadModels } from "./store.js";
import { percent } from "./recognizer.js";

const SLICE_SECONDS = 0.15;       // Python trains this long between two redraws
const LOSS_POINTS = 400;          // the loss chart shows at most this many points (averaged)
const SETTINGS = ["hidden", "activation", "learning_rate", "batch_size", "epochs"];

export function setupTraining(root, python, recognizer) {
  const view = findView(root);
  const run = { started: false, running: false, done: false, losses: [], accuracy: [], speed: 0, summary: null, generation: 0 };

  const settings = () => Object.fromEntries(SETTINGS.map((key) => {
    const input = view.settings[key];
    return [key, input.tagName === "SELECT" ? input.value : Number(input.value)];
  }));

  function showShape() {
    const { hidden, activation } = settings();
    const weights = 784 * hidden + hidden + hidden * 10 + 10;
    view.shape.textContent = Number.isInteger(hidden) && hidden > 0
      ? `784 inputs → ${hidden} ${activation} neurons → 10 outputs (softmax): ${weights.toLocaleString("en")} weights and biases.`
      : "Choose how many hidden neurons the network has.";
  }

  function showButtons() {
    view.start.disabled = run.running;
    view.start.textContent = run.started && !run.done ? "Resume" : run.done ? "Train again" : "Train";
    view.pause.disabled = !run.running;
    view.step.disabled = run.running || run.done;
    view.use.disabled = view.download.disabled = !run.summary || run.running;
    for (const input of Object.values(view.settings)) input.disabled = run.started;
    view.root.dataset.state = run.running ? "training" : run.done ? "done" : run.started ? "paused" : "idle";
  }

  function message(text) {
    view.message.textContent = text;
  }

  /** Start a run with the current settings; false (with a message) if Python refuses them. */
  async function begin() {
    message("Downloading 12,000 MNIST digits (about 2 MB)…");
    await ensureSubset(python);
    const answer = await python.call("learn_start", settings());
    Object.assign(run, { started: true, done: false, losses: [], accuracy: [], summary: null });
    show(answer);
    return true;
  }

  async function train({ batches = null } = {}) {
    if (run.done) reset();
    const generation = run.generation;
    try {
      if (!run.started) await begin();
      run.running = batches === null;
      showButtons();
      message(run.running ? "Training…" : "");
      do {
        const slice = await python.call("learn_run", SLICE_SECONDS, batches);
        if (generation !== run.generation) return;      // reset meanwhile
        show(slice);
        if (slice.done) await finish();
        await nextFrame();
      } while (run.running && !run.done);
    } catch (error) {
      message(error.message);
    }
    run.running = false;
    showButtons();
  }

  function show(slice) {
    if (slice.losses) run.losses.push(...slice.losses);
    if (slice.test_accuracy !== undefined) run.accuracy.push(slice.test_accuracy);
    if (slice.images_per_second) run.speed = run.speed ? 0.7 * run.speed + 0.3 * slice.images_per_second : slice.images_per_second;
    run.done = slice.done;
    const progress = (slice.epoch + slice.batch / slice.batches) / slice.epochs;
    view.progress.value = progress;
    view.epoch.textContent = `${Math.min(slice.epoch + 1, slice.epochs)} of ${slice.epochs}` + (slice.done ? " (done)" : "");
    view.speed.textContent = run.speed ? `${Math.round(run.speed).toLocaleString("en")} images/s` : "–";
    view.time.textContent = `${slice.seconds.toFixed(1)} s`;
    const latest = run.accuracy.at(-1);
    view.accuracy.textContent = latest === undefined ? "after the first epoch" : percent(latest, 1);
    view.accuracy.dataset.value = latest ?? "";
    drawCharts(view, run, slice.epochs);
    slice.neurons.forEach((weights, index) => drawDiverging(view.neurons[index], weights, 28));
  }

  async function finish() {
    const summary = await python.call("learn_use");
    run.summary = { ...summary, description: `A 784-${summary.config.hidden}-10 ${summary.config.activation} network you trained in this page: `
      + `${summary.parameters.toLocaleString("en")} weights, ${percent(summary.test_accuracy, 1)} of 2,000 MNIST test digits right.` };
    const entry = {
      name: "yours", label: modelLabel(run.summary), summary: run.summary,
      file: await python.call("model_file", "yours", { test_accuracy: run.summary.test_accuracy,
                                                       test_images: run.summary.test_images, config: run.summary.config }),
      history: { losses: thin(run.losses, LOSS_POINTS), accuracy: run.accuracy },
    };
    recognizer.addModel("yours", entry.label, run.summary);
    message(`Done: ${percent(run.summary.test_accuracy, 1)} of 2,000 test digits right. `
      + "Your network is now in the recognizer's menu, and kept in this browser.");
    try {
      await saveModel(entry);
    } catch (error) {
      message(`${view.message.textContent} (It could not be kept for your next visit: ${error.message})`);
    }
  }

  function reset() {
    run.running = false;
    run.generation += 1;
    Object.assign(run, { started: false, done: false, losses: [], accuracy: [], speed: 0 });
    view.progress.value = 0;
    view.epoch.textContent = view.speed.textContent = view.time.textContent = "–";
    view.accuracy.textContent = "–";
    view.accuracy.dataset.value = "";
    drawCharts(view, run, settings().epochs);
    for (const canvas of view.neurons) canvas.getContext("2d").clearRect(0, 0, canvas.width, canvas.height);
    message("");
    showButtons();
  }

  view.start.addEventListener("click", () => train());
  view.pause.addEventListener("click", () => {
    run.running = false;
    message("Paused. Resume to go on where it stopped, or step one batch at a time.");
  });
  view.step.addEventListener("click", () => train({ batches: 1 }));
  view.reset.addEventListener("click", reset);
  view.use.addEventListener("click", () => {
    recognizer.choose("yours");
    document.getElementById("draw").scrollIntoView();
  });
  view.download.addEventListener("click", async () => {
    offerDownload("your-network.zip", await python.call("model_file", "yours", { config: run.summary.config }), "application/zip");
  });
  view.settings.activation.addEventListener("change", () => {
    view.settings.learning_rate.value = view.settings.activation.value === "relu" ? "0.1" : "0.5";
  });
  for (const input of Object.values(view.settings)) input.addEventListener("input", showShape);
  window.addEventListener("resize", () => drawCharts(view, run, settings().epochs));

  reset();
  showShape();
  restore(python, recognizer, view, run, showButtons, message);
  return { run, reset };
}

/** Bring back the networks trained or tuned on an earlier visit. */
async function restore(python, recognizer, view, run, showButtons, message) {
  let entries;
  try {
    entries = await loadModels();
    await python.ready;
  } catch {
    return;       // no IndexedDB (private mode) or no Python: nothing to restore
  }
  for (const entry of entries) {
    try {
      const summary = await python.call("adopt_model_file", entry.name, bytesFromBase64(entry.file));
      recognizer.addModel(entry.name, entry.label, { ...entry.summary, ...summary });
      if (entry.name === "yours") {
        Object.assign(run, { summary: entry.summary, losses: entry.history.losses, accuracy: entry.history.accuracy });
        drawCharts(view, run, entry.history.accuracy.length);
        message(`Your network from your last visit is back (${percent(entry.summary.test_accuracy, 1)} right) and in the recognizer's menu. `
          + "Train again to replace it.");
        showButtons();
      }
    } catch (error) {
      console.warn(`A kept network (${entry.name}) could not be restored: ${error.message}`);
    }
  }
  recognizer.restoreChoice();
}

export function modelLabel(summary) {
  const { hidden, activation } = summary.config;
  return `yours: 784-${hidden}-10 ${activation}, trained here, ${percent(summary.test_accuracy, 1)}`;
}

function drawCharts(view, run, epochs) {
  const losses = thin(run.losses, LOSS_POINTS);
  drawChart(view.lossChart, losses, { min: 0, max: Math.max(0.5, Math.min(3, Math.max(...losses, 0))), format: (v) => v.toFixed(1) });
  drawChart(view.accuracyChart, run.accuracy, {
    min: 0.8, max: 1, steps: Math.max(epochs, run.accuracy.length, 2), dots: true, format: (v) => `${Math.round(v * 100)}%`,
  });
}

/** At most `count` points: averages of consecutive values (a smoother, shorter line). */
function thin(values, count) {
  if (values.length <= count) return values;
  const size = values.length / count;
  return Array.from({ length: count }, (_, i) => {
    const part = values.slice(Math.floor(i * size), Math.floor((i + 1) * size));
    return part.reduce((a, b) => a + b, 0) / part.length;
  });
}

function nextFrame() {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

function findView(root) {
  const find = (id) => root.querySelector(`[data-testid=${id}]`);
  return {
    root,
    settings: Object.fromEntries(SETTINGS.map((key) => [key, find(`train-${key.replace("_", "-")}`)])),
    shape: root.querySelector(".train-shape"),
    start: find("train-start"), pause: find("train-pause"), step: find("train-step"), reset: find("train-reset"),
    use: find("train-use"), download: find("train-download"),
    progress: find("train-progress"), epoch: find("train-epoch"), speed: find("train-speed"),
    time: find("train-time"), accuracy: find("train-accuracy"), message: find("train-message"),
    lossChart: find("train-loss-chart"), accuracyChart: find("train-accuracy-chart"),
    neurons: [...root.querySelectorAll(".train-neurons canvas")],
  };
}
