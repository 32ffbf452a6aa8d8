// The page's networks: the shipped ones, and the ones trained or tuned in this page.

import { TRAINING } from "./generated/facts.js";

/** The name of the network trained from scratch in the page ("Watch it learn"), as Python names
 *  it: one at a time, each finished run replacing the last, in the menu and in this browser. */
export const YOURS = TRAINING.trained_name;
