"""MNIST's pixels, as bytes and as the floats a network reads.

MNIST stores a pixel as a byte: 0 is background, 255 full ink. The networks read floats
from 0 to 1. Every conversion between the two goes through these two functions, so the
scale is written once.
"""

import numpy as np


def to_float(images, dtype=np.float32):
    """uint8 pixels (0 background, 255 ink) → floats in [0, 1]: x / 255.

    float32 by default, what the networks compute in; the preprocessing reads a canvas
    in float64 (preprocess.to_mnist)."""
    return np.asarray(images).astype(dtype) / 255.0


def to_uint8(images):
    """Floats in [0, 1] → uint8 pixels: round(255 · x), anything outside [0, 1] clipped to it first."""
    return np.round(np.clip(images, 0, 1) * 255).astype(np.uint8)
