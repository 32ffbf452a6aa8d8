"""Where a group of strokes that may hold several digits could be cut: candidate cuts.

Digits that touch or overlap can end up in one group of strokes (stroke_groups.py), and
a digit written in one stroke with its neighbour (a cursive 00) always does. Such a
group is wider than a digit. Where to cut it is not known in advance, so, as LeCun,
Bottou, Bengio and Haffner (1998) did for the amounts on bank cheques, we propose more
cuts than needed and let the network judge every way of putting the pieces together
(segment.py).

A cut is a vertical line. Good places are valleys of the ink's projection on the
x axis: columns with little ink, where two digits meet. Each cut also says how many
times its line crosses ink: one crossing where two digits touch, two through the
middle of a 0, so a cut through a digit's body costs more than a cut through a join.

Units as in stroke_groups.py: the pad's height is 1.
"""

import numpy as np

from .handwriting import paint, pen_width
from .stroke_groups import ink_box

MIN_PIECE = 0.12       # no cut leaves a piece narrower than this (of the number's height)
PIECE_WIDTH = 0.3      # at most one cut per this much width (of the number's height)
PROFILE_SCALE = 64     # pixels per unit of height for the projection: enough to find valleys


def candidate_cuts(group, height):
    """[(x, crossings)]: where `group` (a list of strokes) might be cut, left to right, for a
    number `height` tall."""
    left, top, right, bottom = ink_box(group)
    ink = ink_profile(group, (left, top, right, bottom))
    columns = ink.sum(axis=0)
    edge = int(np.ceil(MIN_PIECE * height * PROFILE_SCALE))
    valleys = [c for c in range(edge, len(columns) - edge)
               if columns[c] <= columns[max(c - 2, 0):c + 3].min() and columns[c] < np.median(columns)]
    wanted = int((right - left) / (PIECE_WIDTH * height))
    chosen = []
    for c in sorted(valleys, key=lambda c: columns[c]):          # the emptiest columns first
        if len(chosen) < wanted and all(abs(c - other) >= edge for other in chosen):
            chosen.append(c)
    return [(left + (c + 0.5) / PROFILE_SCALE, crossings(ink[:, c])) for c in sorted(chosen)]


def ink_profile(group, box):
    """The group's ink at PROFILE_SCALE pixels per unit, its box's columns and rows only."""
    left, top, right, bottom = box
    side = int(np.ceil(max(right - left, bottom - top) * PROFILE_SCALE)) + 1
    corner = np.array([left, top])
    shifted = [(np.asarray(stroke) - corner) * PROFILE_SCALE / side for stroke in group]
    image = paint(shifted, side=side, pen=pen_width(group) * PROFILE_SCALE / side)
    return image[:int(np.ceil((bottom - top) * PROFILE_SCALE)), :int(np.ceil((right - left) * PROFILE_SCALE))]


def crossings(column):
    """How many separate runs of ink a column of pixels crosses."""
    inked = column > 0.5
    return int(inked[0]) + int(np.count_nonzero(inked[1:] & ~inked[:-1]))


def clip_strokes(strokes, low, high):
    """The parts of the strokes whose x lies in [low, high): each stroke cut where it crosses
    either line (a point put exactly on the line), the parts outside dropped."""
    parts = []
    for stroke in strokes:
        stroke = np.asarray(stroke, dtype=float)
        current = []
        for a, b in zip(stroke, stroke[1:]) if len(stroke) > 1 else [(stroke[0], stroke[0])]:
            for p, q in inside_part(a, b, low, high):
                if current and not np.array_equal(current[-1], p):
                    parts.append(np.array(current))
                    current = []
                if not current:
                    current.append(p)
                current.append(q)
        if current:
            parts.append(np.array(current))
    return parts


def inside_part(a, b, low, high):
    """The part of segment a → b with low <= x < high, as [(start, end)] (empty if none)."""
    if a[0] == b[0]:
        return [(a, b)] if low <= a[0] < high else []
    t0, t1 = sorted(((low - a[0]) / (b[0] - a[0]), (high - a[0]) / (b[0] - a[0])))
    start, end = max(t0, 0.0), min(t1, 1.0)
    if start > end or (start == end and not low <= a[0] + start * (b[0] - a[0]) < high):
        return []
    return [(a + start * (b - a), a + end * (b - a))]
