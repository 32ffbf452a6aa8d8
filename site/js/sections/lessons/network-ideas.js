// The ideas behind the shipped networks: convolution, pooling and dropout (the cnn's layers)
// and how many weights a network has compared with larger ones, beside the layers drawn in
// Inside the network; data augmentation (how the cnn was trained: its manifest's recipe),
// beside the networks' facts under the recognizer. The cnn's numbers come from its manifest,
// fetched once, when the visitor first opens one of its ideas: no copy of them lives here.

import { MODELS } from "../../generated/facts.js";
import { h } from "../../lib/dom.js";
import { percent, whole } from "../../lib/format.js";
import { idea, liveIdea } from "./idea.js";

const LAYERS = "architecture";          // the network drawn layer by layer, in Inside the network

/** Convolution, pooling, dropout and the networks' sizes, beside the layers that show them
 *  (Inside the network), folded twice so that they take one line until the visitor asks. */
export function layerIdeas() {
  return h("details", { class: "ideas-group" },
    h("summary", {}, "What these layers do, in four ideas"),
    h("div", { class: "ideas" }, convolution(), pooling(), dropout(), parameters()));
}

function convolution() {
  return withManifest({
    name: "convolution", control: LAYERS, question: "How does the cnn look at a picture? Convolution",
    plain: "Instead of one weight per pixel, a convolutional layer has small patterns of weights that it slides over "
      + "the whole picture. At each place it multiplies the pattern with the pixels under it and adds up: large "
      + "where the picture looks like the pattern. The same pattern finds a stroke wherever it is.",
    formula: "map(r, c) = Σᵤ Σᵥ w(u, v) · x(r + u, c + v) + b, for u and v across the pattern.",
  }, ({ architecture: { layers, input_shape: [side] } }) => {
    const [first, second] = layers.filter((layer) => layer.type === "Conv2D");
    const size = side - first.size + 1;
    return `The cnn's first convolution has ${first.filters} patterns of ${first.size}×${first.size}: `
      + `${first.filters} × (${first.size * first.size} weights + 1 bias) = ${whole(first.filters * (first.size ** 2 + 1))} `
      + `numbers, making ${first.filters} maps of ${size}×${size} from a ${side}×${side} digit, drawn above for yours. `
      + `Its second has ${second.filters}, each reading all ${second.in_channels} maps.`;
  });
}

function pooling() {
  return withManifest({
    name: "pooling", control: LAYERS, question: "Pooling: keep the strongest, halve the size",
    plain: "After a convolution, max-pooling keeps only the largest value of each 2×2 square. The map shrinks to a "
      + "quarter, what was found is kept, and a stroke moved by one pixel gives nearly the same result.",
    formula: "pooled(r, c) = the largest of map(2r, 2c), map(2r + 1, 2c), map(2r, 2c + 1) and map(2r + 1, 2c + 1).",
  }, ({ architecture: { layers } }) => `The cnn pools ${layers.filter((layer) => layer.type === "MaxPool2D").length} `
    + "times, each after a convolution; pooling has no weights to learn.");
}

function dropout() {
  return withManifest({
    name: "dropout", control: LAYERS, question: "Dropout: learning without leaning on one neuron",
    plain: "While it trains, a dropout layer switches off a random share of the values passing through, a different "
      + "share at every step, so the network cannot rely on any single one and has to spread what it knows. When "
      + "it reads your digit, nothing is switched off.",
    formula: "training: each value kept with probability 1 − r and scaled by 1 / (1 − r); reading: unchanged.",
  }, ({ architecture: { layers } }) => {
    const rates = layers.filter((layer) => layer.type === "Dropout").map((layer) => percent(layer.rate, 0));
    return `The cnn has ${rates.length} dropout layers, after its poolings: r = ${rates.join(" and ")}.`;
  });
}

/** How the cnn was trained, beside the networks' facts under the recognizer's menu. */
export function augmentationIdea() {
  return withManifest({
    name: "augmentation", control: "model-select", question: "How the cnn was taught: data augmentation",
    plain: "A network learns only what its training digits show it. So the cnn was also shown each digit changed a "
      + "little at random: turned, scaled, shifted, as different hands and pads would make it; and digits drawn "
      + "as pen strokes, the way this pad paints them. Same digit, new picture: it learns that the change does "
      + "not matter.",
    formula: "each step: x′ = a random small rotation, scaling and shift of x; the label stays the same.",
  }, ({ recipe, test_accuracy: accuracy, test_images: images }) => `${percent(recipe.augment_share, 0)} of its training `
    + `digits were turned by up to ±${recipe.rotate}°, scaled by up to ±${percent(recipe.scale, 0)} and shifted by up `
    + `to ${recipe.shift} pixels; ${whole(recipe.handwriting)} pen drawings joined MNIST's 60,000 digits. It learned for `
    + `${recipe.epochs} epochs in batches of ${recipe.batch_size}, with the ${recipe.optimizer} optimiser at a `
    + `learning rate of ${recipe.learning_rate}, and reads ${percent(accuracy, 2)} of ${whole(images)} test digits right.`);
}

/** An idea whose numbers are read from the cnn's manifest the first time it is opened. */
function withManifest(spec, describe) {
  const { element, numbers } = liveIdea({ ...spec, numbers: "From the cnn's manifest…" });
  element.addEventListener("toggle", async () => {
    if (!element.open || numbers.dataset.read) return;
    numbers.dataset.read = "reading";
    try {
      numbers.textContent = `From weights/cnn/manifest.json: ${describe(await cnnManifest())}`;
      numbers.dataset.read = "done";
    } catch (error) {
      numbers.textContent = `The cnn's manifest could not be read (${error.message}).`;
      delete numbers.dataset.read;
    }
  });
  return element;
}

let manifest = null;
function cnnManifest() {
  manifest ??= fetch("weights/cnn/manifest.json").then((response) => {
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return response.json();
  });
  manifest.catch(() => { manifest = null; });
  return manifest;
}

function parameters() {
  const counts = MODELS.map((model) => `${model.name} ${whole(model.parameters)}`).join(", ");
  return idea({
    name: "parameters", control: LAYERS, question: "How big are these networks?",
    plain: "A network's size is how many numbers it learns: its weights and biases, its parameters. More of them can "
      + "capture more, and need more examples and time to learn.",
    formula: "a dense layer from n inputs to m neurons has n × m weights + m biases; a convolution with f patterns of "
      + "k×k over c channels has f × (c × k × k + 1).",
    numbers: `The page's networks: ${counts}. LeNet-5, which read cheques in 1998, had about 60,000; AlexNet, which `
      + "started the deep-learning boom in 2012, about 60 million; large language models have hundreds of billions.",
  });
}
