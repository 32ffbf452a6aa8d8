// Learn more asks nothing of Python: its view is all there is.

import { learnMoreView } from "./view.js";

export function setupLearnMore(root) {
  learnMoreView(root);
}
