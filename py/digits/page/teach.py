"""Teach it your handwriting: fine-tune a network on the visitor's personal set.

A copy of the network learns the visitor's drawings (nets/finetune.py says how), in
slices of time as training from scratch does, so the page shows the progress and keeps
reading drawings in between. When the steps are done the copy joins the recognizer as
'<name>-tuned'; the network it was tuned from stays as it was.
"""

from typing import TypedDict

import numpy as np

from ..errors import VisitorError
from ..images.pixels import to_float
from ..nets.finetune import copy_model, fine_tuner, recipe_for, split, trunk_output
from ..nets.trainer import accuracy
from .arrays import PageArray, to_page
from .personal import MAX_FILE_BYTES, MAX_PERSONAL


class TeachFacts(TypedDict):
    """max_personal: drawings a personal set keeps at most; max_file_bytes: the largest file imported;
    mnist_digits: how many MNIST test digits a tuning is measured on, before and after."""
    max_personal: int
    max_file_bytes: int
    mnist_digits: int


class TuningStarted(TypedDict):
    """name: the tuned network's, e.g. "cnn-tuned"."""
    name: str
    before: float
    steps: int


class TuningSlice(TypedDict):
    """losses: each step's of this slice."""
    losses: PageArray
    step: int
    steps: int
    done: bool


class TuningResult(TypedDict):
    """How well the tuned network reads, before and after: the personal set, and 1,000 MNIST test digits."""
    name: str
    base: str
    before: float
    after: float
    mnist_before: float
    mnist_after: float


MNIST_DIGITS = 1_000        # the MNIST test digits a tuning is measured on, before and after


def teach_facts() -> TeachFacts:
    """Teaching's rules, for the page: how many drawings a personal set keeps, how large a file
    it imports, and on how many MNIST test digits a tuning is measured."""
    return {"max_personal": MAX_PERSONAL, "max_file_bytes": MAX_FILE_BYTES, "mnist_digits": MNIST_DIGITS}


def tuned_name(name):
    """What a network is called once tuned: 'cnn' → 'cnn-tuned' (a tuned one keeps its name)."""
    return name if name.endswith("-tuned") else f"{name}-tuned"


class Tuning:
    """A copy of a network learning the visitor's handwriting, a few steps per slice of time.

    The recognizer keeps using the original until the tuning finishes.
    """

    def __init__(self, session, name, images, labels, steps=None, batch_size=None):
        self.session = session
        self.base = session.model(name)
        images = np.asarray(images, np.uint8).reshape(-1, 28, 28)
        self.labels = np.asarray(labels, np.intp)
        if len(images) == 0 or len(images) != len(self.labels):
            raise VisitorError("Your personal set is empty: correct a few answers in the recognizer first.")
        self.name = tuned_name(name)
        self.model = copy_model(self.base, self.name)
        self.pictures = to_float(images)
        self.before = accuracy(self.model, self.pictures, self.labels)
        recipe = recipe_for(self.base, steps, batch_size)
        self.steps, self.learns = recipe.steps, recipe.learns
        self.trainer = fine_tuner(self.model, self.pictures, self.labels, session.mnist()["train"], recipe)

    @property
    def done(self):
        return self.trainer.done

    def train(self, seconds=0.3):
        """Take steps for about `seconds` (at least one); the loss of each."""
        losses = self.trainer.train(seconds=seconds)
        return {"losses": losses, "step": self.trainer.step, "steps": self.steps, "done": self.done}

    def finish(self):
        """Measure the tuned network and hand it to the recognizer; what the page reports."""
        original = self.session.originals.setdefault(self.name, self.base)
        self.session.models[self.name] = self.model
        mnist_before, mnist_after = mnist_accuracies(self.session, self.base, self.model, self.learns)
        return {"name": self.name, "base": original.name,
                "before": self.before, "after": accuracy(self.model, self.pictures, self.labels),
                "mnist_before": mnist_before, "mnist_after": mnist_after}


def finetune_start(session, model: str, images: np.ndarray, labels: list[int], steps: int = None,
                   batch_size: int = None) -> TuningStarted:
    """Start fine-tuning `model` on the personal set (replacing any tuning in progress).

    The steps and minibatch size suit the network (see nets/finetune.py) unless given.
    Answers the tuned network's name, its accuracy on the set before, and its steps.
    """
    session.tuning = Tuning(session, model, images, labels, steps, batch_size)
    return {"name": session.tuning.name, "before": session.tuning.before, "steps": session.tuning.steps}


def finetune_run(session, seconds: float = 0.3) -> TuningSlice:
    """One slice of fine-tuning steps."""
    if session.tuning is None:
        raise VisitorError("Press Fine-tune to start first.")
    slice_ = session.tuning.train(seconds)
    return {**slice_, "losses": to_page(slice_["losses"])}


def finetune_finish(session) -> TuningResult:
    """Hand the tuned network, '<name>-tuned', to the recognizer; say how well it reads, before and after.

    Before and after: on the personal set and on 1,000 MNIST test digits.
    """
    if session.tuning is None or not session.tuning.done:
        raise VisitorError("The fine-tuning has not finished its steps yet.")
    finished, session.tuning = session.tuning, None
    return finished.finish()


def finetune(session, model, images, labels, steps=None, batch_size=None):
    """Fine-tune `model` on the personal set in one go (the page does it in slices)."""
    finetune_start(session, model, images, labels, steps, batch_size)
    finetune_run(session, seconds=float("inf"))
    return finetune_finish(session)


def mnist_accuracy(session, model):
    """Accuracy on the subset's first 1,000 test digits (remembered per network: it takes a while for the cnn)."""
    if model not in session.measured:
        images, labels = session.mnist()["test"]
        session.measured[model] = accuracy(model, to_float(images[:MNIST_DIGITS]), labels[:MNIST_DIGITS])
    return session.measured[model]


def mnist_accuracies(session, base, tuned, learns):
    """The accuracy of `base` and of `tuned`, its copy tuned with `learns` (see nets/finetune.split),
    on the subset's first 1,000 test digits.

    When the tuning left the first layers (the trunk) as they were, both networks make the
    same of the test digits there: what the trunk makes of them is computed once per network
    and kept, and only the layers after it run for each. That halves the measuring of a cnn.
    """
    trunk, base_head = split(base, learns)
    if trunk is None:
        return mnist_accuracy(session, base), mnist_accuracy(session, tuned)
    images, labels = session.mnist()["test"]
    if base not in session.trunk_features:
        session.trunk_features[base] = trunk_output(trunk, to_float(images[:MNIST_DIGITS]))
    features, labels = session.trunk_features[base], labels[:MNIST_DIGITS]
    if base not in session.measured:
        session.measured[base] = accuracy(base_head, features, labels)
    session.measured[tuned] = accuracy(split(tuned, learns)[1], features, labels)
    return session.measured[base], session.measured[tuned]
