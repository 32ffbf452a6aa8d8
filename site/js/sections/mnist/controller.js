// Meet MNIST: what the dataset is, a gallery of its test digits (ordinary ones and the ones
// the networks find hard, chosen by py/digits/page/evaluation.py), any of which the recognizer can
// read, and the visitor's own digit, as the network sees it, beside MNIST's of its class.
//
// Nothing is asked of Python until the section comes near the screen.

import * as api from "../../api.js";
import { MODELS } from "../../generated/facts.js";
import { ensureSubset } from "../../subset.js";
import { rowsOf } from "../../lib/arrays.js";
import { asImage } from "../../lib/digits.js";
import { whenNear } from "../../lib/near.js";
import { rememberShown, shownInUrl } from "./state.js";
import { MnistView } from "./view.js";

export function setupMnist(root, python, networks, recognizer) {
  const view = new MnistView(root, { send: (digit) => send(digit), show: (label) => rememberShown(label) }, shownInUrl());
  let loading = null;

  whenNear(root, () => { loading ??= load(); });

  async function load() {
    try {
      await ensureSubset(python);
      view.showFacts(await api.mnistFacts(python));
      // The gallery's hard digits are the ones the shipped networks disagree on: all of them read.
      await Promise.all(MODELS.map(({ name }) => networks.ensure(name)));
      const gallery = await api.mnistGallery(python);
      view.showGallery(gallery, rowsOf(gallery.pixels));
      showYours();
    } catch (error) {
      loading = null;                  // coming near again tries again
      view.showFailure(error.message);
    }
  }

  // The visitor's digit beside MNIST's: a drawing, not an image sent from here.
  function showYours() {
    const answer = recognizer.last;
    if (answer && !answer.bitmap) return;
    view.showYours(answer);
  }
  recognizer.events.addEventListener("answer", showYours);

  function send(digit) {
    recognizer.showImage(asImage(digit.bytes), { show: true });
    view.say(`Test digit #${digit.index}, a ${digit.label}, is in the recognizer: draw yours beside it.`);
  }
}
