"""Which images each step of training learns from: shuffled passes over a training set.

A batch source answers `take(step, rng)` with the step's images and labels, drawing
whatever is random from the trainer's seeded generator, and is asked for steps in
order. This one goes through the set in a fresh random order each epoch.
"""

import math


class Epochs:
    """Minibatches of `batch_size` in a new random order every epoch (the last one may be short).

    images: float32 (N, 28, 28); labels: indices (N,). `augment(images, rng)`, if given,
    changes the images before they are learnt, a fresh change every time; it changes
    `block` batches at once, which pays numpy's overhead per call once for all of them.
    """

    def __init__(self, images, labels, batch_size, augment=None, block=1):
        self.images, self.labels, self.batch_size = images, labels, batch_size
        self.augment, self.block = augment, block
        self.per_epoch = math.ceil(len(images) / batch_size)

    def take(self, step, rng):
        batch = step % self.per_epoch
        if batch == 0:
            self.order = rng.permutation(len(self.images))
        if batch % self.block == 0:
            self.block_images = self.images_of(self.order[batch * self.batch_size:(batch + self.block) * self.batch_size], rng)
        start = (batch % self.block) * self.batch_size
        index = self.order[batch * self.batch_size:(batch + 1) * self.batch_size]
        return self.block_images[start:start + self.batch_size], self.labels[index]

    def images_of(self, index, rng):
        return self.augment(self.images[index], rng) if self.augment else self.images[index]
