// Bring every section of the page to life; Python is already on its way (index.html started it).
//
// Each section is a folder under sections/ with the same parts: state.js (its plain data, what
// the visitor set and what it shows now, and where that is kept: the URL, this browser; no DOM,
// no Python), view.js (its DOM, built with lib/dom.js, and what it shows), controller.js (what
// happens, and what it asks Python through api.js). Each one
// builds itself inside the root index.html gives it, and talks to the others only through
// what they return here. What several sections share lives beside them, made once here: the
// page's networks (networks.js), the MNIST subset in Python (subset.js), the store (store.js).

import { BuildOrder } from "./build-order.js";
import { Python } from "./python.js";
import { Networks } from "./networks.js";
import { keepForOffline } from "./offline.js";
import { dropOldBytecode, storageTrouble } from "./store.js";
import { setStatus } from "./lib/status.js";
import { keepStillWhenAway } from "./lib/still-when-away.js";
import { linkNavigation, watchTheVisitor } from "./navigation.js";
import * as urlState from "./lib/url-state.js";
import { setupRecognizer } from "./sections/recognizer/controller.js";
import { setupNumber } from "./sections/number/controller.js";
import { setupInside } from "./sections/inside/controller.js";
import { setupWhy } from "./sections/why/controller.js";
import { setupMnist } from "./sections/mnist/controller.js";
import { setupEvaluation } from "./sections/evaluation/controller.js";
import { setupPerceptron } from "./sections/perceptron/controller.js";
import { setupMachine } from "./sections/machine/controller.js";
import { setupTraining } from "./sections/training/controller.js";
import { setupTeach } from "./sections/teach/controller.js";
import { setupLearnMore } from "./sections/learn-more/controller.js";

// The page's sections, in page order: each id is a <section> in index.html.
const SECTIONS = ["draw", "number", "inside", "why", "mnist", "perceptron", "machine", "train", "learn-more"];

const visitorMoved = watchTheVisitor();    // from the start: the sections below build later

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
for (const id of SECTIONS) keepStillWhenAway(root(`#${id}`));

// If this browser keeps nothing (a private window, a full disk), say so once; everything still works.
storageTrouble.addEventListener("trouble", (/** @type {CustomEvent} */ { detail }) => {
  const note = root("[data-testid=storage-note]");
  note.textContent = detail.message;
  note.hidden = false;
}, { once: true });
const networks = new Networks(python);
const recognizer = setupRecognizer(root("#draw .recognizer-root"), python, networks);

// The visitor's first digit comes first: the other sections talk to Python once the recognizer
// has its network and has answered.
const patientPython = python.after(recognizer.started);
// The other sections build later (build-order.js): at idle moments once the first answer is
// out, or when the visitor scrolls; all at once when a link names a section further down.
const order = new BuildOrder();
order.later("number", () => setupNumber(root("#number .number-root"), patientPython, networks));
order.later("inside", () => setupInside(root("#inside .inside-root"), patientPython, networks, recognizer));
order.later("why", () => setupWhy(root("#why .why-root"), patientPython, networks, recognizer));
order.later("mnist", () => {
  setupMnist(root("#mnist .mnist-root"), patientPython, networks, recognizer);
  setupEvaluation(root("#mnist .evaluation-root"), patientPython, networks, recognizer);
});
order.later("perceptron", () => setupPerceptron(root("#perceptron .perceptron-root"), patientPython));
order.later("machine", () => setupMachine(root("#machine .machine-root"), patientPython));
order.later("train", () => {
  setupTraining(root("#train .train-root"), patientPython, networks, recognizer);
  setupTeach(root("#train .teach-root"), patientPython, networks, recognizer);
});
order.later("learn-more", () => setupLearnMore(root("#learn-more .learn-more-root")));

if (SECTIONS.slice(1).includes(urlState.getSection())) order.buildAll();     // a link to a section below
else {
  recognizer.started.then(() => order.trickle());
  addEventListener("scroll", () => order.trickle(), { once: true, passive: true });
  addEventListener("hashchange", () => order.buildAll());
}
linkNavigation(SECTIONS, visitorMoved, { beforeJump: () => order.buildAll() });
// Every section is built, and the page has gone to the section the link named (Python may have
// been ready before this, on a slow machine): tests wait for this as well as for the status.
order.done.then(() => { document.documentElement.dataset.sections = "built"; });

// Once the first answer is out and the visitor pauses, keep the whole page in this browser so
// that it opens offline next time.
const paused = recognizer.started.then(() => recognizer.quiet(3000));
paused.then(dropOldBytecode).catch(() => {});
const offline = keepForOffline({ when: paused, notice: root("[data-testid=offline-note]"),
                                 update: root("[data-testid=update]"), scriptURL: globals.pythonWorker.scriptURL });

// For the curious (and for tests): the page's parts, reachable from the browser console.
globals.app = { python, networks, recognizer, offline, urlState, get inside() { return order.built.inside; } };
