"""The page's door into Python (py/digits/page/api.py), exercised in CPython exactly as the worker calls it."""

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from digits.images.data import load_mnist
from digits.images.pixels import to_float
from digits.images.preprocess import to_mnist
from digits.nets import models
from digits.page import api
from digits.page.arrays import from_page


@pytest.fixture
def page():
    """A fresh page: its own session, holding no network yet."""
    return api.Page()


@pytest.fixture
def call(page):
    def call(name, *args, binaries=None):
        return json.loads(page.dispatch(name, json.dumps(list(args)), binaries))
    return call


@pytest.fixture
def loaded_mlp(call):
    answer = call("load_model", "mlp", str(models.WEIGHTS_DIR / "mlp"))["ok"]
    manifest = json.loads((models.WEIGHTS_DIR / "mlp" / "manifest.json").read_text())
    assert answer == {"name": "mlp", "parameters": 784 * 128 + 128 + 128 * 64 + 64 + 64 * 10 + 10,
                      "test_accuracy": manifest["test_accuracy"], "test_correct": manifest["test_correct"]}
    return answer


def test_predict_a_bitmap_like_the_page_sends_it(call, loaded_mlp):
    images, labels = load_mnist("test")
    bitmap = np.kron(images[0], np.ones((10, 10), np.uint8))        # a 280x280 "drawing" of a 7
    answer = call("predict", "mlp", {"binary": 0}, 280, 280, binaries=[bitmap.ravel()])["ok"]
    assert answer["digit"] == labels[0] and not answer["empty"]
    np.testing.assert_array_equal(from_page(answer["image"]), to_mnist(bitmap))
    assert sum(answer["probabilities"]) == pytest.approx(1, abs=1e-5)


def test_an_empty_drawing_is_not_a_digit(call, loaded_mlp):
    blank = np.zeros(280 * 280, np.uint8)
    assert call("predict", "mlp", {"binary": 0}, 280, 280, binaries=[blank])["ok"] == {"empty": True}


def test_explain_shows_the_strongest_neurons_and_feature_maps(call, loaded_mlp):
    image = to_float(load_mnist("test")[0][1].ravel())
    why = call("explain", "mlp", {"binary": 0}, binaries=[image])["ok"]
    assert set(why) == {"kind", "hidden", "neurons"} and (why["kind"], why["hidden"]) == ("neurons", 128)
    activations = [n["activation"] for n in why["neurons"]]
    assert activations == sorted(activations, reverse=True) and from_page(why["neurons"][0]["weights"]).shape == (784,)

    call("load_model", "cnn", str(models.WEIGHTS_DIR / "cnn"))
    maps = call("explain", "cnn", {"binary": 0}, binaries=[image])["ok"]
    assert set(maps) == {"kind", "size", "maps"} and (maps["kind"], maps["size"]) == ("feature_maps", 24)
    pictures = from_page(maps["maps"])
    assert pictures.shape == (20, 24, 24) and pictures.min() == 0 and pictures.max() == 1


def test_compare_reads_the_image_with_every_loaded_network(call, loaded_mlp):
    image = to_float(load_mnist("test")[0][0].ravel())
    call("load_model", "nielsen", str(models.WEIGHTS_DIR / "nielsen"))
    all_of_them = call("compare", {"binary": 0}, binaries=[image])["ok"]
    assert sorted(all_of_them) == ["mlp", "nielsen"]
    assert all(np.argmax(p) == 7 for p in all_of_them.values())


def test_each_page_has_its_own_session(call, loaded_mlp):
    assert call("memory")["ok"]["models"] == ["mlp"]
    assert json.loads(api.Page().dispatch("memory", "[]"))["ok"]["models"] == []


def test_errors_come_back_as_sentences_not_tracebacks(call, tmp_path, loaded_mlp):
    assert call("nonsense") == {"error": "Python has no page function called 'nonsense'."}
    assert call("explain", "nobody", {"binary": 0}, binaries=[np.zeros(784, np.float32)]) == {
        "error": "The model 'nobody' is not loaded."}
    models.save(models.nielsen(), tmp_path, {})
    (tmp_path / "0_b.npy").write_bytes(b"garbage")
    assert call("load_model", "nielsen", str(tmp_path)) == {
        "error": "Model 'nielsen': weights file 0_b.npy is corrupt (its sha256 does not match the manifest)."}
    assert call("predict", "mlp", {"binary": 0}, 3, 3, binaries=[np.zeros(4, np.uint8)]) == {
        "error": "A 3x3 drawing has 9 bytes, not 4."}


def test_a_folder_without_weights_is_a_sentence(call, tmp_path):
    assert call("load_model", "mlp", str(tmp_path)) == {"error": "Model 'mlp': manifest.json is missing."}


def test_an_unexpected_failure_is_one_line_with_the_detail_apart(call, loaded_mlp, monkeypatch):
    def broken(network, batch):
        raise ZeroDivisionError("division by zero")
    monkeypatch.setattr(models.Sequential, "predict", broken)
    answer = call("compare", {"binary": 0}, binaries=[np.zeros(784, np.float32)])
    assert answer["error"] == "Python failed in compare: ZeroDivisionError: division by zero"
    assert answer["detail"].startswith("Traceback")


@pytest.mark.parametrize("image", [[], [0.5] * 783, [0.5] * 785, [2.0] * 784, [-0.1] * 784, [np.nan] * 784,
                                   [np.inf] * 784, np.full(784, 255, np.uint8), np.full((28, 28), 0.5)])
def test_an_image_that_is_not_28x28_in_0_to_1_is_refused(call, loaded_mlp, image):
    sent = [np.asarray(image, np.float32) if isinstance(image, list) else image]
    assert call("compare", {"binary": 0}, binaries=sent) == {
        "error": "An image must be 784 numbers (28x28, row by row), each from 0 to 1."}
    assert call("explain", "mlp", {"binary": 0}, binaries=sent) == {
        "error": "An image must be 784 numbers (28x28, row by row), each from 0 to 1."}


@pytest.mark.parametrize("image", [[0.5] * 784, [[0.5] * 28] * 28, [None] * 784, ["0"] * 784, [[0.5, [0.5]]] * 392])
def test_an_image_sent_as_json_is_refused(call, loaded_mlp, image):
    # The page sends images as it got them, typed arrays: anything else is not one of its images.
    assert call("compare", image) == {"error": "compare needs a typed array for image, not a list."}
    assert call("explain", "mlp", image) == {"error": "explain needs a typed array for image, not a list."}


@pytest.mark.parametrize("height, width", [(0, 0), (-28, -28), (100_000, 1), (1, 5000)])
def test_a_drawing_of_impossible_size_is_refused(call, loaded_mlp, height, width):
    bitmap = np.zeros(abs(height * width) if abs(height * width) < 10**6 else 4, np.uint8)
    assert call("predict", "mlp", {"binary": 0}, height, width, binaries=[bitmap]) == {
        "error": f"A drawing must be 1 to 4096 pixels on each side, not {height}x{width}."}


@pytest.mark.parametrize("name, args, sentence", [
    ("predict", ["mlp", {"binary": 0}, 280],
     "predict takes 4 arguments (model, bitmap, height, width); the page sent 3."),
    ("explain", ["mlp", {"binary": 0}, 6, "more"],
     "explain takes 2 to 3 arguments (model, image, top); the page sent 4."),
    ("runtime", [1], "runtime takes no arguments; the page sent 1."),
    ("finetune_run", [0.1, 2], "finetune_run takes 0 to 1 arguments (seconds); the page sent 2."),
    ("learn_use", ["yours"], "learn_use takes no arguments; the page sent 1."),
    ("learn_shape", [], "learn_shape takes 1 argument (config); the page sent 0."),
    ("predict", ["mlp", [0, 0, 0, 0], 2, 2], "predict needs a typed array for bitmap, not a list."),
    ("predict", ["mlp", {"binary": 0}, "2", 2], "predict needs a whole number for height, not a string."),
    ("predict", ["mlp", {"binary": 0}, 2.5, 2], "predict needs a whole number for height, not a number."),
    ("predict", [None, {"binary": 0}, 2, 2], "predict needs a string for model, not null."),
    ("perceptron_evaluate", [[1, 1, 1], [1, 1, 1], True], "perceptron_evaluate needs a number for bias, not true or false."),
    ("machine_forward", [[0] * 25, [], 1], "machine_forward needs an object for knobs, not a list."),
    ("predict", ["mlp", {"binary": 1}, 2, 2], "The page referred to a typed array it did not send (1)."),
])
def test_wrong_arguments_get_a_sentence_naming_the_function(call, name, args, sentence):
    assert call(name, *args, binaries=[np.zeros(4, np.uint8)]) == {"error": sentence}


def test_arguments_that_are_not_a_json_list_get_a_sentence(page):
    assert json.loads(page.dispatch("runtime", "{")) == {"error": "The page's arguments are not valid JSON."}
    assert json.loads(page.dispatch("runtime", "{}")) == {"error": "The page's arguments must be a list."}


def test_optional_arguments_may_be_left_out_or_null(call):
    assert call("learn_run", 0.1, None) == {"error": "Press Train to start a run first."}
    assert call("learn_run") == {"error": "Press Train to start a run first."}


def test_the_other_sections_load_when_the_page_first_asks_for_them():
    # In a fresh interpreter, as in the worker: importing the page's door brings in the
    # recognizer alone, and the first call to a section's function brings its module in.
    script = """
import json, sys
from digits.page import api
from digits.page.arrays import from_page
ours = lambda: sorted(name for name in sys.modules if name.startswith("digits."))
print(ours())
assert "error" in json.loads(api.dispatch("machine_forward", "[[0], {}, 1]"))
assert "digits.page.machine" in sys.modules and "digits.page.training" not in sys.modules
assert "error" in json.loads(api.dispatch("learn_run", "[]"))
assert "digits.page.training" in sys.modules
"""
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            env={**os.environ, "PYTHONPATH": str(Path(api.__file__).parents[2])})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(["digits.errors", "digits.images", "digits.images.pixels", "digits.images.preprocess", "digits.nets",
                                         "digits.nets.layers", "digits.nets.losses", "digits.nets.models",
                                         "digits.page", "digits.page.api", "digits.page.arrays",
                                         "digits.page.on_the_page", "digits.page.recognizer", "digits.page.session"])


def test_all_facts_gathers_every_sections_rules_as_json():
    facts = api.all_facts()
    assert sorted(facts) == sorted(api.FACTS) == ["code_facts", "guided_facts", "inside_facts", "machine_facts", "names_facts", "number_facts", "pad_facts", "perceptron_facts",
                                                  "recognizer_facts", "teach_facts", "training_facts"]
    assert json.loads(json.dumps(facts)) == facts
    assert not set(api.FACTS) & set(api.PAGE_FUNCTIONS)        # the page has them before Python: it never asks
