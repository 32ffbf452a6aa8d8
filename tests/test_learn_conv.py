"""Training a convolutional network in the page (py/digits/page/training.py): it learns, its kernels move,
it describes its shape, shows its feature maps, and leaves as a weights/NAME/ zip that loads anywhere."""

import base64
import io
import zipfile
from pathlib import Path

import numpy as np
import pytest

from digits import cli
from digits.errors import VisitorError
from digits.images.augment import random_shift
from digits.images.pixels import to_float
from digits.nets import models
from digits.page import training, saved_models
from digits.page.arrays import from_page
from digits.page.session import Session
from test_trainer import fingerprint, same

ROOT = Path(__file__).resolve().parents[1]
SUBSET = ROOT / "data" / "web" / "mnist-small.npz"
SMALL = {"train": 480, "test": 200}     # a few hundred digits: enough to see learning, quick to run


@pytest.fixture
def session():
    """A session holding the first few hundred digits of the page's subset."""
    fresh = Session()
    training.learn_data(fresh, SUBSET.read_bytes())
    fresh.subset = {part: (images[:SMALL[part]], labels[:SMALL[part]]) for part, (images, labels) in fresh.subset.items()}
    return fresh


# The network the seeded run below makes, as test_trainer.fingerprint sees it.
PIN_CONV = [2.6186106750824982, -0.014345892283803788, -2.884868453322214, -0.006651260738243207, -1.774117322640028,
            -0.05711622789381629, -7.768690518287124, -0.036926244843784296]


def conv(**changes):
    return {**training.CONV_DEFAULTS, **changes}


def test_the_facts_give_the_convnets_defaults_and_they_are_accepted():
    facts = training.training_facts()
    assert facts["networks"] == ["dense", "conv"] and facts["optimizers"] == {"dense": "SGD", "conv": "Adam"}
    assert training.checked_config(facts["conv_defaults"]) == {**facts["conv_defaults"], "seed": 0}
    for key in ("filters1", "filters2", "dense", "shift"):
        low, high = facts["limits"][key]
        assert low <= facts["conv_defaults"][key] <= high


@pytest.mark.slow
def test_a_convnet_learns_from_a_few_hundred_digits(session):
    training.learn_start(session, conv(epochs=3, batch_size=16))
    slices = []
    while not session.run.done:
        slices.append(training.learn_run(session, seconds=0.05))
    losses = [loss for s in slices for loss in from_page(s["losses"])]
    assert len(losses) == 3 * 30                                 # 480 digits in batches of 16, three times
    assert np.mean(losses[-10:]) < 0.6 * np.mean(losses[:10])
    assert session.run.history[-1] > 0.6                         # on 200 test digits; chance is 0.1


def test_the_first_layers_kernels_change_from_one_slice_to_the_next(session):
    started = training.learn_start(session, conv(filters1=6))
    assert "neurons" not in started
    kernels = [started["kernels"]]
    for _ in range(2):
        kernels.append(training.learn_run(session, batches=2)["kernels"])
    assert all((k["count"], k["size"]) == (6, 5) for k in kernels)
    values = [from_page(k["values"]) for k in kernels]
    assert all(v.shape == (6, 1, 5, 5) for v in values)
    np.testing.assert_array_equal(values[-1], session.run.model.layers[0].params["W"])
    assert not np.allclose(values[0], values[1]) and not np.allclose(values[1], values[2])


def test_its_learning_rate_falls_along_a_half_cosine_to_zero(session):
    training.learn_start(session, conv(epochs=2, learning_rate=0.01))
    trainer = session.run.trainer
    assert trainer.learning_rate_now() == pytest.approx(0.01)
    training.learn_run(session, batches=session.run.batches)
    assert trainer.learning_rate_now() == pytest.approx(0.005)
    training.learn_run(session, batches=session.run.batches - 1)
    batches = session.run.batches
    assert trainer.learning_rate_now() == pytest.approx(0.01 * 0.5 * (1 + np.cos(np.pi * (2 * batches - 1) / (2 * batches))))


def test_a_run_with_a_seed_trains_the_same_convnet_as_before(session):
    """Fingerprint (see test_trainer.py) of a run made before the page shared the command line's loop."""
    session.subset = {part: (images[:160], labels[:160]) for part, (images, labels) in session.subset.items()}
    training.learn_start(session, conv(filters1=4, filters2=6, dense=8, batch_size=32, epochs=2))
    losses = []
    while not session.run.done:
        losses += from_page(training.learn_run(session, batches=3)["losses"]).tolist()
    assert same(losses[::3], [2.394256316125393, 2.326201532036066, 2.29606294631958, 2.2681694515049458])
    assert session.run.history == [0.13125, 0.15625]
    assert same(fingerprint(session.run.model), PIN_CONV)


@pytest.mark.parametrize("filters1, filters2, dense", [(8, 16, 0), (4, 6, 32), (32, 64, 256)])
def test_the_shape_describes_and_counts_the_network_a_run_builds(session, filters1, filters2, dense):
    shape = training.learn_shape({"network": "conv", "filters1": filters1, "filters2": filters2, "dense": dense})
    training.learn_start(session, conv(filters1=filters1, filters2=filters2, dense=dense))
    assert shape["parameters"] == session.run.model.count_parameters() == sum(b["parameters"] for b in shape["blocks"])
    hidden = [f"{dense}"] if dense else []
    assert [b["shape"] for b in shape["blocks"] if b["kind"] not in ("ReLU", "Flatten")] == [
        "28x28x1", f"24x24x{filters1}", f"12x12x{filters1}", f"8x8x{filters2}", f"4x4x{filters2}", *hidden, "10", "10"]
    assert shape["blocks"][1]["title"] == f"conv 5x5, {filters1}"
    expected = filters1 * 26 + filters2 * (filters1 * 25 + 1) + ((16 * filters2 + 1) * dense + (dense + 1) * 10
                                                                 if dense else (16 * filters2 + 1) * 10)
    assert shape["parameters"] == expected


@pytest.mark.parametrize("change, message", [
    ({"network": "recurrent"}, "The network must be one of dense, conv."),
    ({"filters1": 0}, "The number of filters of the first convolution must be a number from 1 to 32."),
    ({"filters2": 65}, "The number of filters of the second convolution must be a number from 1 to 64."),
    ({"dense": -1}, "The number of neurons of the dense layer must be a number from 0 to 256."),
    ({"shift": 5}, "The largest shift of a training image must be a number from 0 to 4."),
    ({"learning_rate": 0}, "The learning rate must be a number from 0.00001 to 10."),
])
def test_convnet_settings_out_of_range_are_refused_by_name(session, change, message):
    with pytest.raises(VisitorError) as refused:
        training.learn_start(session, conv(**change))
    assert str(refused.value) == message


def test_shifting_moves_each_digit_by_whole_pixels_within_the_bound():
    images = np.zeros((40, 28, 28), np.float32)
    images[:, 10:18, 12:16] = 1                                     # a block well inside the margin
    moved = random_shift(images, np.random.default_rng(0), 2)
    assert moved.shape == images.shape and moved.sum() == images.sum()
    for before, after in zip(images, moved):
        rows, columns = np.nonzero(after)
        assert -2 <= rows.min() - 10 <= 2 and -2 <= columns.min() - 12 <= 2
        assert (rows.max() - rows.min(), columns.max() - columns.min()) == (7, 3)
    assert len({(np.nonzero(m)[0].min(), np.nonzero(m)[1].min()) for m in moved}) > 5   # each its own move


def test_the_feature_maps_are_the_convnets_activations_after_each_convolution(session):
    training.learn_start(session, conv(filters1=6, filters2=10))
    training.learn_run(session, batches=3)
    image = to_float(session.subset["test"][0][0])
    answer = training.learn_feature_maps(session, image.ravel().tolist())
    assert [m["dims"] for m in answer["maps"]] == [[24, 24, 6], [8, 8, 10]]
    outputs = session.run.model.activations(image)
    for found, expected in zip(answer["maps"], (outputs[1], outputs[4])):
        np.testing.assert_array_equal(from_page(found["values"]), np.moveaxis(expected, -1, 0))
        assert (found["low"], found["high"]) == (float(expected.min()), float(expected.max()))


def test_feature_maps_need_a_convnet_and_a_whole_image(session):
    training.learn_start(session, {**training.DEFAULTS, "epochs": 1})
    with pytest.raises(VisitorError) as refused:
        training.learn_feature_maps(session, [0.0] * 784)
    assert str(refused.value) == "Only a convolutional network has feature maps: train one first."
    training.learn_start(session, conv())
    with pytest.raises(VisitorError) as refused:
        training.learn_feature_maps(session, [0.0] * 100)
    assert str(refused.value) == "The image must have 784 values (28x28), not 100."


def test_the_trained_convnet_downloads_as_a_weights_folder_that_predict_reads(session, tmp_path):
    training.learn_start(session, conv(filters1=4, filters2=8, dense=16, epochs=1))
    training.learn_run(session, batches=5)
    summary = training.learn_use(session)
    assert session.model("yours") is session.run.model and summary["config"]["network"] == "conv"
    data = base64.b64decode(saved_models.model_file(session, "yours", {"config": summary["config"]}))
    folder = tmp_path / "yours"
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        archive.extractall(folder)
    restored = models.load(folder)
    images = session.subset["test"][0][:20]
    expected = session.run.model.predict(to_float(images))
    np.testing.assert_array_equal(restored.predict(to_float(images)), expected)

    np.save(tmp_path / "x.npy", images)
    cli.predict_main(["--model", str(folder), "--input", str(tmp_path / "x.npy"), "--output", str(tmp_path / "p.npy")])
    np.testing.assert_allclose(np.load(tmp_path / "p.npy"), expected, rtol=1e-6)


def test_the_measured_comparison_describes_the_default_convnet_and_a_dense_network_of_its_size():
    measured = training.training_facts()["comparison"]
    assert measured["conv"]["parameters"] == training.learn_shape(training.CONV_DEFAULTS)["parameters"]
    dense = {**training.DEFAULTS, "hidden": measured["dense"]["hidden"]}
    assert measured["dense"]["parameters"] == training.learn_shape(dense)["parameters"]
    assert 0.8 < measured["dense"]["parameters"] / measured["conv"]["parameters"] < 1.25       # of similar size
