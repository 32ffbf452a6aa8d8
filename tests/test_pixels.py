"""MNIST's pixels: bytes to floats and back, the one scale every module uses."""

import numpy as np

from digits.images.pixels import to_float, to_uint8


def test_every_byte_goes_to_its_float_and_back():
    every = np.arange(256, dtype=np.uint8)
    floats = to_float(every)
    assert floats.dtype == np.float32 and floats[0] == 0 and floats[-1] == 1
    np.testing.assert_array_equal(floats, every.astype(np.float32) / np.float32(255))
    np.testing.assert_array_equal(to_uint8(floats), every)


def test_the_preprocessing_reads_a_canvas_in_double_precision():
    assert to_float(np.array([[0, 51, 255]], np.uint8), np.float64).tolist() == [[0.0, 0.2, 1.0]]


def test_floats_outside_zero_to_one_are_clipped_not_wrapped():
    assert to_uint8(np.array([-0.5, 0.499 / 255, 0.5 / 255 + 1e-6, 1.2])).tolist() == [0, 0, 1, 255]
