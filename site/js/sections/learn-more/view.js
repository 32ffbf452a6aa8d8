// Learn more: the works this page stands on, each with what it adds, what these networks
// cannot do, and where on this page each idea is explained. The links are plain links: following one is the visitor's navigation, not a
// request the page makes.

import { h } from "../../lib/dom.js";

const RESOURCES = [
  { title: "Neural networks, the video series", by: "3Blue1Brown (Grant Sanderson)",
    href: "https://www.3blue1brown.com/topics/neural-networks",
    adds: "What a network is, what gradient descent and backpropagation do, drawn and animated on the same "
      + "handwritten digits: the pictures to keep in mind for everything above." },
  { title: "Neural Networks and Deep Learning", by: "Michael Nielsen",
    href: "http://neuralnetworksanddeeplearning.com/",
    adds: "A free book that builds a 784-30-10 network from scratch in Python, with every formula derived; its first "
      + "three chapters take it to about 98% on MNIST. The nielsen network here is its network." },
  { title: "CS231n: Convolutional Neural Networks for Visual Recognition, the notes", by: "Stanford University",
    href: "https://cs231n.github.io/",
    adds: "Convolution, pooling, dropout and how to train them well: what it takes to go past 99%, and the layer "
      + "design (forward and backward for each layer) this page's Python follows." },
  { title: "Python and numpy tutorial", by: "CS231n, Stanford University",
    href: "https://cs231n.github.io/python-numpy-tutorial/",
    adds: "The numpy a network is written in: arrays, broadcasting, and thinking in whole matrices instead of loops." },
  { title: "The Python Tutorial", by: "the Python Software Foundation",
    href: "https://docs.python.org/3/tutorial/",
    adds: "The language itself, from the start, for anyone who wants to read or change this page's Python." },
  { title: "Mind: How to Build a Neural Network", by: "Steven Miller",
    href: "https://stevenmiller888.github.io/mind-how-to-build-a-neural-network/",
    adds: "A network with two inputs learns XOR, with the forward pass and backpropagation worked by hand, number "
      + "by number: the machine's knobs, written out." },
];

// Where each idea is explained on this page, in the order a learner meets them: the section
// (its id) and the control or picture it is folded beside.
const IDEAS = [
  ["activation", "Why an activation", "train", "Watch it learn, under the settings (Activation)"],
  ["learning-rate", "The learning rate", "train", "Watch it learn, under the settings (Learning rate η)"],
  ["batches", "Batches", "train", "Watch it learn, under the settings (Batch size)"],
  ["epochs", "Epochs", "train", "Watch it learn, under the settings (Epochs)"],
  ["softmax", "Softmax", "machine", "The MNIST machine, under its ten outputs"],
  ["cross-entropy", "Cross-entropy", "machine", "The MNIST machine, under the loss"],
  ["backpropagation", "Backpropagation and the chain rule", "machine", "The MNIST machine, under the hint arrows, with its numbers"],
  ["overfitting", "Overfitting", "train", "Watch it learn, under the accuracy chart"],
  ["test-set", "Why a test set is kept apart", "mnist", "How good is it, beside the confusion matrix"],
  ["convolution", "Convolution", "inside", "Inside the network, under the layers"],
  ["pooling", "Pooling", "inside", "Inside the network, under the layers"],
  ["dropout", "Dropout", "inside", "Inside the network, under the layers"],
  ["parameters", "How big a network is", "inside", "Inside the network, under the layers"],
  ["augmentation", "Data augmentation", "draw", "The recognizer, under the networks' facts"],
  ["distribution-shift", "Distribution shift", "mnist", "Meet MNIST, beside your digit and MNIST's"],
];

function ideasMap() {
  return h("div", { class: "card ideas-map" },
    h("h3", {}, "Where this page explains each idea"),
    h("ul", { "data-testid": "ideas-map" }, IDEAS.map(([name, idea, section, where]) =>
      h("li", { "data-idea-map": name, "data-section": section }, h("strong", {}, idea), `: ${where}.`))));
}

export function learnMoreView(root) {
  root.replaceChildren(
    h("div", { class: "learn-more" },
      h("p", { class: "lede" }, "Everything on this page is explained, from the ground up, in the works it was built "
        + "from. Each is free to read or watch."),
      h("ul", { class: "resources", "data-testid": "learn-more" }, RESOURCES.map((resource) =>
        h("li", { class: "card resource" },
          h("h3", {}, h("a", { href: resource.href }, resource.title)),
          h("p", { class: "resource-by muted" }, resource.by),
          h("p", {}, resource.adds)))),
      h("div", { class: "card limits" },
        h("h3", {}, "What these networks cannot do"),
        h("p", {}, "They read one digit, alone, roughly centred, on an empty background: not a number, not a word, "
          + "not a digit in a photograph. And they know handwriting only as MNIST's writers, American Census "
          + "Bureau employees and high-school students, shaped their digits, plus the pen drawings the page "
          + "added: a style of digit none of their examples showed may still surprise them. What they "
          + "learned is what they were shown.")),
      ideasMap()));
}
