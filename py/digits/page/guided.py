"""The guided minute: teach a network your handwriting, one asked-for digit at a time.

The page asks for each digit a few times in a shuffled order on the recognizer's pad,
fine-tunes the chosen network on those drawings (teach.py, as it is), then asks for
each digit once more: a check round. Neither network learned from the check round's
drawings, so reading them with the network before and after its tuning is an honest
before and after (reading the drawings it learned from would flatter it).
"""

from typing import TypedDict

import numpy as np

from ..errors import VisitorError
from ..images.pixels import to_float


class GuidedFacts(TypedDict):
    """per_digit_choices: the drawings of each digit the visitor may give (1, 2, 3); per_digit: the
    default; check_per_digit: the check round's; sure_otherwise: how sure a reading of another
    digit than the one asked makes the page ask before teaching it."""
    per_digit_choices: list[int]
    per_digit: int
    check_per_digit: int
    sure_otherwise: float


class GuidedCheck(TypedDict):
    """The check round read by the network before its tuning and after: how many of `drawings`
    each reads right, and the digit each read, drawing by drawing."""
    drawings: int
    right_before: int
    right_after: int
    read_before: list[int]
    read_after: list[int]


PER_DIGIT_CHOICES = [1, 2, 3]   # drawings of each digit the visitor may choose to give
PER_DIGIT = 2                   # by default: 20 drawings, about a minute
CHECK_PER_DIGIT = 1             # the check round: 10 drawings, neither network has seen them
# A drawing read this sure as another digit than the one asked for is probably that other digit
# (a slip of the pen, or of the eye): the page asks before it teaches a label that may be wrong.
# Not 0.9: a network trained with label smoothing (the cnn keeps 10% of doubt) reads even a
# clear digit only about 91% sure.
SURE_OTHERWISE = 0.8


def guided_facts() -> GuidedFacts:
    """The guided minute's rules, for the page: how many drawings of each digit it may ask for and
    asks for by default, how many of each the check round asks for, and how sure a reading of
    another digit must be for the page to ask whether the drawing is what was asked."""
    return {"per_digit_choices": PER_DIGIT_CHOICES, "per_digit": PER_DIGIT, "check_per_digit": CHECK_PER_DIGIT,
            "sure_otherwise": SURE_OTHERWISE}


def guided_check(session, before: str, after: str, images: np.ndarray, labels: list[int]) -> GuidedCheck:
    """Read the check round's drawings with the network before its tuning and after it.

    images: N·784 bytes, 28x28 drawings in MNIST's form (0 background, 255 ink); labels:
    the N digits they are. Answers how many each network reads right, out of N, and
    what each one read.
    """
    images = np.asarray(images, np.uint8)
    labels = np.asarray(labels)
    if images.size != 784 * len(labels) or len(labels) == 0:
        raise VisitorError(f"The check round needs one 28×28 drawing per digit; the page sent {images.size:,} "
                           f"bytes for {len(labels)} digits.")
    if labels.dtype.kind not in "iu" or not 0 <= labels.min() <= labels.max() <= 9:
        raise VisitorError("The check round's digits must all be digits from 0 to 9.")
    pictures = to_float(images.reshape(-1, 28, 28))
    read_before = session.model(before).predict(pictures).argmax(axis=1)
    read_after = session.model(after).predict(pictures).argmax(axis=1)
    return {"drawings": len(labels),
            "right_before": int((read_before == labels).sum()), "right_after": int((read_after == labels).sum()),
            "read_before": read_before.tolist(), "read_after": read_after.tolist()}
