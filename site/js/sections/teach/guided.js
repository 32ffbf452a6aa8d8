// The guided minute: "Teach it my handwriting", beside the recognizer. The page asks for one
// digit at a time, each a few times in a shuffled order, written on the recognizer's own pad;
// Next (or Enter) takes what the recognizer read of the drawing, and the strip shows whether it
// read it right. A drawing it reads very sure as another digit is kept only if the visitor says
// so: a wrong label must not be taught silently. After the last drawing the drawings join the
// personal set and the network is fine-tuned on it (tuning.js), the recognizer reading on in
// between; then a check round of new drawings, read by the network before and after its tuning
// (Python: guided_check), gives an honest before and after. Python decides the counts and how
// sure "very sure" is (generated/facts.js).

import * as api from "../../api.js";
import { GUIDED } from "../../generated/facts.js";
import { InterruptedError } from "../../python.js";
import { ensureSubset } from "../../subset.js";
import { GuidedRound, shuffledDigits } from "./guided-state.js";
import { aDigit } from "../../lib/format.js";
import { GuidedView } from "./guided-view.js";
import { tuneOnPersonalSet } from "./tuning.js";
import { drawings } from "./view.js";

/**
 * @param {import("./state.js").PersonalSet} set the personal set the drawings join
 * @param {{busy: (tuning: boolean) => void, kept: () => Promise<void>, mnist: Function, changes: Function}} teach
 *   the teach section's side: a tuning starts or ends, the set changed and is to be kept, MNIST's sentence
 *   and the fold of MNIST digits the tuned network reads otherwise
 */
export function setupGuided(python, networks, recognizer, set, teach) {
  let per = GUIDED.per_digit;
  /** @type {GuidedRound | null} */
  let round = null;
  let base = null;                // the network being taught
  let tuned = null;               // Python's answer once tuned
  let question = null;            // a drawing waiting for the visitor's word: {image, read, sure}
  let accepting = false;

  const view = new GuidedView({ start, next, undo, redo, skip, keep, rewrite, check, close,
    perDigit: (n) => {
      per = n;
      refresh();
      if (round?.kind === "teach" && round.answers.length === 0) show(new GuidedRound(shuffledDigits(per), "teach", base));
    } });
  recognizer.placeBesidePad(view.element);
  recognizer.offerWhenUnsure(view.beforeOr(offerButton("teach it your handwriting in a minute")));

  // Enter is Next while a drawing is asked for, unless a control has the focus (it answers Enter itself).
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Enter" || !round || round.done || question || view.panel.hidden) return;
    if (/** @type {Element} */ (event.target).closest("button, a, input, select, textarea, summary, [contenteditable]")) return;
    event.preventDefault();
    next();
  });
  networks.addEventListener("chosen", () => refresh());

  /** The network to teach: the chosen one, or the one a tuned network came from (it learns afresh). */
  function teachable() {
    return networks.summaryOf(networks.chosen)?.base ?? networks.chosen;
  }

  function refresh() {
    view.showInvitation(teachable(), set.tuning, per);
  }

  function show(fresh) {
    round = fresh;
    view.showRound(round);
  }

  function start() {
    if (set.tuning) return;
    base = teachable();
    tuned = null;
    question = null;
    round = new GuidedRound(shuffledDigits(per), "teach", base);
    view.open(base, per, round);
    view.say("");
    recognizer.clear();
    view.next.focus({ preventScroll: true });
    // What the tuning will need, fetched while the visitor writes.
    ensureSubset(python).catch(() => {});
    networks.ensure(base).catch(() => {});
  }

  async function next() {
    if (!round || round.done || question || accepting) return;
    accepting = true;
    try {
      const answer = await recognizer.settled();
      if (!answer) {
        view.say(recognizer.drawing
          ? `Too little ink to read: write ${aDigit(round.digit)} bigger, then press Next.`
          : `The pad is empty: write ${aDigit(round.digit)} on it, then press Next.`);
        return;
      }
      const read = answer.digit, sure = answer.probabilities[read];
      const image = Uint8Array.from(answer.image, (v) => Math.round(v * 255));
      if (read !== round.digit && sure >= GUIDED.sure_otherwise) {
        question = { image, read, sure };
        view.say("");
        view.ask(round.digit, read);
        return;
      }
      take(image, read, sure);
    } finally {
      accepting = false;
    }
  }

  function take(image, read, sure) {
    const asked = round.digit;
    round.accept(image, read, sure);
    moveOn(read === asked ? "" : `Kept as ${aDigit(asked)}.`);
  }

  /** After an answer: the pad empties, the prompt asks for the next digit or the round ends. */
  function moveOn(sentence) {
    question = null;
    recognizer.clear();
    view.showRound(round);
    view.say(sentence);
    if (round.done) finishRound();
    else if (!view.panel.contains(document.activeElement) || /** @type {HTMLButtonElement} */ (document.activeElement).disabled) {
      view.next.focus({ preventScroll: true });
    }
  }

  function keep() {
    if (question) take(question.image, question.read, question.sure);
  }

  function rewrite() {
    question = null;
    recognizer.clear();
    view.hideQuestion();
    view.say(`Write ${aDigit(round.digit)} again, then press Next.`);
    view.next.focus({ preventScroll: true });
  }

  function undo() {
    if (round?.undo()) moveOn(`Took back your last drawing: write ${aDigit(round.digit)} again.`);
  }

  function redo() {
    if (round?.redo()) moveOn("Your drawing is back.");
  }

  function skip() {
    if (!round || round.done) return;
    round.skip();
    moveOn("");
  }

  function finishRound() {
    if (round.kind === "teach") learn(round);
    else checkRound(round);
  }

  // ------------------------------------------------------------ learning

  async function learn(taught) {
    const { images, labels } = taught.packed();
    if (!labels.length) {
      view.showFailed("Every digit was skipped, so there is nothing to learn from. Press Teach it my handwriting to start again.");
      return;
    }
    if (!set.hasRoomFor(labels.length)) {
      view.showFailed(`Your personal set is full: delete some of its drawings under “Teach it your handwriting” below first.`);
      return;
    }
    set.add(images, labels);
    await teach.kept();
    teach.busy(true);
    refresh();
    view.showProgress(`Getting ${base} ready to learn from your ${drawings(set.size)}…`, 0);   // the MNIST share may still be on its way
    try {
      tuned = await tuneOnPersonalSet(python, networks, set, base, (sentence, done) => view.showProgress(sentence, done));
      view.showTuned(tuned, tuned.seconds, drawings(set.size), { mnist: teach.mnist, changes: teach.changes });
      view.check.focus();
    } catch (error) {
      view.showFailed(error instanceof InterruptedError
        ? `The fine-tuning was interrupted: ${error.message} Your drawings are kept; press Teach it my handwriting to try again.`
        : `The fine-tuning failed: ${error.message} Your drawings are kept in your personal set.`);
    } finally {
      teach.busy(false);
      refresh();
    }
  }

  // ------------------------------------------------------------ the check round

  function check() {
    if (!tuned) return;
    show(new GuidedRound(shuffledDigits(GUIDED.check_per_digit), "check", tuned.name));
    view.endTools.hidden = true;
    view.say("");
    recognizer.clear();
    view.next.focus({ preventScroll: true });
  }

  async function checkRound(checked) {
    const { images, labels } = checked.packed();
    if (!labels.length) {
      view.showCheckFailed("Every digit was skipped, so there is nothing to check.");
      return;
    }
    try {
      await Promise.all([networks.ensure(tuned.base), networks.ensure(tuned.name)]);
      const answer = await api.guidedCheck(python, tuned.base, tuned.name, images, labels);
      checked.compare(tuned.base, answer.read_before, answer.read_after);
      view.showStrip(checked);
      view.showChecked(answer, tuned.base, tuned.name);
      view.close.focus();
    } catch (error) {
      view.showCheckFailed(`The check round could not be read: ${error.message}`);
    }
  }

  function close() {
    round = null;
    question = null;
    view.shut();
  }

  /** Another way in: a small button that starts the guided minute (after a correction, when unsure). */
  function offerButton(text) {
    return view.offer(text, () => {
      start();
      view.panel.scrollIntoView({ block: "nearest" });
    });
  }

  refresh();
  return {
    refresh,
    offerButton,
    /** Everything kept was forgotten: the minute starts over. */
    forget() {
      tuned = null;
      if (round) close();
    },
  };
}
