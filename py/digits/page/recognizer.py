"""The recognizer: read a drawing, compare the networks, look inside one.

Everything takes and returns values the way they travel to and from the page (lists,
numbers, strings, and large arrays as page/arrays.py says); the networks come from the
visitor's session. Drawings arrive as the pad's alpha bytes, row by row, and are
preprocessed the MNIST way (preprocess.to_mnist) before any network sees them.
"""

from typing import Annotated, Literal, TypedDict

import numpy as np

from ..errors import VisitorError
from ..images.preprocess import to_mnist
from ..nets.layers import Conv2D
from ..nets.models import folder_files, read_saved
from .arrays import PageArray, to_page
from .on_the_page import OnThePage


# What the page sends: a drawing's pixels, and the preprocessed image a reading answered, as it
# came (a Float32Array) or made by the page (an MNIST digit's bytes over 255).
Image = Annotated[np.ndarray, OnThePage("lib/arrays.js", "Numbers"), "784 values in [0, 1], row by row"]
Bitmap = Annotated[np.ndarray, "the drawing's alpha bytes, row by row"]


class Empty(TypedDict):
    """Nothing is drawn."""
    empty: Literal[True]


class Answer(TypedDict):
    """image: the 28x28 picture the network saw, float32 values in [0, 1]."""
    empty: Literal[False]
    image: PageArray
    probabilities: list[float]
    digit: int


Reading = Empty | Answer


class HiddenNeuron(TypedDict):
    index: int
    activation: float
    weights: PageArray


class FeatureMaps(TypedDict):
    """maps: the first convolution's maps after ReLU, one size x size map per filter, scaled to [0, 1]."""
    kind: Literal["feature_maps"]
    size: int
    maps: PageArray


class Neurons(TypedDict):
    """the first layer's most active hidden neurons, with their 784 incoming weights."""
    kind: Literal["neurons"]
    hidden: int
    neurons: list[HiddenNeuron]


Explanation = FeatureMaps | Neurons


def load_model(session, name: str, folder: str):
    """Load the weights in `folder` (manifest.json and .npy files) as model `name`; describe it."""
    model, manifest = read_saved(name, folder_files(folder))
    session.models[name] = model
    return describe(model, manifest)


def describe(model, manifest):
    """What the page says of a loaded model: its name, its size and its measured accuracy."""
    return {"name": model.name, "parameters": model.count_parameters(),
            "test_accuracy": manifest.get("test_accuracy"), "test_correct": manifest.get("test_correct")}


MAX_SIDE = 4096     # pixels: no pad is larger, and a bigger bitmap would only cost memory


def bitmap_image(bitmap, height, width):
    """The page's drawing (alpha bytes, row by row) as a 2-D array."""
    if not (0 < height <= MAX_SIDE and 0 < width <= MAX_SIDE):
        raise VisitorError(f"A drawing must be 1 to {MAX_SIDE} pixels on each side, not {height}x{width}.")
    if bitmap.size != height * width:
        raise VisitorError(f"A {height}x{width} drawing has {height * width} bytes, not {bitmap.size}.")
    return np.asarray(bitmap, dtype=np.uint8).reshape(height, width)


def as_image(image):
    """A preprocessed image as the page sends it (784 values in [0, 1]) as a batch of one.

    The page only ever sends back an image Python gave it; anything else is refused
    with a sentence rather than read as a digit.
    """
    try:
        values = np.asarray(image)
    except (TypeError, ValueError):      # lists of uneven depth
        values = np.zeros(0)
    values = values.astype(np.float32) if values.dtype.kind in "iuf" else np.zeros(0)
    if values.shape != (784,) or not (np.isfinite(values).all() and 0 <= values.min() <= values.max() <= 1):
        raise VisitorError("An image must be 784 numbers (28x28, row by row), each from 0 to 1.")
    return values.reshape(1, 28, 28)


def predict(session, model: str, bitmap: Bitmap, height: int, width: int) -> Reading:
    """Preprocess a drawing and read it: the image the network saw and its ten probabilities, or empty."""
    network = session.model(model)
    image = to_mnist(bitmap_image(bitmap, height, width))
    if image is None:
        return {"empty": True}
    probabilities = network.predict(image[None])[0]
    return {"empty": False, "image": to_page(image),
            "probabilities": probabilities.tolist(), "digit": int(probabilities.argmax())}


def read_image(session, model: str, image: Image) -> Reading:
    """Read a 28x28 image that is already in MNIST's form (an MNIST digit): no preprocessing; answered as predict."""
    network, values = session.model(model), as_image(image)
    probabilities = network.predict(values)[0]
    return {"empty": False, "image": to_page(values[0]),
            "probabilities": probabilities.tolist(), "digit": int(probabilities.argmax())}


def compare(session, image: Image) -> dict[str, list[float]]:
    """Every loaded model's probabilities for one preprocessed image: {name: ten probabilities}."""
    batch = as_image(image)
    return {name: network.predict(batch)[0].tolist() for name, network in session.models.items()}


def explain(session, model: str, image: Image, top: int = 6) -> Explanation:
    """A look inside `model` for one preprocessed image.

    Convolutional networks: the first layer's feature maps after ReLU, one
    picture per filter, scaled together so that the strongest response is 1.
    Dense networks: the `top` hidden neurons of the first layer that fired
    most, with their incoming weights as 28x28 pictures.
    """
    network = session.model(model)
    outputs = network.activations(as_image(image)[0])
    first = network.layers[0]
    if isinstance(first, Conv2D):
        maps = outputs[1]                                     # (24, 24, filters) after ReLU
        peak = float(maps.max()) or 1.0
        return {"kind": "feature_maps", "size": maps.shape[0], "maps": to_page(np.moveaxis(maps / peak, -1, 0))}
    activation = outputs[1]                                   # after the first nonlinearity
    W = first.params["W"]
    return {"kind": "neurons", "hidden": len(activation),
            "neurons": [{"index": int(j), "activation": float(activation[j]), "weights": to_page(W[:, j])}
                        for j in np.argsort(-activation)[:top]]}

