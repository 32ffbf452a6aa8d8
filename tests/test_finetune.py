"""Fine-tuning on the visitor's handwriting (py/digits/page/teach.py)."""

from pathlib import Path

import numpy as np
import pytest

from digits.errors import VisitorError
from digits.images.pixels import to_float
from digits.nets import finetune, models
from digits.nets.trainer import accuracy
from digits.page import teach, training
from digits.page.arrays import from_page
from digits.page.session import Session
from test_finetune_recipe import small_cnn
from test_trainer import fingerprint, same

SUBSET = Path(__file__).resolve().parents[1] / "data" / "web" / "mnist-small.npz"


@pytest.fixture
def session():
    """A fresh session holding the subset and the shipped mlp and nielsen networks."""
    fresh = Session()
    training.learn_data(fresh, SUBSET.read_bytes())
    for name in ("mlp", "nielsen"):
        fresh.models[name] = models.load(name)
    return fresh


# The network the seeded run below makes, as test_trainer.fingerprint sees it.
PIN_TUNED = [2.0525545075905995, -4.703849691336993, -5.36600009751397, 1.2495115729318742]


def test_fine_tuning_teaches_a_network_a_new_handwriting_without_forgetting_mnist(session):
    """A 'handwriting' MNIST never saw: digits drawn upside down. Fine-tuning learns it.

    Not 6s and 9s: upside down, each is the other, and no network can read an upside-down
    6 as a 6 without reading MNIST's 9s as 6s too.
    """
    test_images, test_labels = session.subset["test"]
    chosen = np.flatnonzero(~np.isin(test_labels, [6, 9]))[:40]
    mine = np.rot90(test_images[chosen], 2, axes=(1, 2)).copy()
    labels = test_labels[chosen]
    answer = teach.finetune(session, "mlp", mine.ravel(), labels.tolist(), steps=60)
    assert set(answer) == {"name", "base", "before", "after", "mnist_before", "mnist_after", "mnist_changes"}
    assert answer["name"] == "mlp-tuned" and answer["base"] == "mlp"
    assert answer["after"] > answer["before"] + 0.3
    assert answer["mnist_after"] > answer["mnist_before"] - 0.05
    assert session.models["mlp"] is not session.models["mlp-tuned"]        # the shipped model is untouched
    assert accuracy(session.models["mlp"], to_float(mine), labels) == answer["before"]


def test_a_tuning_shows_the_mnist_digits_it_reads_otherwise_now(session):
    """Those it now reads wrong first (what learning the visitor cost everyone else), then those it
    now reads right, then those read wrong both times; at most SHOWN_CHANGES of them, with their pictures."""
    test_images, test_labels = session.subset["test"]
    chosen = np.flatnonzero(~np.isin(test_labels, [6, 9]))[:40]
    answer = teach.finetune(session, "mlp", np.rot90(test_images[chosen], 2, axes=(1, 2)).ravel(), test_labels[chosen].tolist(),
                            steps=60)
    count = teach.teach_facts()["mnist_digits"]
    images, digits = test_images[:count], test_labels[:count]
    before, after = (session.models[name].predict(to_float(images)).argmax(axis=1) for name in ("mlp", "mlp-tuned"))
    lost = [i for i in range(count) if before[i] == digits[i] != after[i]]
    gained = [i for i in range(count) if before[i] != digits[i] == after[i]]
    others = [i for i in range(count) if digits[i] != before[i] != after[i] != digits[i]]
    changes = answer["mnist_changes"]
    assert changes["count"] == len(lost) + len(gained) + len(others) > teach.SHOWN_CHANGES    # upside down digits move many
    assert (changes["now_wrong"], changes["now_right"]) == (len(lost), len(gained)) and lost and gained
    shown = (lost + gained + others)[:teach.SHOWN_CHANGES]
    np.testing.assert_array_equal(from_page(changes["images"]), images[shown])
    assert changes["digits"] == digits[shown].tolist()
    assert changes["before"] == before[shown].tolist() and changes["after"] == after[shown].tolist()
    assert answer["mnist_before"] - answer["mnist_after"] == pytest.approx((len(lost) - len(gained)) / count)


def test_a_tuning_that_changed_no_reading_shows_none(session):
    reading = teach.mnist_reading(session, session.models["nielsen"])
    changes = teach.mnist_changes(session, reading, reading.copy())
    assert (changes["count"], changes["now_wrong"], changes["now_right"], changes["digits"]) == (0, 0, 0, [])
    assert from_page(changes["images"]).shape == (0, 28, 28)


def test_fine_tuning_runs_in_slices_and_the_recognizer_keeps_the_original_until_it_ends(session):
    images, labels = session.subset["test"]
    started = teach.finetune_start(session, "nielsen", images[:8].ravel(), labels[:8].tolist(), 30, 16)
    assert started["name"] == "nielsen-tuned" and started["steps"] == 30
    first = teach.finetune_run(session, seconds=0)                     # a slice is at least one step
    assert first["step"] == len(from_page(first["losses"])) == 1 and first["steps"] == 30 and not first["done"]
    assert "nielsen-tuned" not in session.models
    with pytest.raises(VisitorError) as refused:
        teach.finetune_finish(session)
    assert str(refused.value) == "The fine-tuning has not finished its steps yet."
    while not teach.finetune_run(session, seconds=0.01)["done"]:
        pass
    answer = teach.finetune_finish(session)
    assert answer["name"] == "nielsen-tuned"
    assert session.models["nielsen-tuned"] is not session.models["nielsen"]
    with pytest.raises(VisitorError) as refused:
        teach.finetune_run(session)                                  # it is over: nothing left to run
    assert str(refused.value) == "Press Fine-tune to start first."


def test_a_tuned_network_tuned_again_keeps_its_name_and_its_base(session):
    images, labels = session.subset["test"]
    teach.finetune(session, "nielsen", images[:8].ravel(), labels[:8].tolist(), steps=2)
    again = teach.finetune(session, "nielsen-tuned", images[:8].ravel(), labels[:8].tolist(), steps=2)
    assert (again["name"], again["base"]) == ("nielsen-tuned", "nielsen")


def test_python_picks_the_steps_for_the_network(session):
    images, labels = session.subset["test"]
    started = teach.finetune_start(session, "mlp", images[:8].ravel(), labels[:8].tolist())
    assert started["steps"] == finetune.RECIPES["dense"].steps == 80


def test_a_tuning_that_kept_the_convolutions_measures_mnist_as_the_networks_themselves_would(session):
    """Both networks share what the convolutions make of the test digits; the accuracies are
    those of the whole networks (here on the subset's first 50 test digits, for speed)."""
    test_images, test_labels = session.subset["test"]
    session.subset = {"train": session.subset["train"], "test": (test_images[:50], test_labels[:50])}
    session.models["small"] = small_cnn()
    answer = teach.finetune(session, "small", test_images[:20].ravel(), test_labels[:20].tolist(), steps=6)
    pictures = to_float(test_images[:50])
    assert answer["mnist_before"] == accuracy(session.models["small"], pictures, test_labels[:50])
    assert answer["mnist_after"] == accuracy(session.models["small-tuned"], pictures, test_labels[:50])
    assert not np.array_equal(session.models["small-tuned"].parameters()["9.W"], session.models["small"].parameters()["9.W"])
    assert session.models["small"] in session.trunk_features       # kept for the next tuning


def test_a_tuning_is_measured_on_as_many_mnist_digits_as_the_facts_say(session):
    count = teach.teach_facts()["mnist_digits"]
    images, labels = session.subset["test"]
    network = session.models["nielsen"]
    assert teach.mnist_accuracy(session, network) == accuracy(network, to_float(images[:count]), labels[:count])
    assert teach.mnist_accuracy(session, network) != accuracy(network, to_float(images), labels)   # not all 2,000


def test_a_tuning_makes_the_same_network_as_before(session):
    """Fingerprint (see test_trainer.py) of a tuning by the recipe bench/teach_writers.py chose:
    a change that alters it changes what the page teaches, and the bench should say it is better."""
    images, labels = session.subset["test"]
    answer = teach.finetune(session, "nielsen", images[:8].ravel(), labels[:8].tolist(), steps=12, batch_size=16)
    assert (answer["mnist_before"], answer["mnist_after"]) == (0.953, 0.947)
    assert same(fingerprint(session.models["nielsen-tuned"]), PIN_TUNED)


def test_fine_tuning_an_empty_set_says_what_to_do(session):
    with pytest.raises(VisitorError) as refused:
        teach.finetune(session, "nielsen", [], [])
    assert str(refused.value) == "Your personal set is empty: correct a few answers in the recognizer first."


def test_fine_tuning_a_network_that_is_not_loaded_names_it():
    with pytest.raises(VisitorError) as refused:
        teach.finetune(Session(), "cnn", np.zeros(784, np.uint8), [1])
    assert str(refused.value) == "The model 'cnn' is not loaded."
