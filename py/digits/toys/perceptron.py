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

The functions at the bottom are what the page calls: they take and return plain
lists, numbers and strings, and refuse anything else with a VisitorError.
"""

import itertools

import numpy as np

from .errors import VisitorError

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
        """One step of the learning rule on situation x with wished-for answer y; returns y − ŷ."""
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


# ----------------------------------------------------------------------------- for the page

def perceptron_facts():
    """The perceptron's rules, for the page: the 8 situations in the order of every truth table
    and wish, each in words; what +1 and -1 mean for each input; the learning rate of training."""
    return {"situations": [{"inputs": x.astype(int).tolist(), "description": describe(x)} for x in SITUATIONS],
            "words": [list(pair) for pair in WORDS], "learning_rate": LEARNING_RATE}


def perceptron_evaluate(inputs: list, weights: list, bias: float):
    """One situation: the weighted sum z and the output ŷ."""
    x = check_inputs(inputs)
    neuron = Perceptron(check_weights(weights), check_number(bias, "The bias"))
    return {"weighted_sum": float(neuron.weighted_sum(x)), "output": int(neuron.output(x))}


def perceptron_truth_table(weights: list, bias: float):
    """All 8 situations with their weighted sums and outputs, in the order of SITUATIONS."""
    neuron = Perceptron(check_weights(weights), check_number(bias, "The bias"))
    sums, outputs = neuron.weighted_sum(SITUATIONS), neuron.output(SITUATIONS)
    return [{"inputs": x.astype(int).tolist(), "weighted_sum": float(z), "output": int(y)}
            for x, z, y in zip(SITUATIONS, sums, outputs)]


def perceptron_train(targets: list, weights: list, bias: float, learning_rate: float = LEARNING_RATE,
                     max_epochs: int = 20):
    """Teach the perceptron a wish (8 answers, 1 = go, in the order of SITUATIONS).

    Starts from the given weights. When the wish is linearly separable, trains
    until all 8 are right (the rule is guaranteed to get there); otherwise runs
    `max_epochs` passes anyway, to show that it never settles, and explains why.
    Each update records the weights before and after it; the last `after` is where
    the neuron ends.
    """
    targets = check_targets(targets)
    learning_rate = check_number(learning_rate, "The learning rate")
    if learning_rate <= 0:
        raise VisitorError("The learning rate must be above zero.")
    witness = contradiction(targets)
    neuron = Perceptron(check_weights(weights), check_number(bias, "The bias"))
    # Separable wishes converge for sure; the generous cap only guards against a bug.
    updates, _, passes = train(neuron, targets, learning_rate, max_epochs if witness else 10_000)
    return {"learnable": witness is None, "updates": updates, "passes": passes,
            "witness": witness, "explanation": why_not(witness) if witness else None}


def check_inputs(inputs):
    message = "The three inputs must each be +1 or -1."
    x = numbers(inputs, message)
    if x.shape != (3,) or not np.isin(x, (1, -1)).all():
        raise VisitorError(message)
    return x


def check_weights(weights):
    message = "The perceptron needs three weights, each a finite number."
    w = numbers(weights, message)
    if w.shape != (3,) or not np.isfinite(w).all():
        raise VisitorError(message)
    return w


def numbers(values, message):
    try:
        return np.asarray(values, dtype=np.float64)
    except (TypeError, ValueError):
        raise VisitorError(message) from None


def check_number(value, what):
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not np.isfinite(value):
        raise VisitorError(f"{what} must be a finite number.")
    return float(value)


def check_targets(targets):
    if len(targets) != 8 or any(y not in (0, 1) for y in targets):
        raise VisitorError("A wish needs 8 answers, each 1 (go) or 0 (stay).")
    return np.asarray(targets, dtype=int)
