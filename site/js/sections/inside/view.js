// Inside the network, its face: a few words on what is shown, the network layer by layer with
// what each makes of the drawing (flow.js), softmax and the loss step by step (softmax.js),
// and the probes (probes.js). The root's data-busy and data-version tell a test (and the
// bench) when the view shows the latest answer completely, its data-near whether it follows
// the drawing at all.

import { h } from "../../lib/dom.js";
import { layerIdeas } from "./ideas.js";
import { CodePanel } from "./code.js";
import { featureMapDetail, neuronDetail } from "./detail.js";
import { Flow } from "./flow.js";
import { ProbePanel } from "./probes.js";
import { SoftmaxPanel } from "./softmax.js";

export class InsideView {
  /** on: the controller's handlers (choose, pickLayer, runCode, resetCode, pick, move). */
  constructor(root, on) {
    this.root = root;
    this.flow = new Flow(on);
    this.code = new CodePanel({ run: on.runCode, reset: on.resetCode });
    this.yours = h("p", { class: "inside-yours", role: "status" });
    this.softmax = new SoftmaxPanel(on);
    this.probes = new ProbePanel(on);
    this.note = h("p", { class: "inside-note", role: "status" });
    root.dataset.busy = "false";
    root.dataset.version = "0";
    root.dataset.shows = "nothing";           // "drawing" once a drawing's answer is shown
    root.replaceChildren(
      h("div", { class: "inside-intro" },
        h("p", {}, "A network reads your digit in steps called layers. Each layer takes the numbers the layer before it made, ",
          "and makes new ones; the last makes ten scores, one per digit. Here is every layer, with what it made of the digit you drew."),
        h("details", {}, h("summary", {}, "How to read the pictures"),
          h("p", {}, "Each small square is a feature map: the output of one filter, a picture of where it found its pattern. ",
            "Each row of cells is a layer of neurons, one cell per neuron. Black is 0, white is the layer's highest value, blue is below 0; ",
            "all pictures of a layer share one scale, written beside them. Choose a map or a neuron to see what made it."))),
      this.note,
      h("div", { class: "card flow-card" }, h("h3", {}, "Layer by layer"), this.yours, this.flow.element, layerIdeas()),
      h("div", { class: "inside-pair" }, this.softmax.element, this.probes.element));
  }

  say(text) {
    this.note.textContent = text;
  }

  showArchitecture(architecture) {
    this.flow.build(architecture);
  }

  /** The drawing's answer, through every block, in softmax's steps; probes wait for their own batch.
   *  yours: the function the visitor changed, when the answer is their version's. */
  showSeen(seen, /** @type {string | null} */ yours = null) {
    this.flow.show(seen);
    this.softmax.show(seen.softmax);
    this.yours.textContent = yours ? `Your version of ${yours} is running: every layer below shows what it computes. `
      + "Back to the shipped code, or a new drawing, brings the shipped layers back." : "";
    this.root.classList.toggle("yours", Boolean(yours));
    this.root.classList.remove("stale");
    this.root.dataset.shows = "drawing";
  }

  showEmpty() {
    this.flow.clear();
    this.softmax.clear();
    this.probes.clear();
    this.root.classList.remove("stale");
    this.root.dataset.shows = "nothing";
  }

  /** The drawing changed: what is shown belongs to an earlier one until the next answer. */
  showStale() {
    this.root.classList.add("stale");
  }

  /** The chosen map or neuron marked, with what produced it (or "asking") under its block. */
  showChosen(chosen, detail, context) {
    const block = this.flow.mark(chosen);
    if (!block) return;
    if (!detail) block.detail.replaceChildren(h("p", { class: "muted" }, "Asking Python…"));
    else if (detail.kernels) block.detail.replaceChildren(featureMapDetail(block.block, detail));
    else block.detail.replaceChildren(neuronDetail(detail, context.inputDims));
  }

  /** The code panel under block `index`, open, waiting for its source. */
  placeCode(/** @type {number} */ index) {
    const block = this.flow.elementOf(index);
    if (!block) return;
    if (this.code.element.parentElement !== block) {
      block.append(this.code.element);
      this.code.say("Asking Python for the code…");
    }
    this.code.element.open = true;
  }

  /** Whether the section is on or near the screen, so that it follows the drawing. */
  showNear(near) {
    this.root.dataset.near = String(near);
  }

  showBusy(busy) {
    this.root.dataset.busy = String(busy);
  }

  /** The view shows the latest answer in full: tests and the bench wait for this. */
  bumpVersion() {
    this.root.dataset.version = String(Number(this.root.dataset.version) + 1);
  }
}
