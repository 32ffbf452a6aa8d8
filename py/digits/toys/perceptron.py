"""The perceptron at the beach: one neuron that decides whether you go.

Three inputs, each +1 or -1: the weather x1 (sunny +1, raining -1), the day x2
(weekend +1, weekday -1) and the company x3 (friends +1, alone -1). The
perceptron weighs them and adds a bias:

    weighted sum  z = w1·x1 + w2·x2 + w3·x3 + b
    output        ŷ = 1 (go) if z > 0, else 0 (stay home)

It learns from examples with the perceptron learning rule: for a situation x
that should give y but gives ŷ,

    w ← w + η (y − ŷ) x
    b ← b + η (y − ŷ)

which changes nothing when the answer is right and otherwise moves the weighted
sum towards the right side of zero. When some choice of weights gets all 8
situations right (the wish is *linearly separable*) the rule is guaranteed to
find one; when none does it never settles, and `contradiction` shows why.

What the page calls is in page/perceptron.py: plain lists, numbers and strings in
and out, anything else refused with a VisitorError.
"""

import itertools

import numpy as np

# All 8 situations, one row each, in the order of the truth table:
# sunny weekend with friends first, rainy weekday alone last.
SITUATIONS = np.array(list(itertools.product((1, -1), repeat=3)), dtype=np.float64)

# What +1 and -1 mean for each input, in words.
WORDS = (("sunny", "raining"), ("weekend", "weekday"), ("with friends", "alone"))

DECIMALS = 9     # sums are rounded to this many decimals before comparing with 0 (see weighted_sum)
LEARNING_RATE = 0.5    # η: from all-zero weights, every learnable wish ends with weights within ±2


class Perceptron:
    """Three weights and a bias; a step at zero."""

    def __init__(self, weights, bias):
        self.weights = np.array(weights, dtype=np.float64)
        self.bias = float(bias)

    def weighted_sum(self, x):
        """z = w·x + b, for one situation (3 values) or several (rows of 3).

        Rounded so that a sum which is zero on paper is zero here too: with
        floats, 0.3 − 0.1 − 0.2 is 2.8e-17, which would wrongly count as "> 0".
        Adding 0.0 turns −0.0 into 0.0.
        """
        z = np.asarray(x, dtype=np.float64) @ self.weights + self.bias
        return np.round(z, DECIMALS) + 0.0

    def output(self, x):
        """ŷ = 1 if z > 0 else 0: the step."""
        return (self.weighted_sum(x) > 0).astype(int)

    def learn(self, x, y, learning_rate):
        """One step of the learning rule on situation x with wished-for answer y; returns y − ŷ.

        w ← w + η (y − ŷ) x and b ← b + η (y − ŷ), η the learning rate: a wrong answer moves
        the weights towards the answer wished for; a right one (ŷ equal to y) changes nothing.
        """
        error = int(y) - int(self.output(x))
        self.weights = self.weights + learning_rate * error * np.asarray(x, dtype=np.float64)
        self.bias = self.bias + learning_rate * error
        return error


def train(perceptron, targets, learning_rate=0.5, max_epochs=100):
    """Apply the learning rule through the 8 situations, pass after pass, until all are right.

    Returns (updates, converged, passes): one record per update (a situation it
    got wrong, and the weights before and after), whether it ended with all 8
    right, and how many passes it made. Situations it already gets right change
    nothing and are not recorded.
    """
    targets = np.asarray(targets, dtype=int)
    updates = []
    for epoch in range(1, max_epochs + 1):
        mistakes = 0
        for index, (x, y) in enumerate(zip(SITUATIONS, targets)):
            weighted_sum, output = float(perceptron.weighted_sum(x)), int(perceptron.output(x))
            if output == y:
                continue
            before = snapshot(perceptron)
            error = perceptron.learn(x, y, learning_rate)
            mistakes += 1
            updates.append({"epoch": epoch, "situation": index, "inputs": x.astype(int).tolist(),
                            "target": int(y), "weighted_sum": weighted_sum, "output": output,
                            "error": error, "before": before, "after": snapshot(perceptron)})
        if mistakes == 0:
            return updates, True, epoch
    return updates, bool((perceptron.output(SITUATIONS) == targets).all()), max_epochs


def snapshot(perceptron):
    return {"weights": rounded(perceptron.weights), "bias": rounded(perceptron.bias)}


def rounded(values):
    """Plain floats without float noise (0.30000000000000004 → 0.3)."""
    return (np.round(values, DECIMALS) + 0.0).tolist()


def contradiction(targets):
    """Two go situations and two stay situations whose inputs add up to the same, or None.

    If go situations a, b and stay situations c, d have a + b = c + d, then for
    any weights z(a) + z(b) = z(c) + z(d) (each z is w·x + b), but the left side
    must be > 0 and the right side ≤ 0: no perceptron can answer all four as
    wished. For three ±1 inputs the converse holds too (checked over all 256
    wishes in the tests): with no such pair of pairs, some weights get all 8 right.
    """
    targets = list(targets)
    go = [i for i, y in enumerate(targets) if y]
    stay = [i for i, y in enumerate(targets) if not y]
    for a, b in itertools.combinations(go, 2):
        for c, d in itertools.combinations(stay, 2):
            if (SITUATIONS[a] + SITUATIONS[b] == SITUATIONS[c] + SITUATIONS[d]).all():
                return {"go": [a, b], "stay": [c, d]}
    return None


def describe(x):
    """A situation in words: [1, -1, -1] → "sunny, weekday, alone"."""
    return ", ".join(WORDS[i][0 if value > 0 else 1] for i, value in enumerate(x))


def why_not(witness):
    """The one-sentence reason a wish cannot be learned, from its contradiction."""
    a, b = (describe(SITUATIONS[i]) for i in witness["go"])
    c, d = (describe(SITUATIONS[i]) for i in witness["stay"])
    return (f"One neuron cannot learn this: you go when ({a}) and when ({b}) but stay home when "
            f"({c}) and when ({d}), and since both pairs add up to the same inputs, their weighted "
            "sums add up to the same total, which cannot be above zero for the go pair and at most "
            "zero for the stay pair.")
