"""Probes: the visitor's digit changed step by step, read in one batch."""

import numpy as np
import pytest

from digits.errors import VisitorError
from digits.explain import probes
from digits.images import handwriting
from digits.images.pixels import to_uint8
from digits.images.preprocess import to_mnist
from digits.nets import models


@pytest.fixture(scope="module")
def cnn():
    return models.load("cnn")


def drawn(digit, style, seed=0):
    """A digit painted as the pad paints it: the 280x280 alpha bytes the page sends."""
    strokes = handwriting.draw(handwriting.STYLES[digit][style], np.random.default_rng(seed))
    return to_uint8(handwriting.paint(strokes))


@pytest.mark.parametrize("name", list(probes.PROBES))
def test_strength_zero_is_the_plain_answer_bit_for_bit(name, cnn):
    bitmap = drawn(4, "US ball and stick: open")
    image = to_mnist(bitmap)                                      # what the page's bars read
    probabilities = cnn.predict(image[None])[0]
    plain = {"image": image, "probabilities": probabilities, "digit": int(probabilities.argmax())}
    answer = probes.probe_drawing(cnn, bitmap, name, [0, 0.5, 0])
    assert answer["empty"] is False and answer["strengths"] == [0, 0.5, 0]
    for at_zero in (0, 2):
        assert np.array_equal(answer["images"][at_zero], plain["image"])
        np.testing.assert_allclose(answer["probabilities"][at_zero], plain["probabilities"], rtol=1e-5, atol=1e-7)
        assert answer["digits"][at_zero] == plain["digit"]
    assert not np.array_equal(answer["images"][1], answer["images"][0])


def test_every_change_leaves_the_image_as_it_is_at_strength_zero():
    image = to_mnist(drawn(2, "US ball and stick: flat base"))
    for name, (change, *_) in probes.PROBES.items():
        out = change(image[None].copy(), [0.0], np.random.default_rng(3))
        assert out.shape == (1, 28, 28)
        assert np.array_equal(out[0], image), name


def test_a_one_turned_by_ninety_degrees_is_no_longer_a_one(cnn):
    answer = probes.probe_drawing(cnn, drawn(1, "US ball and stick: stick"), "rotate", [-90, 0, 90])
    assert answer["digits"][1] == 1
    assert answer["digits"][0] != 1 and answer["digits"][2] != 1
    turned = answer["images"][2]
    rows, cols = np.nonzero(turned > 0.5)
    assert np.ptp(cols) > 3 * np.ptp(rows)               # the upright stroke now lies flat


def test_rotation_is_clockwise_for_positive_degrees():
    image = np.zeros((28, 28), np.float32)
    image[4, 13:15] = 1                                   # a mark at the top
    out = probes.rotated(image[None].repeat(1, 0), [90.0], None)[0]
    rows, cols = np.nonzero(out > 0.5)
    assert cols.min() > 20 and 12 <= rows.mean() <= 15    # now at the right


def test_shifts_move_the_ink_by_whole_pixels():
    image = to_mnist(drawn(7, "US ball and stick: plain"))
    right = probes.shifted_right(image[None].repeat(2, 0), [3.0, -2.0], None)
    down = probes.shifted_down(image[None], [4.0], None)
    np.testing.assert_allclose(right[0][:, 3:], image[:, :-3], atol=1e-6)
    np.testing.assert_allclose(right[1][:, :-2], image[:, 2:], atol=1e-6)
    np.testing.assert_allclose(down[0][4:], image[:-4], atol=1e-6)


def test_thickness_and_stretch_change_the_amount_and_width_of_ink():
    image = to_mnist(drawn(0, "US ball and stick: oval"))
    ink = [float(i.sum()) for i in probes.thicker(image[None].repeat(3, 0), [-0.5, 0.0, 1.0], None)]
    assert ink[0] < ink[1] < ink[2]
    stretched = probes.stretched(image[None].repeat(3, 0), [-0.5, 0.0, 0.4], None)
    widths = [np.ptp(np.nonzero(i > 0.5)[1]) for i in stretched]
    assert widths[0] < widths[1] < widths[2]
    assert widths[0] == pytest.approx(widths[1] * 0.5, abs=2)


def test_erasing_removes_that_share_of_the_ink_and_more_includes_less():
    image = to_mnist(drawn(8, "UK print: snowman"))
    fractions = [0.1, 0.3, 0.6, 1.0]
    out = probes.erased(image[None].repeat(4, 0), fractions, np.random.default_rng(0))
    ink = np.count_nonzero(image > 0)
    for erased_image, fraction in zip(out, fractions):
        assert np.count_nonzero(erased_image > 0) == ink - round(fraction * ink)
    for less, more in zip(out, out[1:]):
        assert np.all((more == 0) | (more == less))       # what survives more erasing survived less
    assert not out[-1].any()
    again = probes.erased(image[None].repeat(4, 0), fractions, np.random.default_rng(0))
    assert np.array_equal(out, again)


def test_noise_is_seeded_and_grows_with_its_strength():
    image = to_mnist(drawn(3, "US ball and stick: two bumps"))
    out = probes.noisy(image[None].repeat(3, 0), [0.1, 0.3, 0.3], np.random.default_rng(5))
    change = [float(np.abs(o - image).mean()) for o in out]
    assert 0 < change[0] < change[1] == change[2]
    assert out.min() >= 0 and out.max() <= 1


def test_a_probe_reads_all_its_images_in_one_batch(cnn, monkeypatch):
    calls = []
    predict = cnn.predict
    monkeypatch.setattr(cnn, "predict", lambda images: calls.append(len(images)) or predict(images))
    answer = probes.probe_drawing(cnn, drawn(5, "US ball and stick: bar last"), "thickness")
    assert calls == [13] and len(answer["strengths"]) == 13 and 0.0 in answer["strengths"]
    assert len(answer["images"]) == len(answer["probabilities"]) == len(answer["digits"]) == 13
    for p, digit, confidence in zip(answer["probabilities"], answer["digits"], answer["confidence"]):
        assert sum(p) == pytest.approx(1, abs=1e-5) and p[digit] == confidence == max(p)


def test_every_default_series_has_thirteen_strengths_including_zero():
    for name in probes.PROBES:
        series = probes.strengths_of(name)
        assert len(series) == 13 and 0.0 in series, name
    assert probes.strengths_of("rotate")[::3] == [-90, -45, 0, 45, 90]


def test_bad_probes_and_strengths_get_a_clear_answer(cnn):
    image = np.zeros((28, 28), np.float32)
    with pytest.raises(VisitorError, match="^There is no probe 'spin'; the probes are rotate, thickness, "
                                           "shift_x, shift_y, stretch, noise, erase.$"):
        probes.probe(cnn, image, "spin")
    with pytest.raises(VisitorError, match=r"^The strengths of 'erase' must be numbers from 0 to 1 "
                                           r"\(fraction of the ink\).$"):
        probes.probe(cnn, image, "erase", [0.5, 1.5])
    with pytest.raises(VisitorError, match=r"^The strengths of 'rotate' must be numbers from -180 to 180 "
                                           r"\(degrees\).$"):
        probes.probe(cnn, image, "rotate", [float("nan")])
    with pytest.raises(VisitorError, match="^A probe takes 1 to 64 strengths, not 0.$"):
        probes.probe(cnn, image, "rotate", [])
    assert probes.probe_drawing(cnn, np.zeros((280, 280), np.uint8), "rotate") == {"empty": True}
