"""How fast a network trains in the page, and whether the page stays smooth meanwhile.

  throughput: the default network (nielsen, 784-30 sigmoid-10, batch 10, η 0.5) trains on the
      shipped 10,000-image subset in Pyodide, in the worker, in the slices the page uses;
      images/s and seconds per epoch, and the test accuracy (2,000 images) reached after
      each epoch and after 10 s of training.
  fine-tuning: the recipe of nets/finetune.py (80 steps of 64 images for a dense network; the cnn's
      dense layers, 40 steps of 32), half of them the visitor's drawings,
      for each shipped network, on a personal set of 10 drawings (a synthetic 1 here; the time does not depend
      on what is drawn).
  smoothness: the visitor presses Train (3 epochs) in the Train section; every main-thread
      task over 50 ms (the browser's "long tasks") is recorded until training is done.

Run it with 'python3 build.py bench', which builds dist/ first.
"""

import contextlib
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

import chromium  # noqa: E402
from static_server import serving  # noqa: E402

TIMEOUT = 300_000
EPOCHS = 3

# Trains EPOCHS epochs through the same page functions the Train section calls, timing each slice.
THROUGHPUT = """async (epochs) => {
  const python = window.app.python;
  const data = new Uint8Array(await (await fetch("data/mnist-small.npz")).arrayBuffer());
  await python.call("learn_data", data);
  await python.call("learn_start", {hidden: 30, activation: "sigmoid", learning_rate: 0.5, batch_size: 10, epochs});
  const epochsDone = [];
  let images = 0, seconds = 0, at10 = null, slice;
  do {
    const started = performance.now();
    slice = await python.call("learn_run", 0.15, null);
    seconds += (performance.now() - started) / 1000;   // wall time, messages to and from the worker included
    images += slice.losses.shape[0] * 10;             // a loss per minibatch (a PageArray: page/arrays.py)
    if (slice.test_accuracy !== undefined) {
      epochsDone.push({seconds, accuracy: slice.test_accuracy});
      if (seconds <= 10) at10 = slice.test_accuracy;
    }
  } while (!slice.done);
  return {epochs: epochsDone, images, seconds, at10};
}"""

FINE_TUNING = """async (name) => {
  const python = window.app.python;
  await python.loadModel(name);
  const images = new Uint8Array(10 * 784);
  for (let i = 0; i < 10; i++) for (let row = 4; row < 24; row++) images[i * 784 + row * 28 + 13 + (i % 3)] = 255;
  const started = performance.now();
  await python.call("finetune_start", name, images, Array(10).fill(1));   // Python picks the steps, as for the page
  while (!(await python.call("finetune_run", 0.25)).done);        // slices, as the page (TUNING_SLICE)
  await python.call("finetune_finish");
  return (performance.now() - started) / 1000;
}"""

LONG_TASKS = """
window.longTasks = [];
new PerformanceObserver((list) => longTasks.push(...list.getEntries().map((e) => e.duration)))
  .observe({ type: "longtask" });
"""


def open_page(playwright, url, profile):
    context = chromium.launch_with_profile(playwright, profile)
    page = context.pages[0]
    page.goto(url)
    page.locator("[data-testid=status][data-state=ready]").wait_for(timeout=TIMEOUT)
    return context, page


def main():
    from playwright.sync_api import sync_playwright

    with (serving(ROOT / "dist", prefix="/digits/") as server, sync_playwright() as playwright,
          contextlib.ExitStack() as stack):
        context, page = open_page(playwright, server.url, stack.enter_context(tempfile.TemporaryDirectory()))
        result = page.evaluate(THROUGHPUT, EPOCHS)
        print("Training nielsen (784-30-10 sigmoid, batch 10) in the browser, on 10,000 MNIST images:")
        previous = 0.0
        for index, epoch in enumerate(result["epochs"], 1):
            print(f"  epoch {index}: {epoch['seconds'] - previous:5.2f} s  "
                  f"({10_000 / (epoch['seconds'] - previous):,.0f} images/s), "
                  f"test accuracy {epoch['accuracy']:.2%} after {epoch['seconds']:.1f} s")
            previous = epoch["seconds"]
        print(f"  overall {result['images'] / result['seconds']:,.0f} images/s; "
              f"best test accuracy within 10 s: "
              + (f"{result['at10']:.2%}" if result["at10"] is not None else "no epoch finished"))
        for name in ("nielsen", "mlp", "cnn"):
            print(f"Fine-tuning {name} on 10 drawings, as the page does: {page.evaluate(FINE_TUNING, name):.1f} s "
                  "(steps, and accuracy on the personal set and 1,000 MNIST digits before and after)")
        context.close()

        context, page = open_page(playwright, server.url + "#train", stack.enter_context(tempfile.TemporaryDirectory()))
        page.evaluate(LONG_TASKS)
        page.get_by_test_id("train-epochs").fill(str(EPOCHS))
        page.get_by_test_id("train-start").click()
        page.locator(".train-root[data-state=done]").wait_for(timeout=TIMEOUT)
        tasks = page.evaluate("() => longTasks")
        context.close()
        print(f"Main thread while training {EPOCHS} epochs in the Train section: {len(tasks)} tasks over 50 ms, "
              f"longest {max(tasks, default=0):.0f} ms, over 100 ms: {sum(t > 100 for t in tasks)}")


if __name__ == "__main__":
    main()
