"""The MNIST machine: a network small enough to train by hand, knob by knob.

A 5x5 grid of buttons is the input x (25 values, 1 for a lit cell, 0 for a dark
one). Five hidden neurons each weigh all 25 cells and add a bias; ten output
neurons, one per digit, each weigh the five hidden activations and add a bias:

    hidden weighted sums   z¹ = W¹ x + b¹            W¹ is 5x25, b¹ has 5 values
    hidden activations     a¹ = σ(z¹)                σ is the sigmoid, 1 / (1 + e^(−z))
    output weighted sums   z² = W² a¹ + b²           W² is 10x5, b² has 10 values
    output activations     p  = softmax(z²)          p_k = e^(z²_k) / Σ_j e^(z²_j)
    loss                   L  = −log p_t             cross-entropy, for the right digit t

Every one of the 5·25 + 5 + 10·5 + 10 = 190 weights and biases is a knob on the
page, turning from −4 to +4. The visitor turns them to make L small: gradient
descent by hand. Backpropagation gives ∂L/∂knob for all of them at once (the
page's hint), and a gradient step moves every knob a little downhill at once:

    knob ← knob − η ∂L/∂knob                 η is the learning rate

Why the sigmoid: its output, 0 to 1, reads directly as how brightly a neuron
glows; it is smooth, so a small turn of a knob always makes a small change;
and it is never flat the way ReLU is below zero, where a neuron goes dark and
its 25 knobs stop doing anything at all, which is baffling when you turn them
by hand. Over the knobs' range, −4 to +4, it goes from almost off (0.02) to
almost fully on (0.98).

What the page calls is in page/machine.py: plain lists, numbers and strings in
and out, anything else refused with a VisitorError.
"""

import numpy as np

from ..errors import VisitorError
from ..nets.losses import log_softmax, softmax

SIDE = 5                  # the grid is SIDE x SIDE buttons
CELLS, HIDDEN, DIGITS = SIDE * SIDE, 5, 10
KNOB_LIMIT = 4.0          # every knob turns from −KNOB_LIMIT to +KNOB_LIMIT

# Ten digits drawn on the 5x5 grid ("#" lit, "." dark): the machine's training set.
EXAMPLE_DRAWINGS = {
    0: (".###.", "#...#", "#...#", "#...#", ".###."),
    1: ("..#..", ".##..", "..#..", "..#..", ".###."),
    2: (".###.", "#...#", "..##.", ".#...", "#####"),
    3: ("####.", "....#", ".###.", "....#", "####."),
    4: ("#..#.", "#..#.", "#####", "...#.", "...#."),
    5: ("#####", "#....", "####.", "....#", "####."),
    6: (".###.", "#....", "####.", "#...#", ".###."),
    7: ("#####", "....#", "...#.", "..#..", "..#.."),
    8: (".###.", "#...#", ".###.", "#...#", ".###."),
    9: (".###.", "#...#", ".####", "....#", ".###."),
}
START_DIGIT = 7           # the example the machine shows first


def cells_of(drawing):
    """A drawing's rows of '#' and '.' as 25 values, 1 for '#', row by row."""
    return [int(mark == "#") for row in drawing for mark in row]


def sigmoid(z):
    """σ(z) = 1 / (1 + e^(−z))."""
    return 1.0 / (1.0 + np.exp(-z))


def sigmoid_prime(z):
    """σ'(z) = σ(z)(1 − σ(z)): how much the activation moves per unit of weighted sum."""
    return sigmoid(z) * (1 - sigmoid(z))


class Knobs:
    """The 190 numbers that are the machine: hidden weights and biases, output weights and biases.

    Also the shape of a gradient, which has one number per knob.
    """

    NAMES = ("hidden_weights", "hidden_biases", "output_weights", "output_biases")
    SHAPES = ((HIDDEN, CELLS), (HIDDEN,), (DIGITS, HIDDEN), (DIGITS,))

    def __init__(self, hidden_weights, hidden_biases, output_weights, output_biases):
        self.hidden_weights = np.asarray(hidden_weights, dtype=np.float64)   # W¹, 5x25
        self.hidden_biases = np.asarray(hidden_biases, dtype=np.float64)     # b¹, 5
        self.output_weights = np.asarray(output_weights, dtype=np.float64)   # W², 10x5
        self.output_biases = np.asarray(output_biases, dtype=np.float64)     # b², 10

    def arrays(self):
        return [getattr(self, name) for name in self.NAMES]

    def moved(self, direction, distance):
        """These knobs moved by `distance` along `direction` (another Knobs), stopped at ±KNOB_LIMIT."""
        return Knobs(*(np.clip(k + distance * d, -KNOB_LIMIT, KNOB_LIMIT)
                       for k, d in zip(self.arrays(), direction.arrays())))

    def flat(self):
        """All 190 values in one vector (in the order of NAMES, row by row)."""
        return np.concatenate([a.ravel() for a in self.arrays()])

    @classmethod
    def from_flat(cls, values):
        arrays, start = [], 0
        for shape in cls.SHAPES:
            size = int(np.prod(shape))
            arrays.append(np.reshape(values[start:start + size], shape))
            start += size
        return cls(*arrays)

    @classmethod
    def from_json(cls, knobs):
        """Knobs from the page's {"hidden_weights": [[...]], ...}, checked."""
        try:
            arrays = [np.asarray(knobs[name], dtype=np.float64) for name in cls.NAMES]
        except (KeyError, TypeError, ValueError):
            raise VisitorError("The machine's knobs must be four lists of numbers: "
                               + ", ".join(cls.NAMES) + ".") from None
        for name, array, shape in zip(cls.NAMES, arrays, cls.SHAPES):
            if array.shape != shape or not np.isfinite(array).all():
                raise VisitorError(f"The knobs {name} must be {' by '.join(map(str, shape))} finite numbers.")
        return cls(*arrays)

    def to_json(self):
        return {name: array.tolist() for name, array in zip(self.NAMES, self.arrays())}


class Machine:
    """25 inputs → 5 sigmoid neurons → 10 softmax outputs, set by its Knobs."""

    def __init__(self, knobs):
        self.knobs = knobs

    def feedforward(self, x):
        """Everything the machine computes for inputs x (one row of 25 per drawing), layer by layer."""
        k = self.knobs
        hidden_weighted_sum = x @ k.hidden_weights.T + k.hidden_biases          # z¹ = W¹x + b¹
        hidden_activation = sigmoid(hidden_weighted_sum)                          # a¹ = σ(z¹)
        output_weighted_sum = hidden_activation @ k.output_weights.T + k.output_biases   # z² = W²a¹ + b²
        return {"hidden_weighted_sum": hidden_weighted_sum, "hidden_activation": hidden_activation,
                "output_weighted_sum": output_weighted_sum,
                "output_activation": softmax(output_weighted_sum)}              # p = softmax(z²)

    def losses(self, x, targets):
        """L = −log p_t for each drawing: small when the machine is sure of the right digit."""
        output_weighted_sum = self.feedforward(x)["output_weighted_sum"]
        return -log_softmax(output_weighted_sum)[np.arange(len(targets)), targets]

    def mean_loss(self, x, targets):
        return float(self.losses(x, targets).mean())

    def backprop(self, x, targets):
        """∂L/∂knob for every knob, for the mean loss L over the drawings x with right digits `targets`.

        Backwards from the loss, one layer at a time (n drawings, δ is ∂L/∂z):
            δ² = (p − onehot(t)) / n         softmax with cross-entropy
            ∂L/∂W² = δ²ᵀ a¹     ∂L/∂b² = Σ δ²
            δ¹ = (δ² W²) ⊙ σ'(z¹)             back through W², then through the sigmoid
            ∂L/∂W¹ = δ¹ᵀ x      ∂L/∂b¹ = Σ δ¹
        """
        forward = self.feedforward(x)
        onehot = np.eye(DIGITS)[targets]
        output_delta = (forward["output_activation"] - onehot) / len(targets)
        hidden_delta = (output_delta @ self.knobs.output_weights) * sigmoid_prime(forward["hidden_weighted_sum"])
        return Knobs(hidden_weights=hidden_delta.T @ x, hidden_biases=hidden_delta.sum(axis=0),
                     output_weights=output_delta.T @ forward["hidden_activation"],
                     output_biases=output_delta.sum(axis=0))

    def gradient_step(self, x, targets, learning_rate):
        """One step of gradient descent on the mean loss: knob ← knob − η ∂L/∂knob (then clipped)."""
        self.knobs = self.knobs.moved(self.backprop(x, targets), -learning_rate)


def descend(machine, x, targets, learning_rate, steps, frames):
    """Run `steps` gradient steps; return `frames` snapshots evenly along the way, the first and last included.

    Each snapshot is (step number, knobs, mean loss): enough to animate the knobs turning.
    """
    keep = set(np.linspace(0, steps, frames).round().astype(int).tolist())
    snapshots = []
    for step in range(steps + 1):
        if step in keep:
            snapshots.append((step, machine.knobs, machine.mean_loss(x, targets)))
        if step < steps:
            machine.gradient_step(x, targets, learning_rate)
    return snapshots
