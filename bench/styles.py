"""How well each network reads the ways of writing digits it never learned: the held-out styles.

py/digits/images/catalogue.py holds school scripts and personal variants; two whole scripts
(French, Nordic) and six variants are never drawn for training. This bench draws
each held-out style by many random writers (proportions, stroke order, pen speed,
slant, size), paints them with the pad's ink (handwriting.paint: the same pixels as
the page's pad, tests/test_ink.py) and reads them with the page's preprocessing and
the shipped weights. It stands in for writers no network has seen; the styles that
training does draw, by new writers, come last for comparison.

    python3 bench/styles.py [--writers 60]      (part of 'python3 build.py bench')
"""

import argparse
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "py"))

from digits.images import catalogue, handwriting  # noqa: E402
from digits.nets import models


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--writers", type=int, default=60, help="random writers of each style")
    args = parser.parse_args()
    networks = {name: models.load(name) for name in models.ARCHITECTURES}
    held_out = handwriting.styles_read(networks, catalogue.HELD_OUT_STYLES, args.writers, seed=101)
    print(f"Held-out styles ({len(catalogue.HELD_OUT_STYLES)}: the scripts "
          f"{' and '.join(catalogue.HELD_OUT_SCRIPTS)} and {sum(s.held_out for s in catalogue.VARIANTS)} variants), "
          f"{args.writers} writers each, through the pad's ink")
    summary(held_out)
    per_digit(held_out)
    per_style(held_out)
    seen = handwriting.styles_read(networks, catalogue.TRAINING_STYLES, max(10, args.writers // 4), seed=102)
    print(f"\nStyles training draws ({len(catalogue.TRAINING_STYLES)}), by new writers, for comparison")
    summary(seen)


# Every style has as many writers, so a share over several styles is the mean of theirs.

def summary(results):
    for network, styles in results.items():
        print(f"  {network:8} {np.mean([style['read_right'] for style in styles.values()]):6.1%} read right")


def per_digit(results):
    print("\n  per digit   " + "".join(f"{digit:>7}" for digit in range(10)))
    for network, styles in results.items():
        shares = [[style["read_right"] for style in styles.values() if style["digit"] == d] for d in range(10)]
        print(f"  {network:10}  " + "".join(f"{np.mean(share):7.0%}" if share else "      -" for share in shares))


def per_style(results):
    """One line per style: each network's share read right and what it mistook the style for most."""
    print("\n  per style" + " " * 33 + "".join(f"{network:>16}" for network in results))
    for name, first in next(iter(results.values())).items():
        cells = []
        for styles in results.values():
            read = styles[name]
            taken = f" ({read['mistaken_for']})" if read["read_right"] < 0.95 else ""
            cells.append(f"{read['read_right']:.0%}{taken}")
        print(f"  {first['digit']} {name[:38]:40}" + "".join(f"{cell:>16}" for cell in cells))
    print("  (in brackets: the digit most often read instead, where under 95%)")


if __name__ == "__main__":
    main()
