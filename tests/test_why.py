"""Why it says what it says, in CPython: attribution, the nudge that fools it, and the map of test digits."""

import json

import numpy as np
import pytest

from digits.errors import VisitorError
from digits.explain import attribution, nudge
from digits.explain.digit_map import DigitMap, features, last_dense
from digits.images.data import load_mnist
from digits.images.pixels import to_float
from digits.nets import layers, models, small_nets
from digits.page import api
from digits.page.arrays import from_page

NAMES = ("cnn", "mlp", "nielsen")
IMAGE = {"binary": 0}           # the image among a call's arguments: binaries=[the image]


@pytest.fixture(scope="module")
def mnist_test():
    images, labels = load_mnist("test")
    return images[:2000], labels[:2000]


@pytest.fixture(scope="module")
def networks():
    return {name: models.load(name) for name in NAMES}


def floats(image):
    return to_float(image)


@pytest.mark.parametrize("name", NAMES)
def test_the_input_gradient_is_the_slope_of_log_p(networks, mnist_test, name):
    """Against finite differences at a few pixels of ink. ReLU and max-pooling bend the function,
    and a bend can lie within the step: backpropagation then gives the slope of one side, so the
    slope on either side, or across, must match it."""
    network, image = networks[name], floats(mnist_test[0][0])
    gradient = attribution.input_gradient(network, image, 3)
    log_p = lambda x: float(np.log(network.predict(x[None])[0, 3]))
    for row, column in np.argwhere(image > 0.5)[::40][:4]:
        step = np.zeros_like(image)
        step[row, column] = 1e-2
        here, up, down = log_p(image), log_p(image + step), log_p(image - step)
        slopes = [(up - down) / 2e-2, (up - here) / 1e-2, (here - down) / 1e-2]
        assert any(gradient[row, column] == pytest.approx(slope, rel=0.05, abs=2e-4) for slope in slopes), \
            (row, column, gradient[row, column], slopes)


def test_gradient_x_input_credits_only_ink(networks, mnist_test):
    image = floats(mnist_test[0][0])
    values = attribution.gradient_x_input(networks["cnn"], image, 7)
    assert values.shape == (28, 28)
    assert np.all(values[image == 0] == 0)
    assert np.any(values[image > 0] != 0)


def test_a_first_convolution_built_for_training_still_gives_the_input_gradient(networks, mnist_test):
    # A convnet trained in the page skips dL/dx in its first layer; attribution asks for it anyway.
    shipped = networks["cnn"]
    trained_here = small_nets.convnet(np.random.default_rng(0), 20, 40, 256)
    for mine, theirs in zip(trained_here.parameters().values(), shipped.parameters().values()):
        mine[...] = theirs
    image = floats(mnist_test[0][0])
    assert not trained_here.layers[0].input_gradient
    np.testing.assert_allclose(attribution.gradient_x_input(trained_here, image, 7),
                               attribution.gradient_x_input(shipped, image, 7), atol=1e-7)


@pytest.mark.slow
@pytest.mark.parametrize("method", ["gradient-x-input", "occlusion"])
def test_hiding_the_most_credited_ink_costs_more_than_hiding_ink_at_random(networks, mnist_test, method):
    """Hide 15% of each digit's ink: the pixels the method credits most, or pixels chosen at random.
    Averaged over test digits, p(explained digit) falls further when the credited ink goes."""
    network = networks["cnn"]
    images, labels = mnist_test
    rng = np.random.default_rng(0)
    falls_credited, falls_random = [], []
    for image, label in zip(images[:200], labels[:200]):
        x = floats(image)
        digit = int(network.predict(x[None])[0].argmax())
        credit = attribution.METHODS[method](network, x, digit).ravel()
        ink = np.flatnonzero(x.ravel() > 0)
        hidden = max(1, round(0.15 * len(ink)))
        credited = ink[np.argsort(-credit[ink])[:hidden]]
        random = rng.choice(ink, hidden, replace=False)
        plain = network.predict(x[None])[0, digit]
        for chosen, falls in ((credited, falls_credited), (random, falls_random)):
            hiding = x.ravel().copy()
            hiding[chosen] = 0
            falls.append(plain - network.predict(hiding.reshape(1, 28, 28))[0, digit])
    assert np.mean(falls_credited) > np.mean(falls_random) + 0.01, (np.mean(falls_credited), np.mean(falls_random))


def test_occlusion_reads_only_squares_over_ink(networks):
    image = np.zeros((28, 28), np.float32)
    image[10:13, 10:13] = 1
    squares = attribution.occlusion_squares(image)
    assert squares and all(image[r:r + 6, c:c + 6].any() for r, c in squares)
    assert attribution.occlusion(networks["nielsen"], np.zeros((28, 28), np.float32), 3).sum() == 0   # no ink, no square


@pytest.mark.parametrize("name", NAMES)
def test_a_nudge_makes_the_network_read_the_target_with_values_kept_in_0_to_1(networks, mnist_test, name):
    network = networks[name]
    image = floats(mnist_test[0][0])                   # a 7
    result = nudge.nudge(network, image, 3)
    assert result["converged"] and result["digit"] == 3
    assert network.predict(result["image"][None])[0].argmax() == 3
    assert 0 <= result["image"].min() and result["image"].max() <= 1
    moved = np.abs(result["image"] - image) > nudge.CHANGED
    assert result["changed"] == moved.sum() > 0
    assert result["changed"] < 784 // 4                # a few pixels, not a new picture


def test_a_nudge_that_runs_out_of_steps_says_so(networks, mnist_test):
    result = nudge.nudge(networks["cnn"], floats(mnist_test[0][0]), 3, steps=1)
    assert not result["converged"] and result["steps"] == 1 and result["digit"] == 7


@pytest.mark.parametrize("name", NAMES)
def test_the_map_is_the_last_hidden_layer_seen_along_its_two_widest_directions(networks, mnist_test, name):
    network = networks[name]
    images, labels = mnist_test[0][:300], mnist_test[1][:300]
    digit_map = DigitMap(network, images, labels)
    while not digit_map.run(0.05)["done"]:
        pass
    h = features(network, floats(images))
    assert h.shape[1] == network.layers[last_dense(network)].params["W"].shape[0]
    centred = h - h.mean(axis=0)
    _, _, vt = np.linalg.svd(centred.astype(np.float64), full_matrices=False)
    expected = centred @ vt[:2].T
    points = digit_map.points()
    shown = np.stack([points["x"], points["y"]], axis=1)
    np.testing.assert_allclose(np.abs(shown), np.abs(expected), rtol=1e-3, atol=1e-3)   # up to each axis' sign
    place = digit_map.place(floats(images[5]))
    assert (place["x"], place["y"]) == pytest.approx((points["x"][5], points["y"][5]), abs=1e-4)
    assert place["nearest_label"] == labels[place["nearest"]]


# ---------------------------------------------------------------------------
# Through the page's door, as the worker calls it

@pytest.fixture
def call():
    page = api.Page()

    def call(name, *args, binaries=None):
        return json.loads(page.dispatch(name, json.dumps(list(args)), binaries))
    for name in NAMES:
        call("load_model", name, str(models.WEIGHTS_DIR / name))
    return call


def test_bad_requests_are_sentences(call, mnist_test):
    image = [floats(mnist_test[0][0]).ravel()]                     # a typed array, as the page sends it
    assert call("why_attribution", "cnn", IMAGE, 7, "saliency", binaries=image) == {
        "error": "There is no attribution method called 'saliency': choose gradient-x-input or occlusion."}
    assert call("why_attribution", "cnn", IMAGE, 12, "occlusion", binaries=image) == {
        "error": "The digit to explain must be from 0 to 9."}
    assert call("why_attribution", "cnn", IMAGE, 7, "occlusion", binaries=[np.full(10, 0.5, np.float32)]) == {
        "error": "An image must be 784 numbers (28x28, row by row), each from 0 to 1."}
    assert call("why_attribution", "cnn", [0.5] * 784, 7, "occlusion") == {
        "error": "why_attribution needs a typed array for image, not a list."}
    assert call("why_map_place", IMAGE, binaries=image) == {
        "error": "The map of test digits has not started: come near the map first."}
    assert call("why_map_start", "cnn") == {"error": "The MNIST subset is not loaded yet."}


def test_attribution_through_the_door_is_the_modules(call, networks, mnist_test):
    x = floats(mnist_test[0][0])
    for method, compute in attribution.METHODS.items():
        answer = call("why_attribution", "mlp", IMAGE, 1, method, binaries=[x.ravel()])["ok"]
        assert answer["digit"] == 1 and answer["method"] == method and answer["answer"] == 7
        np.testing.assert_array_equal(from_page(answer["values"]), compute(networks["mlp"], x, 1))


def test_a_layer_without_a_backward_pass_is_a_sentence(networks, mnist_test):
    class Unfinished(layers.Layer):
        """A layer someone has begun: it reads, but cannot yet say how its input moves its output."""

        def forward(self, x, train=False):
            return x, None

    network = models.Sequential("sketch", [Unfinished(), *networks["mlp"].layers], input_shape=(784,))
    with pytest.raises(VisitorError) as raised:
        attribution.gradient_x_input(network, floats(mnist_test[0][0]), 7)
    assert str(raised.value) == ("This network's Unfinished layer has no backward pass yet, "
                                 "so Python cannot trace its answer back to the pixels.")
