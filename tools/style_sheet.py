"""Draw docs/styles.svg: every style of py/digits/images/catalogue.py, three random writers each.

One row per school script, one column per digit, then the personal variants; the
styles no network learns from are marked "held out". The sheet is generated, so it
cannot drift from the catalogue (tests/test_catalogue.py checks it is current):
    python3 tools/style_sheet.py
"""

import sys
from html import escape
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "py"))

from digits.images import catalogue, handwriting  # noqa: E402

SHEET = ROOT / "docs" / "styles.svg"
WRITERS = 3            # drawings of each style, side by side
BOX = 40               # the side of one drawing, in the sheet's units
LABEL = 150            # the width of a row's name
CELL = WRITERS * BOX + 12
ROW = BOX + 26
INK, HELD_OUT = "#1f2937", "#b45309"


def main():
    SHEET.write_text(sheet())
    print(f"Wrote {SHEET.relative_to(ROOT)}")


def sheet(seed=0):
    rng = np.random.default_rng(seed)
    rows = [(name, list(forms.values())) for name, forms in catalogue.SCRIPTS.items()]
    for title, held_out in (("Personal variants", False), ("Held-out variants", True)):
        variants = [style for style in catalogue.VARIANTS if style.held_out == held_out]
        rows += [(title if i == 0 else "", variants[i:i + 10]) for i in range(0, len(variants), 10)]
    width, height = LABEL + 10 * CELL, 30 + len(rows) * ROW
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
             f'height="{height}" font-family="system-ui, sans-serif" font-size="10">',
             f'<rect width="{width}" height="{height}" fill="#fff"/>',
             '<text x="6" y="16" font-size="12" font-weight="600">How people write each digit: '
             'every style of the catalogue, three random writers each</text>']
    for r, (name, styles) in enumerate(rows):
        y = 30 + r * ROW
        held = all(style.held_out for style in styles)
        title = f"{name} (held out)" if held and name in catalogue.SCRIPTS else name
        parts.append(f'<text x="6" y="{y + BOX / 2 + 4}" font-weight="600" fill="{HELD_OUT if held else INK}">'
                     f'{escape(title)}</text>')
        for c, style in enumerate(styles):
            x = LABEL + c * CELL
            form = style.name.split(": ", 1)[-1]
            caption = f"{style.digit} {form}"
            parts.append(f'<text x="{x}" y="{y + BOX + 12}" fill="{HELD_OUT if style.held_out else INK}">'
                         f'{escape(caption[:25])}</text>')
            for k in range(WRITERS):
                parts.append(drawing(handwriting.write(style, rng), x + k * BOX, y, style.held_out))
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def drawing(strokes, x, y, held_out):
    """One drawing as polylines in a BOX-sized square at (x, y), with the pad's pen."""
    pen = handwriting.pen_width(strokes) * BOX
    lines = [" ".join(f"{x + px * BOX:.1f},{y + py * BOX:.1f}" for px, py in stroke) for stroke in strokes]
    frame = f'<rect x="{x + 1}" y="{y}" width="{BOX - 2}" height="{BOX - 2}" fill="#f3f4f6" rx="3"/>'
    colour = HELD_OUT if held_out else INK
    return frame + "".join(f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="{pen:.2f}" '
                           f'stroke-linecap="round" stroke-linejoin="round"/>' for points in lines)


if __name__ == "__main__":
    main()
