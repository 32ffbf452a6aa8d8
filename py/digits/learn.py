"""Training in the page: a small network learns MNIST in short slices of work,
and any network can be fine-tuned on the visitor's own handwriting.

The page asks for a slice of training (a fraction of a second), draws what
changed, and asks again; pausing is simply not asking. The loop is the one of
`train.py` (the same layers, loss and optimisers), cut into slices.

Files the page keeps or offers for download:
- a network: a zip holding `manifest.json` and one `.npy` per tensor, exactly
  the layout of `weights/NAME/` (so a downloaded network is a shipped one);
- a personal set: an `.npz` with `images` uint8 (N, 28, 28), 0 background and
  255 ink as in MNIST, and `labels` uint8 (N,).
"""

import base64
import io
import json
import time
import weakref
import zipfile

import numpy as np

from . import api, models
from .api import VisitorError
from .augment import random_affine
from .optim import SGD, Adam
from .train import accuracy, to_float, train_step

SUBSET_SIZES = {"train": 10_000, "test": 2_000}
LIMITS = {"hidden": (1, 256), "learning_rate": (1e-5, 10.0), "batch_size": (1, 1000), "epochs": (1, 50)}
ACTIVATIONS = ("sigmoid", "relu")
MAX_PERSONAL = 2_000                  # drawings in a personal set
MAX_FILE_BYTES = 8 * 2**20            # for imported files of any kind

subset = None        # the small MNIST the page trains on: {"train": (images, labels), "test": (...)}
run = None           # the training run in progress, if any
tuning = None        # the fine-tuning in progress, if any
originals = {}       # name → the model as it was before fine-tuning
measured = weakref.WeakKeyDictionary()   # model → its accuracy on the subset's first 1,000 test digits


# ---------------------------------------------------------------------------
# The small MNIST that ships with the page

def small_subset(train, test, seed=0):
    """A random 10,000 of MNIST's training images and the first 2,000 test images (uint8)."""
    pick = np.sort(np.random.default_rng(seed).choice(len(train[0]), SUBSET_SIZES["train"], replace=False))
    count = SUBSET_SIZES["test"]
    return {"train_images": train[0][pick], "train_labels": train[1][pick],
            "test_images": test[0][:count], "test_labels": test[1][:count]}


def learn_data(npz):
    """Take the subset's bytes (the page downloads them when first needed); say what is in it."""
    global subset
    try:
        with np.load(io.BytesIO(bytes(npz)), allow_pickle=False) as files:
            arrays = {key: files[key] for key in ("train_images", "train_labels", "test_images", "test_labels")}
    except Exception as error:  # noqa: BLE001 — any unreadable download gets the same sentence
        raise VisitorError(f"The MNIST subset could not be read ({type(error).__name__}).") from None
    subset = {"train": (arrays["train_images"], arrays["train_labels"]),
              "test": (arrays["test_images"], arrays["test_labels"])}
    return {"train": len(arrays["train_labels"]), "test": len(arrays["test_labels"])}


def need_subset():
    if subset is None:
        raise VisitorError("The MNIST subset is not loaded yet.")
    return subset


# ---------------------------------------------------------------------------
# Training from scratch, a slice at a time

class Run:
    """One network learning the small MNIST: its model, optimiser, and where it is in its epochs."""

    def __init__(self, data, hidden=30, activation="sigmoid", learning_rate=0.5, batch_size=10,
                 epochs=3, seed=0):
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
        return {"epoch": self.epoch, "epochs": self.epochs, "batch": self.batch, "batches": self.batches,
                "done": self.done, "history": self.history, "seconds": self.seconds}

    def neurons(self, count=6):
        """The incoming weights of the first `count` hidden neurons, as 784 numbers each."""
        W = self.model.layers[0].params["W"]
        return [np.round(W[:, j], 3).tolist() for j in range(min(count, W.shape[1]))]

    def summary(self):
        accuracy_now = self.history[-1] if self.history else None
        return {"name": "yours", "parameters": self.model.count_parameters(), "test_accuracy": accuracy_now,
                "test_images": len(self.test_labels), "config": self.config,
                "layers": [layer["type"] for layer in self.model.architecture()["layers"]]}


def checked_config(config):
    """The visitor's settings, or a VisitorError saying which one is out of range."""
    clean = {}
    for key, (low, high) in LIMITS.items():
        value = config.get(key)
        kind = int if key != "learning_rate" else float
        if not isinstance(value, (int, float)) or isinstance(value, bool) or not low <= value <= high:
            raise VisitorError(f"The {key.replace('_', ' ')} must be a number from {low:g} to {high:g}.")
        clean[key] = kind(value)
    if config.get("activation") not in ACTIVATIONS:
        raise VisitorError(f"The activation must be one of {', '.join(ACTIVATIONS)}.")
    clean["activation"] = config["activation"]
    clean["seed"] = int(config.get("seed", 0))
    return clean


def learn_start(config):
    """Start a fresh run with the visitor's settings (replacing any earlier run)."""
    global run
    run = Run(need_subset(), **checked_config(config))
    return {**run.state(), "neurons": run.neurons(), "summary": run.summary()}


def learn_run(seconds=0.2, batches=None):
    """One slice of training; what the page needs to redraw its charts and pictures."""
    if run is None:
        raise VisitorError("Press Train to start a run first.")
    slice_ = run.train(seconds, batches)
    return {**slice_, **run.state(), "neurons": run.neurons(), "summary": run.summary()}


def learn_use():
    """Offer the network being trained to the recognizer, as model 'yours'."""
    if run is None:
        raise VisitorError("There is no trained network yet.")
    api.loaded["yours"] = run.model
    return run.summary()


# ---------------------------------------------------------------------------
# Networks as files: download, keep in the browser, load back

def model_file(name, info=None):
    """A loaded model as a zip of manifest.json and .npy files (the weights/NAME/ layout), base64."""
    manifest, tensors = models.saved_files(api.model(name), info or {})
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for filename, data in tensors.items():
            archive.writestr(filename, data)
        archive.writestr("manifest.json", json.dumps(manifest, indent=2))
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def adopt_model_file(name, data):
    """Load a network from zip bytes made by `model_file` as model `name`; describe it."""
    data = bytes(data)
    if len(data) > MAX_FILE_BYTES:
        raise VisitorError("That network file is too big to be one of ours.")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            manifest = json.loads(archive.read("manifest.json"))
            model = models.from_manifest(manifest, archive.read)
    except models.WeightsError:
        raise
    except Exception as error:  # noqa: BLE001 — a broken file of any kind gets one sentence
        raise VisitorError(f"That file is not a saved network ({type(error).__name__}).") from None
    model.name = name
    api.loaded[name] = model
    return {**api.describe(model, manifest), "base": manifest.get("base")}


# ---------------------------------------------------------------------------
# The personal set, and fine-tuning on it

def personal_set_bytes(images, labels):
    """The .npz file of a personal set: images uint8 (N, 28, 28), labels uint8 (N,)."""
    buffer = io.BytesIO()
    np.savez_compressed(buffer, images=np.asarray(images, np.uint8).reshape(-1, 28, 28),
                        labels=np.asarray(labels, np.uint8))
    return buffer.getvalue()


def read_personal_set(data):
    """Check an imported personal set; return (images uint8 (N, 28, 28), labels uint8 (N,)).

    Anything else (another kind of file, other shapes, labels that are not digits,
    too many drawings) is refused with a VisitorError that says what is wrong.
    """
    data = bytes(data)
    if len(data) > MAX_FILE_BYTES:
        raise VisitorError(f"That file is {len(data) / 2**20:.1f} MB; a personal set is at most "
                           f"{MAX_FILE_BYTES // 2**20} MB.")
    try:
        with np.load(io.BytesIO(data), allow_pickle=False) as files:
            images, labels = files["images"], files["labels"]
    except KeyError:
        raise VisitorError("That file has no 'images' and 'labels' arrays: it is not a personal set.") from None
    except Exception:  # noqa: BLE001 — not an .npz at all
        raise VisitorError("That file is not a personal set (an .npz file exported from this page).") from None
    if images.dtype != np.uint8 or images.ndim != 3 or images.shape[1:] != (28, 28):
        raise VisitorError(f"The images in that file are {images.dtype} {images.shape}; "
                           "a personal set holds uint8 images of 28×28 pixels.")
    if labels.shape != (len(images),) or not np.issubdtype(labels.dtype, np.integer):
        raise VisitorError(f"That file has {len(images)} images but labels of shape {labels.shape}.")
    if len(labels) and (labels.min() < 0 or labels.max() > 9):
        raise VisitorError("The labels in that file are not all digits from 0 to 9.")
    if len(images) > MAX_PERSONAL:
        raise VisitorError(f"That file holds {len(images):,} drawings; a personal set keeps at most {MAX_PERSONAL:,}.")
    return images, labels.astype(np.uint8)


def personal_export(images, labels):
    """The personal set as an .npz file, base64 (images: N·784 bytes, labels: N digits)."""
    return base64.b64encode(personal_set_bytes(images, labels)).decode("ascii")


def personal_import(data):
    """An imported personal set as {"images": base64 of N·784 bytes, "labels": [...]}."""
    images, labels = read_personal_set(data)
    return {"images": base64.b64encode(images.tobytes()).decode("ascii"), "labels": labels.tolist()}


def fine_tune_steps(model, images, labels, mnist, steps=40, batch_size=64, learning_rate=1e-3, seed=0):
    """Steps of Adam on minibatches that are half the visitor's drawings, half MNIST: yields each loss.

    images: float32 (N, 28, 28) in [0, 1]; labels (N,); mnist: (images uint8, labels).
    The visitor's drawings are slightly moved and turned at each step so the network
    learns the handwriting rather than the exact pixels; the MNIST half keeps it
    from forgetting everyone else's.
    """
    rng = np.random.default_rng(seed)
    for layer in model.layers:
        if hasattr(layer, "rng"):
            layer.rng = rng
    optimizer = Adam(learning_rate)
    half = batch_size // 2
    for _ in range(steps):
        mine = rng.integers(0, len(images), half)
        theirs = rng.integers(0, len(mnist[0]), batch_size - half)
        batch = np.concatenate([random_affine(images[mine], rng, 8.0, 0.08, 1.5), to_float(mnist[0][theirs])])
        targets = np.concatenate([labels[mine], mnist[1][theirs]]).astype(np.intp)
        yield train_step(model, optimizer, batch, targets)


class Tuning:
    """A copy of a network learning the visitor's handwriting, a few steps per slice of time.

    Like training from scratch, fine-tuning runs in slices, so the page can show its
    progress and keep reading drawings in between (the network being tuned is a copy:
    the recognizer keeps using the original until the tuning finishes).
    """

    def __init__(self, name, images, labels, steps=40, batch_size=64):
        self.base = api.model(name)
        images = np.asarray(images, np.uint8).reshape(-1, 28, 28)
        self.labels = np.asarray(labels, np.intp)
        if len(images) == 0 or len(images) != len(self.labels):
            raise VisitorError("Your personal set is empty: correct a few answers in the recognizer first.")
        self.name = name if name.endswith("-tuned") else f"{name}-tuned"
        self.model = copy_model(self.base, self.name)
        self.pictures = to_float(images)
        self.before = accuracy(self.model, self.pictures, self.labels)
        self.steps, self.losses = int(steps), []
        self.stepping = fine_tune_steps(self.model, self.pictures, self.labels, need_subset()["train"],
                                        steps=self.steps, batch_size=int(batch_size))

    @property
    def done(self):
        return len(self.losses) == self.steps

    def train(self, seconds=0.3):
        """Take steps for about `seconds`; the loss of each."""
        losses, started = [], time.perf_counter()
        for loss in self.stepping:
            losses.append(loss)
            if time.perf_counter() - started >= seconds:
                break
        self.losses += losses
        return {"losses": losses, "step": len(self.losses), "steps": self.steps, "done": self.done}

    def finish(self):
        """Measure the tuned network and hand it to the recognizer; what the page reports."""
        original = originals.setdefault(self.name, self.base)
        api.loaded[self.name] = self.model
        return {"name": self.name, "base": original.name,
                "before": self.before, "after": accuracy(self.model, self.pictures, self.labels),
                "mnist_before": mnist_accuracy(self.base), "mnist_after": mnist_accuracy(self.model),
                "losses": self.losses, "parameters": self.model.count_parameters(),
                "layers": [layer["type"] for layer in self.model.architecture()["layers"]]}


def finetune_start(name, images, labels, steps=40, batch_size=64):
    """Start fine-tuning model `name` on the personal set (replacing any tuning in progress)."""
    global tuning
    tuning = Tuning(name, images, labels, steps, batch_size)
    return {"name": tuning.name, "before": tuning.before, "steps": tuning.steps}


def finetune_run(seconds=0.3):
    """One slice of fine-tuning steps."""
    if tuning is None:
        raise VisitorError("Press Fine-tune to start first.")
    return tuning.train(seconds)


def finetune_finish():
    """Hand the tuned network, '<name>-tuned', to the recognizer; say how well it reads, before and after.

    Before and after: on the personal set and on 1,000 MNIST test digits.
    """
    global tuning
    if tuning is None or not tuning.done:
        raise VisitorError("The fine-tuning has not finished its steps yet.")
    finished, tuning = tuning, None
    return finished.finish()


def finetune(name, images, labels, steps=40, batch_size=64):
    """Fine-tune model `name` on the personal set in one go (the page does it in slices)."""
    finetune_start(name, images, labels, steps, batch_size)
    finetune_run(seconds=float("inf"))
    return finetune_finish()


def mnist_accuracy(model, count=1000):
    """Accuracy on the subset's first `count` test digits (remembered per model: it takes a while for the cnn)."""
    if model not in measured:
        images, labels = need_subset()["test"]
        measured[model] = accuracy(model, to_float(images[:count]), labels[:count])
    return measured[model]


def copy_model(model, name):
    """An independent copy of `model` (same layers, copied weights) called `name`."""
    copy = models.from_architecture(name, model.architecture())
    for key, value in model.parameters().items():
        copy.parameters()[key][...] = value
    return copy


def forget_model(name):
    """Drop a trained or tuned model from Python (the shipped ones cannot be dropped)."""
    if name in models.ARCHITECTURES:
        raise VisitorError(f"The shipped model '{name}' cannot be forgotten.")
    api.loaded.pop(name, None)
    originals.pop(name, None)
    return True


PAGE_FUNCTIONS = ["learn_data", "learn_start", "learn_run", "learn_use", "model_file", "adopt_model_file",
                  "personal_export", "personal_import", "finetune_start", "finetune_run", "finetune_finish",
                  "forget_model"]
