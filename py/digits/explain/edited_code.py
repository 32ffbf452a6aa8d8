"""The visitor's version of a function of the network, for one reading of their drawing.

Beside a layer's pictures the page shows the function that computed them (source.py). The
visitor may change it and press Run: their text is compiled here as a function of the module
the original lives in (so it sees the same names: np, im2col, quadrants...), put in the
original's place for one reading of the drawing, and taken out again whatever happens.

    read_with(network, image, part, text) → what the network reads with the visitor's version

Edited code runs only when the visitor presses Run: nothing here is ever given code from a
link or from storage. A loop that never ends cannot be stopped from inside Python; the page
gives each run a time limit and starts a fresh Python past it (python.js `callWithin`).
"""

import contextlib
import sys
import traceback

import numpy as np

from ..errors import VisitorError
from . import inside
from .source import PARTS, find

# What a visitor may change and run on their drawing: the preprocessing (Input: the pad's pixels
# made into 28x28, read_drawing_with), the layers and softmax, which a reading goes through.
EDITABLE = ("Input", "Conv2D", "ReLU", "Sigmoid", "MaxPool2D", "Dropout", "Flatten", "Dense", "Softmax")
RUN_LIMIT_SECONDS = 3             # a run that takes longer is stopped: the shipped code takes a tenth of that
YOURS = "<your version>"          # the file name Python gives the visitor's code in tracebacks
MAX_TEXT = 20_000                 # characters: far more than any of the functions shown


def read_with(network, image, part, text):
    """Read `image` (1, 28, 28) with `network`, the function behind `part` replaced by `text`.

    Answer: the part and its function, the digit read and the ten probabilities (None
    where one is not a number), whether all are numbers, and, when every value is a number,
    every layer and softmax's steps as inside.layer_outputs and softmax_steps give them (the
    page's type is digits.page.code.CodeRun).
    """
    if part not in EDITABLE:
        raise VisitorError(f"The page cannot run a changed version of '{part[:40]}': "
                           f"change one of {', '.join(EDITABLE)}.")
    if part == "Input":
        raise VisitorError("A changed preprocessing reads the pad's pixels, not an image already made: "
                           "run it on a drawing.")
    with in_place_of(find(PARTS[part]), compiled(PARTS[part], text)):
        return reading(network, image, part)


def read_drawing_with(network, bitmap, text):
    """Make the pad's pixels `bitmap` into 28x28 with the visitor's version of the preprocessing
    (to_mnist), and read that image with `network`.

    Answer: read_with's, and the 28x28 image their version made ("input").
    """
    version = compiled(PARTS["Input"], text)
    with np.errstate(all="ignore"), told_where():
        made = version(bitmap)
    image = np.asarray(made, dtype=np.float64) if isinstance(made, np.ndarray) else None
    if image is None or image.shape != (28, 28) or not np.isfinite(image).all():
        raise VisitorError("Your version must return the drawing as a 28x28 numpy array of numbers, "
                           f"not {describe(made)}.")
    image = np.clip(image, 0, 1).astype(np.float32)
    return {**reading(network, image[None], "Input"), "input": image}


def describe(value):
    if isinstance(value, np.ndarray):
        return f"an array of shape {value.shape}" + ("" if np.isfinite(value).all() else " with values that are not numbers")
    return "None" if value is None else f"a {type(value).__name__}"


def reading(network, image, part):
    """What `network` makes of `image` (1, 28, 28), with whatever function is in place: read_with's answer."""
    with np.errstate(all="ignore"), told_where():
        probabilities = network.predict(image)[0].astype(np.float64)
        layers = inside.layer_outputs(network, image[0])
    logits = layers["layers"][-1]["values"]              # the last layer is dense
    finite = bool(np.isfinite(probabilities).all() and np.isfinite(logits).all())
    answer = {"part": part, "function": PARTS[part], "finite": finite,
              "digit": int(np.nanargmax(probabilities)) if np.isfinite(probabilities).any() else None,
              "probabilities": [float(p) if np.isfinite(p) else None for p in probabilities]}
    if finite:
        answer["inside"] = {**layers, "softmax": {**inside.softmax_steps(logits), "digit": answer["digit"],
                                                  "probabilities": probabilities.tolist()}}
    return answer


def compiled(qualified_name, text):
    """The function `text` defines, compiled in the namespace of the original's module.

    The text must define one function with the original's name (def forward(...) for a
    layer's forward); a syntax error is a sentence with its line.
    """
    if not isinstance(text, str) or len(text) > MAX_TEXT:
        raise VisitorError(f"Your version must be Python text of at most {MAX_TEXT:,} characters.")
    original = find(qualified_name)
    name = original.__name__
    try:
        code = compile(text, YOURS, "exec")
    except SyntaxError as error:
        raise VisitorError(f"Line {error.lineno}: {error.msg}. Python could not read your version "
                           "as code, so nothing ran.") from None
    namespace = dict(vars(sys.modules[original.__module__]))
    namespace.pop(name, None)
    with told_where():
        exec(code, namespace)
    version = namespace.get(name)
    if not callable(version):
        raise VisitorError(f"Your version must define the function {name}, as the code shown does "
                           f"(def {name}(...):).")
    return version


@contextlib.contextmanager
def in_place_of(original, version):
    """`version` wherever the package holds `original` (a class's method, or a function that
    other modules imported by name), until the block ends."""
    holders = [(holder, name) for module_name, module in list(sys.modules.items())
               if module_name == "digits" or module_name.startswith("digits.")
               for holder in (module, *classes_of(module))
               for name, value in list(vars(holder).items()) if value is original]
    for holder, name in holders:
        setattr(holder, name, version)
    try:
        yield
    finally:
        for holder, name in holders:
            setattr(holder, name, original)


def classes_of(module):
    return [value for value in vars(module).values()
            if isinstance(value, type) and value.__module__ == module.__name__]


@contextlib.contextmanager
def told_where():
    """An exception raised while the visitor's version runs, as a sentence with the line it
    came from: theirs if the error is in their code, else what the layers after it made of it."""
    try:
        yield
    except VisitorError:
        raise
    except (Exception, SystemExit) as error:       # the visitor's code may raise anything, exit() too
        ours = [frame.lineno for frame in traceback.extract_tb(error.__traceback__) if frame.filename == YOURS]
        what = f"{type(error).__name__}: {str(error)[:200]}" if str(error) else type(error).__name__
        if ours:
            raise VisitorError(f"Line {ours[-1]} of your version stopped with {what}.") from None
        raise VisitorError(f"Your version ran, but what it gave could not be used further on ({what}).") from None


# Ready-made changes, each with what it teaches: the page offers them beside the editor.
EXPERIMENTS = [
    {"part": "ReLU", "title": "ReLU that lets everything through",
     "lesson": "With no bend, every layer is a straight-line (linear) map of the one below, and a stack of "
               "linear maps is just one linear map: the depth is gone. Watch the answer and the maps change.",
     "text": 'def forward(self, x, train=False):\n'
             '    active = np.ones(x.shape, dtype=bool)    # every value passes, negative ones too\n'
             '    return x * active, active\n'},
    {"part": "MaxPool2D", "title": "Average pooling instead of max",
     "lesson": "Max-pooling keeps the strongest response in each 2×2 block; averaging blurs it with its "
               "neighbours. The network learned with max, so averaging usually makes it less sure.",
     "text": 'def forward(self, x, train=False):\n'
             '    corners = quadrants(x)\n'
             '    out = (corners[0] + corners[1] + corners[2] + corners[3]) / 4    # the mean, not the max\n'
             '    return out, (x, out)\n'},
    {"part": "Softmax", "title": "Softmax without taking the largest score away",
     "lesson": "Adding the same number to all ten scores changes no probability: the e^(+100) on top and "
               "below cancel. But e^z grows so fast that past z ≈ 89 a float32 cannot hold it. Without "
               "subtracting the largest score first, e^z overflows and the probabilities are no longer numbers.",
     "text": 'def softmax(logits):\n'
             '    logits = logits + 100                 # the same scores, all 100 larger: no probability changes\n'
             '    e = np.exp(logits)                    # but with no max(z) taken away, e^z overflows\n'
             '    return e / e.sum(axis=-1, keepdims=True)\n'},
    {"part": "Conv2D", "title": "A kernel typed by hand",
     "lesson": "The first layer's first filter is replaced by a 5×5 pattern written by hand: it lights up on "
               "vertical strokes. The layers after it learned to read the filter that was there, so the "
               "answer may change: a network's parts only make sense together.",
     "text": 'def forward(self, x, train=False):\n'
             '    n, height, width, _ = x.shape\n'
             '    k = self.size\n'
             '    patches = im2col(x, k)\n'
             '    W = self.params["W"].reshape(len(self.params["b"]), -1).copy()\n'
             '    if W.shape[1] == 25:                  # the first convolution: filter 0 typed by hand\n'
             '        W[0] = np.array([[-1, -1, 2, -1, -1]] * 5, dtype=np.float32).ravel() / 5\n'
             '    out = matmul(patches, W.T) + self.params["b"]\n'
             '    return out.reshape(n, height - k + 1, width - k + 1, -1), (x.shape, patches)\n'},
]
