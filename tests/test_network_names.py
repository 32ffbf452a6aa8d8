"""What the page calls each network comes from Python: the shipped ones by their architecture,
the ones trained in the page by their settings."""

import json
from pathlib import Path

from digits.page.network_names import architecture_name, names_facts, settings_name
from digits.page import training, menu

WEIGHTS = Path(__file__).resolve().parents[1] / "weights"


def test_each_shipped_network_is_named_by_its_architecture():
    names = {path.parent.name: architecture_name(json.loads(path.read_text())["architecture"])
             for path in WEIGHTS.glob("*/manifest.json")}
    assert names == {"cnn": "convolutional network", "writers": "convolutional network", "mlp": "784-128-64-10 ReLU network",
                     "nielsen": "784-30-10 sigmoid network"}


def test_a_network_trained_in_the_page_is_named_by_its_settings():
    assert settings_name(training.DEFAULTS) == "784-30-10 sigmoid"
    assert settings_name({**training.DEFAULTS, "hidden": 100, "activation": "relu"}) == "784-100-10 relu"
    assert settings_name(training.CONV_DEFAULTS) == "convnet 8-16"              # no dense layer: dense 0
    assert settings_name({**training.CONV_DEFAULTS, "dense": 64}) == "convnet 8-16-64"


def test_the_recognizers_menu_and_first_network_come_from_its_facts():
    facts = menu.recognizer_facts()
    assert facts["default_model"] == "writers"
    assert [model["name"] for model in facts["models"]] == ["cnn", "mlp", "nielsen", "writers"]
    assert facts["default_model"] in [model["name"] for model in facts["models"]]


def test_the_kinds_and_activations_the_page_trains_each_have_a_name():
    facts = names_facts()
    assert set(facts["kinds"]) == set(training.NETWORKS) and set(facts["activations"]) == set(training.ACTIVATIONS)
