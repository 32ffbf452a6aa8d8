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
    mnist_digits: how many MNIST test digits a tuning is measured on, before and after; forgets:
    the most of them a tuning means to lose (a share)."""
    max_personal: int
    max_file_bytes: int
    mnist_digits: int
    forgets: float


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


class MnistChanges(TypedDict):
    """The MNIST test digits the tuned network reads otherwise than the network it came from: `count`
    of them, `now_wrong` read right before and wrong now, `now_right` the other way. The first
    SHOWN_CHANGES (those it now reads wrong first) travel with their pictures (images, (n, 28, 28)
    bytes), their digits and what each network read of them."""
    count: int
    now_wrong: int
    now_right: int
    images: PageArray
    digits: list[int]
    before: list[int]
    after: list[int]


class TuningResult(TypedDict):
    """How well the tuned network reads, before and after: the personal set, and 1,000 MNIST test digits
    (mnist_changes: those it reads otherwise now)."""
    name: str
    base: str
    before: float
    after: float
    mnist_before: float
    mnist_after: float
    mnist_changes: MnistChanges


MNIST_DIGITS = 1_000        # the MNIST test digits a tuning is measured on, before and after
FORGETS = 0.005             # the most of them a tuning means to lose: half a point
SHOWN_CHANGES = 24          # of them, the most the page shows whose reading the tuning changed


def teach_facts() -> TeachFacts:
    """Teaching's rules, for the page: how many drawings a personal set keeps, how large a file
    it imports, on how many MNIST test digits a tuning is measured and how much of them it may lose."""
    return {"max_personal": MAX_PERSONAL, "max_file_bytes": MAX_FILE_BYTES, "mnist_digits": MNIST_DIGITS, "forgets": FORGETS}


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
        read_before, read_after = mnist_readings(self.session, self.base, self.model, self.learns)
        digits = mnist_test(self.session)[1]
        return {"name": self.name, "base": original.name,
                "before": self.before, "after": accuracy(self.model, self.pictures, self.labels),
                "mnist_before": float((read_before == digits).mean()), "mnist_after": float((read_after == digits).mean()),
                "mnist_changes": mnist_changes(self.session, read_before, read_after)}


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


def mnist_test(session):
    """The MNIST test digits a tuning is measured on: the subset's first 1,000 (images, labels)."""
    images, labels = session.mnist()["test"]
    return images[:MNIST_DIGITS], labels[:MNIST_DIGITS]


def mnist_reading(session, model):
    """The digit `model` reads in each of the MNIST test digits (remembered per network: it takes a
    while for the cnn)."""
    if model not in session.readings:
        session.readings[model] = model.predict(to_float(mnist_test(session)[0])).argmax(axis=1)
    return session.readings[model]


def mnist_accuracy(session, model):
    """The share of the MNIST test digits `model` reads right."""
    return float((mnist_reading(session, model) == mnist_test(session)[1]).mean())


def mnist_readings(session, base, tuned, learns):
    """What `base` and `tuned`, its copy tuned with `learns` (see nets/finetune.split), read in each
    of the MNIST test digits.

    When the tuning left the first layers (the trunk) as they were, both networks make the
    same of the test digits there: what the trunk makes of them is computed once per network
    and kept, and only the layers after it run for each. That halves the measuring of a cnn.
    """
    trunk, base_head = split(base, learns)
    if trunk is None:
        return mnist_reading(session, base), mnist_reading(session, tuned)
    if base not in session.trunk_features:
        session.trunk_features[base] = trunk_output(trunk, to_float(mnist_test(session)[0]))
    features = session.trunk_features[base]
    if base not in session.readings:
        session.readings[base] = base_head.predict(features).argmax(axis=1)
    session.readings[tuned] = split(tuned, learns)[1].predict(features).argmax(axis=1)
    return session.readings[base], session.readings[tuned]


def mnist_changes(session, before, after) -> MnistChanges:
    """The MNIST test digits read `before` otherwise than `after` (see MnistChanges): first those
    the tuning taught the network to read wrong, which is what learning one person cost everyone
    else, then those it now reads right, then those read wrong both times, each in the test's order."""
    images, digits = mnist_test(session)
    changed = np.flatnonzero(before != after)
    right_before, right_after = before[changed] == digits[changed], after[changed] == digits[changed]
    order = np.where(right_after, 1, np.where(right_before, 0, 2))
    shown = changed[np.argsort(order, kind="stable")][:SHOWN_CHANGES]
    return {"count": len(changed), "now_wrong": int(right_before.sum()), "now_right": int(right_after.sum()),
            "images": to_page(images[shown]), "digits": digits[shown].tolist(),
            "before": before[shown].tolist(), "after": after[shown].tolist()}
