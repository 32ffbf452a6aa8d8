"""Watch it learn: a small network learns the small MNIST in slices of work.

The page asks for a slice of training (a fraction of a second), draws what
changed, and asks again; pausing is simply not asking. The loop is the one of
`train.py` (the same layers, loss and optimiser), cut into slices. The run in
progress lives in the visitor's session.
"""

import io
import time

import numpy as np

from . import models
from .errors import VisitorError
from .optim import SGD
from .train import accuracy, to_float, train_step

SUBSET_SIZES = {"train": 10_000, "test": 2_000}
LIMITS = {"hidden": (1, 256), "learning_rate": (1e-5, 10.0), "batch_size": (1, 1000), "epochs": (1, 50)}
SETTINGS = {"hidden": "number of hidden neurons", "learning_rate": "learning rate", "batch_size": "batch size",
            "epochs": "number of epochs"}     # each setting in the words of the visitor's messages
ACTIVATIONS = ("sigmoid", "relu")
# What a run starts from: Nielsen's network and settings (book, chapter 1), three epochs.
DEFAULTS = {"hidden": 30, "activation": "sigmoid", "learning_rate": 0.5, "batch_size": 10, "epochs": 3}
# A learning rate that works for each activation: ReLU's unbounded outputs need smaller steps.
LEARNING_RATES = {"sigmoid": 0.5, "relu": 0.1}


def training_facts():
    """Training's rules, for the page: each setting's range and default, the activations and a
    learning rate that suits each, and how many digits the subset holds."""
    return {"limits": {key: list(bounds) for key, bounds in LIMITS.items()}, "activations": list(ACTIVATIONS),
            "defaults": DEFAULTS, "learning_rates": LEARNING_RATES,
            "train_images": SUBSET_SIZES["train"], "test_images": SUBSET_SIZES["test"]}


# ---------------------------------------------------------------------------
# The small MNIST that ships with the page

def small_subset(train, test, seed=0):
    """A random 10,000 of MNIST's training images and the first 2,000 test images (uint8)."""
    pick = np.sort(np.random.default_rng(seed).choice(len(train[0]), SUBSET_SIZES["train"], replace=False))
    count = SUBSET_SIZES["test"]
    return {"train_images": train[0][pick], "train_labels": train[1][pick],
            "test_images": test[0][:count], "test_labels": test[1][:count]}


def learn_data(session, npz: np.ndarray):
    """Take the subset's bytes (the page downloads them when first needed); say what is in it."""
    try:
        with np.load(io.BytesIO(bytes(npz)), allow_pickle=False) as files:
            arrays = {key: files[key] for key in ("train_images", "train_labels", "test_images", "test_labels")}
    except Exception as error:  # noqa: BLE001 — any unreadable download gets the same sentence
        raise VisitorError(f"The MNIST subset could not be read ({type(error).__name__}).") from None
    session.subset = {"train": (arrays["train_images"], arrays["train_labels"]),
                      "test": (arrays["test_images"], arrays["test_labels"])}
    return {"train": len(arrays["train_labels"]), "test": len(arrays["test_labels"])}


# ---------------------------------------------------------------------------
# Training from scratch, a slice at a time

class Run:
    """One network learning the small MNIST: its model, optimiser, and where it is in its epochs."""

    def __init__(self, data, hidden, activation, learning_rate, batch_size, epochs, seed=0):
        self.rng = np.random.default_rng(seed)
        self.model = models.nielsen(self.rng, hidden, activation)
        self.model.name = "yours"
        self.optimizer = SGD(learning_rate)
        self.config = {"hidden": hidden, "activation": activation, "learning_rate": learning_rate,
                       "batch_size": batch_size, "epochs": epochs, "seed": seed}
        self.train_images, self.train_labels = to_float(data["train"][0]), data["train"][1].astype(np.intp)
        self.test_images, self.test_labels = to_float(data["test"][0]), data["test"][1].astype(np.intp)
        self.batch_size, self.epochs = batch_size, epochs
        self.batches = -(-len(self.train_images) // batch_size)
        self.epoch, self.batch = 0, 0          # finished epochs; batches done in the current one
        self.order = self.rng.permutation(len(self.train_images))
        self.history = []                      # test accuracy after each epoch
        self.seconds = 0.0                     # time spent training, pauses excluded

    @property
    def done(self):
        return self.epoch >= self.epochs

    def train(self, seconds=0.2, batches=None):
        """Train for about `seconds` (or exactly `batches` minibatches), never past an epoch's end.

        Returns the loss of each minibatch, and the test accuracy if an epoch ended.
        """
        losses, images, started = [], 0, time.perf_counter()
        while not self.done and (len(losses) < batches if batches else time.perf_counter() - started < seconds):
            index = self.order[self.batch * self.batch_size:(self.batch + 1) * self.batch_size]
            losses.append(train_step(self.model, self.optimizer, self.train_images[index], self.train_labels[index]))
            images += len(index)
            self.batch += 1
            if self.batch == self.batches:
                break
        elapsed = time.perf_counter() - started
        self.seconds += elapsed
        result = {"losses": losses, "images_per_second": images / elapsed if elapsed else 0.0}
        if self.batch == self.batches:
            self.epoch, self.batch = self.epoch + 1, 0
            self.order = self.rng.permutation(len(self.train_images))
            self.history.append(accuracy(self.model, self.test_images, self.test_labels))
            result["test_accuracy"] = self.history[-1]
        return result

    def state(self):
        """Where the run is, and what its first hidden neurons look for (what the page redraws)."""
        return {"epoch": self.epoch, "epochs": self.epochs, "batch": self.batch, "batches": self.batches,
                "done": self.done, "seconds": self.seconds, "neurons": self.neurons()}

    def neurons(self, count=6):
        """The incoming weights of the first `count` hidden neurons, as 784 numbers each."""
        W = self.model.layers[0].params["W"]
        return [np.round(W[:, j], 3).tolist() for j in range(min(count, W.shape[1]))]

    def summary(self):
        """The trained network as the recognizer's menu and the kept file describe it."""
        return {"name": self.model.name, "parameters": self.model.count_parameters(),
                "test_accuracy": self.history[-1] if self.history else None,
                "test_images": len(self.test_labels), "config": self.config}


def checked(config, key):
    """One of the visitor's settings, or a VisitorError saying it is out of range."""
    if key == "activation":
        if config.get(key) not in ACTIVATIONS:
            raise VisitorError(f"The activation must be one of {', '.join(ACTIVATIONS)}.")
        return config[key]
    low, high = LIMITS[key]
    value = config.get(key)
    if not isinstance(value, (int, float)) or isinstance(value, bool) or not low <= value <= high:
        raise VisitorError(f"The {SETTINGS[key]} must be a number from {plain(low)} to {plain(high)}.")
    return float(value) if key == "learning_rate" else int(value)


def plain(number):
    """A number as people write it: 1e-05 → '0.00001', 10.0 → '10'."""
    return np.format_float_positional(number, trim="-")


def checked_config(config):
    """The visitor's settings, each checked (see `checked`), and the seed (0 unless given)."""
    clean = {key: checked(config, key) for key in DEFAULTS}
    clean["seed"] = int(config.get("seed", 0))
    return clean


def learn_shape(config: dict):
    """The network that `config`'s hidden size and activation build: its layer sizes and how many
    weights and biases it has (784·h + h + h·10 + 10)."""
    hidden, activation = checked(config, "hidden"), checked(config, "activation")
    return {"sizes": [784, hidden, 10], "parameters": models.nielsen(None, hidden, activation).count_parameters()}


def learn_start(session, config: dict):
    """Start a fresh run with the visitor's settings (replacing any earlier run)."""
    session.run = Run(session.mnist(), **checked_config(config))
    return session.run.state()


def learn_run(session, seconds: float = 0.2, batches: int = None):
    """One slice of training; what the page needs to redraw its charts and pictures."""
    if session.run is None:
        raise VisitorError("Press Train to start a run first.")
    slice_ = session.run.train(seconds, batches)
    return {**slice_, **session.run.state()}


def learn_use(session):
    """Offer the network being trained to the recognizer, as model 'yours'; describe it."""
    if session.run is None:
        raise VisitorError("There is no trained network yet.")
    session.models["yours"] = session.run.model
    return session.run.summary()
