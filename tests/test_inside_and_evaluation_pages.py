"""The page functions of "Inside the network" and "How good is it?", called as the worker calls them."""

import base64
import json

import numpy as np
import pytest

from digits.images.data import load_mnist
from digits.images.pixels import to_float
from digits.images.preprocess import to_mnist
from digits.nets import models
from digits.page import api
from digits.page.arrays import from_page

SUBSET = models.WEIGHTS_DIR.parent / "data" / "web" / "mnist-small.npz"


@pytest.fixture
def call():
    page = api.Page()

    def call(name, *args, binaries=None):
        answer = json.loads(page.dispatch(name, json.dumps(list(args)), binaries))
        assert "ok" in answer, answer
        return answer["ok"]
    for name in ("mlp", "nielsen"):
        call("load_model", name, str(models.WEIGHTS_DIR / name))
    return call


@pytest.fixture(scope="module")
def image():
    """An image as the page sends it back to Python: the float32 values of the recognizer's answer, a typed array."""
    images, _ = load_mnist("test")
    return to_mnist(images[7]).ravel()


IMAGE = {"binary": 0}           # where the image goes among the arguments: binaries=[image]


def subset_test():
    with np.load(SUBSET) as files:
        return files["test_images"], files["test_labels"]


def test_inside_answer_is_every_layer_and_a_softmax_that_equals_the_bars(call, image):
    answer = call("inside_answer", "mlp", IMAGE, binaries=[image])
    expected = models.load("mlp").activations(image)
    for entry, output in zip(answer["layers"], expected):
        np.testing.assert_array_equal(from_page(entry["values"]), output)
    assert answer["softmax"]["probabilities"] == call("read_image", "mlp", IMAGE, binaries=[image])["probabilities"]


def test_a_probe_at_strength_zero_is_the_plain_reading(call, image):
    probe = call("inside_probe", "mlp", IMAGE, "rotate", binaries=[image])
    zero = probe["strengths"].index(0)
    # A batch of 13 may sum in another order than a batch of one (BLAS): equal to float32 rounding.
    plain = call("read_image", "mlp", IMAGE, binaries=[image])["probabilities"]
    np.testing.assert_allclose(probe["probabilities"][zero], plain, rtol=1e-5, atol=1e-7)
    np.testing.assert_array_equal(from_page(probe["images"])[zero], image.reshape(28, 28))


def test_the_loss_if_the_digit_were_k_is_minus_log_p_k(call, image):
    probabilities = call("read_image", "nielsen", IMAGE, binaries=[image])["probabilities"]
    for k in (0, 9):
        loss = call("inside_loss", "nielsen", IMAGE, k, binaries=[image])["loss"]
        assert loss == pytest.approx(-np.log(probabilities[k]), rel=1e-4)


def test_an_evaluation_in_slices_counts_what_a_plain_batch_predict_counts(call):
    images, labels = subset_test()
    call("learn_data", {"binary": 0}, binaries=[np.frombuffer(SUBSET.read_bytes(), np.uint8)])
    progress = call("evaluate_start", "mlp")
    assert progress["read"] == 0 and progress["total"] == len(labels) and not progress["done"]
    while not progress["done"]:
        progress = call("evaluate_run", 0.05)
    predicted = models.load("mlp").predict(to_float(images)).argmax(axis=1)
    expected = np.zeros((10, 10), int)
    np.add.at(expected, (labels, predicted), 1)
    assert progress["confusion"] == expected.tolist()
    assert sum(map(sum, progress["confusion"])) == len(labels)
    cell = call("evaluate_cell", 4, 9)
    indices = from_page(cell["indices"])
    np.testing.assert_array_equal(indices, np.flatnonzero((labels == 4) & (predicted == 9)))
    assert cell["pixels"]["shape"] == [len(indices), 28, 28]
    assert base64.b64decode(cell["pixels"]["base64"]) == images[indices].tobytes()


def test_the_gallery_shows_the_subsets_own_bytes(call):
    images, labels = subset_test()
    call("learn_data", {"binary": 0}, binaries=[np.frombuffer(SUBSET.read_bytes(), np.uint8)])
    gallery = call("mnist_gallery")
    indices = [digit["index"] for digit in gallery["digits"]]
    assert base64.b64decode(gallery["pixels"]["base64"]) == images[indices].tobytes()
    assert [digit["label"] for digit in gallery["digits"]] == labels[indices].tolist()
    assert set(gallery["digits"][0]["readings"]) == {"mlp", "nielsen"}
    assert call("mnist_facts")["subset"]["test"] == len(labels)
