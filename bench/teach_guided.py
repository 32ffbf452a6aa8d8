"""The guided minute as a visitor goes through it: synthetic people write on the page's own pad.

Each person (images/writers.py) reads their drawings to the network first: 10 of each digit
written on the recognizer's pad (replayed as a pen would draw them) and read by the network
the page opened with. Then they press Teach it my handwriting, write each digit the prompt
asks for (two of each, their own drawings) and press Next, keeping the drawing as the digit
asked when the page asks whether it is another; and once the page has tuned the network,
they write the same 100 drawings again for the tuned network to read. Forget ends each
person's turn. All of it through the page's contract (the data-testid of DESIGN.md), as an
outside check would run it.

Beside each person, the same drawings through CPython: the 20 painted as the pad paints
them (handwriting.as_mnist), taught with `digits.page.teach.finetune` in the order the page
asked for them, and the 100 read before and after. The page and CPython should read alike:
the pad, its preprocessing and the tuning are the same code.

    python3 bench/teach_guided.py [--people 4] [--network writers] [--seed 0]   (after 'python3 build.py build')
"""

import argparse
import contextlib
import os
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")   # the page's worker has one thread: so does CPython here

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT / "py"))

import numpy as np  # noqa: E402

import chromium  # noqa: E402
from guided_minute import forget, teach_on_page, tuned_in_cpython  # noqa: E402
from static_server import serving  # noqa: E402

from digits.images import handwriting  # noqa: E402
from digits.images.pixels import to_float, to_uint8  # noqa: E402
from digits.images.writers import people  # noqa: E402
from digits.nets import models  # noqa: E402
from digits.page import training  # noqa: E402
from digits.page.menu import DEFAULT_MODEL  # noqa: E402
from digits.page.session import Session  # noqa: E402

TAUGHT, READ = 2, 10         # drawings of each digit: taught (the guided minute's default), read
TUNING_TIMEOUT = 180_000     # ms


def one_person(page, session, network, person):
    """One person's turn: read on the page before, taught through the guided minute, read after;
    then the same in CPython. Answers {what: whether each read drawing was read right (or, for
    "alike after", read as CPython read it)}, the tuning's seconds and how many drawings it asked about."""
    taught = defaultdict(list)
    for digit, _, strokes in person.drawings(TAUGHT, seed=1):
        taught[digit].append(strokes)
    read = person.drawings(READ, seed=2)
    digits = np.array([digit for digit, _, _ in read])
    page_before = np.array([int(chromium.read_drawing(page, strokes)) for _, _, strokes in read])
    order, questions = teach_on_page(page, taught)
    result = page.locator(f"[data-testid=teach-guided-result][data-name='{network}-tuned']")
    result.wait_for(timeout=TUNING_TIMEOUT)
    seconds = float(result.get_attribute("data-seconds"))
    page_after = np.array([int(chromium.read_drawing(page, strokes)) for _, _, strokes in read])
    forget(page, network)
    read_images = to_float(to_uint8(handwriting.as_mnist(read)))
    python_before = session.models[network].predict(read_images).argmax(axis=1)
    python_after = tuned_in_cpython(session, network, taught, order)[0].predict(read_images).argmax(axis=1)
    return ({"page before": page_before == digits, "page after": page_after == digits,
             "CPython before": python_before == digits, "CPython after": python_after == digits,
             "alike after": page_after == python_after}, seconds, questions)


def main():
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=4)
    parser.add_argument("--network", default=DEFAULT_MODEL)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    session = Session()
    training.learn_data(session, (ROOT / "data" / "web" / "mnist-small.npz").read_bytes())
    session.models[args.network] = models.load(args.network)
    print(f"{args.people} synthetic people teach {args.network} {TAUGHT} drawings of each digit through the guided "
          f"minute, and are read on {READ} other drawings of each digit, on the page and in CPython:")
    totals = defaultdict(list)
    with (serving(ROOT / "dist", prefix="/digits/") as server, sync_playwright() as playwright,
          contextlib.ExitStack() as stack):
        context = chromium.launch_with_profile(playwright, stack.enter_context(tempfile.TemporaryDirectory()))
        page = chromium.open_with_network(context, server.url, "draw", args.network)
        page.on("dialog", lambda dialog: dialog.accept())       # Forget asks first
        for person in people(args.people, seed=args.seed):
            figures, seconds, questions = one_person(page, session, args.network, person)
            for key, right in figures.items():
                totals[key].append(right.mean())
            print(f"  {person.name}: page {figures['page before'].mean():.0%} → {figures['page after'].mean():.0%} "
                  f"(tuned in {seconds:.1f} s, {questions} asked about), CPython "
                  f"{figures['CPython before'].mean():.0%} → {figures['CPython after'].mean():.0%}; "
                  f"the two read {figures['alike after'].mean():.0%} of them alike after", flush=True)
        context.close()
    print("  Average (the lowest person):")
    for where in ("page", "CPython"):
        before, after = totals[f"{where} before"], totals[f"{where} after"]
        print(f"    {where:8} before {np.mean(before):7.2%} ({np.min(before):.0%})"
              f"   after {np.mean(after):7.2%} ({np.min(after):.0%})")
    print(f"    the page and CPython read {np.mean(totals['alike after']):.2%} of the drawings alike after the tuning")


if __name__ == "__main__":
    main()
