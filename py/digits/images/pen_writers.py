"""Every MNIST writer as a pen writer: a digit thinned to its skeleton and redrawn with the pad's pen.

MNIST holds the shapes of some 500 real people's digits, written with pens on paper and
scanned; the pad draws with one round pen, of a width set by the digit's size
(handwriting.pen_width). A network that learns MNIST's ink learns blotches, broken
strokes and pressure that a pad never makes. Redrawing each digit along its own
skeleton keeps the writer's shape and gives it the pad's ink:

  1. enlarge the digit SCALE times and keep the pixels more than half inked;
  2. thin that to a line one pixel wide (`skeleton`, Zhang and Suen 1984);
  3. bend the line a little (a smooth random wave, as a hand wobbles);
  4. paint it with a round, anti-aliased pen whose width, as a share of the digit's
     size, is one the pad would use (`PEN_SHARE`);
  5. prepare the result as every drawing is prepared (`to_mnist`).
"""

import numpy as np

from .pixels import to_float, to_uint8
from .preprocess import resample_matrix, to_mnist

SCALE = 4                    # 28 px become 112 before thinning: enough for a smooth line
PEN_SHARE = (0.083, 0.125)   # the pad's pen over the digit's longer side: 0.075 of the pad over
                             # digits from 0.9 of it (the biggest) to 0.6 or less (see pen_width)

# Each pixel's eight neighbours in Zhang and Suen's order, P2 (north) clockwise to P9 (north-west).
NEIGHBOURS = [(-1, 0), (-1, 1), (0, 1), (1, 1), (1, 0), (1, -1), (0, -1), (-1, -1)]


def skeleton(ink):
    """The line one pixel wide at the middle of each stroke of boolean images (N, H, W).

    Zhang and Suen's thinning: take away, in two alternating half-steps, every border pixel
    whose removal keeps the shape in one piece and does not shorten a line's end, until
    none can go. All images thin together; each half-step looks at all eight neighbours
    of every pixel at once.
    """
    ink = np.pad(ink.astype(bool), ((0, 0), (1, 1), (1, 1)))
    height, width = ink.shape[1] - 2, ink.shape[2] - 2
    while True:
        changed = False
        for half in (0, 1):
            p = [ink[:, 1 + dy:1 + dy + height, 1 + dx:1 + dx + width] for dy, dx in NEIGHBOURS]
            count = sum(q.astype(np.uint8) for q in p)                       # B(P1): inked neighbours
            turns = sum((~p[k] & p[(k + 1) % 8]).astype(np.uint8) for k in range(8))   # A(P1): 0→1 steps
            if half == 0:
                away = ~(p[0] & p[2] & p[4]) & ~(p[2] & p[4] & p[6])
            else:
                away = ~(p[0] & p[2] & p[6]) & ~(p[0] & p[4] & p[6])
            centre = ink[:, 1:-1, 1:-1]
            remove = centre & (count >= 2) & (count <= 6) & (turns == 1) & away
            if remove.any():
                centre &= ~remove
                changed = True
        if not changed:
            return ink[:, 1:-1, 1:-1]


def redraw(images, rng, pen_share=None):
    """MNIST-convention uint8 images (N, 28, 28) redrawn with the pad's pen, each by a writer of its own
    (or all with one pen: `pen_share`, the pen's width over the digit's longer side, as PEN_SHARE)."""
    side = 28 * SCALE
    grow = resample_matrix(28, side)
    large = np.einsum("ij,njk,lk->nil", grow, to_float(images), grow) > 0.5
    lines = skeleton(large)
    out = np.zeros(images.shape, np.uint8)
    for index, line in enumerate(lines):
        ys, xs = np.nonzero(line)
        if len(ys) == 0:
            out[index] = images[index]
            continue
        points = wobble(np.stack([xs, ys], axis=1).astype(float) + 0.5, side, rng)
        extent = max(np.ptp(points[:, 0]), np.ptp(points[:, 1]), 1.0)
        radius = (rng.uniform(*PEN_SHARE) if pen_share is None else pen_share) * extent / 2
        prepared = to_mnist(stamp(points, radius, side))
        out[index] = images[index] if prepared is None else to_uint8(prepared)   # a skeleton of one dot paints too faint an ink: kept
    return out


def wobble(points, side, rng, strength=0.012):
    """The points moved by a smooth random wave of about `strength` of the side: a hand's tremble."""
    phases = rng.uniform(0, 2 * np.pi, size=(2, 2))
    frequency = rng.uniform(1, 3, size=(2, 2)) * np.pi / side
    amplitude = rng.normal(0, strength * side, size=2)
    dx = amplitude[0] * np.sin(frequency[0, 0] * points[:, 1] + phases[0, 0]) * np.cos(frequency[0, 1] * points[:, 0] + phases[0, 1])
    dy = amplitude[1] * np.sin(frequency[1, 0] * points[:, 0] + phases[1, 0]) * np.cos(frequency[1, 1] * points[:, 1] + phases[1, 1])
    return points + np.stack([dx, dy], axis=1)


def stamp(points, radius, side):
    """A round pen of `radius` pixels set down at every point, anti-aliased as the pad paints:
    a pixel is covered by how far its centre lies inside the pen, up to half a pixel."""
    reach = int(np.ceil(radius + 1))
    offsets = np.arange(-reach, reach + 1)
    image = np.zeros((side + 2 * reach + 2, side + 2 * reach + 2))
    pixels = np.floor(points).astype(int)
    centres = pixels + reach + 1
    inside = points - pixels                   # where each point lies within its pixel, 0..1
    for dy in offsets:
        for dx in offsets:
            distance = np.hypot(dx + 0.5 - inside[:, 0], dy + 0.5 - inside[:, 1])
            coverage = np.clip(radius + 0.5 - distance, 0, 1)
            keep = coverage > 0
            if keep.any():
                ys, xs = centres[keep, 1] + dy, centres[keep, 0] + dx
                np.maximum.at(image, (ys, xs), coverage[keep])
    return image[reach + 1:reach + 1 + side, reach + 1:reach + 1 + side]


def pen_images(images, labels, count, rng):
    """`count` MNIST training digits chosen at random, redrawn with the pad's pen, and their labels."""
    chosen = rng.choice(len(images), size=count, replace=False)
    return redraw(images[chosen], rng), labels[chosen]
