// The recognizer's face: the pad and its tools, the 28x28 image the network sees, the answer
// and its ten bars, the menu of networks, every shipped network side by side, and why.

import { DEFAULT_MODEL, MODELS } from "../../generated/facts.js";
import { fromPython, rowsOf } from "../../lib/arrays.js";
import { h } from "../../lib/dom.js";
import { listed, percent, whole } from "../../lib/format.js";
import { probabilityBar } from "../../widgets/bars.js";
import { Pad } from "../../widgets/pad.js";
import { drawDiverging, drawGray } from "../../widgets/pictures.js";
import { augmentationIdea } from "./ideas.js";

const EMPTY_WHY = "Draw a digit to see what the network paid attention to.";
// Below this probability for its answer the network is guessing, and the page says what to do about it.
const UNSURE_BELOW = 0.6;

export class RecognizerView {
  /** on: the controller's handlers (clear, undo, choose). */
  constructor(root, on) {
    this.canvas = h("canvas", { "data-testid": "canvas", class: "draw-canvas", role: "img",
                                "aria-label": "Drawing area: draw one digit, 0 to 9" });
    this.preprocessed = h("canvas", { "data-testid": "preprocessed", class: "preprocessed", width: 28, height: 28,
                                      "aria-label": "The 28 by 28 image the network receives" });
    this.prediction = h("output", { "data-testid": "prediction", class: "prediction", "data-version": "0", "data-busy": "false",
                                    "aria-live": "polite" });
    this.confidence = h("span", { class: "confidence" });
    this.select = h("select", { "data-testid": "model-select", onchange: () => on.choose(this.select.value) },
      MODELS.map((model) => h("option", { value: model.name }, menuLabel(model))));
    this.facts = h("p", { class: "model-facts" });
    this.styles = h("details", { class: "idea model-styles", "data-testid": "model-styles", "data-idea": "styles",
                                 "data-for": "model-select", hidden: true });
    this.bars = Array.from({ length: 10 }, (_, digit) => probabilityBar(digit, `bar-${digit}`));
    this.unsureOffer = h("span", { class: "unsure-offer" });      // another section's way to teach it, if any
    this.unsure = h("p", { class: "unsure", "data-testid": "unsure", hidden: true },
      "It is not sure of this one. Networks read best the kinds of writing they learned from; if yours is a way of " +
      "writing it rarely saw, ", this.unsureOffer, "press the right digit below, then fine-tune it on your own digits in ",
      h("a", { href: "#train" }, "Teach it your handwriting"), ".");
    this.augmentation = augmentationIdea();     // how the chosen network was taught
    this.besidePad = h("div", { class: "beside-pad" });
    this.underAnswer = h("div", { class: "under-answer" });
    this.compare = h("div", { class: "compare", "aria-live": "polite" });
    this.whyIntro = h("p", { class: "why-intro" }, EMPTY_WHY);
    this.why = h("div", { class: "why" });
    root.replaceChildren(
      h("div", { class: "recognizer" },
        h("div", { class: "card pad-card" },
          h("div", { class: "canvas-wrap" }, this.canvas, h("p", { class: "canvas-hint", "aria-hidden": "true" }, "Draw a digit here")),
          h("div", { class: "pad-tools" },
            h("button", { type: "button", "data-testid": "undo", class: "button", "aria-keyshortcuts": "Control+Z", onclick: on.undo },
              "Undo ", h("kbd", {}, "Ctrl Z")),
            h("button", { type: "button", "data-testid": "clear", class: "button", "aria-keyshortcuts": "Escape", onclick: on.clear },
              "Clear ", h("kbd", {}, "Esc"))),
          this.besidePad),
        h("div", { class: "card answer-card" },
          h("div", { class: "answer-top" },
            h("figure", { class: "seen" }, this.preprocessed,
              h("figcaption", {}, "What the network sees: your ink cropped, scaled to fit 20×20 pixels and placed by its " +
                "centre of mass in a 28×28 grid, as the MNIST digits were. A small digit is redrawn with a finer pen " +
                "first, so its lines stay as thin as MNIST's.")),
            h("div", { class: "verdict" }, h("span", { class: "verdict-label" }, "It reads"), this.prediction, this.confidence)),
          h("label", { class: "model-choice" }, h("span", {}, "Network"), this.select),
          this.facts, this.styles, this.augmentation.element,
          h("ol", { class: "bars", "aria-label": "Confidence for each digit" }, this.bars.map((b) => b.element)),
          this.unsure, this.underAnswer)),
      h("div", { class: "below-recognizer" },
        h("div", { class: "card compare-card" }, h("h2", {}, "Every network, one drawing"), this.compare),
        h("div", { class: "card why-card" }, h("h2", {}, "Why this answer?"), this.whyIntro, this.why)));
    this.pad = new Pad(this.canvas);       // once on the page: the pad sizes itself to its place
  }

  showBusy(busy) {
    this.prediction.dataset.busy = String(busy);
  }

  /** Every new answer (or emptied pad) bumps data-version by one, so a test can wait for a fresh one. */
  bumpVersion() {
    this.prediction.dataset.version = String(Number(this.prediction.dataset.version) + 1);
  }

  showEmpty(message = "Draw a digit on the pad.") {
    this.prediction.textContent = "";
    this.confidence.textContent = message;
    for (const b of this.bars) b.set(0, false);
    this.preprocessed.getContext("2d").clearRect(0, 0, 28, 28);
    this.compare.replaceChildren(h("p", { class: "muted" }, "Draw a digit to see how each network reads it."));
    this.why.replaceChildren();
    this.whyIntro.textContent = EMPTY_WHY;
    this.unsure.hidden = true;
    this.bumpVersion();
  }

  /** @param {import("./controller.js").Reading} reading */
  showAnswer({ image, probabilities, digit }) {
    this.prediction.textContent = String(digit);
    this.confidence.textContent = `${percent(probabilities[digit], 1)} sure`;
    probabilities.forEach((p, d) => this.bars[d].set(p, d === digit));
    this.unsure.hidden = probabilities[digit] >= UNSURE_BELOW;
    drawGray(this.preprocessed, image, 28);
    this.bumpVersion();
  }

  /** What the menu's chosen network is: a shipped one's facts, or the summary of one made here. */
  showFacts(shipped, madeHere) {
    // One tuned here: how the network it was tuned from was taught; one trained here: the default.
    const tunedFrom = MODELS.find((model) => model.name === madeHere?.base);
    this.augmentation.follow((shipped ?? tunedFrom)?.name ?? DEFAULT_MODEL);
    if (!shipped) {
      this.styles.hidden = true;
      this.facts.textContent = madeHere?.description ?? "A network made in this page, kept in this browser.";
      return;
    }
    this.facts.textContent = `${shipped.label}: ${whole(shipped.parameters)} weights, `
      + `${whole(shipped.test_correct)} of ${whole(shipped.test_images)} MNIST test digits right (${percent(shipped.test_accuracy, 2)}).`
      + (shipped.label_smoothing ? ` It was trained to keep ${percent(shipped.label_smoothing, 0)} of doubt `
        + "(label smoothing), so even a clear digit reads only about 92% sure." : "")
;
    this.showStyles(shipped);
  }

  /** What a shipped network learned from, and the ways of writing held out of its training that it
   *  still reads poorly, as its manifest measured them. */
  showStyles(shipped) {
    this.styles.hidden = false;
    const summary = h("summary", {}, "What it learned from, and what it still misreads");
    if (!shipped.handwriting && !shipped.pen_mnist) {
      this.styles.replaceChildren(summary, h("div", { class: "idea-body" },
        h("p", {}, "It learned from MNIST's 60,000 training digits alone, half of each batch turned, slanted, "
          + "stretched or bent a little at random, as another pen on paper might have written them."),
        shipped.name === DEFAULT_MODEL ? h("span") : h("p", {}, "Digits drawn on a pad are not pen on paper: their "
          + "lines are of one width, and people write in styles MNIST's American writers of 1990 rarely used. For "
          + `your drawings, ${DEFAULT_MODEL} reads better.`)));
      return;
    }
    const poorly = shipped.reads_poorly.map(({ style, digit, read_right, mistaken_for }) =>
      h("li", {}, `${digit}, ${style.replace(": ", ", ")}: ${percent(read_right, 0)} right`
        + (mistaken_for === null ? "" : `, mostly read as ${mistaken_for}`)));
    const redrawn = shipped.pen_mnist ? `${whole(shipped.pen_mnist)} of them redrawn along their middle lines with `
      + "this pad's round pen (real people's shapes, in the pad's ink), and " : "";
    this.styles.replaceChildren(summary, h("div", { class: "idea-body" },
      h("p", {}, `Besides MNIST's 60,000 digits, it learned from ${redrawn}${whole(shipped.handwriting)} digits drawn as pen `
        + `strokes the way this pad paints them, in the scripts ${listed(shipped.learned_scripts)}, `
        + `and in ${shipped.learned_variants} personal habits (a 1 with a flag and a foot, an open 4, a 9 whose tail curls…).`),
      shipped.held_out_read === null ? h("p") : h("p", {}, `Ways of writing kept out of its training, the `
        + `${listed(shipped.held_out_scripts)} scripts and a few habits, stand in for writers it has never seen: `
        + `it reads ${percent(shipped.held_out_read, 0)} of them right. `
        + (poorly.length ? "It still reads these poorly:" : "None of them under 90%.")),
      poorly.length ? h("ul", {}, poorly) : h("span"),
      h("p", {}, "If you write a digit in a way it misreads, correct it under the answer and ",
        h("a", { href: "#train" }, "teach it your handwriting"), ".")));
  }

  /** Put network `name` in the menu (or rename it there). */
  offer(name, label) {
    const option = [...this.select.options].find((o) => o.value === name);
    if (option) option.textContent = label;
    else this.select.add(h("option", { value: name }, label));
  }

  withdraw(name) {
    [...this.select.options].find((o) => o.value === name)?.remove();
  }

  /** Each shipped network's reading of the same image; `digit` is the chosen network's. */
  showComparison(all, digit) {
    this.compare.replaceChildren(...MODELS.map(({ name }) => {
      const probabilities = all[name];
      if (!probabilities) {
        return h("div", { class: "compare-row" }, h("span", {}, name), h("span", { class: "digit muted" }, "…"),
          h("span", { class: "sure" }, "loading"), h("span"));
      }
      const best = probabilities.indexOf(Math.max(...probabilities));
      return h("div", { class: best !== digit ? "compare-row disagrees" : "compare-row" },
        h("span", {}, name), h("span", { class: "digit" }, String(best)), h("span", { class: "sure" }, percent(probabilities[best], 1)),
        h("span", { class: "mini", title: `${name}: ${percent(probabilities[best], 1)} for ${best}` },
          probabilities.map((p) => h("span", { style: { height: `${Math.max(2, p * 100)}%` } }))));
    }));
  }

  /** What the network paid attention to: the first convolution's maps, or the hidden neurons that fired most. */
  showWhy(why, digit) {
    if (why.kind === "feature_maps") {
      this.whyIntro.textContent = `The first layer slides ${why.maps.shape[0]} small 5×5 filters over the image. `
        + "Each picture shows where one filter found its pattern (bright = strong). The layers above combine these into strokes, loops and finally a digit.";
      this.why.replaceChildren(...rowsOf(why.maps).map((map, index) =>
        figure((canvas) => drawGray(canvas, map, why.size), `filter ${index + 1}`)));
    } else {
      this.whyIntro.textContent = `The ${why.hidden} hidden neurons of the first layer each weigh every pixel: warm pixels push a neuron up, cool ones down. `
        + `These ${why.neurons.length} fired most for your ${digit}; their weights are drawn as 28×28 pictures.`;
      this.why.replaceChildren(...why.neurons.map((neuron, rank) =>
        figure((canvas) => drawDiverging(canvas, fromPython(neuron.weights), 28), `#${neuron.index} · ${neuron.activation.toFixed(2)}`, rank === 0)));
    }
  }
}

/** "cnn: convolutional network, 99.63%" */
export function menuLabel(model) {
  return `${model.name}: ${model.label}${model.role ? `, ${model.role}` : ""}, ${percent(model.test_accuracy, 2)}`;
}

function figure(paint, caption, strong = false) {
  const canvas = h("canvas");
  paint(canvas);
  return h("figure", { class: strong ? "strong" : null }, canvas, h("figcaption", {}, caption));
}
