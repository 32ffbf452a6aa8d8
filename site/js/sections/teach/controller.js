// Teach it your handwriting. When the recognizer reads a drawing wrong, the visitor says
// which digit it is; the 28x28 image joins a personal set kept in this browser. Fine-tuning
// trains the chosen network a little on that set (mixed with MNIST, so it does not forget),
// and the tuned network joins the menu. The guided minute beside the pad (guided.js) fills the
// set for the visitor, digit by digit, and tunes at once. Python: finetune_* and personal_*
// (api.js); Python also decides the set's limits, how long each network is tuned, and the
// tuned network's name.

import * as api from "../../api.js";
import { TEACH } from "../../generated/facts.js";
import { fromPython } from "../../lib/arrays.js";
import { offerDownload } from "../../lib/files.js";
import { InterruptedError } from "../../python.js";
import { percent, whole } from "../../lib/format.js";
import { forgetEverything, forgetModel } from "../../store.js";
import { setupGuided } from "./guided.js";
import { lostTooMuch, mnistChanges } from "./mnist-changes.js";
import { PersonalSet } from "./state.js";
import { tuneOnPersonalSet } from "./tuning.js";
import { drawings, TeachView } from "./view.js";

const MEGABYTE = 2 ** 20;
const MNIST_TEST = whole(TEACH.mnist_digits);      // how many MNIST test digits a tuned network is measured on

/** What a tuning that took MNIST's reading from `before` to `after` did to everyone else's writing. */
function forgetting(before, after) {
  if (after >= before) return "it reads everyone else's writing as well as before";
  return lostTooMuch(before - after) ? "it forgot more of everyone else's writing than it should"
    : "it forgot very little of everyone else's writing";
}

export async function setupTeach(root, python, networks, recognizer) {
  const set = new PersonalSet();

  const view = new TeachView(root, {
    correct: (digit) => correct(digit),
    remove: async (index) => {
      set.remove(index);
      await keep();
      showSet();
    },
    clear: async () => {
      if (!confirm(`Delete all ${drawings(set.size)} of your personal set?`)) return;
      set.clear();
      await keep();
      showSet();
    },
    export: async () => offerDownload("my-digits.npz", await api.personalExport(python, set.packed(), set.labels())),
    import: async (input) => {
      const file = input.files[0];
      input.value = "";
      if (!file) return;
      view.result.textContent = await importSet(file);
      showSet();
    },
    finetune: () => finetune(),
    forget: () => forget(),
  });
  recognizer.placeUnderAnswer(view.correction);
  recognizer.events.addEventListener("answer", () => view.showCorrection(recognizer.last));
  networks.addEventListener("chosen", () => showSet());

  const showSet = () => view.showSet(set.items, { tuning: set.tuning, model: networks.chosen });
  /** A tuning starts (the Fine-tune button, the guided minute) or ends: one at a time, and forgetting waits. */
  const busy = (tuning) => {
    set.tuning = tuning;
    view.forget.disabled = tuning;
    showSet();
    guided.refresh();
  };
  const mnistSentence = (base, before, after) => `On ${MNIST_TEST} MNIST test digits, ${base} read ${percent(before, 1)} `
    + `right before and ${percent(after, 1)} after: ${forgetting(before, after)}.`;
  const guided = setupGuided(python, networks, recognizer, set, {
    busy, mnist: mnistSentence, changes: mnistChanges, kept: async () => { await keep(); showSet(); } });

  async function keep() {
    const problem = await set.keep();
    if (problem) view.result.textContent = problem;
  }

  // ------------------------------------------------------------ the set

  async function correct(digit) {
    const answer = recognizer.last;
    if (!answer) return;
    if (!set.hasRoomFor(1)) {
      view.saved.textContent = `Your personal set is full (${whole(TEACH.max_personal)} drawings): delete some first.`;
      return;
    }
    set.add(Uint8Array.from(answer.image, (v) => Math.round(v * 255)), [digit]);
    await keep();
    view.saved.replaceChildren(`Kept as a ${digit}: your personal set has ${drawings(set.size)}. `
      + "Fine-tune a network on it in “Teach it your handwriting” below, or ",
    guided.offerButton("teach it your handwriting in a minute"), ".");
    showSet();
  }

  /** Add the drawings in `file` to the set; the answer is a sentence. Nothing is lost on failure. */
  async function importSet(file) {
    if (file.size > TEACH.max_file_bytes) {
      return `${file.name} is ${(file.size / MEGABYTE).toFixed(1)} MB; a personal set is at most `
        + `${TEACH.max_file_bytes / MEGABYTE} MB. Nothing was imported.`;
    }
    let answer;
    try {
      answer = await api.personalImport(python, new Uint8Array(await file.arrayBuffer()));
    } catch (error) {
      return `${file.name} was not imported: ${error.message}`;
    }
    const labels = fromPython(answer.labels);
    if (!set.hasRoomFor(labels.length)) {
      return `${file.name} holds ${drawings(labels.length)}; with yours that is over ${whole(TEACH.max_personal)}. Nothing was imported.`;
    }
    set.add(fromPython(answer.images), labels);
    await keep();
    return `Imported ${drawings(labels.length)} from ${file.name}.`;
  }

  // ------------------------------------------------------------ fine-tuning

  async function finetune() {
    const name = networks.chosen;
    const yours = drawings(set.size);
    busy(true);
    view.result.setAttribute("aria-busy", "true");     // screen readers: the outcome, not every step
    view.result.textContent = `Fine-tuning ${name} on your ${yours}…`;
    view.changes.replaceChildren();
    try {
      const answer = await tuneOnPersonalSet(python, networks, set, name, (sentence, done) => view.showTuning(sentence, done));
      view.result.textContent = `On your ${yours}: ${percent(answer.before, 0)} right before, ${percent(answer.after, 0)} after. `
        + `On ${MNIST_TEST} MNIST test digits: ${percent(answer.mnist_before, 1)} before, ${percent(answer.mnist_after, 1)} after. `
        + `The recognizer now uses ${answer.name}.`;
      view.result.dataset.after = String(answer.after);
      view.changes.replaceChildren(mnistChanges(answer.mnist_changes, answer.base, answer.name) ?? "");
    } catch (error) {
      view.result.textContent = error instanceof InterruptedError
        ? `Fine-tuning was interrupted: ${error.message} Your drawings are kept; press Fine-tune to try again.`
        : `Fine-tuning failed: ${error.message}`;
    }
    view.progress.hidden = true;
    view.result.removeAttribute("aria-busy");
    busy(false);
  }

  // ------------------------------------------------------------ forgetting

  async function forget() {
    if (!confirm("Forget your personal set and every network trained or tuned in this page?")) return;
    await forgetEverything().catch(() => {});
    set.clear();
    for (const name of networks.madeHere) {
      await api.forgetModel(python, name).catch(() => {});
      await forgetModel(name).catch(() => {});
      networks.remove(name);
    }
    view.result.textContent = "Forgotten: nothing from you is kept in this browser any more.";
    guided.forget();
    showSet();
  }

  await set.load();
  showSet();
  view.showRestored();
  view.showCorrection(recognizer.last);
}
