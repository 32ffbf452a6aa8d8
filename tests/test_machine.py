"""The MNIST machine: its forward pass, its loss, its gradient, and gradient descent on it."""

import json
import math

import numpy as np
import pytest

from digits.page import api
from digits.page.machine import (machine_auto, machine_facts, machine_forward, machine_gradient, machine_set_losses,
                                 machine_step)
from digits.toys.machine import CELLS, KNOB_LIMIT, Knobs, Machine


def the_examples():
    """The machine's ten examples, as the page sends them: in the order of their digits."""
    return [machine_facts()["examples"][str(digit)] for digit in range(10)]


def zero_knobs():
    return Knobs.from_flat(np.zeros(190))


def random_knobs(seed, spread=1.0):
    return Knobs.from_flat(np.random.default_rng(seed).uniform(-spread, spread, 190))


def random_examples(seed, n):
    rng = np.random.default_rng(seed)
    return [{"cells": rng.integers(0, 2, CELLS).tolist(), "target": int(rng.integers(0, 10))} for _ in range(n)]


def sigma(z):
    return 1 / (1 + math.exp(-z))


# ----------------------------------------------------------------------------- forward pass and loss

def test_forward_pass_and_loss_match_a_hand_computation():
    cells = [0] * CELLS
    cells[0] = cells[24] = 1                          # the top-left and bottom-right cells are lit
    knobs = zero_knobs()
    knobs.hidden_weights[0, 0] = 2.0                  # neuron 0 sees both lit cells ...
    knobs.hidden_weights[0, 24] = 1.0
    knobs.hidden_biases[0] = -1.0                     # ... so z¹₀ = 2·1 + 1·1 − 1 = 2
    knobs.hidden_weights[1, 12] = 3.0                 # neuron 1 looks at the dark centre: z¹₁ = 0
    knobs.output_weights[7, 0] = 2.0                  # output 7 listens to neuron 0: z²₇ = 2σ(2)
    knobs.output_biases[1] = 1.0                      # output 1 is just biased: z²₁ = 1

    result = machine_forward(cells, knobs.to_json(), 7)

    assert result["hidden_weighted_sum"] == pytest.approx([2, 0, 0, 0, 0])
    assert result["hidden_activation"] == pytest.approx([sigma(2), 0.5, 0.5, 0.5, 0.5])
    z7 = 2 * sigma(2)
    expected_sums = [0, 1, 0, 0, 0, 0, 0, z7, 0, 0]
    assert result["output_weighted_sum"] == pytest.approx(expected_sums)
    total = math.exp(z7) + math.e + 8                 # e^z²₇ + e^1 + eight times e^0
    assert result["output_activation"] == pytest.approx([math.exp(z) / total for z in expected_sums])
    assert result["loss"] == pytest.approx(-math.log(math.exp(z7) / total))


def test_with_every_knob_at_zero_all_digits_are_equally_likely():
    result = machine_forward(the_examples()[3]["cells"], zero_knobs().to_json(), 3)
    assert result["output_activation"] == pytest.approx([0.1] * 10)
    assert result["loss"] == pytest.approx(math.log(10))


def test_the_loss_is_small_when_the_machine_is_sure_of_the_right_digit():
    knobs = zero_knobs()
    knobs.output_biases[4] = KNOB_LIMIT
    right = machine_forward([0] * CELLS, knobs.to_json(), 4)["loss"]
    wrong = machine_forward([0] * CELLS, knobs.to_json(), 5)["loss"]
    assert right < 0.5 < math.log(10) < wrong


def test_huge_weighted_sums_give_finite_losses():
    knobs = Knobs.from_flat(np.full(190, KNOB_LIMIT))
    knobs.output_weights[2] = -KNOB_LIMIT
    knobs.output_biases[2] = -KNOB_LIMIT
    result = machine_forward([1] * CELLS, knobs.to_json(), 2)
    assert math.isfinite(result["loss"]) and result["loss"] > 30


# ----------------------------------------------------------------------------- gradient

def numerical_gradient(knobs, examples, h=1e-6):
    """∂L/∂knob by central differences, one knob at a time."""
    x = np.array([e["cells"] for e in examples], dtype=float)
    targets = np.array([e["target"] for e in examples])
    flat = knobs.flat()
    gradient = np.zeros_like(flat)
    for i in range(flat.size):
        up, down = flat.copy(), flat.copy()
        up[i] += h
        down[i] -= h
        gradient[i] = (Machine(Knobs.from_flat(up)).mean_loss(x, targets)
                       - Machine(Knobs.from_flat(down)).mean_loss(x, targets)) / (2 * h)
    return gradient


@pytest.mark.parametrize("seed, n", [(0, 1), (1, 3), (2, 10)])
def test_backprop_agrees_with_the_numerical_gradient(seed, n):
    knobs, examples = random_knobs(seed, spread=2.0), random_examples(seed, n)
    backprop = Knobs.from_json(machine_gradient(knobs.to_json(), examples)["gradient"]).flat()
    numerical = numerical_gradient(knobs, examples)
    np.testing.assert_allclose(backprop, numerical, rtol=1e-5, atol=1e-8)
    assert np.abs(backprop).max() > 1e-3              # not trivially zero


def test_knobs_under_dark_cells_have_no_gradient():
    example = the_examples()[1]
    gradient = machine_gradient(random_knobs(3).to_json(), [example])["gradient"]
    dark = [i for i, lit in enumerate(example["cells"]) if not lit]
    assert np.all(np.asarray(gradient["hidden_weights"])[:, dark] == 0)
    lit = [i for i, on in enumerate(example["cells"]) if on]
    assert np.all(np.asarray(gradient["hidden_weights"])[:, lit] != 0)


def test_turning_one_knob_against_its_gradient_lowers_the_loss():
    """What the page's hint promises: turn a knob the way the arrow points, and the loss falls."""
    knobs, example = random_knobs(4), the_examples()[8]
    answer = machine_gradient(knobs.to_json(), [example])
    gradient = np.asarray(answer["gradient"]["hidden_weights"])
    j, i = np.unravel_index(np.abs(gradient).argmax(), gradient.shape)
    turned = knobs.to_json()
    turned["hidden_weights"][j][i] -= 0.1 * np.sign(gradient[j, i])
    assert machine_forward(example["cells"], turned, 8)["loss"] < answer["loss"]


# ----------------------------------------------------------------------------- gradient descent

@pytest.mark.parametrize("seed", range(5))
def test_one_small_step_lowers_the_loss(seed):
    examples = random_examples(seed, 1)
    answer = machine_step(random_knobs(seed).to_json(), examples, 0.1)
    again = machine_gradient(answer["knobs"], examples)["loss"]
    assert answer["loss_after"] == pytest.approx(again)
    assert answer["loss_after"] < answer["loss_before"]


def test_one_step_on_the_set_lowers_the_set_loss():
    examples = the_examples()
    answer = machine_step(random_knobs(5).to_json(), examples, 1.0)
    assert answer["loss_after"] < answer["loss_before"]
    assert machine_set_losses(answer["knobs"], examples)["mean"] == pytest.approx(answer["loss_after"])


def test_a_step_stops_every_knob_at_its_limit():
    knobs = Knobs.from_flat(np.random.default_rng(9).choice([-3.9, 3.9], 190))
    answer = machine_step(knobs.to_json(), the_examples()[2:3], 100.0)
    stepped = Knobs.from_json(answer["knobs"]).flat()
    assert np.abs(stepped).max() == KNOB_LIMIT
    assert (np.abs(stepped) == KNOB_LIMIT).sum() >= 10      # the big step pushed these to the stop


def test_auto_drives_the_set_loss_down_and_learns_all_ten_examples():
    examples, start = the_examples(), random_knobs(6)
    answer = machine_auto(start.to_json(), examples, 1.0, 300, 30)
    frames = answer["frames"]
    assert frames[0]["step"] == 0 and frames[-1]["step"] == 300
    assert 20 <= len(frames) <= 30
    assert [f["step"] for f in frames] == sorted({f["step"] for f in frames})
    np.testing.assert_array_equal(Knobs.from_json(frames[0]["knobs"]).flat(), start.flat())
    assert frames[0]["loss"] == pytest.approx(machine_set_losses(start.to_json(), examples)["mean"])
    assert frames[0]["loss"] > 2 and frames[-1]["loss"] < 0.3
    final = machine_set_losses(frames[-1]["knobs"], examples)
    assert final["mean"] == pytest.approx(frames[-1]["loss"])
    assert final["correct"] == 10 and final["guesses"] == list(range(10))
    assert np.abs(Knobs.from_json(frames[-1]["knobs"]).flat()).max() <= KNOB_LIMIT


def test_learning_one_example_is_not_learning_the_set():
    """Why the machine needs a training set: tuned for one 8, it reads other digits as 8 too."""
    examples = the_examples()
    eight = examples[8]
    answer = machine_auto(random_knobs(7).to_json(), [eight], 1.0, 100, 2)
    knobs = answer["frames"][-1]["knobs"]
    assert answer["frames"][-1]["loss"] < 0.05
    result = machine_set_losses(knobs, examples)
    assert result["correct"] == 1 and result["guesses"].count(8) == 10


# ----------------------------------------------------------------------------- the examples and the page

def test_the_examples_are_ten_different_digits():
    examples = the_examples()
    assert [e["target"] for e in examples] == list(range(10))
    assert all(len(e["cells"]) == CELLS and set(e["cells"]) <= {0, 1} for e in examples)
    assert len({tuple(e["cells"]) for e in examples}) == 10
    # The 1 is a vertical stroke in the middle column, with a foot.
    one = np.reshape(examples[1]["cells"], (5, 5))
    assert one[:, 2].all() and one[4].tolist() == [0, 1, 1, 1, 0]


def test_the_page_can_call_every_function_and_gets_plain_json():
    knobs, examples = random_knobs(8).to_json(), the_examples()[:3]
    calls = {
        "machine_forward": [examples[0]["cells"], knobs, 0],
        "machine_gradient": [knobs, examples],
        "machine_step": [knobs, examples, 0.5],
        "machine_set_losses": [knobs, examples],
        "machine_auto": [knobs, examples, 1.0, 20, 5],
    }
    for name, args in calls.items():
        answer = json.loads(api.Page().dispatch(name, json.dumps(args)))
        assert "ok" in answer, (name, answer)


@pytest.mark.parametrize("name, args, sentence", [
    ("machine_forward", [[0] * 24, None, 0], "A drawing is 25 cells, each 0 (dark) or 1 (lit)."),
    ("machine_forward", [[2] * 25, None, 0], "A drawing is 25 cells, each 0 (dark) or 1 (lit)."),
    ("machine_forward", [[0] * 25, None, 10], "The target must be a digit from 0 to 9."),
    ("machine_forward", [[0] * 25, {"hidden_weights": []}, 1],
     "The machine's knobs must be four lists of numbers: hidden_weights, hidden_biases, output_weights, output_biases."),
    ("machine_step", [None, [{"cells": [0] * 25, "target": 1}], -1],
     "The learning rate must be a number above 0 and at most 100."),
    ("machine_set_losses", [None, []], "The machine needs 1 to 100 drawings."),
    ("machine_set_losses", [None, [{"cells": [0] * 25}]], "Each drawing needs 25 cells (0 or 1) and a target digit."),
    ("machine_auto", [None, [{"cells": [0] * 25, "target": 1}], 1.0, 0, 5], "Auto runs 1 to 5000 steps, shown in 2 to 200 frames."),
])
def test_bad_input_gets_a_sentence(name, args, sentence):
    good_knobs = zero_knobs().to_json()
    args = [good_knobs if a is None else a for a in args]
    answer = json.loads(api.Page().dispatch(name, json.dumps(args)))
    assert answer == {"error": sentence}


def test_knobs_of_the_wrong_shape_are_refused():
    knobs = zero_knobs().to_json()
    knobs["output_weights"] = knobs["output_weights"][:9]
    answer = json.loads(api.Page().dispatch("machine_gradient", json.dumps([knobs, the_examples()])))
    assert answer["error"] == "The knobs output_weights must be 10 by 5 finite numbers."


def test_the_facts_key_each_example_by_its_digit_and_start_from_the_seven():
    facts = machine_facts()
    assert sorted(facts["examples"], key=int) == [str(d) for d in range(10)]
    assert all(example["target"] == int(digit) for digit, example in facts["examples"].items())
    assert facts["start"] == facts["examples"]["7"]
    assert (facts["cells"], facts["side"] ** 2, facts["knob_limit"]) == (CELLS, CELLS, KNOB_LIMIT)
    assert facts["knob_groups"] == list(Knobs.NAMES) == list(zero_knobs().to_json())
    assert {group: np.shape(values) for group, values in zero_knobs().to_json().items()} == \
        {group: tuple(shape) for group, shape in facts["knob_shapes"].items()}
    assert facts["knob_count"] == len(zero_knobs().flat()) == 190
