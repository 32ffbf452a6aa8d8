"""Write a number, driven as a visitor would: digits drawn stroke by stroke on the wide pad, the
number read, its digits boxed; Clear; and ink that is no number."""

import re

import numpy as np
import pytest
from playwright.sync_api import expect

import chromium

from digits.images import handwriting
from digits.images.written_numbers import lay_out

pytestmark = pytest.mark.browser

OPEN_FOUR = handwriting.STYLES[4]["US ball and stick: open"]
BARRED_SEVEN = handwriting.STYLES[7]["German school: barred"]
FIVE_BAR_LAST = handwriting.STYLES[5]["US ball and stick: bar last"]
ONE = handwriting.STYLES[1]["US ball and stick: stick"]
ZERO = handwriting.STYLES[0]["US ball and stick: oval"]


def open_number(open_app, **options):
    page = open_app("#number", **options)
    page.get_by_test_id("number-pad").scroll_into_view_if_needed()
    return page


def pad_width(page):
    box = page.get_by_test_id("number-pad").bounding_box()
    return box["width"] / box["height"]


def write(page, strokes):
    """Draw each stroke (points in units of the pad's height) with the mouse, and wait after each
    for the reading it asks for: number-read's data-version moves on."""
    pad = page.get_by_test_id("number-pad")
    read = page.get_by_test_id("number-read")
    box = pad.bounding_box()
    for stroke in strokes:
        version = read.get_attribute("data-version")
        chromium.stroke_on_number_pad(page, box, stroke)
        expect(read).not_to_have_attribute("data-version", version)


def flat(digits):
    return [stroke for strokes in digits for stroke in strokes]


def test_a_number_written_stroke_by_stroke_is_read_and_each_digit_boxed(open_app):
    page = open_number(open_app)
    width = pad_width(page)
    written = lay_out([OPEN_FOUR, BARRED_SEVEN, FIVE_BAR_LAST, ONE, ZERO], 0.3, 0.7, pad_width=width)
    write(page, flat(written))
    expect(page.get_by_test_id("number-read")).to_have_attribute("data-digits", "47510")
    digits = page.get_by_test_id("number-digit")
    expect(digits).to_have_count(5)
    for i, strokes in enumerate(written):
        assert digits.nth(i).get_attribute("data-digit") == "47510"[i]
        left, top, right, bottom = map(float, digits.nth(i).get_attribute("data-box").split(","))
        centre = np.concatenate(strokes).mean(axis=0)
        assert left < centre[0] / width < right and top < centre[1] < bottom

    page.get_by_test_id("number-clear").click()
    expect(page.get_by_test_id("number-read")).to_have_attribute("data-digits", "")
    expect(digits).to_have_count(0)


def test_a_misread_number_leads_to_the_guided_minute(open_app):
    """Beside the network that read the number: where to teach it the visitor's handwriting."""
    page = open_number(open_app)
    page.get_by_test_id("number-teach").click()
    expect(page).to_have_url(re.compile(r"#draw$"))
    expect(page.get_by_test_id("teach-guided-start")).to_be_in_viewport()


def test_strokes_quicker_than_its_readings_end_in_a_reading_of_the_whole_number(open_app):
    """No wait between strokes: readings are dropped for newer ones, and once number-read says it is
    no longer busy, what it shows is the whole number."""
    page = open_number(open_app)
    page.get_by_test_id("number-clear").click()
    read = page.get_by_test_id("number-read")
    box = page.get_by_test_id("number-pad").bounding_box()
    strokes = flat(lay_out([ONE, OPEN_FOUR, BARRED_SEVEN], 0.3, 0.7, pad_width=pad_width(page)))
    for stroke in strokes:
        chromium.stroke_on_number_pad(page, box, stroke)
    expect(read).to_have_attribute("data-busy", "false")
    assert read.get_attribute("data-digits") == "147"
    expect(page.get_by_test_id("number-digit")).to_have_count(3)


def test_ink_that_is_no_number_gets_a_sentence_and_the_pad_stays_usable(open_app):
    page = open_number(open_app, has_touch=True, viewport={"width": 390, "height": 844})
    width = pad_width(page)
    read, message = page.get_by_test_id("number-read"), page.locator(".number-message")
    t = np.linspace(0, 1, 300)
    scribble = np.stack([0.5 + 0.3 * np.sin(2 * np.pi * 23 * t), 0.5 + 0.35 * np.sin(2 * np.pi * 19 * t + 1)], axis=1)
    write(page, [scribble])
    expect(read).to_have_attribute("data-digits", "")
    expect(message).to_have_text("No digit fits the first mark from the left: write the digits one by one, or press Undo.")

    page.get_by_test_id("number-undo").click()
    expect(message).to_have_text("Write a number on the pad, up to 12 digits.")
    ones = lay_out([ONE] * 13, 0.08, 0.5, pad_width=width)
    write(page, flat(ones))
    expect(message).to_have_text("That is more than 12 digits: the pad reads up to 12 at once. Press Undo or Clear.")
    expect(read).to_have_attribute("data-digits", "")

    page.get_by_test_id("number-undo").click()
    expect(read).to_have_attribute("data-digits", "1" * 12)
