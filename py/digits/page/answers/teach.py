"""What Teach it your handwriting answers (page/teach.py)."""

from typing import TypedDict


class TeachFacts(TypedDict):
    """max_personal: drawings a personal set keeps at most; max_file_bytes: the largest file imported;
    mnist_digits: how many MNIST test digits a tuning is measured on, before and after."""
    max_personal: int
    max_file_bytes: int
    mnist_digits: int


class TuningStarted(TypedDict):
    """name: the tuned network's, e.g. "cnn-tuned"."""
    name: str
    before: float
    steps: int


class TuningSlice(TypedDict):
    losses: list[float]
    step: int
    steps: int
    done: bool


class TuningResult(TypedDict):
    """How well the tuned network reads, before and after: the personal set, and 1,000 MNIST test digits."""
    name: str
    base: str
    before: float
    after: float
    mnist_before: float
    mnist_after: float
