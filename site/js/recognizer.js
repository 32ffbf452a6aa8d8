// The recognizer: draw, see the 28x28 input, read the ten probabilities,
// switch networks, compare them, and peek at why.

import { Pad } from "./pad.js";
import { LatestOnly } from "./scheduler.js";
import { setStatus } from "./status.js";
import { getParam, setParams } from "./state.js";
import { drawGray, drawDiverging } from "./pictures.js";

export const MODELS = {
  cnn: "convolutional network",
  mlp: "784-128-64-10 ReLU network",
  nielsen: "784-30-10 sigmoid network",
};

export function setupRecognizer(root, python) {
  const view = {
    pad: new Pad(root.querySelector("[data-testid=canvas]")),
    prediction: root.querySelector("[data-testid=prediction]"),
    confidence: root.querySelector(".confidence"),
    preprocessed: root.querySelector("[data-testid=preprocessed]"),
    select: root.querySelector("[data-testid=model-select]"),
    facts: root.querySelector(".model-facts"),
    bars: buildBars(root.querySelector(".bars")),
    compare: root.querySelector(".compare"),
    whyIntro: root.querySelector(".why-intro"),
    why: root.querySelector(".why"),
  };
  const models = new ModelShelf(python);
  const chosen = getParam("model", "cnn");
  view.select.value = chosen in MODELS ? chosen : "cnn";   // a trained network re-selects itself once restored
  let last = null;     // the latest answer: {model, image, probabilities, digit} or null

  const predictions = new LatestOnly(async ({ final }) => {
    const name = view.select.value;
    await python.ready;
    const summary = await models.ensure(name);
    if (view.pad.isEmpty) {
      last = null;
      showEmpty(view);
      return;
    }
    const bitmap = view.pad.bitmap();
    const answer = await python.call("predict", name, bitmap.data, bitmap.height, bitmap.width);
    if (answer.empty) {
      last = null;
      showEmpty(view, "Too little ink to read: draw a bigger digit.");
      return;
    }
    last = { model: name, bitmap, ...answer };
    showAnswer(view, answer);
    setStatus("ready", readySentence(python, summary));
    if (final) {
      await showDetails(view, python, models, last);
    }
  });
  const predict = (final) => predictions.request({ final });
  const reportFailure = (error) => setStatus("error", error.message);
  predictions.run = wrapErrors(predictions.run, reportFailure);

  view.pad.addEventListener("draw", () => requestAnimationFrame(() => predict(false)));
  view.pad.addEventListener("stroke", () => predict(true));
  root.querySelector("[data-testid=clear]").addEventListener("click", () => view.pad.clear());
  root.querySelector("[data-testid=undo]").addEventListener("click", () => view.pad.undo());
  document.addEventListener("keydown", (event) => {
    if (event.target.closest("input, select, textarea, [contenteditable]")) return;
    if (event.key === "Escape") view.pad.clear();
    else if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "z") {
      event.preventDefault();
      view.pad.undo();
    }
  });
  view.select.addEventListener("change", () => {
    setParams({ model: view.select.value });
    showFacts(view, models);
    predict(true);
  });

  // Ask for the chosen network's weights at once: the worker downloads them while Python starts,
  // and loads them before anything the other sections ask of Python.
  models.ensure(view.select.value).catch(() => {});
  models.describe().then(() => showFacts(view, models));
  showEmpty(view);
  // Python's first jobs: the chosen network, then the answer to what is already drawn; the
  // page's other work for Python waits for this (see `started`).
  const started = python.ready.then(async () => {
    try {
      const summary = await models.ensure(view.select.value);
      setStatus("ready", readySentence(python, summary));
      await predict(true);
    } catch (error) {
      reportFailure(error);
    }
    // The other networks load quietly, for the side-by-side comparison.
    for (const name of Object.keys(MODELS)) models.ensure(name).catch(() => {});
  }, () => {});

  /** Offer a network that Python already holds (e.g. one trained in the page) in the menu. */
  function addModel(name, label, summary) {
    models.adopt(name, summary);
    let option = view.select.querySelector(`option[value="${name}"]`);
    if (!option) {
      option = new Option(label, name);
      view.select.add(option);
    }
    option.textContent = label;
  }

  /** Take a network out of the menu (and Python); the menu falls back to the cnn if it was chosen. */
  function removeModel(name) {
    view.select.querySelector(`option[value="${name}"]`)?.remove();
    models.forget(name);
    if (!view.select.value) choose("cnn");
  }

  /** Read the drawing with network `name` from now on. */
  function choose(name) {
    view.select.value = name;
    setParams({ model: name });
    showFacts(view, models);
    predict(true);
  }

  return {
    view, models, predict, addModel, removeModel, choose,
    /** Settles once the recognizer has its network and has answered the drawing, if any. */
    started,
    /** Resolves once the visitor has not drawn for `ms` milliseconds. */
    quiet(ms) {
      return new Promise((resolve) => {
        let timer;
        const done = () => { view.pad.removeEventListener("draw", wait); resolve(); };
        const wait = () => { clearTimeout(timer); timer = setTimeout(done, ms); };
        view.pad.addEventListener("draw", wait);
        wait();
      });
    },
    /** Once the kept networks are back in the menu, honour a link that chose one of them. */
    restoreChoice() {
      const wanted = getParam("model", "cnn");
      if (wanted !== view.select.value && view.select.querySelector(`option[value="${wanted}"]`)) choose(wanted);
    },
    get last() { return last; },
  };
}

function wrapErrors(run, onError) {
  return async (job) => {
    try {
      await run(job);
    } catch (error) {
      onError(error);
    }
  };
}

function readySentence(python, summary) {
  const digits = summary.test_images ? `${summary.test_images.toLocaleString("en")} of MNIST's test digits` : "MNIST's test digits";
  const accuracy = summary.test_accuracy ? ` (${percent(summary.test_accuracy, 2)} right on ${digits})` : "";
  const network = summary.name === "yours" ? "your network" : `the ${summary.name} network`;
  return `Ready: ${network}${accuracy} is running in Python ${python.runtime.python} with numpy ${python.runtime.numpy}, in your browser.`;
}

/** Loads each network's weights into Python once, and remembers their manifests. */
class ModelShelf {
  constructor(python) {
    this.python = python;
    this.loading = new Map();
    this.manifests = new Map();
    this.adopted = new Map();      // networks made in the page: name → summary
  }

  ensure(name) {
    if (!this.loading.has(name)) {
      const promise = this.python.loadModel(name);
      promise.catch(() => this.loading.delete(name));   // a later attempt may succeed
      this.loading.set(name, promise);
    }
    return this.loading.get(name);
  }

  /** A model Python already holds (trained or fine-tuned in the page). */
  adopt(name, summary) {
    this.loading.set(name, Promise.resolve(summary));
    this.adopted.set(name, summary);
  }

  forget(name) {
    this.loading.delete(name);
    this.adopted.delete(name);
  }

  isLoaded(name) {
    return this.loading.has(name);
  }

  /** Fetch every manifest (small JSON) so the menu can show sizes and accuracies before Python is up. */
  async describe() {
    await Promise.all(Object.keys(MODELS).map(async (name) => {
      try {
        const response = await fetch(`weights/${name}/manifest.json`);
        if (response.ok) this.manifests.set(name, await response.json());
      } catch { /* the menu simply shows less */ }
    }));
  }
}

// ------------------------------------------------------------------ views

function buildBars(list) {
  return Array.from({ length: 10 }, (_, digit) => {
    const item = document.createElement("li");
    item.className = "bar";
    item.dataset.testid = `bar-${digit}`;
    item.dataset.prob = "0";
    item.innerHTML = `<span class="bar-digit">${digit}</span>
      <span class="bar-track"><span class="bar-fill"></span></span>
      <span class="bar-value">–</span>`;
    list.append(item);
    return item;
  });
}

function bumpVersion(view) {
  view.prediction.dataset.version = String(Number(view.prediction.dataset.version) + 1);
}

function showEmpty(view, message = "Draw a digit on the pad.") {
  view.prediction.textContent = "";
  view.confidence.textContent = message;
  for (const bar of view.bars) setBar(bar, 0, false);
  view.preprocessed.getContext("2d").clearRect(0, 0, 28, 28);
  view.compare.innerHTML = `<p class="muted">Draw a digit to see how each network reads it.</p>`;
  view.why.replaceChildren();
  view.whyIntro.textContent = "Draw a digit to see what the network paid attention to.";
  bumpVersion(view);
}

function showAnswer(view, { image, probabilities, digit }) {
  view.prediction.textContent = String(digit);
  view.confidence.textContent = `${percent(probabilities[digit], 1)} sure`;
  probabilities.forEach((p, d) => setBar(view.bars[d], p, d === digit));
  drawGray(view.preprocessed, image, 28);
  bumpVersion(view);
}

function setBar(bar, probability, top) {
  bar.dataset.prob = probability.toFixed(6);
  bar.classList.toggle("top", top);
  bar.querySelector(".bar-fill").style.transform = `scaleX(${probability})`;
  bar.querySelector(".bar-value").textContent = top || probability >= 0.0005 ? percent(probability, 1) : "0%";
}

function showFacts(view, models) {
  const manifest = models.manifests.get(view.select.value);
  if (!manifest) {
    const summary = models.adopted.get(view.select.value);
    view.facts.textContent = summary?.description ?? "A network made in this page, kept in this browser.";
    return;
  }
  view.facts.textContent = `${MODELS[view.select.value]}: ${manifest.parameters.toLocaleString("en")} weights, `
    + `${manifest.test_correct.toLocaleString("en")} of 10,000 MNIST test digits right (${percent(manifest.test_accuracy, 2)}).`
    + (manifest.recipe?.label_smoothing ? ` It was trained to keep ${percent(manifest.recipe.label_smoothing, 0)} of doubt `
      + "(label smoothing), so even a clear digit reads only about 92% sure." : "")
    + (manifest.recipe?.handwriting ? ` Besides MNIST's 60,000 training digits, it learned from `
      + `${manifest.recipe.handwriting.toLocaleString("en")} digits drawn as pen strokes, the way this pad paints them.` : "");
  for (const option of view.select.options) {
    const m = models.manifests.get(option.value);
    if (m) option.textContent = `${option.value}: ${MODELS[option.value]}, ${percent(m.test_accuracy, 2)}`;
  }
}

async function showDetails(view, python, models, answer) {
  const loaded = Object.keys(MODELS).filter((name) => models.isLoaded(name));
  const [all, why] = await Promise.all([
    python.call("compare", answer.image),
    python.call("explain", answer.model, answer.image),
  ]);
  showComparison(view, loaded, all, answer.digit);
  showWhy(view, why, answer);
}

function showComparison(view, names, all, digit) {
  view.compare.replaceChildren(...Object.keys(MODELS).map((name) => {
    const row = document.createElement("div");
    row.className = "compare-row";
    const probabilities = all[name];
    if (!probabilities) {
      row.innerHTML = `<span>${name}</span><span class="digit muted">…</span><span class="sure">loading</span><span></span>`;
      return row;
    }
    const best = probabilities.indexOf(Math.max(...probabilities));
    row.classList.toggle("disagrees", best !== digit);
    row.innerHTML = `<span>${name}</span><span class="digit">${best}</span>
      <span class="sure">${percent(probabilities[best], 1)}</span>
      <span class="mini" title="${name}: ${percent(probabilities[best], 1)} for ${best}"></span>`;
    row.querySelector(".mini").append(...probabilities.map((p) => {
      const column = document.createElement("span");
      column.style.height = `${Math.max(2, p * 100)}%`;    // set through the DOM: the CSP forbids inline styles
      return column;
    }));
    return row;
  }));
}

function showWhy(view, why, answer) {
  const figures = [];
  if (why.kind === "feature_maps") {
    view.whyIntro.textContent = `The first layer slides ${why.maps.length} small 5×5 filters over the image. `
      + "Each picture shows where one filter found its pattern (bright = strong). The layers above combine these into strokes, loops and finally a digit.";
    why.maps.forEach((map, index) => {
      figures.push(figure((canvas) => drawGray(canvas, map, why.size), `filter ${index + 1}`));
    });
  } else {
    view.whyIntro.textContent = `The ${why.hidden} hidden neurons of the first layer each weigh every pixel: warm pixels push a neuron up, cool ones down. `
      + `These ${why.neurons.length} fired most for your ${answer.digit}; their weights are drawn as 28×28 pictures.`;
    why.neurons.forEach((neuron, rank) => {
      const item = figure((canvas) => drawDiverging(canvas, neuron.weights, 28),
        `#${neuron.index} · ${neuron.activation.toFixed(2)}`);
      if (rank === 0) item.classList.add("strong");
      figures.push(item);
    });
  }
  view.why.replaceChildren(...figures);
}

function figure(paint, caption) {
  const item = document.createElement("figure");
  const canvas = document.createElement("canvas");
  paint(canvas);
  const text = document.createElement("figcaption");
  text.textContent = caption;
  item.append(canvas, text);
  return item;
}

/** 0.98765 → "98.8%"; never rounds up to a certainty the network does not have. */
export function percent(value, digits) {
  const text = (value * 100).toFixed(digits);
  return value < 1 && Number(text) === 100 ? `>${(100 - 10 ** -digits).toFixed(digits)}%` : `${text}%`;
}
