// The page's handle on Python: a Web Worker running Pyodide (see worker.js), started by
// index.html's first script.
// `python.call("predict", "cnn", bitmap, h, w)` returns a Promise of the result; the sections
// call it through api.js, one typed function per Python page function. Typed-array arguments
// are sent as binaries, everything else as JSON.

export class Python extends EventTarget {
  /** worker: the Web Worker; early: its events that came before this handle existed. */
  constructor({ worker, early = [] }) {
    super();
    this.worker = worker;
    this.pending = new Map();
    this.nextId = 1;
    this.state = "loading";
    this.ready = new Promise((resolve, reject) => {
      this.worker.onmessage = ({ data }) => {
        if (data.type === "progress") { this.progress = data; this.emit("progress", data); }
        else if (data.type === "ready") { this.state = "ready"; this.runtime = data.runtime; resolve(data.runtime); this.emit("ready", data); }
        else if (data.type === "failed") { this.state = "error"; reject(new Error(data.message)); this.emit("failed", data); }
        else this.settle(data);
      };
      this.worker.onerror = (event) => {
        const message = `Python's worker could not start (${event.message || "script error"}).`;
        this.state = "error";
        reject(new Error(message));
        this.emit("failed", { message });
      };
    });
    this.ready.catch(() => {});   // failures are reported through the "failed" event
    for (const event of early) (event.type === "error" ? this.worker.onerror : this.worker.onmessage)(event);
  }

  emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }

  settle({ id, ok, error }) {
    const request = this.pending.get(id);
    if (!request) return;
    this.pending.delete(id);
    if (error !== undefined) request.reject(new PythonError(error));
    else request.resolve(ok);
  }

  send(message) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, ...message });
    });
  }

  /** Call digits.api.<fn>(...args) in Python. */
  call(fn, ...args) {
    const binaries = [];
    const packed = args.map((arg) => {
      if (!ArrayBuffer.isView(arg)) return arg;
      binaries.push(arg);
      return { binary: binaries.length - 1 };
    });
    return this.send({ type: "call", fn, args: packed, binaries });
  }

  /** This Python, for work that can wait: its calls go out once `first` (a promise) settles. */
  after(first) {
    const settled = first.then(() => {}, () => {});
    const ready = settled.then(() => this.ready);
    ready.catch(() => {});
    return { ready, call: (fn, ...args) => settled.then(() => this.call(fn, ...args)) };
  }

  /** The size of Python's WebAssembly memory and its count of live objects (to spot leaks). */
  memory() {
    return this.send({ type: "memory" });
  }

  /** Keep Python's compiled modules in this browser for a faster next visit; resolves true if kept now. */
  keepBytecode() {
    return this.send({ type: "keep-bytecode" });
  }

  /** Download weights/<name>/ and load them into Python (checked against their sha256). */
  loadModel(name) {
    return this.send({ type: "load-model", name });
  }
}

/** An error Python reported, with a message meant for people. */
export class PythonError extends Error {}
