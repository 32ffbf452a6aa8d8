"""How long the page takes to learn a visitor's handwriting: fine-tuning on 20 drawings, in the browser.

A synthetic person (images/writers.py) draws each digit twice, as the guided minute asks;
the page fine-tunes each shipped network (the default, writers, first) on the 20 drawings
through the functions the page calls (finetune_start, finetune_run in slices of 0.25 s,
finetune_finish), in Pyodide, in the worker. Printed: the seconds of the tuning's steps
(start and slices, messages included), of the finish (measuring the tuned network on 1,000
MNIST digits, the first time for the untuned one too), and the same steps in CPython for
the ratio between them.

Run it with 'python3 build.py bench', which builds dist/ first.
"""

import contextlib
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")   # the worker has one thread: so does CPython here

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT / "py"))

from static_server import serving  # noqa: E402
from train_browser import open_page  # noqa: E402 — the same page, opened the same way

from digits.images import handwriting  # noqa: E402
from digits.images.pixels import to_uint8  # noqa: E402
from digits.images.writers import people  # noqa: E402
from digits.nets import models  # noqa: E402
from digits.page import teach, training  # noqa: E402
from digits.page.session import Session  # noqa: E402

NETWORKS = [name for name in ("writers", "cnn", "mlp", "nielsen") if (ROOT / "weights" / name).is_dir()]
SLICE = 0.25                 # seconds of tuning per call, as the page's TUNING_SLICE

TUNING = """async ([name, images, labels, slice]) => {
  const python = window.app.python;
  await python.loadModel(name);
  if (!window.subsetGiven) {
    const subset = await fetch("data/mnist-small.npz");
    await python.call("learn_data", new Uint8Array(await subset.arrayBuffer()));
    window.subsetGiven = true;
  }
  const started = performance.now();
  await python.call("finetune_start", name, new Uint8Array(images), labels);
  let slices = 0;
  while (!(await python.call("finetune_run", slice)).done) slices += 1;
  const tuned = performance.now();
  const answer = await python.call("finetune_finish");
  return { steps: (tuned - started) / 1000, finish: (performance.now() - tuned) / 1000, slices: slices + 1,
           mnistBefore: answer.mnist_before, mnistAfter: answer.mnist_after };
}"""


def drawings():
    """Two drawings of each digit by one synthetic person: uint8 (20, 28, 28) and their digits."""
    person = people(1, seed=7)[0]
    drawn = person.drawings(2, seed=0)
    return to_uint8(handwriting.as_mnist(drawn)), [digit for digit, _, _ in drawn]


def cpython_seconds(name, images, labels):
    session = Session()
    training.learn_data(session, (ROOT / "data" / "web" / "mnist-small.npz").read_bytes())
    session.models[name] = models.load(name)
    started = time.perf_counter()
    teach.finetune_start(session, name, images.ravel(), labels)
    while not teach.finetune_run(session, SLICE)["done"]:
        pass
    return time.perf_counter() - started


def main():
    from playwright.sync_api import sync_playwright

    images, labels = drawings()
    with (serving(ROOT / "dist", prefix="/digits/") as server, sync_playwright() as playwright,
          contextlib.ExitStack() as stack):
        context, page = open_page(playwright, server.url, stack.enter_context(tempfile.TemporaryDirectory()))
        print("Fine-tuning on 20 drawings (each digit twice), in the browser and in CPython:")
        for name in NETWORKS:
            result = page.evaluate(TUNING, [name, images.ravel().tolist(), labels, SLICE])
            cpython = cpython_seconds(name, images, labels)
            print(f"  {name:8} steps {result['steps']:5.1f} s in {result['slices']} slices, then the finish "
                  f"{result['finish']:4.1f} s (MNIST {result['mnistBefore']:.1%} → {result['mnistAfter']:.1%}); "
                  f"CPython steps {cpython:4.2f} s, {result['steps'] / cpython:.1f}x", flush=True)
        context.close()


if __name__ == "__main__":
    main()
