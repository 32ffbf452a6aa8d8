// Where your digit lands: the page's MNIST test digits as points, placed by Python from what the
// network's last hidden layer makes of them (why_map_run: PCA, two directions), coloured by
// digit; the visitor's drawing as a ring that moves as they draw (why_map_place); a touch on a
// point shows that test digit (why_map_digit).

import { fromPython } from "../../lib/arrays.js";
import { h } from "../../lib/dom.js";
import { whole } from "../../lib/format.js";
import { displayed, parens, sub } from "../../lib/math.js";
import { drawGray } from "../../widgets/pictures.js";

/** @typedef {import("../../api.js").MapSlice} MapSlice */
/** @typedef {import("../../api.js").MapPlace} MapPlace */
/** @typedef {import("../../lib/arrays.js").Numbers} Numbers */

const SIZE = 480;             // the map's canvas, in its own pixels (CSS scales it to the card)
const MARGIN = 14;
const TOUCH = 14;             // how near (canvas pixels) a touch must come to a point to pick it
// Ten colours told apart in light and dark (Tableau 10), one per digit.
const COLOURS = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"];

export class MapPanel {
  /** on.pick(index): the visitor touched a test digit's point. */
  constructor(on) {
    this.on = on;
    /** @type {{ x: Numbers, y: Numbers, labels: Numbers } | null} */
    this.points = null;
    this.scale = { x0: 0, y0: 0, k: 1 };
    this.canvas = h("canvas", { class: "digit-map-canvas", width: SIZE, height: SIZE, role: "img",
                                "aria-label": "The test digits as points, coloured by digit" });
    this.canvas.addEventListener("click", (event) => this.touch(event));
    this.you = h("span", { class: "digit-map-you", "data-testid": "embedding-you", "data-x": "", "data-y": "", "data-nearest": "",
                           role: "img", "aria-label": "Your digit", hidden: true });
    this.frame = h("div", { class: "digit-map-frame", "data-testid": "embedding-map", "data-points": "", "data-state": "waiting" },
      this.canvas, this.you);
    this.progress = h("p", { class: "muted", role: "status" }, "The map is drawn when you come near it.");
    this.where = h("p", { role: "status" });
    this.nearestButton = h("button", { type: "button", class: "button", hidden: true,
                                       onclick: () => this.youNearest !== null && on.pick(this.youNearest) }, "Show the test digit nearest to mine");
    this.youNearest = null;
    this.picked = h("canvas", { class: "explain-picture", width: 28, height: 28, "aria-hidden": "true", hidden: true });
    this.pickedWords = h("figcaption", {}, "Touch a point to see its digit.");
    this.element = h("div", { class: "card explain-card" },
      h("h3", {}, "Where your digit lands"),
      h("p", {}, "Before its last step, the network turns a digit into a list of numbers: its last hidden layer. Digits it finds alike get ",
        "alike lists. Here are the page's test digits placed by those lists, flattened to two dimensions, coloured by what they really are. ",
        "The ring is yours: it moves as you draw."),
      h("div", { class: "digit-map" },
        this.frame,
        h("div", { class: "digit-map-side" },
          h("ul", { class: "digit-map-legend", "aria-label": "Colours" }, COLOURS.map((colour, k) =>
            h("li", {}, h("span", { class: "swatch", style: { background: colour } }), String(k)))),
          this.where, this.nearestButton,
          h("figure", { class: "explain-map" }, this.picked, this.pickedWords))),
      this.progress,
      h("details", {}, h("summary", {}, "How the map is made"),
        h("p", {}, "Each test digit's last hidden layer is a point in a space of many dimensions (256 for the cnn, 64 for the mlp, 30 for ",
          "nielsen). Principal component analysis (PCA) finds the two directions in which the points spread the most, and the map ",
          "shows each digit's position along those two. It is a shadow of the real space: digits far apart there can overlap here."),
        h("p", {}, "With h(x) the last hidden layer for digit x, μ its mean over the test digits, and u₁, u₂ the two directions, ",
          "the point's two coordinates are, for i = 1 and 2:",
          displayed(sub("c", "i"), "=", parens("h", parens("x"), "−", "μ"), "·", sub("u", "i")))));
  }

  /** Python's progress placing the test digits. */
  showProgress(placed, total) {
    this.frame.dataset.state = "placing";
    this.progress.textContent = `Placing the test digits: ${whole(placed)} of ${whole(total)}…`;
  }

  /** Every test digit's point. */
  showPoints(/** @type {Required<MapSlice>} */ slice) {
    const [x, y, labels] = [slice.x, slice.y, slice.labels].map(fromPython);
    this.points = { x, y, labels };
    const xs = [Math.min(...x), Math.max(...x)], ys = [Math.min(...y), Math.max(...y)];
    const k = (SIZE - 2 * MARGIN) / Math.max(xs[1] - xs[0], ys[1] - ys[0], 1e-9);
    this.scale = { x0: (xs[0] + xs[1]) / 2, y0: (ys[0] + ys[1]) / 2, k };
    const context = /** @type {CanvasRenderingContext2D} */ (this.canvas.getContext("2d"));
    context.clearRect(0, 0, SIZE, SIZE);
    context.globalAlpha = 0.75;
    labels.forEach((label, i) => {
      const [px, py] = this.toCanvas(x[i], y[i]);
      context.fillStyle = COLOURS[label];
      context.fillRect(px - 2, py - 2, 4, 4);
    });
    this.frame.dataset.points = Array.from(labels, (label, i) => `${x[i]},${y[i]},${label}`).join(";");
    this.frame.dataset.state = "ready";
    this.progress.textContent = `${whole(labels.length)} test digits. The two directions keep `
      + `${Math.round(slice.spread * 100)}% of how much the last hidden layer varies; the rest is flattened away.`;
  }

  /** The visitor's digit on the map. */
  showYou(/** @type {MapPlace} */ place, /** @type {number} */ answer) {
    const [px, py] = this.toCanvas(place.x, place.y);
    this.you.style.setProperty("left", `${(px / SIZE) * 100}%`);
    this.you.style.setProperty("top", `${(py / SIZE) * 100}%`);
    Object.assign(this.you.dataset, { x: String(place.x), y: String(place.y), nearest: String(place.nearest_label) });
    this.you.hidden = false;
    this.youNearest = place.nearest;
    this.nearestButton.hidden = false;
    this.where.textContent = `The network reads yours as a ${answer}; the nearest test digit on the map is a ${place.nearest_label}.`;
  }

  /** Nothing drawn: no ring. */
  hideYou() {
    this.you.hidden = true;
    this.nearestButton.hidden = true;
    this.youNearest = null;
    Object.assign(this.you.dataset, { x: "", y: "", nearest: "" });
    this.where.textContent = "Draw a digit above to see where it lands.";
  }

  /** A test digit, touched or nearest to the visitor's. */
  showDigit(index, label, /** @type {Numbers} */ bytes) {
    drawGray(this.picked, Array.from(bytes, (byte) => byte / 255), 28);
    this.picked.hidden = false;
    this.pickedWords.textContent = `Test digit #${index}: a ${label}.`;
  }

  /** The map is being made again (another network): its points belong to the one before. */
  restart() {
    this.points = null;
    this.frame.dataset.state = "placing";
    this.frame.dataset.points = "";
  }

  say(text) {
    this.progress.textContent = text;
  }

  toCanvas(x, y) {
    const { x0, y0, k } = this.scale;
    return [SIZE / 2 + (x - x0) * k, SIZE / 2 - (y - y0) * k];
  }

  touch(/** @type {MouseEvent} */ event) {
    if (!this.points) return;
    const box = this.canvas.getBoundingClientRect();
    const cx = ((event.clientX - box.left) / box.width) * SIZE, cy = ((event.clientY - box.top) / box.height) * SIZE;
    let best = -1, bestDistance = TOUCH * TOUCH;
    this.points.labels.forEach((_, i) => {
      const [px, py] = this.toCanvas(this.points.x[i], this.points.y[i]);
      const distance = (px - cx) ** 2 + (py - cy) ** 2;
      if (distance < bestDistance) [best, bestDistance] = [i, distance];
    });
    if (best >= 0) this.on.pick(best);
  }
}
