"""How well each network reads MNIST's test writers when they write with the pad's pen.

MNIST's test digits come from writers none of its training digits come from. Thinned to
their skeletons and redrawn with the pad's round pen (py/digits/images/pen_writers.py),
they are real people's shapes, never trained on, in the ink of the pad: a second measure
of writers the networks have not seen, beside the held-out styles of bench/styles.py,
which are our drawings of real scripts. Neither is real handwriting on the pad; where the
two agree, the change they measure is more likely real.

    python3 bench/pen_mnist.py [--digits 10000] [--weights DIR ...]   (part of 'python3 build.py bench')

--weights adds the networks of another weights folder (each NAME/manifest.json in it), to
compare a candidate with the shipped ones in one run.
"""

import argparse
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "py"))

from digits.images import pen_writers  # noqa: E402
from digits.images.data import load_mnist  # noqa: E402
from digits.images.pixels import to_float  # noqa: E402
from digits.nets import models  # noqa: E402


def networks(folders):
    found = {}
    for folder in folders:
        for manifest in sorted(Path(folder).glob("*/manifest.json")):
            label = manifest.parent.name if folder == models.WEIGHTS_DIR else f"{manifest.parent.name} ({folder})"
            found[label] = models.load(manifest.parent)
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--digits", type=int, default=10000, help="MNIST test digits to redraw")
    parser.add_argument("--weights", type=Path, nargs="*", default=[], help="more weights folders")
    args = parser.parse_args()

    images, labels = load_mnist("test")
    chosen = np.random.default_rng(7).choice(len(images), size=min(args.digits, len(images)), replace=False)
    images, labels = images[chosen], labels[chosen]
    redrawn = pen_writers.redraw(images, np.random.default_rng(8))
    print(f"{len(labels):,} MNIST test digits, as scanned and redrawn with the pad's pen\n")
    print(f"  {'network':32} {'MNIST':>7} {'pen':>7}  pen, per digit " + "".join(f"{d:>5}" for d in range(10))
          + "   most common misreadings")
    for name, model in networks([models.WEIGHTS_DIR, *args.weights]).items():
        scanned = model.predict(to_float(images)).argmax(axis=1)
        pen = model.predict(to_float(redrawn)).argmax(axis=1)
        per_digit = [np.mean(pen[labels == d] == d) for d in range(10)]
        wrong = [(int(t), int(p)) for t, p in zip(labels, pen) if t != p]
        pairs, counts = np.unique(np.array(wrong).reshape(-1, 2), axis=0, return_counts=True) if wrong else ([], [])
        common = ", ".join(f"{t}→{p} ({c})" for (t, p), c in sorted(zip(map(tuple, pairs), counts), key=lambda x: -x[1])[:4])
        print(f"  {name[:32]:32} {np.mean(scanned == labels):7.2%} {np.mean(pen == labels):7.2%}  "
              + " " * 15 + "".join(f"{share:5.0%}" for share in per_digit) + f"   {common}")


if __name__ == "__main__":
    main()
