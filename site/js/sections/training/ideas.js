// The ideas "Watch it learn" shows: the activation, the learning rate, batches and epochs
// beside the settings that set them, and overfitting beside the accuracy chart. The numbers
// are Python's training settings (generated/facts.js), never a copy.

import { MODELS, TRAINING } from "../../generated/facts.js";
import { h } from "../../lib/dom.js";
import { whole } from "../../lib/format.js";
import { displayed, partial } from "../../lib/math.js";
import { idea } from "../../widgets/idea.js";

const { defaults, learning_rates: rates, train_images: trainDigits, test_images: testDigits } = TRAINING;
const stepsPerEpoch = (batch) => Math.ceil(trainDigits / batch);

/** The four ideas behind the settings, in the settings' order. */
export function settingsIdeas() {
  return h("div", { class: "ideas" }, activation(), learningRate(), batches(), epochs());
}

function activation() {
  const dense = MODELS.filter((model) => !model.label.startsWith("convolutional"));
  return idea({
    name: "activation", control: "train-activation", question: "Why an activation?",
    plain: "Each neuron adds up its weighted inputs, then bends the sum: the sigmoid squashes it between 0 and 1, "
      + "ReLU keeps a positive sum and turns a negative one into 0. Without that bend, more layers would add nothing: "
      + "a linear layer after a linear layer is one linear layer again, which can only split digits by straight cuts.",
    formula: "Without: W₂(W₁x + b₁) + b₂ = (W₂W₁)x + (W₂b₁ + b₂), a single layer. "
      + "With: W₂ σ(W₁x + b₁) + b₂, which no single layer equals. σ(z) = 1 / (1 + e⁻ᶻ), ReLU(z) = max(0, z).",
    numbers: `The page's networks: ${dense.map((model) => `${model.name}, a ${model.label}`).join("; ")}; `
      + "the cnn uses ReLU after each layer but the last.",
  });
}

function learningRate() {
  const conv = TRAINING.conv_defaults;
  return idea({
    name: "learning-rate", control: "train-learning-rate", question: "What is the learning rate?",
    plain: "After each batch, every weight moves a little downhill, against the gradient of the loss. The learning "
      + "rate says how far. Too small, and learning crawls; too large, and each step overshoots the valley, so the "
      + "loss jumps about or grows.",
    formula: [displayed("w", "←", "w", "−", "η", "·", partial("L", "w")), "for every weight w at once."],
    numbers: `The page starts a sigmoid network at η = ${rates.sigmoid} and a ReLU one at η = ${rates.relu}: `
      + "a ReLU passes larger gradients back, so it takes smaller steps"
      + (conv ? `; a convolutional one at η = ${conv.learning_rate}, with ${TRAINING.optimizers?.conv ?? "Adam"}, `
        + "which sizes each weight's step by how that weight's gradient has behaved." : "."),
  });
}

function batches() {
  return idea({
    name: "batches", control: "train-batch-size", question: "What is a batch?",
    plain: "The network learns neither from one digit at a time nor from all of them at once: it reads a batch of a "
      + "few digits, averages how wrong it was on them, and takes one step. Small batches give many quick, noisy "
      + "steps; large ones fewer, steadier ones.",
    formula: "L = (1/B) Σᵢ Lᵢ over the B digits of a batch; one step of gradient descent per batch.",
    numbers: `With the default batch of ${defaults.batch_size}, one pass over the ${whole(trainDigits)} training digits `
      + `is ${whole(stepsPerEpoch(defaults.batch_size))} steps.`,
  });
}

function epochs() {
  return idea({
    name: "epochs", control: "train-epochs", question: "What is an epoch?",
    plain: "One epoch is one pass over every training digit, each read once, in a fresh random order. "
      + "More epochs let the network see each digit again and refine what it learned, up to a point.",
    formula: "steps = epochs × ⌈training digits / batch size⌉",
    numbers: `The default: ${defaults.epochs} epochs × ${whole(stepsPerEpoch(defaults.batch_size))} steps = `
      + `${whole(defaults.epochs * stepsPerEpoch(defaults.batch_size))} steps, each of ${defaults.batch_size} digits.`,
  });
}

/** Overfitting, and why the test digits are kept apart: beside the accuracy chart. */
export function overfittingIdea() {
  return idea({
    name: "overfitting", control: "train-accuracy-chart", question: "Why is accuracy measured on other digits?",
    plain: "A network with enough weights can learn its training digits by heart, quirks and all, and still misread "
      + "new ones: that is overfitting. So its progress is measured on test digits kept apart, which it never learns "
      + "from. Accuracy on the training digits would keep climbing; when the test line stalls or falls while it does, "
      + "the network has stopped learning digits and started learning these digits.",
    formula: "overfitting shows as a growing gap: accuracy on training digits − accuracy on test digits.",
    numbers: `Here it learns from ${whole(trainDigits)} digits and this chart counts ${whole(testDigits)} others. `
      + "The shipped cnn was kept from overfitting with dropout and with digits varied at random (see its facts "
      + "under the recognizer).",
  });
}
