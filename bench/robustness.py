"""Where each network stops reading: MNIST test digits under controlled changes, and pen drawings.

MNIST's test set is written like MNIST's training set. Other people write with other
pens, wider or narrower, slanted, broken, on paper that leaves specks. This bench takes
a fixed, seeded subset of MNIST's test digits, lays each on a sheet of "paper" (the
digit enlarged three times, with a margin), changes it in one controlled way at a few
strengths (py/digits/images/distort.py), and hands the sheet to the page's own preprocessing
(`to_mnist`: crop, scale to 20 px, centre the ink), as a scanned digit would be. Then:

  - the synthetic pen drawings of py/digits/images/handwriting.py: styles training draws, and
    the held-out styles of catalogue.py, with the pad's pen, a fine pen and a broad one;
  - pen trajectories: the same drawings kept as 8 points along the pen's path and
    replayed as one stroke, as the UCI pen-digits set records handwriting.

One table per model: accuracy for every change and strength, with the digit read worst.

    python3 bench/robustness.py                 # 2,000 digits, a few minutes
    python3 bench/robustness.py --quick         # 500 digits
    python3 bench/robustness.py --model cnn --model path/to/weights/folder
"""

import argparse
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "py"))

from digits.images import catalogue, distort, handwriting  # noqa: E402
from digits.images.augment import ink_extent  # noqa: E402
from digits.images.data import load_mnist  # noqa: E402
from digits.images.pixels import to_float, to_uint8  # noqa: E402
from digits.images.preprocess import resample_matrix, to_mnist  # noqa: E402
from digits.nets import models

ENLARGE = 3           # a sheet pixel is a third of an MNIST pixel
MARGIN = 10           # MNIST pixels of paper around the 28 x 28 field: room to stretch
PX = ENLARGE          # one MNIST pixel, in sheet pixels (an MNIST stroke is about 2 to 3)
CHUNK = 250           # sheets changed at a time (each is 144 x 144 floats)
CANVAS = 280          # the pad's model canvas, for position and size


def sheets(images):
    """MNIST digits (N, 28, 28) uint8 → float sheets (N, 144, 144): enlarged, ink 1, with margins."""
    padded = np.pad(to_float(images), ((0, 0), (MARGIN, MARGIN), (MARGIN, MARGIN)))
    return distort.enlarge(padded, ENLARGE)


def rotations(degrees):
    return lambda s, rng: distort.warp(s, np.stack([distort.linear_map(rotate=d) for d in
                                                    degrees * rng.choice([-1, 1], len(s))]))


def slants(slant):
    return lambda s, rng: distort.warp(s, np.stack([distort.linear_map(slant=k) for k in
                                                    slant * rng.choice([-1, 1], len(s))]))


def aspect(factor):
    """x scaled by √factor and y by 1/√factor: the same area, `factor` times wider."""
    return lambda s, rng: distort.warp(s, distort.linear_map(scale_x=np.sqrt(factor), scale_y=1 / np.sqrt(factor)))


def fill_the_box(s, rng):
    """Each digit stretched along its shorter side until its box is square (a 1 as wide as tall)."""
    height, width = (np.maximum(extent, 1) for extent in ink_extent(s))
    matrices = np.stack([distort.linear_map(scale_x=max(h / w, 1), scale_y=max(w / h, 1))
                         for h, w in zip(height, width)])
    return distort.warp(s, matrices)


def speckled(density):
    """Salt and pepper specks the size of an MNIST pixel, within the digit's box (a cropped scan)."""
    def change(s, rng):
        rows, cols = (s > 0.1).any(axis=2), (s > 0.1).any(axis=1)
        box = rows[:, :, None] & cols[:, None, :]
        return np.where(box, distort.speckle(s, rng, density, speck=PX), s)
    return change


# (change, strength, function of (sheets, rng)): the same seeded draws for every model.
CHANGES = [
    ("none", "", lambda s, rng: s),
    ("binary ink", "threshold ½", lambda s, rng: distort.binarize(s)),
    ("thinner pen", "−⅓ px", lambda s, rng: distort.erode(distort.binarize(s), 1)),
    ("thinner pen", "−⅔ px", lambda s, rng: distort.erode(distort.binarize(s), 2)),
    ("bolder pen", "+1 px", lambda s, rng: distort.dilate(distort.binarize(s), 3)),
    ("bolder pen", "+2 px", lambda s, rng: distort.dilate(distort.binarize(s), 6)),
    ("bolder pen", "+3 px", lambda s, rng: distort.dilate(distort.binarize(s), 9)),
    ("aspect", "×0.5 (squeezed)", aspect(0.5)),
    ("aspect", "×0.7", aspect(0.7)),
    ("aspect", "×1.4", aspect(1.4)),
    ("aspect", "×2 (stretched)", aspect(2.0)),
    ("aspect", "fills the box", fill_the_box),
    ("slant", "±0.3 (17°)", slants(0.3)),
    ("slant", "±0.6 (31°)", slants(0.6)),
    ("rotation", "±15°", rotations(15)),
    ("rotation", "±30°", rotations(30)),
    ("elastic", "1.5 px, σ 4", lambda s, rng: distort.elastic(s, rng, 1.5 * PX, 4 * PX)),
    ("elastic", "2.5 px, σ 4", lambda s, rng: distort.elastic(s, rng, 2.5 * PX, 4 * PX)),
    ("broken strokes", "2 gaps", lambda s, rng: distort.cut_gaps(s, rng, 2, 1.5 * PX)),
    ("broken strokes", "4 gaps", lambda s, rng: distort.cut_gaps(s, rng, 4, 1.5 * PX)),
    ("speckle", "5%", speckled(0.05)),
    ("speckle", "10%", speckled(0.1)),
]

SIZES = [("size", f"{size} px of {CANVAS}", size) for size in (240, 56, 28)]   # the digit's field side
PENS = [("pad's pen", None), ("fine pen", 0.02), ("broad pen", 0.16)]


def changed_images(images, changes, seed):
    """For each change, the 28 x 28 images to_mnist makes of the changed sheets (uint8, MNIST convention)."""
    out = {}
    for index, (change, strength, function) in enumerate(changes):
        rng = np.random.default_rng([seed, index])
        pictures = []
        for start in range(0, len(images), CHUNK):
            for sheet in function(sheets(images[start:start + CHUNK]), rng):
                pictures.append(as_uint8(to_mnist(sheet)))
        out[change, strength] = np.stack(pictures)
    return out


def placed_images(images, seed):
    """The sheets drawn at several sizes, anywhere on the pad's canvas, then preprocessed."""
    out = {}
    for index, (change, strength, side) in enumerate(SIZES):
        rng = np.random.default_rng([seed, 100 + index])
        pictures = []
        for start in range(0, len(images), CHUNK):
            for sheet in sheets(images[start:start + CHUNK]):
                shrink = resample_matrix(len(sheet), side)
                canvas = np.zeros((CANVAS, CANVAS))
                top, left = rng.integers(0, CANVAS - side + 1, 2)
                canvas[top:top + side, left:left + side] = shrink @ sheet @ shrink.T
                pictures.append(as_uint8(to_mnist(canvas)))
        out[change, strength] = np.stack(pictures)
    return out


def as_uint8(image):
    """A preprocessed image in MNIST's convention; an empty page (nothing left to read) as blank."""
    return np.zeros((28, 28), np.uint8) if image is None else to_uint8(image)


def drawn_images(per_style, seed):
    """(change, strength) → (images, digits) for pen drawings and their pen trajectories."""
    out = {}
    for name, styles in (("drawings", catalogue.TRAINING_STYLES), ("held-out styles", catalogue.HELD_OUT_STYLES)):
        drawings = list(handwriting.samples(per_style, seed=seed, styles=styles))
        digits = np.array([digit for digit, _, _ in drawings])
        for pen_name, pen in PENS:
            out[name, pen_name] = (to_uint8(handwriting.as_mnist(drawings, pen)), digits)
        paths = [(digit, style, handwriting.trajectory(strokes)) for digit, style, strokes in drawings]
        out["trajectories", f"8 points, {name}"] = (to_uint8(handwriting.as_mnist(paths)), digits)
    return out


def table(network, rows):
    """Print one line per (change, strength): accuracy and the digit read worst."""
    print(f"\n{network.name}")
    print(f"  {'change':16}{'strength':22}{'accuracy':>9}   worst digit")
    weakest = []
    for (change, strength), (images, digits) in rows.items():
        read = network.predict(to_float(images)).argmax(axis=1)
        right = read == digits
        per_digit = {d: right[digits == d].mean() for d in np.unique(digits)}
        worst = min(per_digit, key=per_digit.get)
        taken = np.bincount(read[(digits == worst) & ~right], minlength=10)
        mistaken = f" (as {taken.argmax()})" if taken.any() else ""
        print(f"  {change:16}{strength:22}{right.mean():9.1%}   {worst}: {per_digit[worst]:.0%}{mistaken}")
        weakest.append((right.mean(), f"{change} {strength}".strip()))
    print("  weakest: " + "; ".join(f"{name} {score:.1%}" for score, name in sorted(weakest)[:4]))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="500 digits and fewer drawings (about a minute)")
    parser.add_argument("--digits", type=int, help="how many MNIST test digits (default 2,000)")
    parser.add_argument("--model", action="append", help="a model name or weights folder (default: all three)")
    parser.add_argument("--seed", type=int, default=14)
    args = parser.parse_args(argv)
    count = args.digits or (500 if args.quick else 2000)
    per_style = 10 if args.quick else 30

    test_images, test_labels = load_mnist("test")
    subset = np.random.default_rng(args.seed).choice(len(test_images), count, replace=False)
    images, digits = test_images[subset], test_labels[subset].astype(np.intp)
    print(f"{count:,} MNIST test digits (seed {args.seed}), each changed on a sheet and then preprocessed "
          f"as the page does; {per_style} drawings of every style of handwriting.py")
    rows = {("MNIST as it is", "no preprocessing"): (images, digits)}
    rows.update({key: (pictures, digits) for key, pictures in changed_images(images, CHANGES, args.seed).items()})
    rows.update({key: (pictures, digits) for key, pictures in placed_images(images, args.seed).items()})
    rows.update(drawn_images(per_style, args.seed))
    for name in args.model or list(models.ARCHITECTURES):
        table(models.load(name), rows)


if __name__ == "__main__":
    main()
