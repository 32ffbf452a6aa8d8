// The ideas behind the layers drawn in Inside the network: convolution, pooling and dropout (the
// cnn's layers, with the cnn's numbers from its manifest) and how many weights a network has
// compared with larger ones.

import { MODELS } from "../../generated/facts.js";
import { h } from "../../lib/dom.js";
import { percent, whole } from "../../lib/format.js";
import { idea } from "../../widgets/idea.js";
import { manifestIdea } from "../../widgets/manifest-idea.js";

const LAYERS = "architecture";          // the network drawn layer by layer, in Inside the network

/** Convolution, pooling, dropout and the networks' sizes, beside the layers that show them
 *  (Inside the network), folded twice so that they take one line until the visitor asks. */
export function layerIdeas() {
  return h("details", { class: "ideas-group" },
    h("summary", {}, "What these layers do, in four ideas"),
    h("div", { class: "ideas" }, convolution(), pooling(), dropout(), parameters()));
}

function convolution() {
  return manifestIdea({
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
  return manifestIdea({
    name: "pooling", control: LAYERS, question: "Pooling: keep the strongest, halve the size",
    plain: "After a convolution, max-pooling keeps only the largest value of each 2×2 square. The map shrinks to a "
      + "quarter, what was found is kept, and a stroke moved by one pixel gives nearly the same result.",
    formula: "pooled(r, c) = the largest of map(2r, 2c), map(2r + 1, 2c), map(2r, 2c + 1) and map(2r + 1, 2c + 1).",
  }, ({ architecture: { layers } }) => `The cnn pools ${layers.filter((layer) => layer.type === "MaxPool2D").length} `
    + "times, each after a convolution; pooling has no weights to learn.");
}

function dropout() {
  return manifestIdea({
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
