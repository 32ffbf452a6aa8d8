"""Synthetic handwriting: digits drawn as pen strokes, the way a visitor draws them on the pad.

MNIST says how well a network reads MNIST. The page's visitors draw with a mouse
or a finger: one pen width, strokes of their own style, any size, any slant. This
module draws digits that way, so that the networks can learn from them
(`training_images`, mixed into MNIST by Recipe.handwriting) and be measured on them:

  - every digit has a few styles (a 1 with or without a flag, an open or closed 4,
    a 7 with or without a bar…), each a list of strokes in unit coordinates, and
    UNSEEN_STYLES a few more that training never draws, to measure the networks on;
  - a random hand slants, rotates, stretches, shrinks and shifts each drawing and
    makes its lines wobble a little;
  - the strokes are painted like the pad paints its model canvas, whose ink is what
    `to_mnist` reads: 280x280, anti-aliased, with a round pen PEN_WIDTH of the side
    wide, thinner for a digit drawn small (see `pen_width`).

It is not real handwriting, and a high score here does not prove the page reads
everyone; a low score on a style does show what the networks miss, and is a
style to add.
"""

import numpy as np

from .preprocess import to_mnist

# As in site/js/pad.js:
CANVAS = 280            # the side of the model canvas, in pixels
PEN_WIDTH = 0.075       # the pen, as a fraction of the side
FULL_PEN_EXTENT = 0.6   # a digit at least this tall or wide (of the side) gets the full pen
MIN_EXTENT = 0.1        # and the pen never gets thinner than for a digit this size

SIZE_RANGE = (0.45, 0.9)   # the digit's longer side, as a share of the pad: as most people draw


def arc(cx, cy, rx, ry, start, end, points=24):
    """Points along an ellipse from angle `start` to `end` (degrees, 0 = right, 90 = down)."""
    angles = np.radians(np.linspace(start, end, points))
    return list(zip(cx + rx * np.cos(angles), cy + ry * np.sin(angles)))


def line(*points):
    return list(points)


# Each style: a list of strokes, each stroke a list of (x, y) in 0..1, y downwards.
STYLES = {
    0: {"oval": [arc(0.5, 0.5, 0.25, 0.36, -90, 275)],
        "round": [arc(0.5, 0.5, 0.32, 0.34, -100, 265)]},
    1: {"stick": [line((0.5, 0.15), (0.5, 0.85))],
        "flag": [line((0.38, 0.28), (0.53, 0.15), (0.53, 0.85))],
        "long flag": [line((0.38, 0.35), (0.55, 0.15), (0.55, 0.85))],
        "flag and base": [line((0.38, 0.28), (0.53, 0.15), (0.53, 0.85)), line((0.38, 0.85), (0.68, 0.85))]},
    2: {"swan": [arc(0.5, 0.33, 0.22, 0.18, 190, 360) + line((0.68, 0.45), (0.28, 0.85), (0.75, 0.85))],
        "curly": [arc(0.5, 0.32, 0.22, 0.17, 200, 380) + line((0.623, 0.505), (0.3, 0.85), (0.75, 0.84))],
        "looped": [arc(0.5, 0.33, 0.22, 0.18, 190, 360) + line((0.68, 0.45), (0.3, 0.8))
                   + arc(0.36, 0.79, 0.07, 0.06, 150, 450) + line((0.75, 0.84))]},
    3: {"two bumps": [arc(0.47, 0.32, 0.21, 0.17, 210, 450) + arc(0.47, 0.67, 0.24, 0.18, 270, 520)],
        "flat top": [line((0.28, 0.16), (0.7, 0.16), (0.45, 0.45)) + arc(0.47, 0.66, 0.24, 0.2, 270, 520)]},
    4: {"open": [line((0.32, 0.15), (0.27, 0.55), (0.75, 0.55)), line((0.63, 0.18), (0.63, 0.86))],
        "closed": [line((0.6, 0.15), (0.25, 0.6), (0.78, 0.6)), line((0.6, 0.15), (0.6, 0.86))]},
    5: {"bar last": [line((0.33, 0.17), (0.3, 0.47)) + arc(0.48, 0.64, 0.23, 0.2, 230, 500),
                     line((0.33, 0.17), (0.72, 0.17))],
        "one stroke": [line((0.72, 0.17), (0.34, 0.17), (0.31, 0.47)) + arc(0.48, 0.64, 0.23, 0.2, 230, 500)]},
    6: {"loop": [line((0.32, 0.52)) + arc(0.7, 0.55, 0.4, 0.4, 235, 165)
                 + arc(0.5, 0.66, 0.2, 0.18, 180, 540)],
        "straight": [line((0.6, 0.15), (0.32, 0.62)) + arc(0.5, 0.66, 0.19, 0.18, 190, 550)]},
    7: {"plain": [line((0.27, 0.18), (0.73, 0.18), (0.42, 0.85))],
        "barred": [line((0.27, 0.18), (0.73, 0.18), (0.42, 0.85)), line((0.38, 0.52), (0.66, 0.52))],
        "hooked": [line((0.27, 0.27), (0.28, 0.18), (0.73, 0.18), (0.42, 0.85))]},
    8: {"snowman": [arc(0.5, 0.31, 0.17, 0.16, 90, 450), arc(0.5, 0.67, 0.22, 0.18, -90, 270)],
        "one stroke": [arc(0.5, 0.31, 0.18, 0.16, 20, 270)[::-1] + arc(0.5, 0.67, 0.22, 0.18, -90, 270)
                       + arc(0.5, 0.31, 0.18, 0.16, 20, 90)[::-1]]},
    9: {"straight tail": [arc(0.47, 0.33, 0.2, 0.18, 0, 360), line((0.67, 0.33), (0.64, 0.86))],
        "curved tail": [arc(0.47, 0.33, 0.2, 0.18, 0, 360) + arc(0.35, 0.4, 0.32, 0.46, 0, 90)]},
}


# Styles kept out of training (Recipe.handwriting draws only STYLES), to measure the networks on
# drawings unlike any they learned from.
UNSEEN_STYLES = {
    0: {"slashed": [arc(0.5, 0.5, 0.25, 0.36, -90, 275), line((0.7, 0.2), (0.3, 0.8))]},
    1: {"serif foot": [line((0.5, 0.15), (0.5, 0.85)), line((0.38, 0.85), (0.62, 0.85))]},
    2: {"Z": [line((0.28, 0.18), (0.72, 0.18), (0.28, 0.85), (0.75, 0.85))]},
    4: {"wide open": [line((0.3, 0.15), (0.22, 0.6), (0.8, 0.6)), line((0.62, 0.3), (0.62, 0.9))],
        "one stroke": [line((0.55, 0.15), (0.25, 0.6), (0.78, 0.6), (0.62, 0.3), (0.62, 0.9))]},
    5: {"round top": [line((0.7, 0.17), (0.35, 0.2), (0.32, 0.47)) + arc(0.5, 0.65, 0.22, 0.2, 230, 490)]},
    6: {"small loop": [arc(0.72, 0.6, 0.42, 0.45, 235, 175) + arc(0.47, 0.72, 0.14, 0.12, 180, 540)]},
    7: {"rising bar": [line((0.27, 0.32), (0.73, 0.15), (0.45, 0.85))],
        "rising, barred": [line((0.27, 0.3), (0.73, 0.15), (0.45, 0.85)), line((0.4, 0.52), (0.66, 0.5))]},
    9: {"small head": [arc(0.5, 0.27, 0.15, 0.13, 0, 360), line((0.65, 0.27), (0.6, 0.88))],
        "hooked tail": [arc(0.47, 0.3, 0.2, 0.17, 0, 360) + line((0.67, 0.3), (0.65, 0.8))
                        + arc(0.52, 0.8, 0.13, 0.08, 0, 150)]},
}


def hand(rng, size_range=SIZE_RANGE):
    """A random hand: the transform of one drawing, as a function of a (N, 2) array of points."""
    slant = rng.uniform(-0.3, 0.3)
    angle = np.radians(rng.uniform(-12, 12))
    stretch = rng.uniform(0.8, 1.15, size=2)
    rotate = np.array([[np.cos(angle), -np.sin(angle)], [np.sin(angle), np.cos(angle)]])
    matrix = rotate @ np.array([[1, -slant], [0, 1]]) @ np.diag(stretch)
    size = rng.uniform(*size_range)
    wobble = rng.normal(0, 0.012, size=(4, 2))          # slow waves along each stroke

    def draw(points):
        t = np.linspace(0, 1, len(points))[:, None]
        waves = sum(w * np.sin((k + 1) * np.pi * t + k) for k, w in enumerate(wobble))
        return (points - 0.5 + waves) @ matrix.T
    return draw, size


def draw(model_strokes, rng, size_range=SIZE_RANGE):
    """Strokes (lists of (x, y) in 0..1) drawn after `model_strokes` (a style) by a random hand,
    somewhere on the pad."""
    transform, size = hand(rng, size_range)
    strokes = [transform(np.asarray(stroke, dtype=float)) for stroke in model_strokes]
    everything = np.concatenate(strokes)
    low, high = everything.min(axis=0), everything.max(axis=0)
    scale = size / max(high - low)
    room = 1 - (high - low) * scale - 2 * PEN_WIDTH       # where it can sit and stay on the pad
    corner = PEN_WIDTH + rng.uniform(0, 1, size=2) * np.maximum(room, 0)
    return [(stroke - low) * scale + corner for stroke in strokes]


def pen_width(strokes):
    """The pad's pen for these strokes: PEN_WIDTH, in proportion thinner for a small digit.

    Preprocessing scales every digit to 20 px, so a digit a third of the pad tall
    would otherwise arrive with strokes twice as bold as MNIST's.
    """
    points = np.concatenate([np.asarray(stroke, dtype=float) for stroke in strokes])
    extent = max(*(points.max(axis=0) - points.min(axis=0)), MIN_EXTENT)
    return PEN_WIDTH * min(1.0, extent / FULL_PEN_EXTENT)


def paint(strokes, side=CANVAS, pen=None):
    """The strokes painted with a round pen (`pen_width` unless given), anti-aliased:
    a (side, side) float image, ink 1."""
    radius = (pen_width(strokes) if pen is None else pen) * side / 2
    image = np.zeros((side, side))
    for stroke in strokes:
        points = np.asarray(stroke, dtype=float) * side
        for a, b in zip(points, points[1:]) if len(points) > 1 else [(points[0], points[0])]:
            # Only the pixels near the segment can change: its bounding box, widened by the pen.
            low = np.clip(np.floor(np.minimum(a, b) - radius - 1), 0, side).astype(int)
            high = np.clip(np.ceil(np.maximum(a, b) + radius + 1), 0, side).astype(int)
            y, x = np.mgrid[low[1]:high[1], low[0]:high[0]] + 0.5
            coverage = np.clip(radius + 0.5 - distance_to_segment(x, y, a, b), 0, 1)
            window = image[low[1]:high[1], low[0]:high[0]]
            np.maximum(window, coverage, out=window)
    return image


def distance_to_segment(x, y, a, b):
    """Distance from each pixel centre (x, y) to the segment from point a to point b."""
    ab = b - a
    length2 = ab @ ab
    t = 0 if length2 == 0 else np.clip(((x - a[0]) * ab[0] + (y - a[1]) * ab[1]) / length2, 0, 1)
    return np.hypot(x - (a[0] + t * ab[0]), y - (a[1] + t * ab[1]))


def trajectory(strokes, points=8):
    """The drawing as UCI's pen-digits records it: its strokes joined into one path (the pen
    lifts are lost) and `points` points spaced evenly along that path's length.

    A pen tablet sampled the pen; the set keeps 8 points per digit, so a digit of two
    strokes becomes one polyline, with a line where the pen moved in the air.
    """
    path = np.concatenate([np.asarray(stroke, dtype=float) for stroke in strokes])
    along = np.concatenate([[0], np.cumsum(np.hypot(*np.diff(path, axis=0).T))])
    at = np.linspace(0, along[-1], points)
    return [np.stack([np.interp(at, along, path[:, 0]), np.interp(at, along, path[:, 1])], axis=1)]


def samples(per_style, seed=0, size_range=SIZE_RANGE, styles=STYLES):
    """(digit, style, strokes) for `per_style` random drawings of every style of every digit
    (of `styles`, shaped like STYLES)."""
    rng = np.random.default_rng(seed)
    for digit, its_styles in styles.items():
        for style, model_strokes in its_styles.items():
            for _ in range(per_style):
                yield digit, style, draw(model_strokes, rng, size_range)


def training_images(count, rng, size_range=(0.2, 0.9)):
    """`count` drawings of random digits in random styles and sizes, as MNIST-convention
    uint8 (count, 28, 28) images (0 background, 255 ink), with their digits."""
    digits = rng.integers(0, 10, size=count)
    drawings = []
    for digit in digits:
        style = rng.choice(list(STYLES[digit]))
        drawings.append((digit, style, draw(STYLES[digit][style], rng, size_range)))
    return np.round(as_mnist(drawings) * 255).astype(np.uint8), digits.astype(np.uint8)


def as_mnist(drawings, pen=None):
    """The (N, 28, 28) images the networks get for (digit, style, strokes) drawings, as on the page."""
    return np.stack([to_mnist(paint(strokes, pen=pen)) for _, _, strokes in drawings])


def pad_facts():
    """The pad's rules, which the page paints by (site/js/widgets/ink.js): the model canvas's
    side and the pen, so that a drawing on the page and one painted here are the same pixels."""
    return {"canvas": CANVAS, "pen_width": PEN_WIDTH, "full_pen_extent": FULL_PEN_EXTENT, "min_extent": MIN_EXTENT}
