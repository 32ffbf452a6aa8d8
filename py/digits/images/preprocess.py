"""From a drawing to the 28x28 image a network trained on MNIST expects.

MNIST digits were prepared in a particular way, and a drawing must be prepared
the same way to be read well:
  1. crop to the bounding box of the ink;
  2. scale so the longer side is 20 pixels, keeping the aspect ratio, with
     anti-aliasing (each small pixel averages the big pixels it covers);
  3. place in a 28x28 field so that the centre of mass of the ink sits at the centre.
Values run from 0 (background) to 1 (ink).
"""

import numpy as np

from .pixels import to_float

SIZE = 28        # the field
BOX = 20         # the longer side of the digit inside it
INK = 0.1        # a pixel counts as ink above this value (on a 0..1 scale)


def to_mnist(bitmap):
    """Return the float32 (28, 28) MNIST-style image of `bitmap`, or None if nothing is drawn.

    `bitmap`: a 2-D array of any size with ink high — a canvas's alpha channel
    (uint8 0..255) or grayscale floats in 0..1. NaN counts as background.
    """
    ink = as_unit_floats(bitmap)
    rows = np.flatnonzero((ink > INK).any(axis=1))
    cols = np.flatnonzero((ink > INK).any(axis=0))
    if len(rows) == 0:
        return None
    digit = ink[rows[0]:rows[-1] + 1, cols[0]:cols[-1] + 1]

    scale = BOX / max(digit.shape)
    height = max(1, round(digit.shape[0] * scale))
    width = max(1, round(digit.shape[1] * scale))
    small = resample_matrix(digit.shape[0], height) @ digit @ resample_matrix(digit.shape[1], width).T

    top, left = centre_of_mass_offset(small)
    image = np.zeros((SIZE, SIZE), dtype=np.float32)
    image[top:top + height, left:left + width] = small
    peak = image.max()
    if peak > 0:
        image /= peak       # a faint or thin drawing still gets full-strength ink
    return np.clip(image, 0, 1)


def as_unit_floats(bitmap):
    """Any 2-D bitmap (uint8 0..255 or floats 0..1) as float64 in [0, 1], NaN as 0."""
    array = np.asarray(bitmap)
    if array.ndim != 2:
        raise ValueError(f"a bitmap must be 2-D (height, width), got shape {array.shape}")
    if array.dtype == np.uint8:
        return to_float(array, np.float64)
    return np.clip(np.nan_to_num(array.astype(np.float64), nan=0.0, posinf=1.0, neginf=0.0), 0, 1)


def resample_matrix(source, target):
    """The (target, source) matrix that resizes a line of `source` pixels to `target` pixels.

    Each target pixel is a weighted average of the source pixels under a tent
    (triangle) filter centred on it. When shrinking, the tent is widened to cover
    every source pixel the target pixel spans, which is what anti-aliasing means;
    when enlarging, it is plain linear interpolation.
    """
    ratio = source / target
    support = max(1.0, ratio)
    centres = (np.arange(target) + 0.5) * ratio - 0.5          # in source coordinates
    distance = np.abs(np.arange(source)[None, :] - centres[:, None]) / support
    weights = np.maximum(0.0, 1.0 - distance)
    empty = weights.sum(axis=1) == 0
    weights[empty, np.clip(np.round(centres[empty]).astype(int), 0, source - 1)] = 1.0
    return weights / weights.sum(axis=1, keepdims=True)


def centre_of_mass_offset(small):
    """Where to put the top-left corner of `small` so its centre of mass lands at the centre.

    Whole pixels only (as MNIST did), and never so far that the digit leaves the field.
    """
    mass = small.sum()
    rows, cols = np.indices(small.shape)
    com_row = (rows * small).sum() / mass
    com_col = (cols * small).sum() / mass
    centre = (SIZE - 1) / 2
    top = int(np.clip(np.round(centre - com_row), 0, SIZE - small.shape[0]))
    left = int(np.clip(np.round(centre - com_col), 0, SIZE - small.shape[1]))
    return top, left
