// An idea about a shipped network whose numbers are that network's own: read from
// weights/NAME/manifest.json, fetched once, when the visitor first opens the idea; no copy of
// them lives in the page.

import { liveIdea } from "./idea.js";

/**
 * An idea about the cnn whose numbers are read from its manifest the first time it is opened:
 * describe(manifest) writes them, reading the manifest as `Manifest` (JSON, which nothing checks here).
 * @template Manifest
 * @param {Omit<import("./idea.js").Idea, "numbers">} spec
 * @param {(manifest: Manifest) => string} describe
 */
export function manifestIdea(spec, describe) {
  return networkIdea({ ...spec, question: () => spec.question }, describe, "cnn").element;
}

/**
 * The same about whichever shipped network `follow(name)` last named (at first, `network`): its
 * summary asks question(name), and its numbers, once opened, are read from that network's manifest.
 * @template Manifest
 * @param {Omit<import("./idea.js").Idea, "numbers" | "question"> & { question: (network: string) => string }} spec
 * @param {(manifest: Manifest) => string} describe
 * @param {string} network
 */
export function networkIdea({ question, ...spec }, describe, network) {
  const { element, numbers } = liveIdea({ ...spec, question: question(network) });
  const summary = /** @type {HTMLElement} */ (element.querySelector("summary"));
  let shown = "";                 // the network whose numbers are shown (or on their way)

  async function show() {
    if (!element.open || shown === network) return;
    const name = shown = network;
    numbers.textContent = `From weights/${name}/manifest.json…`;
    numbers.dataset.read = "reading";
    try {
      const manifest = /** @type {Manifest} */ (await manifestOf(name));
      if (name !== network) return;           // another network was chosen while this one was fetched
      numbers.textContent = `From weights/${name}/manifest.json: ${describe(manifest)}`;
      numbers.dataset.read = "done";
    } catch (error) {
      if (name !== network) return;
      numbers.textContent = `weights/${name}/manifest.json could not be read (${error instanceof Error ? error.message : error}).`;
      shown = "";                             // opening it again tries again
      delete numbers.dataset.read;
    }
  }

  element.addEventListener("toggle", show);
  return {
    element,
    /** @param {string} name */
    follow(name) {
      network = name;
      summary.textContent = question(name);
      show();
    },
  };
}

/** @type {Map<string, Promise<unknown>>} */
const manifests = new Map();
/** @param {string} name */
function manifestOf(name) {
  if (!manifests.has(name)) {
    const manifest = fetch(`weights/${name}/manifest.json`).then((response) => {
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return response.json();
    });
    manifest.catch(() => manifests.delete(name));
    manifests.set(name, manifest);
  }
  return /** @type {Promise<unknown>} */ (manifests.get(name));
}
