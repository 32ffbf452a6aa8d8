"""The one training loop (py/digits/nets/trainer.py): slices, schedule, and the networks it reproduces.

The shipped manifests say `python3 build.py train --model NAME --seed 0` makes their weights.
That holds only while the loop draws from the seeded generator in the same order and does the
same arithmetic: the fingerprints below are of networks the loop made before it was shared
by the command line, the page's Train section and fine-tuning (up to the last bits of float32
arithmetic, which differ between processors), and
a change that alters them changes every shipped network's recipe in effect.
"""

from dataclasses import replace

import numpy as np
import pytest

from digits.images.data import load_mnist
from digits.nets import models
from digits.nets.batches import Epochs
from digits.nets.optim import SGD
from digits.nets.train import RECIPES, fit
from digits.nets.trainer import Trainer, learning_rate_at


# The networks the recipes below made, as `fingerprint` sees them; the cnn's since its recipe learns MNIST alone.
PIN_NIELSEN = [10.788868146788005, -0.37611218417665815, 8.646825493713736, 0.3567258286102481]
PIN_CNN = [-3.3870615467504677, -7.324086470023164e-07, -4.461907114729639, -7.445663289637765e-06, 1.2726486992699866,
           -1.5177883482363077e-05, -2.8452273976336944, -9.456779860997827e-06]
PIN_CNN_LOSS = 2.706740566230379
PIN_CNN_ACC = 0.11


def fingerprint(model):
    """Every parameter, in the order of their names, seen along a fixed random direction: a number
    any change of the weights moves, compared with pytest.approx. Not the bytes themselves: numpy
    sums in a different order on processors with other vector instructions, which moves the
    weights by a few units in the last place, and a run may not fail for the processor it ran on."""
    directions = np.random.default_rng(1234)
    return [float(np.dot(value.ravel().astype(np.float64), directions.standard_normal(value.size)))
            for _, value in sorted(model.parameters().items())]


def same(values, pinned):
    """`values` equal to `pinned` up to the last few bits of float32 arithmetic."""
    return values == pytest.approx(pinned, rel=1e-4, abs=1e-6)


@pytest.fixture(scope="module")
def mnist():
    return load_mnist("train"), load_mnist("test")


def test_the_nielsen_recipe_trains_the_same_network_as_before(mnist):
    """Two epochs of 1,050 MNIST digits and 100 pad drawings: 115 batches of 10, so one
    augmentation block in each epoch is cut short; SGD, cosine η, half of each batch changed."""
    (train_x, train_y), (test_x, test_y) = mnist
    model = models.nielsen(np.random.default_rng(0))
    recipe = replace(RECIPES["nielsen"], epochs=2, handwriting=100)
    history = fit(model, recipe, (train_x[:1050], train_y[:1050]), (test_x[:200], test_y[:200]), seed=0)
    assert same([epoch["loss"] for epoch in history], [1.8479206465638203, 1.3619608120425888])
    assert [epoch["test_accuracy"] for epoch in history] == [0.69, 0.78]
    assert same(fingerprint(model), PIN_NIELSEN)


def test_the_cnn_recipe_trains_the_same_network_as_before(mnist):
    """Dropout, Adam, label smoothing and the moving average: 300 digits and 20 pad drawings,
    one epoch of five batches of 64 (the last one short)."""
    (train_x, train_y), (test_x, test_y) = mnist
    model = models.cnn(np.random.default_rng(0))
    recipe = replace(RECIPES["cnn"], epochs=1, handwriting=20)
    history = fit(model, recipe, (train_x[:300], train_y[:300]), (test_x[:100], test_y[:100]), seed=0)
    assert same([epoch["loss"] for epoch in history], [PIN_CNN_LOSS]) and [epoch["test_accuracy"] for epoch in history] == [PIN_CNN_ACC]
    assert same(fingerprint(model), PIN_CNN)


class Counted:
    """A batch source of `per_epoch` batches of `size` zero images labelled 0."""

    def __init__(self, per_epoch, size=4):
        self.per_epoch, self.size = per_epoch, size

    def take(self, step, rng):
        return np.zeros((self.size, 28, 28), np.float32), np.zeros(self.size, np.intp)


def trainer(per_epoch=5, epochs=2, schedule="constant"):
    model = models.nielsen(np.random.default_rng(0), hidden=3)
    return Trainer(model, SGD(0.1), Counted(per_epoch), per_epoch * epochs, np.random.default_rng(0), schedule)


def test_a_slice_stops_at_the_end_of_an_epoch_and_of_training():
    run = trainer(per_epoch=5, epochs=2)
    assert len(run.train(steps=3)) == 3 and (run.epoch, run.batch) == (0, 3)
    assert len(run.train(steps=10)) == 2 and (run.epoch, run.batch) == (1, 0)      # the epoch's end
    assert len(run.train(steps=10)) == 5 and run.done and run.epoch == 2
    assert run.train(steps=10) == [] and run.train(seconds=1) == []
    assert run.images == 10 * 4


def test_a_slice_of_time_takes_at_least_one_step():
    run = trainer()
    assert len(run.train(seconds=0)) == 1 and run.step == 1


def test_the_cosine_schedule_falls_from_eta_to_zero_over_all_the_steps():
    run = trainer(per_epoch=5, epochs=2, schedule="cosine")
    assert run.learning_rate_now() == 0.1
    run.train(steps=5)
    assert run.learning_rate_now() == pytest.approx(0.05)
    assert learning_rate_at(0.1, "cosine", 1.0) == pytest.approx(0.0)
    assert learning_rate_at(0.1, "constant", 0.7) == 0.1


def test_epochs_go_through_every_image_once_per_epoch_in_a_new_order():
    images = np.arange(10, dtype=np.float32)[:, None, None] * np.ones((10, 28, 28), np.float32)
    batches, rng = Epochs(images, np.arange(10), batch_size=4, block=2), np.random.default_rng(0)
    assert batches.per_epoch == 3
    epochs = [[batches.take(step, rng) for step in range(3 * epoch, 3 * epoch + 3)] for epoch in range(2)]
    for epoch in epochs:
        labels = np.concatenate([labels for _, labels in epoch])
        assert sorted(labels) == list(range(10)) and [len(labels) for _, labels in epoch] == [4, 4, 2]
        assert all((images[:, 0, 0] == labels).all() for images, labels in epoch)    # each image with its label
    assert [labels.tolist() for _, labels in epochs[0]] != [labels.tolist() for _, labels in epochs[1]]
