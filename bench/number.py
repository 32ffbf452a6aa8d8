"""How well a number is cut and read: numbers of 2 to 8 digits by synthetic writers, on the wide pad.

Each number's digits are random writers' drawings of the catalogue's training styles
(handwriting.write), laid left to right on a pad as wide as the page's (written_numbers.py)
with gaps from wide to overlapping, then read as the page reads them (segment.read_number
with each network). It prints, per network and per gap:

  - whole numbers read exactly;
  - digits read right (aligned with the digits written), against the same network reading the
    same drawings one by one as the digit pad would (each painted alone at its size, 280 px to the
    pad's height): the cutting's price;
  - touching pairs read right (gaps of zero or less): both digits of a neighbouring pair right,
    and the cut between them in its place;

and the CPython time to read a number, by its length. The browser's pointer-up latency is
bench/number_latency.py's.

    python3 bench/number.py [--numbers 10] [--networks cnn,mlp]   (part of 'python3 build.py bench')
"""

import argparse
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "py"))

from digits.images import handwriting  # noqa: E402
from digits.images.preprocess import to_mnist  # noqa: E402
from digits.images.segment import read_number  # noqa: E402
from digits.images.written_numbers import write_number  # noqa: E402
from digits.nets import models  # noqa: E402
from digits.page.menu import DEFAULT_MODEL  # noqa: E402

GAPS = {"wide (0.4)": 0.4, "close (0.12)": 0.12, "touching (0)": 0.0, "overlapping (-0.08)": -0.08}
LENGTHS = range(2, 9)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--numbers", type=int, default=10, help="numbers of each length, for each gap")
    parser.add_argument("--networks", default=",".join(dict.fromkeys([DEFAULT_MODEL, *models.ARCHITECTURES])))
    args = parser.parse_args()
    names = args.networks.split(",")
    written = written_numbers(args.numbers)
    print(f"{args.numbers} numbers of each length 2-8 for each gap ({len(written)} numbers, "
          f"{sum(len(d) for _, d, _ in written)} digits), training styles by random writers; gap of the digits' height\n")
    for name in names:
        report(name, models.load(name), written)


def written_numbers(per_length, seed=36):
    rng = np.random.default_rng(seed)
    found = []
    for gap_name, gap in GAPS.items():
        for length in LENGTHS:
            for _ in range(per_length):
                digits = "".join(str(d) for d in rng.integers(0, 10, size=length))
                found.append((gap_name, digits, write_number(digits, gap, rng)))
    return found


def report(name, network, written):
    rows, times = {gap: Tally() for gap in GAPS}, {}
    for gap_name, digits, drawings in written:
        strokes = [s for drawing in drawings for s in drawing]
        started = time.process_time()
        cuttings = read_number(strokes, network.predict)
        times.setdefault(len(digits), []).append((time.process_time() - started) * 1000)
        read = cuttings[0].text if cuttings else ""
        alone = "".join(str(int(p.argmax())) for p in network.predict(np.stack([alone_image(d) for d in drawings])))
        rows[gap_name].add(digits, read, alone, touching=GAPS[gap_name] <= 0)
    print(f"{name}: gap | whole numbers exact | digits right in numbers | the same digits read alone | "
          "touching pairs right")
    for gap_name, tally in rows.items():
        print(f"  {gap_name:20} {tally.share(tally.exact, tally.numbers):>7}   {tally.share(tally.digits_right, tally.digits):>7}"
              f"   {tally.share(tally.alone_right, tally.digits):>7}   "
              + (tally.share(tally.pairs_right, tally.pairs) if tally.pairs else "     -"))
    everything = Tally.total(rows.values())
    print(f"  {'all':20} {everything.share(everything.exact, everything.numbers):>7}   "
          f"{everything.share(everything.digits_right, everything.digits):>7}   "
          f"{everything.share(everything.alone_right, everything.digits):>7}   "
          f"{everything.share(everything.pairs_right, everything.pairs):>7}")
    print("  CPython, CPU ms to read a number (a busy machine inflates wall time, not this): " + ", ".join(
        f"{n} digits p50 {np.percentile(t, 50):.0f} p95 {np.percentile(t, 95):.0f}" for n, t in sorted(times.items())))
    print()


def alone_image(strokes):
    """The digit as the digit pad reads it: drawn alone on a square pad as tall as the number pad."""
    low = np.concatenate(strokes).min(axis=0) - handwriting.PEN_WIDTH
    return to_mnist(handwriting.paint([np.asarray(s) - low for s in strokes]))


class Tally:
    def __init__(self):
        self.numbers = self.exact = self.digits = self.digits_right = self.alone_right = self.pairs = self.pairs_right = 0

    def add(self, digits, read, alone, touching):
        self.numbers += 1
        self.exact += read == digits
        self.digits += len(digits)
        self.digits_right += matched(digits, read)
        self.alone_right += sum(a == b for a, b in zip(digits, alone))
        if touching:
            self.pairs += len(digits) - 1
            if len(read) == len(digits):
                self.pairs_right += sum(read[i:i + 2] == digits[i:i + 2] for i in range(len(digits) - 1))

    @staticmethod
    def total(tallies):
        total = Tally()
        for tally in tallies:
            for key, value in vars(tally).items():
                setattr(total, key, getattr(total, key) + value)
        return total

    @staticmethod
    def share(part, whole):
        return f"{100 * part / whole:5.1f}%" if whole else "  -"


def matched(written, read):
    """How many written digits the reading has in their place: the longest common subsequence,
    so that one digit too many or too few costs only the digits it displaced."""
    table = np.zeros((len(written) + 1, len(read) + 1), dtype=int)
    for i, a in enumerate(written):
        for j, b in enumerate(read):
            table[i + 1, j + 1] = table[i, j] + 1 if a == b else max(table[i, j + 1], table[i + 1, j])
    return int(table[-1, -1])


if __name__ == "__main__":
    main()
