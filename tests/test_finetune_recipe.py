"""How fine-tuning learns (py/digits/nets/finetune.py): which layers learn, what each batch holds."""

from dataclasses import replace

import numpy as np

from digits.nets import layers as L
from digits.nets import models
from digits.images.pixels import to_float
from digits.nets.finetune import (RECIPES, Features, MineAndMnist, MnistChoice, Recipe, alike_digits, copy_model,
                                  fine_tuner, recipe_for, split, trunk_output)


def small_cnn():
    """A convolutional network shaped like the cnn, small enough to tune in a test."""
    rng = np.random.default_rng(0)
    return models.Sequential("small", [
        L.Conv2D(1, 4, 5, rng), L.ReLU(), L.MaxPool2D(), L.Dropout(0.2, rng),
        L.Conv2D(4, 6, 5, rng), L.ReLU(), L.MaxPool2D(), L.Dropout(0.2, rng),
        L.Flatten(), L.Dense(96, 16, rng), L.ReLU(), L.Dense(16, 10, rng)], input_shape=(28, 28, 1))


def drawings(count, seed=0):
    rng = np.random.default_rng(seed)
    return rng.random((count, 28, 28)).astype(np.float32), np.arange(count) % 10


def fake_mnist(count=200, seed=1):
    rng = np.random.default_rng(seed)
    return rng.integers(0, 256, (count, 28, 28), dtype=np.uint8), rng.integers(0, 10, count).astype(np.uint8)


def test_a_convolutional_network_keeps_its_convolutions_and_tunes_its_dense_layers():
    model = small_cnn()
    trunk, head = split(model, "dense")
    assert [type(layer).__name__ for layer in trunk.layers][-3:] == ["Conv2D", "ReLU", "MaxPool2D"]
    assert [type(layer).__name__ for layer in head.layers] == ["Dropout", "Flatten", "Dense", "ReLU", "Dense"]
    assert head.input_shape == (4, 4, 6)
    assert split(model, "last")[1].layers == [model.layers[-1]]
    assert split(model, "all") == (None, model)
    dense = models.mlp()
    assert split(dense, "dense") == (None, dense)          # nothing to keep: every layer learns
    images, _ = drawings(3)
    np.testing.assert_allclose(head.forward(trunk.forward(images)[0])[0], model.forward(images)[0], rtol=1e-5, atol=1e-6)


def test_tuning_the_dense_layers_leaves_the_convolutions_as_they_were():
    model = small_cnn()
    before = {key: value.copy() for key, value in model.parameters().items()}
    images, labels = drawings(20)
    recipe = Recipe(steps=6, batch_size=16, learns="dense", variants=3)
    fine_tuner(model, images, labels, fake_mnist(), recipe).train(steps=6)
    changed = {key for key, value in model.parameters().items() if not np.array_equal(value, before[key])}
    assert changed == {"9.W", "9.b", "11.W", "11.b"}


def test_the_trunk_reads_a_few_varied_copies_of_each_drawing_once_and_as_many_mnist_digits():
    model = small_cnn()
    trunk, _ = split(model, "dense")
    images, labels = drawings(20)
    read = []
    batches = Features(trunk, images, labels, fake_mnist(), Recipe(steps=10, batch_size=16, learns="dense", variants=3))
    batches.read = lambda pictures: read.append(len(pictures)) or trunk.forward(pictures)[0]
    rng = np.random.default_rng(0)
    for step in range(10):
        features, batch_labels = batches.take(step, rng)
        assert features.shape == (16, 4, 4, 6) and len(batch_labels) == 16
    assert read == [20, 20] * 3                 # the drawings and as many MNIST digits, in the first 3 steps
    many = Features(trunk, *drawings(200), fake_mnist(), Recipe(steps=10, batch_size=16, learns="dense", variants=8))
    assert many.fills == 1                      # a large set is read once, not 8 times


def test_every_drawing_comes_back_equally_often_half_of_each_batch():
    images, labels = drawings(6)
    batches = MineAndMnist(images, labels, fake_mnist(), batch_size=8, share=0.5, vary=lambda x, rng: x)
    rng = np.random.default_rng(0)
    seen = []
    for step in range(6):                       # 6 steps of 4 drawings: each of the 6 drawings 4 times
        batch, batch_labels = batches.take(step, rng)
        assert batch.shape == (8, 28, 28)
        seen += [int(np.flatnonzero((images == image).all(axis=(1, 2)))[0]) for image in batch[:4]]
    assert np.bincount(seen).tolist() == [4] * 6


def test_the_recipe_suits_the_network_and_takes_the_steps_asked_for():
    assert recipe_for(small_cnn()) == RECIPES["convolutional"]
    assert recipe_for(models.nielsen()) == RECIPES["sigmoid"]
    assert recipe_for(models.nielsen(activation="relu")) == recipe_for(models.mlp()) == RECIPES["dense"]
    assert recipe_for(models.mlp(), steps=7, batch_size=5) == replace(RECIPES["dense"], steps=7, batch_size=5)
    assert RECIPES["convolutional"].learns == "dense"
    # the mlp's ReLUs take shorter steps than nielsen's sigmoids (see the comment on RECIPES)
    assert RECIPES["dense"].learning_rate < RECIPES["sigmoid"].learning_rate


def test_the_trunks_output_is_read_a_batch_at_a_time_the_same():
    trunk, _ = split(small_cnn(), "dense")
    images, _ = drawings(7)
    np.testing.assert_allclose(trunk_output(trunk, images, batch_size=3), trunk.forward(images)[0], rtol=1e-5, atol=1e-6)


def test_a_copy_is_independent_of_its_original():
    model = small_cnn()
    copy = copy_model(model, "copy")
    copy.parameters()["0.W"][...] = 0
    assert copy.name == "copy" and model.parameters()["0.W"].any()


def test_the_alike_digits_are_the_mnist_digits_of_the_same_digit_nearest_each_drawing():
    theirs, their_labels = fake_mnist(300)
    images, labels = to_float(theirs[:4]) * 0.8, their_labels[:4].astype(np.intp)      # fainter copies of four of them
    theirs = np.concatenate([theirs, theirs[:4]])                                      # and a second copy each
    their_labels = np.concatenate([their_labels, their_labels[:4]])
    pool = alike_digits(images, labels, (theirs, their_labels), count=2)
    assert set(pool) == {0, 1, 2, 3, 300, 301, 302, 303}          # each drawing's two nearest: its own copies
    wider = alike_digits(images, labels, (theirs, their_labels), count=10)
    assert set(pool) < set(wider) and set(their_labels[wider]) <= set(labels)


def test_an_alike_share_of_the_mnist_digits_comes_from_those_most_like_the_drawings():
    images, labels = drawings(10)
    mnist = fake_mnist()
    choose = MnistChoice(mnist, images, labels, alike=0.5, neighbours=3)
    chosen = choose(4000, np.random.default_rng(0))
    share = np.isin(chosen, choose.pool).mean()
    assert 0.5 <= share < 0.5 + 3 * len(choose.pool) / len(mnist[0])     # half, and the rest's few chance hits
    assert len(choose.pool) <= 30 and set(mnist[1][choose.pool]) <= set(labels.tolist())
    anyone = MnistChoice(mnist)(4000, np.random.default_rng(0))
    assert np.isin(anyone, choose.pool).mean() < 0.25
    model = small_cnn()
    trunk, _ = split(model, "dense")
    recipe = Recipe(steps=4, batch_size=16, alike=0.5, neighbours=3, learns="dense", variants=2)
    features = Features(trunk, images, labels, mnist, recipe)
    np.testing.assert_array_equal(features.choose.pool, choose.pool)
    assert RECIPES["convolutional"].alike == 0.5 and RECIPES["dense"].alike == 0
