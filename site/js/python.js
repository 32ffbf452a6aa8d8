// The page's handle on Python: a Web Worker running Pyodide (see worker.js), started by
// index.html's first script.
// `python.call("predict", "cnn", bitmap, h, w)` returns a Promise of the result; the sections
// call it through api.js, one typed function per Python page function. Typed-array arguments
// are sent as binaries, everything else as JSON.
//
// Python can die under the page: out of memory, a WebAssembly trap, a phone that stops the
// worker. When its worker fails, or a call runs past a generous limit, this handle says so
// ("restarting"), starts a new worker and carries on: calls made meanwhile wait for the new
// Python, and the calls that were lost reject with an InterruptedError, so a section can say
// that its work was interrupted. If the new Python fails too before answering anything, the
// handle gives up ("gave-up") and every call rejects with a sentence saying what to do.

const CALL_LIMIT_MS = 30_000;         // no page function takes longer: the long ones run in slices
const LOAD_LIMIT_MS = 120_000;        // a network's download, on a slow school connection

/**
 * @typedef {{ worker: Worker, early?: Event[], scriptURL?: (path: string) => any }} StartedWorker
 *   what index.html's first script leaves on window as pythonWorker
 */

export class Python extends EventTarget {
  /** worker: the Web Worker; early: its events that came before this handle existed;
   *  scriptURL(path): a worker's URL as Trusted Types allow it (index.html's policy).
   *  @param {StartedWorker} started */
  constructor({ worker, early = [], scriptURL = (path) => path }) {
    super();
    this.scriptURL = scriptURL;
    this.pending = new Map();          // id → {resolve, reject, timer, limit}
    this.nextId = 1;
    this.restarts = 0;                 // failures in a row: reset by the first answer after one
    this.attach(worker);
    for (const event of early) (event.type === "error" ? this.worker.onerror : this.worker.onmessage)(event);
  }

  /** Listen to `worker`, and make `ready` the promise of its Python. */
  attach(worker) {
    this.worker = worker;
    this.state = "loading";
    this.ready = new Promise((resolve, reject) => {
      worker.onmessage = ({ data }) => {
        if (worker !== this.worker) return;
        if (data.type === "progress") { this.progress = data; this.emit("progress", data); }
        else if (data.type === "ready") { this.becameReady(data); resolve(data.runtime); }
        else if (data.type === "failed" && this.restarts > 0) this.died(data.message.replace(/\.$/, ""));
        else if (data.type === "failed") { this.state = "error"; reject(new Error(data.message)); this.emit("failed", data); }
        else if (data.type === "died") this.died(data.message);
        else this.settle(data);
      };
      worker.onerror = (event) => {
        if (worker !== this.worker) return;
        if (this.state === "ready" || this.restarts > 0) {     // a started Python, or one starting again
          this.died(`Python stopped (${event.message || "its worker failed"})`);
          return;
        }
        const message = `Python's worker could not start (${event.message || "script error"}).`;
        this.state = "error";
        reject(new Error(message));
        this.emit("failed", { message });
      };
    });
    this.ready.catch(() => {});   // failures are reported through the "failed" event
  }

  becameReady(data) {
    this.state = "ready";
    this.restartMessage = null;
    this.runtime = data.runtime;
    for (const request of this.pending.values()) this.startClock(request);
    this.emit("ready", data);
  }

  emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }

  settle({ id, ok, error }) {
    const request = this.pending.get(id);
    if (!request) return;
    this.pending.delete(id);
    clearTimeout(request.timer);
    this.restarts = 0;                  // this Python answers: a later failure is a first one again
    if (error !== undefined) request.reject(new PythonError(error));
    else request.resolve(ok);
  }

  send(message, limit = CALL_LIMIT_MS) {
    if (this.state === "gave-up") return Promise.reject(new PythonError(this.gaveUp));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const request = { resolve, reject, limit, timer: null };
      this.pending.set(id, request);
      if (this.state === "ready") this.startClock(request);   // else once Python is ready
      this.worker.postMessage({ id, ...message });
    });
  }

  /** The limit runs from when Python could start on the call, not while it is still loading. */
  startClock(request) {
    clearTimeout(request.timer);
    request.timer = setTimeout(() => this.died(
      `Python took more than ${Math.round(request.limit / 1000)} seconds to answer, so it was stopped`), request.limit);
  }

  /** Python failed under the page: start it again once, then give up. */
  died(reason) {
    if (this.state === "restarting" || this.state === "gave-up") return;
    this.worker.terminate();
    const lost = [...this.pending.values()];
    this.pending.clear();
    this.restarts += 1;
    if (this.restarts > 1) {
      this.state = "gave-up";
      this.gaveUp = `${reason}, and it had just been started again. Reload the page to start afresh: `
        + "your drawings, your personal set and the networks you kept are safe in this browser.";
      for (const request of lost) { clearTimeout(request.timer); request.reject(new PythonError(this.gaveUp)); }
      this.emit("gave-up", { message: this.gaveUp });
      return;
    }
    const message = `${reason}. Starting Python again…`;
    for (const request of lost) { clearTimeout(request.timer); request.reject(new InterruptedError(message)); }
    this.state = "restarting";
    this.restartMessage = message;      // what the status says while the new Python loads
    this.emit("restarting", { message });
    this.attach(new Worker(this.scriptURL("js/worker.js"), { type: "module" }));
  }

  /** Call digits.page.api.<fn>(...args) in Python. */
  call(fn, ...args) {
    return this.send(callMessage(fn, args));
  }

  /** This Python with a shorter time limit on its calls: past it, Python is stopped and started
   *  again. For code the visitor wrote, which may never end. */
  within(/** @type {number} */ limitMs) {
    return { call: (/** @type {string} */ fn, /** @type {any[]} */ ...args) => this.send(callMessage(fn, args), limitMs) };
  }

  /** This Python, for work that can wait: its calls go out once `first` (a promise) settles. */
  after(first) {
    const settled = first.then(() => {}, () => {});
    const python = this;
    return {
      get ready() {
        const ready = settled.then(() => python.ready);
        ready.catch(() => {});          // failures are reported through the "failed" event
        return ready;
      },
      call: (fn, ...args) => settled.then(() => this.call(fn, ...args)),
      within: (/** @type {number} */ limitMs) => ({
        call: (/** @type {string} */ fn, /** @type {any[]} */ ...args) => settled.then(() => this.within(limitMs).call(fn, ...args)),
      }),
      addEventListener: (/** @type {Parameters<EventTarget["addEventListener"]>} */ ...listen) =>
        this.addEventListener(...listen),
    };
  }

  /** The size of Python's WebAssembly memory and its count of live objects (to spot leaks). */
  memory() {
    return this.send({ type: "memory" });
  }

  /** Download weights/<name>/ and load them into Python (checked against their sha256). */
  loadModel(name) {
    return this.send({ type: "load-model", name }, LOAD_LIMIT_MS);
  }
}

/** The message that calls digits.api.<fn>(...args): typed arrays travel as binaries, the rest as JSON. */
function callMessage(fn, args) {
  const binaries = [];
  const packed = args.map((arg) => {
    if (!ArrayBuffer.isView(arg)) return arg;
    binaries.push(arg);
    return { binary: binaries.length - 1 };
  });
  return { type: "call", fn, args: packed, binaries };
}

/** An error Python reported, with a message meant for people. */
export class PythonError extends Error {}

/** The call was lost because Python stopped under it; a new Python is starting. */
export class InterruptedError extends PythonError {}
