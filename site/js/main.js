// Start Python first (it takes seconds), then bring every section of the page to life.

import { Python } from "./python.js";
import { setStatus } from "./status.js";

const python = new Python(new URL("./worker.js", import.meta.url));

python.addEventListener("progress", ({ detail }) => {
  setStatus("loading", detail.message, detail.step / (detail.of + 1));
});
python.addEventListener("failed", ({ detail }) => {
  setStatus("error", `${detail.message} Drawing still works; reload the page to try again.`);
});
python.addEventListener("ready", ({ detail }) => {
  setStatus("loading", "Loading the network's weights…", 0.9);
  document.querySelector(".runtime").textContent =
    `Python ${detail.runtime.python} · numpy ${detail.runtime.numpy} · Pyodide, in this tab`;
});

const { setupRecognizer } = await import("./recognizer.js");
const { setupSections } = await import("./sections.js");
const recognizer = setupRecognizer(document.querySelector("#draw"), python);
await setupSections(python, recognizer);

// For the curious (and for tests): the page's parts, reachable from the browser console.
window.app = { python, recognizer };
