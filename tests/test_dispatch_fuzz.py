"""Every page function, called through `dispatch` with random and malformed arguments.

Whatever the page sends (wrong kinds, NaN, huge numbers, deep nesting, typed arrays
of any size, too few or too many arguments), Python answers with one sentence or a
result, never with an unexpected failure, and still reads a digit afterwards.
bench/fuzz.py runs the same idea at scale and prints the counts.
"""

import json

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from digits.images.data import load_mnist
from digits.images.preprocess import to_mnist
from digits.nets import models
from digits.page import api

NAMES = sorted(api.PAGE_FUNCTIONS)

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-2**70, max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=30),
    st.sampled_from(["cnn", "mlp", "nielsen", "yours", "mlp-tuned", "<img src=x onerror=alert(1)>", "x" * 5000]),
    st.builds(lambda i: {"binary": i}, st.integers(min_value=-2, max_value=3)),
)
values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=6), st.dictionaries(st.text(max_size=12), inner, max_size=4)), max_leaves=40)
binaries = st.lists(st.one_of(
    st.binary(max_size=2000).map(lambda b: np.frombuffer(b, np.uint8)),
    st.sampled_from([np.zeros(280 * 280, np.uint8), np.full(784, 255, np.uint8), np.zeros(784, np.float32)]),
), max_size=3)


@pytest.fixture(scope="module")
def page():
    """One page for the whole run, as a visitor has: what one call leaves behind meets the next."""
    page = api.Page()
    page.dispatch("load_model", json.dumps(["mlp", str(models.WEIGHTS_DIR / "mlp")]))
    return page


@pytest.fixture(scope="module")
def drawing():
    images, labels = load_mnist("test")
    return images[0], int(labels[0])


@pytest.mark.parametrize("name", NAMES)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow])
@given(args=st.lists(values, max_size=6), sent=binaries)
def test_any_arguments_get_a_result_or_a_sentence(page, name, args, sent):
    try:
        text = json.dumps(args)
    except (ValueError, RecursionError):
        return
    answer = json.loads(page.dispatch(name, text, sent))
    assert set(answer) in ({"ok"}, {"error"}), answer          # "detail" would mean an unexpected failure
    if "error" in answer:
        assert isinstance(answer["error"], str) and answer["error"].endswith(".") and "\n" not in answer["error"]


def test_python_still_reads_a_digit_after_the_fuzzing(page, drawing):
    image, label = drawing
    answer = json.loads(page.dispatch("predict", json.dumps(["mlp", {"binary": 0}, 28, 28]), [image.ravel()]))
    assert answer["ok"]["digit"] == label
    expected = models.load("mlp").predict(to_mnist(image)[None])[0]
    np.testing.assert_allclose(answer["ok"]["probabilities"], expected, rtol=1e-6)
