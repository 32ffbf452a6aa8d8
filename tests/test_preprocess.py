"""Preprocessing a drawing the MNIST way: invariants, and no input that breaks it."""

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st
from hypothesis.extra.numpy import arrays

from digits.images.pixels import to_float
from digits.images.preprocess import to_mnist


def stroke_bitmap(size=280, points=((0.5, 0.2), (0.5, 0.8)), width=0.075, offset=(0, 0), scale=1.0):
    """A bitmap with a thick polyline through `points` (unit coordinates), like the pad draws."""
    rows, cols = np.mgrid[0:size, 0:size] / size
    ink = np.zeros((size, size))
    pts = [(offset[0] + 0.5 + (y - 0.5) * scale, offset[1] + 0.5 + (x - 0.5) * scale) for y, x in points]
    for (y0, x0), (y1, x1) in zip(pts, pts[1:]):
        dy, dx = y1 - y0, x1 - x0
        t = np.clip(((rows - y0) * dy + (cols - x0) * dx) / max(dy * dy + dx * dx, 1e-12), 0, 1)
        distance = np.hypot(rows - (y0 + t * dy), cols - (x0 + t * dx))
        ink = np.maximum(ink, np.clip((width * scale / 2 - distance) * size + 0.5, 0, 1))
    return (ink * 255).astype(np.uint8)


SEVEN = ((0.25, 0.25), (0.25, 0.7), (0.8, 0.4))


def test_an_empty_canvas_is_nothing_drawn():
    assert to_mnist(np.zeros((280, 280), np.uint8)) is None
    assert to_mnist(np.full((50, 80), 10, np.uint8)) is None     # faint noise below the ink level


def test_output_is_28x28_in_unit_range_with_ink_centred():
    image = to_mnist(stroke_bitmap(points=SEVEN))
    assert image.shape == (28, 28) and image.dtype == np.float32
    assert image.min() >= 0 and image.max() == pytest.approx(1.0)
    rows, cols = np.nonzero(image > 0.1)
    assert max(np.ptp(rows), np.ptp(cols)) + 1 in (19, 20, 21)          # the longer side is 20 px
    mass = image.sum()
    com = ((np.indices(image.shape) * image).sum(axis=(1, 2)) / mass)
    np.testing.assert_allclose(com, [13.5, 13.5], atol=0.75)


@pytest.mark.parametrize("offset, scale", [((0.1, -0.15), 1.0), ((-0.1, 0.1), 0.5), ((0, 0), 0.3)])
def test_a_shifted_or_scaled_digit_gives_nearly_the_same_image(offset, scale):
    reference = to_mnist(stroke_bitmap(points=SEVEN))
    moved = to_mnist(stroke_bitmap(points=SEVEN, offset=offset, scale=scale))
    other_digit = to_mnist(stroke_bitmap(points=((0.2, 0.5), (0.8, 0.5))))
    assert np.abs(moved - reference).mean() < 0.06 < np.abs(other_digit - reference).mean()


def test_any_bitmap_size_and_grayscale_floats():
    small = to_mnist(to_float(stroke_bitmap(size=60, points=SEVEN)))
    large = to_mnist(stroke_bitmap(size=600, points=SEVEN))
    assert small.shape == large.shape == (28, 28)
    assert np.abs(small - large).mean() < 0.06


def test_a_single_pixel_and_a_full_canvas_give_valid_images():
    dot = np.zeros((280, 280), np.uint8)
    dot[5, 270] = 255
    full = np.full((100, 100), 255, np.uint8)
    for bitmap in (dot, full):
        image = to_mnist(bitmap)
        assert image.shape == (28, 28) and np.isfinite(image).all()
        assert 0 <= image.min() and image.max() <= 1


def test_nan_and_infinities_are_background_or_ink_never_a_crash():
    bitmap = np.zeros((40, 40))
    bitmap[10:30, 18:22] = np.inf
    bitmap[0, 0] = np.nan
    bitmap[39, 39] = -np.inf
    image = to_mnist(bitmap)
    assert np.isfinite(image).all() and image.max() == pytest.approx(1.0)


def test_wrong_dimensions_are_refused_clearly():
    with pytest.raises(ValueError, match="2-D"):
        to_mnist(np.zeros((3, 4, 5)))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.floats(-0.2, 1.2), st.floats(-0.2, 1.2)), min_size=1, max_size=6),
       st.floats(0.005, 0.3), st.integers(8, 300))
def test_random_strokes_never_crash(points, width, size):
    image = to_mnist(stroke_bitmap(size=size, points=points, width=width))
    if image is not None:
        assert image.shape == (28, 28) and image.dtype == np.float32
        assert np.isfinite(image).all() and image.min() >= 0 and image.max() <= 1


@settings(max_examples=60, deadline=None)
@given(arrays(np.float64, st.tuples(st.integers(1, 64), st.integers(1, 64)),
              elements=st.floats(allow_nan=True, allow_infinity=True)))
def test_arbitrary_float_bitmaps_never_crash(bitmap):
    image = to_mnist(bitmap)
    assert image is None or (image.shape == (28, 28) and np.isfinite(image).all())
