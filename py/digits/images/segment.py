"""Reading a number: cut its strokes into digits, letting the network judge every way of cutting.

A digit pad holds one digit; a number holds several, and nothing says where one ends.
This module finds out the way LeCun, Bottou, Bengio and Haffner (1998) read the amounts
on bank cheques: cut in more places than needed, then score every way of putting the
pieces back together, and keep the best.

  1. The strokes are grouped into digits by what the pad knows (stroke_groups.py).
  2. Each group is read as one digit first. A group wider than a digit, or wide and read
     unsurely, is cut further at candidate cuts (cuts.py): pieces.
  3. Any run of up to MAX_RUN neighbouring pieces may be one digit, and so may any whole group. Each such candidate
     is painted with the pad's ink (handwriting.paint, as if drawn alone on the digit pad
     as tall as this one), prepared by `to_mnist` and read by the network: its score is

        score = log p(its most likely digit) + log prior(its width, its height)
                - CUT_COST * (ink the cut after it crosses) - JOIN_COST (if it joins groups)

     a product of probabilities, taken as a sum of logarithms; the prior says that a digit
     is rarely wider than it is tall, nor much shorter than its neighbours.
  4. The best way through the pieces is the path from the left edge to the right whose
     scores add up highest: dynamic programming over the places between pieces, keeping
     the two best paths to each place, so the runner-up comes for free.

`read(images) -> probabilities` is the network: images (N, 28, 28) in [0, 1], answers
(N, 10). Strokes are lists of (x, y) in units of the pad's height.
"""

from dataclasses import dataclass

import numpy as np

from .cuts import candidate_cuts, clip_strokes
from .handwriting import paint, pen_width
from .preprocess import to_mnist
from .stroke_groups import group_strokes, ink_box

MAX_RUN = 3            # pieces one digit may be made of (a whole group, however many, always may)
JOIN_GAP = 0.06        # groups this close (of the height) may still be one digit, if the network says so
JOIN_COST = 1.5        # joining two groups goes against what the strokes said
CUT_COST = 1.0         # each crossing of ink by a cut the path makes
WIDE = 1.0             # width over height past which a digit grows unlikely...
WIDE_SPREAD = 0.2      # ...by a factor e for each WIDE_SPREAD more, squared
SHORT = 0.55           # height, of the number's, below which a digit grows unlikely (a bar alone, a tail cut off)
SHORT_SPREAD = 0.12
NARROW = 0.75          # a group narrower than this (of the height) is one digit, however unsure its reading
SURE = 0.7             # a wider group read less surely than this may be two digits: it is cut too
# Pixels per unit of height a candidate is painted at. The digit pad paints at 280 (its side), but
# every digit is scaled down to 20 pixels in the end. Painted at 112, a digit takes a fifth of the
# time (1.1 ms against 5.5 in CPython), which a number of many digits and candidates needs; its
# 28x28 image differs by 1.2% of full ink a pixel on average, mostly where the centring rounds to
# the next whole pixel, and the networks read 300 digits painted both ways alike (the cnn and the
# mlp all of them, nielsen all but one). bench/number.py compares the digits of numbers with the
# same drawings read on the digit pad.
SCALE = 112


@dataclass
class Digit:
    """One digit of a reading: the strokes it is made of, its box (left, top, right, bottom, in
    units of the height), the 28x28 image the network saw and its probabilities."""
    strokes: list
    box: tuple
    image: np.ndarray
    probabilities: np.ndarray

    @property
    def digit(self):
        return int(self.probabilities.argmax())


@dataclass
class Cutting:
    """A way of cutting the number into digits, and its score (a sum of logarithms)."""
    digits: list
    score: float

    @property
    def text(self):
        return "".join(str(d.digit) for d in self.digits)


def read_number(strokes, read, memory=None):
    """The best two cuttings of the strokes into digits, best first ([] if there is no ink, one if
    there is only one way). `memory`: a Memory of candidates already read by the same `read`."""
    memory = Memory() if memory is None else memory
    groups = group_strokes([s for s in strokes if len(s)])
    if not groups:
        return []
    height = number_height(groups)
    alone = memory.read(groups, read)                       # each group as one digit, read first
    pieces = cut_pieces(groups, [worth_cutting(group, digit, height) for group, digit in zip(groups, alone)], height)
    runs = [(i, j) for i in range(len(pieces)) for j in range(i + 1, len(pieces) + 1)
            if whole_group(pieces, i, j) or (j - i <= MAX_RUN and joinable(pieces[i:j], height))]
    found = {run: alone[pieces[run[0]].group] for run in runs if whole_group(pieces, *run)}
    others = [run for run in runs if run not in found]
    if others:
        found.update(zip(others, memory.read([[s for p in pieces[i:j] for s in p.strokes] for i, j in others], read)))
    scores = {(i, j): score(found[(i, j)], pieces[i:j], height) for i, j in runs}
    return [Cutting([found[run] for run in path], total) for total, path in two_best_paths(len(pieces), scores)]


@dataclass
class Piece:
    """A piece of the number: strokes (or the parts of them between two cuts) from one group;
    `cut_after`: how many times the cut on its right crosses ink (None if the group ends there)."""
    strokes: list
    group: int
    cut_after: int | None


def worth_cutting(group, digit, height):
    """Whether a group may hold more than one digit: wider than any digit, or wide and read unsurely."""
    left, _, right, _ = ink_box(group)
    return (right - left) > WIDE * height or (digit.probabilities.max() < SURE and (right - left) > NARROW * height)


def cut_pieces(groups, cutting, height):
    """Every group as its pieces, left to right: itself, or (where `cutting` says so) its parts
    between candidate cuts."""
    pieces = []
    for index, (group, cut) in enumerate(zip(groups, cutting)):
        cuts = candidate_cuts(group, height) if cut else []
        edges = [-np.inf] + [x for x, _ in cuts] + [np.inf]
        crossings = [c for _, c in cuts] + [None]
        for low, high, crossed in zip(edges, edges[1:], crossings):
            part = group if not cuts else clip_strokes(group, low, high)
            if part:
                pieces.append(Piece(part, index, crossed))
    return pieces


def whole_group(pieces, i, j):
    """Whether pieces i..j-1 are exactly one group, all of it."""
    group = pieces[i].group
    return (all(p.group == group for p in pieces[i:j]) and (i == 0 or pieces[i - 1].group != group)
            and (j == len(pieces) or pieces[j].group != group))


def number_height(groups):
    """How tall the number's digits are: the median height of its groups, leaving out the
    ones under half the tallest (a stray dot or a bar on its own would shrink it)."""
    heights = np.array([ink_box(g)[3] - ink_box(g)[1] for g in groups])
    return float(np.median(heights[heights >= heights.max() / 2]))


def joinable(pieces, height):
    """Whether neighbouring pieces may be one digit: within one group, or groups almost touching."""
    for before, after in zip(pieces, pieces[1:]):
        if before.group != after.group and ink_box(after.strokes)[0] - ink_box(before.strokes)[2] > JOIN_GAP * height:
            return False
    return True


class Memory:
    """Candidates already read, by their strokes: the page reads the number again after every
    stroke, and every digit but the one just written is the same as before, so only that one is
    painted and read again. Reading is deterministic, so a remembered digit is the digit read;
    the memory must be used with one `read` only (one network), and keeps the latest `size`."""

    def __init__(self, size=512):
        self.size = size
        self.digits = {}

    def read(self, candidates, read):
        """A Digit for each candidate (a list of strokes), reading only those not remembered."""
        keys = [key_of(strokes) for strokes in candidates]
        new = [i for i, key in enumerate(keys) if key not in self.digits]
        if new:
            for i, digit in zip(new, read_candidates([candidates[i] for i in new], read)):
                self.digits[keys[i]] = digit
        while len(self.digits) > self.size:
            del self.digits[next(iter(self.digits))]
        return [self.digits[key] for key in keys]


def key_of(strokes):
    """The strokes, exactly, as bytes: their points and where each stroke ends."""
    arrays = [np.asarray(s, dtype=float) for s in strokes]
    return np.array([len(a) for a in arrays]).tobytes() + np.concatenate(arrays).tobytes()


def read_candidates(candidates, read):
    """Each candidate (a list of strokes) painted, prepared and read: a Digit each."""
    boxes = [ink_box(strokes) for strokes in candidates]
    images = np.stack([digit_image(strokes) for strokes in candidates])
    probabilities = read(images)
    return [Digit(strokes, box, image, p) for strokes, box, image, p in zip(candidates, boxes, images, probabilities)]


def digit_image(strokes):
    """The 28x28 image of strokes as the digit pad would give it, had they been drawn alone on a
    pad as tall as this one: painted with its pen (at SCALE pixels per unit), then `to_mnist`."""
    left, top, right, bottom = ink_box(strokes)
    side = int(np.ceil(max(right - left, bottom - top) * SCALE)) + 2
    corner = np.array([left, top])
    shifted = [(np.asarray(stroke) - corner) * SCALE / side for stroke in strokes]
    image = to_mnist(paint(shifted, side=side, pen=pen_width(strokes) * SCALE / side))
    return np.zeros((28, 28), dtype=np.float32) if image is None else image


def score(digit, pieces, height):
    """The log-score of one candidate digit (see the module's docstring)."""
    left, top, right, bottom = digit.box
    wide = max(0.0, (right - left) / height - WIDE) / WIDE_SPREAD
    short = max(0.0, SHORT - (bottom - top) / height) / SHORT_SPREAD
    joins = len({p.group for p in pieces}) - 1
    cut = pieces[-1].cut_after or 0              # None: its group ends there, no cut
    return (float(np.log(max(digit.probabilities.max(), 1e-12))) - wide ** 2 - short ** 2
            - CUT_COST * cut - JOIN_COST * joins)


def two_best_paths(places, scores):
    """The two highest-scoring paths from place 0 to place `places` through edges (i, j) with
    `scores[(i, j)]`, as [(total, [edges])], best first: dynamic programming, keeping the
    two best partial paths into each place."""
    best = {0: [(0.0, [])]}
    for j in range(1, places + 1):
        arriving = [(total + scores[(i, j)], path + [(i, j)])
                    for i in range(j) if (i, j) in scores for total, path in best.get(i, [])]
        best[j] = sorted(arriving, key=lambda found: -found[0])[:2]
    return best[places]
