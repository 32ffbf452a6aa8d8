// Networks trained or tuned on an earlier visit come back from this browser's store into
// Python and the page's networks (and so the recognizer's menu).

import * as api from "../../api.js";
import { fileBytes } from "../../lib/arrays.js";
import { YOURS } from "../../networks.js";
import { loadModels } from "../../store.js";

/** Restore every kept network; `onYours(entry)` hears of the network trained from scratch. */
export async function restoreKeptNetworks(python, networks, onYours) {
  let entries;
  try {
    entries = await loadModels();
    await python.ready;
  } catch {
    return;       // no IndexedDB (private mode) or no Python: nothing to restore
  }
  for (const entry of entries) {
    try {
      const summary = await api.adoptModelFile(python, entry.name, fileBytes(entry.file));
      networks.add(entry.name, entry.label, { ...entry.summary, ...summary });
      if (entry.name === YOURS) onYours(entry);
    } catch (error) {
      console.warn(`A kept network (${entry.name}) could not be restored: ${error.message}`);
    }
  }
  networks.restoreChoice();
}
