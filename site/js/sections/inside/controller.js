// Inside the network: the drawing followed through every layer, softmax and the loss step by
// step, and probes. Python: py/digits/page/inside.py, through api.js.
//
// The bars come first. This section asks Python nothing until the recognizer has answered a
// finished drawing (its "answer" event, the pen lifted), and only while the section is on or near
// the screen; a drawing that changes meanwhile makes the work under way stale. Per drawing it
// sends the 784-value image the recognizer's answer carried, so both read the same picture:
// every layer and softmax in one call, then the loss, the probe being tried, and the chosen
// map or neuron.

import * as api from "../../api.js";
import { CODE, MODELS } from "../../generated/facts.js";
import { Generation } from "../../lib/generation.js";
import { LatestOnly } from "../../lib/scheduler.js";
import { InterruptedError } from "../../python.js";
import { restingPosition } from "./probes.js";
import { startState, unpack } from "./state.js";
import { InsideView } from "./view.js";

const NEAR = "100px 0px";          // how close to the screen the section starts to compute

export function setupInside(root, python, networks, recognizer) {
  const state = startState();
  const drawings = new Generation();          // every new answer of the recognizer advances it
  const architectures = new Map();            // a shipped network's name → the promise of its blocks
  let shownModel = null;
  let near = false, behind = false;           // behind: an answer came while the section was away
  let batches = new Map();                    // probe name → its batch, for the drawing shown

  const view = new InsideView(root, {
    choose: (block, unit) => {
      state.chosen = { block, unit };
      details.request(drawings.ticket());
    },
    loadCode: (part) => api.codeSource(python, part),
    pickLayer: (block, { again = false } = {}) => {
      if (state.coded === block && !again) return;     // the panel stays as the visitor left it
      state.coded = block;
      view.placeCode(block);
      coding.request(null);
    },
    runCode: (text) => running.request(text),
    resetCode: () => {
      view.code.restore();
      running.request(null);
    },
    pick: (digit) => {
      state.digit = digit;
      losses.request(drawings.ticket());
    },
    move: (name, position) => {
      Object.assign(state, { probe: name, position });
      view.probes.place(name, position);
      if (batches.has(name)) showProbe();
      else probing.request(drawings.ticket());
    },
  });
  const fail = (error) => {
    view.say(error.message);
    view.showBusy(false);
  };

  /** The latest finished drawing, through everything this section shows. */
  const updates = new LatestOnly(async () => {
    const ticket = drawings.ticket();
    const answer = recognizer.last;
    const model = answer?.model ?? networks.chosen;
    const architecture = await architectureOf(model);
    if (ticket.stale) return;
    if (shownModel !== model) {
      view.showArchitecture(architecture);
      Object.assign(state, { chosen: null, coded: null, architecture });
      shownModel = model;
    }
    if (!answer) {
      Object.assign(state, { seen: null });
      batches = new Map();
      view.showEmpty();
      view.say("Draw a digit above, and follow it through the network here.");
    } else {
      // The layers and the loss asked at once (Python answers one after the other); the probe,
      // the longest, only once the layers say the drawing is still the one on the pad.
      const layers = api.insideAnswer(python, model, answer.image);
      const loss = api.insideLoss(python, model, answer.image, state.digit ?? answer.digit);
      loss.catch(() => {});                 // a failure is heard where it is awaited
      const seen = unpack(model, answer.image, await layers);
      if (ticket.stale) return;
      const probe = api.insideProbe(python, model, answer.image, state.probe);
      Object.assign(state, { seen });
      batches = new Map();
      view.say("");
      view.showSeen(seen);
      view.softmax.showLoss(await loss);
      batches.set(state.probe, await probe);
      if (ticket.stale) return;
      showProbe();
      if (state.chosen) await showChosen(ticket);
    }
    if (ticket.stale) return;
    view.showBusy(false);
    view.bumpVersion();
  }, { onError: fail });

  const details = new LatestOnly(showChosen, { onError: fail });

  async function showChosen(ticket) {
    const { chosen, seen, architecture } = state;
    view.showChosen(chosen, null);
    if (!seen) return;
    const { layer } = architecture.blocks[chosen.block];
    const kind = seen.layers[layer].dims.length === 3 ? "map" : "neuron";
    const detail = kind === "map"
      ? await api.insideFeatureMap(python, seen.model, layer, chosen.unit)
      : await api.insideNeuron(python, seen.model, seen.image, layer, chosen.unit);
    if (ticket.stale || state.chosen !== chosen) return;
    view.showChosen(chosen, detail, { inputDims: kind === "neuron" ? inputDims(architecture, detail.layer) : null });
  }

  /** The Python of the block picked, asked once per kind of block (the package does not change). */
  const sources = new Map();
  const coding = new LatestOnly(async () => {
    const block = state.coded;
    const { kind } = state.architecture.blocks[block];
    if (!sources.has(kind)) {
      const asked = api.codeSource(python, kind);
      asked.catch(() => sources.delete(kind));          // asked again next time
      sources.set(kind, asked);
    }
    const source = await sources.get(kind);
    if (state.coded === block) view.code.show(source);
  }, { onError: (error) => view.code.say(error.message) });

  /** The drawing read again with the visitor's version of the picked block's function (`text`),
   *  or with the shipped one (null); a run that takes too long stops Python, which starts again. */
  const running = new LatestOnly(async (text) => {
    const answer = recognizer.last;
    const shipped = view.code.shipped;
    view.code.busy(true);
    view.code.showError("");
    try {
      if (!answer || !shipped) {
        view.code.showError("Draw a digit above first: your version reads your drawing.");
        return;
      }
      const limited = python.within(CODE.run_limit_seconds * 1000);
      const run = await yourReading(limited, answer, shipped, text ?? shipped.source);
      if (recognizer.last !== answer) {                // a new drawing came: the shipped code reads it
        view.code.showError("A new drawing came while your version ran: press Run to read it with your version.");
        return;
      }
      view.code.showAnswer(run, text !== null, answer.digit);
      if (run.inside) {
        state.seen = unpack(answer.model, answer.image, run.inside);
        view.showSeen(state.seen, text === null ? null : run.function);
      }
    } catch (error) {
      view.code.showError(error instanceof InterruptedError
        ? `Your version ran for more than ${CODE.run_limit_seconds} seconds, so Python was stopped and is starting again `
          + "with the shipped code. Your drawing, your handwriting set and your networks are safe."
        : error.message);
    } finally {
      view.code.busy(false);
    }
  }, { onError: fail });

  /** The drawing read with `text` in place of `shipped`'s function: the preprocessing reads the pad's
   *  pixels again, a layer the image the recognizer made. */
  function yourReading(python, answer, shipped, text) {
    if (shipped.part !== "Input") return api.codeRun(python, answer.model, shipped.part, text, answer.image);
    if (!answer.bitmap) throw new Error("The preprocessing reads the pad's pixels: draw a digit on the pad first.");
    const { data, height, width } = answer.bitmap;
    return api.codeRunDrawing(python, answer.model, text, data, height, width);
  }

  const losses = new LatestOnly(async (ticket) => {
    if (!state.seen) return;
    const loss = await api.insideLoss(python, state.seen.model, state.seen.image, state.digit);
    if (!ticket.stale) view.softmax.showLoss(loss);
  }, { onError: fail });

  const probing = new LatestOnly(async (ticket) => {
    const { seen, probe } = state;
    if (!seen) return;
    const batch = await api.insideProbe(python, seen.model, seen.image, probe);
    if (ticket.stale) return;
    batches.set(probe, batch);
    if (state.probe === probe) showProbe();
  }, { onError: fail });

  function showProbe() {
    const batch = batches.get(state.probe);
    view.probes.show(batch, state.position ?? restingPosition(state.probe), state.seen.softmax.digit);
  }

  function architectureOf(model) {
    if (!MODELS.some((m) => m.name === model)) return api.insideArchitecture(python, model);   // made here: may change
    if (!architectures.has(model)) {
      const promise = api.insideArchitecture(python, model);
      promise.catch(() => architectures.delete(model));
      architectures.set(model, promise);
    }
    return architectures.get(model);
  }

  function catchUp() {
    if (!near || !behind) return;
    behind = false;
    view.showBusy(true);          // at once: a test or the bench can wait for "false" from here on
    updates.request();
  }

  // The recognizer answers while the pen moves too; only the answer to the finished drawing is
  // followed, and not at once: a turn of the event loop later, so that whatever the recognizer
  // asks next (its comparison, a reading still waiting) reaches Python first.
  recognizer.events.addEventListener("answer", (event) => {
    drawings.advance();
    if (event.detail?.final === false) {
      view.showStale();
      return;
    }
    behind = true;
    setTimeout(catchUp);
  });
  networks.addEventListener("chosen", () => drawings.advance());

  new IntersectionObserver(([entry]) => {
    near = entry.isIntersecting;
    view.showNear(near);
    catchUp();
  }, { rootMargin: NEAR }).observe(root.closest("section") ?? root);

  view.say("Python is starting; draw a digit above meanwhile.");
  view.probes.place(state.probe, restingPosition(state.probe));
  recognizer.started.then(() => {
    behind = true;
    catchUp();
  });

  return {
    /** What the view shows of the latest drawing (for tests): see state.unpack(). */
    get seen() { return state.seen; },
  };
}

/** The shape of what dense layer `layer` reads, before any flatten: [28, 28, 1] for pixels. */
function inputDims(architecture, layer) {
  let block = architecture.blocks[layer];          // block `layer` holds layer `layer − 1`'s output
  while (block.block > 0 && ["Flatten", "Dropout"].includes(block.kind)) block = architecture.blocks[block.block - 1];
  return block.dims;
}
