// The recognizer's state: which network reads the drawing (key d.model in the URL, declared in
// lib/url-state.js), and the latest answer, kept by the controller.

import { readKey, writeKeys } from "../../lib/url-state.js";

/** The network a link asks for (a shipped one, or one made in this page and not yet restored). */
export function chosenInUrl() {
  return readKey("d.model");
}

export function rememberChoice(name) {
  writeKeys({ "d.model": name });
}
