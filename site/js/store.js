// What the page keeps in this browser (IndexedDB, through the small idb-keyval library):
// the visitor's personal set of drawings and the networks trained or tuned here.
// Nothing is ever sent anywhere.
//
//   "personal"      [{image: Uint8Array(784), label, added}]   28x28 drawings, 0 background, 255 ink
//   "model:<name>"  {name, label, file, summary, history}       a network as a zip (base64), see learn.py
//   "bytecode"      {key, zip}      Python's compiled modules, for a faster start (worker.js, bytecode.py)

import { createStore, get, set, del, keys, clear } from "../vendor/idb-keyval.js";

const store = createStore("digits-in-the-browser", "kept");
const MODEL = "model:";

export async function loadPersonalSet() {
  return (await get("personal", store)) ?? [];
}

export function savePersonalSet(items) {
  return set("personal", items, store);
}

export function saveModel(entry) {
  return set(MODEL + entry.name, entry, store);
}

export function forgetModel(name) {
  return del(MODEL + name, store);
}

export async function loadModels() {
  const names = (await keys(store)).filter((key) => String(key).startsWith(MODEL));
  return Promise.all(names.map((key) => get(key, store)));
}

export function forgetEverything() {
  return clear(store);
}

export function loadBytecode() {
  return get("bytecode", store);
}

export function saveBytecode(kept) {
  return set("bytecode", kept, store);
}
