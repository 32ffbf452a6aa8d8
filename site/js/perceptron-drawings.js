// The perceptron's pictures, as inline SVG: small icons for the inputs, the
// neuron itself (inputs, weighted connections, the summing node, the step) and
// the two outcomes, a day at the beach or an afternoon at home.
// Colours come from CSS classes (perceptron.css), so dark mode just works.

const ICONS = {
  sunny: `<circle cx="12" cy="12" r="4.2"/>
    <path d="M12 2.5v2.6M12 18.9v2.6M2.5 12h2.6M18.9 12h2.6M5.3 5.3l1.8 1.8M16.9 16.9l1.8 1.8M5.3 18.7l1.8-1.8M16.9 7.1l1.8-1.8"/>`,
  raining: `<path d="M7 15.5a4 4 0 0 1 .4-8 5.2 5.2 0 0 1 10 1.6 3.3 3.3 0 0 1-.4 6.4z"/>
    <path d="M8.5 18.5l-1 2.5M12.5 18.5l-1 2.5M16.5 18.5l-1 2.5"/>`,
  weekend: `<rect x="3.5" y="5" width="17" height="15.5" rx="2"/><path d="M3.5 9.5h17M8 3v4M16 3v4"/>
    <rect class="icon-fill" x="13" y="12.5" width="2.8" height="2.8" rx=".5"/>
    <rect class="icon-fill" x="16.2" y="12.5" width="2.8" height="2.8" rx=".5"/>`,
  weekday: `<rect x="3" y="8" width="18" height="12" rx="2"/><path d="M9 8V5.5h6V8M3 13h18"/>`,
  friends: `<circle cx="8.5" cy="8" r="3"/><path d="M2.5 20c0-3.5 2.7-6 6-6s6 2.5 6 6"/>
    <circle cx="16.5" cy="9" r="2.5"/><path d="M16 14c3 .2 5.5 2.3 5.5 5.6"/>`,
  alone: `<circle cx="12" cy="8" r="3.5"/><path d="M5 20.5c0-4 3.1-7 7-7s7 3 7 7"/>`,
};

/** A 24×24 line icon by name (sunny, raining, weekend, weekday, friends, alone). */
export function icon(name) {
  return `<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">${ICONS[name]}</svg>`;
}

/** The beach: sun, sea, sand and a parasol. */
export const BEACH = `
<svg class="scene" viewBox="0 0 200 120" role="img" aria-label="A sunny beach: you go">
  <rect class="sky" width="200" height="120"/>
  <circle class="sun" cx="158" cy="32" r="14"/>
  <path class="sun-rays" d="M158 8v6M158 50v6M134 32h6M176 32h6M141 15l4 4M171 45l4 4M141 49l4-4M171 19l4-4"/>
  <path class="sea" d="M0 62c15-5 30 5 45 0s30-5 45 0 30 5 45 0 30-5 45 0 15 4 20 2v26H0z"/>
  <path class="wave" d="M10 72c8-3 16 3 24 0M80 76c8-3 16 3 24 0M140 70c8-3 16 3 24 0"/>
  <path class="sand" d="M0 86c40-8 120-10 200-4v38H0z"/>
  <path class="pole" d="M62 52l12 52"/>
  <path class="parasol" d="M30 60c6-22 50-30 66-8z"/>
  <path class="parasol-stripe" d="M50 48c2 3 4 7 4 8M73 46c0 3-1 8-2 9"/>
  <rect class="towel" x="96" y="96" width="46" height="12" rx="2" transform="rotate(-6 119 102)"/>
  <circle class="ball" cx="160" cy="100" r="7"/>
  <path class="ball-stripe" d="M153 100h14M160 93c-3 4-3 10 0 14"/>
</svg>`;

/** Home: a house with a lit window, under a grey sky. */
export const HOME = `
<svg class="scene" viewBox="0 0 200 120" role="img" aria-label="A house: you stay home">
  <rect class="sky home-sky" width="200" height="120"/>
  <path class="cloud" d="M28 34a9 9 0 0 1 4-17 12 12 0 0 1 22 3 8 8 0 0 1 2 14z"/>
  <path class="cloud" d="M140 28a7 7 0 0 1 3-13 10 10 0 0 1 18 2 7 7 0 0 1 2 11z"/>
  <rect class="ground" y="104" width="200" height="16"/>
  <path class="roof" d="M52 60l48-36 48 36z"/>
  <rect class="wall" x="62" y="58" width="76" height="48"/>
  <rect class="chimney" x="122" y="30" width="10" height="18"/>
  <rect class="door" x="74" y="76" width="18" height="30" rx="2"/>
  <rect class="window" x="104" y="70" width="24" height="18" rx="2"/>
  <path class="window-bars" d="M116 70v18M104 79h24"/>
</svg>`;

/** The neuron's drawing, empty of numbers; `updateNeuron` fills them in. */
export function neuronMarkup(inputs) {
  const rows = inputs.map((input, i) => {
    const y = INPUT_Y[i];
    return `
      <g class="connection" data-index="${i}">
        <line class="wire" x1="${INPUT_X + 22}" y1="${y}" x2="${SUM.x - SUM.r}" y2="${SUM.y}"/>
        <text class="weight-label" x="${WEIGHT_LABELS[i].x}" y="${WEIGHT_LABELS[i].y}">w${i + 1}</text>
      </g>
      <g class="input-node" data-index="${i}">
        <text class="input-word" x="${INPUT_X}" y="${y - 29}"></text>
        <circle cx="${INPUT_X}" cy="${y}" r="21"/>
        <text class="input-value" x="${INPUT_X}" y="${y + 5}"></text>
      </g>`;
  }).join("");
  return `
    <svg class="neuron" viewBox="0 0 420 232" role="img" aria-labelledby="pc-neuron-title">
      <title id="pc-neuron-title">The neuron: three inputs, each multiplied by its weight, summed with the bias, then a step</title>
      <defs>
        <marker id="pc-arrow" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="7" markerHeight="7" orient="auto">
          <path class="arrow-head" d="M0 0L10 5L0 10z"/>
        </marker>
      </defs>
      <g class="bias">
        <line class="wire" x1="${SUM.x}" y1="22" x2="${SUM.x}" y2="${SUM.y - SUM.r}"/>
        <text class="weight-label bias-label" x="${SUM.x + 10}" y="34">b</text>
      </g>
      ${rows}
      <circle class="sum-node" cx="${SUM.x}" cy="${SUM.y}" r="${SUM.r}"/>
      <text class="sigma" x="${SUM.x}" y="${SUM.y + 9}">Σ</text>
      <text class="z-label" x="${SUM.x}" y="${SUM.y + SUM.r + 22}"></text>
      <line class="flow" x1="${SUM.x + SUM.r}" y1="${SUM.y}" x2="286" y2="${SUM.y}" marker-end="url(#pc-arrow)"/>
      <rect class="step-box" x="288" y="${SUM.y - 24}" width="52" height="48" rx="8"/>
      <path class="step-curve" d="M296 ${SUM.y + 12}H314V${SUM.y - 12}H332"/>
      <text class="small-label" x="314" y="${SUM.y + 42}">step</text>
      <line class="flow" x1="340" y1="${SUM.y}" x2="368" y2="${SUM.y}" marker-end="url(#pc-arrow)"/>
      <circle class="output-node" cx="392" cy="${SUM.y}" r="21"/>
      <text class="output-value" x="392" y="${SUM.y + 7}">…</text>
      <text class="output-word small-label" x="392" y="${SUM.y + 42}"></text>
    </svg>`;
}

const INPUT_X = 46;
const INPUT_Y = [58, 126, 194];
const SUM = { x: 228, y: 126, r: 30 };

// Each weight's label sits by its wire on the side the wire leans away from, so they never cross.
const WEIGHT_LABELS = [{ x: 76, y: 52 }, { x: 76, y: 116 }, { x: 76, y: 212 }];

/**
 * Redraw the numbers: wires as thick as |w| and coloured by its sign, the
 * inputs' values, and (once Python has answered) the sum and the output.
 */
export function updateNeuron(svg, { inputs, x, w, bias }, answer) {
  svg.querySelectorAll(".connection").forEach((group, i) => {
    styleWire(group, w[i]);
    group.querySelector(".weight-label").textContent = `w${i + 1} = ${fixed(w[i])}`;
  });
  svg.querySelectorAll(".input-node").forEach((group, i) => {
    group.classList.toggle("negative-input", x[i] < 0);
    group.querySelector(".input-word").textContent = x[i] > 0 ? inputs[i].yes : inputs[i].no;
    group.querySelector(".input-value").textContent = x[i] > 0 ? "+1" : "-1";
  });
  const biasGroup = svg.querySelector(".bias");
  styleWire(biasGroup, bias);
  biasGroup.querySelector(".bias-label").textContent = `b = ${fixed(bias)}`;
  svg.querySelector(".z-label").textContent = answer ? `z = ${fixed(answer.weighted_sum)}` : "z = …";
  svg.querySelector(".output-value").textContent = answer ? String(answer.output) : "…";
  svg.querySelector(".output-word").textContent = answer ? (answer.output ? "go" : "stay") : "";
  svg.classList.toggle("fires", Boolean(answer && answer.output));
}

function styleWire(group, weight) {
  const wire = group.querySelector(".wire");
  wire.setAttribute("stroke-width", String(1.5 + 1.6 * Math.abs(weight)));
  group.classList.toggle("positive", weight > 0);
  group.classList.toggle("negative", weight < 0);
  group.classList.toggle("zero", weight === 0);
}

/** A number as the page writes it: one decimal (-1.5, 0.0, 2.0), more only when it has them. */
export function fixed(value) {
  let text = value.toFixed(1);
  if (Math.abs(Number(text) - value) > 1e-9) text = String(Number(value.toFixed(3)));
  return text === "-0.0" ? "0.0" : text;
}
