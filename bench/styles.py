"""How well each network reads the ways of writing digits it never learned: the held-out styles.

py/digits/catalogue.py holds school scripts and personal variants; two whole scripts
(French, Nordic) and six variants are never drawn for training. This bench draws
each held-out style by many random writers (proportions, stroke order, pen speed,
slant, size), paints them with the pad's ink (handwriting.paint: the same pixels as
the page's pad, tests/test_ink.py) and reads them with the page's preprocessing and
the shipped weights. It stands in for writers no network has seen; the styles that
training does draw, by new writers, come last for comparison.

    python3 bench/styles.py [--writers 60]      (part of 'python3 build.py bench')
"""

import argparse
import collections
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "py"))

from digits import catalogue, handwriting, models  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--writers", type=int, default=60, help="random writers of each style")
    args = parser.parse_args()
    networks = {name: models.load(name) for name in models.ARCHITECTURES}
    held_out = read(networks, catalogue.HELD_OUT_STYLES, args.writers, seed=101)
    print(f"Held-out styles ({len(catalogue.HELD_OUT_STYLES)}: the scripts "
          f"{' and '.join(catalogue.HELD_OUT_SCRIPTS)} and {sum(s.held_out for s in catalogue.VARIANTS)} variants), "
          f"{args.writers} writers each, through the pad's ink")
    summary(held_out)
    per_digit(held_out)
    per_style(held_out)
    seen = read(networks, catalogue.TRAINING_STYLES, max(10, args.writers // 4), seed=102)
    print(f"\nStyles training draws ({len(catalogue.TRAINING_STYLES)}), by new writers, for comparison")
    summary(seen)


def read(networks, styles, writers, seed):
    """{network: (styles, digits, answers)} for `writers` drawings of every style."""
    drawings = list(handwriting.samples(writers, seed=seed, styles=styles))
    images = handwriting.as_mnist(drawings)
    names = [name for _, name, _ in drawings]
    digits = np.array([digit for digit, _, _ in drawings])
    return {network: (names, digits, model.predict(images).argmax(axis=1)) for network, model in networks.items()}


def summary(results):
    for network, (_, digits, answers) in results.items():
        print(f"  {network:8} {np.mean(answers == digits):6.1%} read right")


def per_digit(results):
    print("\n  per digit   " + "".join(f"{digit:>7}" for digit in range(10)))
    for network, (_, digits, answers) in results.items():
        cells = [f"{np.mean(answers[digits == d] == d):7.0%}" if np.any(digits == d) else "      -" for d in range(10)]
        print(f"  {network:10}  " + "".join(cells))


def per_style(results):
    """One line per style: each network's share read right and what it mistook the style for most."""
    names = list(dict.fromkeys(next(iter(results.values()))[0]))
    print("\n  per style" + " " * 33 + "".join(f"{network:>16}" for network in results))
    for name in names:
        cells = []
        for _, (styles, digits, answers) in results.items():
            mine = np.array([style == name for style in styles])
            right = np.mean(answers[mine] == digits[mine])
            wrong = collections.Counter(answers[mine][answers[mine] != digits[mine]].tolist())
            taken = f" ({wrong.most_common(1)[0][0]})" if wrong and right < 0.95 else ""
            cells.append(f"{right:.0%}{taken}")
        digit = digits[mine][0]
        print(f"  {digit} {name[:38]:40}" + "".join(f"{cell:>16}" for cell in cells))
    print("  (in brackets: the digit most often read instead, where under 95%)")


if __name__ == "__main__":
    main()
