"""What Why it says what it says answers (page/why.py)."""

from typing import Literal, NotRequired, TypedDict

AttributionMethod = Literal["gradient-x-input", "occlusion"]


class Attribution(TypedDict):
    """values: 784, row by row, positive where the pixel pushes `digit` up; probability: p_digit; answer: the digit read."""
    digit: int
    method: AttributionMethod
    values: list[float]
    probability: float
    answer: int


class Nudge(TypedDict):
    """digit: what the network reads after the change; changed: pixels moved by more than `threshold`;
    values: the changed image, 784 values in [0, 1]."""
    target: int
    digit: int
    converged: bool
    steps: int
    budget: int
    changed: int
    threshold: float
    values: list[float]
    probabilities: list[float]


class MapProgress(TypedDict):
    model: str
    done: int
    total: int
    finished: bool


class MapSlice(MapProgress):
    """x, y, labels and spread (the share of the features' variance the two axes keep) once finished."""
    x: NotRequired[list[float]]
    y: NotRequired[list[float]]
    labels: NotRequired[list[int]]
    spread: NotRequired[float]


class MapPlace(TypedDict):
    model: str
    x: float
    y: float
    nearest: int
    nearest_label: int


class MapDigit(TypedDict):
    """pixels: its 784 bytes in base64."""
    index: int
    label: int
    pixels: str
