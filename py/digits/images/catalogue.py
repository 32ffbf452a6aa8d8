"""How people write each digit: school scripts and personal variants, each drawn by `glyphs.py`.

MNIST's digits were written by American census workers and students around 1990.
The page's visitors learned to write elsewhere and later: a 1 with a long up-stroke
(much of Europe), a 7 with a bar through it, a 4 open at the top, a 9 whose tail
curls to the left. Each entry here is one such way of writing a digit, with where
it comes from. The drawings are our renditions of each model's forms, not tracings
of its charts; every writer then varies them (`glyphs.Writer`, `handwriting.hand`).

Held out by construction: two whole scripts (`Script.held_out`) and a few personal
variants are never drawn for training. `bench/styles.py` reads them with every
network: they stand in for writers no network has seen.
"""

from dataclasses import dataclass
from functools import partial

from . import glyphs as g


@dataclass(frozen=True)
class Style:
    """One way of writing one digit."""
    digit: int
    name: str                 # short, as a table or a picture sheet shows it
    glyph: object             # glyphs function bound to its ranges: Writer -> strokes
    source: str               # the school script, or the habit, it comes from
    slant: tuple = (-0.2, 0.25)   # the shear a writer of this style gives it (0.3: leaning 17° right)
    held_out: bool = False    # never drawn for training

    def strokes(self, writer):
        return self.glyph(writer)


def script(name, source, forms, slant=(-0.2, 0.25), held_out=False):
    """The ten digits of one school script: {digit: (form name, glyph)} → {digit: Style}."""
    return {digit: Style(digit, f"{name}: {form}", glyph, source, slant, held_out)
            for digit, (form, glyph) in forms.items()}


P = partial

US_MANUSCRIPT = script(
    "US ball and stick", "Zaner-Bloser manuscript numerals (Zaner-Bloser, Columbus, Ohio), as taught in US "
    "primary schools: upright, built from straight sticks and circles", {
        0: ("oval", P(g.zero, overlap=(0, 10))), 1: ("stick", g.one), 2: ("flat base", g.two),
        3: ("two bumps", g.three), 4: ("open", P(g.four, overhang=0.0, stem_top=(0.15, 0.2))),
        5: ("bar last", g.five), 6: ("loop", g.six), 7: ("plain", g.seven), 8: ("one stroke", P(g.eight, style="one stroke")),
        9: ("straight stick", g.nine)}, slant=(-0.08, 0.08))

DNEALIAN = script(
    "D'Nealian", "D'Nealian Handwriting (Donald Thurber, Scott Foresman, 1978): slanted manuscript with "
    "small tails, taught in many US schools", {
        0: ("oval", P(g.zero, width=(0.18, 0.24))), 1: ("stick", P(g.one, flag=(0.0, 0.08))),
        2: ("wave base", P(g.two, base="wave")), 3: ("two bumps", P(g.three, waist=(0.04, 0.1))),
        4: ("open", P(g.four, overhang=(0.0, 0.04))), 5: ("one stroke", P(g.five, order="one stroke")),
        6: ("loop", P(g.six, top=(0.62, 0.72))), 7: ("plain", P(g.seven, rise=(-2, 6))),
        8: ("one stroke", P(g.eight, style="one stroke")), 9: ("curved tail", P(g.nine, tail="curve", curl=(0.1, 0.2)))},
    slant=(0.15, 0.35))

UK_PRINT = script(
    "UK print", "UK primary print models (Sassoon Primary; the National Curriculum's handwriting "
    "exemplars): upright, a short flag on the 1", {
        0: ("oval", g.zero), 1: ("short flag", P(g.one, flag=(0.1, 0.22), angle=(30, 55))),
        2: ("flat base", P(g.two, neck=(0.03, 0.1))), 3: ("two bumps", g.three),
        4: ("open", P(g.four, overhang=(0.02, 0.08), stem_top=(0.18, 0.3))), 5: ("bar last", g.five),
        6: ("straight", P(g.six, straight=True)), 7: ("plain", g.seven),
        8: ("snowman", g.eight), 9: ("straight stick", P(g.nine, head=(0.17, 0.2)))}, slant=(-0.05, 0.15))

GERMAN = script(
    "German school", "German primary-school models (Grundschrift, Grundschulverband 2011; "
    "Schulausgangsschrift): a long up-stroke into the 1, a bar through the 7", {
        0: ("oval", P(g.zero, width=(0.18, 0.25))), 1: ("long flag", P(g.one, flag=(0.3, 0.5), angle=(30, 50))),
        2: ("flat base", g.two), 3: ("two bumps", g.three),
        4: ("open, bar past the stem", P(g.four, overhang=(0.06, 0.14), stem_top=(0.2, 0.32))),
        5: ("bar last", g.five), 6: ("loop", g.six), 7: ("barred", P(g.seven, barred=True)),
        8: ("snowman", g.eight), 9: ("curved tail", P(g.nine, tail="curve", curl=(0.1, 0.25)))}, slant=(0.0, 0.25))

ITALIAN = script(
    "Italian school", "Italian primary-school numerals (stampatello and corsivo exercise books): "
    "a long flag on the 1, a barred 7, a 9 whose tail turns left", {
        0: ("oval", g.zero), 1: ("long flag", P(g.one, flag=(0.35, 0.55), angle=(35, 55))),
        2: ("looped base", P(g.two, base="loop")), 3: ("two bumps", P(g.three, upper=(0.13, 0.17))),
        4: ("open", P(g.four, overhang=(0.03, 0.1))), 5: ("one stroke", P(g.five, order="one stroke")),
        6: ("loop", P(g.six, loop=(0.15, 0.19))), 7: ("barred", P(g.seven, barred=True, hook=(0.0, 0.06))),
        8: ("one stroke", P(g.eight, style="one stroke")), 9: ("hooked tail", P(g.nine, tail="hook"))},
    slant=(0.05, 0.3))

# Held out: never drawn for training.
FRENCH = script(
    "French school", "French school cursive numerals (the Éducation nationale's models of écriture "
    "cursive): a 1 with a very long, low up-stroke, a barred 7, 9s and 2s with curls", {
        0: ("oval, overlapping", P(g.zero, overlap=(20, 45))),
        1: ("very long flag", P(g.one, flag=(0.45, 0.65), angle=(25, 40))),
        2: ("looped base", P(g.two, base="loop", bowl=(0.15, 0.2))), 3: ("looped middle", P(g.three, looped=True)),
        4: ("open, one stroke", P(g.four, one_stroke=True, overhang=(0.0, 0.05), stem_top=(0.2, 0.3))),
        5: ("rounded", P(g.five, rounded=True)), 6: ("small loop", P(g.six, loop=(0.12, 0.15))),
        7: ("barred, bowed", P(g.seven, barred=True, bend=(0.03, 0.08))),
        8: ("figure", P(g.eight, style="figure")), 9: ("curled tail", P(g.nine, tail="curl"))},
    slant=(0.15, 0.35), held_out=True)

NORDIC = script(
    "Nordic school", "Scandinavian school hands (Swedish skolstil, Danish formskrift): upright and "
    "plain, a flagged 1, an open 4, a 9 on a long stem", {
        0: ("round", P(g.zero, width=(0.27, 0.33), height=(0.3, 0.34))),
        1: ("flag", P(g.one, flag=(0.22, 0.35), angle=(40, 60))),
        2: ("angular", P(g.two, angular=True)), 3: ("flat top", P(g.three, top="flat")),
        4: ("open, tall stem", P(g.four, overhang=(0.0, 0.03), stem_top=(0.12, 0.16), bar=(0.5, 0.58))),
        5: ("bar last", P(g.five, neck=(0.38, 0.44))), 6: ("straight", P(g.six, straight=True, loop=(0.15, 0.19))),
        7: ("rising bar", P(g.seven, rise=(8, 16))), 8: ("snowman, small top", P(g.eight, top=(0.11, 0.14))),
        9: ("small loop, long stem", P(g.nine, head=(0.11, 0.14)))}, slant=(-0.1, 0.1), held_out=True)

SCRIPTS = {"US ball and stick": US_MANUSCRIPT, "D'Nealian": DNEALIAN, "UK print": UK_PRINT,
           "German school": GERMAN, "Italian school": ITALIAN, "French school": FRENCH, "Nordic school": NORDIC}

HABIT = "a personal habit, among those readers of the page report it misreads"
VARIANTS = [
    Style(0, "open at the top", P(g.zero, gap=(15, 35), overlap=0), HABIT),
    Style(1, "flag and foot", P(g.one, flag=(0.15, 0.4), foot=(0.22, 0.4)), "the 1 of typewriters and "
          "many European hands: a flag and a base"),
    Style(1, "leaning stick", P(g.one, lean=(0.04, 0.08)), HABIT),
    Style(2, "wide bowl", P(g.two, neck=(0.06, 0.12), bowl=(0.2, 0.26)), HABIT),
    Style(3, "pointed waist", P(g.three, waist=(0.08, 0.14)), HABIT),
    Style(4, "closed", P(g.four, closed=True), "the printed 4 (typefaces), which many people copy"),
    Style(4, "open, bar far past the stem", P(g.four, overhang=(0.12, 0.2), stem_top=(0.15, 0.25)), HABIT),
    Style(5, "tilted bar", P(g.five, bar_tilt=(-0.08, -0.03)), HABIT),
    Style(6, "wide loop", P(g.six, loop=(0.2, 0.24)), HABIT),
    Style(7, "hooked", P(g.seven, hook=(0.05, 0.1)), "the 7 of many typefaces: a serif at the bar's start"),
    Style(7, "bowed stem", P(g.seven, bend=(-0.06, -0.02)), HABIT),
    Style(7, "curved stem", P(g.seven, bend=(0.03, 0.08)), HABIT),
    Style(8, "snowman, big top", P(g.eight, top=(0.18, 0.21), bottom=(0.17, 0.2)), HABIT),
    Style(9, "small loop, curved tail", P(g.nine, head=(0.11, 0.15), tail="curve", curl=(0.15, 0.3)), HABIT),
    Style(9, "hooked tail", P(g.nine, tail="hook", hook=(0.08, 0.14)), HABIT),
    # Held out: never drawn for training.
    Style(0, "slashed", P(g.zero, slash=True), "programmers and engineers, to tell 0 from O", held_out=True),
    Style(1, "stick and foot", P(g.one, foot=(0.2, 0.35)), "the 1 of serif typefaces", held_out=True),
    Style(2, "Z", P(g.two, angular=True, neck=0.0), HABIT, held_out=True),
    Style(4, "closed, one stroke", P(g.four, closed=True, one_stroke=True, overhang=(0.05, 0.12), stem_top=(0.3, 0.4)), HABIT,
          held_out=True),
    Style(7, "bowed stem, barred", P(g.seven, bend=(-0.07, -0.03), barred=True), HABIT, held_out=True),
    Style(9, "small loop, hooked tail", P(g.nine, head=(0.1, 0.13), tail="hook", hook=(0.1, 0.16)), HABIT,
          held_out=True),
]

EVERY_STYLE = [style for forms in SCRIPTS.values() for style in forms.values()] + VARIANTS
TRAINING_STYLES = [style for style in EVERY_STYLE if not style.held_out]
HELD_OUT_STYLES = [style for style in EVERY_STYLE if style.held_out]
HELD_OUT_SCRIPTS = [name for name, forms in SCRIPTS.items() if forms[0].held_out]


def styles_of(digit, styles=TRAINING_STYLES):
    return [style for style in styles if style.digit == digit]
