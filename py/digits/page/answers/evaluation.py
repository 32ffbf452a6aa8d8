"""What How good is it, and MNIST, answer (page/evaluation.py)."""

from typing import Literal, NotRequired, TypedDict


class DigitScore(TypedDict):
    digit: int
    count: int
    correct: int
    accuracy: float | None


class EvaluationProgress(TypedDict):
    """confusion[t][p]: how many test digits t were read as p; with per_digit, once finished."""
    model: str
    done: int
    total: int
    fraction: float
    finished: bool
    correct: int
    accuracy: float | None
    confusion: NotRequired[list[list[int]]]
    per_digit: NotRequired[list[DigitScore]]


# "true" is a Python keyword, so this one is spelled the functional way.
EvaluationCell = TypedDict("EvaluationCell", {"true": int, "predicted": int, "indices": list[int],
                                              "confidence": list[float], "pixels": str})
EvaluationCell.__doc__ = "pixels: the subset's uint8 bytes, 784 per digit, base64."


class SubsetFacts(TypedDict):
    train: int
    test: int
    test_per_digit: list[int]
    chosen: str


class MnistFacts(TypedDict):
    """What MNIST is; subset: what the page's subset holds."""
    name: str
    digits: int
    train: int
    test: int
    height: int
    width: int
    pixels: str
    writers: str
    preparation: str
    authors: str
    year: int
    url: str
    subset: NotRequired[SubsetFacts]


class GalleryReading(TypedDict):
    digit: int
    confidence: float


class GalleryDigit(TypedDict):
    index: int
    label: int
    kind: Literal["ordinary", "misread", "disagreement", "low confidence"]
    readings: dict[str, GalleryReading]


class Gallery(TypedDict):
    """pixels: the chosen digits' bytes, 784 each, base64."""
    per_digit: int
    odd: int
    pixels: str
    digits: list[GalleryDigit]
