// Why it says what it says, its face: a few words, then three ways to ask the network why,
// each beside what it explains: which pixels (pixels.js), the smallest change that fools it
// (nudge.js), and where the digit lands among the test digits (map.js). The root's data-busy,
// data-version and data-shows tell a test when the pixels' maps show the latest drawing in full.

import { h } from "../../lib/dom.js";
import { MapPanel } from "./map.js";
import { NudgePanel } from "./nudge.js";
import { AttributionPanel } from "./pixels.js";

export class WhyView {
  /** on: the controller's handlers (explain, aim, start, send, pick). */
  constructor(/** @type {HTMLElement} */ root, on) {
    this.root = root;
    this.pixels = new AttributionPanel(on);
    this.nudge = new NudgePanel(on);
    this.map = new MapPanel(on);
    this.note = h("p", { class: "explain-note", role: "status" });
    root.dataset.busy = "false";
    root.dataset.version = "0";
    root.dataset.shows = "nothing";           // "drawing" once a drawing's maps are shown
    root.dataset.near = "false";              // whether the section is on or near the screen, and computes
    root.replaceChildren(
      h("div", { class: "explain-intro" },
        h("p", {}, "The sections above show what the network computes. This one asks why it answers what it answers. ",
          "Its layers are numpy with their own backward passes, so Python can trace an answer back to the pixels, change the pixels ",
          "on purpose, and compare your digit with the digits it was tested on.")),
      this.note,
      this.pixels.element,
      this.nudge.element,
      this.map.element);
  }

  say(text) {
    this.note.textContent = text;
  }

  showBusy(busy) {
    this.root.dataset.busy = String(busy);
  }

  showNear(near) {
    this.root.dataset.near = String(near);
  }

  /** Both maps show the latest question in full (a drawing's, or nothing): tests and the bench wait for this. */
  bumpVersion(/** @type {boolean} */ drawing) {
    this.root.dataset.shows = drawing ? "drawing" : "nothing";
    this.root.dataset.version = String(Number(this.root.dataset.version) + 1);
  }
}
