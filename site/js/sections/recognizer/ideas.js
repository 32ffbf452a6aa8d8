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
    + `digits were turned by up to ±${recipe.rotate}°, scaled by up to ±${percent(recipe.scale, 0)} and shifted by up `
    + `to ${recipe.shift} pixels; ${whole(recipe.handwriting)} pen drawings joined MNIST's 60,000 digits. It learned for `
    + `${recipe.epochs} epochs in batches of ${recipe.batch_size}, with the ${recipe.optimizer} optimiser at a `
    + `learning rate of ${recipe.learning_rate}, and reads ${percent(accuracy, 2)} of ${whole(images)} test digits right.`);
}
