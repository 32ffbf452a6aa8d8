// The page's small MNIST (data/mnist-small.npz) in Python: training, the evaluation, the MNIST
// gallery and the map of test digits all read it, and it is downloaded once for all of them.

import * as api from "./api.js";

let subset = null;
let listening = false;

/** Download data/mnist-small.npz (about 2 MB) into Python, once, when a section first needs it
 *  (and again if Python has to start afresh, see python.js). */
export function ensureSubset(python) {
  if (!listening) {
    python.addEventListener("restarting", () => { subset = null; });
    listening = true;
  }
  subset ??= (async () => {
    const response = await fetch("data/mnist-small.npz");
    if (!response.ok) throw new Error(`The MNIST subset (data/mnist-small.npz) could not be downloaded (HTTP ${response.status}).`);
    return api.learnData(python, new Uint8Array(await response.arrayBuffer()));
  })();
  subset.catch(() => { subset = null; });     // a later attempt may succeed
  return subset;
}
