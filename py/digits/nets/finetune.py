"""Fine-tuning: a trained network learns one person's handwriting from a few drawings.

A copy of the network takes a few dozen steps of Adam on minibatches that mix the
person's drawings with MNIST digits. The drawings are moved, turned, resized and
drawn with a finer or broader pen a little at every step, so the network learns
the handwriting rather than the exact pixels; every drawing comes back equally
often; the MNIST share keeps it from forgetting everyone else's. The recipe (how
many steps, how large a step, which share of each batch is the person's, how much
the drawings vary) was chosen by `bench/teach_writers.py`, on synthetic people and
on people made of MNIST's own digits.
"""

from dataclasses import dataclass, replace

import numpy as np

from ..images import distort
from ..images.augment import random_affine
from .layers import Conv2D
from .models import from_architecture
from .optim import Adam
from .trainer import Trainer, to_float


@dataclass(frozen=True)
class Recipe:
    """How a network is fine-tuned.

    steps, batch_size, learning_rate: of Adam. mine: the share of each batch that is the
    person's drawings (the rest is MNIST). Each drawing of the person's, every time it is
    learnt, is turned by up to ±degrees, scaled by 1 ± scale, moved by up to ±shift
    pixels each way and drawn with a pen up to `pen` pixels finer or broader on each side.
    """
    steps: int
    batch_size: int
    learning_rate: float = 1e-3
    mine: float = 0.5
    degrees: float = 8.0
    scale: float = 0.08
    shift: float = 1.5
    pen: float = 0.0


# A convolutional network costs about ten times more per image in the browser than a dense one:
# fewer, smaller steps keep it to seconds.
RECIPES = {"dense": Recipe(steps=40, batch_size=64), "convolutional": Recipe(steps=24, batch_size=32)}


def recipe_for(model, steps=None, batch_size=None):
    """The recipe that suits `model` (see RECIPES), with `steps` and `batch_size` if given."""
    convolutional = any(isinstance(layer, Conv2D) for layer in model.layers)
    chosen = RECIPES["convolutional" if convolutional else "dense"]
    return replace(chosen, steps=int(steps or chosen.steps), batch_size=int(batch_size or chosen.batch_size))


class Varied:
    """Each image a little changed as the same person might have drawn it again (see Recipe)."""

    def __init__(self, recipe):
        self.recipe = recipe

    def __call__(self, images, rng):
        recipe = self.recipe
        if recipe.pen:
            images = distort.pen(images, rng.uniform(-recipe.pen, recipe.pen, len(images)))
        return random_affine(images, rng, recipe.degrees, recipe.scale, recipe.shift)


class MineAndMnist:
    """Minibatches that are a `share` of the person's drawings, the rest MNIST digits at random.

    images: float32 (N, 28, 28) in [0, 1]; labels (N,); mnist: (images uint8, labels).
    The person's drawings are taken in a fresh random order each pass, so that each comes
    back equally often, and varied by `vary(images, rng)` every time.
    """

    def __init__(self, images, labels, mnist, batch_size, share, vary):
        self.images, self.labels, self.mnist, self.vary = images, labels, mnist, vary
        self.mine = min(batch_size, max(1, round(batch_size * share)))
        self.theirs = batch_size - self.mine
        self.queue = np.zeros(0, np.intp)

    def next_drawings(self, rng):
        while len(self.queue) < self.mine:
            self.queue = np.concatenate([self.queue, rng.permutation(len(self.images))])
        taken, self.queue = self.queue[:self.mine], self.queue[self.mine:]
        return taken

    def take(self, step, rng):
        mine = self.next_drawings(rng)
        theirs = rng.integers(0, len(self.mnist[0]), self.theirs)
        batch = np.concatenate([self.vary(self.images[mine], rng), to_float(self.mnist[0][theirs])])
        return batch, np.concatenate([self.labels[mine], self.mnist[1][theirs]]).astype(np.intp)


def fine_tuner(model, images, labels, mnist, recipe, seed=0):
    """A Trainer that takes `recipe.steps` steps of Adam for `model` on the person's `images`
    (float32 (N, 28, 28) in [0, 1]) and `labels` mixed with `mnist` (images uint8, labels),
    a slice at a time."""
    batches = MineAndMnist(images, labels, mnist, recipe.batch_size, recipe.mine, Varied(recipe))
    return Trainer(model, Adam(recipe.learning_rate), batches, recipe.steps, np.random.default_rng(seed))


def copy_model(model, name):
    """An independent copy of `model` (same layers, copied weights) called `name`."""
    copy = from_architecture(name, model.architecture())
    for key, value in model.parameters().items():
        copy.parameters()[key][...] = value
    return copy
