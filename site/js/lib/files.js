// Files in and out of the page: downloads the visitor keeps, and the MNIST subset Python trains on.

import * as api from "../api.js";

/** Offer bytes (base64, as Python sends them) as a file download. */
export function offerDownload(filename, base64, type = "application/octet-stream") {
  const url = URL.createObjectURL(new Blob([bytesFromBase64(base64)], { type }));
  const link = Object.assign(document.createElement("a"), { href: url, download: filename });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function bytesFromBase64(base64) {
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}

let subset = null;
let listening = false;

/** Download data/mnist-small.npz (about 2 MB) into Python, once, when training first needs it
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
