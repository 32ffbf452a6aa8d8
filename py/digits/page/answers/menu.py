"""The recognizer's facts (page/menu.py): the networks that ship with the page."""

from typing import TypedDict


class PoorlyReadStyle(TypedDict):
    style: str
    digit: int
    read_right: float
    mistaken_for: int | None


class ShippedModel(TypedDict):
    """a network that ships with the page, from its weights/NAME/manifest.json; label: what it is, in words;
    role: what it is for, where that tells it from a network of the same architecture ('' otherwise);
    label_smoothing, handwriting, pen_mnist: its training recipe's (0 when it used none); learned_scripts and
    learned_variants: the school scripts and personal variants its pad drawings were written in;
    held_out_read: the share it reads right of the styles held out of its training (null if unmeasured),
    reads_poorly: those it reads right less than 90% of the time, worst first."""
    name: str
    label: str
    role: str
    parameters: int
    test_accuracy: float
    test_correct: int
    test_images: int
    label_smoothing: float
    handwriting: float
    pen_mnist: int
    learned_scripts: list[str]
    learned_variants: int
    held_out_scripts: list[str]
    held_out_read: float | None
    reads_poorly: list[PoorlyReadStyle]


class RecognizerFacts(TypedDict):
    """default_model: the network that reads the drawing until the visitor picks another."""
    default_model: str
    models: list[ShippedModel]
