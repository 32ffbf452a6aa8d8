"""Which pixels made the network say a digit: two ways of asking, and what each can tell.

For a model and one image x (28x28, 0 paper to 1 ink), and a digit k to explain:

    input_gradient(model, x, k)   ∂ log p_k / ∂x: the network's own backward pass, taken
                                  one layer further than training takes it, down to the pixels
    gradient_x_input(model, x, k) x ⊙ ∂ log p_k / ∂x: how much each pixel's ink pushes
                                  log p_k up (positive) or down (negative), to first order
    occlusion(model, x, k)        a small square of paper slid over the digit: for each pixel,
                                  how much p_k falls, on average, while the square covers it

Both answers are 28x28 float32 maps, positive where a pixel pushes the digit k up.

Gradient × input is one forward and one backward pass, so it is quick; but it is a slope,
true for tiny changes only: a pixel the network is already sure about (saturated) can
matter a great deal and still show little. Occlusion really removes ink and reads again,
so it measures what a whole stroke is worth; but it sees only as finely as its square,
and what it calls important depends on the square's size and on "paper" being the
replacement.
"""

import numpy as np

from ..errors import VisitorError
from ..nets import layers as L
from ..nets.losses import log_softmax, softmax

OCCLUSION_SIZE = 6      # the square of paper, in pixels: about the width of a stroke and a half
OCCLUSION_STRIDE = 2    # how far it moves between two readings


def log_probability_gradient(model, images, digit):
    """log p for every digit of each image (N, 10), and ∂ log p_digit / ∂images (N, 28, 28).

    The softmax and the log together have the simple gradient ∂ log p_k / ∂z = onehot(k) − p;
    each layer's backward then carries it down, as in training, to the pixels.
    """
    images = np.asarray(images, dtype=np.float32).reshape(-1, 28, 28)
    logits, caches = model.forward(images)
    log_p = log_softmax(logits)
    dlogits = -softmax(logits)
    dlogits[:, digit] += 1
    dx = dlogits.astype(np.float32)
    for layer, cache in zip(reversed(model.layers), reversed(caches)):
        dx = backward_to_input(layer, dx, cache)
    return log_p, dx.reshape(images.shape)


def backward_to_input(layer, dout, cache):
    """dL/d(input) of one layer. A first convolution built for training skips that gradient
    (nothing learns the image): the same weights, asked again with it."""
    if isinstance(layer, L.Conv2D) and not layer.input_gradient:
        filters, channels, size, _ = layer.params["W"].shape
        twin = L.Conv2D(channels, filters, size, input_gradient=True)
        twin.params = layer.params            # the very same arrays: nothing is copied
        layer = twin
    try:
        dx, _ = layer.backward(dout, cache)
    except NotImplementedError:
        raise VisitorError(f"This network's {type(layer).__name__} layer has no backward pass yet, "
                           "so Python cannot trace its answer back to the pixels.") from None
    return dx


def input_gradient(model, image, digit):
    """∂ log p_digit / ∂x for one image: a 28x28 map."""
    return log_probability_gradient(model, image[None], digit)[1][0]


def gradient_x_input(model, image, digit):
    """x ⊙ ∂ log p_digit / ∂x: each pixel's ink times how fast log p_digit grows with it.

    Paper (x = 0) gets 0: this method only ever credits ink that is there.
    """
    return gradient_x_input_reading(model, image, digit)[0]


def gradient_x_input_reading(model, image, digit):
    """gradient_x_input's map, and the ten probabilities its forward pass read on the way."""
    image = np.asarray(image, dtype=np.float32).reshape(28, 28)
    log_p, gradient = log_probability_gradient(model, image[None], digit)
    return image * gradient[0], np.exp(log_p[0])


def occlusion_squares(image, size=OCCLUSION_SIZE, stride=OCCLUSION_STRIDE):
    """The top-left corners (row, column) of every square that covers some ink.

    A square over paper only changes nothing, so it is not read (most of the picture is paper).
    """
    last = 28 - size
    starts = list(range(0, last + 1, stride))
    if starts[-1] != last:
        starts.append(last)
    return [(r, c) for r in starts for c in starts if image[r:r + size, c:c + size].any()]


def occlusion(model, image, digit, size=OCCLUSION_SIZE, stride=OCCLUSION_STRIDE):
    """For each pixel, how much p_digit falls on average while a square of paper covers it.

    Every square that covers ink is read in one batch; a pixel no such square covers gets 0.
    """
    return occlusion_reading(model, image, digit, size, stride)[0]


def occlusion_reading(model, image, digit, size=OCCLUSION_SIZE, stride=OCCLUSION_STRIDE):
    """occlusion's map, and the ten probabilities of the uncovered image, read in the same batch."""
    image = np.asarray(image, dtype=np.float32).reshape(28, 28)
    squares = occlusion_squares(image, size, stride)
    covered = np.repeat(image[None], 1 + len(squares), axis=0)      # the first copy stays uncovered
    for copy, (r, c) in zip(covered[1:], squares):
        copy[r:r + size, c:c + size] = 0
    readings = model.predict(covered)
    falls = readings[0, digit] - readings[1:, digit]
    total = np.zeros((28, 28), np.float64)
    times = np.zeros((28, 28), np.float64)
    for fall, (r, c) in zip(falls, squares):
        total[r:r + size, c:c + size] += fall
        times[r:r + size, c:c + size] += 1
    return (total / np.maximum(times, 1)).astype(np.float32), readings[0]


METHODS = {"gradient-x-input": gradient_x_input, "occlusion": occlusion}
# Each method's map with the probabilities it read anyway: the page shows both, from one set of network calls.
READINGS = {"gradient-x-input": gradient_x_input_reading, "occlusion": occlusion_reading}
