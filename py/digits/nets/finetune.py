"""Fine-tuning: a trained network learns one person's handwriting from a few drawings.

A copy of the network takes a few dozen steps of Adam on minibatches that mix the
person's drawings with MNIST digits. The drawings are moved, turned and resized a
little every time they are learnt, so the network learns the handwriting rather than
the exact pixels; every drawing comes back equally often; the MNIST share keeps it
from forgetting everyone else's.

A convolutional network keeps its convolutions as they are and tunes only its dense
layers on what the convolutions make of the drawings. The convolutions already find
strokes, corners and loops in anyone's handwriting; what a new hand changes is how
those combine into digits. That is also what makes it quick: the convolutions, which
cost the most, read each drawing a few times instead of at every step, and the MNIST
digits the tuned network is measured on once for both networks (page/teach.py). Half of
its MNIST digits are ones most like the person's drawings, of the same digits: more of
that person's way of writing, rightly labelled, than a few drawings can show.

The recipes were chosen by `bench/teach_writers.py`, on synthetic people and on people
made of MNIST's own digits (in its ink, and redrawn with the pad's pen), and kept where
they did better on nearly every kind and crowd of people (README: "Learning one
person's handwriting").
"""

from dataclasses import dataclass, replace

import numpy as np

from ..images import distort
from ..images.augment import random_affine
from ..images.pixels import to_float
from .layers import Conv2D, MaxPool2D, ReLU, Sigmoid
from .models import Sequential, from_architecture
from .optim import Adam
from .trainer import Trainer


@dataclass(frozen=True)
class Recipe:
    """How a network is fine-tuned.

    steps, batch_size, learning_rate, schedule: of Adam (schedule: see trainer.learning_rate_at).
    mine: the share of each batch that is the person's drawings (the rest is MNIST). Each drawing of the person's, every time it is
    learnt, is turned by up to ±degrees, scaled by 1 ± scale, moved by up to ±shift
    pixels each way and drawn with a pen up to `pen` pixels finer or broader on each side.

    learns: which layers learn (see `split`): "all"; "dense", those after a convolutional
    network's convolutions; "last", the last layer with weights. The layers that do not learn
    read `variants` varied copies of each drawing, and as many MNIST digits, once, in the
    first steps (see Features); every step learns from what they made of them.

    alike: the share of the MNIST digits that are, instead of any, ones most like the person's
    drawings: the `neighbours` of the same digit nearest each drawing (see MnistChoice).
    """
    steps: int
    batch_size: int
    learning_rate: float = 1e-3
    schedule: str = "constant"
    mine: float = 0.5
    degrees: float = 8.0
    scale: float = 0.08
    shift: float = 1.5
    pen: float = 0.0
    learns: str = "all"
    variants: int = 8
    alike: float = 0.0
    neighbours: int = 20


GUIDED_MINUTE = 20        # drawings: each digit twice

# Dense networks: 80 steps did better than 40 (the nielsen network on both kinds of people, the
# mlp as well). Their learning rates differ: the mlp (ReLUs) read every kind of person as well or
# better on three crowds, forgetting no more MNIST, at a third of Adam's usual 0.001 (0.0005 and
# 0.0002 did about as well); nielsen (sigmoids) read them far better at four times it (0.002 did
# better than 0.001, 0.004 better still, 0.008 a little better again but forgot more MNIST). Part
# of the reason: Adam moves each weight by about the learning rate whatever its gradient, and
# nielsen's weights are several times as large as the mlp's, so the same step changes it less.
#
# Convolutional: the dense layers alone did better than every layer (and forgot less MNIST), in
# half the browser's time; 40 steps of 32 as well as 60 of 64. Two thirds of each batch the
# person's (not half) read every kind of person a little better at every k, for a little more of
# MNIST forgotten; three quarters read them about as well and forgot more. Half of the MNIST
# digits alike the person's did better still on nearly every kind of person, on four crowds of
# them, for a tenth of a point more of MNIST forgotten; for the mlp it read the MNIST-made people
# worse, and forgot more. Averaging three tunings, pulling the tuned weights back towards the
# network's own, or teaching MNIST's share with the network's own probabilities read the people
# no better (README: "Learning one person's handwriting").
RECIPES = {"dense": Recipe(steps=80, batch_size=64, learning_rate=3e-4),
           "sigmoid": Recipe(steps=80, batch_size=64, learning_rate=4e-3),
           "convolutional": Recipe(steps=40, batch_size=32, mine=0.65, learns="dense", variants=8, alike=0.5)}


def recipe_for(model, steps=None, batch_size=None):
    """The recipe that suits `model` (see RECIPES): "convolutional" for a network with convolutions,
    "sigmoid" for a dense one with sigmoid neurons, "dense" for any other; with `steps` and
    `batch_size` if given."""
    kinds = {type(layer) for layer in model.layers}
    chosen = RECIPES["convolutional" if Conv2D in kinds else "sigmoid" if Sigmoid in kinds else "dense"]
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


def thumbnails(pictures):
    """14x14 thumbnails of (N, 28, 28) pictures (uint8 or float), each scaled to length 1: what
    two drawings share in shape, whatever their ink's strength."""
    pictures = np.asarray(pictures)
    small = pictures.reshape(len(pictures), 14, 2, 14, 2).sum(axis=(2, 4), dtype=np.float32).reshape(len(pictures), -1)
    return small / np.maximum(np.linalg.norm(small, axis=1, keepdims=True), 1e-6)


_mnist_thumbnails = (None, None)      # (the MNIST images, their thumbnails): the last asked for


def mnist_thumbnails(images):
    """thumbnails(images), kept for the next call with the same array: the page tunes against one
    MNIST subset all along, and its 10,000 thumbnails take a while in the browser."""
    global _mnist_thumbnails
    if _mnist_thumbnails[0] is not images:
        _mnist_thumbnails = (images, thumbnails(images))
    return _mnist_thumbnails[1]


def alike_digits(images, labels, mnist, count):
    """Indices of the MNIST digits (images, labels) most like the person's drawings: for each
    drawing, the `count` of the same digit whose thumbnails are nearest to its own, all of them once."""
    theirs, their_labels = mnist
    mine, ours = thumbnails(images), mnist_thumbnails(theirs)
    nearest = []
    for thumbnail, digit in zip(mine, labels):
        same = np.flatnonzero(their_labels == digit)
        nearest.append(same[np.argsort(ours[same] @ thumbnail)[-count:]])
    return np.unique(np.concatenate(nearest))


class MnistChoice:
    """Which MNIST digits join a batch: any, at random; with `alike`, that share of them (each
    one by chance) among the digits most like the person's drawings (alike_digits). The digits
    most like the person's show the network more of that person's way of writing, with right
    labels, than their few drawings alone; the rest keep it reading everyone else's."""

    def __init__(self, mnist, images=(), labels=(), alike=0.0, neighbours=20):
        self.count, self.alike = len(mnist[0]), alike
        self.pool = alike_digits(images, labels, mnist, neighbours) if alike else np.zeros(0, np.intp)

    @classmethod
    def for_recipe(cls, mnist, images, labels, recipe):
        """The choice `recipe` (a Recipe) makes: its `alike` share of its `neighbours`."""
        return cls(mnist, images, labels, recipe.alike, recipe.neighbours)

    def __call__(self, size, rng):
        chosen = rng.integers(0, self.count, size)
        if self.alike:
            near = rng.random(size) < self.alike
            chosen[near] = self.pool[rng.integers(0, len(self.pool), near.sum())]
        return chosen


class MineAndMnist:
    """Minibatches that are a `share` of the person's drawings, the rest MNIST digits chosen by
    `choose` (a MnistChoice; at random if None).

    images: float32 (N, 28, 28) in [0, 1]; labels (N,); mnist: (images uint8, labels).
    The person's drawings are taken in a fresh random order each pass, so that each comes
    back equally often, and varied by `vary(images, rng)` every time.
    """

    def __init__(self, images, labels, mnist, batch_size, share, vary, choose=None):
        self.images, self.labels, self.mnist, self.vary = images, labels, mnist, vary
        self.choose = choose or MnistChoice(mnist)
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
        theirs = self.choose(self.theirs, rng)
        batch = np.concatenate([self.vary(self.images[mine], rng), to_float(self.mnist[0][theirs])])
        return batch, np.concatenate([self.labels[mine], self.mnist[1][theirs]]).astype(np.intp)


class Features:
    """Minibatches of what a network's fixed first layers (`trunk`) make of the person's drawings
    and of MNIST digits, for the layers after them to learn from.

    Each of the first steps puts one varied copy of every drawing, and as many MNIST digits
    (chosen as `recipe.alike` says: see MnistChoice), through the trunk, and keeps what comes
    out: `recipe.variants` steps for the 20 drawings of a guided minute, fewer for a larger
    set, so that the trunk's reading costs the same (at least one copy of each). Every step
    then takes a `recipe.mine` share of its batch from the drawings' kept features, at random,
    and the rest from the MNIST digits'.
    """

    def __init__(self, trunk, images, labels, mnist, recipe):
        self.trunk, self.images, self.labels, self.mnist, self.recipe = trunk, images, labels, mnist, recipe
        self.vary = Varied(recipe)
        self.choose = MnistChoice.for_recipe(mnist, images, labels, recipe)
        self.mine, self.theirs = [], []              # (features, labels) made so far
        self.mine_count = min(recipe.batch_size, max(1, round(recipe.batch_size * recipe.mine)))
        self.fills = max(1, min(recipe.variants, round(recipe.variants * GUIDED_MINUTE / len(images))))

    def read(self, images):
        return self.trunk.forward(images)[0]

    def take(self, step, rng):
        if step < self.fills:
            theirs = self.choose(len(self.images), rng)
            self.mine.append((self.read(self.vary(self.images, rng)), self.labels))
            self.theirs.append((self.read(to_float(self.mnist[0][theirs])), self.mnist[1][theirs]))
        mine_features, mine_labels = (np.concatenate(part) for part in zip(*self.mine))
        their_features, their_labels = (np.concatenate(part) for part in zip(*self.theirs))
        mine = rng.integers(0, len(mine_labels), self.mine_count)
        theirs = rng.integers(0, len(their_labels), self.recipe.batch_size - self.mine_count)
        return (np.concatenate([mine_features[mine], their_features[theirs]]),
                np.concatenate([mine_labels[mine], their_labels[theirs]]).astype(np.intp))


def split(model, learns):
    """(trunk, head): the layers that stay as they are and the layers after them that learn, each a
    Sequential sharing `model`'s layers. learns: "dense", the layers after the last convolution
    and its pooling (nothing stays for a network without convolutions); "last", the last layer
    with weights; anything else, every layer. The trunk is None when nothing stays."""
    weighted = [index for index, layer in enumerate(model.layers) if layer.params]
    convolutions = [index for index, layer in enumerate(model.layers) if isinstance(layer, Conv2D)]
    if learns == "last":
        end = weighted[-1]
    elif learns == "dense" and convolutions:
        end = convolutions[-1] + 1
        while end < len(model.layers) and isinstance(model.layers[end], (ReLU, MaxPool2D)):
            end += 1
    else:
        return None, model
    trunk = Sequential(f"{model.name} trunk", model.layers[:end], model.input_shape)
    shape = trunk.forward(np.zeros((1, 28, 28), np.float32))[0].shape[1:]
    return trunk, Sequential(f"{model.name} head", model.layers[end:], shape)


def trunk_output(trunk, images, batch_size=250):
    """What `trunk` makes of `images`, a batch at a time (so that a convolution's copies of
    the image patches stay small)."""
    return np.concatenate([trunk.forward(images[start:start + batch_size])[0]
                           for start in range(0, len(images), batch_size)])


def fine_tuner(model, images, labels, mnist, recipe, seed=0):
    """A Trainer that takes `recipe.steps` steps of Adam for `model` on the person's `images`
    (float32 (N, 28, 28) in [0, 1]) and `labels` mixed with `mnist` (images uint8, labels),
    a slice at a time. With `recipe.learns` "dense", it trains the layers after the convolutions."""
    trunk, head = split(model, recipe.learns)
    if trunk is None:
        batches = MineAndMnist(images, labels, mnist, recipe.batch_size, recipe.mine, Varied(recipe),
                               MnistChoice.for_recipe(mnist, images, labels, recipe))
    else:
        batches = Features(trunk, images, labels, mnist, recipe)
    return Trainer(head, Adam(recipe.learning_rate), batches, recipe.steps, np.random.default_rng(seed),
                   schedule=recipe.schedule)


def copy_model(model, name):
    """An independent copy of `model` (same layers, copied weights) called `name`."""
    copy = from_architecture(name, model.architecture())
    for key, value in model.parameters().items():
        copy.parameters()[key][...] = value
    return copy
