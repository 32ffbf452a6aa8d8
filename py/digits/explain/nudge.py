"""The smallest change that fools the network: an adversarial example, made one small step at a time.

    nudge(model, x, target) → the changed image, what the network reads now, and how it got there

Gradient descent, but on the picture instead of the weights. Training moves every weight
a little downhill on the loss −log p_target; here the weights stay still and the pixels
move. Each step follows the network's own backward pass down to the pixels
(attribution.log_probability_gradient) and changes only the few pixels where the gradient
is steepest, by a small amount, kept in 0..1, so the change stays as little ink as it
takes. It stops as soon as the network reads `target`.

A person would not be fooled: the few grey pixels added or rubbed out do not make the
shape of another digit. The network has never learned what a digit is, only a function of
784 numbers that scores well on MNIST; and in 784 dimensions a small step in just the right
direction crosses the border between two answers.
"""

import numpy as np

from ..errors import VisitorError
from .attribution import log_probability_gradient

PIXELS_PER_STEP = 4     # the pixels changed in one step: where the gradient is steepest
STEP = 0.5              # how much each of them changes in one step (ink runs from 0 to 1)
MAX_STEPS = 150         # the budget: nudging 10 MNIST test digits to every other digit, each network arrived every time, in 97 steps at most
CHANGED = 0.1           # a pixel counts as changed when it moved by more than this


def nudge(model, image, target, steps=MAX_STEPS, pixels=PIXELS_PER_STEP, step=STEP):
    """Change `image` a few pixels at a time until `model` reads `target`.

    Each step: g = ∂ log p_target / ∂x; among the pixels that can still move the way g
    points (ink below 1 where g > 0, ink above 0 where g < 0, and never back towards where
    it started), the `pixels` with the largest |g| move by `step` in g's direction, clipped
    to 0..1. Answer: the changed image (28x28 float32), the digit the network reads now and
    all ten probabilities, p_target, the steps taken, whether it reads `target`, and how many
    pixels moved by more than CHANGED (the page's type is digits.page.why.Nudge).
    """
    if not 0 <= target <= 9:
        raise VisitorError("The digit to aim for must be from 0 to 9.")
    original = np.asarray(image, dtype=np.float32).reshape(28, 28)
    x = original.copy()
    for taken in range(steps + 1):
        log_p, gradient = log_probability_gradient(model, x[None], target)    # one pass forward and back
        probabilities = np.exp(log_p[0])
        if probabilities.argmax() == target or taken == steps:
            break
        g = gradient[0].ravel()
        flat, before = x.ravel(), original.ravel()        # views: changing flat changes x
        movable = ((g > 0) & (flat < 1)) | ((g < 0) & (flat > 0))
        # A pixel keeps to the way it first moved: allowed back, the steepest pixels would take
        # back what the last step gave, and the nudge would go round in a circle (it did, for a
        # fifth of nielsen's nudges).
        movable &= (flat == before) | (np.sign(flat - before) == np.sign(g))
        steepest = np.argsort(-np.abs(g) * movable)[:pixels]
        flat[steepest] = np.clip(flat[steepest] + step * np.sign(g[steepest]), 0, 1)
    digit = int(probabilities.argmax())
    return {"image": x, "digit": digit, "probability": float(probabilities[target]),
            "probabilities": probabilities, "steps": taken, "converged": digit == target,
            "changed": int(np.count_nonzero(np.abs(x - original) > CHANGED))}
