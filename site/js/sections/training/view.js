// Watch it learn, its face: the choice of network and its settings (their names, ranges and
// defaults are Python's, see generated/facts.js), the buttons, the progress and the figures, the two
// charts, and what the network learns to look for: six hidden neurons' weights for a dense
// network, the filters and feature maps for a convnet (filters.js).

import { NAMES, TRAINING } from "../../generated/facts.js";
import { rowsOf } from "../../lib/arrays.js";
import { h } from "../../lib/dom.js";
import { percent, whole } from "../../lib/format.js";
import { drawChart } from "../../widgets/chart.js";
import { drawDiverging } from "../../widgets/pictures.js";
import { overfittingIdea, settingsIdeas } from "./ideas.js";
import { FilterPictures } from "./filters.js";

const NEURON_PICTURES = 6;
const LOSS_POINTS = 400;          // the loss chart shows at most this many points (averaged)
const SETTINGS_OF = { dense: TRAINING.defaults, conv: TRAINING.conv_defaults };   // each network's settings, with defaults

export class TrainingView {
  /** on: the controller's handlers (start, pause, step, reset, use, download, settings, network, activation). */
  constructor(root, on) {
    this.root = root;
    const { limits, defaults, activations, networks, test_images: test } = TRAINING;
    const number = (key, step) => h("input", { type: "number", "data-testid": `train-${key.replace("_", "-")}`,
      min: limits[key][0], max: limits[key][1], step, value: defaults[key] ?? SETTINGS_OF.conv[key], oninput: on.settings });
    this.settings = {
      network: h("select", { "data-testid": "train-network", onchange: () => { on.network(); on.settings(); } },
        networks.map((name) => h("option", { value: name, selected: name === defaults.network }, NAMES.kinds[name]))),
      hidden: number("hidden", 1),
      activation: h("select", { "data-testid": "train-activation", onchange: () => { on.activation(); on.settings(); } },
        activations.map((name) => h("option", { value: name, selected: name === defaults.activation }, NAMES.activations[name]))),
      filters1: number("filters1", 1),
      filters2: number("filters2", 1),
      dense: number("dense", 1),
      shift: number("shift", 1),
      learning_rate: number("learning_rate", "any"),
      batch_size: number("batch_size", 1),
      epochs: number("epochs", 1),
    };
    const button = (testid, text, onclick, primary = false) =>
      h("button", { type: "button", class: primary ? "button primary" : "button", "data-testid": testid, onclick }, text);
    this.start = button("train-start", "Train", on.start, true);
    this.pause = button("train-pause", "Pause", on.pause);
    this.step = button("train-step", "Step one batch", on.step);
    this.reset = button("train-reset", "Reset", on.reset);
    this.use = button("train-use", "Try it in the recognizer", on.use);
    this.download = button("train-download", "Download its weights (.zip of .npy)", on.download);
    this.shape = h("p", { class: "train-shape muted", "data-testid": "train-shape" }, "…");
    this.progress = h("progress", { "data-testid": "train-progress", max: 1, value: 0, "aria-label": "Training progress" });
    const figure = (testid) => h("dd", { "data-testid": testid }, "–");
    this.epoch = figure("train-epoch");
    this.speed = figure("train-speed");
    this.time = figure("train-time");
    this.steps = figure("train-steps");
    this.accuracy = h("dd", { "data-testid": "train-accuracy", "data-value": "" }, "–");
    this.message = h("p", { class: "train-message", "data-testid": "train-message", role: "status" });
    this.lossChart = h("canvas", { class: "chart", "data-testid": "train-loss-chart", "aria-label": "Training loss per batch" });
    this.accuracyChart = h("canvas", { class: "chart", "data-testid": "train-accuracy-chart", "aria-label": "Test accuracy per epoch" });
    this.neurons = Array.from({ length: NEURON_PICTURES }, () => h("canvas", { width: 28, height: 28 }));
    this.filters = new FilterPictures();
    const label = (text, key) => h("label", { "data-setting": key }, `${text} `, this.settings[key]);
    this.neuronsCard = h("div", { class: "card train-neurons" },
      h("h3", {}, "What six hidden neurons look for"),
      h("p", { class: "muted" }, "Each picture is one hidden neuron's 784 incoming weights, laid out like the image: " +
        "warm pixels push it up, cool ones down. They start as noise and grow into strokes and blobs."),
      h("div", { class: "neuron-pictures" }, this.neurons));
    this.convNote = h("details", { class: "train-conv-note" },
      h("summary", {}, "Why a convolutional network?"),
      h("p", {}, "A dense neuron has one weight for every pixel, so it must learn a stroke again at every place it may appear. "
        + "A filter is one small pattern of weights used at every place: far fewer weights, "
        + "and a stroke is a stroke wherever it is. "
        + `This one learns with ${TRAINING.optimizers.conv} (which gives every weight its own step size) in batches, `
        + "and sees each training digit moved by a few pixels this way or that, a new move every time: "
        + "a digit a little off centre is the same digit."),
      h("p", { "data-testid": "train-comparison" }, comparisonSentence(TRAINING.comparison)));
    root.replaceChildren(
      h("div", { class: "card train-controls" },
        h("h3", {}, "Your network"),
        h("label", { class: "train-network" }, "Kind of network ", this.settings.network),
        h("div", { class: "train-settings" },
          label("Hidden neurons", "hidden"), label("Activation", "activation"),
          label("Filters, first convolution", "filters1"),
          label("Filters, second convolution", "filters2"),
          label("Dense layer neurons (0: none)", "dense"),
          label("Shift training digits by up to (pixels)", "shift"),
          label("Learning rate η", "learning_rate"), label("Batch size", "batch_size"),
          label("Epochs", "epochs")),
        settingsIdeas(),
        this.shape,
        this.convNote,
        h("div", { class: "button-row" }, this.start, this.pause, this.step, this.reset),
        this.progress,
        h("dl", { class: "train-stats" },
          [["Epoch", this.epoch], ["Batches done", this.steps], ["Speed", this.speed], ["Training time", this.time],
            ["Test accuracy", this.accuracy]]
            .map(([term, value]) => h("div", {}, h("dt", {}, term), value))),
        this.message,
        h("div", { class: "button-row" }, this.use, this.download)),
      h("div", { class: "card train-charts" },
        h("h3", {}, "Loss on each batch"), this.lossChart,
        h("h3", {}, `Accuracy on ${whole(test)} test digits, after each epoch`), this.accuracyChart, overfittingIdea()),
      this.neuronsCard, this.filters.kernelsCard, this.filters.mapsCard);
    this.showNetwork(defaults.network);
  }

  /** The chosen kind of network: "dense" or "conv". */
  get network() {
    return this.settings.network.value;
  }

  /** Show the settings and the pictures of `network`; with `defaults`, put its usual settings in the fields. */
  showNetwork(network, { defaults = false } = {}) {
    for (const field of this.root.querySelectorAll("[data-setting]")) {
      field.hidden = !(field.dataset.setting in SETTINGS_OF[network]);
    }
    if (defaults) {
      for (const key of ["learning_rate", "batch_size", "epochs"]) this.settings[key].value = String(SETTINGS_OF[network][key]);
    }
    const conv = network === "conv";
    this.neuronsCard.hidden = conv;
    this.filters.kernelsCard.hidden = this.filters.mapsCard.hidden = this.convNote.hidden = !conv;
    this.root.dataset.network = network;
  }

  /**
   * The settings of the chosen network, as Python takes them: its inputs are named after a TrainingConfig's keys.
   * @returns {import("../../api.js").TrainingConfig}
   */
  readSettings() {
    return /** @type {import("../../api.js").TrainingConfig} */ (Object.fromEntries(
      Object.keys(SETTINGS_OF[this.network]).map((key) => {
        const input = this.settings[key];
        return [key, input.tagName === "SELECT" ? input.value : Number(input.value)];
      })));
  }

  /** "784 inputs → 30 sigmoid neurons → 10 outputs (softmax): 23,860 weights and biases", or a convnet's blocks. */
  showShape(shape, settings) {
    this.shape.textContent = `${describeShape(shape, settings)}: ${whole(shape.parameters)} weights and biases.`;
  }

  showButtons(run) {
    this.start.disabled = run.running;
    this.start.textContent = run.started && !run.done ? "Resume" : run.done ? "Train again" : "Train";
    this.pause.disabled = !run.running;
    this.step.disabled = run.running || run.done;
    this.use.disabled = this.download.disabled = !run.summary || run.running;
    for (const input of Object.values(this.settings)) input.disabled = run.started;
    this.root.dataset.steps = run.steps;
    this.root.dataset.state = run.running ? "training" : run.done ? "done" : run.started ? "paused" : "idle";
  }

  /** The networks kept on an earlier visit are back (or there were none): tests wait for this. */
  showRestored() {
    this.root.dataset.kept = "restored";
  }

  say(text) {
    this.message.textContent = text;
  }

  /** Where a run is: its progress, epoch, speed, time, accuracy, charts and neurons. */
  showRun(run, slice) {
    this.progress.value = (slice.epoch + slice.batch / slice.batches) / slice.epochs;
    this.epoch.textContent = `${Math.min(slice.epoch + 1, slice.epochs)} of ${slice.epochs}` + (slice.done ? " (done)" : "");
    this.speed.textContent = run.speed ? `${whole(Math.round(run.speed))} images/s` : "–";
    this.time.textContent = `${slice.seconds.toFixed(1)} s`;
    this.steps.textContent = whole(run.steps);
    this.root.dataset.steps = run.steps;
    const latest = run.accuracy.at(-1);
    this.accuracy.textContent = latest === undefined ? "after the first epoch" : percent(latest, 1);
    this.accuracy.dataset.value = latest ?? "";
    this.drawCharts(run, slice.epochs);
    if (slice.kernels) this.filters.showKernels(slice.kernels);
    else rowsOf(slice.neurons).slice(0, NEURON_PICTURES).forEach((weights, index) => drawDiverging(this.neurons[index], weights, 28));
  }

  showReset(run, epochs) {
    this.progress.value = 0;
    this.epoch.textContent = this.speed.textContent = this.time.textContent = this.steps.textContent = "–";
    this.accuracy.textContent = "–";
    this.accuracy.dataset.value = "";
    this.drawCharts(run, epochs);
    for (const canvas of this.neurons) canvas.getContext("2d").clearRect(0, 0, canvas.width, canvas.height);
    this.filters.clear();
    this.say("");
  }

  drawCharts(run, epochs) {
    const losses = thin(run.losses);
    drawChart(this.lossChart, losses, { min: 0, max: Math.max(0.5, Math.min(3, Math.max(...losses, 0))), format: (v) => v.toFixed(1) });
    drawChart(this.accuracyChart, run.accuracy, {
      min: 0.8, max: 1, steps: Math.max(epochs, run.accuracy.length, 2), dots: true, format: (v) => `${Math.round(v * 100)}%`,
    });
  }
}

/** At most LOSS_POINTS points: averages of consecutive values (a smoother, shorter line). */
export function thin(values, count = LOSS_POINTS) {
  if (values.length <= count) return values;
  const size = values.length / count;
  return Array.from({ length: count }, (_, i) => {
    const part = values.slice(Math.floor(i * size), Math.floor((i + 1) * size));
    return part.reduce((a, b) => a + b, 0) / part.length;
  });
}

/** A network in words: "784 inputs → 30 sigmoid neurons → 10 outputs (softmax)", or its blocks. */
export function describeShape(shape, settings) {
  if (shape.sizes) {
    const [inputs, ...rest] = shape.sizes;
    const outputs = rest.pop();
    const hidden = rest.map((n) => `${n} ${settings.activation} neurons`);
    return `${inputs} inputs → ${hidden.join(" → ")} → ${outputs} outputs (softmax)`;
  }
  const shown = shape.blocks.filter((block) => !["ReLU", "Flatten", "Softmax"].includes(block.kind));
  return shown.map((block) => block.kind === "Input" ? `${block.shape} image`
    : block.kind === "Dense" ? `${block.shape} ${block.shape === "10" ? "outputs (softmax)" : "ReLU neurons"}`
      : `${block.title} (${block.shape})`).join(" → ");
}

/** The measured comparison of the default convnet with a dense network of its size, in one sentence. */
function comparisonSentence({ seconds, conv, dense }) {
  return `Measured on a 2-core computer: after ${seconds} s of training in this page, the default convnet `
    + `(${whole(conv.parameters)} weights) read ${percent(conv.accuracy, 1)} of the ${whole(TRAINING.test_images)} test digits. `
    + `A dense network of about its size (784-${dense.hidden}-10, ${whole(dense.parameters)} weights) is far quicker per digit: `
    + `its ${dense.epochs} epochs (${Math.round(dense.images / conv.images)} times as many digits) took `
    + `${Math.round(dense.seconds)} s, yet it read only ${percent(dense.accuracy, 1)}.`;
}
