"""What the machine answers (page/machine.py), and the knobs and examples it is sent."""

from typing import TypedDict


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
