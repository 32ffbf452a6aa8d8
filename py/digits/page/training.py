"""Watch it learn: a small network learns the small MNIST in slices of work.

The networks are nets/small_nets.py's and the run in slices nets/run.py's; here the
visitor's settings are checked, the run in progress lives in the visitor's session, and
each slice is answered with what the page redraws. While the convnet learns, the page
draws its first layer's kernels after every slice, and what its filters see in the digit
the visitor drew.
"""

import io
from typing import Literal, NotRequired, TypedDict

import numpy as np

from ..errors import VisitorError
from ..explain.inside import architecture, layer_outputs
from ..images.data import SUBSET_SIZES
from ..images.pixels import to_float
from ..nets import layers as L
from ..nets import run
from ..nets.small_nets import KERNEL_SIZE, network
from .arrays import PageArray, to_page
from .network_names import settings_name
from .recognizer import Image


class DenseConfig(TypedDict):
    network: Literal["dense"]
    hidden: int
    activation: str
    learning_rate: float
    batch_size: int
    epochs: int


class ConvConfig(TypedDict):
    """filters1, filters2: the filters of the two convolutions; dense: hidden neurons before the ten outputs (0: none);
    shift: each training image is moved by up to this many pixels."""
    network: Literal["conv"]
    filters1: int
    filters2: int
    dense: int
    shift: int
    learning_rate: float
    batch_size: int
    epochs: int


TrainingConfig = DenseConfig | ConvConfig


class ConvMeasured(TypedDict):
    parameters: int
    images: int
    accuracy: float


class DenseMeasured(TypedDict):
    hidden: int
    parameters: int
    epochs: int
    seconds: float
    images: int
    accuracy: float


class Comparison(TypedDict):
    """the default convnet after `seconds` of training in the page against a dense network of about its size,
    as measured by bench/train_conv.py: images seen, and the share of the test digits each read."""
    seconds: float
    conv: ConvMeasured
    dense: DenseMeasured


class TrainingFacts(TypedDict):
    """limits: each setting's [lowest, highest]; learning_rates: the usual learning rate for each activation;
    optimizers: "SGD" or "Adam" for each network; trained_name: the name of the network trained in the page."""
    limits: dict[str, tuple[float, float]]
    activations: list[str]
    networks: list[str]
    defaults: DenseConfig
    conv_defaults: ConvConfig
    learning_rates: dict[str, float]
    optimizers: dict[str, str]
    kernel_size: int
    comparison: Comparison
    trained_name: str
    train_images: int
    test_images: int


class DenseShape(TypedDict):
    """A dense network's layer sizes."""
    sizes: list[int]
    parameters: int


class ShapeBlock(TypedDict):
    """e.g. "Conv2D", "conv 5x5, 8", "24x24x8"."""
    kind: str
    title: str
    shape: str
    parameters: int


class ConvShape(TypedDict):
    """A convnet's blocks: the input, each layer, softmax."""
    blocks: list[ShapeBlock]
    parameters: int


class SubsetSizes(TypedDict):
    """how many digits of each."""
    train: int
    test: int


class Kernels(TypedDict):
    """values: the first convolution's count filters, size x size each."""
    count: int
    size: int
    values: PageArray


class RunState(TypedDict):
    """neurons (a dense network): the first hidden neurons' 784 incoming weights each;
    kernels (a convnet): its first layer's filters."""
    epoch: int
    epochs: int
    batch: int
    batches: int
    done: bool
    seconds: float
    neurons: NotRequired[PageArray]
    kernels: NotRequired[Kernels]


class RunSlice(RunState):
    """losses: each minibatch's of this slice; test_accuracy is there only when an epoch ended in it."""
    losses: PageArray
    images_per_second: float
    test_accuracy: NotRequired[float]


class TrainedSummary(TypedDict):
    """label: what the network is, in words, from its settings: "784-30-10 sigmoid", "convnet 8-16"."""
    name: str
    label: str
    parameters: int
    test_accuracy: float | None
    test_images: int
    config: TrainingConfig


class LayerMaps(TypedDict):
    """dims: [height, width, count]; values: the count maps one after another, float32."""
    layer: int
    dims: tuple[int, int, int]
    low: float
    high: float
    values: PageArray


class FeatureMapsWhileTraining(TypedDict):
    maps: list[LayerMaps]


# The network trained here, under this name in the session, the page's menu and the browser's store:
# one at a time, each finished run replacing the last.
TRAINED_NAME = "yours"
NETWORKS = ("dense", "conv")
LIMITS = {"hidden": (1, 256), "filters1": (1, 32), "filters2": (1, 64), "dense": (0, 256), "shift": (0, 4),
          "learning_rate": (1e-5, 10.0), "batch_size": (1, 1000), "epochs": (1, 50)}
SETTINGS = {"hidden": "number of hidden neurons", "filters1": "number of filters of the first convolution",
            "filters2": "number of filters of the second convolution",
            "dense": "number of neurons of the dense layer", "shift": "largest shift of a training image",
            "learning_rate": "learning rate", "batch_size": "batch size",
            "epochs": "number of epochs"}     # each setting in the words of the visitor's messages
ACTIVATIONS = ("sigmoid", "relu")
# What a dense run starts from: Nielsen's network and settings (book, chapter 1), three epochs.
DEFAULTS = {"network": "dense", "hidden": 30, "activation": "sigmoid", "learning_rate": 0.5, "batch_size": 10,
            "epochs": 3}
# What a convolutional run starts from: dense 0 means the pooled maps feed the ten outputs directly;
# shift: each training image moved by up to this many pixels. Chosen by measuring (bench/train_conv.py,
# and the same runs in CPython): with η 0.003 or without shifts it reads fewer test digits after
# 30,000 and after 90,000 images (about 60 s and 5 minutes in a browser on a busy 2-core machine);
# batches of 64 learn less per image and are no faster per image in Pyodide; more epochs anneal later.
CONV_DEFAULTS = {"network": "conv", "filters1": 8, "filters2": 16, "dense": 0, "shift": 2, "learning_rate": 0.005,
                 "batch_size": 32, "epochs": 10}
# A learning rate that works for each activation: ReLU's unbounded outputs need smaller steps.
LEARNING_RATES = {"sigmoid": 0.5, "relu": 0.1}
OPTIMIZERS = {kind: optimizer.__name__ for kind, optimizer in run.OPTIMIZERS.items()}   # "SGD", "Adam"
ARCHITECTURE = {"dense": ("hidden", "activation"), "conv": ("filters1", "filters2", "dense")}   # what shapes each network
# The default convnet after 60 s of training in the page, against a dense network of about its size
# trained for as long or for the most epochs the page allows (50, which took it 17 s), each then
# reading the 2,000 test digits: measured by bench/train_conv.py (headless Chromium on a 2-core
# machine busy with other work, 2026-12-02), not estimated.
COMPARISON = {"seconds": 60, "conv": {"parameters": 5994, "images": 30_400, "accuracy": 0.9750},
              "dense": {"hidden": 8, "parameters": 6370, "epochs": 50, "seconds": 17.2, "images": 500_000,
                        "accuracy": 0.8670}}


def training_facts() -> TrainingFacts:
    """Training's rules, for the page: each setting's range and default for each kind of network,
    the activations and a learning rate that suits each, the optimiser each kind learns with,
    how the default convnet compared with a dense network of its size (COMPARISON), and how many
    digits the subset holds; and the name the network trained here goes by."""
    return {"limits": {key: list(bounds) for key, bounds in LIMITS.items()}, "activations": list(ACTIVATIONS),
            "networks": list(NETWORKS), "defaults": DEFAULTS, "conv_defaults": CONV_DEFAULTS,
            "learning_rates": LEARNING_RATES, "optimizers": OPTIMIZERS, "kernel_size": KERNEL_SIZE,
            "comparison": COMPARISON, "trained_name": TRAINED_NAME,
            "train_images": SUBSET_SIZES["train"], "test_images": SUBSET_SIZES["test"]}


# ---------------------------------------------------------------------------
# The small MNIST that ships with the page (images/data.py's small_subset)

def learn_data(session, npz: np.ndarray) -> SubsetSizes:
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

class ShownRun(run.Run):
    """A run (nets/run.py) as the page shows it: where it is, what its first layer looks for,
    and what the recognizer's menu says of the network it trains."""

    def state(self):
        """Where the run is, and what its first layer looks for (what the page redraws)."""
        where = {"epoch": self.epoch, "epochs": self.epochs, "batch": self.batch, "batches": self.batches,
                 "done": self.done, "seconds": self.seconds}
        return {**where, "kernels": self.kernels()} if self.conv else {**where, "neurons": self.neurons()}

    def neurons(self, count=6):
        """The incoming weights of the first `count` hidden neurons, (count, 784)."""
        return self.model.layers[0].params["W"][:, :count].T.copy()

    def kernels(self):
        """The first convolution's filters: how many, their size, and their weights (count, 1, 5, 5)."""
        W = self.model.layers[0].params["W"]           # (filters, 1, 5, 5)
        return {"count": W.shape[0], "size": W.shape[-1], "values": W.copy()}

    def summary(self):
        """The trained network as the recognizer's menu and the kept file describe it."""
        return {"name": self.model.name, "label": settings_name(self.config),
                "parameters": self.model.count_parameters(),
                "test_accuracy": self.history[-1] if self.history else None,
                "test_images": len(self.test_labels), "config": self.config}


def checked(config, key):
    """One of the visitor's settings, or a VisitorError saying it is out of range."""
    if key == "network":
        if config.get(key, "dense") not in NETWORKS:
            raise VisitorError(f"The network must be one of {', '.join(NETWORKS)}.")
        return config.get(key, "dense")
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
    """The visitor's settings, each checked (see `checked`), and the seed (0 unless given).

    config["network"] says which settings count: "dense" (the default) those of DEFAULTS,
    "conv" those of CONV_DEFAULTS; the other kind's settings are ignored.
    """
    settings = CONV_DEFAULTS if checked(config, "network") == "conv" else DEFAULTS
    clean = {key: checked(config, key) for key in settings}
    clean["seed"] = int(config.get("seed", 0))
    return clean


def learn_shape(config: TrainingConfig) -> DenseShape | ConvShape:
    """The network that `config` builds and how many weights and biases it has.

    Only the settings that shape the network count (ARCHITECTURE). Dense: its layer sizes
    [784, h, 10] and 784·h + h + h·10 + 10 parameters. Convolutional: its blocks in order
    (kind, title such as "conv 5x5, 8", shape such as "24x24x8", parameters), as
    inside.architecture measures them, and their total.
    """
    kind = checked(config, "network")
    shape = {key: checked(config, key) for key in ARCHITECTURE[kind]}
    model = network({"network": kind, **shape})
    if kind == "dense":
        return {"sizes": [784, shape["hidden"], 10], "parameters": model.count_parameters()}
    blocks = [{key: entry[key] for key in ("kind", "title", "shape", "parameters")}
              for entry in architecture(model)["blocks"]]
    return {"blocks": blocks, "parameters": model.count_parameters()}


def learn_start(session, config: TrainingConfig) -> RunState:
    """Start a fresh run with the visitor's settings (replacing any earlier run)."""
    session.run = ShownRun(training_floats(session), checked_config(config), TRAINED_NAME)
    return run_on_page(session.run.state())


def training_floats(session):
    """The subset as a run reads it: images float32 in [0, 1], labels as indices.

    Made once per subset and kept in the session: every Train press would otherwise make
    its own 37 MB copy, and the page's memory only grows (WebAssembly's never shrinks).
    """
    subset = session.mnist()
    if session.subset_floats is None or session.subset_floats[0] is not subset:
        session.subset_floats = (subset, {part: (to_float(images), labels.astype(np.intp))
                                          for part, (images, labels) in subset.items()})
    return session.subset_floats[1]


def learn_run(session, seconds: float = 0.2, batches: int = None) -> RunSlice:
    """One slice of training; what the page needs to redraw its charts and pictures."""
    if session.run is None:
        raise VisitorError("Press Train to start a run first.")
    slice_ = session.run.train(seconds, batches)
    return run_on_page({**slice_, **session.run.state()})


def run_on_page(answer):
    """A run's state (and slice) as the page gets it: the losses, neurons and kernels as PageArrays."""
    arrays = {key: to_page(answer[key]) for key in ("losses", "neurons") if key in answer}
    if "kernels" in answer:
        arrays["kernels"] = {**answer["kernels"], "values": to_page(answer["kernels"]["values"])}
    return {**answer, **arrays}


def learn_use(session) -> TrainedSummary:
    """Offer the network being trained to the recognizer, as model 'yours'; describe it."""
    if session.run is None:
        raise VisitorError("There is no trained network yet.")
    session.models[TRAINED_NAME] = session.run.model
    return session.run.summary()


def learn_feature_maps(session, image: Image) -> FeatureMapsWhileTraining:
    """What the convnet being trained makes of one 28x28 image (784 values in [0, 1], the
    recognizer's digit): the maps after each convolution's ReLU, as inside.layer_outputs gives them.
    """
    if session.run is None or not session.run.conv:
        raise VisitorError("Only a convolutional network has feature maps: train one first.")
    if len(image) != 784:
        raise VisitorError(f"The image must have 784 values (28x28), not {len(image)}.")
    entries = layer_outputs(session.run.model, image)["layers"]
    convolutions = [index for index, layer in enumerate(session.run.model.layers) if isinstance(layer, L.Conv2D)]
    wanted = {index + 1 for index in convolutions}        # the ReLU right after each convolution
    return {"maps": [{"layer": entry["layer"], "dims": entry["dims"], "low": entry["low"], "high": entry["high"],
                      "values": to_page(entry["values"])} for entry in entries if entry["layer"] in wanted]}
