"""Synthetic people: one writer's handwriting, the same from one drawing to the next.

`handwriting.write` gives every drawing a new random writer, which is what training
wants. A person is steadier: they write each digit one way (one catalogue style),
with their own proportions, slant, size and pen speed, and their drawings of a digit
differ only a little. That is what fine-tuning on a visitor's few drawings can learn,
and what a bench of fine-tuning needs: a `Person` draws such drawings.

A person's habits are fixed by a seed; each drawing then varies them by a little
(`Steadiness`), with a fresh generator per drawing.
"""

from dataclasses import dataclass

import numpy as np

from . import catalogue
from .glyphs import Writer
from .handwriting import SIZE_RANGE, at_pen_speed, hand_transform, place

HABITS = 24              # proportions a glyph may ask for; more than any asks
# A person's own hand may lie past what training draws (handwriting.hand): people are like that.
TURN = (-15, 15)         # degrees
STRETCH = (0.7, 1.25)    # across, down
LEAN_PAST = 0.15         # how far past a style's slant range a person may lean, either way


@dataclass(frozen=True)
class Steadiness:
    """How much one person's drawings differ from each other: each proportion moves by about
    `proportion` of its range (standard deviation), the slant by `slant`, the turn by `degrees`,
    the stretch by a factor of 1 ± `stretch`, the size by `size` of the pad."""
    proportion: float = 0.1
    slant: float = 0.05
    degrees: float = 3.0
    stretch: float = 0.04
    size: float = 0.08


class HabitualWriter(Writer):
    """A writer whose k-th proportion is always near the same point of its range: `habits[k]`
    (a share, 0 to 1), moved by a normal of standard deviation `jitter`. A chance of `share`
    comes out the same way every time."""

    def __init__(self, habits, rng, jitter):
        super().__init__(rng)
        self.habits, self.jitter, self.asked = habits, jitter, 0

    def next_habit(self):
        habit = self.habits[self.asked % len(self.habits)]
        self.asked += 1
        return habit

    def __call__(self, span):
        if not isinstance(span, tuple):
            return span
        share = np.clip(self.next_habit() + self.rng.normal(0, self.jitter), 0, 1)
        return span[0] + share * (span[1] - span[0])

    def chance(self, share):
        return self.next_habit() < share


class Person:
    """One writer: a style for each digit ({digit: catalogue.Style}) and habits drawn from `seed`."""

    def __init__(self, name, styles, seed, steadiness=Steadiness()):
        self.name, self.styles, self.steadiness = name, styles, steadiness
        rng = np.random.default_rng(seed)
        self.habits = {digit: rng.random(HABITS) for digit in range(10)}
        self.first_stroke_last = {digit: rng.random() < 0.2 for digit in range(10)}   # the bar or stem first
        self.backwards = {digit: rng.random(4) < 0.15 for digit in range(10)}        # strokes drawn the other way
        self.spacing = rng.uniform(0.004, 0.035)          # pen speed: how far apart the pad's points fall
        self.slant = rng.uniform(-LEAN_PAST, 1 + LEAN_PAST)   # where in each style's slant range this person leans
        self.degrees = rng.uniform(*TURN)
        self.stretch = rng.uniform(*STRETCH, size=2)
        self.size = rng.uniform(*SIZE_RANGE)

    @property
    def held_out(self):
        """The digits this person writes in a style no network was trained on."""
        return [digit for digit, style in self.styles.items() if style.held_out]

    def write(self, digit, rng):
        """One drawing of `digit`: strokes (lists of (x, y) in 0..1 of the pad), as the pad records them."""
        style, steady = self.styles[digit], self.steadiness
        strokes = style.strokes(HabitualWriter(self.habits[digit], rng, steady.proportion))
        if len(strokes) > 1 and self.first_stroke_last[digit]:
            strokes = strokes[::-1]
        strokes = [stroke[::-1] if backwards else stroke for stroke, backwards in zip(strokes, self.backwards[digit])]
        spacing = self.spacing * rng.uniform(0.8, 1.25)
        strokes = [at_pen_speed(stroke, spacing) for stroke in strokes]
        low, high = style.slant
        slant = low + self.slant * (high - low) + rng.normal(0, steady.slant)
        transform = hand_transform(slant, self.degrees + rng.normal(0, steady.degrees),
                                   self.stretch * rng.normal(1, steady.stretch, size=2),
                                   rng.normal(0, 0.012, size=(4, 2)))
        size = float(np.clip(self.size + rng.normal(0, steady.size), 0.3, 0.95))
        return place([transform(np.asarray(stroke, dtype=float)) for stroke in strokes], size, rng)

    def drawings(self, per_digit, seed):
        """(digit, style name, strokes) for `per_digit` drawings of every digit, digit by digit."""
        rng = np.random.default_rng(seed)
        return [(digit, self.styles[digit].name, self.write(digit, rng))
                for digit in range(10) for _ in range(per_digit)]


def people(count, seed=0, own_habit=0.25, styles=catalogue.EVERY_STYLE):
    """`count` people. Each learned one school script (held-out scripts included, as often as the
    others) and writes each digit in another style of `styles` with chance `own_habit`."""
    rng = np.random.default_rng(seed)
    scripts = list(catalogue.SCRIPTS)
    crowd = []
    for index in range(count):
        script = scripts[rng.integers(len(scripts))]
        chosen = {}
        for digit in range(10):
            choices = [style for style in styles if style.digit == digit]
            chosen[digit] = (choices[rng.integers(len(choices))] if rng.random() < own_habit
                             else catalogue.SCRIPTS[script][digit])
        crowd.append(Person(f"{index + 1}, {script}", chosen, seed=int(rng.integers(2**31))))
    return crowd
