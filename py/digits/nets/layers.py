"""Layers of a neural network, each with a forward and a backward pass.

Every layer follows the same small contract (the cs231n layer API):

    out, cache = layer.forward(x, train)     # compute, remember what backward needs
    dx, grads = layer.backward(dout, cache)  # dL/dx, and dL/dparam for each parameter

`dout` is dL/dout, the gradient of the loss with respect to this layer's output;
the chain rule turns it into dL/dx for the layer below. Images flow through the
convolutional layers as (N, height, width, channels).
"""

import sys

import numpy as np

IN_BROWSER = sys.platform == "emscripten"        # Python in Pyodide
ROWWISE_FROM = 16                                # summed terms from which rowwise_matmul pays in the browser


def matmul(a, b):
    """The matrix product a @ b, computed the fastest way the numpy at hand offers.

    CPython's numpy hands @ to an optimised BLAS library. Pyodide's numpy has none: its @
    is a plain loop, two to seven times slower there than einsum summing along rows that
    lie contiguously in memory, so in the browser large products are computed that way
    (when each output sums only a few terms, einsum's overhead makes it slower).
    """
    return rowwise_matmul(a, b) if IN_BROWSER and a.shape[1] >= ROWWISE_FROM else a @ b


def rowwise_matmul(a, b):
    """a @ b as einsum over a's rows and b's columns, both first laid out contiguously."""
    return np.einsum("ij,kj->ik", np.ascontiguousarray(a), np.ascontiguousarray(b.T))


class Layer:
    """A layer without parameters unless a subclass gives it some."""

    params: dict = {}

    def forward(self, x, train=False):
        raise NotImplementedError

    def backward(self, dout, cache):
        raise NotImplementedError

    def describe(self) -> dict:
        return {"type": type(self).__name__}


def initial_weights(rng, shape, scale):
    """Random normal weights of standard deviation `scale`, or zeros when there is no rng.

    A model about to be loaded needs no random start, and not importing numpy.random
    saves the page a noticeable moment while it starts.
    """
    if rng is None:
        return np.zeros(shape, dtype=np.float32)
    return (rng.standard_normal(shape) * scale).astype(np.float32)


class Dense(Layer):
    """Fully connected: weighted_sum = x · W + b, with x (N, inputs), W (inputs, outputs)."""

    def __init__(self, inputs, outputs, rng=None, init="he"):
        """rng draws the initial weights; without one they start at zero, waiting to be loaded."""
        scale = np.sqrt((2.0 if init == "he" else 1.0) / inputs)
        self.params = {
            "W": initial_weights(rng, (inputs, outputs), scale),
            "b": np.zeros(outputs, dtype=np.float32),
        }

    def forward(self, x, train=False):
        return matmul(x, self.params["W"]) + self.params["b"], x

    def backward(self, dout, x):
        grads = {"W": matmul(x.T, dout), "b": dout.sum(axis=0)}
        return matmul(dout, self.params["W"].T), grads

    def describe(self):
        inputs, outputs = self.params["W"].shape
        return {"type": "Dense", "inputs": inputs, "outputs": outputs}


class Conv2D(Layer):
    """Convolution (stride 1, no padding) computed as one matrix product (im2col).

    Each output pixel is the weighted sum of the k x k x C_in patch under it:
    out[n, i, j, f] = sum_{c, u, v} x[n, i+u, j+v, c] · W[f, c, u, v] + b[f].
    Cutting every patch out as a row ("im2col") turns that into patches @ W.
    """

    def __init__(self, in_channels, filters, size, rng=None, input_gradient=True):
        """rng draws the initial weights; without one they start at zero, waiting to be loaded.

        input_gradient=False is for a first layer: nothing below it needs dL/dx (the image
        is not learned), so backward skips it, about a third of the layer's work, and
        returns None in its place.
        """
        fan_in = in_channels * size * size
        self.size = size
        self.input_gradient = input_gradient
        self.params = {
            "W": initial_weights(rng, (filters, in_channels, size, size), np.sqrt(2.0 / fan_in)),
            "b": np.zeros(filters, dtype=np.float32),
        }

    def forward(self, x, train=False):
        n, height, width, _ = x.shape
        k = self.size
        patches = im2col(x, k)
        W = self.params["W"].reshape(len(self.params["b"]), -1)
        out = matmul(patches, W.T) + self.params["b"]
        return out.reshape(n, height - k + 1, width - k + 1, -1), (x.shape, patches)

    def backward(self, dout, cache):
        x_shape, patches = cache
        n, height, width, channels = x_shape
        k = self.size
        filters = dout.shape[-1]
        dout_rows = dout.reshape(-1, filters)
        grads = {
            "W": matmul(dout_rows.T, patches).reshape(self.params["W"].shape),
            "b": dout_rows.sum(axis=0),
        }
        if not self.input_gradient:
            return None, grads
        dpatches = matmul(dout_rows, self.params["W"].reshape(filters, -1))
        dpatches = dpatches.reshape(n, dout.shape[1], dout.shape[2], channels, k, k)
        # col2im: each input pixel collects the gradient of every patch it was part of.
        dx = np.zeros(x_shape, dtype=dout.dtype)
        for u in range(k):
            for v in range(k):
                dx[:, u:u + dout.shape[1], v:v + dout.shape[2], :] += dpatches[..., u, v]
        return dx, grads

    def describe(self):
        filters, channels, k, _ = self.params["W"].shape
        return {"type": "Conv2D", "in_channels": channels, "filters": filters, "size": k}


def im2col(x, k):
    """Every k x k patch of x (N, H, W, C) as a row: (N·(H−k+1)·(W−k+1), C·k·k), each row
    ordered by channel, then row, then column of the patch (the order of W[f] flattened).

    The same patches are copied two ways, whichever the numpy at hand copies faster. CPython's
    copies numpy's sliding_window_view of them in one call, seven times faster than slices.
    Pyodide's moves such a view k values at a time, four times slower than copying the patches
    in k² slices, one offset (u, v) of the window at a time, each slice whole rows of pixels.
    """
    n, height, width, channels = x.shape
    out_h, out_w = height - k + 1, width - k + 1
    if not IN_BROWSER:
        windows = np.lib.stride_tricks.sliding_window_view(x, (k, k), axis=(1, 2))   # (N, out_h, out_w, C, k, k)
        return np.ascontiguousarray(windows).reshape(n * out_h * out_w, channels * k * k)
    patches = np.empty((n, out_h, out_w, channels, k, k), dtype=x.dtype)
    for u in range(k):
        for v in range(k):
            patches[..., u, v] = x[:, u:u + out_h, v:v + out_w, :]
    return patches.reshape(n * out_h * out_w, channels * k * k)


class MaxPool2D(Layer):
    """Keep the largest value of each non-overlapping 2 x 2 block (halves height and width).

    The four corners of the blocks are four strided views of x (top left, top right,
    bottom left, bottom right): the maximum of the four, element by element, is the
    pooled image. Reducing a (N, H/2, 2, W/2, 2, C) reshape instead reads 2 values at
    a time, six times slower in Pyodide.
    """

    def forward(self, x, train=False):
        corners = quadrants(x)
        out = np.maximum(np.maximum(corners[0], corners[1]), np.maximum(corners[2], corners[3]))
        return out, (x, out)

    def backward(self, dout, cache):
        x, out = cache
        # The gradient flows only to the position that won the max (ties share it once).
        winners = [corner == out for corner in quadrants(x)]
        ties = np.zeros(out.shape, dtype=dout.dtype)
        for won in winners:
            ties += won
        share = dout / ties
        dx = np.empty(x.shape, dtype=dout.dtype)
        for corner, won in zip(quadrants(dx), winners):
            np.multiply(won, share, out=corner)
        return dx, {}


def quadrants(x):
    """The four corners of every 2 x 2 block of x (N, H, W, C), as views: (N, H/2, W/2, C) each."""
    return [x[:, row::2, column::2] for row in (0, 1) for column in (0, 1)]


class ReLU(Layer):
    """activation = max(0, weighted_sum)."""

    def forward(self, x, train=False):
        active = x > 0
        return x * active, active

    def backward(self, dout, active):
        return dout * active, {}


class Sigmoid(Layer):
    """activation = σ(z) = 1 / (1 + e^(−z)), whose slope is σ(z)(1 − σ(z))."""

    def forward(self, x, train=False):
        activation = sigmoid(x)
        return activation, activation

    def backward(self, dout, activation):
        return dout * activation * (1 - activation), {}


class Dropout(Layer):
    """While training, zero each value with probability `rate` and scale the rest by 1/(1 − rate).

    The scaling keeps the expected activation unchanged, so nothing changes at test time.
    """

    def __init__(self, rate, rng=None):
        self.rate = rate
        self.rng = rng        # made when training first needs it: predicting never does

    def forward(self, x, train=False):
        if not train or self.rate == 0:
            return x, None
        if self.rng is None:
            self.rng = np.random.default_rng(0)
        keep = (self.rng.random(x.shape, dtype=np.float32) >= self.rate) / np.float32(1 - self.rate)
        return x * keep, keep

    def backward(self, dout, keep):
        return (dout if keep is None else dout * keep), {}

    def describe(self):
        return {"type": "Dropout", "rate": self.rate}


class Flatten(Layer):
    """(N, height, width, channels) → (N, height·width·channels)."""

    def forward(self, x, train=False):
        return x.reshape(len(x), -1), x.shape

    def backward(self, dout, shape):
        return dout.reshape(shape), {}


def sigmoid(z):
    """σ(z) = 1 / (1 + e^(−z)), written so that large |z| never overflows."""
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))
