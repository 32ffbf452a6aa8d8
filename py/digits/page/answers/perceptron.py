"""What the perceptron answers (page/perceptron.py)."""

from typing import Literal, TypedDict


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
