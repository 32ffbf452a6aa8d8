// The guided minute, its face, under the recognizer's pad: the invitation, then the prompt
// ("Write a 4 · 3 of 20") with Next, Undo, Redo and Skip, the question when a drawing looks like
// another digit, the strip of what the network read for each drawing, the tuning's progress,
// and the honest before and after.

import { GUIDED } from "../../generated/facts.js";
import { h, setText } from "../../lib/dom.js";
import { aDigit, article } from "../../lib/format.js";
import { digitCanvas } from "../../widgets/pictures.js";

const ROUND_NAMES = { teach: "", check: "Check round: " };

export class GuidedView {
  /** on: the controller's handlers (start, next, undo, redo, skip, keep, rewrite, check, close, perDigit). */
  constructor(on) {
    this.start = h("button", { type: "button", class: "button primary", "data-testid": "teach-guided-start", onclick: on.start },
      "Teach it my handwriting");
    this.startNote = h("span", { class: "guided-start-note muted" });
    this.invitation = h("p", { class: "guided-invitation" }, this.start, " ", this.startNote);

    this.perDigit = h("select", { "data-testid": "teach-guided-count", onchange: () => on.perDigit(Number(this.perDigit.value)) },
      GUIDED.per_digit_choices.map((n) => h("option", { value: n, selected: n === GUIDED.per_digit || null },
        `${n} of each digit (${10 * n} drawings)`)));
    this.intro = h("p", {});
    this.about = h("details", { class: "guided-about" }, h("summary", {}, "How this works"), this.intro);
    this.prompt = h("p", { class: "guided-prompt", "data-testid": "teach-guided-prompt", "aria-live": "polite", "aria-atomic": "true" });
    this.message = h("p", { class: "guided-message", role: "status" });
    this.keep = h("button", { type: "button", class: "button primary", "data-testid": "teach-guided-confirm", onclick: on.keep });
    this.rewrite = h("button", { type: "button", class: "button", "data-testid": "teach-guided-rewrite", onclick: on.rewrite },
      "Write it again");
    this.questionText = h("span");
    this.question = h("div", { class: "guided-question", role: "alertdialog", "aria-label": "Is this the digit asked for?", hidden: true },
      h("p", {}, this.questionText), h("div", { class: "button-row" }, this.keep, this.rewrite));
    this.next = h("button", { type: "button", class: "button primary", "data-testid": "teach-guided-next", "aria-keyshortcuts": "Enter",
                              onclick: on.next }, "Next ", h("kbd", {}, "Enter"));
    this.undo = h("button", { type: "button", class: "button", "data-testid": "teach-guided-undo", onclick: on.undo }, "Undo last drawing");
    this.redo = h("button", { type: "button", class: "button", "data-testid": "teach-guided-redo", onclick: on.redo }, "Redo");
    this.skip = h("button", { type: "button", class: "button", "data-testid": "teach-guided-skip", onclick: on.skip }, "Skip");
    this.tools = h("div", { class: "button-row guided-tools" }, this.next, this.undo, this.redo, this.skip);
    this.asking = h("div", { class: "guided-asking" }, this.prompt, this.message, this.question, this.tools);
    this.stripTitle = h("p", { class: "guided-strip-title muted", id: "guided-strip-title" });
    this.strip = h("ol", { class: "guided-strip", "data-testid": "teach-guided-strip", "aria-labelledby": "guided-strip-title" });
    this.progress = h("progress", { class: "finetune-progress", "data-testid": "teach-guided-progress", max: 1, value: 0, hidden: true,
                                    "aria-label": "Fine-tuning progress" });
    this.progressText = h("p", { class: "guided-progress-text", "aria-live": "polite" });
    this.result = h("div", { class: "guided-result", "data-testid": "teach-guided-result", hidden: true, "aria-live": "polite" });
    this.check = h("button", { type: "button", class: "button primary", "data-testid": "teach-guided-check", onclick: on.check },
      "Check it on new drawings");
    this.close = h("button", { type: "button", class: "button", "data-testid": "teach-guided-close", onclick: on.close }, "Close");
    this.endTools = h("div", { class: "button-row" }, this.check, this.close);
    this.panel = h("section", { class: "guided", "data-testid": "teach-guided", "aria-label": "Teach it your handwriting", hidden: true },
      h("div", { class: "guided-head" }, h("h2", {}, "Teach it your handwriting"),
        h("label", { class: "guided-count" }, h("span", { class: "visually-hidden" }, "How many drawings"), this.perDigit)),
      this.asking, this.stripTitle, this.strip, this.progress, this.progressText, this.result, this.endTools, this.about);
    this.element = h("div", { class: "guided-root" }, this.invitation, this.panel);
  }

  /** Another way in (after a correction, when the network is unsure): a small button with `text`. */
  offer(text, onclick) {
    return h("button", { type: "button", class: "link-button guided-offer", onclick }, text);
  }

  /** "<element>, or " (the unsure hint's way in, before the other way it names). */
  beforeOr(element) {
    return h("span", {}, element, ", or ");
  }

  /** The invitation, for network `name` (tuning a tuned network starts again from the one it came from),
   *  from `per` drawings of each digit. */
  showInvitation(name, busy, per) {
    setText(this.startNote, `${name} learns how you write from ${10 * per} drawings, in about a minute.`);
    this.start.disabled = busy;
  }

  /** The panel opens on round `round` (guided-state.js) of `name`; `per` drawings of each digit. */
  open(name, per, round) {
    this.panel.hidden = false;
    this.invitation.hidden = true;
    this.perDigit.value = String(per);
    this.intro.textContent = `Write each digit the way you usually do, on the pad above, and press Next. The strip `
      + `shows what ${name} reads now: green if right, red if not. After the last one, ${name} learns from your `
      + "drawings for a few seconds, mixed with MNIST's so that it does not forget everyone else's. Then a short "
      + "check round of new drawings, which neither network learned from, shows honestly how much better it reads you. "
      + "Your drawings stay in this browser.";
    this.result.hidden = true;
    this.endTools.hidden = true;
    this.progress.hidden = true;
    this.progressText.textContent = "";
    this.showRound(round);
  }

  /** Where the round is: the prompt (or none once it is over), the buttons that apply, the strip. */
  showRound(round) {
    const asking = !round.done;
    this.asking.hidden = !asking;
    this.perDigit.hidden = round.kind !== "teach" || round.answers.length > 0;     // chosen before the first drawing
    this.prompt.hidden = !asking;
    if (asking) {
      this.prompt.replaceChildren(ROUND_NAMES[round.kind], `Write ${article(round.digit)} `, h("strong", { class: "guided-digit" }, String(round.digit)),
        ` · ${round.step} of ${round.steps}`);
      Object.assign(this.prompt.dataset, { digit: String(round.digit), step: String(round.step), steps: String(round.steps) });
    } else {
      Object.assign(this.prompt.dataset, { digit: "", step: "", steps: "" });
    }
    this.undo.disabled = round.answers.length === 0;
    this.redo.disabled = round.undone.length === 0;
    this.hideQuestion();
    this.showStrip(round);
  }

  /** The strip of what the network read of each drawing of `round`. */
  showStrip(round) {
    this.strip.replaceChildren(...round.answers.map((answer, i) => stripItem(answer, i + 1, round)));
    this.stripTitle.textContent = round.answers.length ? `What ${round.reader} read of each drawing:` : "";
  }

  say(sentence) {
    setText(this.message, sentence);
  }

  /** "That looks like a 7 to it. Keep it as a 1, or redo?" */
  ask(asked, read) {
    this.questionText.textContent = `That looks like ${aDigit(read)} to it. Keep it as ${aDigit(asked)}, or write it again?`;
    this.keep.textContent = `Keep it as ${aDigit(asked)}`;
    this.question.hidden = false;
    this.tools.hidden = true;
    this.keep.focus();
  }

  hideQuestion() {
    this.question.hidden = true;
    this.tools.hidden = false;
  }

  showProgress(sentence, done) {
    this.progress.hidden = false;
    this.progress.value = done;
    setText(this.progressText, sentence);
  }

  hideProgress() {
    this.progress.hidden = true;
  }

  /** The tuned network is in the recognizer: what it learned, how long it took, and MNIST before and after
   *  (sentences.mnist: the sentence; sentences.changes: the fold of MNIST digits it reads otherwise now). */
  showTuned({ name, base, mnist_before, mnist_after, mnist_changes }, seconds, drawings, sentences) {
    this.hideProgress();
    this.progressText.textContent = "";
    Object.assign(this.result.dataset, { name, before: "", after: "", seconds: seconds.toFixed(1) });
    this.result.replaceChildren(
      h("p", { class: "guided-headline" }, `${name} learned from your ${drawings} in ${seconds.toFixed(1)} s, and reads the pad now.`),
      h("p", {}, sentences.mnist(base, mnist_before, mnist_after)),
      sentences.changes(mnist_changes, base, name),
      h("p", { class: "muted guided-check-hint" }, "How much better does it read you? The drawings it learned from would flatter it, so write "
        + "each digit once more: neither network learned from these."));
    this.result.hidden = false;
    this.check.textContent = "Check it on new drawings";
    this.endTools.hidden = false;
    this.check.hidden = false;
  }

  /** The check round read by the network `before` its tuning and `after` it: "before: 7 of 10, after: 10 of 10". */
  showChecked({ right_before, right_after, drawings }, before, after) {
    Object.assign(this.result.dataset, { before: String(right_before / drawings), after: String(right_after / drawings) });
    this.result.querySelector(".guided-check-hint")?.remove();
    this.result.append(h("p", { class: "guided-score" }, `On ${drawings} new drawing${drawings === 1 ? "" : "s"} that neither `
      + `${before} nor ${after} had learned from, `, h("strong", {}, `before: ${right_before} of ${drawings}, after: ${right_after} of ${drawings}`),
      "."));
    if (this.strip.querySelector(".changed")) {
      this.result.append(h("p", { class: "muted" },
        `Where the two read a drawing differently, the strip shows what ${before} read → what ${after} reads.`));
    }
    this.asking.hidden = true;
    this.check.hidden = true;
    this.endTools.hidden = false;
  }

  /** The check round could not be read: a sentence, and the round can be tried again. */
  showCheckFailed(sentence) {
    this.result.append(h("p", { class: "guided-error" }, sentence));
    this.check.hidden = false;
    this.check.textContent = "Check it again";
    this.endTools.hidden = false;
  }

  showFailed(sentence) {
    this.hideProgress();
    this.progressText.textContent = sentence;
    this.endTools.hidden = false;
    this.check.hidden = true;
  }

  shut() {
    this.panel.hidden = true;
    this.invitation.hidden = false;
    this.start.focus();
  }
}

/** One drawing in the strip: the picture, the digit asked, and what the network read (right or wrong);
 *  in a check round compared with the network before its tuning, what that one read too where it differs. */
function stripItem(answer, step, round) {
  if (!answer.image) {
    return h("li", { class: "guided-item skipped", "data-testid": "teach-guided-item", "data-digit": answer.digit, "data-read": "" },
      h("span", { class: "guided-skipped", "aria-hidden": "true" }, "–"),
      h("span", { class: "guided-caption" }, `${answer.digit}: skipped`));
  }
  const right = answer.read === answer.digit;
  const changed = answer.before !== undefined && answer.before !== answer.read;
  const verdict = right ? "right" : "wrong";
  const drawing = `Drawing ${step}: ${aDigit(answer.digit)}`;
  const caption = changed ? `${answer.before}→${answer.read} ${right ? "✓" : "✗"}`
    : right ? `${answer.digit} ✓` : `${answer.digit} read ${answer.read} ✗`;
  return h("li", { class: `guided-item ${verdict}${changed ? " changed" : ""}`, "data-testid": "teach-guided-item",
                   "data-digit": answer.digit, "data-read": answer.read, "data-before": answer.before ?? null,
                   title: changed ? `${drawing}, read as ${answer.before} by ${round.base}, as ${answer.read} by ${round.reader}`
                     : `${drawing}, read as ${answer.read}` },
    digitCanvas(answer.image),
    h("span", { class: "guided-caption", "aria-hidden": changed ? "true" : null }, caption),
    h("span", { class: "visually-hidden" }, changed ? `${aDigit(answer.digit)}: ${round.base} read ${answer.before}, `
      + `${round.reader} reads ${answer.read}, ${verdict}.` : ` read ${verdict}`));
}
