"""The MNIST machine, for the page: toys/machine.py behind the functions the page calls.

They take and return plain lists, numbers and strings, and refuse anything else with a VisitorError.
"""

from typing import TypedDict

import numpy as np

from ..errors import VisitorError
from ..toys.machine import (CELLS, DIGITS, EXAMPLE_DRAWINGS, HIDDEN, KNOB_LIMIT, SIDE, START_DIGIT, Machine,
                            cells_of, descend)
from ..toys.machine import Knobs as KnobArrays      # the toy's arrays; Knobs below is the page's plain lists


class Knobs(TypedDict):
    hidden_weights: list[list[float]]
    hidden_biases: list[float]
    output_weights: list[list[float]]
    output_biases: list[float]


class Example(TypedDict):
    """cells: 25 of 0/1, row by row; target: the right digit."""
    cells: list[int]
    target: int


class MachineFacts(TypedDict):
    """knob_shapes: [rows, columns] or [rows] for each group; examples: keyed by their digit ("0".."9");
    start: the drawing the machine shows first."""
    cells: int
    side: int
    hidden: int
    digits: int
    knob_limit: float
    knob_count: int
    knob_groups: list[str]
    knob_shapes: dict[str, list[int]]
    examples: dict[str, Example]
    start: Example


class MachinePass(TypedDict):
    hidden_weighted_sum: list[float]
    hidden_activation: list[float]
    output_weighted_sum: list[float]
    output_activation: list[float]
    loss: float


class MachineGradient(TypedDict):
    loss: float
    gradient: Knobs


class MachineStep(TypedDict):
    knobs: Knobs
    loss_before: float
    loss_after: float


class MachineSetLosses(TypedDict):
    """losses and guesses: each example's, in the order sent; total, mean and correct: the set's."""
    losses: list[float]
    guesses: list[int]
    total: float
    mean: float
    correct: int


class MachineFrame(TypedDict):
    step: int
    knobs: Knobs
    loss: float


class MachineFrames(TypedDict):
    """the first frame is the starting knobs, the last the last step."""
    frames: list[MachineFrame]


def examples_by_digit():
    """The ten example drawings, keyed by their digit: {digit: {"cells": 25 zeros and ones, "target": digit}}."""
    return {digit: {"cells": cells_of(drawing), "target": digit} for digit, drawing in EXAMPLE_DRAWINGS.items()}


def machine_facts() -> MachineFacts:
    """The machine's rules, for the page: its sizes, how far a knob turns, the knob groups (in
    the order of Knobs), their shapes and how many knobs they make, the examples keyed by digit,
    and the drawing shown first."""
    drawings = examples_by_digit()
    return {"side": SIDE, "cells": CELLS, "hidden": HIDDEN, "digits": DIGITS, "knob_limit": KNOB_LIMIT,
            "knob_count": int(sum(map(np.prod, KnobArrays.SHAPES))),
            "knob_groups": list(KnobArrays.NAMES), "knob_shapes": dict(zip(KnobArrays.NAMES, map(list, KnobArrays.SHAPES))),
            "examples": {str(d): e for d, e in drawings.items()},
            "start": drawings[START_DIGIT]}


def machine_forward(cells: list[int], knobs: Knobs, target: int) -> MachinePass:
    """Everything the machine shows for one drawing: both layers' weighted sums and activations, and L."""
    x, targets = check_examples([{"cells": cells, "target": target}])
    machine = Machine(KnobArrays.from_json(knobs))
    forward = {name: values[0].tolist() for name, values in machine.feedforward(x).items()}
    return {**forward, "loss": float(machine.losses(x, targets)[0])}


def machine_gradient(knobs: Knobs, examples: list[Example]) -> MachineGradient:
    """The mean loss over the examples and ∂L/∂knob for every knob (in the knobs' shape)."""
    x, targets = check_examples(examples)
    machine = Machine(KnobArrays.from_json(knobs))
    return {"loss": machine.mean_loss(x, targets), "gradient": machine.backprop(x, targets).to_json()}


def machine_step(knobs: Knobs, examples: list[Example], learning_rate: float) -> MachineStep:
    """One gradient step on the examples' mean loss: the new knobs, and the loss before and after."""
    x, targets = check_examples(examples)
    learning_rate = check_learning_rate(learning_rate)
    machine = Machine(KnobArrays.from_json(knobs))
    before = machine.mean_loss(x, targets)
    machine.gradient_step(x, targets, learning_rate)
    return {"knobs": machine.knobs.to_json(), "loss_before": before, "loss_after": machine.mean_loss(x, targets)}


def machine_set_losses(knobs: Knobs, examples: list[Example]) -> MachineSetLosses:
    """Each example's loss and the digit the machine reads, and the set's total and mean loss."""
    x, targets = check_examples(examples)
    machine = Machine(KnobArrays.from_json(knobs))
    losses = machine.losses(x, targets)
    guesses = machine.feedforward(x)["output_activation"].argmax(axis=1)
    return {"losses": losses.tolist(), "guesses": guesses.tolist(), "total": float(losses.sum()),
            "mean": float(losses.mean()), "correct": int((guesses == targets).sum())}


def machine_auto(knobs: Knobs, examples: list[Example], learning_rate: float = 2.0, steps: int = 300,
                 frames: int = 30) -> MachineFrames:
    """Gradient descent on the examples' mean loss for `steps` steps, as `frames` frames to animate."""
    x, targets = check_examples(examples)
    learning_rate = check_learning_rate(learning_rate)
    steps, frames = int(steps), int(frames)
    if not (1 <= steps <= 5000 and 2 <= frames <= 200):
        raise VisitorError("Auto runs 1 to 5000 steps, shown in 2 to 200 frames.")
    snapshots = descend(Machine(KnobArrays.from_json(knobs)), x, targets, learning_rate, steps, frames)
    return {"frames": [{"step": step, "knobs": knobs.to_json(), "loss": loss} for step, knobs, loss in snapshots]}


def check_examples(examples):
    """The page's [{"cells": 25 zeros and ones, "target": 0..9}, ...] as inputs x (n, 25) and targets (n,)."""
    if not isinstance(examples, list) or not 1 <= len(examples) <= 100:
        raise VisitorError("The machine needs 1 to 100 drawings.")
    try:
        x = np.array([example["cells"] for example in examples], dtype=np.float64)
        targets = np.array([example["target"] for example in examples])
    except (KeyError, TypeError, ValueError):
        raise VisitorError("Each drawing needs 25 cells (0 or 1) and a target digit.") from None
    if x.shape != (len(examples), CELLS) or not np.isin(x, (0, 1)).all():
        raise VisitorError("A drawing is 25 cells, each 0 (dark) or 1 (lit).")
    if targets.dtype.kind not in "iu" or not np.isin(targets, range(DIGITS)).all():
        raise VisitorError("The target must be a digit from 0 to 9.")
    return x, targets.astype(int)


def check_learning_rate(learning_rate):
    if isinstance(learning_rate, bool) or not isinstance(learning_rate, (int, float)) \
            or not 0 < learning_rate <= 100:
        raise VisitorError("The learning rate must be a number above 0 and at most 100.")
    return float(learning_rate)
