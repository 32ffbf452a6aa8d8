"""Networks built from layers, and how they are saved to and loaded from `weights/NAME/`.

A saved model is a folder: one `.npy` file per tensor and a `manifest.json` that
says how to rebuild the layers, the shape and sha256 of every file, the measured
MNIST test accuracy and the exact command that reproduces the weights.
"""

import hashlib
import io
import json
from pathlib import Path

import numpy as np

from ..errors import VisitorError
from . import layers as L
from .losses import softmax

WEIGHTS_DIR = Path(__file__).resolve().parents[3] / "weights"


class WeightsError(VisitorError):
    """A saved model is missing a file, or a file is corrupt or not what its manifest says (FAULTS)."""


class Sequential:
    """Layers applied one after another: the output of each is the input of the next.

    Inputs are MNIST-style images, float32 (N, 28, 28), 0 background and 1 ink;
    the model reshapes them to `input_shape` (flat vectors for dense networks,
    one-channel images for convolutional ones). The output is ten logits z; the
    probabilities are softmax(z).
    """

    def __init__(self, name, layers, input_shape):
        self.name = name
        self.layers = layers
        self.input_shape = tuple(input_shape)

    def forward(self, images, train=False):
        """Return the logits and the caches every layer needs for backward."""
        x = images.reshape((len(images),) + self.input_shape).astype(np.float32, copy=False)
        caches = []
        for layer in self.layers:
            x, cache = layer.forward(x, train)
            caches.append(cache)
        return x, caches

    def backward(self, dlogits, caches):
        """Backpropagate dL/dlogits through every layer; return {"index.param": gradient}."""
        grads = {}
        dx = dlogits
        for index in reversed(range(len(self.layers))):
            dx, layer_grads = self.layers[index].backward(dx, caches[index])
            for key, gradient in layer_grads.items():
                grads[f"{index}.{key}"] = gradient
        return grads

    def parameters(self):
        """Every parameter tensor, keyed "index.param" (e.g. "0.W"), by reference."""
        return {f"{index}.{key}": value
                for index, layer in enumerate(self.layers)
                for key, value in layer.params.items()}

    def predict(self, images, batch_size=500):
        """Probabilities, float32 (N, 10): the softmax of the logits."""
        out = [softmax(self.forward(images[i:i + batch_size])[0])
               for i in range(0, len(images), batch_size)]
        return np.concatenate(out).astype(np.float32) if out else np.zeros((0, 10), np.float32)

    def activations(self, image):
        """Each layer's output for one image, in order (what the page shows inside the net)."""
        x = image.reshape((1,) + self.input_shape).astype(np.float32)
        outputs = []
        for layer in self.layers:
            x, _ = layer.forward(x)
            outputs.append(x[0])
        return outputs

    def count_parameters(self):
        return int(sum(p.size for p in self.parameters().values()))

    def architecture(self):
        return {"input_shape": list(self.input_shape),
                "layers": [layer.describe() for layer in self.layers]}


# ---------------------------------------------------------------------------
# The three networks of the page

def cnn(rng=None, name="cnn"):
    """The seed demo's convolutional net: two conv+pool stages, then two dense layers."""
    rng = rng or np.random.default_rng(0)
    return Sequential(name, [
        L.Conv2D(1, 20, 5, rng), L.ReLU(), L.MaxPool2D(), L.Dropout(0.2, rng),   # 28 → 24 → 12
        L.Conv2D(20, 40, 5, rng), L.ReLU(), L.MaxPool2D(), L.Dropout(0.2, rng),  # 12 → 8 → 4
        L.Flatten(),                                                             # 4·4·40 = 640
        L.Dense(640, 256, rng), L.ReLU(),
        L.Dense(256, 10, rng),
    ], input_shape=(28, 28, 1))


def writers(rng=None):
    """The page's default network: the cnn's layers, trained to read drawings on the pad (train.RECIPES)."""
    return cnn(rng, name="writers")


def mlp(rng=None):
    """784-128-64-10 with ReLU: the seed blog's fully connected network."""
    rng = rng or np.random.default_rng(0)
    return Sequential("mlp", [
        L.Dense(784, 128, rng), L.ReLU(),
        L.Dense(128, 64, rng), L.ReLU(),
        L.Dense(64, 10, rng),
    ], input_shape=(784,))


def nielsen(rng=None, hidden=30, activation="sigmoid"):
    """784-30-10 with sigmoid neurons, the network of Nielsen's book (softmax output)."""
    rng = rng or np.random.default_rng(0)
    nonlinearity = L.Sigmoid() if activation == "sigmoid" else L.ReLU()
    init = "xavier" if activation == "sigmoid" else "he"
    return Sequential("nielsen", [
        L.Dense(784, hidden, rng, init), nonlinearity,
        L.Dense(hidden, 10, rng, init),
    ], input_shape=(784,))


ARCHITECTURES = {"writers": writers, "cnn": cnn, "mlp": mlp, "nielsen": nielsen}

LAYER_TYPES = {
    "Dense": lambda d: L.Dense(d["inputs"], d["outputs"]),
    "Conv2D": lambda d: L.Conv2D(d["in_channels"], d["filters"], d["size"]),
    "MaxPool2D": lambda d: L.MaxPool2D(),
    "ReLU": lambda d: L.ReLU(),
    "Sigmoid": lambda d: L.Sigmoid(),
    "Dropout": lambda d: L.Dropout(d["rate"]),
    "Flatten": lambda d: L.Flatten(),
}


def declared_parameters(manifest):
    """How many weights a manifest's architecture declares, counted before any is allocated.

    A file from outside could describe a network of billions of weights; this lets the
    loader refuse it before building it. Anything malformed counts as 0 here and is
    refused by from_architecture with its own sentence.
    """
    try:
        layers = manifest["architecture"]["layers"]
        return sum(int(d["inputs"]) * int(d["outputs"]) + int(d["outputs"]) if d["type"] == "Dense"
                   else int(d["filters"]) * (int(d["in_channels"]) * int(d["size"]) ** 2 + 1) if d["type"] == "Conv2D"
                   else 0 for d in layers)
    except (KeyError, TypeError, ValueError):
        return 0


# ---------------------------------------------------------------------------
# Saving and loading

def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def npy_bytes(array) -> bytes:
    buffer = io.BytesIO()
    np.save(buffer, array, allow_pickle=False)
    return buffer.getvalue()


def save(model, folder, info, dtype=np.float32):
    """Write one .npy per tensor (of `dtype`) and manifest.json into `folder` (which must exist)."""
    folder = Path(folder)
    manifest, tensors = saved_files(model, info, dtype)
    for filename, data in tensors.items():
        (folder / filename).write_bytes(data)
    (folder / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")
    return manifest


def saved_files(model, info, dtype=np.float32):
    """The manifest and the .npy bytes of each tensor ({filename: bytes}) that make a saved model.

    Loading reads any float .npy into the model's float32 tensors, so weights may be kept as
    half floats (float16), at half the bytes.
    """
    files, tensors = {}, {}
    for key, value in model.parameters().items():
        filename = f"{key.replace('.', '_')}.npy"
        tensors[filename] = npy_bytes(value.astype(dtype))
        files[key] = {"file": filename, "shape": list(value.shape), "sha256": sha256(tensors[filename])}
    manifest = {"name": model.name, "architecture": model.architecture(),
                "parameters": model.count_parameters(), "files": files, **info}
    return manifest, tensors


MANIFEST = "manifest.json"

# The one sentence for each fault a saved model can have; `file` is "manifest.json" or
# "weights file NAME.npy", and every sentence starts with the model's name (see `fault`).
FAULTS = {
    "missing": "{file} is missing.",
    "unreadable": "{file} could not be read ({error}).",
    "not_json": "{file} is not valid JSON.",
    "not_a_manifest": "{file} is not a saved network's manifest (a weights file and its sha256 for each tensor).",
    "unknown_architecture": "{file} does not describe a known architecture.",
    "too_big": "{file} declares {count:,} weights, more than the {most:,} a saved network may have.",
    "unlisted": "{file} lists no weights file for {tensors}.",
    "stranger": "{file} does not belong to its architecture.",
    "corrupt": "{file} is corrupt (its sha256 does not match the manifest).",
    "not_numbers": "{file} is not a .npy array of numbers.",
    "wrong_shape": "{file} has shape {shape}, expected {expected}.",
}


def fault(kind, name, filename, **details):
    """The WeightsError for a fault of model `name`'s file `filename` (FAULTS[kind])."""
    file = filename if filename == MANIFEST else f"weights file {filename}"
    return WeightsError(f"Model '{name}': " + FAULTS[kind].format(file=file, **details))


def load(name_or_folder, weights_dir=WEIGHTS_DIR):
    """Load a saved model from `weights/NAME/` (or any folder holding a manifest); it is called as its folder."""
    folder = Path(name_or_folder)
    if not folder.is_dir():
        folder = Path(weights_dir) / str(name_or_folder)
    return read_saved(folder.name, folder_files(folder))[0]


def folder_files(folder):
    """`read_file` for a saved model kept in `folder`: filename → its bytes."""
    return lambda filename: (Path(folder) / filename).read_bytes()


def read_saved(name, read_file, most_parameters=None):
    """A saved model, called `name`, and its manifest: (model, manifest). The one loader.

    `read_file(filename) -> bytes` reads one of its files wherever they are kept (a folder, a
    zip), raising FileNotFoundError (a folder) or KeyError (a zip) for a file that is not there.
    A manifest that declares more than `most_parameters` weights is refused before anything is
    built: a file from outside could declare billions. Every tensor's file must be there, match
    its sha256 and hold numbers in the shape the architecture gives it. Any fault raises a
    WeightsError with its one sentence (FAULTS), which names the model and the file.
    """
    manifest = read_manifest(name, read_file)
    if most_parameters is not None and (count := declared_parameters(manifest)) > most_parameters:
        raise fault("too_big", name, MANIFEST, count=count, most=most_parameters)
    model = from_architecture(name, manifest.get("architecture"))
    expected = model.parameters()
    for key, entry in manifest["files"].items():
        if key not in expected:
            raise fault("stranger", name, entry["file"])
        expected[key][...] = read_tensor(name, read_file, entry, expected[key].shape)
    missing = set(expected) - set(manifest["files"])
    if missing:
        raise fault("unlisted", name, MANIFEST, tensors=sorted(missing))
    return model, manifest


def read(name, read_file, filename):
    """The bytes of one of model `name`'s files."""
    try:
        return read_file(filename)
    except (FileNotFoundError, KeyError):
        raise fault("missing", name, filename) from None
    except OSError as error:
        raise fault("unreadable", name, filename, error=error) from None


def read_manifest(name, read_file):
    """The manifest as a dict, its "files" each naming a plain file (no folder) and its sha256."""
    data = read(name, read_file, MANIFEST)
    try:
        manifest = json.loads(data)
    except ValueError:                    # UnicodeDecodeError too
        raise fault("not_json", name, MANIFEST) from None
    files = manifest.get("files") if isinstance(manifest, dict) else None
    if not isinstance(files, dict) or not all(map(is_file_entry, files.values())):
        raise fault("not_a_manifest", name, MANIFEST)
    return manifest


def is_file_entry(entry):
    """Whether a manifest's entry names a file beside the manifest (never in another folder) and its sha256."""
    filename = entry.get("file") if isinstance(entry, dict) else None
    return (isinstance(filename, str) and filename not in ("", ".", "..") and filename == Path(filename).name
            and isinstance(entry.get("sha256"), str))


def read_tensor(name, read_file, entry, shape):
    """The array in the manifest's `entry` ({"file", "sha256"}), once checked to be what it declares."""
    filename = entry["file"]
    data = read(name, read_file, filename)
    if sha256(data) != entry["sha256"]:
        raise fault("corrupt", name, filename)
    try:
        array = np.load(io.BytesIO(data), allow_pickle=False)
    except (ValueError, EOFError, OSError):
        array = None
    if not isinstance(array, np.ndarray) or array.dtype.kind not in "fiu":
        raise fault("not_numbers", name, filename)
    if array.shape != shape:
        raise fault("wrong_shape", name, filename, shape=array.shape, expected=shape)
    return array


def from_architecture(name, spec):
    """A model with the layers `spec` describes (as in a manifest), weights still unset."""
    try:
        return Sequential(name, [LAYER_TYPES[d["type"]](d) for d in spec["layers"]], spec["input_shape"])
    except (KeyError, TypeError, ValueError, AttributeError):
        raise fault("unknown_architecture", name, MANIFEST) from None
