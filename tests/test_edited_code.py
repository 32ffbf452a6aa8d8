"""The visitor's version of a function (py/digits/explain/edited_code.py): it runs in the original's place
for one reading, gives what CPython gives with the same change, says where it went wrong, and
always leaves the shipped code in place."""

import inspect
import textwrap

import numpy as np
import pytest

from digits.errors import VisitorError
from digits.explain import edited_code, source
from digits.images import preprocess
from digits.images.data import load_mnist
from digits.images.pixels import to_float
from digits.nets import layers as L, losses, models
from digits.page.arrays import from_page
from digits.page.code import code_run, code_run_drawing, code_source
from digits.page.session import Session

RELU_PASSES_ALL = "def forward(self, x, train=False):\n    return x, np.ones(x.shape, dtype=bool)\n"


@pytest.fixture(scope="module")
def session():
    visitor = Session()
    for name in ("cnn", "nielsen"):
        visitor.models[name] = models.load(name)
    return visitor


@pytest.fixture(scope="module")
def seven():
    return to_float(load_mnist("test")[0][0]).ravel().tolist()


def test_relu_that_passes_everything_gives_what_cpython_computes_without_the_bend(session, seven):
    run = code_run(session, "cnn", "ReLU", RELU_PASSES_ALL, seven)
    x = np.array(seven, np.float32).reshape(1, 28, 28, 1)
    for layer in session.models["cnn"].layers:
        if not isinstance(layer, L.ReLU):
            x, _ = layer.forward(x)
    np.testing.assert_allclose(run["probabilities"], losses.softmax(x)[0], rtol=1e-5, atol=1e-6)
    assert run["digit"] == int(np.argmax(run["probabilities"])) and run["finite"]
    assert from_page(run["input"]).ravel().tolist() == seven
    assert [layer["kind"] for layer in run["inside"]["layers"]] == [type(layer).__name__ for layer in session.models["cnn"].layers]


def test_the_shipped_code_run_as_a_version_gives_the_shipped_answer(session, seven):
    for part in ("ReLU", "Conv2D", "Softmax", "Dense"):
        run = code_run(session, "cnn", part, code_source(part)["source"], seven)
        expected = session.models["cnn"].predict(np.array(seven, np.float32).reshape(1, 28, 28))[0]
        np.testing.assert_allclose(run["probabilities"], expected, rtol=1e-6, atol=1e-7)


def test_the_shipped_functions_are_back_after_a_run_and_after_a_failure(session, seven):
    shipped = (L.ReLU.forward, losses.softmax, models.softmax)
    code_run(session, "cnn", "ReLU", RELU_PASSES_ALL, seven)
    with pytest.raises(VisitorError):
        code_run(session, "cnn", "Softmax", "def softmax(logits):\n    return logits[5]\n", seven)
    assert (L.ReLU.forward, losses.softmax, models.softmax) == shipped


def test_a_changed_softmax_is_used_wherever_the_package_imported_it(session, seven):
    uniform = "def softmax(logits):\n    return np.full(logits.shape, 0.1, dtype=np.float32)\n"
    run = code_run(session, "cnn", "Softmax", uniform, seven)
    assert run["probabilities"] == pytest.approx([0.1] * 10)


@pytest.mark.parametrize("experiment", edited_code.EXPERIMENTS, ids=lambda e: e["part"])
def test_each_ready_made_change_runs_on_the_network_it_belongs_to(session, seven, experiment):
    run = code_run(session, "cnn", experiment["part"], experiment["text"], seven)
    if experiment["part"] == "Softmax":             # e^(z + 100) overflows float32: that is its lesson
        assert not run["finite"] and run["probabilities"] == [None] * 10 and "inside" not in run
    else:
        assert run["finite"] and sum(run["probabilities"]) == pytest.approx(1, abs=1e-5)


@pytest.mark.parametrize("text, message", [
    ("def forward(self, x, train=False):\n    return x +\n",
     "Line 2: invalid syntax. Python could not read your version as code, so nothing ran."),
    ("def forward(self, x, train=False):\n    y = 1 / 0\n    return x, y\n",
     "Line 2 of your version stopped with ZeroDivisionError: division by zero."),
    ("def forward(self, x, train=False):\n    return x[0], None\n",
     "Your version ran, but what it gave could not be used further on "
     "(ValueError: not enough values to unpack (expected 4, got 3))."),
    ("def backward(self, dout, active):\n    return dout\n",
     "Your version must define the function forward, as the code shown does (def forward(...):)."),
    ("raise SystemExit\n", "Line 1 of your version stopped with SystemExit."),
])
def test_a_version_that_fails_is_a_sentence_with_its_line(session, seven, text, message):
    with pytest.raises(VisitorError) as refused:
        code_run(session, "cnn", "ReLU", text, seven)
    assert str(refused.value) == message


def test_only_a_function_a_reading_goes_through_can_be_run(session, seven):
    with pytest.raises(VisitorError) as refused:
        code_run(session, "cnn", "loss", "def softmax_cross_entropy(z, y):\n    return 0\n", seven)
    assert str(refused.value) == ("The page cannot run a changed version of 'loss': change one of "
                                  "Input, Conv2D, ReLU, Sigmoid, MaxPool2D, Dropout, Flatten, Dense, Softmax.")


def test_a_preprocessing_that_returns_no_picture_is_a_sentence(session):
    pad = np.zeros((280, 280), dtype=np.uint8)
    pad[60:220, 130:150] = 255                                      # a one
    with pytest.raises(VisitorError) as refused:
        code_run_drawing(session, "cnn", "def to_mnist(bitmap):\n    return bitmap[:10]\n", pad.ravel(), 280, 280)
    assert str(refused.value) == ("Your version must return the drawing as a 28x28 numpy array of numbers, "
                                  "not an array of shape (10, 280).")
    shipped = code_run_drawing(session, "cnn", textwrap.dedent(inspect.getsource(preprocess.to_mnist)), pad.ravel(), 280, 280)
    np.testing.assert_array_equal(from_page(shipped["input"]), preprocess.to_mnist(pad))
    assert shipped["digit"] == 1
