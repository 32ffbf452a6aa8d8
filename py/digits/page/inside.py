"""Inside the network, for the digit on the pad: the session's networks seen through explain/inside.py and probes.py.

The recognizer answers first (recognizer.predict); the page then asks for the rest
with the 784-value image that answer carried:

    inside_architecture(model)                 the blocks, once per network
    inside_answer(model, image)                every layer's output, and softmax step by step
    inside_feature_map(model, layer, channel)  the kernels behind one feature map
    inside_neuron(model, image, layer, neuron) one neuron's weighted sum, term by term
    inside_loss(model, image, digit)           the loss if the digit were `digit`
    inside_probe(model, image, name)           the image changed at a series of strengths, read in one batch

Every layer's values, the kernels, the weights and the probed images are large arrays: they
travel as PageArrays (page/arrays.py), about a third of the JSON, and ten times faster to make
in the browser.
"""

from typing import Literal, NotRequired, TypedDict

from ..explain import inside, probes
from .arrays import PageArray, to_page
from .recognizer import Image, as_image


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
    """values: float32, map after map (channel, row, column) for pictures, in the order of the layer's neurons
    for a row; same_as: a layer that repeats another's values when reading (dropout) carries none."""
    layer: int | None
    kind: str
    shape: str
    dims: list[int]
    low: float
    high: float
    values: NotRequired[PageArray]
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
    """The kernels (one size x size kernel per input channel) and the bias behind one feature map;
    low and high: the kernels' smallest and largest weight."""
    layer: int
    channel: int
    size: int
    kernels: PageArray
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
    """One dense neuron for one image: its incoming weights (weights_dims: [28, 28] when it reads the pixels),
    how many inputs it weighs, the largest terms of Σ wᵢxᵢ + b one by one and the rest summed, its activation."""
    layer: int
    neuron: int
    weights: PageArray
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
    """images: the changed images, one 28x28 per strength; then, for each, the ten probabilities, the digit read
    and its probability."""
    probe: str
    unit: str
    strengths: list[float]
    images: PageArray
    probabilities: list[list[float]]
    digits: list[int]
    confidence: list[float]


def inside_facts() -> InsideFacts:
    """The probes' names, units and strengths, for the sliders the page draws before Python is ready."""
    return {"probes": {name: {"unit": unit, "strengths": probes.strengths_of(name), "range": list(limits)}
                       for name, (_, unit, _, limits) in probes.PROBES.items()}}


def inside_architecture(session, model: str) -> Architecture:
    """The network's blocks in order: kind, output shape, parameters and role (inside.architecture)."""
    return inside.architecture(session.model(model))


def inside_answer(session, model: str, image: Image) -> InsideAnswer:
    """Every layer's output for `image` and the softmax of the last one, step by step."""
    layers = inside.layer_outputs(session.model(model), as_image(image)[0])
    logits = layers["layers"][-1]["values"]                # the last layer is dense
    return {**layers_on_page(layers), "softmax": inside.softmax_steps(logits)}


def layers_on_page(layers):
    """inside.layer_outputs' answer (and whatever joins it) as the page gets it: each layer's values a PageArray."""
    def entry(layer):
        return {**layer, "values": to_page(layer["values"])} if "values" in layer else layer
    return {**layers, "input": entry(layers["input"]), "layers": [entry(layer) for layer in layers["layers"]]}


def inside_feature_map(session, model: str, layer: int, channel: int) -> FeatureMapKernels:
    """The kernels and bias that made feature map `channel` of `layer`."""
    detail = inside.feature_map_detail(session.model(model), layer, channel)
    return {**detail, "kernels": to_page(detail["kernels"])}


def inside_neuron(session, model: str, image: Image, layer: int, neuron: int) -> NeuronSum:
    """Neuron `neuron` of dense `layer` for `image`: its weights, Σ wᵢxᵢ + b term by term, its activation."""
    detail = inside.neuron_detail(session.model(model), as_image(image)[0], layer, neuron)
    return {**detail, "weights": to_page(detail["weights"]), "inputs": len(detail["inputs"])}


def inside_loss(session, model: str, image: Image, digit: int) -> LossStep:
    """The cross-entropy loss −log p_digit for `image`, and which way backpropagation pushes each output."""
    network, values = session.model(model), as_image(image)
    logits = network.forward(values)[0][0]
    return inside.loss_if(network.predict(values)[0], digit, logits)


def inside_probe(session, model: str, image: Image, name: str) -> ProbeReading:
    """`image` changed by probe `name` at each of its strengths, and what the network reads for each."""
    reading = probes.probe(session.model(model), as_image(image)[0], name)
    return {**reading, "images": to_page(reading["images"])}
