// The Python side of the page: Pyodide, numpy and our `digits` package, in a Web Worker,
// so the page stays smooth while Python loads, predicts or trains.
//
// Messages in:  {id, type: "call", fn, args, binaries}   run digits.page.api.<fn>(*args)
//               {id, type: "load-model", name}           fetch weights/<name>/ and load them
//               {id, type: "memory"}                     the WebAssembly heap size and Python's object count
// Messages out: {type: "progress", step, of, message}    while the runtime loads
//               {type: "ready", runtime} | {type: "failed", message}
//               {type: "died", message}                  Python failed for good: start another worker
//               {id, ok} | {id, error}
// Its start's stages are marked on the worker's timeline (performance.mark: python-started,
// numpy-loaded, code-unpacked, code-imported, then <model>-loaded), for profiles and bench/load_time.py.

import { loadPyodide } from "../pyodide/pyodide.mjs";

const here = (path) => new URL(path, import.meta.url).href;
const STEPS = 4;
// Pyodide's standard library with its modules compiled when the site was built (tools/compiled_python.py), by its path in the site.
const STANDARD_LIBRARY = "py/python_stdlib.zip";

let dispatch = null;          // the one Python function the page calls through
let pyodide = null;

function progress(step, message) {
  postMessage({ type: "progress", step, of: STEPS, message });
}

async function start() {
  const ourPackage = fetch(here("../py/digits.zip"));      // both fetched while Pyodide loads
  const compiled = fetch(here("../py/bytecode.zip")).then((response) => response.ok ? response.arrayBuffer() : null)
    .catch(() => null);
  progress(1, "Downloading Python (Pyodide)…");
  try {
    // numpy is named here so that Pyodide downloads it while Python starts, not after.
    // Pyodide waits forever when its WebAssembly is missing: check the files alongside.
    const loading = loadPyodide({ indexURL: here("../pyodide/"), stdLibURL: here(`../${STANDARD_LIBRARY}`), packages: ["numpy"] });
    pyodide = await Promise.race([loading, missingRuntimeFile()]);
  } catch (error) {
    throw new Error(`Python (Pyodide) could not be loaded: ${error.message}`);
  }
  performance.mark("python-started");
  progress(2, "Loading numpy…");
  try {
    // Already loaded, unless its download failed above: this tries again, and says why it failed.
    await pyodide.loadPackage("numpy", { messageCallback: () => {}, errorCallback: (m) => console.warn(m) });
  } catch (error) {
    throw new Error(`numpy could not be loaded into Python: ${error.message}`);
  }
  performance.mark("numpy-loaded");
  progress(3, "Loading the network code…");
  const response = await ourPackage;
  if (!response.ok) throw new Error(`The network code (py/digits.zip) could not be downloaded (HTTP ${response.status}).`);
  pyodide.unpackArchive(await response.arrayBuffer(), "zip", { extractDir: "/home/pyodide" });
  const bytecode = unpackCompiled(await compiled);
  performance.mark("code-unpacked");
  dispatch = pyodide.runPython("import digits.page.api\ndigits.page.api.dispatch");
  performance.mark("code-imported");
  const runtime = call("runtime", []);
  if (runtime.error) throw new Error(runtime.error);
  return { ...runtime.ok, bytecode, standardLibrary: standardLibraryKind() };
}

/** "shipped" if Python found the standard library's modules compiled in STANDARD_LIBRARY, else "compiled". */
function standardLibraryKind() {
  // The zip importer names a module after the file it ran: its .pyc, or its .py if it compiled that.
  return pyodide.runPython("import asyncio\nasyncio.__file__").endsWith(".pyc") ? "shipped" : "compiled";
}

/**
 * numpy's modules and ours, compiled when the site was built (py/digits/page/bytecode.py): unpacked
 * beside their sources before Python imports them, so that it need not compile them. Without
 * them Python compiles as usual, only slower: "shipped" or "compiled", for tests.
 */
function unpackCompiled(zip) {
  if (!zip) {
    console.warn("Python's compiled modules (py/bytecode.zip) could not be downloaded: compiling instead.");
    return "compiled";
  }
  try {
    pyodide.unpackArchive(zip, "zip", { extractDir: "/" });
    return "shipped";
  } catch (error) {
    console.warn(`Python's compiled modules could not be unpacked (${error.message}): compiling instead.`);
    return "compiled";
  }
}

/** Rejects, naming the file, if a runtime file cannot be downloaded; otherwise never settles. */
async function missingRuntimeFile() {
  const files = ["pyodide/pyodide.asm.wasm", "pyodide/pyodide.asm.js", STANDARD_LIBRARY];     // in the site
  const answers = await Promise.all(files.map((file) =>
    fetch(here(`../${file}`), { method: "HEAD" }).then(
      (response) => ({ file, problem: response.ok ? null : `HTTP ${response.status}` }),
      (error) => ({ file, problem: error.message }))));
  const missing = answers.find((answer) => answer.problem);
  if (missing) throw new Error(`${missing.file} could not be downloaded (${missing.problem}).`);
  return new Promise(() => {});
}

// Call a Python function by name; binaries (typed arrays) travel without copying through JSON.
function call(fn, args, binaries = []) {
  const answer = dispatch(fn, JSON.stringify(args), binaries);
  const result = JSON.parse(answer);
  if (result.detail) console.warn(result.detail);
  return result;
}

/** @typedef {{ manifestText: string, downloads: { file: string, bytes: Uint8Array }[] }} DownloadedModel */

/** Download weights/<name>/ (manifest and .npy files); this can start before Python is up. */
async function downloadModel(name) {
  const folder = here(`../weights/${name}/`);
  const manifestResponse = await fetch(folder + "manifest.json");
  if (!manifestResponse.ok) {
    return { error: `The ${name} model could not be downloaded: weights/${name}/manifest.json answered HTTP ${manifestResponse.status}.` };
  }
  const manifestText = await manifestResponse.text();
  let files;
  try {
    files = Object.values(JSON.parse(manifestText).files).map((entry) => entry.file);
  } catch {
    return { error: `The ${name} model's manifest (weights/${name}/manifest.json) is not valid JSON.` };
  }
  const downloads = await Promise.all(files.map(async (file) => {
    const response = await fetch(folder + file);
    return { file, response, bytes: response.ok ? new Uint8Array(await response.arrayBuffer()) : null };
  }));
  const failed = downloads.find((download) => !download.bytes);
  if (failed) return { error: `The ${name} model could not be downloaded: weights/${name}/${failed.file} answered HTTP ${failed.response.status}.` };
  return { manifestText, downloads };
}

/**
 * Put a downloaded model into Python's file system and load it (Python checks every sha256).
 * @param {string} name
 * @param {DownloadedModel} model
 */
function loadModel(name, { manifestText, downloads }) {
  const target = `/weights/${name}`;
  pyodide.FS.mkdirTree(target);
  pyodide.FS.writeFile(`${target}/manifest.json`, manifestText);
  for (const { file, bytes } of downloads) pyodide.FS.writeFile(`${target}/${file}`, bytes);
  return call("load_model", [name, target]);
}

const started = start();

onmessage = async ({ data }) => {
  const { id, type } = data;
  try {
    const download = type === "load-model" ? downloadModel(data.name) : null;   // meanwhile Python starts
    await started;
    if (type === "load-model") {
      const files = await download;
      postMessage({ id, ...(files.error ? files : loadModel(data.name, /** @type {DownloadedModel} */ (files))) });
      performance.mark(`${data.name}-loaded`);
    } else if (type === "memory") postMessage({ id, ok: { wasmBytes: pyodide._module.HEAP8.buffer.byteLength, ...call("memory", []).ok } });
    else postMessage({ id, ...call(data.fn, data.args, data.binaries) });
  } catch (error) {
    // After a WebAssembly trap or running out of memory, Pyodide can never answer again:
    // the page is told to start a new Python rather than to wait on this one.
    if (error.pyodide_fatal_error) postMessage({ type: "died", message: `Python stopped (${error.message.split("\n")[0]})` });
    else postMessage({ id, error: error.message });
  }
};

started.then(
  (runtime) => postMessage({ type: "ready", runtime }),
  (error) => postMessage({ type: "failed", message: error.message }),
);
