"""Random changes of training images, the way handwriting varies from one writer to the next.

People slant, write big or small, wide or narrow, off-centre, with fine pens and
broad ones, with wavering lines and strokes that break. Showing the network changed
copies of each digit teaches it that these changes do not change the digit, and it
reads new writers better. Each function draws one random change per image and makes
it with distort.py.
"""

import numpy as np

from . import distort
from .preprocess import BOX      # MNIST's digits, and the page's, fit in a 20 x 20 box


def random_affine(images, rng, max_degrees=12.0, max_scale=0.1, max_shift=2.5, elastic=0.0,
                  max_slant=0.0, max_aspect=0.0, sigma=4.0):
    """Apply one random rotation, scale, slant, aspect and shift to each image (N, 28, 28), bilinearly.

    Each image gets, uniformly at random, a rotation of up to ±max_degrees, a scale of
    1 ± max_scale, a slant (shear) of up to ±max_slant, an aspect a with |log a| up to
    log(1 + max_aspect) (x scaled by a, y by 1/a), and a shift of up to ±max_shift pixels
    each way. With `elastic` > 0 each source point also moves by a smooth random field of
    about that many pixels and width `sigma`, as if the paper had been gently crumpled
    (Simard et al. 2003).
    """
    n = len(images)
    if n == 0:
        return images.astype(np.float32)
    angle = rng.uniform(-max_degrees, max_degrees, n)
    scale = rng.uniform(1 - max_scale, 1 + max_scale, n)
    slant = rng.uniform(-max_slant, max_slant, n)
    aspect = np.exp(rng.uniform(-1, 1, n) * np.log1p(max_aspect))
    shift = rng.uniform(-max_shift, max_shift, (n, 2))
    matrices = np.stack([distort.linear_map(a, s, k * r, k / r) for a, s, k, r in zip(angle, slant, scale, aspect)])
    field = distort.elastic_field(rng, images.shape, elastic, sigma) if elastic else None
    return distort.warp(images, matrices, shift, field)


def random_gaps(images, rng, most, radius=1.0):
    """Each image with 0 to `most` gaps cut in its strokes (distort.cut_gaps), as many as chance says."""
    out = images.astype(np.float32)
    gaps = rng.integers(0, most + 1, len(images))
    for count in range(1, most + 1):
        chosen = gaps == count
        out[chosen] = distort.cut_gaps(images[chosen], rng, count, radius)
    return out


def random_speckle(images, rng, most):
    """Each image flecked with salt and pepper (distort.speckle) of density up to `most`."""
    density = rng.uniform(0, most, len(images))[:, None, None]
    flips = rng.random(images.shape) < density
    return np.where(flips, 1 - distort.binarize(images), images).astype(np.float32)


def random_writer(images, rng, rotate=12.0, scale=0.1, shift=2.5, slant=0.0, aspect=0.0, elastic=0.0,
                  thinner=0.0, bolder=0.0, gaps=0, speckle=0.0, sigma=4.0):
    """Each image (N, 28, 28) as another writer might have written it, then prepared as the page would.

    In turn, each change drawn at random per image up to its limit: a finer or broader pen
    (`thinner`, `bolder` pixels a side); an aspect, slant, rotation and elastic wobble (see
    random_affine); gaps in the strokes (up to `gaps`); specks (up to a `speckle` share of
    the pixels). A broader pen or a wider digit would not fit MNIST's 20-pixel box, and the
    page's preprocessing would shrink it back in: so does this, scaling each digit by

        fit = 20 / max(height', width'),   height' = (height + 2·pen) / √aspect,   width' = (width + 2·pen) · √aspect

    (then by the random `scale`), where height and width are those of its ink.
    """
    n = len(images)
    if n == 0:
        return images.astype(np.float32)
    change = np.round(rng.uniform(-thinner, bolder, n), 1) if (thinner or bolder) else np.zeros(n)
    out = distort.pen(images, change) if (thinner or bolder) else images.astype(np.float32)
    height, width = ink_extent(images)
    ratio = np.exp(rng.uniform(-1, 1, n) * np.log1p(aspect))
    tall, wide = (height + 2 * change) / np.sqrt(ratio), (width + 2 * change) * np.sqrt(ratio)
    fit = BOX / np.maximum(np.maximum(tall, wide), 1)
    fit = np.where(height > 0, fit, 1.0)
    size = fit * rng.uniform(1 - scale, 1 + scale, n)
    angle = rng.uniform(-rotate, rotate, n)
    lean = rng.uniform(-slant, slant, n)
    matrices = np.stack([distort.linear_map(a, s, k * np.sqrt(r), k / np.sqrt(r))
                         for a, s, k, r in zip(angle, lean, size, ratio)])
    field = None
    if elastic:
        field = distort.elastic_field(rng, images.shape, 1.0, sigma) * rng.uniform(0, elastic, (n, 1, 1, 1))
    out = distort.warp(out, matrices, rng.uniform(-shift, shift, (n, 2)), field)
    if gaps:
        out = random_gaps(out, rng, gaps, radius=1.5)
    if speckle:
        out = random_speckle(out, rng, speckle)
    return out


def ink_extent(images, threshold=0.1):
    """The height and width (N,) of each image's ink (pixels above `threshold`), 0 for a blank image."""
    def extent(mask):
        first = mask.argmax(axis=1)
        last = mask.shape[1] - 1 - mask[:, ::-1].argmax(axis=1)
        return np.where(mask.any(axis=1), last - first + 1, 0)
    ink = images > threshold
    return extent(ink.any(axis=2)), extent(ink.any(axis=1))


def random_shift(images, rng, most):
    """Each image (N, 28, 28) moved by its own random whole number of pixels, from −most to
    +most, across and down; what moves off one side is lost, blank paper comes in on the other."""
    count, height, width = images.shape
    padded = np.pad(images, ((0, 0), (most, most), (most, most)))
    down, across = rng.integers(0, 2 * most + 1, (2, count))
    rows = (np.arange(height) + down[:, None])[:, :, None]
    columns = (np.arange(width) + across[:, None])[:, None, :]
    return padded[np.arange(count)[:, None, None], rows, columns]
