"""Poke the network: change the visitor's digit a little at a time and watch the answer.

Each probe makes one kind of change at a series of strengths (turn the digit by −90° to
90°, make its strokes finer or bolder, move it, squeeze it, add noise, rub out some ink)
and reads every changed digit in ONE batch through the network:

    probe(model, image, "rotate", [-30, -15, 0, 15, 30])
      → the five turned images, and the ten probabilities, the digit and the confidence for each

Strength 0 is always the image itself, bit for bit, so its answer is the plain answer
(the same digit, and the same probabilities up to float32 rounding: a batch's matrix
products may add their terms in another order than a single image's).

The probes change the 28x28 image the network reads, after preprocessing, not the
drawing before it. Three reasons:
  - some changes only mean something there: preprocessing re-centres every drawing, so a
    shifted drawing would come back unshifted; noise sprinkled over the canvas would make
    the whole canvas the digit's bounding box; ink rubbed out pixel by pixel on the
    280x280 canvas is averaged away when it shrinks ten times;
  - the visitor sees exactly what changed, in the same 28x28 picture as the bars' input;
  - it is quicker: for 13 rotations of a drawn 7 read by the cnn, changing the 280x280
    canvas and preprocessing each copy took about 49 ms in CPython (one thread), changing
    the 28x28 image about 4 ms, three quarters of it the network; Pyodide is 2 to 5
    times slower, and the canvas way would have kept a slider waiting.
The changes themselves are the ones the training augmentation uses (distort.py); the
rotation, shift and squeeze turn about the image's centre, where preprocessing puts
the digit's centre of mass.
"""

import numpy as np

from ..errors import VisitorError
from ..images import distort
from ..images.preprocess import to_mnist

MAX_STRENGTHS = 64

# Each change takes N copies of the image (N, 28, 28), N strengths and a random generator
# (for the probes that need chance), and gives the N changed images.


def rotated(images, degrees, rng):
    """Each image turned by its angle, clockwise for positive degrees, about the centre."""
    return distort.warp(images, np.stack([distort.linear_map(rotate=d) for d in degrees]))


def thicker(images, pixels, rng):
    """Strokes `pixels` broader on each side, finer when negative (fractions included)."""
    return distort.pen(images, pixels)


def shifted_right(images, pixels, rng):
    """The digit moved `pixels` to the right (left when negative), read bilinearly."""
    return distort.warp(images, np.eye(2), np.stack([(0.0, p) for p in pixels]))


def shifted_down(images, pixels, rng):
    """The digit moved `pixels` down (up when negative), read bilinearly."""
    return distort.warp(images, np.eye(2), np.stack([(p, 0.0) for p in pixels]))


def stretched(images, amounts, rng):
    """The digit's width times (1 + amount) about the centre: squeezed below 0, stretched above."""
    return distort.warp(images, np.stack([distort.linear_map(scale_x=1 + s) for s in amounts]))


def noisy(images, amounts, rng):
    """image + amount · noise, kept within 0..1: one field of standard normal noise, the same
    for every strength, so that a stronger probe adds more of the same noise."""
    noise = rng.standard_normal(images.shape[1:]).astype(np.float32)
    scale = np.asarray(amounts, dtype=np.float32)[:, None, None]
    return np.clip(images + scale * noise, 0, 1)


def erased(images, fractions, rng):
    """That fraction of the ink pixels rubbed out (set to 0). The pixels go in one random
    order, the same for every strength, so a larger fraction erases what a smaller one did
    and more."""
    out = images.copy()
    ink = np.flatnonzero(images[0] > 0)
    order = rng.permutation(ink)
    for image, fraction in zip(out.reshape(len(out), -1), fractions):
        image[order[:int(round(fraction * len(order)))]] = 0
    return out


# name: (change, unit, the strengths the page's slider offers, the strengths allowed)
PROBES = {
    "rotate": (rotated, "degrees", np.arange(-90, 91, 15), (-180, 180)),
    "thickness": (thicker, "pixels", np.arange(-1.5, 1.51, 0.25), (-3, 3)),
    "shift_x": (shifted_right, "pixels", np.arange(-6, 7, 1), (-14, 14)),
    "shift_y": (shifted_down, "pixels", np.arange(-6, 7, 1), (-14, 14)),
    "stretch": (stretched, "width factor − 1", np.arange(-0.6, 0.61, 0.1), (-0.9, 2)),
    "noise": (noisy, "noise strength", np.arange(0, 0.61, 0.05), (0, 1)),
    "erase": (erased, "fraction of the ink", np.arange(0, 0.61, 0.05), (0, 1)),
}


def strengths_of(name, strengths=None):
    """The strengths asked for, checked, or the probe's default series (13 values)."""
    if name not in PROBES:
        raise VisitorError(f"There is no probe '{name}'; the probes are {', '.join(PROBES)}.")
    _, unit, default, (low, high) = PROBES[name]
    if strengths is None:
        return [round(float(s), 6) for s in default]
    values = np.asarray(strengths, dtype=np.float64).ravel()
    if not 1 <= len(values) <= MAX_STRENGTHS:
        raise VisitorError(f"A probe takes 1 to {MAX_STRENGTHS} strengths, not {len(values)}.")
    if not np.isfinite(values).all() or values.min() < low or values.max() > high:
        raise VisitorError(f"The strengths of '{name}' must be numbers from {low:g} to {high:g} ({unit}).")
    return values.tolist()


def probe(model, image, name, strengths=None, seed=0):
    """The 28x28 `image` changed by probe `name` at each strength, and what the network reads.

    Answer: the probe, its unit and strengths, the changed images (N, 28, 28) float32, and
    for each the ten probabilities, the digit read and its probability (the page's type is
    digits.page.inside.ProbeReading). `seed` fixes the noise and the order in which ink is
    erased.
    """
    strengths = strengths_of(name, strengths)
    change, unit = PROBES[name][:2]
    image = np.asarray(image, dtype=np.float32).reshape(28, 28)
    copies = np.repeat(image[None], len(strengths), axis=0)
    images = change(copies, strengths, np.random.default_rng(seed)).astype(np.float32)
    probabilities = model.predict(images)
    return {"probe": name, "unit": unit, "strengths": strengths,
            "images": images,
            "probabilities": probabilities.tolist(),
            "digits": probabilities.argmax(axis=1).tolist(),
            "confidence": probabilities.max(axis=1).tolist()}


def probe_drawing(model, bitmap, name, strengths=None, seed=0):
    """`probe` on a drawing (2-D bitmap, ink high), preprocessed as for the bars;
    {"empty": True} when nothing is drawn."""
    image = to_mnist(bitmap)
    if image is None:
        return {"empty": True}
    return {"empty": False, **probe(model, image, name, strengths, seed)}
