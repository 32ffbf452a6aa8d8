"""Reading a number: strokes grouped into digits, touching digits cut, the best cutting read, and
the page function that answers the page (py/digits/images/stroke_groups, cuts, segment; page/number)."""

import numpy as np
import pytest

from digits.images import handwriting
from digits.images.cuts import clip_strokes
from digits.images.segment import read_number
from digits.images.stroke_groups import group_strokes
from digits.images.written_numbers import lay_out, write_number
from digits.nets import models
from digits.page import number
from digits.page.api import Page


@pytest.fixture(scope="module")
def cnn():
    return models.load("cnn")


def style(digit, name):
    return handwriting.STYLES[digit][name]


OPEN_FOUR = style(4, "US ball and stick: open")                 # the L, then the stem across its bar
BARRED_SEVEN = style(7, "German school: barred")
FIVE_BAR_LAST = style(5, "US ball and stick: bar last")
ONE = style(1, "US ball and stick: stick")
ZERO = style(0, "US ball and stick: oval")
TWO = style(2, "US ball and stick: flat base")


def flat(digits):
    return [stroke for strokes in digits for stroke in strokes]


@pytest.mark.parametrize("drawing", [OPEN_FOUR, BARRED_SEVEN, FIVE_BAR_LAST], ids=["4", "7 with a bar", "5 bar last"])
def test_a_digit_of_two_strokes_is_one_group(drawing):
    assert len(drawing) == 2
    assert len(group_strokes(lay_out([drawing], 0.3, 0.7)[0])) == 1


def test_a_number_of_multi_stroke_digits_groups_each_digit_with_its_strokes():
    written = lay_out([OPEN_FOUR, BARRED_SEVEN, FIVE_BAR_LAST, ONE], 0.25, 0.7)
    groups = group_strokes(flat(written))
    assert [len(g) for g in groups] == [2, 2, 2, 1]


def test_groups_come_left_to_right_whatever_the_order_of_writing():
    one, four = lay_out([ONE, OPEN_FOUR], 0.3, 0.7)
    groups = group_strokes(four + one)                               # the 4 written first, on the right
    assert [len(g) for g in groups] == [1, 2]


def test_the_bar_of_a_five_drawn_last_joins_the_five_not_the_next_digit():
    five, two = lay_out([FIVE_BAR_LAST, TWO], 0.15, 0.7)
    stem, bar = five
    assert len(group_strokes([stem, *two, bar])) == 2


def test_digits_read_in_order(cnn):
    written = lay_out([OPEN_FOUR, BARRED_SEVEN, FIVE_BAR_LAST, ONE, ZERO], 0.25, 0.7)
    best = read_number(flat(written), cnn.predict)[0]
    assert best.text == "47510"
    lefts = [d.box[0] for d in best.digits]
    assert lefts == sorted(lefts)


def test_two_digits_written_in_one_stroke_are_cut_apart(cnn):
    zero, two = lay_out([ZERO, TWO], -0.05, 0.7)                     # overlapping a little
    joined = [np.concatenate([zero[0], two[0]])]                     # the pen never lifted between them
    assert len(group_strokes(joined)) == 1
    assert read_number(joined, cnn.predict)[0].text == "02"


def test_touching_digits_by_synthetic_writers_are_mostly_read_right(cnn):
    rng = np.random.default_rng(5)
    right = 0
    for _ in range(20):
        digits = "".join(str(d) for d in rng.integers(0, 10, size=3))
        right += read_number(flat(write_number(digits, 0.0, rng)), cnn.predict)[0].text == digits
    assert right >= 16


def test_clipping_a_stroke_keeps_the_part_between_the_lines():
    parts = clip_strokes([np.array([[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0]])], 0.25, 0.75)
    assert [p.tolist() for p in parts] == [[[0.25, 0.0], [0.75, 0.0]], [[0.75, 1.0], [0.25, 1.0]]]


def test_nothing_drawn_is_nothing_read(cnn):
    assert read_number([], cnn.predict) == []


# ---------------------------------------------------------------- the page function

@pytest.fixture(scope="module")
def page(cnn):
    page = Page()
    page.session.models["cnn"] = cnn
    return page


def ask(page, strokes, width=4.0):
    import json
    points = [float(v) for stroke in strokes for point in stroke for v in point]
    answer = json.loads(page.dispatch("read_number", json.dumps(["cnn", points, [len(s) for s in strokes], width])))
    assert "ok" in answer, answer
    return answer["ok"]


def test_the_page_gets_digits_boxes_images_and_probabilities(page):
    written = lay_out([OPEN_FOUR, BARRED_SEVEN, ONE], 0.3, 0.7)
    answer = ask(page, flat(written))
    assert answer["status"] == "read" and answer["digits"] == "471"
    for part, strokes in zip(answer["parts"], written):
        left, top, right, bottom = part["box"]
        x = np.concatenate(strokes)[:, 0].mean() / 4.0
        assert 0 <= left < x < right <= 1 and 0 <= top < bottom <= 1
        assert (part["image"]["dtype"], part["image"]["shape"]) == ("uint8", [28, 28])
        assert abs(sum(part["probabilities"]) - 1) < 1e-3
        assert part["digit"] == int(np.argmax(part["probabilities"]))


def test_an_empty_pad_gets_a_sentence(page):
    assert ask(page, []) == {"status": "empty",
                             "message": "Write a number on the pad: a year, a price, a phone number."}


def test_more_than_twelve_digits_gets_a_sentence(page):
    ones = lay_out([ONE] * 13, 0.25, 0.5, pad_width=9.0)
    assert ask(page, flat(ones), width=9.0) == {
        "status": "too_many", "message": "That is more than 12 digits: the pad reads up to 12 at once. Press Undo or Clear."}
    assert ask(page, flat(ones[:12]), width=9.0)["digits"] == "1" * 12


def test_a_scribble_gets_a_sentence(page):
    t = np.linspace(0, 1, 400)
    scribble = np.stack([1.5 + 0.35 * np.sin(2 * np.pi * 23 * t), 0.5 + 0.35 * np.sin(2 * np.pi * 19 * t + 1)], axis=1)
    assert ask(page, [scribble]) == {"status": "no_digit", "message": "No digit fits the first mark from the left: "
                                     "write the digits one by one, or press Undo."}


@pytest.mark.parametrize("args, sentence", [
    (["cnn", [0.1, 0.2, 0.3], [2], 4.0], "Each stroke must have at least one point, and the points must add up to "
                                         "the strokes' lengths."),
    (["cnn", [0.1, 0.2], [1], 0.0], "The pad must be wider than 0 and at most 10 times its height, not 0.0."),
    (["cnn", [0.1, "x"], [1], 4.0], "Every point of a stroke must be two numbers."),
])
def test_malformed_strokes_get_a_sentence(page, args, sentence):
    import json
    assert json.loads(page.dispatch("read_number", json.dumps(args))) == {"error": sentence}


def test_a_number_read_again_after_one_more_stroke_reads_only_the_new_digit(cnn):
    from digits.images.segment import Memory
    written = flat(lay_out([OPEN_FOUR, BARRED_SEVEN, ONE], 0.3, 0.7))
    memory, images_read = Memory(), []

    def read(images):
        images_read.append(len(images))
        return cnn.predict(images)

    before = read_number(written[:-1], read, memory)[0]
    assert before.text == "47" and images_read == [2]
    again = read_number(written, read, memory)[0]
    assert again.text == "471" and images_read == [2, 1]
    # the same as read afresh (BLAS may sum a batch of one and a batch of three in other orders)
    assert read_number(written, cnn.predict)[0].score == pytest.approx(again.score, rel=1e-6)


def test_the_best_path_through_the_pieces_and_the_runner_up():
    from digits.images.segment import two_best_paths
    scores = {(0, 1): -0.1, (1, 2): -0.2, (0, 2): -0.5, (2, 3): -0.1, (1, 3): -2.0}
    (best, best_path), (second, second_path) = two_best_paths(3, scores)
    assert best_path == [(0, 1), (1, 2), (2, 3)] and best == pytest.approx(-0.4)
    assert second_path == [(0, 2), (2, 3)] and second == pytest.approx(-0.6)
