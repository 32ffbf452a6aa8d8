"""How well each network reads digits drawn the way visitors draw them (synthetic, in CPython).

py/digits/images/handwriting.py draws every style of every digit with a random hand and paints
it as the pad paints its model canvas; the page's preprocessing and the shipped weights
do the rest. Two sizes of drawing, each painted with the pad's pen (thinner for a small
digit) and, to show what that buys, with one fixed pen:

  big:   the digit fills 45 to 90% of the pad, as most people draw
  small: 20 to 40% of the pad, where a fixed pen gives strokes far bolder than MNIST's

It prints the share read right per model and the styles each model reads worst. Every
network is trained with other random drawings of these same styles (Recipe.handwriting),
so these are not the scores of an unseen test: bench/styles.py reads the styles training
never draws. Last, where a 1 whose flag grows starts to be read as a 7, and where a 7
whose bar rises stops being one. This is not real handwriting: it shows where the
networks are weak, not how everyone writes.
Run it with 'python3 build.py bench'.
"""

import collections
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "py"))

from digits.images import handwriting  # noqa: E402
from digits.nets import models

PER_STYLE = 20
SIZES = {"big": handwriting.SIZE_RANGE, "small": (0.2, 0.4)}
PENS = {"pad's pen": None, "fixed pen": handwriting.PEN_WIDTH}


def main():
    networks = {name: models.load(name) for name in models.ARCHITECTURES}
    for size, size_range in SIZES.items():
        drawings = list(handwriting.samples(PER_STYLE, seed=7, size_range=size_range))
        print(f"\n{size} drawings ({len(drawings)}: {PER_STYLE} of each of {count_styles(drawings)} styles, "
              f"{size_range[0]:.0%}-{size_range[1]:.0%} of the pad)")
        for pen_name, pen in PENS.items():
            report(networks, drawings, pen_name, pen)
    one_or_seven(networks)


def count_styles(drawings):
    return len({(digit, style) for digit, style, _ in drawings})


def report(networks, drawings, pen_name, pen=None):
    """One line per network: the share of `drawings` read right, and the styles read worst."""
    images = handwriting.as_mnist(drawings, pen)
    digits = np.array([digit for digit, _, _ in drawings])
    styles = [f"{digit} {style}" for digit, style, _ in drawings]
    for name, network in networks.items():
        read = network.predict(images).argmax(axis=1)
        print(f"  {pen_name:10} {name:8} {np.mean(read == digits):6.1%} read right   "
              f"worst: {worst_styles(styles, digits, read)}")


FLAG_LENGTHS = (0.15, 0.25, 0.35, 0.45)      # of the 1's height
FLAG_ANGLES = (10, 20, 30, 40, 50, 60)       # degrees below the horizontal
BAR_ANGLES = (-10, 0, 10, 20, 30)            # degrees above the horizontal
PER_SHAPE = 30


def one_or_seven(networks):
    """A 1 is a stem with a flag sloping down from its top; a 7 a stem under a bar.
    Where does one become the other? Each cell: 30 random hands, the share read right."""
    names = " / ".join(networks)
    print(f"\n1s with a flag: read as 1 ({names})")
    print("flag length  " + "".join(f"{angle:>19}°" for angle in FLAG_ANGLES))
    for length in FLAG_LENGTHS:
        cells = [read_as(networks, 1, flag_and_stem(length, angle)) for angle in FLAG_ANGLES]
        print(f"{length:>11.0%}  " + "".join(f"{cell:>20}" for cell in cells))
    print(f"7s whose bar rises to the right: read as 7 ({names})")
    print("bar angle    " + "".join(f"{angle:>19}°" for angle in BAR_ANGLES))
    cells = [read_as(networks, 7, bar_and_stem(angle)) for angle in BAR_ANGLES]
    print(" " * 13 + "".join(f"{cell:>20}" for cell in cells))


def flag_and_stem(length, angle):
    """A 1 whose flag is `length` of the stem long and `angle` degrees steep."""
    top, foot = np.array([0.55, 0.15]), np.array([0.55, 0.85])
    return [top + length * (foot - top)[1] * direction(180 + angle), top, foot]


def bar_and_stem(angle):
    """A 7 whose bar rises `angle` degrees from its left end to the stem."""
    corner = np.array([0.73, 0.18])
    return [corner - 0.46 * direction(angle), corner, np.array([0.42, 0.85])]


def direction(degrees):
    """The unit vector at `degrees` from pointing right, counter-clockwise as seen on the pad (y points down)."""
    return np.array([np.cos(np.radians(degrees)), -np.sin(np.radians(degrees))])


def read_as(networks, digit, stroke, seed=1):
    rng = np.random.default_rng(seed)
    drawings = [(digit, "probe", handwriting.draw([stroke], rng)) for _ in range(PER_SHAPE)]
    images = handwriting.as_mnist(drawings)
    return " / ".join(f"{np.mean(network.predict(images).argmax(axis=1) == digit):.0%}"
                      for network in networks.values())


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
