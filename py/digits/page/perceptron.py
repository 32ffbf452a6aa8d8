"""The perceptron at the beach, for the page: toys/perceptron.py behind the functions the page calls.

They take and return plain lists, numbers and strings, and refuse anything else with a VisitorError.
"""

from typing import Literal, TypedDict

import numpy as np

from ..errors import VisitorError
from ..toys.perceptron import LEARNING_RATE, SITUATIONS, WORDS, Perceptron, contradiction, describe, train, why_not


class Situation(TypedDict):
    """inputs: three of +1/-1; description: "sunny, weekday, alone"."""
    inputs: list[int]
    description: str


class PerceptronFacts(TypedDict):
    """situations: all 8, in the order of every truth table and wish; words: for each input, what +1 and -1 mean;
    learning_rate: the η perceptronTrain uses."""
    situations: list[Situation]
    words: list[tuple[str, str]]
    learning_rate: float


class PerceptronOutput(TypedDict):
    """The weighted sum z = w·x + b and the output (1 if z > 0)."""
    weighted_sum: float
    output: Literal[0, 1]


class TruthTableRow(PerceptronOutput):
    inputs: list[int]


class PerceptronWeights(TypedDict):
    weights: list[float]
    bias: float


class PerceptronUpdate(TypedDict):
    epoch: int
    situation: int
    inputs: list[int]
    target: Literal[0, 1]
    weighted_sum: float
    output: Literal[0, 1]
    error: float
    before: PerceptronWeights
    after: PerceptronWeights


class Witness(TypedDict):
    go: list[int]
    stay: list[int]


class PerceptronLesson(TypedDict):
    learnable: bool
    updates: list[PerceptronUpdate]
    passes: int
    witness: Witness | None
    explanation: str | None


def perceptron_facts() -> PerceptronFacts:
    """The perceptron's rules, for the page: the 8 situations in the order of every truth table
    and wish, each in words; what +1 and -1 mean for each input; the learning rate of training."""
    return {"situations": [{"inputs": x.astype(int).tolist(), "description": describe(x)} for x in SITUATIONS],
            "words": [list(pair) for pair in WORDS], "learning_rate": LEARNING_RATE}


def perceptron_evaluate(inputs: list[float], weights: list[float], bias: float) -> PerceptronOutput:
    """One situation: the weighted sum z and the output ŷ."""
    x = check_inputs(inputs)
    neuron = Perceptron(check_weights(weights), check_number(bias, "The bias"))
    return {"weighted_sum": float(neuron.weighted_sum(x)), "output": int(neuron.output(x))}


def perceptron_truth_table(weights: list[float], bias: float) -> list[TruthTableRow]:
    """All 8 situations with their weighted sums and outputs, in the order of SITUATIONS."""
    neuron = Perceptron(check_weights(weights), check_number(bias, "The bias"))
    sums, outputs = neuron.weighted_sum(SITUATIONS), neuron.output(SITUATIONS)
    return [{"inputs": x.astype(int).tolist(), "weighted_sum": float(z), "output": int(y)}
            for x, z, y in zip(SITUATIONS, sums, outputs)]


def perceptron_train(targets: list[int], weights: list[float], bias: float, learning_rate: float = LEARNING_RATE,
                     max_epochs: int = 20) -> PerceptronLesson:
    """Teach the perceptron a wish (8 answers, 1 = go, in the order of SITUATIONS).

    Starts from the given weights. When the wish is linearly separable, trains
    until all 8 are right (the rule is guaranteed to get there); otherwise runs
    `max_epochs` passes anyway, to show that it never settles, and explains why.
    Each update records the weights before and after it; the last `after` is where
    the neuron ends.
    """
    targets = check_targets(targets)
    learning_rate = check_number(learning_rate, "The learning rate")
    if learning_rate <= 0:
        raise VisitorError("The learning rate must be above zero.")
    witness = contradiction(targets)
    neuron = Perceptron(check_weights(weights), check_number(bias, "The bias"))
    # Separable wishes converge for sure; the generous cap only guards against a bug.
    updates, _, passes = train(neuron, targets, learning_rate, max_epochs if witness else 10_000)
    return {"learnable": witness is None, "updates": updates, "passes": passes,
            "witness": witness, "explanation": why_not(witness) if witness else None}


def check_inputs(inputs):
    message = "The three inputs must each be +1 or -1."
    x = numbers(inputs, message)
    if x.shape != (3,) or not np.isin(x, (1, -1)).all():
        raise VisitorError(message)
    return x


def check_weights(weights):
    message = "The perceptron needs three weights, each a finite number."
    w = numbers(weights, message)
    if w.shape != (3,) or not np.isfinite(w).all():
        raise VisitorError(message)
    return w


def numbers(values, message):
    try:
        return np.asarray(values, dtype=np.float64)
    except (TypeError, ValueError):
        raise VisitorError(message) from None


def check_number(value, what):
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not np.isfinite(value):
        raise VisitorError(f"{what} must be a finite number.")
    return float(value)


def check_targets(targets):
    if len(targets) != 8 or any(y not in (0, 1) for y in targets):
        raise VisitorError("A wish needs 8 answers, each 1 (go) or 0 (stay).")
    return np.asarray(targets, dtype=int)
