"""Every way of writing each digit that the networks learned, drawn through the pad.

Each style is drawn with pen events dispatched to the pad (chromium.replay): the same strokes,
ink and preprocessing a mouse would give, each stroke at once rather than point by point (the
recognizer's own tests draw with the mouse and a finger). Still the longest of the browser
tests: a file of its own, so that the others run in parallel on another worker meanwhile
(pytest-xdist gives each file to one worker).
"""

import numpy as np
import pytest

from digits.images import handwriting
from test_recognizer_browser import draw_with_script, start_over

pytestmark = pytest.mark.browser


@pytest.fixture
def app(open_shared_app):
    """The page at its default view, booted once for the module and started over for each size."""
    page = open_shared_app()
    start_over(page)
    return page


@pytest.mark.slow
@pytest.mark.parametrize("size", [0.75, 0.3], ids=["big", "small"])
def test_every_style_of_every_digit_is_read_by_the_default_network(app, size):
    # The styles of bench/handwriting.py, drawn upright through the pad.
    misread = []
    for digit, styles in handwriting.STYLES.items():
        for style, strokes in styles.items():
            points = np.concatenate(strokes)
            centre, extent = (points.max(axis=0) + points.min(axis=0)) / 2, (points.max(axis=0) - points.min(axis=0)).max()
            placed = [[tuple(0.5 + (np.asarray(p) - centre) * size / extent) for p in stroke] for stroke in strokes]
            app.get_by_test_id("clear").click()
            answer = draw_with_script(app, placed)
            if answer != str(digit):
                misread.append(f"{digit} ({style}) read as {answer}")
    assert not misread
