"""Hostile and random input at scale: how many tries of each kind, and how many went wrong.

  python   every page function called through api.dispatch with random and malformed
           arguments (wrong kinds, NaN, huge numbers and sizes, deep nesting, strings
           that look like script, typed arrays of any size, too few or too many)
  files    personal sets (.npz) and networks (.zip) damaged at random: cut short, bytes
           flipped, members swapped for bombs or pickles

A crash is an answer that is neither a result nor one sentence (an unexpected Python
failure, or dispatch itself raising); lost is a loaded network that a refused call
changed or removed; slow is a call that took over a second. All should be 0.
The browser's share (pointer storms on the pad and knobs, junk in the URL hash) is in
bench/fuzz_browser.py. Run with 'python3 build.py bench', or alone: bench/fuzz.py [tries].
"""

import base64
import io
import json
import random
import sys
import time
import warnings
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "py"))

import numpy as np  # noqa: E402

from digits.nets import models  # noqa: E402
from digits.page import api

TRIES = 4000
SLOW = 1.0   # seconds


def random_value(rng, depth=0):
    """One JSON value of the kinds a broken or hostile page could send."""
    kind = rng.randrange(12)
    if kind == 0:
        return rng.choice([None, True, False])
    if kind == 1:
        return rng.choice([0, 1, -1, 7, 28, 280, 10**9, -10**9, 2**63, 10**30])
    if kind == 2:
        return rng.choice([0.5, -0.0, 1e308, -1e308, 1e-308, 3.7, float("nan"), float("inf"), float("-inf")])
    if kind == 3:
        return rng.choice(["", "cnn", "mlp", "nielsen", "yours", "mlp-tuned", "x" * 10_000,
                           "<script>alert(1)</script>", "../../etc/passwd", "sigmoid", "relu"])
    if kind == 4 and depth < 4:
        return [random_value(rng, depth + 1) for _ in range(rng.randrange(6))]
    if kind == 5 and depth < 4:
        keys = ["hidden", "activation", "epochs", "learning_rate", "batch_size", "cells", "target", "x"]
        return {rng.choice(keys): random_value(rng, depth + 1) for _ in range(rng.randrange(5))}
    if kind == 6:
        return {"binary": rng.choice([0, 1, -1, 5, "0", None])}
    if kind == 7:
        return [rng.random() for _ in range(rng.choice([0, 1, 3, 25, 784, 785]))]
    if kind == 8:
        nested = []
        for _ in range(rng.choice([50, 500])):
            nested = [nested]
        return nested
    if kind == 9:
        return [rng.choice([-1, 1]) for _ in range(rng.choice([3, 25]))]
    if kind == 10:
        return [[rng.uniform(-5, 5) for _ in range(5)] for _ in range(rng.choice([5, 25]))]
    return rng.randrange(-3, 40)


def random_binary(rng):
    """One typed array: empty, a pad's bitmap, an image, a zip's start, or noise."""
    size = rng.choice([0, 1, 784, 280 * 280, 1000])
    noise = np.random.default_rng(rng.randrange(2**32)).integers(0, 256, size, dtype=np.uint8)
    return rng.choice([noise, np.zeros(size, np.uint8), np.frombuffer(b"PK\x03\x04" + bytes(60), np.uint8),
                       np.zeros(784, np.float32)])


def damaged(rng, data):
    """`data` broken in one of the ways a file breaks or is made to break."""
    data = bytearray(data)
    kind = rng.randrange(4)
    if kind == 0:
        return bytes(data[:rng.randrange(len(data))])                      # cut short
    if kind == 1:
        for _ in range(rng.randrange(1, 20)):                               # bytes flipped
            data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
        return bytes(data)
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as original, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for name in original.namelist():
            if kind == 2 and rng.random() < 0.5:
                out.writestr(name, b"\0" * (64 * 2**20))                    # a bomb in place of a member
            elif kind == 3 and rng.random() < 0.5:
                pickled = io.BytesIO()
                np.save(pickled, np.array([object()], dtype=object), allow_pickle=True)
                out.writestr(name, pickled.getvalue())                      # a pickle in place of a member
            else:
                out.writestr(name, original.read(name))
    return buffer.getvalue()


class Tally:
    """Tries, crashes and slow calls per kind of input."""

    def __init__(self):
        self.counts = {}
        self.examples = []

    def record(self, kind, answer_text, seconds):
        tries, crashes, slow = self.counts.get(kind, (0, 0, 0))
        answer = json.loads(answer_text)
        crashed = set(answer) not in ({"ok"}, {"error"})
        if crashed and len(self.examples) < 5:
            self.examples.append(f"{kind}: {answer.get('error')}")
        self.counts[kind] = (tries + 1, crashes + crashed, slow + (seconds > SLOW))


def call(page, tally, kind, name, args, binaries):
    try:
        text = json.dumps(args)
    except (ValueError, RecursionError):
        return
    started = time.perf_counter()
    try:
        answer = page.dispatch(name, text, binaries)
    except Exception as error:  # noqa: BLE001 — dispatch must never raise: count it
        answer = json.dumps({"crash": f"{type(error).__name__}: {error}"})
    tally.record(kind, answer, time.perf_counter() - started)


def main():
    tries = int(sys.argv[1]) if len(sys.argv) > 1 else TRIES
    warnings.simplefilter("ignore", RuntimeWarning)     # overflow on 1e308 inputs is numpy doing its job
    rng = random.Random(2026)
    page = api.Page()
    page.dispatch("load_model", json.dumps(["mlp", str(models.WEIGHTS_DIR / "mlp")]))
    kept = page.session.models["mlp"]
    tally = Tally()
    names = sorted(api.PAGE_FUNCTIONS)
    for _ in range(tries):
        name = rng.choice(names)
        wanted = len(api.parameters(api.page_function(name)))
        count = rng.choice([wanted, wanted, wanted, max(0, wanted - 1), wanted + 1])
        call(page, tally, "python", name, [random_value(rng) for _ in range(count)],
             [random_binary(rng) for _ in range(2)])

    personal_set = base64.b64decode(json.loads(page.dispatch(
        "personal_export", json.dumps([{"binary": 0}, [3, 1, 4]]), [np.zeros(3 * 784, np.uint8)]))["ok"])
    network = base64.b64decode(json.loads(page.dispatch("model_file", json.dumps(["mlp"]), []))["ok"])
    for _ in range(tries // 20):
        call(page, tally, "files: personal set", "personal_import", [{"binary": 0}],
             [np.frombuffer(damaged(rng, personal_set), np.uint8)])
        call(page, tally, "files: network", "adopt_model_file", ["mlp", {"binary": 0}],
             [np.frombuffer(damaged(rng, network), np.uint8)])

    lost = int(page.session.models.get("mlp") is not kept and "mlp" not in page.session.models)
    print(f"{'inputs':22} {'tries':>7} {'crashes':>8} {'slow':>5}")
    for kind, (count, crashes, slow) in tally.counts.items():
        print(f"{kind:22} {count:7d} {crashes:8d} {slow:5d}")
    print(f"networks lost: {lost}")
    for example in tally.examples:
        print(f"  crash: {example}")
    return 1 if any(crashes for _, crashes, _ in tally.counts.values()) or lost else 0


if __name__ == "__main__":
    sys.exit(main())
