// An idea about the cnn whose numbers are the cnn's own: read from weights/cnn/manifest.json,
// fetched once, when the visitor first opens one of these ideas; no copy of them lives in the page.

import { liveIdea } from "./idea.js";

/**
 * An idea whose numbers are read from the cnn's manifest the first time it is opened: describe(manifest)
 * writes them, reading the manifest as `Manifest` (JSON, which nothing checks here).
 * @template Manifest
 * @param {Omit<import("./idea.js").Idea, "numbers">} spec
 * @param {(manifest: Manifest) => string} describe
 */
export function manifestIdea(spec, describe) {
  const { element, numbers } = liveIdea({ ...spec, numbers: "From the cnn's manifest…" });
  element.addEventListener("toggle", async () => {
    if (!element.open || numbers.dataset.read) return;
    numbers.dataset.read = "reading";
    try {
      numbers.textContent = `From weights/cnn/manifest.json: ${describe(/** @type {Manifest} */ (await cnnManifest()))}`;
      numbers.dataset.read = "done";
    } catch (error) {
      numbers.textContent = `The cnn's manifest could not be read (${error instanceof Error ? error.message : error}).`;
      delete numbers.dataset.read;
    }
  });
  return element;
}

/** @type {Promise<unknown> | null} */
let manifest = null;
function cnnManifest() {
  manifest ??= fetch("weights/cnn/manifest.json").then((response) => {
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return response.json();
  });
  manifest.catch(() => { manifest = null; });
  return manifest;
}
