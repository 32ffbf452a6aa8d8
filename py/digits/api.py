"""What the page asks of Python: every function here takes and returns plain values.

The worker calls `dispatch(name, args_json, binaries)`. Arguments arrive as
JSON, bitmaps as typed arrays; each answer goes back as one JSON string, so no
Python object ever has to live on the JavaScript side (nothing to leak).
"""

import json
from pathlib import Path

import numpy as np

from . import models
from .losses import softmax as _softmax
from .preprocess import to_mnist

loaded = {}     # model name → Sequential, filled by load_model


class VisitorError(ValueError):
    """A problem to show the visitor as it is, in one sentence."""


def softmax(values):
    """softmax of a list of numbers, as a list."""
    return _softmax(np.asarray(values, dtype=np.float64)).tolist()


def runtime():
    """Versions, for the page's footer and for tests."""
    import sys
    return {"python": sys.version.split()[0], "numpy": np.__version__}


def memory():
    """How many objects Python holds: flat over many predictions means nothing leaks."""
    import gc
    gc.collect()
    return {"objects": len(gc.get_objects()), "models": sorted(loaded)}


def load_model(name, folder):
    """Load weights from `folder` (in the worker's file system) as model `name`; describe it."""
    manifest = json.loads((Path(folder) / "manifest.json").read_text())
    model = models.from_manifest(manifest, lambda filename: (Path(folder) / filename).read_bytes())
    model.name = name
    loaded[name] = model
    return describe(model, manifest)


def describe(model, manifest):
    """What the page shows of a loaded model: its name, size, measured accuracy and layers."""
    return {"name": model.name, "parameters": model.count_parameters(),
            "test_accuracy": manifest.get("test_accuracy"), "test_correct": manifest.get("test_correct"),
            "layers": [layer["type"] for layer in manifest["architecture"]["layers"]]}


def model(name):
    if name not in loaded:
        raise VisitorError(f"The model '{name}' is not loaded.")
    return loaded[name]


def bitmap_image(bitmap, height, width):
    """The page's drawing (alpha bytes, row by row) as a 2-D array."""
    return np.asarray(bitmap, dtype=np.uint8).reshape(int(height), int(width))


def preprocess(bitmap, height, width):
    """The 28x28 image (784 values, row by row) the networks see, or None when nothing is drawn."""
    image = to_mnist(bitmap_image(bitmap, height, width))
    return None if image is None else image.ravel().tolist()


def predict(name, bitmap, height, width):
    """Preprocess a drawing and read it: {'image', 'probabilities', 'digit'}, or {'empty': True}."""
    image = to_mnist(bitmap_image(bitmap, height, width))
    if image is None:
        return {"empty": True}
    probabilities = model(name).predict(image[None])[0]
    return {"empty": False, "image": image.ravel().tolist(),
            "probabilities": probabilities.tolist(), "digit": int(probabilities.argmax())}


def predict_images(name, images):
    """Probabilities for a list of 28x28 images given as 784 values in [0, 1] each."""
    batch = np.asarray(images, dtype=np.float32).reshape(-1, 28, 28)
    return model(name).predict(batch).tolist()


def compare(image):
    """Every loaded model's probabilities for one preprocessed image (784 values)."""
    batch = np.asarray(image, dtype=np.float32).reshape(1, 28, 28)
    return {name: m.predict(batch)[0].tolist() for name, m in loaded.items()}


def explain(name, image, top=6):
    """A look inside for one preprocessed image.

    Dense networks: the hidden neurons of the first layer that fired most, with
    their incoming weights as 28x28 pictures. Convolutional networks: the first
    layer's feature maps (after ReLU), one picture per filter.
    """
    net = model(name)
    x = np.asarray(image, dtype=np.float32).reshape(28, 28)
    outputs = net.activations(x)
    first = net.layers[0]
    if isinstance(first, models.L.Conv2D):
        maps = outputs[1]                                     # (24, 24, filters) after ReLU
        peak = float(maps.max()) or 1.0
        return {"kind": "feature_maps", "size": maps.shape[0],
                "maps": [np.round(maps[..., f] / peak, 3).ravel().tolist() for f in range(maps.shape[-1])],
                "kernels": [np.round(k[0], 4).ravel().tolist() for k in first.params["W"]]}
    activation = outputs[1]                                   # after the first nonlinearity
    weighted_input = outputs[0]
    order = np.argsort(-activation)[:top]
    W = first.params["W"]
    return {"kind": "neurons", "hidden": len(activation), "activation": np.round(activation, 4).tolist(),
            "neurons": [{"index": int(j), "activation": float(activation[j]),
                         "weighted_sum": float(weighted_input[j]),
                         "weights": np.round(W[:, j], 4).tolist()} for j in order]}


FUNCTIONS = {f.__name__: f for f in
             (softmax, runtime, memory, load_model, preprocess, predict, predict_images, compare, explain)}


def register(module):
    """Let another module of the package offer its functions to the page (perceptron, machine, ...)."""
    for name in getattr(module, "PAGE_FUNCTIONS", ()):
        FUNCTIONS[name] = getattr(module, name)


def dispatch(name, args_json, binaries=None):
    """Call FUNCTIONS[name] with the JSON arguments; binary arguments replace {"binary": i}.

    Returns a JSON string: {"ok": result} or {"error": "a sentence"}. Errors the
    visitor can act on keep their message; anything unexpected is summarised in
    one line (the worker logs the detail for developers).
    """
    if name not in FUNCTIONS:
        # The other sections' modules are imported when the page first asks for one of their
        # functions: the recognizer, which the page needs first, is up without waiting for them.
        from . import pages
        pages.register_all()
    if name not in FUNCTIONS:
        return json.dumps({"error": f"Python has no page function called '{name}'."})
    function = FUNCTIONS[name]
    args = [unpack(a, binaries) for a in json.loads(args_json)]
    try:
        return json.dumps({"ok": function(*args)})
    except (VisitorError, models.WeightsError) as error:
        return json.dumps({"error": str(error)})
    except Exception as error:  # noqa: BLE001 — the page must recover from any failure
        import traceback
        return json.dumps({"error": f"Python failed in {name}: {type(error).__name__}: {error}",
                           "detail": traceback.format_exc()})


def unpack(argument, binaries):
    if isinstance(argument, dict) and set(argument) == {"binary"}:
        data = binaries[argument["binary"]]
        return np.asarray(data.to_py() if hasattr(data, "to_py") else data)
    return argument
