"""The training loop, once: a model learning from minibatches, a slice at a time.

For each minibatch: forward pass, loss, backward pass (backpropagation), optimiser
step. Training from the command line runs it an epoch at a time; the page runs it in
slices of a fraction of a second, so it can draw what changed in between. Both get
the same step, the same learning-rate schedule and the same use of the seeded random
generator, so a seed says exactly which network comes out.
"""

import math
from contextlib import contextmanager, nullcontext

from .losses import softmax_cross_entropy
from .slices import run_slice


def accuracy(model, images, labels):
    """The share of `images` whose most probable digit is their label."""
    return float((model.predict(images).argmax(axis=1) == labels).mean())


def train_step(model, optimizer, images, labels, smoothing=0.0):
    """One minibatch: forward, loss, backward, update. Returns the loss."""
    logits, caches = model.forward(images, train=True)
    loss, dlogits = softmax_cross_entropy(logits, labels, smoothing)
    optimizer.step(model.parameters(), model.backward(dlogits, caches))
    return loss


def learning_rate_at(learning_rate, schedule, progress):
    """η at a point of training (`progress` from 0 at the first step to 1 after the last).

    "constant": η throughout. "cosine": η · ½(1 + cos(π · progress)), falling along a
    half cosine to 0: big steps while the network is far from good, small ones to settle.
    """
    if schedule == "cosine":
        return learning_rate * 0.5 * (1 + math.cos(math.pi * progress))
    return learning_rate


class Trainer:
    """A model, its optimiser and where it is in its `steps` minibatches.

    `batches` says which images each step learns from (`batches.take(step, rng)` gives
    them; see batches.py); if it has epochs (`batches.per_epoch`), a slice of training
    never runs past an epoch's end, so the caller can measure the network there.
    `rng` is the one seeded generator everything random draws from, dropout included.
    The optimiser's η is the schedule's starting point. With `average` > 0 the trainer
    also keeps an exponential moving average of the weights (see MovingAverage).
    """

    def __init__(self, model, optimizer, batches, steps, rng, schedule="constant", smoothing=0.0, average=0.0):
        self.model, self.optimizer, self.batches, self.steps, self.rng = model, optimizer, batches, steps, rng
        self.learning_rate, self.schedule, self.smoothing = optimizer.learning_rate, schedule, smoothing
        for layer in model.layers:          # dropout draws from the same seeded generator
            if hasattr(layer, "rng"):
                layer.rng = rng
        self.average = MovingAverage(model.parameters(), average) if average else None
        self.step = 0                       # steps taken
        self.images = 0                     # images learnt from, counting each again in every epoch

    @property
    def done(self):
        return self.step >= self.steps

    @property
    def epoch(self):
        """Epochs finished."""
        return self.step // self.batches.per_epoch

    @property
    def batch(self):
        """Batches done in the current epoch."""
        return self.step % self.batches.per_epoch

    def learning_rate_now(self):
        return learning_rate_at(self.learning_rate, self.schedule, self.step / self.steps)

    def take_step(self):
        """One minibatch learnt; its loss."""
        images, labels = self.batches.take(self.step, self.rng)
        self.optimizer.learning_rate = self.learning_rate_now()
        loss = train_step(self.model, self.optimizer, images, labels, self.smoothing)
        if self.average:
            self.average.update(self.model.parameters())
        self.step += 1
        self.images += len(labels)
        return loss

    def train(self, steps=None, seconds=None):
        """Take `steps` steps, or steps for about `seconds` (at least one), stopping early at
        the end of an epoch or of training. Returns the loss of each step."""
        losses = []
        run_slice(lambda: losses.append(self.take_step()),
                  finished=lambda: self.done or bool(losses) and self.at_epoch_end(),
                  seconds=seconds if steps is None else None, most=steps)
        return losses

    def at_epoch_end(self):
        """Whether the last step ended an epoch (never, for batches that have no epochs)."""
        return hasattr(self.batches, "per_epoch") and self.batch == 0

    def averaged_weights(self):
        """A `with` block inside which the model holds the averaged weights (if any are kept)."""
        return self.average.swapped_in(self.model.parameters()) if self.average else nullcontext()

    def keep_averaged_weights(self):
        """Leave the averaged weights in the model for good (if any are kept): training is over."""
        if self.average:
            self.average.copy_into(self.model.parameters())


class MovingAverage:
    """average ← decay · average + (1 − decay) · parameter, after every step.

    Polyak averaging: the average wanders less than the weights themselves, a calmer final model.
    """

    def __init__(self, params, decay):
        self.decay = decay
        self.average = {key: value.copy() for key, value in params.items()}

    def update(self, params):
        for key, value in params.items():
            self.average[key] += (1 - self.decay) * (value - self.average[key])

    def copy_into(self, params):
        for key, value in params.items():
            value[...] = self.average[key]

    @contextmanager
    def swapped_in(self, params):
        """Use the averaged weights inside the `with` block, then put the live ones back."""
        live = {key: value.copy() for key, value in params.items()}
        self.copy_into(params)
        try:
            yield
        finally:
            for key, value in params.items():
                value[...] = live[key]
