"""The perceptron at the beach: its formula, its truth table, its learning rule and its limits."""

import itertools
import json
import math

import numpy as np
import pytest
from hypothesis import given, strategies as st

from digits.errors import VisitorError
from digits.page import api
from digits.page.perceptron import (perceptron_evaluate, perceptron_facts, perceptron_train,
                                    perceptron_truth_table)
from digits.toys.perceptron import SITUATIONS, WORDS, Perceptron, contradiction, describe, train

ALL_WISHES = [list(bits) for bits in itertools.product((0, 1), repeat=8)]
XOR_SUN_WEEKEND = [int(x1 != x2) for x1, x2, _ in SITUATIONS]      # go when exactly one of the two is good

tenths = st.integers(-50, 50)                     # slider positions: -5.0 .. 5.0 in steps of 0.1
plus_minus_one = st.sampled_from([1, -1])


def ending(result, weights, bias):
    """Where a training run leaves the neuron: after its last update, or where it started if it made none."""
    last = result["updates"][-1]["after"] if result["updates"] else {"weights": weights, "bias": bias}
    return last["weights"], last["bias"]


def all_right(result, weights, bias, wish):
    return [row["output"] for row in perceptron_truth_table(*ending(result, weights, bias))] == list(wish)


def realisable_by_small_integer_weights(targets):
    """Brute force, independent of the learning rule: some integer w in [-3, 3]³, b in [-4, 4] does it."""
    for *w, b in itertools.product(range(-3, 4), range(-3, 4), range(-3, 4), range(-4, 5)):
        if ((SITUATIONS @ w + b > 0).astype(int) == targets).all():
            return True
    return False


# ----------------------------------------------------------------------------- one situation

def test_the_example_from_the_page():
    """1·(2.0) + (−1)·(−3.0) + 1·(0.5) + (−1.0) = 4.5 > 0 → go."""
    assert perceptron_evaluate([1, -1, 1], [2.0, -3.0, 0.5], -1.0) == {"weighted_sum": 4.5, "output": 1}


def test_a_sum_of_exactly_zero_means_stay_home():
    assert perceptron_evaluate([1, 1, 1], [1.0, -1.0, 0.5], -0.5)["output"] == 0


def test_float_noise_does_not_decide():
    # In floats 0.3 - 0.1 - 0.2 is about 2.8e-17 ("> 0"); on paper it is 0.
    result = perceptron_evaluate([1, -1, -1], [0.3, 0.1, 0.2], 0.0)
    assert result["weighted_sum"] == 0.0 and math.copysign(1, result["weighted_sum"]) == 1
    assert result["output"] == 0


@given(st.tuples(plus_minus_one, plus_minus_one, plus_minus_one), st.tuples(tenths, tenths, tenths), tenths)
def test_evaluate_follows_the_formula(x, w_tenths, b_tenths):
    exact_tenths = sum(xi * wi for xi, wi in zip(x, w_tenths)) + b_tenths     # integer arithmetic: no rounding
    result = perceptron_evaluate(list(x), [w / 10 for w in w_tenths], b_tenths / 10)
    assert result["weighted_sum"] == pytest.approx(exact_tenths / 10, abs=1e-12)
    assert result["output"] == int(exact_tenths > 0)


# ----------------------------------------------------------------------------- the truth table

def test_truth_table_lists_all_eight_situations_in_order():
    table = perceptron_truth_table([2.0, 3.0, 1.0], -1.0)
    assert [row["inputs"] for row in table] == [list(x) for x in itertools.product((1, -1), repeat=3)]


def test_the_facts_give_the_situations_in_the_order_of_every_table():
    facts = perceptron_facts()
    assert [s["inputs"] for s in facts["situations"]] == [row["inputs"] for row in perceptron_truth_table([1, 1, 1], 0)]
    assert facts["situations"][0]["description"] == "sunny, weekend, with friends"
    assert facts["situations"][-1]["description"] == "raining, weekday, alone"
    assert facts["words"] == [list(pair) for pair in WORDS] and facts["learning_rate"] == 0.5


@given(st.tuples(tenths, tenths, tenths), tenths)
def test_truth_table_agrees_with_evaluating_each_situation(w_tenths, b_tenths):
    weights, bias = [w / 10 for w in w_tenths], b_tenths / 10
    for row in perceptron_truth_table(weights, bias):
        alone = perceptron_evaluate(row["inputs"], weights, bias)
        assert (row["weighted_sum"], row["output"]) == (alone["weighted_sum"], alone["output"])


# ----------------------------------------------------------------------------- learning

def test_one_step_of_the_learning_rule():
    neuron = Perceptron([0.0, 0.0, 0.0], 0.0)
    error = neuron.learn(np.array([1, -1, 1]), 1, learning_rate=0.5)   # says stay (z = 0), should go
    assert error == 1
    assert neuron.weights.tolist() == [0.5, -0.5, 0.5] and neuron.bias == 0.5
    assert neuron.learn(np.array([1, -1, 1]), 1, learning_rate=0.5) == 0   # now right: nothing changes
    assert neuron.weights.tolist() == [0.5, -0.5, 0.5] and neuron.bias == 0.5


def test_exactly_104_of_the_256_wishes_can_be_learned():
    """104 is the number of threshold functions of 3 variables (OEIS A000609)."""
    learnable = [wish for wish in ALL_WISHES if contradiction(wish) is None]
    assert len(learnable) == 104


@pytest.mark.parametrize("wish", ALL_WISHES, ids=lambda wish: "".join(map(str, wish)))
def test_a_contradiction_exists_exactly_when_no_weights_do_it(wish):
    assert (contradiction(wish) is None) == realisable_by_small_integer_weights(np.array(wish))


@pytest.mark.parametrize("wish", [w for w in ALL_WISHES if contradiction(w) is None], ids=lambda wish: "".join(map(str, wish)))
def test_training_from_zero_gets_every_learnable_wish_right(wish):
    result = perceptron_train(wish, [0, 0, 0], 0)
    assert result["learnable"] and all_right(result, [0, 0, 0], 0, wish)
    weights, bias = ending(result, [0, 0, 0], 0)
    assert max(map(abs, weights + [bias])) <= 2      # as perceptron.LEARNING_RATE promises


def test_training_from_random_weights_converges_too():
    rng = np.random.default_rng(5)
    for wish in rng.permutation([w for w in ALL_WISHES if contradiction(w) is None])[:30]:
        start = np.round(rng.uniform(-5, 5, 4), 1)
        result = perceptron_train(wish.tolist(), start[:3].tolist(), float(start[3]))
        assert all_right(result, start[:3].tolist(), float(start[3]), wish.tolist())


def test_every_recorded_update_is_the_learning_rule():
    result = perceptron_train([1, 1, 1, 0, 1, 0, 0, 0], [0, 0, 0], 0, learning_rate=0.5)   # majority
    assert result["updates"], "starting from zero, the neuron must make mistakes"
    previous = {"weights": [0.0, 0.0, 0.0], "bias": 0.0}
    for update in result["updates"]:
        x, error = np.array(update["inputs"]), update["error"]
        assert update["before"] == previous
        assert error == update["target"] - update["output"] != 0
        assert update["output"] == int(update["weighted_sum"] > 0)
        np.testing.assert_allclose(update["after"]["weights"], np.add(previous["weights"], 0.5 * error * x))
        assert update["after"]["bias"] == pytest.approx(previous["bias"] + 0.5 * error)
        previous = update["after"]


def test_a_wish_already_met_needs_no_update():
    wish = [row["output"] for row in perceptron_truth_table([1.0, 2.0, 0.5], -0.5)]
    result = perceptron_train(wish, [1.0, 2.0, 0.5], -0.5)
    assert result["updates"] == [] and result["passes"] == 1


# ----------------------------------------------------------------------------- what cannot be learned

def test_xor_cannot_be_learned_and_the_page_is_told_why():
    result = perceptron_train(XOR_SUN_WEEKEND, [0, 0, 0], 0, max_epochs=20)
    assert not result["learnable"] and not all_right(result, [0, 0, 0], 0, XOR_SUN_WEEKEND)
    assert result["passes"] == 20 and len(result["updates"]) >= 20      # it never stops changing its mind
    go, stay = result["witness"]["go"], result["witness"]["stay"]
    assert all(XOR_SUN_WEEKEND[i] == 1 for i in go) and all(XOR_SUN_WEEKEND[i] == 0 for i in stay)
    np.testing.assert_array_equal(SITUATIONS[go].sum(axis=0), SITUATIONS[stay].sum(axis=0))
    sentence = result["explanation"]
    assert sentence.count(".") == 1 and sentence.endswith(".")
    for i in go + stay:
        assert describe(SITUATIONS[i]) in sentence


def test_no_weights_escape_the_contradiction():
    """The reason given is true: for random weights, the four situations cannot all be answered as wished."""
    witness = contradiction(XOR_SUN_WEEKEND)
    rng = np.random.default_rng(0)
    for _ in range(1000):
        neuron = Perceptron(rng.normal(size=3), rng.normal())
        outputs = neuron.output(SITUATIONS)
        assert not (outputs[witness["go"]].all() and not outputs[witness["stay"]].any())


# ----------------------------------------------------------------------------- through the page's door

@pytest.mark.parametrize("bad", [[1, 0, 1], [1, 1], [2, -1, 1], "sunny"])
def test_inputs_must_be_plus_or_minus_one(bad):
    with pytest.raises(VisitorError) as refused:
        perceptron_evaluate(bad, [1, 1, 1], 0)
    assert str(refused.value) == "The three inputs must each be +1 or -1."


@pytest.mark.parametrize("bad", [[1, 1], [1, "a", 1], [1, float("nan"), 1]])
def test_weights_must_be_three_finite_numbers(bad):
    with pytest.raises(VisitorError) as refused:
        perceptron_evaluate([1, 1, 1], bad, 0)
    assert str(refused.value) == "The perceptron needs three weights, each a finite number."


@pytest.mark.parametrize("bad", [[1] * 7, [1] * 9, [1, 0, 1, 0, 1, 0, 1, 2], [1, 0, 1, 0, 1, 0, 1, -1]])
def test_a_wish_has_eight_answers_of_0_or_1(bad):
    with pytest.raises(VisitorError) as refused:
        perceptron_train(bad, [0, 0, 0], 0)
    assert str(refused.value) == "A wish needs 8 answers, each 1 (go) or 0 (stay)."


@pytest.mark.parametrize("rate", [0, -0.5])
def test_the_learning_rate_must_be_above_zero(rate):
    with pytest.raises(VisitorError) as refused:
        perceptron_train([1] * 8, [0, 0, 0], 0, learning_rate=rate)
    assert str(refused.value) == "The learning rate must be above zero."


def test_the_page_reaches_the_perceptron_by_name_and_its_refusals_as_one_sentence():
    page = api.Page()
    answer = json.loads(page.dispatch("perceptron_evaluate", json.dumps([[1, -1, 1], [2, -3, 0.5], -1])))
    assert answer == {"ok": perceptron_evaluate([1, -1, 1], [2, -3, 0.5], -1)}
    error = json.loads(page.dispatch("perceptron_evaluate", json.dumps([[1, 5, 1], [2, -3, 0.5], -1])))
    assert error == {"error": "The three inputs must each be +1 or -1."}
