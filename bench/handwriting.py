"""How well each network reads digits drawn the way visitors draw them (synthetic, in CPython).

py/digits/handwriting.py draws every style of every digit with a random hand and paints
it as the pad paints its model canvas; the page's preprocessing and the shipped weights
do the rest. Two sizes of drawing, each painted with the pad's pen (thinner for a small
digit) and, to show what that buys, with one fixed pen:

  big:   the digit fills 45 to 90% of the pad, as most people draw
  small: 20 to 40% of the pad, where a fixed pen gives strokes far bolder than MNIST's

It prints the share read right per model and the styles each model reads worst. This is
not real handwriting: it shows where the networks are weak, not how everyone writes.
Run it with 'python3 build.py bench'.
"""

import collections
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "py"))

from digits import handwriting, models  # noqa: E402

PER_STYLE = 40
SIZES = {"big": handwriting.SIZE_RANGE, "small": (0.2, 0.4)}
PENS = {"pad's pen": None, "fixed pen": handwriting.PEN_WIDTH}


def main():
    networks = {name: models.load(name) for name in models.ARCHITECTURES}
    for size, size_range in SIZES.items():
        drawings = list(handwriting.samples(PER_STYLE, seed=7, size_range=size_range))
        digits = np.array([digit for digit, _, _ in drawings])
        styles = [f"{digit} {style}" for digit, style, _ in drawings]
        print(f"\n{size} drawings ({len(drawings)}: {PER_STYLE} of each of "
              f"{len(set(styles))} styles, {size_range[0]:.0%}-{size_range[1]:.0%} of the pad)")
        for pen_name, pen in PENS.items():
            images = handwriting.as_mnist(drawings, pen)
            for name, network in networks.items():
                read = network.predict(images).argmax(axis=1)
                print(f"  {pen_name:10} {name:8} {np.mean(read == digits):6.1%} read right   "
                      f"worst: {worst_styles(styles, digits, read)}")


def worst_styles(styles, digits, read, count=3):
    """The styles read right least often, with what they were taken for."""
    right = collections.defaultdict(list)
    mistaken = collections.defaultdict(collections.Counter)
    for style, digit, answer in zip(styles, digits, read):
        right[style].append(answer == digit)
        if answer != digit:
            mistaken[style][int(answer)] += 1
    worst = sorted(right, key=lambda style: np.mean(right[style]))[:count]
    return "; ".join(f"{style} {np.mean(right[style]):.0%}"
                     + (f" (as {mistaken[style].most_common(1)[0][0]})" if mistaken[style] else "")
                     for style in worst)


if __name__ == "__main__":
    main()
