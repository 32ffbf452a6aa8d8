// Poke it: one slider per probe (turn the digit, change the pen, move it, squeeze it, add
// noise, rub out ink). Python changes the 28x28 picture at each of the probe's strengths and
// reads them all in one batch (inside_probe); the slider then only walks through those
// answers, so it never waits. The chart shows the answer and how sure the network is across
// the whole range, the picture what the network reads where the slider stands.

import { INSIDE } from "../../generated/facts.js";
import { rowsOf } from "../../lib/arrays.js";
import { h, s } from "../../lib/dom.js";
import { percent } from "../../lib/format.js";
import { drawGray } from "../../widgets/pictures.js";

/** How each probe is named on the page, and how its strength is written. */
const WORDS = {
  rotate: { label: "Turn it", write: (v) => `${signed(v)}°` },
  thickness: { label: "Bolder or finer pen", write: (v) => `${signed(v)} px` },
  shift_x: { label: "Move it sideways", write: (v) => `${signed(v)} px` },
  shift_y: { label: "Move it up or down", write: (v) => `${signed(v)} px` },
  stretch: { label: "Squeeze or stretch", write: (v) => `width × ${(1 + v).toFixed(1)}` },
  noise: { label: "Add noise", write: (v) => v.toFixed(2) },
  erase: { label: "Rub out ink", write: (v) => `${Math.round(v * 100)}% of it` },
};

export const PROBE_NAMES = Object.keys(INSIDE.probes);

/** The slider position of strength 0 (every probe's series has it). */
export const restingPosition = (name) => INSIDE.probes[name].strengths.indexOf(0);

export class ProbePanel {
  /** on.move(name, position): the visitor moved probe `name`'s slider to `position`. */
  constructor(on) {
    this.sliders = Object.fromEntries(PROBE_NAMES.map((name) => [name, slider(name, on)]));
    this.picture = h("canvas", { class: "probe-image", width: 28, height: 28, role: "img", "data-testid": "probe-image",
                                 "aria-label": "Your digit as the probe changed it" });
    this.answer = h("p", { class: "probe-answer", "data-testid": "probe-answer", "data-digit": "", "aria-live": "polite" });
    this.chart = s("svg", { class: "probe-chart", viewBox: "0 0 340 170", role: "img", "aria-label": "" });
    this.heading = h("figcaption", {});
    this.element = h("div", { class: "card probe-card" },
      h("h3", {}, "Poke it"),
      h("p", {}, "Change your digit a little at a time and watch the answer. Each slider makes one change to the 28×28 picture ",
        "the network reads; Python reads every step of the slider at once. How far can you turn your 7 before it reads as a 1?"),
      h("div", { class: "probe-sliders" }, Object.values(this.sliders).map((x) => x.element)),
      h("div", { class: "probe-result" }, this.picture, this.answer),
      h("figure", { class: "probe-figure" }, this.chart, this.heading));
  }

  /** Slider `name` at `position`, every other one back at rest (one change at a time). */
  place(name, position) {
    for (const [other, { input, output }] of Object.entries(this.sliders)) {
      const at = other === name ? position : restingPosition(other);
      input.value = String(at);
      const text = WORDS[other]?.write(INSIDE.probes[other].strengths[at]) ?? String(INSIDE.probes[other].strengths[at]);
      input.setAttribute("aria-valuetext", text);
      input.dataset.strength = String(INSIDE.probes[other].strengths[at]);
      output.textContent = text;
    }
  }

  /** Probe `batch`'s answers charted, and the one at `position` shown; `plain` is the unchanged answer's digit. */
  show(batch, position, plain) {
    const digit = batch.digits[position], sure = batch.confidence[position];
    drawGray(this.picture, rowsOf(batch.images)[position], 28);
    this.answer.dataset.digit = String(digit);
    this.answer.dataset.confidence = String(sure);
    this.answer.textContent = `It reads ${digit}, ${percent(sure, 1)} sure`;
    this.answer.classList.toggle("changed", digit !== plain);
    drawProbeChart(this.chart, batch, position, plain);
    const write = WORDS[batch.probe]?.write ?? String;
    this.heading.textContent = `${label(batch.probe)}: what it reads at each step from ${write(batch.strengths[0])} `
      + `to ${write(batch.strengths.at(-1))}, and how sure it is. Orange dots read another digit than your drawing.`;
  }

  clear() {
    this.answer.dataset.digit = "";
    this.answer.textContent = "Draw a digit to poke it.";
    this.picture.getContext("2d").clearRect(0, 0, 28, 28);
    this.chart.replaceChildren();
    this.heading.textContent = "";
  }
}

function slider(name, on) {
  const { strengths } = INSIDE.probes[name];
  const input = h("input", { type: "range", min: "0", max: String(strengths.length - 1), step: "1",
                             value: String(restingPosition(name)), "data-testid": `probe-${name.replace("_", "-")}`,
                             oninput: () => on.move(name, Number(input.value)) });
  const output = h("output", {});
  return { input, output, element: h("label", { class: "probe-slider" }, h("span", {}, label(name)), input, output) };
}

function label(name) {
  return WORDS[name]?.label ?? name;
}

/** The answers across the range: a dot per strength at its confidence, labelled with its digit. */
function drawProbeChart(svg, batch, position, plain) {
  const width = 340, height = 170, left = 38, right = 10, top = 22, bottom = 24;
  const count = batch.strengths.length;
  const x = (i) => left + (count > 1 ? i / (count - 1) : 0.5) * (width - left - right);
  const y = (p) => top + (1 - p) * (height - top - bottom);
  const write = WORDS[batch.probe]?.write ?? String;
  const grid = [0, 0.5, 1].map((p) => [
    s("line", { class: "chart-grid", x1: left, x2: width - right, y1: y(p), y2: y(p) }),
    s("text", { class: "chart-axis", x: left - 6, y: y(p) + 4, "text-anchor": "end" }, `${p * 100}%`)]);
  const resting = batch.strengths.indexOf(0);
  const ticks = [...new Set([0, resting, count - 1])].filter((i) => i >= 0).map((i) => s("text", {
    class: "chart-axis", x: x(i), y: height - 6, "text-anchor": i === 0 ? "start" : i === count - 1 ? "end" : "middle",
  }, write(batch.strengths[i])));
  const line = s("polyline", { class: "trace", points: batch.confidence.map((p, i) => `${x(i)},${y(p)}`).join(" ") });
  const marker = s("line", { class: "marker", x1: x(position), x2: x(position), y1: top - 16, y2: height - bottom });
  const dots = batch.digits.map((digit, i) => s("g", { class: digit === plain ? "chart-dot same" : "chart-dot other" },
    s("circle", { cx: x(i), cy: y(batch.confidence[i]), r: i === position ? 5.5 : 3.5 }),
    s("text", { x: x(i), y: y(batch.confidence[i]) - 8, "text-anchor": "middle" }, String(digit))));
  svg.replaceChildren(...grid.flat(), ...ticks, marker, line, ...dots);
  svg.setAttribute("aria-label", `${label(batch.probe)}: ${runs(batch.digits, batch.strengths, write)}`);
}

/** "reads 7 from −90° to 30°, then 1 from 45° to 90°" */
function runs(digits, strengths, write) {
  const parts = [];
  digits.forEach((digit, i) => {
    const last = parts.at(-1);
    if (last && last.digit === digit) last.to = i;
    else parts.push({ digit, from: i, to: i });
  });
  return "reads " + parts.map(({ digit, from, to }) => from === to ? `${digit} at ${write(strengths[from])}`
    : `${digit} from ${write(strengths[from])} to ${write(strengths[to])}`).join(", then ");
}

function signed(value) {
  return value > 0 ? `+${value}` : value < 0 ? `−${-value}` : "0";
}
