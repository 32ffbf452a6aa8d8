"""A small network learning the small MNIST from scratch, a slice of time at a time.

The page asks for a slice of training (a fraction of a second), draws what changed, and asks
again; pausing is simply not asking. The loop is trainer.py's, the one that trains the shipped
networks, cut into slices; a run adds the choices that suit each kind of network and measures
the network on the test digits after every epoch.
"""

import time

import numpy as np

from ..images.augment import random_shift
from .batches import Epochs
from .optim import SGD, Adam
from .small_nets import network
from .trainer import Trainer, accuracy

# Each kind of network learns with its optimiser, η on its schedule (see Run).
OPTIMIZERS = {"dense": SGD, "conv": Adam}
SCHEDULES = {"dense": "constant", "conv": "cosine"}


class Run:
    """One network learning the small MNIST: its trainer, and the test accuracy after each epoch.

    The dense network learns with plain SGD at a constant η, as in Nielsen's book. The
    convnet learns with Adam, its η falling along a half cosine to 0 at the last epoch,
    and sees each training image moved by up to `shift` pixels (a fresh move every time),
    which teaches it that a digit a little off centre is the same digit.
    """

    def __init__(self, data, config, name):
        """`data`: {"train": (images, labels), "test": (...)}, images float32 in [0, 1] and labels
        indices, which runs share and never change; `config`: checked settings (small_nets.network's,
        and "shift", "learning_rate", "batch_size", "epochs", "seed"); `name`: the network's."""
        self.config = config
        rng = np.random.default_rng(config["seed"])
        self.model = network(config, rng)
        self.model.name = name
        self.conv = config["network"] == "conv"
        (self.train_images, self.train_labels), (self.test_images, self.test_labels) = data["train"], data["test"]
        shift = config.get("shift", 0)
        augment = (lambda images, rng: random_shift(images, rng, shift)) if shift else None  # noqa: E731
        batches = Epochs(self.train_images, self.train_labels, config["batch_size"], augment)
        self.epochs, self.batches = config["epochs"], batches.per_epoch
        optimizer = OPTIMIZERS[config["network"]](config["learning_rate"])
        self.trainer = Trainer(self.model, optimizer, batches, self.epochs * self.batches, rng,
                               schedule=SCHEDULES[config["network"]])
        self.history = []                      # test accuracy after each epoch
        self.seconds = 0.0                     # time spent training, pauses excluded

    @property
    def done(self):
        return self.trainer.done

    @property
    def epoch(self):
        """Epochs finished."""
        return self.trainer.epoch

    @property
    def batch(self):
        """Batches done in the current epoch."""
        return self.trainer.batch

    def train(self, seconds=0.2, batches=None):
        """Train for about `seconds` (or exactly `batches` minibatches), never past an epoch's end.

        Returns the loss of each minibatch, and the test accuracy if an epoch ended.
        """
        images_before, started = self.trainer.images, time.perf_counter()
        losses = self.trainer.train(steps=batches or None, seconds=seconds)
        elapsed = time.perf_counter() - started
        self.seconds += elapsed
        images = self.trainer.images - images_before
        result = {"losses": losses, "images_per_second": images / elapsed if elapsed else 0.0}
        if losses and self.trainer.at_epoch_end():
            self.history.append(accuracy(self.model, self.test_images, self.test_labels))
            result["test_accuracy"] = self.history[-1]
        return result
