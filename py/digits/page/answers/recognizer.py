"""What the recognizer answers (page/recognizer.py)."""

from typing import Annotated, Literal, TypedDict

import numpy as np

# What the page sends: a drawing's pixels, and the preprocessed image a reading answered.
Image = Annotated[list[float], "784 values in [0, 1], row by row"]
Bitmap = Annotated[np.ndarray, "the drawing's alpha bytes, row by row"]


class Empty(TypedDict):
    """Nothing is drawn."""
    empty: Literal[True]


class Answer(TypedDict):
    """image: the 28x28 picture the network saw, 784 values in [0, 1], row by row."""
    empty: Literal[False]
    image: list[float]
    probabilities: list[float]
    digit: int


Reading = Empty | Answer


class HiddenNeuron(TypedDict):
    index: int
    activation: float
    weights: list[float]


class FeatureMaps(TypedDict):
    """the first convolution's maps after ReLU, size x size each, scaled to [0, 1]."""
    kind: Literal["feature_maps"]
    size: int
    maps: list[list[float]]


class Neurons(TypedDict):
    """the first layer's most active hidden neurons, with their 784 incoming weights."""
    kind: Literal["neurons"]
    hidden: int
    neurons: list[HiddenNeuron]


Explanation = FeatureMaps | Neurons
