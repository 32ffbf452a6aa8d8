"""How well and how fast the page's convnet learns in the browser, against a dense network.

  learning: the default convnet (training.CONV_DEFAULTS: conv 8 of 5x5, pool, conv 16 of 5x5, pool,
      ten outputs; Adam, batch 32, 10 epochs) trains in Pyodide, in the worker, in the page's
      slices, on the shipped 10,000 digits. At 60 s and at 5 minutes of training the network is downloaded as the
      page downloads it (a weights/NAME/ zip) and read here, in CPython, on the 2,000 test digits.
      The training time is the wall time of the page's learn_run calls, messages included;
      downloading and reading are not training, so their time is not counted. A run whose epochs
      end before a checkpoint is read as it ended.
  speed: images per second for that network in the browser (over the whole run) and in CPython
      (the same Run, the same slices, numpy's BLAS on one thread as the worker is), side by side.
  a dense network of similar size (784-8-10, sigmoid, SGD η 0.5, batch 10: 6,370 weights against
      the convnet's 5,994) trains for the same 60 s, or its 50 epochs (the most the page allows)
      if they take less, and is read the same way.
  smoothness: the visitor draws a 7, picks the convnet in the Train section and presses Train;
      once it trains, every main-thread task over 50 ms (the browser's "long tasks") is recorded
      for 30 s, while the page redraws the charts, the kernels and the 7's feature maps.

Run it with 'python3 build.py bench', which builds dist/ first.
"""

import base64
import contextlib
import io
import os
import sys
import tempfile
import time
import zipfile
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")   # the browser trains on one thread, its worker: so does CPython here

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT / "py"))

import chromium  # noqa: E402
import numpy as np  # noqa: E402
from static_server import serving  # noqa: E402
from digits.images.pixels import to_float  # noqa: E402
from digits.nets import models  # noqa: E402
from digits.page import training
from digits.page.session import Session  # noqa: E402
from train_browser import LONG_TASKS, open_page  # noqa: E402 — the same page, opened and watched the same way

TIMEOUT = 600_000
CHECKPOINTS = (60, 300)           # seconds of training at which the network is read
DENSE = {**training.DEFAULTS, "hidden": 8, "epochs": 50}
SMOOTH_SECONDS = 30
SEVEN = [[(0.27, 0.2), (0.73, 0.2), (0.44, 0.85)]]

# Trains `config` through the page functions the Train section calls, until the last checkpoint,
# and downloads the network at each checkpoint (and at each epoch's end: the accuracy the page shows).
LEARNING = """async ([config, checkpoints]) => {
  const python = window.app.python;
  const subset = await fetch("data/mnist-small.npz");               // once per Python, as the page hands it over
  await python.call("learn_data", new Uint8Array(await subset.arrayBuffer()));
  await python.call("learn_start", config);
  const epochs = [], snapshots = [];
  let images = 0, seconds = 0, slice, next = 0;
  do {
    const started = performance.now();
    slice = await python.call("learn_run", 0.15, null);
    seconds += (performance.now() - started) / 1000;
    images += slice.losses.shape[0] * config.batch_size;     // a loss per minibatch (a PageArray)
    if (slice.test_accuracy !== undefined) epochs.push({ seconds, accuracy: slice.test_accuracy });
    if (seconds >= checkpoints[next]) {
      await python.call("learn_use");
      snapshots.push({ seconds, images, file: await python.call("model_file", "yours", {}) });
      next += 1;
    }
  } while (!slice.done && next < checkpoints.length);
  if (next < checkpoints.length) {             // done before the last checkpoint: read it as it ended
    await python.call("learn_use");
    snapshots.push({ seconds, images, file: await python.call("model_file", "yours", {}), done: true });
  }
  return { epochs, snapshots, images, seconds };
}"""

def test_accuracy(zip_base64, test):
    """The downloaded network, loaded as `build.py predict` loads a weights folder, on the test digits."""
    with zipfile.ZipFile(io.BytesIO(base64.b64decode(zip_base64))) as archive:
        model, _ = models.read_saved("downloaded", archive.read)
    images, labels = test
    return float((model.predict(to_float(images)).argmax(axis=1) == labels).mean())


def cpython_images_per_second(config, seconds=15.0):
    """The same run, in this CPython, in the page's slices: images per second."""
    session = Session()
    training.learn_data(session, (ROOT / "data" / "web" / "mnist-small.npz").read_bytes())
    training.learn_start(session, config)
    images, started = 0, time.perf_counter()
    while time.perf_counter() - started < seconds:
        images += training.learn_run(session, 0.15)["losses"]["shape"][0] * config["batch_size"]
    return images / (time.perf_counter() - started)


def report_learning(title, result, test, checkpoints):
    print(title)
    epochs = result["epochs"]
    if len(epochs) > 12:        # a quick network's many epochs, in one line
        print(f"  {len(epochs)} epochs in {epochs[-1]['seconds']:.1f} s; after each, from "
              f"{min(e['accuracy'] for e in epochs):.2%} to {max(e['accuracy'] for e in epochs):.2%} of the test digits")
    for epoch, done in enumerate(epochs if len(epochs) <= 12 else [], 1):
        print(f"  epoch {epoch:2d} done at {done['seconds']:6.1f} s: {done['accuracy']:.2%} of the test digits")
    for at, snapshot in zip(checkpoints, result["snapshots"]):
        when = f"done, within {at} s" if snapshot.get("done") else f"after {at} s"
        print(f"  {when} of training ({snapshot['seconds']:.1f} s, {snapshot['images']:,} images): "
              f"{test_accuracy(snapshot['file'], test):.2%} of {len(test[1]):,} test digits")
    return result["images"] / result["seconds"]


def main():
    from playwright.sync_api import sync_playwright

    with np.load(ROOT / "data" / "web" / "mnist-small.npz") as subset:
        test = subset["test_images"], subset["test_labels"]
    conv = {**training.CONV_DEFAULTS}
    parameters = training.learn_shape(conv)["parameters"]
    with (serving(ROOT / "dist", prefix="/digits/") as server, sync_playwright() as playwright,
          contextlib.ExitStack() as stack):
        context, page = open_page(playwright, server.url, stack.enter_context(tempfile.TemporaryDirectory()))
        result = page.evaluate(LEARNING, [conv, list(CHECKPOINTS)])
        browser_rate = report_learning(
            f"The default convnet ({parameters:,} weights; {conv['filters1']} and {conv['filters2']} filters, "
            f"Adam η {conv['learning_rate']}, batch {conv['batch_size']}, shifts up to {conv['shift']} px) "
            "in the browser, on 10,000 MNIST digits:", result, test, CHECKPOINTS)
        dense = page.evaluate(LEARNING, [DENSE, [CHECKPOINTS[0]]])
        dense_rate = report_learning(
            f"A dense network of similar size (784-{DENSE['hidden']}-10 sigmoid, "
            f"{training.learn_shape(DENSE)['parameters']:,} weights, SGD η {DENSE['learning_rate']}, "
            f"batch {DENSE['batch_size']}) for the same time:", dense, test, CHECKPOINTS[:1])
        context.close()
        print(f"Images per second, convnet: browser {browser_rate:,.0f}, CPython {cpython_images_per_second(conv):,.0f}; "
              f"dense 784-{DENSE['hidden']}-10: browser {dense_rate:,.0f}")

        context, page = open_page(playwright, server.url + "#train", stack.enter_context(tempfile.TemporaryDirectory()))
        page.locator(".train-root[data-kept=restored]").wait_for(timeout=TIMEOUT)
        page.get_by_test_id("canvas").evaluate("pad => pad.scrollIntoView({block: 'center', behavior: 'instant'})")
        chromium.draw(page, SEVEN)                 # a digit in the recognizer: the feature maps are drawn too
        page.get_by_test_id("train-network").select_option("conv")
        page.get_by_test_id("train-start").click()
        page.locator(".train-root[data-state=training]").wait_for(timeout=TIMEOUT)
        page.evaluate(LONG_TASKS)                  # from the first slice on: the tasks while it trains
        page.wait_for_timeout(SMOOTH_SECONDS * 1000)
        tasks = page.evaluate("() => longTasks")
        context.close()
        print(f"Main thread while the convnet trains in the Train section ({SMOOTH_SECONDS} s): "
              f"{len(tasks)} tasks over 50 ms, longest {max(tasks, default=0):.0f} ms")


if __name__ == "__main__":
    main()
