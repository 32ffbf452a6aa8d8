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
    """A weights folder is missing a file, or a file is corrupt or the wrong shape."""


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
    caller refuse it before building it. Anything malformed counts as 0 here and is
    refused by from_manifest with its own sentence.
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


def from_manifest(manifest, read_file):
    """Rebuild a model from its manifest; `read_file(filename) -> bytes` supplies the tensors.

    Every file must exist, match its sha256 and have the shape the manifest declares;
    otherwise WeightsError names the model and the file.
    """
    name = manifest.get("name", "?")
    model = from_architecture(name, manifest.get("architecture"))
    expected = model.parameters()
    for key, entry in manifest["files"].items():
        if key not in expected:
            raise WeightsError(f"Model '{name}': {entry['file']} does not belong to this architecture.")
        try:
            data = read_file(entry["file"])
        except OSError as error:
            raise WeightsError(f"Model '{name}': weights file {entry['file']} could not be read "
                               f"({error}).") from None
        if sha256(data) != entry["sha256"]:
            raise WeightsError(f"Model '{name}': weights file {entry['file']} is corrupt "
                               "(its sha256 does not match the manifest).")
        array = np.load(io.BytesIO(data), allow_pickle=False)
        if array.shape != expected[key].shape:
            raise WeightsError(f"Model '{name}': weights file {entry['file']} has shape {array.shape}, "
                               f"expected {expected[key].shape}.")
        expected[key][...] = array
    missing = set(expected) - set(manifest["files"])
    if missing:
        raise WeightsError(f"Model '{name}': the manifest lists no file for {sorted(missing)}.")
    return model


def from_architecture(name, spec):
    """A model with the layers `spec` describes (as in a manifest), weights still unset."""
    try:
        return Sequential(name, [LAYER_TYPES[d["type"]](d) for d in spec["layers"]], spec["input_shape"])
    except (KeyError, TypeError) as error:
        raise WeightsError(f"The manifest of model '{name}' does not describe a known architecture "
                           f"({error}).") from None


def load(name_or_folder, weights_dir=WEIGHTS_DIR):
    """Load a saved model from `weights/NAME/` (or any folder holding a manifest)."""
    folder = Path(name_or_folder)
    if not folder.is_dir():
        folder = Path(weights_dir) / str(name_or_folder)
    manifest_path = folder / "manifest.json"
    if not manifest_path.exists():
        raise WeightsError(f"No trained model in {folder} (manifest.json is missing): "
                           f"run 'python3 build.py train --model {folder.name}'.")
    try:
        manifest = json.loads(manifest_path.read_text())
    except json.JSONDecodeError as error:
        raise WeightsError(f"{manifest_path} is not valid JSON ({error}).") from None
    return from_manifest(manifest, lambda filename: (folder / filename).read_bytes())
