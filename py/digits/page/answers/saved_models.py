"""What networks made in the page, as files, answer (page/saved_models.py)."""

from typing import TypedDict


class AdoptedModel(TypedDict):
    name: str
    parameters: int
    test_accuracy: float | None
    test_correct: int | None
    base: str | None
