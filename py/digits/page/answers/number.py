"""What Write a number answers (page/number.py)."""

from typing import Literal, TypedDict


class NumberDigit(TypedDict):
    """One digit found: box, [left, top, right, bottom] as fractions of the pad's width and height;
    image, the 28x28 picture the network saw as MNIST keeps its digits: 784 bytes (0 background, 255
    ink), row by row."""
    digit: int
    box: list[float]
    probabilities: list[float]
    image: list[float]


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
