"""How well fine-tuning learns one person's handwriting from k drawings of each digit.

Each person teaches k drawings of each digit (k = 1, 2, 3) through the page's own
fine-tuning (`digits.page.teach.finetune`, CPython, numpy on one thread as in the
page's worker) and is then read on 10 other drawings of each digit: before and
after, per person, the average and the worst. Three kinds of people, made differently,
because one stand-in alone overstates what tuning gains:

  people: synthetic writers (`images/writers.py`): each learned a school script (the
      held-out French and Nordic scripts as often as the others) and writes some digits
      in another style of the catalogue, held-out ones included; one fixed style and
      fixed proportions, slant, size and pen speed per digit, varied a little per drawing;
      drawn with the pad's ink and read through the page's preprocessing.
  mnist: people made of MNIST's own test digits: for each digit, one cluster of similar
      test digits, among the clusters least like the average digit (k-means on 14x14
      thumbnails; digits the page measures MNIST on are left out), all changed by that
      person's fixed hand (a slant, a turn, an aspect, a
      finer or broader pen) as a different writer would draw them.
  pen: people made the same way (other clusters), then redrawn along their skeletons with
      the pad's round pen, one pen width for all of a person's digits
      (`images/pen_writers.py`): real people's shapes in the pad's ink. The hardest of the
      three: a cluster gathers many writers' digits, less alike than one person's.

MNIST before and after: the share of the page's 1,000 MNIST test digits read right, as
the page measures it: on average, the lowest after, and how many tunings forgot more than
half a point of it. Seconds: the tuning's steps in CPython (the page takes about
BROWSER_RATIO times as long for the cnn: `bench/teach_browser.py` measures it there).

    python3 bench/teach_writers.py [--people 12] [--networks cnn,mlp,nielsen] [--k 1,2,3]
        [--kinds people,mnist,pen] [--set steps=30 --set dense.learning_rate=0.002 ...]

`--set` changes the recipe (`digits.nets.finetune.Recipe`) for every kind of network, or
for `dense.` (ReLU), `sigmoid.` or `convolutional.` ones alone: how the recipe was chosen.
"""

import argparse
import os
import sys
import time
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")   # the page's worker has one thread: so does CPython here

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "py"))

import numpy as np  # noqa: E402

from digits.images import distort, handwriting, pen_writers  # noqa: E402
from digits.images.data import load_mnist  # noqa: E402
from digits.images.pixels import to_float, to_uint8  # noqa: E402
from digits.images.writers import people  # noqa: E402
from digits.nets import finetune, models  # noqa: E402
from digits.page import teach, training  # noqa: E402
from digits.page.session import Session  # noqa: E402

SUBSET = ROOT / "data" / "web" / "mnist-small.npz"
WEIGHTS = ROOT / "weights"
READ = 10                    # drawings of each digit each person is read on
MOST_TAUGHT = 3
PAGE_TEST_DIGITS = 2_000     # MNIST's first test digits ship with the page, which measures tuning on them
FORGETS = teach.FORGETS      # a tuning "forgot" MNIST if it reads more than half a point less of it afterwards
CLUSTERS = 25                # style clusters per digit among MNIST's other test digits


def synthetic_people(count, seed):
    """[(name, taught (digits, 3 per digit, images uint8), read (images, digits))] of `people`."""
    crowd = []
    for person in people(count, seed=seed):
        taught = person.drawings(MOST_TAUGHT, seed=1)
        read = person.drawings(READ, seed=2)
        held = f", held-out styles for {''.join(map(str, person.held_out))}" if person.held_out else ""
        crowd.append((person.name + held, pictures(taught), pictures(read)))
    return crowd


def pictures(drawings):
    images = to_uint8(handwriting.as_mnist(drawings))
    return images, np.array([digit for digit, _, _ in drawings])


def mnist_people(count, seed, pen=False):
    """People made of clusters of MNIST test digits (those the page does not measure on),
    each cluster changed by the person's own hand; with `pen`, then redrawn along their
    skeletons with the pad's pen, one width for all of the person's digits."""
    images, labels = load_mnist("test")
    images, labels = images[PAGE_TEST_DIGITS:], labels[PAGE_TEST_DIGITS:]
    rng = np.random.default_rng(seed)
    clusters = {digit: [np.flatnonzero(labels == digit)[group] for group in style_clusters(images[labels == digit], rng)]
                for digit in range(10)}
    crowd = []
    for index in range(count):
        taught, read = [], []
        for digit in range(10):
            members = clusters[digit][rng.integers(len(clusters[digit]))]
            chosen = rng.permutation(members)[:MOST_TAUGHT + READ]
            taught.append(chosen[:MOST_TAUGHT])
            read.append(chosen[MOST_TAUGHT:])
        hand = personal_hand(rng)
        describe = ", ".join(f"{key} {value:+.2f}" for key, value in hand.items())
        pen_share = None
        if pen:
            pen_share = rng.uniform(*pen_writers.PEN_SHARE)
            describe = f"{describe}, pad pen {pen_share:.3f} of the digit"

        def draw(chosen):
            drawn = in_hand(images[np.concatenate(chosen)], hand)
            return pen_writers.redraw(drawn, rng, pen_share) if pen else drawn

        crowd.append((f"{index + 1}, MNIST clusters ({describe})",
                      (draw(taught), np.repeat(np.arange(10), MOST_TAUGHT)),
                      (draw(read), np.repeat(np.arange(10), READ))))
    return crowd


def pen_people(count, seed):
    """People made of MNIST test digits as mnist_people, redrawn with the pad's pen."""
    return mnist_people(count, seed + 1, pen=True)


def style_clusters(images, rng, iterations=12):
    """Indices of `images` in the atypical half of CLUSTERS k-means clusters of their 14x14
    thumbnails (the clusters whose centres lie furthest from the average digit) that have at
    least MOST_TAUGHT + READ members: people who write a digit unlike most."""
    thumbs = images.reshape(len(images), 14, 2, 14, 2).mean(axis=(2, 4)).reshape(len(images), -1) / 255
    centres = thumbs[rng.choice(len(thumbs), CLUSTERS, replace=False)]
    for _ in range(iterations):
        nearest = ((thumbs[:, None, :] - centres[None]) ** 2).sum(axis=2).argmin(axis=1)
        centres = np.stack([thumbs[nearest == c].mean(axis=0) if (nearest == c).any() else centres[c]
                            for c in range(CLUSTERS)])
    atypical = np.argsort(((centres - thumbs.mean(axis=0)) ** 2).sum(axis=1))[CLUSTERS // 2:]
    groups = [np.flatnonzero(nearest == c) for c in atypical]
    return [group for group in groups if len(group) >= MOST_TAUGHT + READ]


def personal_hand(rng):
    """A fixed slant (shear), turn (degrees), aspect (x stretched by √(1 + aspect), y shrunk
    as much) and pen (pixels broader on each side) for all of one person's digits."""
    return {"slant": rng.uniform(-0.45, 0.45), "turn": rng.uniform(-12, 12), "aspect": rng.uniform(-0.3, 0.3),
            "pen": rng.uniform(-0.6, 1.2)}


def in_hand(images, hand):
    """uint8 `images` as the person's `hand` (personal_hand) would have drawn them."""
    images = to_float(images)
    images = distort.pen(images, hand["pen"])
    aspect = 1 + hand["aspect"]
    matrix = distort.linear_map(hand["turn"], hand["slant"], aspect ** 0.5, aspect ** -0.5)
    images = distort.warp(images, np.repeat(matrix[None], len(images), axis=0), np.zeros((len(images), 2)))
    return to_uint8(images)


def apply_settings(settings):
    """Change finetune.RECIPES by `--set` settings ("key=value", "dense.key=value")."""
    for setting in settings:
        key, value = setting.split("=")
        kinds = list(finetune.RECIPES)
        if "." in key:
            kind, key = key.split(".")
            kinds = [kind]
        for kind in kinds:
            current = getattr(finetune.RECIPES[kind], key)
            finetune.RECIPES[kind] = replace(finetune.RECIPES[kind], **{key: type(current)(value)})


def tune(session, name, taught, read, k):
    """Teach `name` k of each digit of `taught`; (before, after) on `read`, MNIST before and after, seconds."""
    images, digits = taught
    chosen = np.concatenate([np.flatnonzero(digits == digit)[:k] for digit in range(10)])
    base = session.models[name]
    before = float((base.predict(to_float(read[0])).argmax(axis=1) == read[1]).mean())
    started = time.perf_counter()
    teach.finetune_start(session, name, images[chosen].ravel(), digits[chosen].tolist())
    teach.finetune_run(session, seconds=float("inf"))
    seconds = time.perf_counter() - started
    answer = teach.finetune_finish(session)
    tuned = session.models[answer["name"]]
    after = float((tuned.predict(to_float(read[0])).argmax(axis=1) == read[1]).mean())
    del session.models[answer["name"]]
    session.originals.pop(answer["name"], None)
    return before, after, answer["mnist_before"], answer["mnist_after"], seconds


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=12, help="people of each kind")
    parser.add_argument("--networks", default=None, help="comma-separated (default: cnn, mlp, nielsen, writers if shipped)")
    parser.add_argument("--k", default="1,2,3", help="drawings of each digit taught")
    parser.add_argument("--kinds", default="people,mnist,pen")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--set", action="append", default=[], help="a recipe setting, e.g. steps=30")
    parser.add_argument("--quiet", action="store_true", help="no line per person")
    args = parser.parse_args()
    apply_settings(args.set)
    names = args.networks.split(",") if args.networks else [
        name for name in ("cnn", "mlp", "nielsen", "writers") if (WEIGHTS / name / "manifest.json").exists()]
    ks = [int(k) for k in args.k.split(",")]
    session = Session()
    training.learn_data(session, SUBSET.read_bytes())
    for name in names:
        session.models[name] = models.load(name)
    print("Recipes:", "; ".join(f"{kind}: {recipe}" for kind, recipe in finetune.RECIPES.items()))
    makers = {"people": (synthetic_people, "synthetic people"), "mnist": (mnist_people, "people made of MNIST test digits"),
              "pen": (pen_people, "people made of MNIST test digits, redrawn with the pad's pen")}
    for kind in args.kinds.split(","):
        make, title = makers[kind]
        crowd = make(args.people, args.seed)
        print(f"\n{title.capitalize()}: {len(crowd)}, each read on {READ} other drawings of each digit")
        print(f"{'network':8} k  before: mean  worst   after: mean  worst   MNIST before  after  lowest  forgot   seconds")
        for name in names:
            rows = {k: [tune(session, name, taught, read, k) for _, taught, read in crowd] for k in ks}
            for k, results in rows.items():
                before, after, mnist_before, mnist_after, seconds = np.array(results).T
                # 1e-9: a drop of exactly half a point may come out a hair over it in floats
                forgot = int((mnist_before - mnist_after > FORGETS + 1e-9).sum())
                print(f"{name:8} {k}  {before.mean():12.2%} {before.min():6.1%}  {after.mean():12.2%} {after.min():6.1%}"
                      f"   {mnist_before.mean():11.1%} {mnist_after.mean():6.1%} {mnist_after.min():6.1%}"
                      f"  {forgot:3} of {len(results)}  {seconds.mean():6.2f}", flush=True)
            if not args.quiet:
                for index, (person, _, _) in enumerate(crowd):
                    cells = "  ".join(f"k={k} {rows[k][index][0]:.0%}→{rows[k][index][1]:.0%}" for k in ks)
                    print(f"    {cells}   {person}")


if __name__ == "__main__":
    main()
