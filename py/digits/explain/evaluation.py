"""How good is a network? Its answers on test digits it never learned from, counted.

    evaluation = Evaluation(model, images, labels)
    evaluation.run(seconds=0.1)      # a slice of the work, then how far it is (digits read, done or not)
    ...                              # again, until done
    evaluation.confusion()           # C[t][p]: how many digits t were read as p
    evaluation.cell(3, 5)            # which 3s were read as 5s (indices into `images`)

Accuracy is the share of digits read right, the trace of the confusion matrix divided by
its sum: Σ_t C[t][t] / Σ_t Σ_p C[t][p]; a digit's accuracy is C[t][t] / Σ_p C[t][p].
The work runs in slices so the page can draw the progress and keep answering in between.

Also here: `mnist_facts`, what the dataset is, and `gallery`, which MNIST digits to show.
"""

import numpy as np

from ..errors import VisitorError
from ..images.pixels import to_float
from ..nets.slices import run_slice

DIGITS = 10
BATCH = 25              # images per network call, the grain of a slice (the cnn: ~10 ms in CPython, ~50 ms in Pyodide)
SURE = 0.1              # a gallery digit is ordinary when every network gives its label p ≥ 1 − SURE


class Evaluation:
    """A model's answers on a set of test images, computed a slice at a time."""

    def __init__(self, model, images, labels, batch=BATCH):
        if len(images) != len(labels):
            raise VisitorError(f"There are {len(images)} test images but {len(labels)} labels.")
        self.model = model
        self.images = images
        self.labels = np.asarray(labels, dtype=np.int64)
        self.batch = batch
        self.read = 0                                            # images read so far, in order
        self.probabilities = np.zeros((len(labels), DIGITS), dtype=np.float32)
        self.predicted = np.zeros(len(labels), dtype=np.int64)

    @property
    def total(self):
        return len(self.labels)

    @property
    def done(self):
        return self.read == self.total

    def run(self, seconds=None, count=None):
        """Read the next images, batch after batch, until `seconds` have passed or `count`
        more images are read (whichever comes first; a time limit still reads one batch);
        return `progress()`."""
        if seconds is None and count is None:
            raise ValueError("run needs seconds or count")
        stop = self.total if count is None else min(self.total, self.read + int(count))

        def read_next_batch():
            self.read_until(min(stop, self.read + self.batch))

        def finished():
            return self.read >= stop

        run_slice(read_next_batch, finished, seconds)
        return self.progress()

    def read_until(self, end):
        """Read the images from the next one up to `end`."""
        p = self.model.predict(to_float(self.images[self.read:end]))
        self.probabilities[self.read:end] = p
        self.predicted[self.read:end] = p.argmax(axis=1)
        self.read = end

    def progress(self):
        """How far the reading is, and how many it read right so far (the page's type is
        digits.page.evaluation.EvaluationProgress)."""
        correct = int(np.count_nonzero(self.predicted[:self.read] == self.labels[:self.read]))
        return {"read": self.read, "total": self.total, "fraction": self.read / self.total if self.total else 1.0,
                "done": self.done, "correct": correct,
                "accuracy": correct / self.read if self.read else None}

    def confusion(self):
        """The 10x10 confusion matrix C (lists of ints): C[t][p] counts the digits labelled t
        that the network read as p. Rows are the truth, columns the answers; the diagonal is
        what it got right."""
        matrix = np.zeros((DIGITS, DIGITS), dtype=np.int64)
        np.add.at(matrix, (self.labels[:self.read], self.predicted[:self.read]), 1)
        return matrix.tolist()

    def per_digit(self):
        """For each digit t: how many there were, how many were read right, and the share."""
        matrix = np.asarray(self.confusion())
        counts, right = matrix.sum(axis=1), np.diag(matrix)
        return [{"digit": t, "count": int(counts[t]), "correct": int(right[t]),
                 "accuracy": float(right[t] / counts[t]) if counts[t] else None} for t in range(DIGITS)]

    def cell(self, true, predicted):
        """The indices (into the images) of the digits labelled `true` read as `predicted`,
        in order, with the network's probability for its answer (arrays, one value per digit)."""
        so_far = slice(0, self.read)
        where = np.flatnonzero((self.labels[so_far] == int(true)) & (self.predicted[so_far] == int(predicted)))
        return {"true": int(true), "predicted": int(predicted), "indices": where,
                "confidence": self.probabilities[where, int(predicted)]}

    def summary(self):
        """Everything the lesson shows: progress, the matrix, and each digit's accuracy."""
        return {**self.progress(), "confusion": self.confusion(), "per_digit": self.per_digit()}


# ---------------------------------------------------------------------------
# Meet MNIST

def mnist_facts(subset=None):
    """What MNIST is, and (given the page's subset, a mapping holding "train_labels" and
    "test_labels") how much of it the page carries."""
    facts = {
        "name": "MNIST", "digits": 70_000, "train": 60_000, "test": 10_000,
        "height": 28, "width": 28,
        "pixels": "grey levels from 0 (background) to 255 (ink)",
        "writers": "American Census Bureau employees and high-school students; the writers "
                   "of the test digits are not the writers of the training digits",
        "preparation": "each digit scaled to fit a 20x20 box (keeping its proportions, which "
                       "makes the grey edges), then centred by its centre of mass in 28x28",
        "authors": "Yann LeCun, Corinna Cortes and Christopher J. C. Burges",
        "year": 1998, "url": "https://yann.lecun.com/exdb/mnist/",
    }
    if subset is not None:
        test_labels = np.asarray(subset["test_labels"])
        facts["subset"] = {
            "train": int(len(subset["train_labels"])), "test": int(len(test_labels)),
            "test_per_digit": np.bincount(test_labels, minlength=DIGITS).tolist(),
            "chosen": "a random 10,000 of the 60,000 training digits and the first 2,000 of the "
                      "10,000 test digits",
        }
    return facts


def gallery(images, labels, models, per_digit=8, odd=3, readings=None, pool=None):
    """Which test digits to show: for each digit, `per_digit` of them, `odd` of which the
    networks find hardest, the rest ordinary.

    A digit's doubt is 1 − min over the networks of p(its label): 0 when every network is
    sure and right, near 1 when one of them reads something else. The (up to) `odd` digits
    with the most doubt above SURE are shown as "misread" (every network wrong),
    "disagreement" (they do not all give the same answer) or "low confidence"; the ordinary
    ones are the first in the set that every network gives its label with p ≥ 1 − SURE.

    `models` maps names to networks; `readings` may give, for some of the names, the
    probabilities (N, 10) already computed (by an Evaluation), which saves reading the
    digits again; `pool` limits the choice to the first `pool` digits (fewer to read).
    Answer: the chosen digits in order, each with its index into `images`, its label, its
    kind and every network's reading of it (digit and confidence), and the two counts asked
    for (the page's type is digits.page.evaluation.Gallery).
    """
    pool = len(labels) if pool is None else int(pool)
    images, labels = images[:pool], np.asarray(labels[:pool], dtype=np.int64)
    readings = dict(readings or {})
    probabilities = {name: np.asarray(readings[name])[:pool] if name in readings
                     else model.predict(to_float(images)) for name, model in models.items()}
    answers = {name: p.argmax(axis=1) for name, p in probabilities.items()}
    of_label = np.stack([p[np.arange(len(labels)), labels] for p in probabilities.values()])
    doubt = 1 - of_label.min(axis=0)
    answer_rows = np.stack(list(answers.values()))
    all_wrong = (answer_rows != labels).all(axis=0)
    disagree = (answer_rows != answer_rows[0]).any(axis=0)
    chosen = []
    for digit in range(DIGITS):
        members = np.flatnonzero(labels == digit)
        hardest = [i for i in members[np.argsort(-doubt[members], kind="stable")][:odd] if doubt[i] > SURE]
        ordinary = [i for i in members if doubt[i] <= SURE][:per_digit - len(hardest)]
        for index in ordinary:
            chosen.append((index, "ordinary"))
        for index in hardest:
            kind = "misread" if all_wrong[index] else "disagreement" if disagree[index] else "low confidence"
            chosen.append((index, kind))
    return {"per_digit": per_digit, "odd": odd,
            "digits": [{"index": int(i), "label": int(labels[i]), "kind": kind,
                        "readings": {name: {"digit": int(answers[name][i]),
                                            "confidence": float(probabilities[name][i, answers[name][i]])}
                                     for name in models}}
                       for i, kind in chosen]}

