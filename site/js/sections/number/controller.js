// Write a number: the visitor writes several digits on a wide pad; after every stroke Python
// groups the strokes into digits, cuts where ink of neighbours runs together, reads each digit
// with the chosen network (networks.js) and answers the best cutting (py/digits/page/number.py).
// Strokes travel as points in units of the pad's height, with the pad's width in those units;
// LatestOnly keeps one reading in flight, so the latest drawing always wins.

import * as api from "../../api.js";
import { LatestOnly } from "../../lib/scheduler.js";
import { InterruptedError } from "../../python.js";
import { NumberView, WRITE_A_NUMBER } from "./view.js";

/** @param {import("../../networks.js").Networks} networks the page's networks: this section reads with the chosen one */
export function setupNumber(root, python, networks) {
  const view = new NumberView(root, { clear: () => view.pad.clear(), undo: () => view.pad.undo() });

  const readings = new LatestOnly(async (_job, ticket) => {
    const strokes = view.pad.strokes.map((stroke) => stroke.slice());
    if (!strokes.length) {
      view.showMessage(WRITE_A_NUMBER);
      return;
    }
    const name = networks.chosen;
    await networks.ensure(name);
    const answer = await api.readNumber(python, name, strokes.flat(2), strokes.map((stroke) => stroke.length),
                                        view.pad.aspect);
    if (ticket.stale) return;             // the visitor has drawn since: the next reading is on its way
    showNetwork();
    if (answer.status === "read") view.showReading(answer);
    else view.showMessage(answer.message);
  }, { onError: (error) => {
    if (!(error instanceof InterruptedError)) view.showMessage(error.message);   // else: Python restarts, and says so
  } });
  const read = () => {
    view.showBusy(true);
    readings.request(null).then(() => view.showBusy(readings.busy));
  };

  function showNetwork() {
    const shipped = networks.shipped(networks.chosen);
    view.showNetwork(shipped ? `${shipped.name} (${shipped.label})` : networks.chosen);
  }

  view.pad.addEventListener("stroke", read);
  networks.addEventListener("chosen", () => { if (!view.pad.isEmpty) read(); });
  python.addEventListener?.("ready", () => { if (!view.pad.isEmpty) read(); });   // Python started again
  showNetwork();
  return {};
}
