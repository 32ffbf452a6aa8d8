"""The guided minute's Python (py/digits/page/guided.py): its rules, and the check round read by a
network before and after its tuning."""

from pathlib import Path

import numpy as np
import pytest

from digits.errors import VisitorError
from digits.images.pixels import to_float
from digits.nets import models
from digits.page import api, guided, teach, training
from digits.page.session import Session

SUBSET = Path(__file__).resolve().parents[1] / "data" / "web" / "mnist-small.npz"


@pytest.fixture(scope="module")
def session():
    """A session holding the subset, the shipped nielsen network and a copy of it tuned on upside-down digits."""
    fresh = Session()
    training.learn_data(fresh, SUBSET.read_bytes())
    fresh.models["nielsen"] = models.load("nielsen")
    images, labels = upside_down(fresh, slice(0, 60))
    teach.finetune(fresh, "nielsen", images.ravel(), labels.tolist(), steps=80)
    return fresh


def upside_down(session, which):
    """Test digits turned upside down, a 'handwriting' MNIST never saw (not 6 or 9: turned, each is the other)."""
    images, labels = session.subset["test"]
    chosen = np.flatnonzero(~np.isin(labels, [6, 9]))[which]
    return np.rot90(images[chosen], 2, axes=(1, 2)).copy(), labels[chosen]


def test_the_rules_the_page_follows():
    facts = guided.guided_facts()
    assert facts["per_digit"] in facts["per_digit_choices"] == [1, 2, 3]
    assert facts["check_per_digit"] >= 1
    assert 0.5 < facts["sure_otherwise"] < 1
    assert api.all_facts()["guided_facts"] == facts


def test_the_check_round_is_read_by_the_network_before_and_after_its_tuning(session):
    images, labels = upside_down(session, slice(200, 240))         # drawings neither learned from
    answer = guided.guided_check(session, "nielsen", "nielsen-tuned", images.ravel(), labels.tolist())
    assert answer["drawings"] == 40
    before = models.load("nielsen").predict(to_float(images)).argmax(axis=1)
    assert answer["read_before"] == before.tolist()
    assert answer["right_before"] == int((before == labels).sum())
    assert answer["right_after"] == sum(int(r == d) for r, d in zip(answer["read_after"], labels))
    assert answer["right_after"] >= answer["right_before"] + 4           # it learned the upside-down hand


def test_the_page_calls_it_by_name(session):
    images, labels = upside_down(session, slice(0, 3))
    page = api.Page()
    page.session = session
    reply = page.dispatch("guided_check", '["nielsen", "nielsen-tuned", {"binary": 0}, %s]' % labels.tolist(), [images.ravel()])
    assert '"drawings": 3' in reply


@pytest.mark.parametrize("images, labels, sentence", [
    (np.zeros(784 * 2, np.uint8), [1], "The check round needs one 28×28 drawing per digit; the page sent 1,568 bytes for 1 digits."),
    (np.zeros(0, np.uint8), [], "The check round needs one 28×28 drawing per digit; the page sent 0 bytes for 0 digits."),
    (np.zeros(784, np.uint8), [12], "The check round's digits must all be digits from 0 to 9."),
])
def test_a_check_round_that_makes_no_sense_gets_a_sentence(session, images, labels, sentence):
    with pytest.raises(VisitorError) as refused:
        guided.guided_check(session, "nielsen", "nielsen-tuned", images, labels)
    assert str(refused.value) == sentence


def test_a_network_that_is_not_there_is_named(session):
    with pytest.raises(VisitorError) as refused:
        guided.guided_check(session, "nielsen", "mlp-tuned", np.zeros(784, np.uint8), [3])
    assert str(refused.value) == "The model 'mlp-tuned' is not loaded."
