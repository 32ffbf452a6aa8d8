"""Numbers written by synthetic writers on a wide pad: to measure how well a number is cut and read.

Each digit is a random writer's drawing of one of its styles (handwriting.write), scaled
to a height that wobbles a little around the number's, and laid left to right with a
gap between the ink of neighbours: wide, close, touching, or overlapping when the gap is
negative. The strokes come out as the number pad sends them, in units of its height,
digit after digit in the order they were written.
"""

import numpy as np

from . import catalogue
from .handwriting import PEN_WIDTH, write
from .stroke_groups import ink_box

PAD_WIDTH = 4.0          # the pad's width over its height, as the page's number pad
DIGIT_HEIGHT = (0.5, 0.75)   # each digit's height, of the pad's


def write_number(digits, gap, rng, styles=None, pad_width=PAD_WIDTH):
    """The strokes of `digits` (a string) written with `gap` (of the digits' height) between
    neighbours' ink, centred on a pad `pad_width` wide; each digit in a random style of
    `styles(digit)` (catalogue.styles_of, training styles, unless given)."""
    styles = styles or catalogue.styles_of
    height = rng.uniform(*DIGIT_HEIGHT)
    written, x = [], 0.0
    for digit in digits:
        choices = styles(int(digit))
        strokes = write(choices[rng.integers(len(choices))], rng)
        left, top, right, bottom = ink_box(strokes)
        scale = height * rng.uniform(0.9, 1.1) / (bottom - top - PEN_WIDTH)
        placed = [(np.asarray(s) - [left + PEN_WIDTH / 2, top]) * scale + [x, rng.normal(0, 0.03)] for s in strokes]
        written.append(placed)
        x = ink_box(placed)[2] + gap * height
    everything = [s for placed in written for s in placed]
    left, top, right, bottom = ink_box(everything)
    shift = np.array([(pad_width - (right - left)) / 2 - left, (1 - (bottom - top)) / 2 - top])
    return [[s + shift for s in placed] for placed in written]
