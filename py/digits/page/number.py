"""Write a number: read the digits of a number written on the wide pad, and say how it was cut.

The pad sends its strokes as points in units of its height (a digit pad as tall as
this one would see the same units) and its width in those units; images/segment.py
groups, cuts and reads them with the chosen network, and this module answers the
page: each digit with its box as fractions of the pad, the 28x28 image the network
saw and its ten probabilities, and the runner-up when it came close. Empty pads,
numbers of too many digits and ink that no digit fits get a sentence instead.
"""

from typing import Literal, TypedDict

import numpy as np

from ..errors import VisitorError
from ..images.pixels import to_uint8
from ..images.segment import Memory, read_number as best_cuttings
from ..images.stroke_groups import group_strokes
from .arrays import PageArray, to_page


class NumberDigit(TypedDict):
    """One digit found: box, [left, top, right, bottom] as fractions of the pad's width and height;
    image, the 28x28 picture the network saw as MNIST keeps its digits: bytes, 0 background, 255 ink."""
    digit: int
    box: list[float]
    probabilities: list[float]
    image: PageArray


class RunnerUp(TypedDict):
    """The second best way of cutting the ink: its digits, its score (a product of probabilities and
    priors, as `score` of the best) and its boxes."""
    digits: str
    score: float
    boxes: list[list[float]]


class NumberRead(TypedDict):
    """digits: the number read, one character per digit; score: the best cutting's product of its
    digits' probabilities and the width prior; runner_up: the second best cutting when it came close."""
    status: Literal["read"]
    digits: str
    score: float
    parts: list[NumberDigit]
    runner_up: RunnerUp | None


class NumberRefused(TypedDict):
    """Nothing read: the pad is empty (empty), holds more digits than are read (too_many), or ink no
    digit fits (no_digit); message says so in a sentence."""
    status: Literal["empty", "too_many", "no_digit"]
    message: str


NumberReading = NumberRead | NumberRefused


class NumberFacts(TypedDict):
    """max_digits: the most digits read at once; max_points: the most points the pad sends."""
    max_digits: int
    max_points: int


MAX_DIGITS = 12
MAX_POINTS = 20_000        # far more than a hand draws on the pad; more would only cost time
MAX_WIDTH = 10.0           # the widest pad, in units of its height
RUNNER_UP_WITHIN = 0.25    # a runner-up is shown when its score is at least this share of the best's
NO_DIGIT_BELOW = 0.3       # a digit read less surely than this is not a digit
DENSE_INK = 0.4            # nor is ink that covers more than this share of its 28x28 image: a scribble


def number_facts() -> NumberFacts:
    """The limits the page says before Python is ready."""
    return {"max_digits": MAX_DIGITS, "max_points": MAX_POINTS}


def read_number(session, model: str, points: list[float], lengths: list[int], width: float) -> NumberReading:
    """Read the number drawn: `points` are x, y, x, y… in units of the pad's height, stroke after
    stroke; `lengths` how many points each stroke has; `width` the pad's width over its height."""
    network = session.model(model)
    strokes = as_strokes(points, lengths, width)
    if not strokes:
        return {"status": "empty", "message": "Write a number on the pad: a year, a price, a phone number."}
    if len(group_strokes(strokes)) > MAX_DIGITS:
        return too_many()
    cuttings = best_cuttings(strokes, network.predict, memory_of(session, network))
    best = cuttings[0]
    if len(best.digits) > MAX_DIGITS:
        return too_many()
    for place, digit in enumerate(best.digits, start=1):
        if digit.probabilities.max() < NO_DIGIT_BELOW or digit.image.mean() > DENSE_INK:
            return {"status": "no_digit", "message": f"No digit fits the {ordinal(place)} mark from the left: "
                    "write the digits one by one, or press Undo."}
    runner_up = cuttings[1] if len(cuttings) > 1 else None
    close = runner_up is not None and runner_up.score >= best.score + np.log(RUNNER_UP_WITHIN)
    return {"status": "read", "digits": best.text, "score": float(np.exp(best.score)),
            "parts": [{"digit": d.digit, "box": fractions(d.box, width),
                       "probabilities": np.round(d.probabilities, 4).tolist(),
                       "image": to_page(to_uint8(d.image))} for d in best.digits],
            "runner_up": {"digits": runner_up.text, "score": float(np.exp(runner_up.score)),
                          "boxes": [fractions(d.box, width) for d in runner_up.digits]} if close else None}


def memory_of(session, network):
    """The digits `network` has read of the visitor's number so far (another network forgets them)."""
    if session.number_memory is None or session.number_memory[0] is not network:
        session.number_memory = (network, Memory())
    return session.number_memory[1]


def as_strokes(points, lengths, width):
    """The strokes as (N, 2) arrays, checked: every number finite, the lengths adding up."""
    if not 0 < width <= MAX_WIDTH:
        raise VisitorError(f"The pad must be wider than 0 and at most {MAX_WIDTH:g} times its height, not {width}.")
    if len(points) > 2 * MAX_POINTS:
        raise VisitorError(f"A number may have at most {MAX_POINTS:,} points; this one has {len(points) // 2:,}.")
    if any(not isinstance(n, int) or isinstance(n, bool) or n < 1 for n in lengths) or 2 * sum(lengths) != len(points):
        raise VisitorError("Each stroke must have at least one point, and the points must add up to the strokes' lengths.")
    try:
        xy = np.asarray(points, dtype=float).reshape(-1, 2)
    except (TypeError, ValueError):
        xy = np.full((1, 2), np.nan)
    if not np.isfinite(xy).all():
        raise VisitorError("Every point of a stroke must be two numbers.")
    return np.split(xy, np.cumsum(lengths)[:-1]) if lengths else []


def too_many():
    return {"status": "too_many", "message": f"That is more than {MAX_DIGITS} digits: the pad reads up to "
            f"{MAX_DIGITS} at once. Press Undo or Clear."}


def fractions(box, width):
    """A box in units of the pad's height as [left, top, right, bottom] fractions of the pad, clipped to it."""
    left, top, right, bottom = box
    return [round(float(np.clip(v, 0, 1)), 4) for v in (left / width, top, right / width, bottom)]


def ordinal(n):
    return {1: "first", 2: "second", 3: "third"}.get(n, f"{n}th")
