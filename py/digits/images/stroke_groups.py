"""Which strokes of a written number belong to the same digit, from what the pad knows.

A picture of a number shows only ink; the pad knows more: the strokes, in the order
they were drawn. Cutting the ink into connected blobs, as most demos do, splits a 4 or
a 5 written in two strokes into two digits and takes the bar of a crossed 7 for a
digit of its own. Strokes say better what goes together:

  - a stroke that lies over a digit's columns belongs to it: the stem of an open 4
    crossing its bar, the bar across a 7, the bar of a 5 drawn last, a 1 broken in two;
  - a stroke that starts inside the box of the digit just drawn, and lies partly over
    it, belongs to that digit too (a 5's bar that runs a little past its belly);
  - any other stroke starts a new digit.

Strokes are lists of (x, y) points in units of the pad's height (y from 0 at the top
to 1 at the bottom, x from 0 to the pad's width over its height). A group is a list
of strokes; the groups come back in reading order, left to right. Digits that touch
or overlap may still land in one group: `cuts.py` proposes where to cut those.
"""

import numpy as np

from .handwriting import PEN_WIDTH

LIES_OVER = 0.5        # share of a stroke's (or a group's) width that must lie over the other's columns
STARTS_OVER = 0.25     # the same share, for a stroke that starts inside the last digit's box


def group_strokes(strokes):
    """The strokes grouped into digits, each group a list of strokes (arrays of points), left to right."""
    groups, boxes = [], []    # [strokes] and their ink's box, in the order their first stroke was drawn
    for stroke in (np.asarray(s, dtype=float).reshape(-1, 2) for s in strokes):
        box = ink_box([stroke])
        home = belongs_to(stroke, box, boxes)
        if home is None:
            groups.append([stroke])
            boxes.append(box)
        else:
            groups[home].append(stroke)
            boxes[home] = joined(boxes[home], box)
    order = sorted(range(len(groups)), key=lambda g: boxes[g][0])
    return [groups[g] for g in order]


def belongs_to(stroke, box, boxes):
    """The index of the group (of those with these `boxes`) a stroke with this `box` joins, or None
    for a new digit: the last group if the stroke starts inside its box and lies partly over it,
    else the group it overlaps most, if it overlaps enough."""
    if not boxes:
        return None
    columns, last = (box[0], box[2]), boxes[-1]
    starts_inside = last[0] <= stroke[0, 0] <= last[2] and last[1] <= stroke[0, 1] <= last[3]
    if starts_inside and shared(columns, (last[0], last[2])) >= STARTS_OVER * width(columns):
        return len(boxes) - 1
    overlaps = [shared(columns, (other[0], other[2])) / min(width(columns), other[2] - other[0]) for other in boxes]
    best = int(np.argmax(overlaps))
    return best if overlaps[best] >= LIES_OVER else None


def joined(a, b):
    """The box around two boxes."""
    return min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3])


def ink_box(strokes):
    """(left, top, right, bottom) of the strokes' ink: their points widened by half the pen."""
    points = np.concatenate([np.asarray(s, dtype=float).reshape(-1, 2) for s in strokes])
    half_pen = PEN_WIDTH / 2
    (left, top), (right, bottom) = points.min(axis=0) - half_pen, points.max(axis=0) + half_pen
    return float(left), float(top), float(right), float(bottom)


def width(columns):
    return columns[1] - columns[0]


def shared(a, b):
    """How wide the overlap of two column ranges is (0 if they do not overlap)."""
    return max(0.0, min(a[1], b[1]) - max(a[0], b[0]))
