// What the page keeps in this browser (IndexedDB, through the small idb-keyval library):
// the visitor's personal set of drawings and the networks trained or tuned here.
// Nothing is ever sent anywhere.
//
//   "personal"      [{image: Uint8Array(784), label, added}]   28x28 drawings, 0 background, 255 ink
//   "model:<name>"  {name, label, file, summary, history}       a network as a zip (base64), see page/training.py
//
// Storage may fail: a private window may have no IndexedDB, a full disk refuses to write, a
// browser may forbid it. Then everything is kept in memory for this visit instead, nothing
// throws, and `storageTrouble` fires "trouble" once, so the page can say what it cannot keep.

import { createStore, get, set, del, keys, clear } from "../vendor/idb-keyval.js";

const MODEL = "model:";
const memory = new Map();               // this visit's copy: the whole store when IndexedDB fails
let store = openStore();

/** Fires "trouble" (detail: {message}) the first time this browser refuses to keep something. */
export const storageTrouble = new EventTarget();
let troubled = false;

function openStore() {
  try {
    const opened = createStore("digits-in-the-browser", "kept");
    opened("readonly", () => undefined).catch(() => {});   // a refused open is handled by `kept`, not unhandled
    return opened;
  } catch {
    return null;                        // no IndexedDB at all: `kept` reports it on first use
  }
}

/** Run `action` on IndexedDB; if it fails (or there is none), say so once and use memory instead. */
async function kept(action, inMemory) {
  if (store) {
    try {
      return await action(store);
    } catch (error) {
      if (error?.name !== "QuotaExceededError") store = null;     // a full disk may take reads still
      report(error);
    }
  } else report(null);
  return inMemory();
}

function report(error) {
  if (troubled) return;
  troubled = true;
  const why = error?.name === "QuotaExceededError" ? "its storage is full" : "it keeps no storage for this page (a private window?)";
  storageTrouble.dispatchEvent(new CustomEvent("trouble", { detail: {
    message: `This browser cannot keep your drawings and networks for your next visit (${why}): `
      + "they last until you close this tab. Export them to keep them.",
  } }));
}

const read = (key) => kept((s) => get(key, s), () => memory.get(key));
const write = (key, value) => {
  memory.set(key, value);
  return kept((s) => set(key, value, s), () => undefined);
};
const remove = (key) => {
  memory.delete(key);
  return kept((s) => del(key, s), () => undefined);
};

export async function loadPersonalSet() {
  return (await read("personal")) ?? [];
}

export function savePersonalSet(items) {
  return write("personal", items);
}

export function saveModel(entry) {
  return write(MODEL + entry.name, entry);
}

export function forgetModel(name) {
  return remove(MODEL + name);
}

export async function loadModels() {
  const names = await kept((s) => keys(s), () => [...memory.keys()]);
  const models = names.filter((key) => String(key).startsWith(MODEL));
  return (await Promise.all(models.map(read))).filter(Boolean);
}

export function forgetEverything() {
  memory.clear();
  return kept((s) => clear(s), () => undefined);
}

/** Earlier versions of the page kept Python's compiled modules here, 2 MB that the site now ships. */
export function dropOldBytecode() {
  return kept((s) => del("bytecode", s), () => undefined);
}
