// Teach it your handwriting. When the recognizer reads a drawing wrong, the visitor says
// which digit it is; the 28x28 image joins a personal set kept in this browser. Fine-tuning
// trains the chosen network a little on that set (mixed with MNIST, so it does not forget),
// and the tuned network joins the menu. Python: finetune and personal_* in py/digits/learn.py.

import { ensureSubset, offerDownload, bytesFromBase64 } from "./files.js";
import { loadPersonalSet, savePersonalSet, saveModel, forgetModel, forgetEverything } from "./store.js";
import { drawGray } from "./pictures.js";
import { percent } from "./recognizer.js";

const MAX_ITEMS = 2000;               // as learn.MAX_PERSONAL
const MAX_FILE_BYTES = 8 * 2 ** 20;   // as learn.MAX_FILE_BYTES
// Fine-tuning: so many steps of a minibatch this big (half of it the visitor's drawings).
// The cnn costs about ten times more per image in the browser: fewer, smaller steps keep it to seconds.
const TUNING = { cnn: { steps: 24, batch: 32 }, other: { steps: 40, batch: 64 } };
const TUNING_SLICE = 0.25;            // seconds of steps per call to Python

export async function setupTeach(root, python, recognizer) {
  const view = findView(root);
  const set = { items: [], stored: true, tuning: false };

  // ------------------------------------------------------------ correcting an answer

  function showCorrection() {
    const answer = recognizer.last;
    view.correct.hidden = !answer;
    if (answer) view.correctLabel.textContent = `Not a ${answer.digit}? Tell it which digit you drew:`;
  }
  // Every new reading (or an emptied pad) bumps the prediction's data-version.
  new MutationObserver(showCorrection).observe(recognizer.view.prediction, { attributes: true, attributeFilter: ["data-version"] });

  view.digits.forEach((button, digit) => button.addEventListener("click", async () => {
    const answer = recognizer.last;
    if (!answer) return;
    if (set.items.length >= MAX_ITEMS) {
      view.saved.textContent = `Your personal set is full (${MAX_ITEMS.toLocaleString("en")} drawings): delete some first.`;
      return;
    }
    const image = Uint8Array.from(answer.image, (v) => Math.round(v * 255));
    set.items.push({ image, label: digit, added: Date.now() });
    await keep();
    view.saved.textContent = `Kept as a ${digit}: your personal set has ${count(set.items.length)}. `
      + "Fine-tune a network on it in “Teach it your handwriting” below.";
    showSet();
  }));

  // ------------------------------------------------------------ the set

  async function keep() {
    try {
      await savePersonalSet(set.items);
      set.stored = true;
    } catch (error) {
      set.stored = false;
      view.result.textContent = `Your drawings could not be kept in this browser (${error.message}); they last until you leave.`;
    }
  }

  function showSet() {
    view.count.textContent = count(set.items.length);
    view.count.dataset.count = String(set.items.length);
    view.empty.hidden = set.items.length > 0;
    view.exportButton.disabled = view.clear.disabled = set.items.length === 0;
    view.finetune.disabled = set.items.length === 0 || set.tuning;
    view.finetune.textContent = `Fine-tune ${recognizer.view.select.value} on them`;
    view.items.replaceChildren(...set.items.map((item, index) => {
      const figure = document.createElement("figure");
      figure.className = "personal-item";
      figure.dataset.testid = "personal-item";
      const canvas = document.createElement("canvas");
      drawGray(canvas, Array.from(item.image, (v) => v / 255), 28);
      const caption = document.createElement("figcaption");
      caption.textContent = String(item.label);
      const remove = document.createElement("button");
      remove.className = "remove";
      remove.type = "button";
      remove.textContent = "×";
      remove.setAttribute("aria-label", `Delete this ${item.label}`);
      remove.dataset.testid = "personal-delete";
      remove.addEventListener("click", async () => {
        set.items.splice(index, 1);
        await keep();
        showSet();
      });
      figure.append(canvas, caption, remove);
      return figure;
    }));
  }

  view.clear.addEventListener("click", async () => {
    if (!confirm(`Delete all ${count(set.items.length)} of your personal set?`)) return;
    set.items = [];
    await keep();
    showSet();
  });

  view.exportButton.addEventListener("click", async () => {
    const file = await python.call("personal_export", packed(set.items), set.items.map((item) => item.label));
    offerDownload("my-digits.npz", file);
  });

  view.importInput.addEventListener("change", async () => {
    const file = view.importInput.files[0];
    view.importInput.value = "";
    if (!file) return;
    view.result.textContent = await importSet(file);
    showSet();
  });

  /** Add the drawings in `file` to the set; the answer is a sentence. Nothing is lost on failure. */
  async function importSet(file) {
    if (file.size > MAX_FILE_BYTES) {
      return `${file.name} is ${(file.size / 2 ** 20).toFixed(1)} MB; a personal set is at most 8 MB. Nothing was imported.`;
    }
    let answer;
    try {
      answer = await python.call("personal_import", new Uint8Array(await file.arrayBuffer()));
    } catch (error) {
      return `${file.name} was not imported: ${error.message}`;
    }
    if (set.items.length + answer.labels.length > MAX_ITEMS) {
      return `${file.name} holds ${count(answer.labels.length)}; with yours that is over ${MAX_ITEMS.toLocaleString("en")}. Nothing was imported.`;
    }
    const images = bytesFromBase64(answer.images);
    answer.labels.forEach((label, i) => set.items.push({ image: images.slice(i * 784, (i + 1) * 784), label, added: Date.now() }));
    await keep();
    return `Imported ${count(answer.labels.length)} from ${file.name}.`;
  }

  // ------------------------------------------------------------ fine-tuning

  view.finetune.addEventListener("click", async () => {
    const name = recognizer.view.select.value;
    const drawings = count(set.items.length);
    set.tuning = view.finetune.disabled = view.forget.disabled = true;   // forgetting waits for the end
    view.result.setAttribute("aria-busy", "true");     // screen readers: the outcome, not every step
    view.result.textContent = `Fine-tuning ${name} on your ${drawings}…`;
    try {
      await ensureSubset(python);
      await recognizer.models.ensure(name);
      const { steps, batch } = TUNING[name.replace(/-tuned$/, "")] ?? TUNING.other;
      await python.call("finetune_start", name, packed(set.items), set.items.map((item) => item.label), steps, batch);
      // In slices, as training from scratch: the bar moves, and drawings are still read in between.
      for (let slice = { step: 0, steps, done: false }; !slice.done;) {
        showTuning(`Fine-tuning ${name} on your ${drawings}: step ${slice.step} of ${slice.steps}…`, slice.step / slice.steps);
        slice = await python.call("finetune_run", TUNING_SLICE);
      }
      showTuning(`Measuring how well the tuned ${name} reads your ${drawings} and 1,000 MNIST test digits…`, 1);
      const answer = await python.call("finetune_finish");
      const summary = { ...answer, description: `${answer.base} fine-tuned in this page on your ${drawings}, mixed with MNIST.` };
      const label = `${answer.name}: ${answer.base} tuned to your handwriting`;
      recognizer.addModel(answer.name, label, summary);
      recognizer.choose(answer.name);
      view.result.textContent = `On your ${drawings}: ${percent(answer.before, 0)} right before, ${percent(answer.after, 0)} after. `
        + `On 1,000 MNIST test digits: ${percent(answer.mnist_before, 1)} before, ${percent(answer.mnist_after, 1)} after. `
        + `The recognizer now uses ${answer.name}.`;
      view.result.dataset.after = String(answer.after);
      await saveModel({ name: answer.name, label, summary, file: await python.call("model_file", answer.name, { base: answer.base }) })
        .catch((error) => console.warn(`The tuned network could not be kept: ${error.message}`));
    } catch (error) {
      view.result.textContent = `Fine-tuning failed: ${error.message}`;
    }
    view.progress.hidden = true;
    set.tuning = view.forget.disabled = false;
    view.result.removeAttribute("aria-busy");
    showSet();
  });

  function showTuning(message, done) {
    view.result.textContent = message;
    view.progress.hidden = false;
    view.progress.value = done;
  }

  recognizer.view.select.addEventListener("change", showSet);

  // ------------------------------------------------------------ forgetting

  view.forget.addEventListener("click", async () => {
    if (!confirm("Forget your personal set and every network trained or tuned in this page?")) return;
    await forgetEverything().catch(() => {});
    set.items = [];
    for (const option of [...recognizer.view.select.options]) {
      if (!["cnn", "mlp", "nielsen"].includes(option.value)) {
        await python.call("forget_model", option.value).catch(() => {});
        await forgetModel(option.value).catch(() => {});
        recognizer.removeModel(option.value);
      }
    }
    view.result.textContent = "Forgotten: nothing from you is kept in this browser any more.";
    showSet();
  });

  try {
    set.items = await loadPersonalSet();
  } catch {
    set.stored = false;        // no IndexedDB here: the set lasts until the page closes
  }
  showSet();
  showCorrection();
}

/** The drawings' 28x28 images one after another, as Python takes them. */
function packed(items) {
  const images = new Uint8Array(items.length * 784);
  items.forEach((item, i) => images.set(item.image, i * 784));
  return images;
}

function count(n) {
  return `${n.toLocaleString("en")} drawing${n === 1 ? "" : "s"}`;
}

function findView(root) {
  const correct = document.querySelector("#draw .teach-root");
  correct.innerHTML = `<div class="correct" hidden>
      <span class="correct-label"></span>
      <span class="correct-digits">${Array.from({ length: 10 }, (_, d) =>
        `<button type="button" class="digit-button" data-testid="teach-${d}" aria-label="It is a ${d}">${d}</button>`).join("")}</span>
      <p class="saved muted" data-testid="teach-saved" aria-live="polite"></p>
    </div>`;
  const find = (id) => root.querySelector(`[data-testid=${id}]`);
  return {
    correct: correct.querySelector(".correct"),
    correctLabel: correct.querySelector(".correct-label"),
    digits: [...correct.querySelectorAll(".digit-button")],
    saved: correct.querySelector(".saved"),
    count: find("personal-count"), empty: root.querySelector(".personal-empty"), items: root.querySelector(".personal-items"),
    finetune: find("finetune"), result: find("finetune-result"), progress: find("finetune-progress"),
    exportButton: find("personal-export"), importInput: find("personal-import"), clear: find("personal-clear"),
    forget: document.querySelector("[data-testid=forget-everything]"),
  };
}
