// The machine's face: the panels (panels.js) laid out in the section's root, and what they
// show of the state and of Python's answers. Nothing here decides anything; the controller does.

import { MACHINE } from "../../generated/facts.js";
import { h } from "../../lib/dom.js";
import { signed } from "../../lib/format.js";
import { CodeView } from "../../widgets/code.js";
import { arrowDefinitions, cellName, controlsBar, hiddenPanel, inputPanel, lossPanel, outputPanel, setPanel, setRows } from "./panels.js";
import { flatKnobs, getKnob } from "./state.js";
import { BackpropagationIdea, crossEntropyIdea, softmaxIdea } from "./ideas.js";

export class MachineView {
  /** on: the controller's handlers for what the visitor does (see panels.js). */
  constructor(root, on) {
    this.on = on;
    this.lossPanel = lossPanel();
    this.input = inputPanel(on);
    this.hidden = hiddenPanel(on);
    this.output = outputPanel(on);
    this.controls = controlsBar(on);
    this.set = setPanel();
    this.message = h("p", { class: "machine-message", role: "status" });
    this.backpropagation = new BackpropagationIdea();
    this.lossPanel.element.append(crossEntropyIdea());
    this.output.element.append(softmaxIdea());
    this.machine = h("div", { class: "machine", "data-testid": "machine", "data-busy": "true", "data-auto": "idle" },
      arrowDefinitions(),
      h("div", { class: "machine-deck" }, this.lossPanel.element, this.input.element, this.hidden.element, this.output.element),
      this.controls.element, this.backpropagation.element,
      new CodeView({ summary: "The Python of backpropagation, as the machine runs it", load: () => on.loadCode("machine") }).element,
      this.set.element);
    root.replaceChildren(
      h("p", { class: "machine-lede" },
        "Draw a digit on the 25 buttons, tell the machine which digit it is, then turn the knobs until the loss " +
        "goes down. Each knob is one weight of a small network: 25 inputs, 5 hidden neurons, 10 outputs. " +
        "Turning them by hand, a little at a time, in whichever direction lowers the loss, is exactly what " +
        "training does; the hint shows you that direction, worked out by backpropagation."),
      this.message, this.machine);
  }

  /** The examples arrived: they fill the training set, and the buttons that load them wake up. */
  showExamples(examples) {
    this.set.rows = setRows(examples, this.on);
    this.set.items.replaceChildren(...this.set.rows.map((row) => row.item));
    for (const button of this.input.examples) button.disabled = false;
    this.controls.auto.disabled = false;
  }

  showBusy(busy) {
    this.machine.dataset.busy = String(busy);
  }

  showAutoRunning(running) {
    const { auto, step } = this.controls;
    this.machine.dataset.auto = running ? "running" : "idle";
    auto.textContent = running ? "Stop" : "Auto";
    auto.setAttribute("aria-pressed", String(running));
    step.disabled = running;
  }

  showMessage(text) {
    if (this.message.textContent !== text) this.message.textContent = text;
  }

  /** Everything the visitor set: cells, knobs, the chosen neuron, output and target, the controls. */
  render(state) {
    const { input, hidden, output, controls } = this;
    input.cells.forEach((cell, i) => cell.setAttribute("aria-pressed", String(state.cells[i] === 1)));
    hidden.lamps.forEach((lamp, j) => {
      lamp.button.setAttribute("aria-pressed", String(j === state.neuron));
      state.knobs.hidden_weights[j].forEach((w, i) => paintWeight(lamp.squares[i], w));
    });
    const j = state.neuron;
    hidden.title.textContent = `Knobs into hidden neuron ${j + 1}`;
    hidden.knobs.forEach((knob, i) => {
      knob.label(`Weight from cell ${cellName(i)} into hidden neuron ${j + 1}`);
      knob.show(state.knobs.hidden_weights[j][i]);
      knob.element.parentElement.classList.toggle("lit", state.cells[i] === 1);
      knob.element.classList.toggle("idle", state.cells[i] === 0);
    });
    hidden.bias.label(`Bias of hidden neuron ${j + 1}`);
    hidden.bias.show(state.knobs.hidden_biases[j]);

    const k = state.output;
    output.title.textContent = `Knobs into output ${k}`;
    output.knobs.forEach((knob, i) => {
      knob.label(`Weight from hidden neuron ${i + 1} into output ${k}`);
      knob.show(state.knobs.output_weights[k][i]);
    });
    output.bias.label(`Bias of output ${k}`);
    output.bias.show(state.knobs.output_biases[k]);
    output.matrixRows.forEach(({ row, squares }, digit) => {
      row.setAttribute("aria-pressed", String(digit === k));
      [...state.knobs.output_weights[digit], state.knobs.output_biases[digit]].forEach((w, i) => paintWeight(squares[i], w));
    });
    output.outputs.forEach(({ button }, digit) => button.setAttribute("aria-pressed", String(digit === state.target)));
    this.lossPanel.label.replaceChildren("loss = −log p", h("sub", {}, String(state.target)),
      h("span", { class: "loss-for" }, ` (the right answer is ${state.target})`));
    controls.hint.checked = state.hint;
    controls.scope[state.scope].checked = true;
    controls.rate.value = String(state.rate);
  }

  /** Python's forward pass for the drawing: the loss, the lamps' glow, the curve's dots, the ten outputs. */
  showForward(state, forward) {
    const { lossPanel, hidden, output } = this;
    this.backpropagation.showForward(state, forward);
    lossPanel.display.show(forward.loss);
    lossPanel.loss.textContent = forward.loss.toFixed(4);
    lossPanel.loss.dataset.loss = String(forward.loss);
    forward.hidden_activation.forEach((a, j) => {
      const lamp = hidden.lamps[j];
      lamp.button.style.setProperty("--glow", a.toFixed(3));
      lamp.button.classList.toggle("bright", a > 0.6);
      lamp.value.textContent = a.toFixed(2);
      const z = Math.max(-6, Math.min(6, forward.hidden_weighted_sum[j]));
      const dot = hidden.curve.dots[j];
      dot.setAttribute("transform", `translate(${hidden.curve.x(z).toFixed(1)} ${hidden.curve.y(a).toFixed(1)})`);
      dot.classList.toggle("chosen", j === state.neuron);
    });
    const j = state.neuron;
    const z = forward.hidden_weighted_sum[j], a = forward.hidden_activation[j];
    hidden.formula.textContent = `z = Σ wᵢxᵢ + b = ${signed(z)}    a = σ(z) = ${a.toFixed(2)}`;
    const top = forward.output_activation.indexOf(Math.max(...forward.output_activation));
    forward.output_activation.forEach((p, k) => {
      const { row, bar, fill, value } = output.outputs[k];
      bar.dataset.prob = p.toFixed(4);
      fill.style.setProperty("--p", p.toFixed(4));
      value.textContent = `${(p * 100).toFixed(p < 0.1 ? 1 : 0)}%`;
      row.classList.toggle("top", k === top);
      row.classList.toggle("right", k === state.target);
    });
  }

  /** Mark each shown knob with the way to turn it to lower the loss: the arc's length is the gradient's size. */
  showHint(state, gradient) {
    const largest = gradient ? Math.max(...flatKnobs(gradient).map(Math.abs)) || 1 : 1;
    const at = (address) => (gradient ? getKnob(gradient, address) : null);
    const { hidden, output } = this;
    this.backpropagation.showHint(gradient);
    hidden.knobs.forEach((knob, i) => knob.hint(at(["hidden_weights", state.neuron, i]), largest));
    hidden.bias.hint(at(["hidden_biases", state.neuron]), largest);
    output.knobs.forEach((knob, i) => knob.hint(at(["output_weights", state.output, i]), largest));
    output.bias.hint(at(["output_biases", state.output]), largest);
  }

  /** Each example's loss and reading; answers come in the order the examples were sent (the rows' order). */
  showSet(set) {
    const panel = this.set;
    panel.display.show(set.mean);
    panel.loss.textContent = set.mean.toFixed(4);
    panel.summary.textContent = `total ${set.total.toFixed(2)} · reads ${set.correct} of ${set.losses.length} right`;
    panel.rows.forEach((row, i) => {
      row.loss.textContent = set.losses[i].toFixed(2);
      row.button.dataset.loss = set.losses[i].toFixed(4);
      row.fill.style.setProperty("--p", Math.min(1, set.losses[i] / 4).toFixed(3));
      row.guess.textContent = `reads ${set.guesses[i]}`;
      row.button.classList.toggle("wrong", set.guesses[i] !== row.target);
    });
  }

  /** The loss after each move, as a small line, and the last change as ▼/▲. */
  showHistory(history, previous) {
    const { history: figure, spark, sparkDot, delta } = this.lossPanel;
    figure.dataset.count = String(history.length);
    const top = Math.max(0.5, ...history);
    const x = (i) => (history.length === 1 ? 60 : (i / (history.length - 1)) * 116 + 2);
    const points = history.map((loss, i) => [x(i), 30 - (loss / top) * 27]);
    spark.setAttribute("points", points.map((p) => p.map((v) => v.toFixed(1)).join(",")).join(" "));
    const last = points.at(-1);
    sparkDot.setAttribute("visibility", last ? "visible" : "hidden");
    if (last) sparkDot.setAttribute("transform", `translate(${last[0]} ${last[1]})`);
    const change = previous === undefined ? null : history.at(-1) - previous;
    const visible = change !== null && Math.abs(change) >= 5e-5;
    delta.textContent = visible ? `${change < 0 ? "▼" : "▲"} ${Math.abs(change).toFixed(3)}` : "";
    delta.className = `loss-delta ${change < 0 ? "down" : "up"}`;
  }
}

/** A weight as a colour: warm for positive, cool for negative, stronger the bigger it is (small ones still show). */
function paintWeight(square, weight) {
  square.classList.toggle("negative", weight < 0);
  square.style.setProperty("--strength", Math.sqrt(Math.abs(weight) / MACHINE.knob_limit).toFixed(3));
}
