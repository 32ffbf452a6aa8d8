// The idea beside the networks' facts under the recognizer's menu: how the chosen network was
// taught (data augmentation), with the recipe its manifest records.

import { DEFAULT_MODEL } from "../../generated/facts.js";
import { listed, percent, whole } from "../../lib/format.js";
import { networkIdea } from "../../widgets/manifest-idea.js";

/** How the network chosen in the recognizer's menu was trained, beside its facts: {element, follow(name)},
 *  follow naming the shipped network it is about. */
export function augmentationIdea() {
  return networkIdea({
    name: "augmentation", control: "model-select", question: (network) => `How ${network} was taught: data augmentation`,
    plain: "A network learns only what its training digits show it. So this one was also shown each digit changed a "
      + "little at random: turned, scaled, shifted, as different hands and pads would make it. Same digit, new "
      + "picture: it learns that the change does not matter.",
    formula: "each step: x′ = a random small rotation, scaling and shift of x; the label stays the same.",
  }, ({ recipe, test_accuracy: accuracy, test_images: images }) => `${percent(recipe.augment_share, 0)} of its training `
    + `digits were ${changes(recipe)}. ${learnedFrom(recipe)}, for `
    + `${recipe.epochs} epochs in batches of ${recipe.batch_size}, with the ${recipe.optimizer} optimiser at a `
    + `learning rate of ${recipe.learning_rate}, and reads ${percent(accuracy, 2)} of ${whole(images)} test digits right.`,
  DEFAULT_MODEL);
}

/** The changes the recipe draws, in words: only those it uses (a change of 0 is left out). */
function changes(recipe) {
  const drawn = [
    recipe.rotate && `turned by up to ±${recipe.rotate}°`,
    recipe.scale && `scaled by up to ±${percent(recipe.scale, 0)}`,
    recipe.shift && `shifted by up to ${recipe.shift} pixels`,
    recipe.slant && `slanted by up to ${Math.round(Math.atan(recipe.slant) * 180 / Math.PI)}°`,
    recipe.aspect && `made up to ${percent(recipe.aspect, 0)} wider or narrower`,
    recipe.elastic && `bent by smooth distortions of up to ${recipe.elastic} pixels`,
    (recipe.thinner || recipe.bolder) && `redrawn with a pen ${penChange(recipe)}`,
    recipe.gaps && `cut by up to ${recipe.gaps} gaps in their strokes`,
    recipe.speckle && `speckled (up to ${percent(recipe.speckle, 0)} of their pixels flipped)`,
  ].filter(Boolean);
  return listed(drawn) || "left as they are";
}

/** How much finer or broader the pen was drawn: only the ways it changed. */
function penChange(recipe) {
  return [recipe.thinner && `up to ${recipe.thinner} pixels a side finer`,
          recipe.bolder && `up to ${recipe.bolder} broader`].filter(Boolean).join(" or ");
}

/** What it learned from: MNIST's 60,000 training digits, and the pad's drawings if any joined them. */
function learnedFrom(recipe) {
  const pen = [recipe.handwriting && `${whole(recipe.handwriting)} pen drawings of the catalogue's styles`,
               recipe.pen_mnist && `${whole(recipe.pen_mnist)} MNIST digits redrawn with the pad's pen`].filter(Boolean);
  return pen.length ? `It learned from ${listed(["MNIST's 60,000 digits", ...pen])}`
    : "It learned from MNIST's 60,000 digits alone";
}
