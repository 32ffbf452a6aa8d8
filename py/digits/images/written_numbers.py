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

PAD_WIDTH = 4.0              # the pad's width over its height, as the page's number pad on a desktop
DIGIT_HEIGHT = (0.5, 0.75)   # each digit's height, of the pad's
FILLS = 0.94                 # a number fills at most this share of the pad's width


def write_number(digits, gap, rng, styles=catalogue.styles_of, pad_width=PAD_WIDTH):
    """The strokes of `digits` (a string), one list of strokes per digit, written with `gap` (of
    the digits' height) between neighbours' ink, centred on a pad `pad_width` wide; each digit
    in a random style of `styles(digit)` (the training styles, unless given)."""
    drawings = []
    for digit in digits:
        choices = styles(int(digit))
        drawings.append(write(choices[rng.integers(len(choices))], rng))
    return lay_out(drawings, gap, rng.uniform(*DIGIT_HEIGHT), rng, pad_width)


def lay_out(drawings, gap, height, rng=None, pad_width=PAD_WIDTH):
    """Drawings (each a list of strokes, in any units) scaled to `height`, left to right with `gap`
    (of the height) between their ink, centred on the pad; a random writer (`rng`) varies each
    digit's size and height on the line a little."""
    placed_all, x = [], 0.0
    for strokes in drawings:
        left, top, right, bottom = ink_box(strokes)
        size = height * (rng.uniform(0.9, 1.1) if rng is not None else 1.0)
        scale = size / (bottom - top - PEN_WIDTH)
        lift = rng.normal(0, 0.03) if rng is not None else 0.0
        placed = [(np.asarray(s, dtype=float) - [left + PEN_WIDTH / 2, top + PEN_WIDTH / 2]) * scale
                  + [x + PEN_WIDTH / 2, lift] for s in strokes]             # its ink starts at x
        placed_all.append(placed)
        x = ink_box(placed)[2] + gap * height
    left, top, right, bottom = ink_box([s for placed in placed_all for s in placed])
    fit = min(1.0, FILLS * pad_width / (right - left))          # a long number is written smaller
    corner = np.array([left, top])
    offset = np.array([pad_width - (right - left) * fit, 1 - (bottom - top) * fit]) / 2
    return [[(s - corner) * fit + offset for s in placed] for placed in placed_all]
