"""The functions the page calls, exercised in CPython exactly as the worker calls them."""

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from digits import api, models
from digits.data import load_mnist
from digits.preprocess import to_mnist


def call(name, *args, binaries=None):
    return json.loads(api.dispatch(name, json.dumps(list(args)), binaries))


@pytest.fixture(scope="module")
def loaded_mlp():
    answer = call("load_model", "mlp", str(models.WEIGHTS_DIR / "mlp"))
    assert answer["ok"]["parameters"] == 784 * 128 + 128 + 128 * 64 + 64 + 64 * 10 + 10
    return answer["ok"]


def test_softmax_through_dispatch():
    result = call("softmax", [1, 2, 3])["ok"]
    e = np.exp([1, 2, 3])
    np.testing.assert_allclose(result, e / e.sum())


def test_predict_a_bitmap_like_the_page_sends_it(loaded_mlp):
    images, labels = load_mnist("test")
    bitmap = np.kron(images[0], np.ones((10, 10), np.uint8))        # a 280x280 "drawing" of a 7
    answer = call("predict", "mlp", {"binary": 0}, 280, 280, binaries=[bitmap.ravel()])["ok"]
    assert answer["digit"] == labels[0]
    np.testing.assert_allclose(answer["image"], to_mnist(bitmap).ravel(), atol=1e-7)
    assert sum(answer["probabilities"]) == pytest.approx(1, abs=1e-5)


def test_an_empty_drawing_is_not_a_digit(loaded_mlp):
    blank = np.zeros(280 * 280, np.uint8)
    assert call("predict", "mlp", {"binary": 0}, 280, 280, binaries=[blank])["ok"] == {"empty": True}


def test_explain_shows_the_strongest_neurons_and_feature_maps(loaded_mlp):
    image = load_mnist("test")[0][1].ravel() / 255
    why = call("explain", "mlp", image.tolist())["ok"]
    activations = [n["activation"] for n in why["neurons"]]
    assert activations == sorted(activations, reverse=True) and len(why["neurons"][0]["weights"]) == 784

    call("load_model", "cnn", str(models.WEIGHTS_DIR / "cnn"))
    maps = call("explain", "cnn", image.tolist())["ok"]
    assert len(maps["maps"]) == 20 and len(maps["maps"][0]) == 24 * 24
    assert min(min(m) for m in maps["maps"]) >= 0


def test_errors_come_back_as_sentences_not_tracebacks(tmp_path, loaded_mlp):
    assert "no page function" in call("nonsense")["error"]
    assert "not loaded" in call("predict_images", "nobody", [[0] * 784])["error"]
    models.save(models.nielsen(), tmp_path, {})
    (tmp_path / "0_b.npy").write_bytes(b"garbage")
    error = call("load_model", "nielsen", str(tmp_path))["error"]
    assert "0_b.npy" in error and "corrupt" in error
    failure = call("predict", "mlp", {"binary": 0}, 3, 3, binaries=[np.zeros(4, np.uint8)])
    assert failure["error"].startswith("Python failed in predict")


def test_the_other_sections_load_when_the_page_first_asks_for_them():
    # In a fresh interpreter, as in the worker: importing the recognizer's API leaves the
    # training code unimported, and the first call to a section's function brings it in.
    script = """
import json, sys
from digits import api
assert "digits.learn" not in sys.modules and "digits.machine" not in sys.modules
examples = json.loads(api.dispatch("machine_examples", "[]"))["ok"]
assert len(examples) == 10 and "digits.learn" in sys.modules
print(json.loads(api.dispatch("no_such_function", "[]"))["error"])
"""
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            env={**os.environ, "PYTHONPATH": str(Path(api.__file__).parents[1])})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "Python has no page function called 'no_such_function'."
