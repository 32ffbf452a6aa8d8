"""The recognizer's menu: the networks that ship with the page, and the one it reads with first.

The page has these before Python is ready (build.py writes them into it), so the recognizer's
own module, which the page imports first, does not carry them.
"""

import json
from pathlib import Path

from .models import WEIGHTS_DIR
from .network_names import architecture_name

DEFAULT_MODEL = "cnn"       # the network that reads the drawing until the visitor picks another


def recognizer_facts(weights_dir=WEIGHTS_DIR):
    """The recognizer's rules, for the page: the network it starts with, and every network that
    ships with the page (weights/NAME/manifest.json) as its menu describes it."""
    manifests = [json.loads(path.read_text()) for path in sorted(Path(weights_dir).glob("*/manifest.json"))]
    return {"default_model": DEFAULT_MODEL, "models": [shipped_model(manifest) for manifest in manifests]}


def shipped_model(manifest):
    """What the recognizer's menu says of a shipped network, from its manifest."""
    recipe = manifest.get("recipe", {})
    return {"name": manifest["name"], "label": architecture_name(manifest["architecture"]),
            "parameters": manifest["parameters"], "test_accuracy": manifest["test_accuracy"],
            "test_correct": manifest["test_correct"], "test_images": manifest["test_images"],
            "label_smoothing": recipe.get("label_smoothing", 0), "handwriting": recipe.get("handwriting", 0)}
