"""What Watch it learn answers (page/training.py), and the settings it is sent."""

from typing import Literal, NotRequired, TypedDict


class DenseConfig(TypedDict):
    network: Literal["dense"]
    hidden: int
    activation: str
    learning_rate: float
    batch_size: int
    epochs: int


class ConvConfig(TypedDict):
    """filters1, filters2: the filters of the two convolutions; dense: hidden neurons before the ten outputs (0: none);
    shift: each training image is moved by up to this many pixels."""
    network: Literal["conv"]
    filters1: int
    filters2: int
    dense: int
    shift: int
    learning_rate: float
    batch_size: int
    epochs: int


TrainingConfig = DenseConfig | ConvConfig


class ConvMeasured(TypedDict):
    parameters: int
    images: int
    accuracy: float


class DenseMeasured(TypedDict):
    hidden: int
    parameters: int
    epochs: int
    seconds: float
    images: int
    accuracy: float


class Comparison(TypedDict):
    """the default convnet after `seconds` of training in the page against a dense network of about its size,
    as measured by bench/train_conv.py: images seen, and the share of the test digits each read."""
    seconds: float
    conv: ConvMeasured
    dense: DenseMeasured


class TrainingFacts(TypedDict):
    """limits: each setting's [lowest, highest]; learning_rates: the usual learning rate for each activation;
    optimizers: "SGD" or "Adam" for each network; trained_name: the name of the network trained in the page."""
    limits: dict[str, tuple[float, float]]
    activations: list[str]
    networks: list[str]
    defaults: DenseConfig
    conv_defaults: ConvConfig
    learning_rates: dict[str, float]
    optimizers: dict[str, str]
    kernel_size: int
    comparison: Comparison
    trained_name: str
    train_images: int
    test_images: int


class DenseShape(TypedDict):
    """A dense network's layer sizes."""
    sizes: list[int]
    parameters: int


class ShapeBlock(TypedDict):
    """e.g. "Conv2D", "conv 5x5, 8", "24x24x8"."""
    kind: str
    title: str
    shape: str
    parameters: int


class ConvShape(TypedDict):
    """A convnet's blocks: the input, each layer, softmax."""
    blocks: list[ShapeBlock]
    parameters: int


class SubsetSizes(TypedDict):
    """how many digits of each."""
    train: int
    test: int


class Kernels(TypedDict):
    """the first convolution's count filters of size x size, filter after filter, row by row: float32 bytes in base64."""
    count: int
    size: int
    values: str


class RunState(TypedDict):
    """neurons (a dense network): the first hidden neurons' 784 incoming weights each;
    kernels (a convnet): its first layer's filters."""
    epoch: int
    epochs: int
    batch: int
    batches: int
    done: bool
    seconds: float
    neurons: NotRequired[list[list[float]]]
    kernels: NotRequired[Kernels]


class RunSlice(RunState):
    """test_accuracy is there only when an epoch ended in this slice."""
    losses: list[float]
    images_per_second: float
    test_accuracy: NotRequired[float]


class TrainedSummary(TypedDict):
    """label: what the network is, in words, from its settings: "784-30-10 sigmoid", "convnet 8-16"."""
    name: str
    label: str
    parameters: int
    test_accuracy: float | None
    test_images: int
    config: TrainingConfig


class LayerMaps(TypedDict):
    """dims: [height, width, count]; values: the count maps one after another, row by row, float32 bytes in base64."""
    layer: int
    dims: tuple[int, int, int]
    low: float
    high: float
    values: str


class FeatureMapsWhileTraining(TypedDict):
    maps: list[LayerMaps]
