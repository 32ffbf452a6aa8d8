"""Training in the page (py/digits/learn.py): the shipped subset, runs in slices,
network files, the personal-set format and fine-tuning."""

import base64
import io
import json
import zipfile
from pathlib import Path

import numpy as np
import pytest

from digits import api, learn, models
from digits.data import load_mnist

ROOT = Path(__file__).resolve().parents[1]
SUBSET = ROOT / "data" / "web" / "mnist-small.npz"


@pytest.fixture(scope="module")
def subset():
    learn.learn_data(SUBSET.read_bytes())
    return learn.subset


def test_the_shipped_subset_is_exactly_the_documented_slice_of_mnist():
    expected = learn.small_subset(load_mnist("train"), load_mnist("test"))
    with np.load(SUBSET) as shipped:
        assert sorted(shipped.files) == sorted(expected)
        for key, array in expected.items():
            np.testing.assert_array_equal(shipped[key], array)
    assert expected["train_images"].shape == (10_000, 28, 28)
    assert np.bincount(expected["train_labels"], minlength=10).min() > 800    # every digit well represented


def test_unreadable_subset_bytes_are_refused_plainly():
    with pytest.raises(api.VisitorError, match="could not be read"):
        learn.learn_data(b"not an npz")


def test_one_epoch_in_slices_learns_far_above_chance(subset):
    started = learn.learn_start({"hidden": 30, "activation": "sigmoid", "learning_rate": 0.5,
                                 "batch_size": 10, "epochs": 1})
    assert started["batches"] == 1000 and started["epoch"] == 0 and len(started["neurons"]) == 6
    slices = []
    while not learn.run.done:
        slices.append(learn.learn_run(seconds=0.05))
    assert len(slices) > 1                                  # it really was cut into slices
    assert sum(len(s["losses"]) for s in slices) == 1000    # ... that together make exactly one epoch
    assert slices[-1]["test_accuracy"] > 0.85
    assert np.mean(slices[-1]["losses"]) < np.mean(slices[0]["losses"])


def test_a_step_is_exactly_one_minibatch_and_changes_the_weights(subset):
    learn.learn_start({"hidden": 8, "activation": "relu", "learning_rate": 0.1, "batch_size": 32, "epochs": 1})
    before = learn.run.model.layers[0].params["W"].copy()
    answer = learn.learn_run(batches=1)
    assert len(answer["losses"]) == 1 and answer["batch"] == 1
    assert not np.allclose(before, learn.run.model.layers[0].params["W"])


def test_same_seed_same_run(subset):
    config = {"hidden": 10, "activation": "sigmoid", "learning_rate": 0.5, "batch_size": 50, "epochs": 1}
    runs = []
    for _ in range(2):
        learn.learn_start(config)
        runs.append(learn.learn_run(batches=20)["losses"])
    assert runs[0] == runs[1]


@pytest.mark.parametrize("change, message", [
    ({"hidden": 0}, "hidden"), ({"hidden": 10_000}, "hidden"), ({"learning_rate": -1}, "learning rate"),
    ({"batch_size": "ten"}, "batch size"), ({"epochs": True}, "epochs"), ({"activation": "tanh"}, "activation"),
])
def test_settings_out_of_range_are_refused_by_name(subset, change, message):
    config = {"hidden": 30, "activation": "sigmoid", "learning_rate": 0.5, "batch_size": 10, "epochs": 1, **change}
    with pytest.raises(api.VisitorError, match=message):
        learn.learn_start(config)


def test_a_trained_network_round_trips_through_its_file(subset):
    learn.learn_start({"hidden": 12, "activation": "relu", "learning_rate": 0.1, "batch_size": 20, "epochs": 1})
    learn.learn_run(batches=30)
    learn.learn_use()
    data = base64.b64decode(learn.model_file("yours"))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:                 # the weights/NAME/ layout
        manifest = json.loads(archive.read("manifest.json"))
        assert set(archive.namelist()) == {"manifest.json", *(f["file"] for f in manifest["files"].values())}
    summary = learn.adopt_model_file("restored", data)
    assert summary["parameters"] == 784 * 12 + 12 + 12 * 10 + 10
    images = learn.to_float(subset["test"][0][:50])
    np.testing.assert_array_equal(api.model("restored").predict(images), api.model("yours").predict(images))


def test_a_damaged_network_file_is_refused_and_nothing_is_replaced(subset):
    learn.learn_start({"hidden": 5, "activation": "relu", "learning_rate": 0.1, "batch_size": 20, "epochs": 1})
    learn.learn_use()
    kept = api.loaded["yours"]
    with pytest.raises(api.VisitorError, match="not a saved network"):
        learn.adopt_model_file("yours", b"PK\x03\x04 broken")
    data = bytearray(base64.b64decode(learn.model_file("yours")))
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    first = next(name for name in members if name.endswith(".npy"))
    members[first] = members[first][:-4] + b"\0\0\0\0"                # one weight altered
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    with pytest.raises(models.WeightsError, match="corrupt"):
        learn.adopt_model_file("yours", buffer.getvalue())
    assert api.loaded["yours"] is kept


def test_personal_set_file_round_trips():
    rng = np.random.default_rng(1)
    images = rng.integers(0, 256, (7, 28, 28), dtype=np.uint8)
    labels = np.arange(7, dtype=np.uint8)
    answer = learn.personal_import(base64.b64decode(learn.personal_export(images.ravel(), labels)))
    assert answer["labels"] == labels.tolist()
    np.testing.assert_array_equal(np.frombuffer(base64.b64decode(answer["images"]), np.uint8).reshape(7, 28, 28),
                                  images)


def npz(**arrays):
    buffer = io.BytesIO()
    np.savez(buffer, **arrays)
    return buffer.getvalue()


@pytest.mark.parametrize("data, message", [
    (b"hello", "not a personal set"),
    (npz(pictures=np.zeros((1, 28, 28), np.uint8), labels=np.zeros(1, np.uint8)), "no 'images'"),
    (npz(images=np.zeros((2, 28, 27), np.uint8), labels=np.zeros(2, np.uint8)), "28×28"),
    (npz(images=np.zeros((2, 28, 28), np.float32), labels=np.zeros(2, np.uint8)), "uint8"),
    (npz(images=np.zeros((2, 28, 28), np.uint8), labels=np.zeros(3, np.uint8)), "labels of shape"),
    (npz(images=np.zeros((2, 28, 28), np.uint8), labels=np.array([1, 12])), "0 to 9"),
    (npz(images=np.zeros((2001, 28, 28), np.uint8), labels=np.zeros(2001, np.uint8)), "at most 2,000"),
    (b"\0" * (9 * 2**20), "at most 8 MB"),
])
def test_bad_personal_sets_are_refused_with_the_reason(data, message):
    with pytest.raises(api.VisitorError, match=message):
        learn.read_personal_set(data)


def test_pickled_objects_are_never_loaded():
    buffer = io.BytesIO()
    np.savez(buffer, images=np.array([object()], dtype=object), labels=np.zeros(1, np.uint8))
    with pytest.raises(api.VisitorError):
        learn.read_personal_set(buffer.getvalue())


def test_fine_tuning_teaches_a_network_a_new_handwriting_without_forgetting_mnist(subset):
    """A 'handwriting' MNIST never saw: digits drawn upside down. Fine-tuning learns it.

    Not 6s and 9s: upside down, each is the other, and no network can read an upside-down
    6 as a 6 without reading MNIST's 9s as 6s too.
    """
    api.loaded["mlp"] = models.load("mlp")
    test_images, test_labels = subset["test"]
    chosen = np.flatnonzero(~np.isin(test_labels, [6, 9]))[:40]
    mine = np.rot90(test_images[chosen], 2, axes=(1, 2)).copy()
    labels = test_labels[chosen]
    answer = learn.finetune("mlp", mine.ravel(), labels.tolist(), steps=60)
    assert answer["name"] == "mlp-tuned" and answer["base"] == "mlp"
    assert answer["after"] > answer["before"] + 0.3
    assert answer["mnist_after"] > answer["mnist_before"] - 0.05
    assert api.loaded["mlp"] is not api.loaded["mlp-tuned"]                # the shipped model is untouched
    assert learn.accuracy(api.loaded["mlp"], learn.to_float(mine), labels) == answer["before"]


def test_fine_tuning_runs_in_slices_and_the_recognizer_keeps_the_original_until_it_ends(subset):
    api.loaded["nielsen"] = models.load("nielsen")
    images, labels = subset["test"]
    learn.finetune_start("nielsen", images[:8].ravel(), labels[:8].tolist(), steps=30, batch_size=16)
    first = learn.finetune_run(seconds=0)                       # a slice is at least one step
    assert first["step"] == len(first["losses"]) == 1 and first["steps"] == 30 and not first["done"]
    assert "nielsen-tuned" not in api.loaded
    with pytest.raises(api.VisitorError, match="not finished"):
        learn.finetune_finish()
    while not learn.finetune_run(seconds=0.01)["done"]:
        pass
    answer = learn.finetune_finish()
    assert answer["name"] == "nielsen-tuned" and len(answer["losses"]) == 30
    assert api.loaded["nielsen-tuned"] is not api.loaded["nielsen"]
    with pytest.raises(api.VisitorError, match="Fine-tune"):
        learn.finetune_run()                                     # it is over: nothing left to run


def test_fine_tuning_an_empty_set_says_what_to_do(subset):
    api.loaded["nielsen"] = models.load("nielsen")
    with pytest.raises(api.VisitorError, match="personal set is empty"):
        learn.finetune("nielsen", [], [])
