// The Python of the layer picked in Inside, and the visitor's own version of it: the shipped
// function (read-only, coloured), an editor holding a copy, Run (the drawing read again with
// the changed function), Reset (the shipped code back), a download of the edited function,
// and the ready-made changes, each with what it teaches.
//
// The editor (widgets/code-editor.js, CodeMirror) is fetched the first time a function that can
// be changed is shown: the page loads without it, and most visitors never open one.
//
// Edited code runs only when Run is pressed: nothing is ever taken from the URL or from storage.

import { CODE } from "../../generated/facts.js";
import { fromPython } from "../../lib/arrays.js";
import { h } from "../../lib/dom.js";
import { offerFile } from "../../lib/files.js";
import { probabilityBar } from "../../widgets/bars.js";
import { CodeView } from "../../widgets/code.js";

// The editor is a bundle of its own beside the page's, js/code-editor.js (tools/bundler.py): a
// name computed at run time, so that the page's bundle leaves it out and the browser fetches it
// only when it is asked for.
const EDITOR = new URL("code-editor.js", import.meta.url);

export class CodePanel {
  /** on.run(text), on.reset(): the controller's handlers. */
  constructor(on) {
    this.view = new CodeView({ testid: "code-view", summary: "The Python that computes this layer" });
    this.shipped = null;                         // the shipped CodeSource shown
    this.lesson = h("p", { class: "code-lesson", "aria-live": "polite" });
    this.experiments = h("div", { class: "code-experiments", role: "group", "aria-label": "Ready-made changes" });
    this.host = h("div", { class: "code-edit-host" }, h("p", { class: "muted" }, "Opening the editor…"));
    this.loading = null;                         // the promise of the editor, once asked for
    this.run = h("button", { type: "button", class: "button primary", "data-testid": "code-run",
                             onclick: () => this.editor().then((editor) => on.run(editor.text)) }, "Run it on my drawing");
    this.reset = h("button", { type: "button", class: "button", "data-testid": "code-reset", onclick: () => on.reset() },
      "Back to the shipped code");
    this.save = h("button", { type: "button", class: "button", onclick: () => this.download() }, "Download my version (.py)");
    this.error = h("p", { class: "code-error", "data-testid": "code-error", role: "alert" });
    this.bars = Array.from({ length: 10 }, (_, digit) => probabilityBar(digit));
    this.words = h("p", { class: "code-answer-words" });
    this.answer = h("div", { class: "code-answer", "data-testid": "code-answer", "data-digit": "", "data-probs": "",
                             "data-input": "", hidden: true },
      this.words, h("ol", { class: "bars code-bars", "aria-label": "Your version's confidence for each digit" },
        this.bars.map((b) => b.element)));
    this.editing = h("div", { class: "code-editing", "data-runs": "0" },
      h("h5", {}, "Change it, and run it on your drawing"),
      h("p", { class: "muted" }, "Edit the copy below and press Run: Python reads your drawing again with your version, ",
        "and every layer above shows what it computes. Nothing you write is kept or shared; the shipped code comes back ",
        "with Reset or with your next drawing."),
      this.experiments, this.lesson, this.host,
      h("div", { class: "button-row" }, this.run, this.reset, this.save),
      this.error, this.answer);
    this.view.element.append(this.editing);
    this.element = this.view.element;
  }

  /** The shipped code of `source.part`; an editor with a copy if that part can be changed. */
  show(/** @type {import("../../api.js").CodeSource} */ source) {
    const fresh = this.shipped?.part !== source.part;
    this.shipped = source;
    this.view.show(source);
    this.editing.hidden = !CODE.editable.includes(source.part);
    if (!fresh || this.editing.hidden) return;
    this.write(source.source);
    this.lesson.textContent = "";
    this.showError("");
    this.answer.hidden = true;
    this.experiments.replaceChildren(...CODE.experiments.filter((e) => e.part === source.part).map((experiment) =>
      h("button", { type: "button", class: "button code-experiment", onclick: () => this.try(experiment) }, `Try: ${experiment.title}`)));
  }

  say(/** @type {string} */ text) {
    this.shipped = null;
    this.view.say(text);
    this.editing.hidden = true;
  }

  /** A ready-made change in the editor, with what it teaches; the visitor presses Run. */
  try(/** @type {import("../../api.js").CodeExperiment} */ experiment) {
    this.write(experiment.text);
    this.lesson.textContent = experiment.lesson;
    this.editor().then((editor) => editor.focus());
  }

  /** The shipped text back in the editor. */
  restore() {
    if (this.shipped) this.write(this.shipped.source);
    this.lesson.textContent = "";
  }

  /** While a version runs, Run waits; `data-runs` counts the runs finished, for whoever waits on one. */
  busy(/** @type {boolean} */ running) {
    this.run.disabled = running;
    this.run.textContent = running ? "Running…" : "Run it on my drawing";
    if (!running) this.editing.dataset.runs = String(Number(this.editing.dataset.runs) + 1);
  }

  showError(/** @type {string} */ text) {
    this.error.textContent = text;
  }

  /** What the network reads with the code in the editor (`yours`), beside the shipped answer. */
  showAnswer(/** @type {import("../../api.js").CodeRun} */ run, /** @type {boolean} */ yours, /** @type {number} */ shippedDigit) {
    this.answer.hidden = false;
    this.answer.dataset.digit = run.digit === null ? "" : String(run.digit);
    this.answer.dataset.probs = run.probabilities.map((p) => (p === null ? "NaN" : String(p))).join(",");
    this.answer.dataset.input = fromPython(run.input).join(",");
    this.answer.classList.toggle("yours", yours);
    const who = yours ? "Your version" : "The shipped code";
    this.words.textContent = run.digit === null
      ? `${who} gives no probabilities at all: every one is "not a number" (NaN), so there is no answer.`
      : `${who} reads ${run.digit}${yours ? ` (the shipped code reads ${shippedDigit})` : ""}.`
        + (run.finite ? "" : " Some of its numbers are not numbers (NaN or infinity).");
    run.probabilities.forEach((p, digit) => this.bars[digit].set(p, digit === run.digit));
  }

  download() {
    const name = (this.shipped?.function ?? "function").split(".").slice(-2).join("_").toLowerCase();
    this.editor().then((editor) => offerFile(`my_${name}.py`, editor.text, "text/x-python"));
  }

  /** The editor, fetched and opened the first time it is asked for. */
  editor() {
    if (!this.loading) {
      const loaded = /** @type {Promise<typeof import("../../widgets/code-editor.js")>} */ (import(EDITOR.href));
      this.loading = loaded.then(({ CodeEditor }) => {
        this.host.replaceChildren();
        return new CodeEditor(this.host, { label: "Your version of the function", testid: "code-edit" });
      });
      this.loading.catch(() => {
        this.loading = null;                     // asked again next time
        this.host.replaceChildren(h("p", { class: "muted" }, "The editor could not be loaded: open the code again to retry."));
      });
    }
    return this.loading;
  }

  /** `text` in the editor, in place of what it held. */
  write(/** @type {string} */ text) {
    this.editor().then((editor) => { editor.text = text; }, () => {});
  }
}
