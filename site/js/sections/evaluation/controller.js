// How good is it? The chosen network (networks.js) reads the page's MNIST test digits, a slice at a
// time (py/digits/page/evaluation.py), while the page draws the progress; then its confusion matrix,
// each digit's accuracy, and the digits of any cell, each of which the recognizer can read.
//
// It starts when the section first comes near the screen, with the network chosen then; if the visitor chooses another network, coming back, or the Evaluate button,
// evaluates that one.

import * as api from "../../api.js";
import { ensureSubset } from "../../subset.js";
import { Generation } from "../../lib/generation.js";
import { InterruptedError } from "../../python.js";
import { rowsOf } from "../../lib/arrays.js";
import { asImage } from "../../lib/digits.js";
import { whenNear } from "../../lib/near.js";
import { runSlices } from "../../lib/slices.js";
import { EvaluationView } from "./view.js";

const SLICE_SECONDS = 0.1;        // Python reads this long between two redraws of the progress

export function setupEvaluation(root, python, networks, recognizer) {
  const runs = new Generation();          // a newer evaluation makes the one under way stale
  const cells = new Generation();         // a newer click makes the cell being fetched stale
  let evaluated = null;                   // the network evaluated (or being evaluated)
  let mnist = null;                       // MNIST's facts, which the figures are told against

  const view = new EvaluationView(root, {
    start: () => evaluate(networks.chosen),
    cell: (truth, predicted) => showCell(truth, predicted),
    read: (digit) => readInRecognizer(digit),
  });
  view.offer(networks.chosen, null);
  networks.addEventListener("chosen", () => view.offer(networks.chosen, evaluated));

  whenNear(root, () => {
    if (evaluated !== networks.chosen) evaluate(networks.chosen);
  });
  // A Python started afresh (python.js) holds no evaluation: the next visit to the section, or
  // the button, starts one again.
  python.addEventListener("restarting", () => {
    runs.advance();
    cells.advance();
    evaluated = null;
    view.showFailure("Python had to start again: the evaluation starts afresh when you come back here or press Evaluate.");
  });

  async function evaluate(model) {
    runs.advance();
    cells.advance();
    const ticket = runs.ticket();
    evaluated = model;
    view.offer(model, model);
    view.showStarting(model);
    try {
      await ensureSubset(python);
      mnist ??= await api.mnistFacts(python);
      await networks.ensure(model);
      const started = await api.evaluateStart(python, model);
      const last = await runSlices((seconds) => api.evaluateRun(python, seconds), {
        seconds: SLICE_SECONDS, from: started, paced: true,
        each: (progress) => view.showProgress(progress), stale: () => ticket.stale,
      });
      if (!last) return;
      view.showSummary(last, mnist);
    } catch (error) {
      if (ticket.stale) return;
      evaluated = null;
      view.showFailure(error instanceof InterruptedError
        ? `The evaluation was interrupted: ${error.message} Press Evaluate to start again.` : error.message);
    }
  }

  /** The digits of one cell of the matrix, with their pixels. */
  async function showCell(truth, predicted) {
    cells.advance();
    const ticket = cells.ticket();
    view.showCellLoading(truth, predicted);
    try {
      const cell = await api.evaluateCell(python, truth, predicted);
      if (ticket.stale) return;
      view.showCell(cell, rowsOf(cell.pixels));
    } catch (error) {
      if (!ticket.stale) view.showCellFailure(error.message);
    }
  }

  /** Show one of a cell's digits to the recognizer, read by the network the matrix counts. */
  function readInRecognizer(digit) {
    if (networks.chosen !== evaluated) networks.choose(evaluated);
    recognizer.showImage(asImage(digit.bytes), { show: true });
  }
}
