// What learning one person's handwriting cost everyone else, in pictures: the MNIST test digits a
// tuned network reads otherwise than the network it came from (Python: teach.mnist_changes), in a
// fold under the sentence on MNIST. Learning a person's 9 moves the line the network draws between
// 9s and 4s; MNIST's digits that lie near that line are the first to cross it, and a learner can
// see which they are.

import { TEACH } from "../../generated/facts.js";
import { rowsOf } from "../../lib/arrays.js";
import { h } from "../../lib/dom.js";
import { aDigit, count, whole } from "../../lib/format.js";
import { digitCanvas } from "../../widgets/pictures.js";

/** Whether a tuning that lost the share `lost` of MNIST's test digits lost more than it means to.
 *  (1e-9: a drop of exactly half a point may come out a hair over it in floats, 0.994 − 0.989.) */
export function lostTooMuch(lost) {
  return lost > TEACH.forgets + 1e-9;
}

/**
 * The fold for `changes` (TuningResult.mnist_changes) of network `tuned`, tuned from `base`, on the
 * MNIST test digits a tuning is measured on; null when it reads every one of them as `base` did.
 * @param {import("../../generated/client/teach.js").MnistChanges} changes
 */
export function mnistChanges(changes, base, tuned) {
  if (!changes.count) return null;
  const total = TEACH.mnist_digits;
  const pictures = rowsOf(changes.images);
  const unshown = changes.count - pictures.length;
  return h("details", { class: "mnist-changes", "data-testid": "mnist-changes", "data-count": String(changes.count),
                        "data-now-wrong": String(changes.now_wrong), "data-now-right": String(changes.now_right) },
    h("summary", {}, `The MNIST digits it reads differently now (${whole(changes.count)})`),
    h("p", {}, `Learning your handwriting moved the lines ${tuned} draws between one digit and another, and `
      + `${whole(changes.count)} of ${whole(total)} MNIST digits crossed them: ${tuned} now reads `
      + `${count(changes.now_wrong, "digit")} wrong that ${base} read right, and ${whole(changes.now_right)} right that it read wrong. `
      + (lostTooMuch((changes.now_wrong - changes.now_right) / total)
        ? "That is more than the page means to lose. It happens when you write a digit the way many of MNIST's writers "
          + "write another: the network cannot read that shape both ways. A drawing labelled with a digit it does not show does the same."
        : "Digits near a line are the first to cross it when it moves: several could pass for either digit.")),
    h("p", { class: "muted" }, `Under each: the digit it is, then what ${base} read → what ${tuned} reads.`),
    h("ol", { class: "guided-strip mnist-changes-list" }, pictures.map((picture, i) =>
      changeItem(picture, changes.digits[i], changes.before[i], changes.after[i], base, tuned))),
    unshown > 0 ? h("p", { class: "muted" }, `And ${whole(unshown)} more, not shown.`) : null);
}

/** One MNIST digit whose reading changed: its picture and "9: 4→9", marked right or wrong as read now. */
function changeItem(picture, digit, before, after, base, tuned) {
  const right = after === digit;
  return h("li", { class: right ? "guided-item right" : "guided-item wrong", "data-testid": "mnist-change",
                   "data-digit": digit, "data-before": before, "data-after": after,
                   title: `${aDigit(digit)} from MNIST: ${base} read ${before}, ${tuned} reads ${after}` },
    digitCanvas(picture),
    h("span", { class: "guided-caption", "aria-hidden": "true" }, `${digit}: ${before}→${after}`),
    h("span", { class: "visually-hidden" },
      `${aDigit(digit)}: ${base} read ${before}, ${tuned} reads ${after}, ${right ? "right" : "wrong"}.`));
}
