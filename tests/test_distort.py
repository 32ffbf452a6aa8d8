"""The changes of handwriting in distort.py, and the random ones training draws from them (augment.py)."""

import numpy as np
import pytest

from digits.images import augment, distort, handwriting


def dot(size=15, at=(7, 7)):
    image = np.zeros((1, size, size), np.float32)
    image[0][at] = 1
    return image


def bar(size=28, rows=(4, 24), cols=(12, 15)):
    """A vertical bar, 20 pixels tall: a 1 as MNIST boxes it."""
    image = np.zeros((1, size, size), np.float32)
    image[0, rows[0]:rows[1], cols[0]:cols[1]] = 1
    return image


def test_the_identity_map_and_a_whole_pixel_shift_move_nothing_or_exactly_that():
    rng = np.random.default_rng(0)
    images = rng.random((3, 12, 10)).astype(np.float32)
    assert np.allclose(distort.warp(images, np.eye(2)), images, atol=1e-5)
    moved = distort.warp(dot(), np.eye(2), shift=(2, -3))
    assert moved[0, 9, 4] == pytest.approx(1) and moved.sum() == pytest.approx(1)


def test_a_positive_slant_leans_the_top_right_and_a_quarter_turn_is_clockwise():
    leaning = distort.warp(bar(), distort.linear_map(slant=0.5))[0]
    ink_columns = lambda row: np.flatnonzero(leaning[row] > 0.5)  # noqa: E731
    assert ink_columns(5).mean() > ink_columns(22).mean() + 5
    turned = distort.warp(dot(at=(2, 7)), distort.linear_map(rotate=90))[0]   # the top point…
    assert np.unravel_index(turned.argmax(), turned.shape) == (7, 12)          # …goes to the right


def test_aspect_scales_each_axis():
    wide = distort.warp(bar(), distort.linear_map(scale_x=2.0))[0]
    assert (wide[14] > 0.5).sum() == 6 and (wide[:, 14] > 0.5).sum() == 20


def test_dilation_grows_a_dot_into_a_disk_and_erosion_takes_it_back():
    grown = distort.dilate(dot(), 2)
    assert grown.sum() == len(distort.disk(2)) == 13
    assert np.array_equal(distort.erode(grown, 2), dot())
    assert np.array_equal(distort.dilate(dot(), 0), dot())


def test_the_pen_changes_a_stroke_width_by_whole_and_fractional_pixels():
    assert (distort.pen(bar(), 1)[0, 14] > 0.5).sum() == 5
    assert (distort.pen(bar(), -1)[0, 14] > 0.5).sum() == 1
    half = distort.pen(bar(), 0.5)[0, 14]
    assert half[11] == pytest.approx(0.5) and half[12:15].min() == 1 and half[10] == 0
    per_image = distort.pen(np.concatenate([bar(), bar()]), np.array([1.0, -1.0]))
    assert (per_image[0, 14] > 0.5).sum() == 5 and (per_image[1, 14] > 0.5).sum() == 1


def test_an_elastic_field_is_smooth_and_as_large_as_asked():
    field = distort.elastic_field(np.random.default_rng(1), (4, 28, 28), 2.0, 4.0)
    assert field.shape == (4, 2, 28, 28)
    assert np.sqrt((field ** 2).mean(axis=(1, 2, 3))) == pytest.approx(2.0, rel=1e-4)
    neighbour_step = np.abs(np.diff(field, axis=-1)).mean()
    assert neighbour_step < 0.2 * np.abs(field).mean()          # neighbours move together


def test_gaps_only_remove_ink_and_only_near_where_a_stroke_was():
    image = bar()
    cut = distort.cut_gaps(image, np.random.default_rng(2), 2, 1.5)
    assert (cut <= image).all() and 0 < (image - cut).sum() <= 2 * len(distort.disk(1.5))
    rows_cut = np.flatnonzero((image - cut)[0].any(axis=1))
    assert len(rows_cut) >= 3                                     # the bar is cut across
    assert np.array_equal(distort.cut_gaps(image[:0], np.random.default_rng(2), 2, 1.5), image[:0])


def test_speckle_flips_about_its_density_of_pixels_and_binarize_thresholds_at_a_half():
    images = np.random.default_rng(3).random((10, 40, 40)).astype(np.float32)
    flipped = distort.speckle(distort.binarize(images), np.random.default_rng(4), 0.1)
    assert np.mean(flipped != distort.binarize(images)) == pytest.approx(0.1, abs=0.01)
    assert set(np.unique(distort.binarize(images))) == {0.0, 1.0}
    blocks = distort.speckle(np.zeros((1, 12, 12), np.float32), np.random.default_rng(5), 0.5, speck=3)
    assert (blocks[0].reshape(4, 3, 4, 3).std(axis=(1, 3)) == 0).all()   # specks are 3 x 3 squares


def test_enlarging_keeps_flat_ink_flat_and_multiplies_the_sides():
    big = distort.enlarge(np.full((2, 28, 28), 0.5, np.float32), 3)
    assert big.shape == (2, 84, 84) and np.allclose(big, 0.5)


def test_a_random_writer_with_no_change_leaves_an_mnist_boxed_digit_as_it_is():
    rng = np.random.default_rng(6)
    same = augment.random_writer(bar(), rng, rotate=0, scale=0, shift=0)
    assert np.allclose(same, bar(), atol=1e-5)


def test_a_bolder_or_wider_digit_is_fitted_back_into_mnists_twenty_pixel_box():
    rng = np.random.default_rng(7)
    images = np.concatenate([bar(cols=(10, 17))] * 50)
    for limits in [dict(bolder=2.0), dict(aspect=1.0)]:
        out = augment.random_writer(images, rng, rotate=0, scale=0, shift=0, **limits)
        height, width = augment.ink_extent(out, threshold=0.5)
        assert np.maximum(height, width).max() <= 21
        assert np.maximum(height, width).min() >= 18


def test_the_fine_tuning_call_of_random_affine_still_moves_images():
    images = bar()
    moved = augment.random_affine(np.concatenate([images] * 5), np.random.default_rng(8), 8.0, 0.08, 1.5)
    assert moved.shape == (5, 28, 28) and not np.allclose(moved, images)


def test_a_pen_trajectory_keeps_eight_points_evenly_spaced_along_the_pen_path():
    strokes = [[(0.0, 0.0), (0.7, 0.0)], [(0.7, 0.7)]]        # the pen lifts, then taps a point
    (path,) = handwriting.trajectory(strokes)
    assert path.shape == (8, 2)
    assert np.allclose(path[0], (0, 0)) and np.allclose(path[-1], (0.7, 0.7))
    # 1.4 of path (the pen's jump included) in 7 steps of 0.2, turning the corner at (0.7, 0):
    assert np.allclose(path, [(0, 0), (0.2, 0), (0.4, 0), (0.6, 0), (0.7, 0.1), (0.7, 0.3), (0.7, 0.5), (0.7, 0.7)])
