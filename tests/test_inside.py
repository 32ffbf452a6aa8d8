"""Inside the network: the architecture, every layer's output, kernels, neurons, softmax and loss."""

import json

import numpy as np
import pytest

from digits.errors import VisitorError
from digits.explain import inside
from digits.images.pixels import to_float
from digits.nets import models
from digits.nets.models import WEIGHTS_DIR
from digits.page.arrays import from_page
from digits.page.inside import layers_on_page

NAMES = ("cnn", "mlp", "nielsen")


@pytest.fixture(scope="module")
def nets():
    return {name: models.load(name) for name in NAMES}


@pytest.fixture(scope="module")
def digit():
    """A real MNIST test digit (a 7) from the page's subset, as the networks see it."""
    with np.load(WEIGHTS_DIR.parent / "data" / "web" / "mnist-small.npz") as files:
        return to_float(files["test_images"][0])


def manifest(name):
    return json.loads((WEIGHTS_DIR / name / "manifest.json").read_text())


def test_the_cnn_architecture_reads_like_the_seed_demo(nets):
    blocks = inside.architecture(nets["cnn"])["blocks"]
    assert [(b["kind"], b["shape"], b["parameters"]) for b in blocks] == [
        ("Input", "28x28x1", 0),
        ("Conv2D", "24x24x20", 20 * 25 + 20), ("ReLU", "24x24x20", 0), ("MaxPool2D", "12x12x20", 0),
        ("Dropout", "12x12x20", 0),
        ("Conv2D", "8x8x40", 40 * 20 * 25 + 40), ("ReLU", "8x8x40", 0), ("MaxPool2D", "4x4x40", 0),
        ("Dropout", "4x4x40", 0), ("Flatten", "640", 0),
        ("Dense", "256", 640 * 256 + 256), ("ReLU", "256", 0),
        ("Dense", "10", 256 * 10 + 10), ("Softmax", "10", 0)]
    assert [b["block"] for b in blocks] == list(range(len(blocks)))
    assert [b["title"] for b in blocks][1:4] == ["conv 5x5, 20", "ReLU", "max-pool 2x2"]
    dropout = blocks[4]["role"]
    assert "while training" in dropout and "20%" in dropout and "when reading a digit it does nothing" in dropout


@pytest.mark.parametrize("name", NAMES)
def test_the_architecture_follows_the_manifest_layer_by_layer(name, nets):
    from_manifest = inside.architecture(manifest(name))
    from_model = inside.architecture(nets[name])
    layers = manifest(name)["architecture"]["layers"]
    blocks = from_manifest["blocks"]
    assert [b["kind"] for b in blocks] == ["Input"] + [layer["type"] for layer in layers] + ["Softmax"]
    assert [b["layer"] for b in blocks] == [None] + list(range(len(layers))) + [None]
    assert from_manifest["parameters"] == manifest(name)["parameters"] == nets[name].count_parameters()
    assert from_model["blocks"] == blocks
    assert blocks[0]["shape"] == "28x28x1" and blocks[-1]["shape"] == "10"
    assert all(b["role"] for b in blocks)
    json.dumps(from_manifest)


def test_dense_architectures_have_their_sizes(nets):
    shapes = {name: [b["shape"] for b in inside.architecture(nets[name])["blocks"]] for name in ("mlp", "nielsen")}
    assert shapes["mlp"] == ["28x28x1", "128", "128", "64", "64", "10", "10"]
    assert shapes["nielsen"] == ["28x28x1", "30", "30", "10", "10"]


@pytest.mark.parametrize("name", NAMES)
def test_layer_outputs_are_the_models_own_activations(name, nets, digit):
    net = nets[name]
    expected = net.activations(digit)
    answer = inside.layer_outputs(net, digit)
    assert len(answer["layers"]) == len(expected) == len(net.layers)
    values = {"input": np.asarray(answer["input"]["values"])}
    for index, (entry, want) in enumerate(zip(answer["layers"], expected)):
        assert entry["layer"] == index and entry["dims"] == list(want.shape)
        got = values[entry["same_as"]] if "same_as" in entry else np.asarray(entry["values"])
        values[index] = got
        # Maps come one after another (channel, row, column); rows of neurons in order.
        want_first = np.moveaxis(want, -1, 0) if want.ndim == 3 else want
        assert got.dtype == np.float32 and np.array_equal(got, want_first)
        assert entry["low"] == float(want.min()) and entry["high"] == float(want.max())
    np.testing.assert_array_equal(values["input"], digit)


def test_only_dropout_repeats_its_input(nets, digit):
    layers = inside.layer_outputs(nets["cnn"], digit)["layers"]
    assert {entry["layer"]: entry["same_as"] for entry in layers if "same_as" in entry} == {3: 2, 7: 6}
    first_maps = np.asarray(layers[0]["values"]).reshape(20, 24, 24)
    conv = nets["cnn"].activations(digit)[0]
    np.testing.assert_array_equal(first_maps[7], conv[:, :, 7])


def test_the_page_gets_the_same_float32_values(nets, digit):
    layers = inside.layer_outputs(nets["cnn"], digit)
    sent = layers_on_page(layers)
    for a, b in zip([layers["input"], *layers["layers"]], [sent["input"], *sent["layers"]]):
        assert ("values" in a) == ("values" in b)
        if "values" in a:
            assert b["values"]["dtype"] == "float32"
            np.testing.assert_array_equal(from_page(b["values"]), a["values"])


def test_a_feature_map_of_the_second_convolution_comes_from_twenty_kernels(nets, digit):
    net = nets["cnn"]
    detail = inside.feature_map_detail(net, 4, 13)
    assert detail["layer"] == 4 and detail["size"] == 5 and detail["kernels"].shape == (20, 5, 5)
    # Recompute map 13 from the kernels and the first pooling's output: the convolution's sum.
    pooled = net.activations(digit)[2]                                   # (12, 12, 20)
    kernels = detail["kernels"]
    windows = np.lib.stride_tricks.sliding_window_view(pooled, (5, 5), axis=(0, 1))   # (8, 8, 20, 5, 5)
    recomputed = np.einsum("ijcuv,cuv->ij", windows, kernels) + detail["bias"]
    np.testing.assert_allclose(recomputed, net.activations(digit)[4][:, :, 13], atol=1e-4)


def test_a_pooled_map_is_traced_back_to_its_convolution(nets):
    net = nets["cnn"]
    pooled, convolved = inside.feature_map_detail(net, 2, 5), inside.feature_map_detail(net, 0, 5)
    assert pooled.keys() == convolved.keys() and np.array_equal(pooled.pop("kernels"), convolved.pop("kernels"))
    assert pooled == convolved
    assert len(inside.feature_map_detail(net, 0, 5)["kernels"]) == 1
    with pytest.raises(VisitorError, match="^Layer 0 has 20 feature maps, numbered 0 to 19; there is no feature map 20.$"):
        inside.feature_map_detail(net, 1, 20)
    with pytest.raises(VisitorError, match="^Layer 9 of 'cnn' does not come from a Conv2D layer.$"):
        inside.feature_map_detail(net, 9, 0)


@pytest.mark.parametrize("name, layer, neuron", [("mlp", 1, 5), ("nielsen", 0, 2), ("cnn", 10, 17), ("cnn", 11, 7)])
def test_a_neurons_weighted_sum_adds_up_to_what_the_network_computed(name, layer, neuron, nets, digit):
    net = nets[name]
    detail = inside.neuron_detail(net, digit, layer, neuron)
    outputs = net.activations(digit)
    dense = detail["layer"]
    assert type(net.layers[dense]).__name__ == "Dense"
    z = outputs[dense][neuron]
    assert detail["weighted_sum"] == float(z)
    total = sum(t["term"] for t in detail["terms"]) + detail["rest"] + detail["bias"]
    assert total == pytest.approx(float(z), abs=1e-4)
    for term in detail["terms"]:
        assert term["term"] == pytest.approx(term["weight"] * term["x"], rel=1e-6)
        assert term["weight"] == float(net.layers[dense].params["W"][term["input"], neuron])
    sizes = [abs(t["term"]) for t in detail["terms"]]
    assert sizes == sorted(sizes, reverse=True) and len(sizes) == inside.TOP_TERMS
    x = np.asarray(detail["inputs"])
    others = np.delete(np.asarray(detail["weights"]) * x, [t["input"] for t in detail["terms"]])
    assert np.abs(others).max() <= min(sizes) + 1e-12
    activation = detail["activation"]
    if dense + 1 < len(net.layers):
        assert activation == {"kind": type(net.layers[dense + 1]).__name__, "value": float(outputs[dense + 1][neuron])}
    else:
        assert activation == {"kind": "Softmax", "value": float(net.predict(digit[None])[0][neuron])}


def test_a_neuron_reading_pixels_shows_its_weights_as_a_picture(nets, digit):
    detail = inside.neuron_detail(nets["mlp"], digit, 0, 3)
    assert detail["weights_dims"] == [28, 28] and len(detail["weights"]) == 784
    np.testing.assert_array_equal(detail["inputs"], digit.ravel())
    second = inside.neuron_detail(nets["mlp"], digit, 2, 3)
    assert second["weights_dims"] == [128] and len(second["inputs"]) == 128
    with pytest.raises(VisitorError, match="^Layer 2 has 64 neurons, numbered 0 to 63; there is no neuron 64.$"):
        inside.neuron_detail(nets["mlp"], digit, 2, 64)


@pytest.mark.parametrize("name", NAMES)
def test_softmax_steps_end_in_the_bars_probabilities(name, nets, digit):
    net = nets[name]
    logits = inside.layer_outputs(net, digit)["layers"][-1]["values"]
    steps = inside.softmax_steps(logits)
    bars = net.predict(digit[None])[0]
    assert np.array_equal(np.asarray(steps["probabilities"], dtype=np.float32), bars)
    assert steps["digit"] == int(bars.argmax()) == 7
    z = np.asarray(logits, dtype=np.float32)
    assert steps["max"] == float(z.max()) and max(steps["shifted"]) == 0.0
    np.testing.assert_allclose(steps["exp_shifted"], np.exp(z - z.max()), rtol=1e-6)
    assert steps["sum"] == pytest.approx(sum(steps["exp_shifted"]), rel=1e-6)
    np.testing.assert_allclose(np.asarray(steps["exp"]) / sum(steps["exp"]), bars, rtol=1e-5)


def test_softmax_steps_stay_finite_where_e_to_the_z_overflows():
    steps = inside.softmax_steps([1000.0, 999.0] + [0.0] * 8)
    assert steps["exp"][:2] == [None, None] and steps["exp"][2] == 1.0
    assert steps["probabilities"][0] == pytest.approx(1 / (1 + np.exp(-1)), rel=1e-6)
    json.dumps(steps, allow_nan=False)


def test_the_loss_if_it_were_k_and_which_way_each_output_is_pushed():
    p = [0.05, 0.7, 0.25] + [0.0] * 7
    answer = inside.loss_if(p, 2)
    assert answer["loss"] == pytest.approx(-np.log(0.25))
    assert answer["gradient"][:3] == pytest.approx([0.05, 0.7, -0.75])
    assert answer["push"] == ["down", "down", "up"] + ["none"] * 7
    assert inside.loss_if(p, 1)["loss"] == pytest.approx(-np.log(0.7))
    assert inside.loss_if(p, 5)["loss"] is None                 # p_5 is 0: −log 0 is infinite
    with pytest.raises(VisitorError, match="^The digit must be one from 0 to 9, not 10.$"):
        inside.loss_if(p, 10)


def test_with_logits_the_loss_is_finite_even_where_p_rounds_to_zero():
    logits = [0.0, 120.0] + [0.0] * 8
    p = inside.softmax_steps(logits)["probabilities"]
    assert p[0] == 0.0
    assert inside.loss_if(p, 0, logits)["loss"] == pytest.approx(120.0, rel=1e-9)
    assert inside.loss_if(p, 1, logits)["loss"] == pytest.approx(9 * np.exp(-120.0), abs=1e-12)
