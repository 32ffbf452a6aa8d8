"""Training in the page (py/digits/page/training.py): the shipped subset, and runs in slices."""

from pathlib import Path

import numpy as np
import pytest

from digits.errors import VisitorError
from digits.images.data import load_mnist, small_subset
from digits.nets import models
from digits.page import training
from digits.page.arrays import from_page
from digits.page.session import Session
from test_trainer import fingerprint, same

ROOT = Path(__file__).resolve().parents[1]
SUBSET = ROOT / "data" / "web" / "mnist-small.npz"


@pytest.fixture
def session():
    """A fresh session holding the subset, as the page's is once it has downloaded it."""
    fresh = Session()
    training.learn_data(fresh, SUBSET.read_bytes())
    return fresh


# The network the seeded run below makes, as test_trainer.fingerprint sees it.
PIN_LEARN = [-3.0116115277532574, 0.04438646497608518, 0.5048694788175954, 0.2332764873806996]


def config(**changes):
    return {**training.DEFAULTS, **changes}


def test_the_shipped_subset_is_exactly_the_documented_slice_of_mnist():
    expected = small_subset(load_mnist("train"), load_mnist("test"))
    with np.load(SUBSET) as shipped:
        assert sorted(shipped.files) == sorted(expected)
        for key, array in expected.items():
            np.testing.assert_array_equal(shipped[key], array)
    assert expected["train_images"].shape == (10_000, 28, 28)
    assert np.bincount(expected["train_labels"], minlength=10).min() > 800    # every digit well represented


def test_the_facts_say_what_the_subset_holds_and_the_defaults_are_accepted(session):
    facts = training.training_facts()
    assert (facts["train_images"], facts["test_images"]) == (len(session.subset["train"][1]), len(session.subset["test"][1]))
    assert training.checked_config(facts["defaults"]) == {**facts["defaults"], "seed": 0}
    for activation in facts["activations"]:
        training.checked_config(config(activation=activation, learning_rate=facts["learning_rates"][activation]))


def test_unreadable_subset_bytes_are_refused_plainly():
    with pytest.raises(VisitorError) as refused:
        training.learn_data(Session(), b"not an npz")
    assert str(refused.value) == "The MNIST subset could not be read (ValueError)."


def test_training_without_the_subset_says_so():
    with pytest.raises(VisitorError) as refused:
        training.learn_start(Session(), config())
    assert str(refused.value) == "The MNIST subset is not loaded yet."


def test_every_run_reads_one_float_copy_of_the_subset_until_a_new_subset_comes(session):
    training.learn_start(session, config())
    first = session.run.train_images
    assert first.dtype == np.float32 and first.max() == 1.0
    np.testing.assert_array_equal(first * 255, session.subset["train"][0])
    training.learn_start(session, config(hidden=10))
    assert session.run.train_images is first                  # not a second copy in the page's memory
    training.learn_data(session, SUBSET.read_bytes())             # handed over again: converted again
    training.learn_start(session, config())
    assert session.run.train_images is not first
    np.testing.assert_array_equal(session.run.train_images, first)


def test_one_epoch_in_slices_learns_far_above_chance(session):
    started = training.learn_start(session, config(epochs=1))
    assert started["batches"] == 1000 and started["epoch"] == 0 and from_page(started["neurons"]).shape == (6, 784)
    slices = []
    while not session.run.done:
        slices.append(training.learn_run(session, seconds=0.05))
    assert len(slices) > 1                                  # it really was cut into slices
    losses = [from_page(s["losses"]) for s in slices]
    assert sum(map(len, losses)) == 1000                    # ... that together make exactly one epoch
    assert slices[-1]["test_accuracy"] > 0.85
    assert np.mean(losses[-1]) < np.mean(losses[0])


def test_a_step_is_exactly_one_minibatch_and_changes_the_weights(session):
    training.learn_start(session, config(hidden=8, activation="relu", learning_rate=0.1, batch_size=32, epochs=1))
    before = session.run.model.layers[0].params["W"].copy()
    answer = training.learn_run(session, batches=1)
    assert len(from_page(answer["losses"])) == 1 and answer["batch"] == 1
    assert not np.allclose(before, session.run.model.layers[0].params["W"])


def test_same_seed_same_run(session):
    runs = []
    for _ in range(2):
        training.learn_start(session, config(hidden=10, batch_size=50, epochs=1))
        runs.append(from_page(training.learn_run(session, batches=20)["losses"]).tolist())
    assert runs[0] == runs[1]


def test_a_run_with_a_seed_trains_the_same_network_as_before(session):
    """Fingerprint (see test_trainer.py) of a run made before the page shared the command line's loop:
    two epochs of 500 digits, in slices of 7 batches that the epoch's end cuts short."""
    session.subset = {part: (images[:500], labels[:500]) for part, (images, labels) in session.subset.items()}
    training.learn_start(session, config(hidden=10, batch_size=50, epochs=2))
    losses = []
    while not session.run.done:
        losses += from_page(training.learn_run(session, batches=7)["losses"]).tolist()
    assert len(losses) == 20 and same(losses[::5], [2.27129273891449, 2.174564151763916, 2.025762777328491,
                                                     1.9573486161231994])
    assert session.run.history == [0.278, 0.438]
    assert same(fingerprint(session.run.model), PIN_LEARN)


def test_running_before_starting_says_what_to_press():
    with pytest.raises(VisitorError) as refused:
        training.learn_run(Session())
    assert str(refused.value) == "Press Train to start a run first."


@pytest.mark.parametrize("change, message", [
    ({"hidden": 0}, "The number of hidden neurons must be a number from 1 to 256."),
    ({"hidden": 10_000}, "The number of hidden neurons must be a number from 1 to 256."),
    ({"learning_rate": -1}, "The learning rate must be a number from 0.00001 to 10."),
    ({"batch_size": "ten"}, "The batch size must be a number from 1 to 1000."),
    ({"epochs": True}, "The number of epochs must be a number from 1 to 50."),
    ({"activation": "tanh"}, "The activation must be one of sigmoid, relu."),
])
def test_settings_out_of_range_are_refused_by_name(session, change, message):
    with pytest.raises(VisitorError) as refused:
        training.learn_start(session, config(**change))
    assert str(refused.value) == message


@pytest.mark.parametrize("hidden, activation", [(30, "sigmoid"), (1, "relu"), (256, "sigmoid")])
def test_the_shape_counts_the_parameters_of_the_network_a_run_builds(session, hidden, activation):
    shape = training.learn_shape({"hidden": hidden, "activation": activation})
    training.learn_start(session, config(hidden=hidden, activation=activation))
    assert shape == {"sizes": [784, hidden, 10], "parameters": session.run.model.count_parameters()}
    assert shape["parameters"] == 784 * hidden + hidden + hidden * 10 + 10


def test_using_the_run_hands_its_network_to_the_recognizer(session):
    training.learn_start(session, config(hidden=12, epochs=1))
    training.learn_run(session, batches=3)
    summary = training.learn_use(session)
    assert session.model("yours") is session.run.model
    assert summary == {"name": "yours", "label": "784-12-10 sigmoid", "parameters": models.nielsen(None, 12).count_parameters(),
                       "test_accuracy": None, "test_images": 2000, "config": {**config(hidden=12, epochs=1), "seed": 0}}
