"""How fast the recognizer answers: first prediction after a cold load, and pointer-up latency.

  first prediction: a fresh profile opens the page, draws a 7 at once (the pad works
      while Python loads) and waits for the answer; compared with the floor, a bare
      page that only loads the same Pyodide and numpy, measured in the same run.
  latency: for each model, from the pointerup that ends a digit to the moment the
      bars show the answer to the finished drawing (the last data-version change),
      over many drawings. Live answers while drawing keep coming; only the final one counts.

Run it with 'python3 build.py bench', which builds dist/ first.
"""

import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "py"))

import chromium  # noqa: E402
from load_time import READY_CLOCK, floor_files, time_to_ready  # noqa: E402
from static_server import serving  # noqa: E402
from digits.page.menu import DEFAULT_MODEL  # noqa: E402

COLD_RUNS = 5
DRAWINGS = 40
TIMEOUT = 120_000
SEVEN = [[(0.27, 0.2), (0.73, 0.2), (0.44, 0.85)]]

# Notes pointerup times and every change of the prediction's data-version, in ms.
CLOCKS = """
window.pointerUps = []; window.answers = [];
addEventListener("pointerup", () => pointerUps.push(performance.now()), true);
// The recognizer builds its prediction element itself: watch the whole document for it.
new MutationObserver((records) => {
  for (const { target } of records) {
    if (target.dataset?.testid === "prediction") answers.push({ at: performance.now(), digit: target.textContent });
  }
}).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-version"] });
"""


def first_prediction(playwright, url):
    """Seconds from navigation start to the first answer, drawing as soon as the pad appears."""
    with tempfile.TemporaryDirectory() as profile:
        context = chromium.launch_with_profile(playwright, profile)
        try:
            context.add_init_script(CLOCKS)
            page = context.pages[0]
            page.goto(url, wait_until="domcontentloaded")
            # The pad is live once the recognizer is set up, which also builds the bars.
            page.get_by_test_id("bar-0").wait_for(state="attached", timeout=TIMEOUT)
            chromium.draw(page, SEVEN)
            page.locator("[data-testid=prediction]:not(:empty)").wait_for(timeout=TIMEOUT)
            return page.evaluate("() => answers.find((a) => a.digit !== '').at") / 1000
        finally:
            context.close()


def floor_cold(playwright, url):
    with tempfile.TemporaryDirectory() as profile:
        context = chromium.launch_with_profile(playwright, profile)
        try:
            context.add_init_script(READY_CLOCK)
            page = context.pages[0]
            return time_to_ready(page, lambda: page.goto(url, wait_until="commit"))
        finally:
            context.close()


def latencies(playwright, url, model):
    """Milliseconds from pointerup to the final answer, for DRAWINGS drawings of a 7."""
    with tempfile.TemporaryDirectory() as profile:
        context = chromium.launch_with_profile(playwright, profile)
        try:
            context.add_init_script(CLOCKS)
            page = chromium.open_with_network(context, url, "draw", model, TIMEOUT)
            draw_and_wait(page)                             # warm up: every model loaded, first answers given
            samples = []
            for _ in range(DRAWINGS):
                page.keyboard.press("Escape")
                draw_and_wait(page)
                samples.append(page.evaluate("""() => {
                    const up = pointerUps[pointerUps.length - 1];
                    return answers[answers.length - 1].at - up;
                }"""))
            return samples
        finally:
            context.close()


def draw_and_wait(page):
    """Draw the 7 and wait until the recognizer has answered the finished drawing."""
    chromium.draw(page, SEVEN)
    chromium.wait_for_answer(page, TIMEOUT)


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def main():
    from playwright.sync_api import sync_playwright

    with serving(ROOT / "dist", prefix="/digits/") as server, sync_playwright() as playwright:
        server.overrides.update(floor_files())
        floors, firsts = [], []
        for _ in range(COLD_RUNS):
            floors.append(floor_cold(playwright, server.url + "floor/index.html"))
            firsts.append(first_prediction(playwright, server.url))
        floor, first = statistics.median(floors), statistics.median(firsts)
        print(f"Cold load, median of {COLD_RUNS}: bare Pyodide + numpy {floor:.2f} s; "
              f"first prediction {first:.2f} s; ratio {first / floor:.2f} (target at most 1.15)")
        print(f"\nPointer-up to updated bars, {DRAWINGS} drawings each (targets p95: {DEFAULT_MODEL}, the default, "
              f"< 30 ms; cnn < 50 ms, mlp < 20 ms):")
        for model in (DEFAULT_MODEL, "cnn", "mlp", "nielsen"):
            samples = latencies(playwright, server.url, model)
            print(f"  {model:8} p50 {percentile(samples, 50):6.1f} ms   p95 {percentile(samples, 95):6.1f} ms"
                  f"   max {max(samples):6.1f} ms")


if __name__ == "__main__":
    main()
