"""The networks a visitor trains in the page, built from the settings they chose.

Two kinds: a dense one (Nielsen's 784-h-10, sigmoid or ReLU) and a small convolutional one
(two convolutions of 5x5 filters, each followed by ReLU and a 2x2 max-pool, then ten outputs,
with a dense layer before them if asked). Both are small enough to learn in a browser in a
minute or two.
"""

from . import layers as L
from . import models

KERNEL_SIZE = 5


def network(config, rng=None):
    """The network a checked configuration describes (weights at zero without an rng).

    config["network"]: "dense" (with "hidden" and "activation") or "conv" (with "filters1",
    "filters2" and "dense").
    """
    if config["network"] == "dense":
        return models.nielsen(rng, config["hidden"], config["activation"])
    return convnet(rng, config["filters1"], config["filters2"], config["dense"])


def convnet(rng, filters1, filters2, dense=0):
    """conv 5x5 (filters1) → ReLU → max-pool → conv 5x5 (filters2) → ReLU → max-pool → [dense → ReLU] → 10.

    A 28x28 digit becomes filters1 maps of 24x24, pooled to 12x12, then filters2 maps
    of 8x8, pooled to 4x4: 16·filters2 numbers for the ten outputs (or for `dense`
    hidden neurons first). The first convolution reads the image itself, whose gradient
    nothing needs (input_gradient=False saves a third of its backward pass).
    """
    k = KERNEL_SIZE
    layers = [L.Conv2D(1, filters1, k, rng, input_gradient=False), L.ReLU(), L.MaxPool2D(),
              L.Conv2D(filters1, filters2, k, rng), L.ReLU(), L.MaxPool2D(), L.Flatten()]
    features = 16 * filters2
    if dense:
        layers += [L.Dense(features, dense, rng), L.ReLU()]
        features = dense
    return models.Sequential("convnet", layers + [L.Dense(features, 10, rng)], input_shape=(28, 28, 1))
