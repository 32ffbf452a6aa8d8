// The network drawn block by block, from the picture to the ten probabilities, with what each
// block makes of the visitor's drawing: feature maps as small pictures, rows of neurons as
// rows of cells, each layer on one colour scale whose range is written beside it.
//
// The blocks are Python's (inside_architecture): kind, output shape, parameters and role come
// from the network itself, so a network trained in the page is drawn as truly as a shipped one.
// A map or a neuron can be chosen (click, or the keyboard) to see what produced it.

import { h } from "../../lib/dom.js";
import { whole } from "../../lib/format.js";
import { activityScale, paintGrid, paintLegend } from "../../widgets/heatmap.js";

const ROW_CELLS = 32;          // neurons per line in a row of neurons

export class Flow {
  /** on.choose(block, unit): the visitor chose feature map or neuron `unit` of block `block`;
   *  on.pickLayer(block): they pressed somewhere in block `block` (its code opens there). */
  constructor(on) {
    this.on = on;
    this.total = h("p", { class: "flow-total" });
    this.list = h("ol", { class: "layer-flow", "data-testid": "architecture" });
    this.element = h("div", { class: "flow-wrap" }, this.total, this.list);
    this.blocks = [];
  }

  /** Draw `architecture`'s blocks, each waiting for a drawing. */
  build(architecture) {
    this.list.dataset.model = architecture.name;
    this.list.dataset.parameters = String(architecture.parameters);
    const layers = architecture.blocks.filter((b) => b.layer !== null).length;
    this.total.textContent = `The ${architecture.name} network: ${layers} layers between your picture and the answer, `
      + `${whole(architecture.parameters)} weights and biases in all, each one learned in training.`;
    this.blocks = architecture.blocks.map((block) => new Block(block, this.on));
    this.list.replaceChildren(...this.blocks.map((b) => b.element));
  }

  /** Every block's output for the drawing: `seen` is state.unpack()'s answer. */
  show(seen) {
    for (const block of this.blocks) block.show(outputOf(block.block, seen));
  }

  clear() {
    for (const block of this.blocks) block.show(null);
  }

  /** The element of block `index`, where its code is shown; null past the last. */
  elementOf(index) {
    return this.blocks[index]?.element ?? null;
  }

  /** Mark the chosen map or neuron (or none); returns the block that holds it. */
  mark(chosen) {
    for (const block of this.blocks) block.mark(chosen?.block === block.block.block ? chosen.unit : null);
    return chosen ? this.blocks[chosen.block] : null;
  }
}

/** What a block shows for the drawing: {dims, low, high, values}, or null. */
function outputOf(block, seen) {
  if (!seen) return null;
  if (block.kind === "Input") return seen.input;
  if (block.layer === null) {                       // the softmax after the last layer
    const values = seen.softmax.probabilities;
    return { dims: [values.length], low: 0, high: 1, values };
  }
  return seen.layers[block.layer];
}

/** One block: its name, shape and parameters, its output, and room for what made a unit of it. */
class Block {
  constructor(block, on) {
    this.block = block;
    const { kind, shape, parameters } = block;
    this.units = unitsOf(block, (unit) => on.choose(block.block, unit));
    this.range = h("span", { class: "block-range" });
    this.legend = h("canvas", { class: "scale-strip", "aria-hidden": "true" });
    this.detail = h("div", { class: "block-detail", "aria-live": "polite" });
    const output = this.units
      ? [this.units.element, h("p", { class: "block-scale" }, this.legend, this.range)]
      : h("p", { class: "muted block-same" }, "When reading, these are the numbers of the layer above, unchanged.");
    const weights = parameters ? `${whole(parameters)} weights and biases` : "nothing to learn";
    this.element = h("li", { class: `layer-block kind-${kind.toLowerCase()}`, "data-testid": `layer-${block.block}`,
                             "data-kind": kind, "data-shape": shape, "data-parameters": String(parameters),
                             // A press of the pointer anywhere in the block opens its code; keys (a
                             // click of detail 0) only do what the focused control does.
                             onclick: (/** @type {MouseEvent} */ event) => event.detail > 0 && on.pickLayer(block.block) },
      h("div", { class: "block-head" },
        h("h4", {}, block.title),
        h("p", { class: "block-facts" }, `${shape.replaceAll("x", "×")} · ${weights}`),
        h("p", { class: "block-role" }, block.role),
        h("button", { type: "button", class: "code-open", "aria-label": `Its Python: the code of ${block.title}`,
                      onclick: () => on.pickLayer(block.block, { again: true }) }, "Its Python")),
      h("div", { class: "block-body" }, output),
      this.detail);
  }

  show(output) {
    this.element.classList.toggle("waiting", !output);
    if (!output || !this.units) {
      this.range.textContent = "";
      this.units?.show(null);
      return;
    }
    const scale = activityScale(output.low, output.high);
    this.units.show(output, scale);
    paintLegend(this.legend, Math.min(output.low, 0), output.high, scale);
    this.range.textContent = `${number(Math.min(output.low, 0))} to ${number(output.high)}`;
  }

  mark(unit) {
    this.units?.mark?.(unit);
    if (unit === null) this.detail.replaceChildren();
  }
}

/**
 * How a block shows its output: maps, a picture, a row of neurons, or nothing of its own (dropout).
 * A picture has no units to mark.
 * @returns {{ element: Element, show: (output: any, scale?: any) => void, mark?: (unit: number | null) => void } | null}
 */
function unitsOf(block, choose) {
  const { kind, dims, layer } = block;
  if (kind === "Dropout") return null;
  if (kind === "Input") return new Picture(block);
  if (dims.length === 3) return new Maps(block, choose);
  return new Row(block, kind === "Flatten" || layer === null ? null : choose);
}

/** The input: one 28x28 picture. */
class Picture {
  constructor({ dims }) {
    this.dims = dims;
    this.canvas = h("canvas", { class: "map-tile picture", width: dims[1], height: dims[0], role: "img",
                                "aria-label": "The 28 by 28 picture the network reads" });
    this.element = this.canvas;
  }

  show(output, scale) {
    if (output) paintGrid(this.canvas, output.values, this.dims[1], this.dims[0], scale);
    else this.canvas.getContext("2d").clearRect(0, 0, this.canvas.width, this.canvas.height);
  }
}

/** A layer's feature maps, small multiples on one scale; each a button (one tab stop for all, arrows between). */
class Maps {
  constructor({ dims, title }, choose) {
    const [height, width, count] = dims;
    this.size = { width, height };
    this.buttons = Array.from({ length: count }, (_, unit) => {
      const canvas = h("canvas", { class: "map-tile", width, height });
      return h("button", { type: "button", class: "map-button", tabindex: unit === 0 ? "0" : "-1",
                           "aria-pressed": "false", "aria-label": `map ${unit + 1}`,
                           onclick: () => choose(unit) }, canvas);
    });
    this.canvases = this.buttons.map((button) => /** @type {HTMLCanvasElement} */ (button.firstChild));
    this.element = h("div", { class: `map-tiles map-tiles-${width}`, role: "group",
                              "aria-label": `The ${count} feature maps of ${title}: choose one to see what made it`,
                              onkeydown: (event) => this.move(event) }, this.buttons);
  }

  show(output, scale) {
    const { width, height } = this.size;
    this.canvases.forEach((canvas, unit) => {
      if (output) paintGrid(canvas, output.values, width, height, scale, unit * width * height);
      else canvas.getContext("2d").clearRect(0, 0, width, height);
    });
  }

  mark(unit) {
    this.buttons.forEach((button, i) => button.setAttribute("aria-pressed", String(i === unit)));
    if (unit !== null) this.rove(unit);
  }

  rove(unit) {
    this.buttons.forEach((button, i) => { button.tabIndex = i === unit ? 0 : -1; });
  }

  move(event) {
    const steps = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };
    const now = this.buttons.findIndex((button) => button === document.activeElement);
    if (now < 0) return;
    const last = this.buttons.length - 1;
    const next = event.key === "Home" ? 0 : event.key === "End" ? last
      : event.key in steps ? Math.min(last, Math.max(0, now + steps[event.key])) : null;
    if (next === null) return;
    event.preventDefault();
    this.rove(next);
    this.buttons[next].focus();
  }
}

/** A row of neurons as cells, ROW_CELLS to a line; a slider of neurons when they can be chosen. */
class Row {
  constructor({ dims, title }, choose) {
    const count = dims[0];
    this.count = count;
    this.columns = count <= 40 ? count : count <= 256 ? ROW_CELLS : 2 * ROW_CELLS;
    this.lines = Math.ceil(count / this.columns);
    this.padded = new Float32Array(this.columns * this.lines);
    const chooser = { tabindex: "0", role: "slider", "aria-label": `Neurons of ${title}: choose one with the arrow keys or a click`,
                      "aria-valuemin": "0", "aria-valuemax": String(count - 1), "aria-valuenow": "0", "aria-valuetext": "none chosen yet",
                      onclick: (event) => this.pick(event), onkeydown: (event) => this.step(event) };
    const picture = { role: "img", "aria-label": `${count} values of ${title}` };
    this.canvas = h("canvas", { class: "neuron-cells", width: this.columns, height: this.lines, ...(choose ? chooser : picture) });
    this.cursor = h("span", { class: "cell-cursor", hidden: true });
    this.choose = choose;
    this.chosen = null;
    this.values = null;
    const labels = count === 10
      ? h("div", { class: "cell-labels", "aria-hidden": "true" }, Array.from({ length: 10 }, (_, d) => h("span", {}, String(d))))
      : null;
    const grid = { "--columns": String(this.columns), "--lines": String(this.lines), "--cell": `${cellSize(count)}px` };
    this.element = h("div", { class: "row-wrap" }, h("div", { class: "cells-frame", style: grid }, this.canvas, this.cursor), labels);
  }

  show(output, scale) {
    this.values = output?.values ?? null;
    if (!output) {
      this.canvas.getContext("2d").clearRect(0, 0, this.columns, this.lines);
      return;
    }
    this.padded.fill(0);
    this.padded.set(output.values);
    paintGrid(this.canvas, this.padded, this.columns, this.lines, scale);
    this.describe();
  }

  mark(unit) {
    this.chosen = unit;
    this.cursor.hidden = unit === null;
    if (unit !== null) {
      this.cursor.style.setProperty("--column", String(unit % this.columns));
      this.cursor.style.setProperty("--line", String(Math.floor(unit / this.columns)));
    }
    this.describe();
  }

  describe() {
    if (!this.choose) return;
    const unit = this.chosen;
    this.canvas.setAttribute("aria-valuenow", String(unit ?? 0));
    this.canvas.setAttribute("aria-valuetext", unit === null ? "none chosen yet"
      : `neuron ${unit}` + (this.values ? `: ${number(this.values[unit])}` : ""));
  }

  pick(event) {
    const box = this.canvas.getBoundingClientRect();
    const column = Math.floor(((event.clientX - box.left) / box.width) * this.columns);
    const line = Math.floor(((event.clientY - box.top) / box.height) * this.lines);
    const unit = line * this.columns + column;
    if (unit >= 0 && unit < this.count) this.choose(unit);
  }

  step(event) {
    const steps = { ArrowRight: 1, ArrowUp: 1, ArrowLeft: -1, ArrowDown: -1, PageUp: this.columns, PageDown: -this.columns };
    const now = this.chosen ?? -1;
    const next = event.key === "Home" ? 0 : event.key === "End" ? this.count - 1
      : event.key in steps ? Math.min(this.count - 1, Math.max(0, now + steps[event.key])) : null;
    if (next === null) return;
    event.preventDefault();
    this.choose(next);
  }
}

/** How wide one neuron's cell is drawn: large for ten outputs, small for a flatten's hundreds. */
function cellSize(count) {
  return count <= 10 ? 28 : count <= 40 ? 16 : count <= 256 ? 14 : 9;
}

/** A value as the scales write it: three significant figures. */
export function number(value) {
  if (value === 0) return "0";
  const text = Math.abs(value) >= 100 ? value.toFixed(0) : Number(value.toPrecision(3)).toString();
  return text.replace("-", "−");
}
