"""MNIST's writers redrawn with the pad's pen: thinning to a skeleton, then painting it again."""

import numpy as np

from digits.images import pen_writers
from digits.images.data import load_mnist
from digits.images.pixels import to_float
from digits.nets import models


def test_a_thick_bar_thins_to_a_line_one_pixel_wide_and_keeps_its_length():
    ink = np.zeros((1, 20, 40), bool)
    ink[0, 6:14, 5:35] = True                      # a bar 8 pixels thick, 30 long
    line = pen_writers.skeleton(ink)[0]
    assert line.any(axis=1).sum() == 1             # one row: a line one pixel wide
    columns = np.flatnonzero(line.any(axis=0))
    assert columns.max() - columns.min() >= 20     # and still most of the bar's length


def test_a_ring_thins_to_a_closed_loop():
    y, x = np.mgrid[:40, :40]
    radius = np.hypot(y - 19.5, x - 19.5)
    ring = ((radius > 10) & (radius < 16))[None]
    line = pen_writers.skeleton(ring)[0]
    assert line.sum() > 2 * np.pi * 11                 # around the whole ring, unbroken
    assert not line[18:22, 18:22].any()                # and nothing in its hole
    assert line.sum() < ring.sum() / 3


def test_redrawn_digits_are_mnist_images_of_the_same_digits():
    images, labels = load_mnist("test")
    chosen = slice(0, 200)
    redrawn = pen_writers.redraw(images[chosen], np.random.default_rng(1))
    assert redrawn.shape == (200, 28, 28) and redrawn.dtype == np.uint8
    assert redrawn.max() == 255
    assert not np.array_equal(redrawn, images[chosen])
    read = models.load("mlp").predict(to_float(redrawn)).argmax(axis=1)
    assert np.mean(read == labels[chosen]) > 0.93       # the shapes survive the new ink
    again = pen_writers.redraw(images[chosen], np.random.default_rng(1))
    assert np.array_equal(redrawn, again)


def test_the_pen_is_as_wide_as_the_pads_for_the_digits_size():
    images, _ = load_mnist("test")
    redrawn = pen_writers.redraw(images[:100], np.random.default_rng(2))
    # The pad's pen is 8% to 12.5% of a digit's longer side; to_mnist makes that side 20 px:
    # strokes of about 1.7 to 2.5 px, so a little over a sixth of the box is ink.
    inked = inked_pixels(redrawn) / (20 * 20)
    assert 0.06 < np.median(inked) < 0.3


def test_one_pen_for_all_draws_every_digit_with_that_width():
    images, _ = load_mnist("test")
    fine = pen_writers.redraw(images[:50], np.random.default_rng(3), pen_share=min(pen_writers.PEN_SHARE))
    broad = pen_writers.redraw(images[:50], np.random.default_rng(3), pen_share=max(pen_writers.PEN_SHARE))
    assert np.mean(inked_pixels(broad) > inked_pixels(fine)) > 0.9     # the same lines, each drawn broader


def inked_pixels(images):
    """How many pixels of each uint8 image are more ink than not."""
    return (images > 127).reshape(len(images), -1).sum(axis=1)
