// The perceptron at the beach: one neuron you can hold in your hand.
//
// The perceptron itself is Python (py/digits/perceptron.py); this file is its
// view. Every sum, output and training step comes from Python. While Python is
// still loading, the controls, the drawing and the terms of the formula already
// work, and the sum reads "…".
//
// The configuration lives in the URL hash (see state.js), so it is a link:
//   p.x      the situation, 3 bits: 1 = sunny / weekend / friends, 0 = the other
//   p.w1 p.w2 p.w3 p.b   the weights and the bias
//   p.want   what the visitor would do in each of the 8 situations (1 = go), in table order

import { getParam, setParams } from "./state.js";
import { LatestOnly } from "./scheduler.js";
import { BEACH, HOME, fixed, icon, neuronMarkup, updateNeuron } from "./perceptron-drawings.js";

const INPUTS = [
  { name: "weather", yes: "Sunny", no: "Raining" },
  { name: "day", yes: "Weekend", no: "Weekday" },
  { name: "company", yes: "Friends", no: "Alone" },
];
const WORDS = [["sunny", "raining"], ["weekend", "weekday"], ["with friends", "alone"]];

// The 8 situations in the order Python's truth table uses: all good first, all bad last.
const SITUATIONS = [1, -1].flatMap((a) => [1, -1].flatMap((b) => [1, -1].map((c) => [a, b, c])));

const LIMIT = 5;                 // the sliders go from -5 to 5 in steps of 0.1
const LEARNING_RATE = 0.5;       // η: from all-zero weights every learnable wish ends within ±2
const START = { x: [1, 1, -1], w: [2, 3, 1], bias: -1 };
const START_WISH = [1, 0, 1, 0, 0, 0, 0, 0];        // go when it is sunny and friends come
const XOR_WISH = SITUATIONS.map(([sun, weekend]) => (sun !== weekend ? 1 : 0));
const PRESETS = [
  { label: "Sun is all that matters", w: [4, 1, 1], bias: 0 },
  { label: "Weekday weighs a lot", w: [1.5, 3, 1.5], bias: 0.5 },
  { label: "Only with friends", w: [1, 1, 4], bias: 0 },
  { label: "Two out of three", w: [1, 1, 1], bias: 0 },
];

const IDLE_REPORT = "Mark what you would do in each situation, then press <strong>Train</strong>: " +
  "the neuron learns your rule with the perceptron learning rule, starting from all weights at 0.";
const STEP_DELAY = matchMedia("(prefers-reduced-motion: reduce)").matches ? 60 : 450;   // ms between shown updates

export function setupPerceptron(root, python) {
  return new BeachPerceptron(root, python);
}

class BeachPerceptron {
  constructor(root, python) {
    this.python = python;
    this.state = readState();
    this.version = 0;          // bumps with every change, so stale answers are not shown
    this.table = null;         // Python's latest truth table
    this.training = null;      // {result, next} while updates remain to be shown
    this.session = 0;          // bumps when a training run becomes stale
    root.innerHTML = markup();
    this.view = findParts(root);
    this.answers = new LatestOnly((job) => this.compute(job));
    this.bindControls();
    this.render();
  }

  // ------------------------------------------------------------------ changes

  /** Apply changes to the state, redraw, ask Python, remember in the URL. */
  change(changes, { byTraining = false } = {}) {
    Object.assign(this.state, changes);
    const touchesNeuron = "w" in changes || "bias" in changes || "want" in changes;
    if (!byTraining && touchesNeuron) this.cancelTraining();
    this.render();
    this.rememberSoon();
  }

  render() {
    this.version += 1;
    showControls(this.view, this.state);
    showFormulaTerms(this.view.terms, this.state);
    showWish(this.view, this.state, this.table);
    updateNeuron(this.view.neuron, { inputs: INPUTS, ...this.state }, null);
    this.view.result.setAttribute("aria-busy", "true");
    this.answers.request({ version: this.version, x: [...this.state.x], w: [...this.state.w], bias: this.state.bias });
  }

  /** Ask Python for the current situation and the whole truth table; show them if still current. */
  async compute({ version, x, w, bias }) {
    try {
      await this.python.ready;
    } catch {
      showWaiting(this.view, "Python could not start in this browser, so the neuron cannot add up. Reload the page to try again.");
      return;
    }
    try {
      const [answer, table] = await Promise.all([
        this.python.call("perceptron_evaluate", x, w, bias),
        this.python.call("perceptron_truth_table", w, bias),
      ]);
      if (version !== this.version) return;         // a newer question is already on its way
      this.table = table;
      showAnswer(this.view, { inputs: INPUTS, ...this.state }, answer);
      showTable(this.view, table, this.state.want);
    } catch (error) {
      showWaiting(this.view, error.message);
    }
  }

  rememberSoon() {
    clearTimeout(this.rememberTimer);
    this.rememberTimer = setTimeout(() => writeState(this.state), 250);
  }

  // ------------------------------------------------------------------ controls

  bindControls() {
    const { view } = this;
    view.toggles.forEach((button, i) => button.addEventListener("click", () => {
      const x = [...this.state.x];
      x[i] = -x[i];
      this.change({ x });
    }));
    view.sliders.forEach((slider, i) => slider.addEventListener("input", () => {
      if (i === 3) this.change({ bias: Number(slider.value) });
      else this.change({ w: this.state.w.map((value, j) => (j === i ? Number(slider.value) : value)) });
    }));
    view.presets.forEach((button, i) => button.addEventListener("click", () => {
      this.change({ w: [...PRESETS[i].w], bias: PRESETS[i].bias });
    }));
    view.reset.addEventListener("click", () => this.change({ x: [...START.x], w: [...START.w], bias: START.bias }));
    view.rows.forEach((row, i) => {
      row.querySelector(".pc-show").addEventListener("click", () => this.change({ x: [...SITUATIONS[i]] }));
      row.querySelector(".pc-want").addEventListener("click", () => {
        this.change({ want: this.state.want.map((y, j) => (j === i ? 1 - y : y)) });
      });
    });
    view.copyWish.addEventListener("click", () => {
      if (this.table) this.change({ want: this.table.map((row) => row.output) });
    });
    view.xorWish.addEventListener("click", () => this.change({ want: [...XOR_WISH] }));
    view.train.addEventListener("click", () => this.play());
    view.step.addEventListener("click", () => this.stepOnce());
  }

  // ------------------------------------------------------------------ training

  /** Train and show every update, one after another, until all 8 are right (or say why not). */
  async play() {
    const training = this.training ?? await this.startTraining();
    if (!training) return;
    this.view.train.disabled = true;
    const session = this.session;
    while (this.training === training && session === this.session) {
      this.showNextUpdate();
      await pause(STEP_DELAY);
    }
    this.view.train.disabled = false;
  }

  /** Show one update; the first press starts a run from all-zero weights. */
  async stepOnce() {
    this.stopPlaying();
    if (!this.training) {
      await this.startTraining();
      return;
    }
    this.showNextUpdate();
  }

  /** Ask Python to learn the wish; returns the run to show, or null when there is nothing to show. */
  async startTraining() {
    this.cancelTraining();
    const session = this.session;
    const want = [...this.state.want];
    setReport(this.view, "training", "Training…");
    let result;
    try {
      await this.python.ready;
      result = await this.python.call("perceptron_train", want, [0, 0, 0], 0, LEARNING_RATE);
    } catch (error) {
      setReport(this.view, "error", `Training needs Python: ${error.message}`);
      return null;
    }
    if (session !== this.session) return null;         // the visitor changed something meanwhile
    if (!result.learnable) {
      showImpossible(this.view, result);
      return null;
    }
    this.training = { result, next: 0 };
    this.view.updates.replaceChildren(item(startDescription()));
    setReport(this.view, "training",
      `Starting from a neuron that knows nothing: all weights and the bias at 0. ${updatesToGo(result.updates.length)}`);
    this.change({ w: [0, 0, 0], bias: 0 }, { byTraining: true });
    if (result.updates.length === 0) {          // a wish of "stay home, always" needs no lesson
      this.finishTraining();
      return null;
    }
    return this.training;
  }

  showNextUpdate() {
    const { result, next } = this.training;
    if (next >= result.updates.length) {
      this.finishTraining();
      return;
    }
    const update = result.updates[next];
    this.training.next += 1;
    this.view.updates.querySelector(".current")?.classList.remove("current");
    const entry = item(describeUpdate(update, next + 1));
    entry.classList.add("current");
    this.view.updates.append(entry);
    this.view.updates.scrollTop = this.view.updates.scrollHeight;     // the list scrolls, not the page
    markRows(this.view.rows, "learning", [update.situation]);
    this.change({ w: update.after.weights, bias: update.after.bias }, { byTraining: true });
    if (this.training.next === result.updates.length) this.finishTraining();
  }

  finishTraining() {
    const { result } = this.training;
    this.training = null;
    const updates = result.updates.length === 1 ? "1 update" : `${result.updates.length} updates`;
    const passes = result.passes === 1 ? "1 pass" : `${result.passes} passes`;
    setReport(this.view, "learned",
      `<strong>Learned.</strong> All 8 situations are right after ${updates} (${passes} through the table). ` +
      "The sliders show the weights it found.");
  }

  cancelTraining() {
    this.session += 1;
    this.training = null;
    this.view.train.disabled = false;
    markRows(this.view.rows, "learning", []);
    markRows(this.view.rows, "witness", []);
    if (this.view.report.dataset.state !== "idle") {
      setReport(this.view, "idle", IDLE_REPORT);
      this.view.updates.replaceChildren();
    }
  }

  stopPlaying() {
    this.session += 1;
    this.view.train.disabled = false;
  }
}

// -------------------------------------------------------------------- the state and the URL

function readState() {
  const x = readBits("p.x", 3)?.map((bit) => (bit ? 1 : -1)) ?? [...START.x];
  const w = START.w.map((fallback, i) => readWeight(`p.w${i + 1}`, fallback));
  return { x, w, bias: readWeight("p.b", START.bias), want: readBits("p.want", 8) ?? [...START_WISH] };
}

function readBits(key, length) {
  const text = getParam(key);
  return text && new RegExp(`^[01]{${length}}$`).test(text) ? [...text].map(Number) : null;
}

function readWeight(key, fallback) {
  const value = Number(getParam(key));
  if (getParam(key) === null || !Number.isFinite(value)) return fallback;
  return Math.round(Math.min(LIMIT, Math.max(-LIMIT, value)) * 10) / 10;    // where the slider can be
}

function writeState({ x, w, bias, want }) {
  setParams({
    "p.x": x.map((value) => (value > 0 ? 1 : 0)).join(""),
    "p.w1": w[0], "p.w2": w[1], "p.w3": w[2], "p.b": bias,
    "p.want": want.join(""),
  });
}

// -------------------------------------------------------------------- building the section

function markup() {
  return `
  <div class="pc-layout">
    <div class="card pc-controls">
      <fieldset>
        <legend>The situation <span class="muted">x: press to change</span></legend>
        <div class="pc-toggles">${INPUTS.map(toggleMarkup).join("")}</div>
      </fieldset>
      <fieldset>
        <legend>How much each one matters <span class="muted">w and b</span></legend>
        ${INPUTS.map((input, i) => sliderMarkup(i, `w<sub>${i + 1}</sub>`, `weight of the ${input.name}`)).join("")}
        ${sliderMarkup(3, "b", "bias: how keen you are anyway")}
      </fieldset>
      <div class="pc-presets" role="group" aria-label="Ready-made weights">
        ${PRESETS.map((preset) => `<button type="button" class="button pc-preset" aria-pressed="false">${preset.label}</button>`).join("")}
        <button type="button" class="button pc-reset">Reset</button>
      </div>
    </div>

    <div class="card pc-result" aria-busy="true">
      <div class="pc-neuron">${neuronMarkup(INPUTS)}</div>
      <p class="pc-formula"><span class="pc-terms"></span><span class="pc-equals">=</span><output
        class="pc-sum" data-testid="perceptron-sum" aria-label="weighted sum plus bias">…</output><span class="pc-compare"></span></p>
      <div class="pc-verdict">
        <div class="pc-scene"></div>
        <div>
          <p class="pc-verdict-title">Python is starting…</p>
          <p class="pc-verdict-detail">Output ŷ = <output class="pc-output" data-testid="perceptron-output">…</output>
            <span class="muted">(1 = go, 0 = stay home)</span></p>
        </div>
      </div>
      <p class="visually-hidden pc-announce" aria-live="polite"></p>
    </div>
  </div>

  <div class="card pc-teach">
    <div class="pc-teach-head">
      <h3>All 8 situations: what it does, what you would do</h3>
      <p class="muted">The table is the rule the weights encode. Mark your own answers in the last column and
        teach them to the neuron.</p>
    </div>
    <div class="pc-teach-body">
      <div class="pc-table-wrap">
        <table class="pc-table">
          <caption class="visually-hidden">For each situation: the weighted sum, the neuron's decision and yours</caption>
          <thead><tr><th scope="col">Situation</th><th scope="col">z</th><th scope="col">Neuron</th><th scope="col">You</th></tr></thead>
          <tbody>${SITUATIONS.map(rowMarkup).join("")}</tbody>
        </table>
        <p class="pc-agreement muted"></p>
      </div>
      <div class="pc-training">
        <div class="pc-train-buttons">
          <button type="button" class="button primary pc-train" data-testid="perceptron-train">Train</button>
          <button type="button" class="button pc-step" data-testid="perceptron-step">Step</button>
          <button type="button" class="button pc-copy-wish" disabled>Copy the neuron's answers</button>
          <button type="button" class="button pc-xor-wish">Sun or weekend, not both</button>
        </div>
        <p class="pc-rule">Learning rule, for each situation it gets wrong:
          <span class="pc-math">w ← w + η (y − ŷ) x</span> and <span class="pc-math">b ← b + η (y − ŷ)</span>, with η = ${LEARNING_RATE},
          y your answer and ŷ the neuron's.</p>
        <div class="pc-report" data-testid="perceptron-train-result" data-state="idle" aria-live="polite">${IDLE_REPORT}</div>
        <ol class="pc-updates" aria-label="Updates of the learning rule"></ol>
      </div>
    </div>
  </div>`;
}

function toggleMarkup(input, i) {
  return `
    <button type="button" class="pc-toggle" data-testid="perceptron-x${i + 1}">
      <span class="pc-toggle-name">x<sub>${i + 1}</sub> ${input.name}</span>
      <span class="pc-toggle-face"></span>
      <span class="pc-toggle-value"></span>
    </button>`;
}

function sliderMarkup(i, symbol, words) {
  const testid = i === 3 ? "perceptron-bias" : `perceptron-w${i + 1}`;
  return `
    <div class="pc-slider">
      <label for="pc-slider-${i}"><span class="pc-symbol">${symbol}</span> ${words}</label>
      <output class="pc-slider-value" for="pc-slider-${i}"></output>
      <input id="pc-slider-${i}" type="range" min="${-LIMIT}" max="${LIMIT}" step="0.1" data-testid="${testid}">
    </div>`;
}

function rowMarkup(x, i) {
  const words = x.map((value, k) => INPUTS[k][value > 0 ? "yes" : "no"]);
  const icons = x.map((value, k) => icon(INPUTS[k][value > 0 ? "yes" : "no"].toLowerCase())).join("");
  return `
    <tr data-testid="perceptron-row-${i}">
      <th scope="row"><button type="button" class="pc-show" aria-label="Show this situation: ${words.join(", ")}">
        <span class="pc-row-icons">${icons}</span><span class="pc-row-words">${words.join("&nbsp;· ")}</span></button></th>
      <td class="pc-row-sum">…</td>
      <td class="pc-row-output">…</td>
      <td><button type="button" class="pc-want" data-testid="perceptron-want-${i}" aria-pressed="false"><span
        class="pc-want-word"></span><span class="visually-hidden">: what you would do when ${words.join(", ")}</span></button></td>
    </tr>`;
}

function findParts(root) {
  const all = (selector) => [...root.querySelectorAll(selector)];
  const one = (selector) => root.querySelector(selector);
  return {
    toggles: all(".pc-toggle"),
    sliders: all(".pc-slider input"),
    sliderValues: all(".pc-slider-value"),
    presets: all(".pc-preset"),
    reset: one(".pc-reset"),
    result: one(".pc-result"),
    neuron: one(".neuron"),
    terms: one(".pc-terms"),
    sum: one(".pc-sum"),
    compare: one(".pc-compare"),
    output: one(".pc-output"),
    scene: one(".pc-scene"),
    verdictTitle: one(".pc-verdict-title"),
    announce: one(".pc-announce"),
    rows: all(".pc-table tbody tr"),
    agreement: one(".pc-agreement"),
    train: one(".pc-train"),
    step: one(".pc-step"),
    copyWish: one(".pc-copy-wish"),
    xorWish: one(".pc-xor-wish"),
    report: one(".pc-report"),
    updates: one(".pc-updates"),
  };
}

// -------------------------------------------------------------------- showing things

function showControls(view, { x, w, bias }) {
  view.toggles.forEach((button, i) => {
    if (button.dataset.value === String(x[i])) return;
    const word = INPUTS[i][x[i] > 0 ? "yes" : "no"];
    button.dataset.value = String(x[i]);
    button.querySelector(".pc-toggle-face").innerHTML = `${icon(word.toLowerCase())}<span>${word}</span>`;
    button.querySelector(".pc-toggle-value").textContent = x[i] > 0 ? "+1" : "-1";
  });
  const values = [...w, bias];
  view.sliders.forEach((slider, i) => {
    if (Number(slider.value) !== values[i]) slider.value = String(values[i]);
    slider.dataset.sign = sign(values[i]);
    view.sliderValues[i].textContent = fixed(values[i]);
    view.sliderValues[i].dataset.sign = sign(values[i]);
  });
  view.presets.forEach((button, i) => {
    const preset = PRESETS[i];
    const matches = preset.bias === bias && preset.w.every((value, j) => value === w[j]);
    button.setAttribute("aria-pressed", String(matches));
  });
}

/** 1·(2.0) + (-1)·(-3.0) + 1·(0.5) + (-1.0): each term coloured by its sign and sized by its size. */
function showFormulaTerms(element, { x, w, bias }) {
  const terms = x.map((xi, i) => ({ text: `${xi > 0 ? "1" : "(-1)"}·(${fixed(w[i])})`, value: xi * w[i] }));
  terms.push({ text: `(${fixed(bias)})`, value: bias });
  element.replaceChildren(...terms.flatMap((term, i) => {
    const span = document.createElement("span");
    span.className = `pc-term ${sign(term.value)}`;
    span.textContent = term.text;
    span.style.fontSize = `${0.85 + 0.13 * Math.min(LIMIT, Math.abs(term.value))}em`;
    return i === 0 ? [span] : [plus(), span];
  }));
}

function plus() {
  const span = document.createElement("span");
  span.className = "pc-plus";
  span.textContent = "+";
  return span;
}

function showAnswer(view, drawing, answer) {
  const go = answer.output === 1;
  const sum = fixed(answer.weighted_sum);
  view.sum.textContent = sum;
  view.sum.dataset.sign = sign(answer.weighted_sum);
  view.compare.textContent = go ? "> 0 → go" : "≤ 0 → stay";
  view.output.textContent = String(answer.output);
  if (view.scene.dataset.go !== String(go)) {
    view.scene.innerHTML = go ? BEACH : HOME;
    view.scene.dataset.go = String(go);
  }
  view.verdictTitle.textContent = go ? "Go to the beach!" : "Stay home.";
  view.result.classList.toggle("goes", go);
  updateNeuron(view.neuron, drawing, answer);
  view.announce.textContent =
    `Weighted sum ${sum}, ${go ? "above zero: output 1, go to the beach" : "not above zero: output 0, stay home"}.`;
  view.result.setAttribute("aria-busy", "false");
}

function showWaiting(view, sentence) {
  view.verdictTitle.textContent = sentence;
  view.announce.textContent = sentence;
}

/** Python's truth table: each situation's sum and decision. */
function showTable(view, table, want) {
  view.rows.forEach((row, i) => {
    const { weighted_sum: z, output } = table[i];
    row.dataset.output = String(output);
    row.querySelector(".pc-row-sum").textContent = fixed(z);
    row.querySelector(".pc-row-sum").dataset.sign = sign(z);
    row.querySelector(".pc-row-output").textContent = output ? "Go" : "Stay";
  });
  view.copyWish.disabled = false;
  showAgreement(view, want, table);
}

/** The visitor's side of the table: their answers, and which row is the situation above. */
function showWish(view, { x, want }, table) {
  view.rows.forEach((row, i) => {
    const button = row.querySelector(".pc-want");
    button.setAttribute("aria-pressed", String(want[i] === 1));
    button.querySelector(".pc-want-word").textContent = want[i] ? "Go" : "Stay";
    row.classList.toggle("current", SITUATIONS[i].every((value, k) => value === x[k]));
  });
  showAgreement(view, want, table);
}

function showAgreement(view, want, table) {
  if (!table) return;
  let agree = 0;
  view.rows.forEach((row, i) => {
    const same = table[i].output === want[i];
    row.dataset.agrees = String(same);
    agree += same;
  });
  view.agreement.textContent = agree === 8
    ? "The neuron already does exactly what you would do."
    : `The neuron agrees with you in ${agree} of 8 situations.`;
}

function markRows(rows, className, indices) {
  rows.forEach((row, i) => row.classList.toggle(className, indices.includes(i)));
}

function setReport(view, state, html) {
  view.report.dataset.state = state;
  view.report.innerHTML = html;
}

function showImpossible(view, result) {
  const updates = result.updates.length;
  setReport(view, "impossible",
    `${escapeText(result.explanation)} The learning rule agrees: in ${result.passes} passes through the table it made ${updates} updates and never got all 8 right; ` +
    "it would go on changing its mind forever. The two pairs are marked in the table.");
  markRows(view.rows, "witness", [...result.witness.go, ...result.witness.stay]);
  view.updates.replaceChildren();
}

function startDescription() {
  return "<p class=\"pc-update-title\">Start</p><p class=\"pc-math\">w = (0.0, 0.0, 0.0), b = 0.0</p>";
}

function updatesToGo(count) {
  if (count === 0) return "It already gets all 8 right.";
  return count === 1 ? "One update will teach it your rule." : `${count} updates will teach it your rule.`;
}

/** One update of the learning rule, in words and in numbers. */
function describeUpdate(update, number) {
  const { before, after, inputs, error } = update;
  const said = update.output ? "go" : "stay";
  const wanted = update.target ? "go" : "stay";
  const compare = update.output ? ">" : "≤";
  return `
    <p class="pc-update-title">Update ${number} <span class="muted">· pass ${update.epoch}</span> ·
      ${escapeText(describeSituation(inputs))}</p>
    <p>z = ${fixed(update.weighted_sum)} ${compare} 0, so it said ${said} (ŷ = ${update.output});
      you would ${wanted} (y = ${update.target}): y − ŷ = ${error}.</p>
    <p class="pc-math">w ← ${vector(before.weights)} + ${LEARNING_RATE}·(${error})·${vector(inputs, String)} = ${vector(after.weights)}<br>
      b ← ${fixed(before.bias)} + ${LEARNING_RATE}·(${error}) = ${fixed(after.bias)}</p>`;
}

function describeSituation(x) {
  return x.map((value, k) => WORDS[k][value > 0 ? 0 : 1]).join(", ");
}

function vector(values, format = fixed) {
  return `(${values.map(format).join(", ")})`;
}

function item(html) {
  const li = document.createElement("li");
  li.innerHTML = html;
  return li;
}

function sign(value) {
  return value > 0 ? "positive" : value < 0 ? "negative" : "zero";
}

function escapeText(text) {
  const span = document.createElement("span");
  span.textContent = text;
  return span.innerHTML;
}

function pause(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
