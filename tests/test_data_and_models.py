"""MNIST reading, saving and loading models, training, and the predict command."""

import gzip
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from digits.images.data import DATA_DIR, DataError, load_mnist, parse_idx, read_idx
from digits.images.pixels import to_float
from digits.nets import models
from digits.nets.train import RECIPES, Recipe, augmented, fit, with_handwriting
from digits.nets.trainer import accuracy

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def mnist():
    return load_mnist("train"), load_mnist("test")


def test_mnist_has_the_published_shapes_and_label_counts(mnist):
    (train_x, train_y), (test_x, test_y) = mnist
    assert train_x.shape == (60000, 28, 28) and test_x.shape == (10000, 28, 28)
    assert train_x.dtype == np.uint8
    assert np.bincount(test_y).tolist() == [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009]


def test_a_truncated_idx_file_is_refused(tmp_path):
    raw = gzip.decompress((DATA_DIR / "t10k-labels-idx1-ubyte.gz").read_bytes())
    with pytest.raises(DataError, match="truncated"):
        parse_idx(raw[:-10], "labels")
    with pytest.raises(DataError, match="magic"):
        parse_idx(b"\x00" * 16, "junk")


def test_a_file_that_is_not_the_original_is_refused(tmp_path):
    raw = bytearray(gzip.decompress((DATA_DIR / "t10k-labels-idx1-ubyte.gz").read_bytes()))
    raw[100] = (raw[100] + 1) % 10
    altered = tmp_path / "t10k-labels-idx1-ubyte.gz"
    altered.write_bytes(gzip.compress(bytes(raw)))
    with pytest.raises(DataError, match="sha256"):
        read_idx(altered)
    (tmp_path / "broken.gz").write_bytes(b"not gzip at all")
    with pytest.raises(DataError, match="gzip"):
        read_idx(tmp_path / "broken.gz")


def test_save_then_load_gives_the_same_predictions(tmp_path):
    model = models.cnn(np.random.default_rng(0))
    models.save(model, tmp_path, {"test_accuracy": None})
    again = models.load(tmp_path)
    x = np.random.default_rng(1).random((3, 28, 28), dtype=np.float32)
    np.testing.assert_array_equal(model.predict(x), again.predict(x))


def rewrite_manifest(folder, change):
    manifest = json.loads((folder / "manifest.json").read_text())
    change(manifest)
    (folder / "manifest.json").write_text(json.dumps(manifest))


def replace_weights(folder, filename, array):
    """A weights file replaced by `array`, its sha256 in the manifest to match: only its content is wrong."""
    data = models.npy_bytes(array) if array.dtype != object else pickled_npy(array)
    (folder / filename).write_bytes(data)
    rewrite_manifest(folder, lambda manifest: next(entry for entry in manifest["files"].values()
                                                   if entry["file"] == filename).update(sha256=models.sha256(data)))


def pickled_npy(array):
    buffer = io.BytesIO()
    np.save(buffer, array, allow_pickle=True)
    return buffer.getvalue()


def flip_last_byte(path):
    data = bytearray(path.read_bytes())
    data[-1] ^= 0xFF
    path.write_bytes(bytes(data))


# Each fault a saved mlp can have, made in its folder, and the one sentence that names it.
FAULTS = {
    "corrupt": (lambda folder: flip_last_byte(folder / "2_W.npy"),
                "Model 'mlp': weights file 2_W.npy is corrupt (its sha256 does not match the manifest)."),
    "wrong_shape": (lambda folder: replace_weights(folder, "2_W.npy", np.zeros((3, 3), np.float32)),
                    "Model 'mlp': weights file 2_W.npy has shape (3, 3), expected (128, 64)."),
    "not_numbers": (lambda folder: replace_weights(folder, "0_W.npy", np.array([object()])),
                    "Model 'mlp': weights file 0_W.npy is not a .npy array of numbers."),
    "missing weights": (lambda folder: (folder / "0_W.npy").unlink(),
                        "Model 'mlp': weights file 0_W.npy is missing."),
    "missing manifest": (lambda folder: (folder / "manifest.json").unlink(),
                         "Model 'mlp': manifest.json is missing."),
    "not_json": (lambda folder: (folder / "manifest.json").write_text("{"),
                 "Model 'mlp': manifest.json is not valid JSON."),
    "not_a_manifest": (lambda folder: rewrite_manifest(folder, lambda m: m["files"]["0.W"].update(file="../0_W.npy")),
                       "Model 'mlp': manifest.json is not a saved network's manifest "
                       "(a weights file and its sha256 for each tensor)."),
    "unknown_architecture": (lambda folder: rewrite_manifest(
                                 folder, lambda m: m["architecture"]["layers"][1].update(type="Attention")),
                             "Model 'mlp': manifest.json does not describe a known architecture."),
    "unlisted": (lambda folder: rewrite_manifest(folder, lambda m: m["files"].pop("4.b")),
                 "Model 'mlp': manifest.json lists no weights file for ['4.b']."),
    "stranger": (lambda folder: rewrite_manifest(folder, lambda m: m["files"].update(
                     {"9.W": {"file": "9_W.npy", "shape": [1], "sha256": "0"}})),
                 "Model 'mlp': weights file 9_W.npy does not belong to its architecture."),
}


@pytest.mark.parametrize("fault", FAULTS)
def test_each_fault_of_a_saved_model_has_one_sentence_naming_the_model_and_the_file(tmp_path, fault):
    damage, sentence = FAULTS[fault]
    folder = tmp_path / "mlp"
    folder.mkdir()
    models.save(models.mlp(), folder, {})
    damage(folder)
    with pytest.raises(models.WeightsError) as refused:
        models.load(folder)
    assert str(refused.value) == sentence


def test_an_unreadable_file_and_a_manifest_that_declares_too_many_weights_have_their_sentences(tmp_path):
    folder = tmp_path / "mlp"
    folder.mkdir()
    models.save(models.mlp(), folder, {})
    with pytest.raises(models.WeightsError) as refused:
        models.read_saved("mlp", models.folder_files(folder), most_parameters=1000)
    assert str(refused.value) == (
        "Model 'mlp': manifest.json declares 109,386 weights, more than the 1,000 a saved network may have.")
    (folder / "0_W.npy").unlink()
    (folder / "0_W.npy").mkdir()
    with pytest.raises(models.WeightsError) as refused:
        models.load(folder)
    assert str(refused.value) == (f"Model 'mlp': weights file 0_W.npy could not be read "
                                  f"([Errno 21] Is a directory: '{folder / '0_W.npy'}').")


def test_every_fault_has_a_test():
    assert set(models.FAULTS) == {fault.split(" ")[0] for fault in FAULTS} | {"unreadable", "too_big"}


def test_a_short_training_run_lowers_the_loss_and_is_deterministic(mnist):
    (train_x, train_y), (test_x, test_y) = mnist
    subset = (train_x[:2000], train_y[:2000])
    held_out = (test_x[:500], test_y[:500])
    recipe = Recipe(epochs=3, batch_size=20, optimizer="sgd", learning_rate=0.5)
    runs = []
    for _ in range(2):
        model = models.nielsen(np.random.default_rng(0))
        history = fit(model, recipe, subset, held_out, seed=3)
        runs.append((history, model.predict(to_float(held_out[0][:5]))))
    history = runs[0][0]
    assert history[-1]["loss"] < history[0]["loss"] < 2.3
    assert history[-1]["test_accuracy"] > 0.8
    np.testing.assert_array_equal(runs[0][1], runs[1][1])


@pytest.mark.slow
def test_the_cnn_learns_on_a_small_subset(mnist):
    (train_x, train_y), (test_x, test_y) = mnist
    model = models.cnn(np.random.default_rng(0))
    recipe = Recipe(epochs=1, batch_size=50, optimizer="adam", learning_rate=1e-3)
    history = fit(model, recipe, (train_x[:1500], train_y[:1500]), (test_x[:300], test_y[:300]))
    assert history[0]["test_accuracy"] > 0.6


# The cnn learns MNIST alone and reads 99.59% of its test digits; writers, the page's default, has
# the same layers and learns the pad's drawings too, for 99.52% (README, bench/styles.py).
@pytest.mark.slow
@pytest.mark.parametrize("name, target", [("writers", 0.995), ("cnn", 0.9955), ("mlp", 0.985), ("nielsen", 0.96)])
def test_shipped_weights_reach_their_targets(name, target, mnist):
    manifest = json.loads((ROOT / "weights" / name / "manifest.json").read_text())
    assert manifest["test_accuracy"] >= target
    assert manifest["command"].startswith(f"python3 build.py train --model {name}")
    model = models.load(name)
    test_x, test_y = mnist[1]
    assert accuracy(model, to_float(test_x), test_y.astype(int)) == pytest.approx(manifest["test_accuracy"])


@pytest.mark.parametrize("name", ["writers", "cnn", "mlp", "nielsen"])
def test_the_manifest_command_reproduces_the_shipped_recipe(name):
    """`build.py train --model NAME` trains with RECIPES[NAME]: it must be the recipe the weights were made with."""
    manifest = json.loads((ROOT / "weights" / name / "manifest.json").read_text())
    assert Recipe(**{**manifest["recipe"], "epochs": RECIPES[name].epochs}) == RECIPES[name]
    assert manifest["command"] == f"python3 build.py train --model {name} --epochs {manifest['recipe']['epochs']} --seed {manifest['seed']}"


def test_augment_share_moves_that_share_of_each_batch_and_leaves_the_rest_sharp(mnist):
    images = to_float(mnist[1][0][:400])
    for share, low, high in [(0.5, 0.35, 0.65), (1.0, 0.99, 1.0)]:
        recipe = Recipe(epochs=1, batch_size=400, optimizer="sgd", learning_rate=0.1, augment=True, augment_share=share)
        out = augmented(images, recipe, np.random.default_rng(0))
        changed = np.abs(out - images).reshape(400, -1).max(axis=1) > 1e-6
        assert low <= changed.mean() <= high
    assert np.array_equal(images, to_float(mnist[1][0][:400]))      # the batch itself is never altered


def test_synthetic_handwriting_joins_the_training_set_as_mnist_images_with_their_digits(mnist):
    train = (mnist[0][0][:100], mnist[0][1][:100])
    images, labels = with_handwriting(train, 200, np.random.default_rng(5))
    assert images.shape == (300, 28, 28) and images.dtype == np.uint8
    assert labels.shape == (300,) and labels.dtype == train[1].dtype
    assert np.array_equal(images[:100], train[0]) and np.array_equal(labels[:100], train[1])
    drawn, digits = images[100:], labels[100:]
    assert set(digits) == set(range(10))
    assert drawn.max() == 255 and (drawn.reshape(200, -1) > 0).mean(axis=1).min() > 0.05
    read = models.load("writers").predict(to_float(drawn)).argmax(axis=1)
    assert np.mean(read == digits) > 0.95          # each image shows the digit it is labelled with
    again, _ = with_handwriting(train, 200, np.random.default_rng(5))
    assert np.array_equal(images, again)


def run_predict(*args):
    return subprocess.run([sys.executable, str(ROOT / "build.py"), "predict", *map(str, args)],
                          capture_output=True, text=True, cwd=ROOT)


def test_predict_command_writes_probabilities(tmp_path, mnist):
    test_x, test_y = mnist[1]
    np.save(tmp_path / "x.npy", test_x[:50])
    result = run_predict("--model", "mlp", "--input", tmp_path / "x.npy", "--output", tmp_path / "p.npy")
    assert result.returncode == 0, result.stderr
    p = np.load(tmp_path / "p.npy")
    assert p.shape == (50, 10) and p.dtype == np.float32
    np.testing.assert_allclose(p.sum(axis=1), 1, atol=1e-5)
    assert (p.argmax(axis=1) == test_y[:50]).mean() > 0.9


@pytest.mark.parametrize("array, message", [
    (np.zeros((4, 28, 28), np.float32), "dtype uint8"),
    (np.zeros((4, 784), np.uint8), r"shape \(N, 28, 28\)"),
])
def test_predict_refuses_wrong_input_clearly(tmp_path, array, message):
    np.save(tmp_path / "x.npy", array)
    result = run_predict("--model", "mlp", "--input", tmp_path / "x.npy", "--output", tmp_path / "p.npy")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert __import__("re").search(message, result.stderr)
    assert not (tmp_path / "p.npy").exists()
