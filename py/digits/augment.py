"""Random small rotations, scalings and shifts of training images.

Handwriting varies: people slant, write big or small, off-centre. Showing the
network slightly moved copies of each digit teaches it that these changes do
not change the digit, and it generalises better to new writers.
"""

import numpy as np

SIZE = 28
CENTRE = (SIZE - 1) / 2


def random_affine(images, rng, max_degrees=12.0, max_scale=0.1, max_shift=2.5, elastic=0.0):
    """Apply one random rotation, scale and shift to each image (N, 28, 28), bilinearly.

    For every output pixel p we look up the source point A⁻¹(p − c − t) + c and
    interpolate between its four neighbours; points outside the image read 0.
    With `elastic` > 0 each source point also moves by a smooth random field of
    about that many pixels, as if the paper had been gently crumpled (Simard et al. 2003).
    """
    n = len(images)
    angle = np.deg2rad(rng.uniform(-max_degrees, max_degrees, n))
    scale = rng.uniform(1 - max_scale, 1 + max_scale, n)
    shift = rng.uniform(-max_shift, max_shift, (n, 2))

    rows, cols = np.mgrid[0:SIZE, 0:SIZE].astype(np.float32)
    dy = rows[None] - CENTRE - shift[:, 0, None, None]
    dx = cols[None] - CENTRE - shift[:, 1, None, None]
    cos, sin = (np.cos(angle) / scale)[:, None, None], (np.sin(angle) / scale)[:, None, None]
    src_y = cos * dy - sin * dx + CENTRE
    src_x = sin * dy + cos * dx + CENTRE
    if elastic:
        src_y = src_y + smooth_field(rng, n, elastic)
        src_x = src_x + smooth_field(rng, n, elastic)
    return bilinear_sample(images, src_y, src_x)


def smooth_field(rng, n, strength, sigma=4.0):
    """n random displacement fields (28 x 28): white noise blurred by a Gaussian of width sigma,
    scaled so that a typical displacement is `strength` pixels."""
    offsets = np.arange(SIZE)
    blur = np.exp(-((offsets[:, None] - offsets[None, :]) ** 2) / (2 * sigma ** 2)).astype(np.float32)
    blur /= blur.sum(axis=1, keepdims=True)
    field = blur @ rng.uniform(-1, 1, (n, SIZE, SIZE)).astype(np.float32) @ blur.T
    return field * (strength / (field.std() + 1e-8))


def bilinear_sample(images, y, x):
    """images[n] read at real-valued coordinates (y[n], x[n]), zero outside the image."""
    n = len(images)
    padded = np.zeros((n, SIZE + 2, SIZE + 2), dtype=np.float32)
    padded[:, 1:-1, 1:-1] = images
    # Shift by one into the padded frame and clamp, so out-of-range reads hit the zero border.
    y = np.clip(y + 1, 0, SIZE + 1 - 1e-4)
    x = np.clip(x + 1, 0, SIZE + 1 - 1e-4)
    y0, x0 = np.floor(y).astype(np.intp), np.floor(x).astype(np.intp)
    y1, x1 = np.minimum(y0 + 1, SIZE + 1), np.minimum(x0 + 1, SIZE + 1)
    wy, wx = (y - y0).astype(np.float32), (x - x0).astype(np.float32)
    index = np.arange(n)[:, None, None]
    top = padded[index, y0, x0] * (1 - wx) + padded[index, y0, x1] * wx
    bottom = padded[index, y1, x0] * (1 - wx) + padded[index, y1, x1] * wx
    return top * (1 - wy) + bottom * wy
