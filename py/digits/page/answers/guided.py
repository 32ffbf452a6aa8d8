"""What the guided minute answers (page/guided.py)."""

from typing import TypedDict


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
