"""The recognizer's menu: the networks that ship with the page, and the one it reads with first.

The page has these before Python is ready (build.py writes them into it), so the recognizer's
own module, which the page imports first, does not carry them.
"""

import json
from pathlib import Path
from typing import TypedDict

from ..images import catalogue
from ..nets.models import WEIGHTS_DIR
from .network_names import architecture_name


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


DEFAULT_MODEL = "writers"   # the network that reads the drawing until the visitor picks another
# What a shipped network is for, where its architecture alone does not tell it from another.
ROLES = {"writers": "made for drawings like yours", "cnn": "the seed's, made for MNIST"}
POORLY = 0.9                # a held-out style read right less often than this is one the page names


def recognizer_facts(weights_dir=WEIGHTS_DIR) -> RecognizerFacts:
    """The recognizer's rules, for the page: the network it starts with, and every network that
    ships with the page (weights/NAME/manifest.json) as its menu describes it."""
    manifests = [json.loads(path.read_text()) for path in sorted(Path(weights_dir).glob("*/manifest.json"))]
    return {"default_model": DEFAULT_MODEL, "models": [shipped_model(manifest) for manifest in manifests]}


def shipped_model(manifest):
    """What the recognizer's menu says of a shipped network, from its manifest."""
    recipe = manifest.get("recipe", {})
    return {"name": manifest["name"], "label": architecture_name(manifest["architecture"]),
            "role": ROLES.get(manifest["name"], ""),
            "parameters": manifest["parameters"], "test_accuracy": manifest["test_accuracy"],
            "test_correct": manifest["test_correct"], "test_images": manifest["test_images"],
            "label_smoothing": recipe.get("label_smoothing", 0), "handwriting": recipe.get("handwriting", 0),
            "pen_mnist": recipe.get("pen_mnist", 0),
            **styles_learned(manifest)}


def styles_learned(manifest):
    """The ways of writing a network learned from (catalogue.py's trained scripts and variants), and
    how well it reads those held out of its training, as its manifest measured them: the mean share
    read right and the styles it reads poorly, worst first."""
    measured = manifest.get("held_out_styles", {})
    poorly = sorted(({"style": name, **result} for name, result in measured.items() if result["read_right"] < POORLY),
                    key=lambda style: style["read_right"])
    return {"learned_scripts": [name for name in catalogue.SCRIPTS if name not in catalogue.HELD_OUT_SCRIPTS],
            "learned_variants": sum(not style.held_out for style in catalogue.VARIANTS),
            "held_out_scripts": catalogue.HELD_OUT_SCRIPTS,
            "held_out_read": round(sum(r["read_right"] for r in measured.values()) / len(measured), 4) if measured else None,
            "reads_poorly": poorly}
