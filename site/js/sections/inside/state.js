// As every state.js: plain data (what the visitor set, what is shown) and where it is kept; no DOM, no Python.
//
// Inside the network, its state: what the visitor chose (a feature map or a neuron to trace
// back, the digit "if this were a k", the probe being tried and where its slider stands) and
// the latest answer Python gave for the drawing, with every layer's values unpacked.
//
// None of it goes into the URL: each choice only means something for the drawing in front of
// the visitor, which is not in the URL either.

import { fromPython } from "../../lib/arrays.js";

export function startState() {
  return {
    chosen: null,              // {layer, unit}: a block's index and a map's or neuron's number
    coded: null,               // the index of the block whose Python is shown under it
    digit: null,               // the k of "if this were a k"; null follows the network's answer
    probe: "rotate",           // the probe whose answers are charted
    position: null,            // its slider's index into the probe's strengths (null: at 0)
    seen: null,                // the latest answer shown: see unpack()
  };
}

/**
 * Python's inside_answer for one image, with every layer's values read into numbers (lib/arrays.js).
 * A layer that repeats another's values when reading (dropout) shares that layer's array.
 * Answer: {model, image, input: {...layer, values}, layers: [{...layer, values}], softmax}.
 */
export function unpack(model, image, answer) {
  const input = { ...answer.input, values: fromPython(answer.input.values) };
  const layers = [];
  for (const layer of answer.layers) {
    const source = layer.same_as === undefined ? null : layer.same_as === "input" ? input : layers[layer.same_as];
    layers.push({ ...layer, values: source ? source.values : fromPython(layer.values) });
  }
  return { model, image, input, layers, softmax: answer.softmax };
}
