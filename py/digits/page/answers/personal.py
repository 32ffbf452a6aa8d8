"""What a personal set, as a file, answers (page/personal.py)."""

from typing import TypedDict


class PersonalSet(TypedDict):
    """images: base64 of N·784 bytes."""
    images: str
    labels: list[int]
