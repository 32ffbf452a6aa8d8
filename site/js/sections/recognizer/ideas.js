// The idea beside the networks' facts under the recognizer's menu: how the cnn was taught (data
// augmentation), with the recipe its manifest records.

import { percent, whole } from "../../lib/format.js";
import { manifestIdea } from "../../widgets/manifest-idea.js";

/** How the cnn was trained, beside the networks' facts under the recognizer's menu. */
export function augmentationIdea() {
  return manifestIdea({
    name: "augmentation", control: "model-select", question: "How the cnn was taught: data augmentation",
    plain: "A network learns only what its training digits show it. So the cnn was also shown each digit changed a "
      + "little at random: turned, scaled, shifted, as different hands and pads would make it. Same digit, new "
      + "picture: it learns that the change does not matter.",
    formula: "each step: x′ = a random small rotation, scaling and shift of x; the label stays the same.",
  }, ({ recipe, test_accuracy: accuracy, test_images: images }) => `${percent(recipe.augment_share, 0)} of its training `
    + `digits were ${changes(recipe)}. ${learnedFrom(recipe)}, for `
    + `${recipe.epochs} epochs in batches of ${recipe.batch_size}, with the ${recipe.optimizer} optimiser at a `
    + `learning rate of ${recipe.learning_rate}, and reads ${percent(accuracy, 2)} of ${whole(images)} test digits right.`);
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
  ].filter(Boolean);
  return drawn.length > 1 ? `${drawn.slice(0, -1).join(", ")} and ${drawn.at(-1)}` : drawn[0] ?? "left as they are";
}

/** What it learned from: MNIST's 60,000 training digits, and the pad's drawings if any joined them. */
function learnedFrom(recipe) {
  const pen = [recipe.handwriting && `${whole(recipe.handwriting)} pen drawings of the catalogue's styles`,
               recipe.pen_mnist && `${whole(recipe.pen_mnist)} MNIST digits redrawn with the pad's pen`].filter(Boolean);
  return pen.length ? `It learned from MNIST's 60,000 digits and ${pen.join(" and ")}`
    : "It learned from MNIST's 60,000 digits alone";
}
