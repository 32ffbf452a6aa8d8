"""Ways one person's handwriting differs from another's, as operations on images.

People write with thin pens and thick markers, squeezed or wide, slanted, a little
rotated, with wavering lines, with strokes that break where the pen skipped, on paper
that leaves specks in a scan. Each function here makes one such change to a batch of
images (N, height, width) of floats in [0, 1], ink high, the size of the image free:
a 28 x 28 MNIST digit while a network trains (augment.py), or a digit enlarged to a
sheet of "paper" before the page's preprocessing reads it (bench/robustness.py).

The geometric changes move where each output pixel reads the input (`warp`); the pen
changes are morphology, a maximum or minimum over a disk around each pixel (`dilate`,
`erode`); the rest add or remove ink (`cut_gaps`, `speckle`, `binarize`).
"""

import functools

import numpy as np

from .preprocess import resample_matrix


def enlarge(images, factor):
    """Each image `factor` times larger on each side, by linear interpolation (a sheet to work on)."""
    height, width = images.shape[1:]
    rows = resample_matrix(height, height * factor).astype(np.float32)
    cols = resample_matrix(width, width * factor).astype(np.float32)
    return rows @ images.astype(np.float32) @ cols.T


def binarize(images, threshold=0.5):
    """Ink 1 where a pixel exceeds `threshold`, else 0: a scan of a pen, thresholded."""
    return (images > threshold).astype(np.float32)


# --- Geometry --------------------------------------------------------------------------------

def linear_map(rotate=0.0, slant=0.0, scale_x=1.0, scale_y=1.0):
    """The 2 x 2 matrix A acting on (y, x) offsets from the centre (y points down):
    first scale each axis, then slant (x ← x − slant · y: the top leans right when slant > 0),
    then rotate by `rotate` degrees (clockwise as seen on the page when positive).

        A = R(θ) · [[1, 0], [−slant, 1]] · diag(scale_y, scale_x)
    """
    angle = np.radians(rotate)
    rotation = np.array([[np.cos(angle), np.sin(angle)], [-np.sin(angle), np.cos(angle)]])
    shear = np.array([[1.0, 0.0], [-slant, 1.0]])
    return rotation @ shear @ np.diag([scale_y, scale_x])


def warp(images, matrix, shift=(0.0, 0.0), field=None):
    """The images moved by the affine map p ↦ A·(p − c) + c + t, read bilinearly.

    Output pixel p reads the input at  A⁻¹·(p − c − t) + c  (+ field(p), a per-pixel
    displacement (N, 2, height, width) in pixels, if given); points off the image read 0.
    `matrix` is one A (2, 2) or one per image (N, 2, 2); `shift` one t (2,) or (N, 2), in (y, x).
    """
    n, height, width = images.shape
    inverse = np.linalg.inv(np.broadcast_to(np.asarray(matrix, dtype=np.float64), (n, 2, 2)))
    shift = np.broadcast_to(np.asarray(shift, dtype=np.float64), (n, 2))
    centre = np.array([(height - 1) / 2, (width - 1) / 2])
    rows, cols = np.mgrid[0:height, 0:width].astype(np.float32)
    dy = rows[None] - (centre[0] + shift[:, 0])[:, None, None]
    dx = cols[None] - (centre[1] + shift[:, 1])[:, None, None]
    a, b, c, d = (inverse[:, i, j, None, None].astype(np.float32) for i, j in ((0, 0), (0, 1), (1, 0), (1, 1)))
    source_y = a * dy + b * dx + centre[0]
    source_x = c * dy + d * dx + centre[1]
    if field is not None:
        source_y = source_y + field[:, 0]
        source_x = source_x + field[:, 1]
    return bilinear_sample(images, source_y, source_x)


def bilinear_sample(images, y, x):
    """images[n] read at real-valued coordinates (y[n], x[n]), zero outside the image."""
    n, height, width = images.shape
    padded = np.zeros((n, height + 2, width + 2), dtype=np.float32)
    padded[:, 1:-1, 1:-1] = images
    # Shift by one into the padded frame and clamp, so out-of-range reads hit the zero border.
    y = np.clip(y + 1, 0, height + 1 - 1e-4)
    x = np.clip(x + 1, 0, width + 1 - 1e-4)
    y0, x0 = np.floor(y), np.floor(x)
    wy, wx = (y - y0).astype(np.float32), (x - x0).astype(np.float32)
    # One flat index per pixel read: a single gather is much faster than indexing with three arrays.
    row = width + 2
    corner = (np.arange(n)[:, None, None] * (height + 2) * row + y0.astype(np.intp) * row + x0.astype(np.intp))
    flat = padded.ravel()
    right = np.where(x0 < width + 1, 1, 0)      # the clamped last column reads itself
    down = np.where(y0 < height + 1, row, 0)
    top = flat[corner] * (1 - wx) + flat[corner + right] * wx
    bottom = flat[corner + down] * (1 - wx) + flat[corner + down + right] * wx
    return top * (1 - wy) + bottom * wy


def elastic_field(rng, shape, strength, sigma):
    """Random smooth displacements (N, 2, height, width): white noise blurred by a Gaussian of
    width `sigma` pixels, scaled so that its typical (root-mean-square) size is `strength` pixels.

    Simard, Steinkraus and Platt (2003) found such "elastic" distortions, with σ = 4 on
    MNIST's 28 pixels, to mimic the oscillations of a hand better than any affine change.
    """
    n, height, width = shape
    noise = rng.uniform(-1, 1, (n, 2, height, width)).astype(np.float32)
    field = gaussian_matrix(height, sigma) @ noise @ gaussian_matrix(width, sigma).T
    size = np.sqrt((field ** 2).mean(axis=(1, 2, 3), keepdims=True)) + 1e-8
    return field * (strength / size)


def gaussian_matrix(length, sigma):
    """The (length, length) matrix that blurs a line of pixels by a Gaussian of width sigma."""
    offsets = np.arange(length)
    blur = np.exp(-((offsets[:, None] - offsets[None, :]) ** 2) / (2 * sigma ** 2)).astype(np.float32)
    return blur / blur.sum(axis=1, keepdims=True)


def elastic(images, rng, strength, sigma):
    """The images gently crumpled: each pixel moved by `elastic_field`."""
    return warp(images, np.eye(2), field=elastic_field(rng, images.shape, strength, sigma))


# --- The pen ---------------------------------------------------------------------------------

@functools.lru_cache(maxsize=None)
def disk(radius):
    """The (dy, dx) offsets of the pixels whose centres lie within `radius` of a pixel's centre."""
    reach = int(np.floor(radius))
    dy, dx = np.mgrid[-reach:reach + 1, -reach:reach + 1]
    inside = dy ** 2 + dx ** 2 <= radius ** 2 + 1e-9
    return tuple(zip(dy[inside].tolist(), dx[inside].tolist()))


def dilate(images, radius):
    """Morphological dilation by a disk: out(p) = max of the image over the disk of `radius` around p.
    Every stroke grows by `radius` on each side, as if written with a broader pen."""
    return _over_disk(images, radius, np.maximum, 0.0)


def erode(images, radius):
    """Morphological erosion by a disk: out(p) = min of the image over the disk of `radius` around p.
    Every stroke loses `radius` on each side, as if written with a finer pen."""
    return _over_disk(images, radius, np.minimum, 0.0)


def _over_disk(images, radius, combine, outside):
    reach = int(np.floor(radius))
    if reach == 0:
        return images.astype(np.float32)
    n, height, width = images.shape
    padded = np.pad(images.astype(np.float32), ((0, 0), (reach, reach), (reach, reach)), constant_values=outside)
    out = images.astype(np.float32)
    for dy, dx in disk(radius):
        combine(out, padded[:, reach + dy:reach + dy + height, reach + dx:reach + dx + width], out=out)
    return out


def pen(images, change):
    """Strokes `change` pixels broader on each side (narrower if negative), fractions included:

        pen(x, r + f) = (1 − f) · pen(x, r) + f · pen(x, r + 1)   for whole r and 0 ≤ f < 1,

    so that a 28-pixel digit can be made a little bolder, not only a whole pixel bolder.
    `change` is one number or one per image (N,). Each whole radius is computed once for
    the whole batch, and every image takes the two it lies between.
    """
    change = np.broadcast_to(np.asarray(change, dtype=np.float64), (len(images),))
    images = images.astype(np.float32)
    reach = int(np.ceil(np.abs(change).max(initial=0)))
    # by_radius[reach + k]: the batch with strokes k whole pixels broader (k < 0: narrower)
    by_radius = ([erode(images, k) for k in range(reach, 0, -1)] + [images]
                 + [dilate(images, k) for k in range(1, reach + 1)])
    low = np.floor(change).astype(int)
    fraction = (change - low).astype(np.float32)[:, None, None]
    every = np.arange(len(images))
    below = np.stack(by_radius)[reach + low, every]
    above = np.stack(by_radius)[np.minimum(reach + low + 1, 2 * reach), every]
    return (1 - fraction) * below + fraction * above


# --- Ink lost and ink added ----------------------------------------------------------------

def cut_gaps(images, rng, gaps, radius):
    """Each image with `gaps` gaps cut in its strokes: `gaps` times, a random ink pixel
    (value above ½) is chosen and all ink within `radius` of it is wiped out, as where a
    pen skipped or a scan lost a faint stretch."""
    n, height, width = images.shape
    out = images.astype(np.float32)
    rows, cols = np.mgrid[0:height, 0:width]
    for _ in range(gaps):
        # A uniformly random ink pixel per image: the largest random key among the ink.
        keys = rng.random((n, height * width)) * (out.reshape(n, height * width) > 0.5)
        chosen = keys.argmax(axis=1)
        cy, cx = (chosen // width)[:, None, None], (chosen % width)[:, None, None]
        out[(rows - cy) ** 2 + (cols - cx) ** 2 <= radius ** 2] = 0
        # (an image without ink keeps its zero key at pixel 0 and merely loses that corner)
    return out


def speckle(images, rng, density, speck=1):
    """Salt and pepper: squares of `speck` pixels, each flipped with probability `density`,
    ink to paper (a hole in a stroke) or paper to ink (a speck of dirt)."""
    n, height, width = images.shape
    cells = rng.random((n, -(-height // speck), -(-width // speck))) < density
    flips = np.repeat(np.repeat(cells, speck, axis=1), speck, axis=2)[:, :height, :width]
    return np.where(flips, 1 - binarize(images), images).astype(np.float32)
