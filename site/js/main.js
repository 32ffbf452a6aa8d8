// Bring every section of the page to life; Python is already on its way (index.html started it).

import { Python } from "./python.js";
import { setStatus } from "./status.js";

const python = new Python(window.pythonWorker);

// Python may have got ahead of this module: show where it is now, then follow it.
const showProgress = (detail) => setStatus("loading", detail.message, detail.step / (detail.of + 1));
if (python.progress) showProgress(python.progress);
python.addEventListener("progress", ({ detail }) => showProgress(detail));
python.ready.then((runtime) => {
  setStatus("loading", "Loading the network's weights…", 0.9);
  document.querySelector(".runtime").textContent = `Python ${runtime.python} · numpy ${runtime.numpy} · Pyodide, in this tab`;
}, (error) => {
  setStatus("error", `${error.message} Drawing still works; reload the page to try again.`);
});

const { setupRecognizer } = await import("./recognizer.js");
const { setupSections } = await import("./sections.js");
const recognizer = setupRecognizer(document.querySelector("#draw"), python);
await setupSections(python, recognizer);

// Once the first answer is out and the visitor pauses, keep Python's modules compiled (a moment
// of work for the worker): the next visit starts faster.
const bytecodeKept = recognizer.started.then(() => recognizer.quiet(3000))
  .then(() => python.keepBytecode()).catch(() => false);

// For the curious (and for tests): the page's parts, reachable from the browser console.
window.app = { python, recognizer, bytecodeKept };
