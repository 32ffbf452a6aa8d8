"""The recognizer's menu: the networks that ship with the page, and the one it reads with first.

The page has these before Python is ready (build.py writes them into it), so the recognizer's
own module, which the page imports first, does not carry them.
"""

import json
from pathlib import Path

from ..images import catalogue
from ..nets.models import WEIGHTS_DIR
from .answers.menu import RecognizerFacts
from .network_names import architecture_name

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
