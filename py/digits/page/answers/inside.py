"""What Inside the network answers (page/inside.py)."""

from typing import Literal, NotRequired, TypedDict


class Block(TypedDict):
    """kind: "Input", a layer's type (Conv2D, ReLU, MaxPool2D, Dropout, Flatten, Dense, Sigmoid) or "Softmax"."""
    block: int
    layer: int | None
    kind: str
    title: str
    shape: str
    dims: list[int]
    parameters: int
    role: str


class Architecture(TypedDict):
    name: str
    parameters: int
    blocks: list[Block]


class LayerOutput(TypedDict):
    """values: float32 bytes in base64, map after map (channel, row, column) for pictures;
    same_as: a layer that repeats another's values when reading (dropout) carries none."""
    layer: int | None
    kind: str
    shape: str
    dims: list[int]
    low: float
    high: float
    values: NotRequired[str]
    same_as: NotRequired[int | Literal["input"]]


class SoftmaxSteps(TypedDict):
    logits: list[float]
    max: float
    shifted: list[float]
    exp: list[float | None]
    exp_shifted: list[float]
    sum: float
    probabilities: list[float]
    digit: int


class InsideAnswer(TypedDict):
    input: LayerOutput
    layers: list[LayerOutput]
    softmax: SoftmaxSteps


class Probe(TypedDict):
    unit: str
    strengths: list[float]
    range: tuple[float, float]


class InsideFacts(TypedDict):
    probes: dict[str, Probe]


class FeatureMapKernels(TypedDict):
    """The kernels (one per input channel) and the bias behind one feature map."""
    layer: int
    channel: int
    size: int
    kernels: list[list[float]]
    bias: float
    low: float
    high: float


class Term(TypedDict):
    input: int
    weight: float
    x: float
    term: float


class Activation(TypedDict):
    kind: str
    value: float


class NeuronSum(TypedDict):
    """One dense neuron for one image: its incoming weights, Σ wᵢxᵢ + b term by term, its activation."""
    layer: int
    neuron: int
    weights: list[float]
    weights_dims: list[int]
    inputs: int
    terms: list[Term]
    rest: float
    bias: float
    weighted_sum: float
    activation: Activation


class LossStep(TypedDict):
    """push: which way backpropagation pushes each output."""
    digit: int
    probability: float
    loss: float
    gradient: list[float]
    push: list[Literal["up", "down", "none"]]


class ProbeReading(TypedDict):
    """images: float32 base64, 784 values each."""
    probe: str
    unit: str
    strengths: list[float]
    images: list[str]
    probabilities: list[list[float]]
    digits: list[int]
    confidence: list[float]
