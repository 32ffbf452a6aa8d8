// Bring every section of the page to life; Python is already on its way (index.html started it).
//
// Each section is a folder under sections/ with the same parts: state.js (its plain data, what
// the visitor set and what it shows now, and where that is kept: the URL, this browser; no DOM,
// no Python), view.js (its DOM, built with lib/dom.js, and what it shows), controller.js (what
// happens, and what it asks Python through api.js). Each one
// builds itself inside the root index.html gives it, and talks to the others only through
// what they return here. What several sections share lives beside them, made once here: the
// page's networks (networks.js), the MNIST subset in Python (subset.js), the store (store.js).

import { Python } from "./python.js";
import { setStatus } from "./lib/status.js";
import { linkNavigation, watchTheVisitor } from "./navigation.js";
import * as urlState from "./lib/url-state.js";

const visitorMoved = watchTheVisitor();    // from the start: the sections take a moment to build

// What the page shares on window: index.html's first script leaves the worker it started, and
// this module leaves the page's parts for the curious (below).
const globals = /** @type {typeof window & { pythonWorker: import("./python.js").StartedWorker, app?: object }} */ (window);

const python = new Python(globals.pythonWorker);

// Python may have got ahead of this module: show where it is now, then follow it.
const showProgress = (detail) => setStatus("loading", python.restartMessage ?? detail.message, detail.step / (detail.of + 1));
if (python.progress) showProgress(python.progress);
python.addEventListener("progress", (/** @type {CustomEvent} */ { detail }) => showProgress(detail));
python.ready.then((runtime) => {
  setStatus("loading", "Loading the network's weights…", 0.9);
  document.querySelector(".runtime").textContent = `Python ${runtime.python} · numpy ${runtime.numpy} · Pyodide, in this tab`;
}, (error) => {
  setStatus("error", `${error.message} Drawing still works; reload the page to try again.`);
});

const root = (selector) => document.querySelector(selector);

// If this browser keeps nothing (a private window, a full disk), say so once; everything still works.
const { storageTrouble } = await import("./store.js");
storageTrouble.addEventListener("trouble", (/** @type {CustomEvent} */ { detail }) => {
  const note = root("[data-testid=storage-note]");
  note.textContent = detail.message;
  note.hidden = false;
}, { once: true });
const { Networks } = await import("./networks.js");
const networks = new Networks(python);
const { setupRecognizer } = await import("./sections/recognizer/controller.js");
const recognizer = setupRecognizer(root("#draw .recognizer-root"), python, networks);

// The visitor's first digit comes first: the other sections talk to Python once the recognizer
// has its network and has answered.
const patientPython = python.after(recognizer.started);
const { setupInside } = await import("./sections/inside/controller.js");
const inside = setupInside(root("#inside .inside-root"), patientPython, networks, recognizer);
const { setupWhy } = await import("./sections/why/controller.js");
setupWhy(root("#why .why-root"), patientPython, networks, recognizer);
const { setupPerceptron } = await import("./sections/perceptron/controller.js");
setupPerceptron(root("#perceptron .perceptron-root"), patientPython);
const { setupMachine } = await import("./sections/machine/controller.js");
setupMachine(root("#machine .machine-root"), patientPython);
const { setupTraining } = await import("./sections/training/controller.js");
setupTraining(root("#train .train-root"), patientPython, networks, recognizer);
const { setupTeach } = await import("./sections/teach/controller.js");
setupTeach(root("#train .teach-root"), patientPython, networks, recognizer);
const { setupMnist } = await import("./sections/mnist/controller.js");
setupMnist(root("#mnist .mnist-root"), patientPython, networks, recognizer);
const { setupEvaluation } = await import("./sections/evaluation/controller.js");
setupEvaluation(root("#mnist .evaluation-root"), patientPython, networks, recognizer);
const { setupLearnMore } = await import("./sections/learn-more/controller.js");
setupLearnMore(root("#learn-more .learn-more-root"));
linkNavigation(["draw", "inside", "why", "mnist", "perceptron", "machine", "train", "learn-more"], visitorMoved);
// Every section is built, and the page has gone to the section the link named (Python may have
// been ready before this, on a slow machine): tests wait for this as well as for the status.
document.documentElement.dataset.sections = "built";

// Once the first answer is out and the visitor pauses, keep Python's modules compiled (a moment
// of work for the worker): the next visit starts faster.
const bytecodeKept = recognizer.started.then(() => recognizer.quiet(3000))
  .then(() => python.keepBytecode()).catch(() => false);

// After that, keep the whole page in this browser so that it opens offline next time.
const { keepForOffline } = await import("./offline.js");
const offline = keepForOffline({ when: bytecodeKept, notice: root("[data-testid=offline-note]"),
                                 update: root("[data-testid=update]"), scriptURL: globals.pythonWorker.scriptURL });

// For the curious (and for tests): the page's parts, reachable from the browser console.
globals.app = { python, networks, recognizer, inside, bytecodeKept, offline, urlState };
