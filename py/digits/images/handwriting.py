"""Synthetic handwriting: digits drawn as pen strokes, the way a visitor draws them on the pad.

MNIST says how well a network reads MNIST. The page's visitors draw with a mouse
or a finger: one pen width, strokes of their own style, any size, any slant. This
module draws digits that way, so that the networks can learn from them
(`training_images`, mixed into MNIST by Recipe.handwriting) and be measured on them:

  - every digit is written in the styles of `catalogue.py` (school scripts and
    personal habits: a 1 with a long flag, an open 4, a barred 7, a 9 whose tail
    curls…), each a `glyphs.py` shape whose proportions every writer varies; training
    draws only the styles that are not held out;
  - each writer also has an order and direction for the strokes and a pen speed
    (how far apart the pad's points fall);
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

from . import catalogue
from .glyphs import Writer
from .pixels import to_uint8
from .preprocess import to_mnist

# As the page paints (site/js/widgets/ink.js, from page/pad.py's facts):
CANVAS = 280            # the side of the model canvas, in pixels
PEN_WIDTH = 0.075       # the pen, as a fraction of the side
FULL_PEN_EXTENT = 0.6   # a digit at least this tall or wide (of the side) gets the full pen
MIN_EXTENT = 0.1        # and the pen never gets thinner than for a digit this size

SIZE_RANGE = (0.45, 0.9)   # the digit's longer side, as a share of the pad: as most people draw


def hand(rng, size_range=SIZE_RANGE, slant_range=(-0.3, 0.3)):
    """A random hand: the transform of one drawing, as a function of a (N, 2) array of points,
    and the size it draws at."""
    slant = rng.uniform(*slant_range)
    degrees = rng.uniform(-12, 12)
    stretch = rng.uniform(0.8, 1.15, size=2)
    size = rng.uniform(*size_range)
    wobble = rng.normal(0, 0.012, size=(4, 2))          # slow waves along each stroke
    return hand_transform(slant, degrees, stretch, wobble), size


def hand_transform(slant, degrees, stretch, wobble):
    """The transform of a hand that slants by `slant` (a shear), turns by `degrees`, stretches by
    `stretch` (across, down) and wobbles each stroke by the slow waves `wobble` (4, 2)."""
    angle = np.radians(degrees)
    rotate = np.array([[np.cos(angle), -np.sin(angle)], [np.sin(angle), np.cos(angle)]])
    matrix = rotate @ np.array([[1, -slant], [0, 1]]) @ np.diag(stretch)

    def draw(points):
        t = np.linspace(0, 1, len(points))[:, None]
        waves = sum(w * np.sin((k + 1) * np.pi * t + k) for k, w in enumerate(wobble))
        return (points - 0.5 + waves) @ matrix.T
    return draw


def draw(model_strokes, rng, size_range=SIZE_RANGE, slant_range=(-0.3, 0.3)):
    """Strokes (lists of (x, y) in 0..1) drawn after `model_strokes` (a style) by a random hand,
    somewhere on the pad."""
    transform, size = hand(rng, size_range, slant_range)
    return place([transform(np.asarray(stroke, dtype=float)) for stroke in model_strokes], size, rng)


def place(strokes, size, rng):
    """The strokes scaled so that their longer side is `size` of the pad, somewhere on it at random."""
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
    a (side, side) float image, ink 1.

    Each segment from point a to point b covers a pixel by clip(radius + 1/2 - distance from
    the pixel's centre to the segment, 0, 1), and a pixel keeps the most any segment covers it.
    Only the pixels near a segment can change: its bounding box, widened by the pen. Segments
    are painted in batches of boxes of one size, so that numpy, not a Python loop, walks them.
    """
    radius = (pen_width(strokes) if pen is None else pen) * side / 2
    image = np.zeros((side, side))
    starts, ends = segments(strokes, side)
    low = np.clip(np.floor(np.minimum(starts, ends) - radius - 1), 0, side).astype(int)
    high = np.clip(np.ceil(np.maximum(starts, ends) + radius + 1), 0, side).astype(int)
    box = (high - low).max(axis=1)
    smaller = 0
    for window in BATCH_WINDOWS + (side,):
        batch = (box > smaller) & (box <= window)
        if batch.any():
            paint_segments(image, starts[batch], ends[batch], low[batch], high[batch], window, radius)
        smaller = window
    return image


BATCH_WINDOWS = (16, 32, 64, 128)     # pixels: the sizes of box segments are painted in, together


def segments(strokes, side):
    """Every segment of the strokes in pixels, as (starts, ends), each (S, 2); a stroke of one
    point is a segment from that point to itself."""
    starts, ends = [], []
    for stroke in strokes:
        points = np.asarray(stroke, dtype=float).reshape(-1, 2) * side
        starts.append(points[:-1] if len(points) > 1 else points)
        ends.append(points[1:] if len(points) > 1 else points)
    return np.concatenate(starts), np.concatenate(ends)


def paint_segments(image, a, b, low, high, window, radius):
    """Paint segments a → b into `image`, each within its box low..high (no wider than `window`)."""
    side = image.shape[0]
    x = low[:, 0, None] + np.arange(window)                         # (S, window) pixel columns
    y = low[:, 1, None] + np.arange(window)                         # and rows
    inside = (x < high[:, 0, None])[:, None, :] & (y < high[:, 1, None])[:, :, None]
    xc, yc = (x + 0.5)[:, None, :], (y + 0.5)[:, :, None]           # pixel centres, (S, 1, w) and (S, w, 1)
    ab = b - a
    length2 = ab[:, 0] * ab[:, 0] + ab[:, 1] * ab[:, 1]
    a0, a1, d0, d1 = (column[:, None, None] for column in (a[:, 0], a[:, 1], ab[:, 0], ab[:, 1]))
    along = (xc - a0) * d0 + (yc - a1) * d1
    has_length = (length2 > 0)[:, None, None]
    t = np.where(has_length, np.clip(along / np.where(has_length, length2[:, None, None], 1), 0, 1), 0)
    coverage = np.clip(radius + 0.5 - np.hypot(xc - (a0 + t * d0), yc - (a1 + t * d1)), 0, 1)
    pixels = np.minimum(yc, side - 1).astype(int) * side + np.minimum(xc, side - 1).astype(int)
    np.maximum.at(image.reshape(-1), pixels[inside], coverage[inside])


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


def write(style, rng, size_range=SIZE_RANGE):
    """One writer's drawing of a catalogue `style`: its proportions, stroke order and direction,
    pen speed and hand all drawn at random."""
    strokes = style.strokes(Writer(rng))
    if len(strokes) > 1 and rng.random() < 0.2:          # some draw the bar or the stem first
        strokes = strokes[::-1]
    strokes = [stroke[::-1] if rng.random() < 0.15 else stroke for stroke in strokes]
    spacing = rng.uniform(0.004, 0.035)                  # a fast pen leaves its points further apart
    return draw([at_pen_speed(stroke, spacing) for stroke in strokes], rng, size_range, style.slant)


def at_pen_speed(stroke, spacing):
    """The stroke as the pad samples it: points `spacing` apart along the path (of the box's
    side), so a fast pen's curves come out as a few straight segments."""
    stroke = np.asarray(stroke, dtype=float)
    along = np.concatenate([[0], np.cumsum(np.hypot(*np.diff(stroke, axis=0).T))])
    if along[-1] <= spacing:
        return stroke
    at = np.append(np.arange(0, along[-1], spacing), along[-1])
    return np.stack([np.interp(at, along, stroke[:, 0]), np.interp(at, along, stroke[:, 1])], axis=1)


def samples(per_style, seed=0, size_range=SIZE_RANGE, styles=catalogue.TRAINING_STYLES):
    """(digit, style name, strokes) for `per_style` random writers of every catalogue style."""
    rng = np.random.default_rng(seed)
    for style in styles:
        for _ in range(per_style):
            yield style.digit, style.name, write(style, rng, size_range)


def training_images(count, rng, size_range=(0.2, 0.9)):
    """`count` drawings of random digits, each in one of its training styles (never a held-out
    one) by a random writer, as MNIST-convention uint8 (count, 28, 28) images (0 background,
    255 ink), with their digits."""
    digits = rng.integers(0, 10, size=count)
    drawings = []
    for digit in digits:
        choices = catalogue.styles_of(digit)
        style = choices[rng.integers(len(choices))]
        drawings.append((digit, style.name, write(style, rng, size_range)))
    return to_uint8(as_mnist(drawings)), digits.astype(np.uint8)


def typical(style):
    """The style as its middle writer draws it: every proportion at the middle of its range."""
    return [np.asarray(stroke) for stroke in style.strokes(MiddleWriter())]


class MiddleWriter(Writer):
    def __init__(self):
        super().__init__(None)

    def __call__(self, span):
        return sum(span) / 2 if isinstance(span, tuple) else span

    def chance(self, share):
        return share >= 0.5


# Each training style as its middle writer draws it, {digit: {style name: strokes}}: the
# drawings the browser tests put through the pad.
STYLES = {digit: {style.name: typical(style) for style in catalogue.styles_of(digit)} for digit in range(10)}


def as_mnist(drawings, pen=None):
    """The (N, 28, 28) images the networks get for (digit, style, strokes) drawings, as on the page."""
    return np.stack([to_mnist(paint(strokes, pen=pen)) for _, _, strokes in drawings])


def styles_read(networks, styles, writers=40, seed=101):
    """{network name: {style name: how the network reads `writers` random drawings of it}}: the
    share read right and the digit it is most often mistaken for. `networks`: {name: model}. The
    drawings are painted once and read by every network; a manifest records its own network's."""
    drawings = list(samples(writers, seed=seed, styles=styles))
    images = as_mnist(drawings)
    return {name: style_report(styles, model.predict(images).argmax(axis=1).reshape(len(styles), writers))
            for name, model in networks.items()}


def style_report(styles, answers):
    report = {}
    for style, read in zip(styles, answers):
        wrong = read[read != style.digit]
        report[style.name] = {"digit": style.digit, "read_right": round(float(np.mean(read == style.digit)), 4),
                              "mistaken_for": int(np.bincount(wrong).argmax()) if len(wrong) else None}
    return report
