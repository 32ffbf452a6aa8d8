"""The pad's rules, for the page: the bitmap Python reads and the pen the page paints with.

images/handwriting.py paints synthetic drawings with this pen; the page paints the visitor's
strokes with it too (site/js/widgets/ink.js), from these facts, so that a drawing on the page
and one painted in Python are the same pixels.
"""

from typing import TypedDict

from ..images.handwriting import CANVAS, FULL_PEN_EXTENT, MIN_EXTENT, PEN_WIDTH


class PadFacts(TypedDict):
    """canvas: the side of the bitmap Python reads; pen_width: the pen, as a share of the pad's side, for a digit
    whose extent (also a share of the side) is full_pen_extent or more; a smaller digit gets a pen finer in
    proportion, as if its extent were at least min_extent."""
    canvas: int
    pen_width: float
    full_pen_extent: float
    min_extent: float


def pad_facts() -> PadFacts:
    """The pad's rules, which the page paints by (site/js/widgets/ink.js): the model canvas's
    side and the pen, so that a drawing on the page and one painted here are the same pixels."""
    return {"canvas": CANVAS, "pen_width": PEN_WIDTH, "full_pen_extent": FULL_PEN_EXTENT, "min_extent": MIN_EXTENT}
