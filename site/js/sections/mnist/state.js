// As every state.js: plain data (what the visitor set, what is shown) and where it is kept; no DOM, no Python.
//
// Meet MNIST's state: which digits the gallery shows, one class or all of them (key g.show in
// the URL, declared in lib/url-state.js), so a link can open the gallery on the 4s.

import { readKey, writeKeys } from "../../lib/url-state.js";

/** The class a link asks the gallery for (0 to 9), or null for every class. */
export function shownInUrl() {
  return readKey("g.show");
}

export function rememberShown(digit) {
  writeKeys({ "g.show": digit });
}
