"""Where a digit lands: test digits placed on a flat map by what the network's last hidden layer makes of them.

The last hidden layer is what the final dense layer reads to give its ten scores: 256
numbers per digit for the cnn, 64 for the mlp, 30 for nielsen. Digits the network finds
alike are close in that space. To draw it flat, principal component analysis (PCA) keeps
the two directions along which the test digits spread the most:

    h = features(x)                  the last hidden layer for digit x
    μ = mean of h over the test digits
    C = (1/N) Σ (h − μ)(h − μ)ᵀ      how the features vary together
    u₁, u₂ = the eigenvectors of C with the two largest eigenvalues
    place(x) = ((h − μ)·u₁, (h − μ)·u₂)

PCA is linear and keeps large distances, so clusters the network separates well may
still overlap on the flat map; the `spread` it reports says how much of the features'
variance the two directions keep.

    digit_map = DigitMap(model, images, labels, name)
    digit_map.run(seconds=0.1)       # a slice of the features, then how far it is (digits placed, done or not)
    digit_map.points()               # once done: every test digit's (x, y) and label
    digit_map.place(image)           # the visitor's digit on the same map, and its nearest test digit
"""

import numpy as np

from ..errors import VisitorError
from ..images.pixels import to_float
from ..nets import layers as L
from ..nets.slices import run_slice

BATCH = 50              # digits per network call: the grain of a slice


def last_dense(model):
    """The index of the network's last dense layer, whose input is the last hidden layer."""
    dense = [index for index, layer in enumerate(model.layers) if isinstance(layer, L.Dense)]
    if not dense:
        raise VisitorError(f"The {model.name} network has no dense layer to read its last hidden layer from.")
    return dense[-1]


def features(model, images):
    """The last hidden layer for each image: the input of the last dense layer, (N, features)."""
    x = np.asarray(images, dtype=np.float32).reshape((len(images),) + model.input_shape)
    for layer in model.layers[:last_dense(model)]:
        x, _ = layer.forward(x)
    return x.reshape(len(x), -1)


def principal_directions(h):
    """The mean of the rows of h, and the two directions of largest variance (features, 2)."""
    mean = h.mean(axis=0)
    centred = (h - mean).astype(np.float64)
    covariance = centred.T @ centred / len(h)
    eigenvalues, eigenvectors = np.linalg.eigh(covariance)       # ascending
    directions = eigenvectors[:, ::-1][:, :2]
    # An eigenvector's sign is arbitrary: fix it so the map does not flip from one run to the next.
    directions *= np.sign(directions[np.abs(directions).argmax(axis=0), [0, 1]])
    kept = float(eigenvalues[::-1][:2].sum() / max(eigenvalues.sum(), 1e-12))
    return mean, directions, kept


class DigitMap:
    """The test digits' places on the map, computed a slice at a time."""

    def __init__(self, model, images, labels, name=None, batch=BATCH):
        self.model = model
        self.name = name or model.name       # the network's name in the session
        self.images = images
        self.labels = np.asarray(labels, dtype=np.int64)
        self.batch = batch
        self.placed = 0
        self.hidden = None                 # (N, features), filled slice by slice
        self.mean = self.directions = self.xy = None
        self.spread = None

    @property
    def total(self):
        return len(self.labels)

    @property
    def done(self):
        return self.xy is not None

    def run(self, seconds):
        """Compute the next digits' features until `seconds` have passed (at least one batch);
        with the last, the map itself. Returns progress()."""
        run_slice(self.read_batch, lambda: self.placed == self.total, seconds)
        if self.placed == self.total and self.xy is None:
            self.mean, self.directions, self.spread = principal_directions(self.hidden)
            self.xy = self.project(self.hidden)
        return self.progress()

    def read_batch(self):
        """The next batch of digits' features."""
        end = min(self.total, self.placed + self.batch)
        h = features(self.model, to_float(self.images[self.placed:end]))
        if self.hidden is None:
            self.hidden = np.empty((self.total, h.shape[1]), np.float32)
        self.hidden[self.placed:end] = h
        self.placed = end

    def progress(self):
        return {"placed": self.placed, "total": self.total, "done": self.done}

    def project(self, h):
        return ((h - self.mean) @ self.directions).astype(np.float32)

    def points(self):
        """Every test digit's place (x and y, arrays of float32) and label, and the map's spread."""
        return {"x": self.xy[:, 0], "y": self.xy[:, 1], "labels": self.labels, "spread": self.spread}

    def place(self, image):
        """One image's place on the map (x, y), and the test digit nearest to it there, its index and label
        (the page's type is digits.page.why.MapPlace)."""
        if not self.done:
            raise VisitorError("The map of test digits is not finished yet.")
        x, y = self.project(features(self.model, np.asarray(image, np.float32).reshape(1, 28, 28)))[0]
        nearest = int(np.argmin((self.xy[:, 0] - x) ** 2 + (self.xy[:, 1] - y) ** 2))
        return {"x": float(x), "y": float(y), "nearest": nearest, "nearest_label": int(self.labels[nearest])}
