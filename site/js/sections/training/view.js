// Watch it learn, its face: the settings (their ranges and defaults are Python's, see
// generated/facts.js), the buttons, the progress and the figures, the two charts and six
// hidden neurons' weights drawn as pictures.

import { TRAINING } from "../../generated/facts.js";
import { h } from "../../lib/dom.js";
import { percent, whole } from "../../lib/format.js";
import { drawChart } from "../../widgets/chart.js";
import { drawDiverging } from "../../widgets/pictures.js";
import { overfittingIdea, settingsIdeas } from "../lessons/training-ideas.js";

const NEURON_PICTURES = 6;
const LOSS_POINTS = 400;          // the loss chart shows at most this many points (averaged)

export class TrainingView {
  /** on: the controller's handlers (start, pause, step, reset, use, download, settings, activation). */
  constructor(root, on) {
    this.root = root;
    const { limits, defaults, activations, test_images: test } = TRAINING;
    const number = (key, step) => h("input", { type: "number", "data-testid": `train-${key.replace("_", "-")}`,
      min: limits[key][0], max: limits[key][1], step, value: defaults[key], oninput: on.settings });
    this.settings = {
      hidden: number("hidden", 1),
      activation: h("select", { "data-testid": "train-activation", onchange: () => { on.activation(); on.settings(); } },
        activations.map((name) => h("option", { value: name, selected: name === defaults.activation }, name === "relu" ? "ReLU" : name))),
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
    this.shape = h("p", { class: "train-shape muted" }, "…");
    this.progress = h("progress", { "data-testid": "train-progress", max: 1, value: 0, "aria-label": "Training progress" });
    const figure = (testid) => h("dd", { "data-testid": testid }, "–");
    this.epoch = figure("train-epoch");
    this.speed = figure("train-speed");
    this.time = figure("train-time");
    this.accuracy = h("dd", { "data-testid": "train-accuracy", "data-value": "" }, "–");
    this.message = h("p", { class: "train-message", "data-testid": "train-message", role: "status" });
    this.lossChart = h("canvas", { class: "chart", "data-testid": "train-loss-chart", "aria-label": "Training loss per batch" });
    this.accuracyChart = h("canvas", { class: "chart", "data-testid": "train-accuracy-chart", "aria-label": "Test accuracy per epoch" });
    this.neurons = Array.from({ length: NEURON_PICTURES }, () => h("canvas", { width: 28, height: 28 }));
    const label = (text, field) => h("label", {}, `${text} `, field);
    root.replaceChildren(
      h("div", { class: "card train-controls" },
        h("h3", {}, "Your network"),
        h("div", { class: "train-settings" },
          label("Hidden neurons", this.settings.hidden), label("Activation", this.settings.activation),
          label("Learning rate η", this.settings.learning_rate), label("Batch size", this.settings.batch_size),
          label("Epochs", this.settings.epochs)),
        settingsIdeas(),
        this.shape,
        h("div", { class: "button-row" }, this.start, this.pause, this.step, this.reset),
        this.progress,
        h("dl", { class: "train-stats" },
          [["Epoch", this.epoch], ["Speed", this.speed], ["Training time", this.time], ["Test accuracy", this.accuracy]]
            .map(([term, value]) => h("div", {}, h("dt", {}, term), value))),
        this.message,
        h("div", { class: "button-row" }, this.use, this.download)),
      h("div", { class: "card train-charts" },
        h("h3", {}, "Loss on each batch"), this.lossChart,
        h("h3", {}, `Accuracy on ${whole(test)} test digits, after each epoch`), this.accuracyChart, overfittingIdea()),
      h("div", { class: "card train-neurons" },
        h("h3", {}, "What six hidden neurons look for"),
        h("p", { class: "muted" }, "Each picture is one hidden neuron's 784 incoming weights, laid out like the image: " +
          "warm pixels push it up, cool ones down. They start as noise and grow into strokes and blobs."),
        h("div", { class: "neuron-pictures" }, this.neurons)));
  }

  /** The settings as Python takes them. */
  readSettings() {
    return Object.fromEntries(Object.entries(this.settings).map(([key, input]) =>
      [key, input.tagName === "SELECT" ? input.value : Number(input.value)]));
  }

  /** "784 inputs → 30 sigmoid neurons → 10 outputs (softmax): 23,860 weights and biases." */
  showShape(shape, activation) {
    const [inputs, ...rest] = shape.sizes;
    const outputs = rest.pop();
    this.shape.textContent = `${inputs} inputs → ${rest.map((n) => `${n} ${activation} neurons`).join(" → ")} → ${outputs} outputs ` +
      `(softmax): ${whole(shape.parameters)} weights and biases.`;
  }

  showButtons(run) {
    this.start.disabled = run.running;
    this.start.textContent = run.started && !run.done ? "Resume" : run.done ? "Train again" : "Train";
    this.pause.disabled = !run.running;
    this.step.disabled = run.running || run.done;
    this.use.disabled = this.download.disabled = !run.summary || run.running;
    for (const input of Object.values(this.settings)) input.disabled = run.started;
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
    const latest = run.accuracy.at(-1);
    this.accuracy.textContent = latest === undefined ? "after the first epoch" : percent(latest, 1);
    this.accuracy.dataset.value = latest ?? "";
    this.drawCharts(run, slice.epochs);
    slice.neurons.slice(0, NEURON_PICTURES).forEach((weights, index) => drawDiverging(this.neurons[index], weights, 28));
  }

  showReset(run, epochs) {
    this.progress.value = 0;
    this.epoch.textContent = this.speed.textContent = this.time.textContent = "–";
    this.accuracy.textContent = "–";
    this.accuracy.dataset.value = "";
    this.drawCharts(run, epochs);
    for (const canvas of this.neurons) canvas.getContext("2d").clearRect(0, 0, canvas.width, canvas.height);
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
