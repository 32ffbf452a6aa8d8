"""The shapes of the ten digits as pen strokes, each with the proportions a writer varies.

A glyph is a function of a `Writer`: it asks the writer for every proportion it
needs (how long the 1's flag is, how big the 9's loop, where the 4's bar ends) and
returns the strokes in the order and direction that writer draws them. Each
stroke is an (N, 2) array of (x, y) points in a unit box, y downwards, the digit
standing roughly between y = 0.15 and y = 0.85.

`catalogue.py` binds these functions to the ranges of each school script and
personal variant; `handwriting.py` then places and paints the strokes.
"""

import numpy as np


class Writer:
    """One writer's habits for one drawing: each proportion drawn from its range once."""

    def __init__(self, rng):
        self.rng = rng

    def __call__(self, span):
        """A value within `span` (low, high), or `span` itself if it is a number."""
        return self.rng.uniform(*span) if isinstance(span, tuple) else span

    def chance(self, share):
        return self.rng.random() < share


def arc(cx, cy, rx, ry, start, end, points=24):
    """Points along an ellipse from angle `start` to `end` (degrees, 0 = right, 90 = down)."""
    angles = np.radians(np.linspace(start, end, points))
    return np.stack([cx + rx * np.cos(angles), cy + ry * np.sin(angles)], axis=1)


def line(*points):
    return np.asarray(points, dtype=float)


def curve(*controls, points=20):
    """A Bézier curve through its first and last control point, pulled towards the others."""
    t = np.linspace(0, 1, points)[:, None]
    controls = [np.asarray(c, dtype=float) for c in controls]
    while len(controls) > 1:                       # de Casteljau: blend neighbours until one point is left
        controls = [(1 - t) * a + t * b for a, b in zip(controls, controls[1:])]
    return controls[0]


def joined(*parts):
    """One stroke made of several parts drawn without lifting the pen."""
    return np.concatenate([np.atleast_2d(part) for part in parts])


# --- 0 -------------------------------------------------------------------------------------------

def zero(w, width=(0.2, 0.3), height=(0.32, 0.37), overlap=(0, 30), gap=0, slash=False):
    """An oval from the top, anticlockwise as most people draw it; `gap` degrees left open at the
    top, or `overlap` degrees drawn twice; `slash`: a stroke through it, as programmers write it."""
    rx, ry = w(width), w(height)
    extra = w(overlap) - w(gap)
    strokes = [arc(0.5, 0.5, rx, ry, -90, -90 - 360 - extra, points=36)]
    if slash:
        strokes.append(line((0.5 + rx * 0.9, 0.5 - ry * 1.05), (0.5 - rx * 0.9, 0.5 + ry * 1.05)))
    return strokes


# --- 1 -------------------------------------------------------------------------------------------

def one(w, flag=0.0, angle=(25, 50), foot=0.0, height=(0.65, 0.72), lean=(-0.03, 0.03)):
    """A stem; `flag`: an up-stroke into its top, as a share of the stem, rising `angle` degrees;
    `foot`: a base line under it, that wide."""
    tall, top_x = w(height), 0.5 + w(lean)
    top, bottom = np.array([top_x, 0.5 - tall / 2]), np.array([0.5 - w(lean), 0.5 + tall / 2])
    length, rise = w(flag) * tall, np.radians(w(angle))
    stem = line(top, bottom)
    if length > 0:
        start = top + length * np.array([-np.cos(rise), np.sin(rise)])
        stem = line(start, top, bottom)
    strokes = [stem]
    width = w(foot)
    if width > 0:
        strokes.append(line(bottom - (width / 2, 0), bottom + (width / 2, 0)))
    return strokes


# --- 2 -------------------------------------------------------------------------------------------

def two(w, base="flat", bowl=(0.17, 0.24), neck=(0.0, 0.08), angular=False):
    """A bowl at the top, a diagonal down to the left, a base to the right. `base`: "flat",
    "loop" (a small loop where the diagonal meets the base) or "wave"; `angular`: a Z."""
    r, top = w(bowl), 0.15
    left, right, bottom = 0.28 + w((-0.03, 0.03)), 0.74 + w((-0.04, 0.04)), 0.85
    if angular:
        head = line((left, top + 0.02), (right, top))
        turn = np.array([left - 0.01, bottom])
    else:
        head = arc(0.5, top + r, r + 0.03, r, 190, 360 + w((-10, 20)))
        turn = np.array([left + w(neck), bottom - 0.02])
    diagonal = line(head[-1], turn)
    if base == "loop":
        loop = arc(turn[0] + 0.06, turn[1] - 0.05, 0.07, 0.06, 150, 450)
        return [joined(head, diagonal, loop, line((right, bottom)))]
    if base == "wave":
        return [joined(head, diagonal, curve(turn, (0.45, bottom - 0.08), (0.6, bottom + 0.06), (right, bottom - 0.03)))]
    return [joined(head, diagonal, line((right, bottom + w((-0.03, 0.02)))))]


# --- 3 -------------------------------------------------------------------------------------------

def three(w, top="round", upper=(0.15, 0.2), lower=(0.17, 0.22), waist=(0.0, 0.06), looped=False):
    """Two bumps open to the left. `top`: "round", or "flat" (a bar, then a diagonal to the middle);
    `waist`: how far left the bumps meet; `looped`: a small loop where they meet."""
    ru, rl = w(upper), w(lower)
    middle_y = 0.15 + 2 * ru
    meet = np.array([0.46 - w(waist), middle_y])
    if top == "flat":
        head = line((0.3, 0.15), (0.7, 0.15), meet)
    else:
        head = joined(arc(0.48, 0.15 + ru, ru + 0.02, ru, 200, 430), line(meet))
    if looped:
        head = joined(head, arc(meet[0] - 0.04, meet[1], 0.04, 0.03, 0, 360, points=12))
    belly_r = (0.85 - middle_y) / 2
    belly = arc(0.49, middle_y + belly_r, rl + 0.03, belly_r, 260, 520)
    return [joined(head, belly)]


# --- 4 -------------------------------------------------------------------------------------------

def four(w, closed=False, overhang=(0.0, 0.06), stem_top=(0.15, 0.3), bar=(0.55, 0.65),
         one_stroke=False):
    """A bar with a stem. Closed: a diagonal from the stem's top down to the bar, as printed.
    Open: a stroke down, then the bar, the stem drawn apart, starting `stem_top` high; the bar
    runs `overhang` past the stem; `one_stroke`: the pen goes back up from the bar's end and
    draws the stem without lifting."""
    bar_y, stem_x = w(bar), 0.62 + w((-0.03, 0.03))
    left = 0.25 + w((-0.03, 0.04))
    end = stem_x + w(overhang) + 0.03
    if closed:
        apex = (stem_x - 0.02, 0.15)
        if one_stroke:          # down to the left, the bar, back up to the stem's top and down
            return [line(apex, (left, bar_y), (end, bar_y), (stem_x, w(stem_top)), (stem_x, 0.86))]
        return [line(apex, (left, bar_y), (end, bar_y)), line(apex, (stem_x, 0.86))]
    down = line((left + w((0.0, 0.1)), 0.15), (left, bar_y), (end, bar_y))
    stem = line((stem_x, w(stem_top)), (stem_x, 0.86))
    if one_stroke:
        return [joined(down, stem)]
    return [down, stem]


# --- 5 -------------------------------------------------------------------------------------------

def five(w, order="bar last", belly=(0.19, 0.25), neck=(0.42, 0.5), bar_tilt=(-0.03, 0.03), rounded=False):
    """A short stem, a belly open to the left, a bar on top. `order`: "bar last" (two strokes) or
    "one stroke" (bar first, right to left); `rounded`: the corner under the bar rounded."""
    r, neck_y = w(belly), w(neck)
    stem_top, bar_end = np.array([0.34, 0.17]), np.array([0.72, 0.17 + w(bar_tilt)])
    belly_points = arc(0.49, neck_y + r * 0.9, r + 0.02, (0.85 - neck_y) / 2, 230, 500)
    stem = line(stem_top, (0.31, neck_y)) if not rounded else curve(stem_top + (0.05, 0), (0.3, 0.2), (0.31, neck_y))
    if order == "one stroke":
        return [joined(line(bar_end), stem, belly_points)]
    return [joined(stem, belly_points), line(stem_top, bar_end)]


# --- 6 -------------------------------------------------------------------------------------------

def six(w, loop=(0.16, 0.21), top=(0.58, 0.7), straight=False):
    """A stroke down from the top right into a loop at the bottom. `straight`: the down-stroke
    is a straight line rather than a curve; `loop`: the loop's radius."""
    r = w(loop)
    cy = 0.85 - r
    start = np.array([w(top), 0.15])
    if straight:
        down = line(start, (0.5 - r, cy))
    else:
        down = curve(start, (0.3, 0.2), (0.5 - r - 0.02, cy - 0.15), (0.5 - r, cy))
    return [joined(down, arc(0.5, cy, r + 0.02, r, 180, 540 - w((0, 20))))]


# --- 7 -------------------------------------------------------------------------------------------

def seven(w, barred=False, hook=0.0, rise=(-3, 3), bend=0.0, foot=(0.38, 0.48)):
    """A bar and a stem down to the left. `barred`: a crossbar through the stem; `hook`: a little
    down-stroke before the bar; `rise`: the bar's slope in degrees; `bend`: the stem bowed
    (positive: its middle pushed to the right, as a stem curving into a 2 would not be)."""
    corner = np.array([0.73, 0.18])
    slope = np.tan(np.radians(w(rise)))
    start = np.array([0.27, 0.18 + 0.46 * slope])
    foot_point = np.array([w(foot), 0.85])
    bow = w(bend)
    stem = curve(corner, (corner + foot_point) / 2 + (bow, 0), foot_point) if bow else line(corner, foot_point)
    head, serif = line(start, corner), w(hook)
    if serif > 0:
        head = line(start + (0, serif), start, corner)
    strokes = [joined(head, stem[1:])]
    if barred:
        middle = (corner + foot_point) / 2 + (bow / 2, 0)
        strokes.append(line(middle - (0.14, 0), middle + (0.14, 0)))
    return strokes


# --- 8 -------------------------------------------------------------------------------------------

def eight(w, style="snowman", top=(0.14, 0.18), bottom=(0.17, 0.22)):
    """Two loops, the top one usually smaller. `style`: "snowman" (two closed loops drawn one
    after the other), "one stroke" (an S and back up), or "figure" (one looping figure that
    crosses itself in the middle)."""
    rt, rb = w(top), w(bottom)
    middle = 0.15 + 2 * rt * 0.95
    cb = (middle + 0.85) / 2
    if style == "snowman":
        return [arc(0.5, 0.15 + rt, rt, rt * 0.95, 90, 450), arc(0.5, cb, rb + 0.02, (0.85 - middle) / 2, -90, 270)]
    if style == "figure":       # Gerono's lemniscate stood upright: one stroke from the top, crossing at the waist
        t = np.linspace(1.5 * np.pi, 3.5 * np.pi, 48)
        lower = np.sin(t) > 0
        x = 0.5 - np.sin(2 * t) * np.where(lower, rb, rt) * 1.1
        y = middle + np.sin(t) * np.where(lower, 0.85 - middle, middle - 0.15)
        return [np.stack([x, y], axis=1)]
    upper = arc(0.5, 0.15 + rt, rt, rt * 0.95, 20, 270)[::-1]
    return [joined(upper, arc(0.5, cb, rb + 0.02, (0.85 - middle) / 2, -90, 270), arc(0.5, 0.15 + rt, rt, rt * 0.95, 20, 90)[::-1])]


# --- 9 -------------------------------------------------------------------------------------------

def nine(w, head=(0.16, 0.22), tail="straight", lean=(-0.04, 0.02), hook=(0.1, 0.16), curl=(0.3, 0.45)):
    """A loop at the top and a stem down from its right side. `head`: the loop's radius (a small
    loop leaves a long stem); `tail`: "straight", "curve" (bending left towards the bottom),
    "hook" (straight, then turning sharply left) or "curl" (turning left and back up, like a g)."""
    r = w(head)
    cx, cy = 0.48, 0.15 + r
    joint = np.array([cx + r, cy])
    foot = np.array([joint[0] + w(lean), 0.85])
    loop = arc(cx, cy, r, r * 0.95, 0, 360)
    if tail == "curve":
        stem = curve(joint, (joint[0] + 0.02, 0.75), (foot[0] - 0.05, 0.86), (foot[0] - w(curl), 0.8))
    elif tail == "hook":
        size = w(hook)
        stem = joined(line(joint, foot - (0, size)), arc(foot[0] - size, foot[1] - size, size, size, 0, 150, points=10))
    elif tail == "curl":
        size = w(hook) + 0.02
        stem = joined(line(joint, foot - (0, size)), arc(foot[0] - size, foot[1] - size, size, size, 0, 190, points=14))
    else:
        stem = line(joint, foot)
    return [joined(loop, stem[1:])]
