// Watch it learn, what a convnet's filters are: the first layer's kernels drawn as small
// pictures after every slice, and the feature maps each convolution makes of the digit in the
// recognizer (page/training.py: kernels, learn_feature_maps).

import { TRAINING } from "../../generated/facts.js";
import { fromPython } from "../../lib/arrays.js";
import { h } from "../../lib/dom.js";
import { drawDiverging, drawGray } from "../../widgets/pictures.js";

export class FilterPictures {
  constructor() {
    const size = TRAINING.kernel_size;
    this.kernels = h("div", { class: "kernel-pictures", role: "img", "data-testid": "train-kernels", "data-version": 0,
      "aria-label": "The first layer's filters, drawn as small pictures" });
    this.mapsFirst = h("div", { class: "map-pictures", role: "img", "data-testid": "train-maps-1",
      "aria-label": "What each filter of the first convolution sees in your digit" });
    this.mapsSecond = h("div", { class: "map-pictures small", role: "img", "data-testid": "train-maps-2",
      "aria-label": "What each filter of the second convolution sees in your digit" });
    this.mapsNote = h("p", { class: "muted", "data-testid": "train-maps-note" },
      "Draw a digit in the recognizer to see what the filters make of it.");
    this.kernelsCard = h("div", { class: "card train-kernels" },
      h("h3", {}, "What the first filters look for"),
      h("p", { class: "muted" }, `Each picture is one ${size}×${size} filter of the first convolution: the network slides it `
        + "over the digit and lights up where the ink looks like it. Warm weights want ink, cool ones want paper. "
        + "They start as noise and turn into edge and stroke detectors."),
      this.kernels);
    this.mapsCard = h("div", { class: "card train-maps" },
      h("h3", {}, "What the filters see in your digit"),
      this.mapsNote,
      h("p", { class: "map-caption" }, "First convolution: one map per filter, 24×24"), this.mapsFirst,
      h("p", { class: "map-caption" }, "Second convolution: 8×8 maps, each combining all the first maps (pooled to 12×12)"),
      this.mapsSecond,
      h("details", {},
        h("summary", {}, "How to read these maps"),
        h("p", {}, "Each map is the digit as one filter sees it, after ReLU: bright where the filter's pattern is found, "
          + "black where it is not. Max-pooling then keeps the brightest of every 2×2 block, so the second convolution "
          + "reads maps half as wide, and its filters combine strokes into parts of digits. The ten outputs read the last "
          + "maps, pooled again to 4×4.")));
  }

  /** The first layer's kernels, one canvas each (made again when their count changes). */
  showKernels(kernels) {
    const values = fromPython(kernels.values);
    const area = kernels.size * kernels.size;
    if (this.kernels.children.length !== kernels.count) {
      this.kernels.replaceChildren(...Array.from({ length: kernels.count },
        () => h("canvas", { width: kernels.size, height: kernels.size })));
    }
    /** @type {HTMLCanvasElement[]} */ ([...this.kernels.children]).forEach((canvas, index) =>
      drawDiverging(canvas, Array.from(values.subarray(index * area, (index + 1) * area)), kernels.size));
    this.kernels.dataset.version = String(Number(this.kernels.dataset.version) + 1);
    this.kernels.dataset.values = values.join(" ");     // every weight, for tests to compare
  }

  /** The maps after each convolution (null: nothing drawn), each scaled to its layer's brightest value. */
  showMaps(answer) {
    this.mapsNote.hidden = Boolean(answer);
    if (!answer) {
      this.mapsFirst.replaceChildren();
      this.mapsSecond.replaceChildren();
      return;
    }
    answer.maps.forEach((layer, index) => {
      const [height, width, count] = layer.dims;
      const values = fromPython(layer.values);
      const scale = layer.high > 0 ? 1 / layer.high : 0;
      const row = index === 0 ? this.mapsFirst : this.mapsSecond;
      if (row.children.length !== count) {
        row.replaceChildren(...Array.from({ length: count }, () => h("canvas", { width, height })));
      }
      /** @type {HTMLCanvasElement[]} */ ([...row.children]).forEach((canvas, map) =>
        drawGray(canvas, Array.from(values.subarray(map * height * width, (map + 1) * height * width), (v) => v * scale), width));
    });
  }

  clear() {
    this.kernels.replaceChildren();
    this.showMaps(null);
  }
}
