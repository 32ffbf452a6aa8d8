"""How fast Write a number answers: from the pointer-up that ends a number's last stroke to the
number read (number-read's last data-version change), in the browser.

Numbers of 4, 5 and 8 digits by synthetic writers (written_numbers.py: training styles, close
gaps) are drawn with the mouse on the number pad, stroke after stroke with a short pause
between strokes, as a quick hand writes; every stroke asks for a reading, and only the
answer to the finished number counts. The target: p95 at most 80 ms for 5 digits with the
default network.

    python3 bench/number_latency.py [--numbers 20]     (part of 'python3 build.py bench', which builds dist/)
"""

import argparse
import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT / "py"))

import chromium  # noqa: E402
from static_server import serving  # noqa: E402

from digits.images.written_numbers import write_number  # noqa: E402
from digits.page.menu import DEFAULT_MODEL  # noqa: E402

TIMEOUT = 120_000
BETWEEN_STROKES_MS = 150
LENGTHS = (4, 5, 8)

# Notes pointerup times and every change of number-read's data-version, in ms.
CLOCKS = """
window.pointerUps = []; window.answers = [];
addEventListener("pointerup", () => pointerUps.push(performance.now()), true);
new MutationObserver((records) => {
  for (const { target } of records) {
    if (target.dataset?.testid === "number-read") answers.push({ at: performance.now(), digits: target.dataset.digits });
  }
}).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-version"] });
"""


def latencies(playwright, url, model, numbers, rng):
    """{length: [ms from the last pointerup to the number read]} and how many were read exactly."""
    with tempfile.TemporaryDirectory() as profile:
        context = chromium.launch_with_profile(playwright, profile)
        try:
            context.add_init_script(CLOCKS)
            page = chromium.open_with_network(context, url, "number", model, TIMEOUT)
            page.locator("html[data-sections=built]").wait_for(timeout=TIMEOUT)
            pad = page.get_by_test_id("number-pad")
            pad.scroll_into_view_if_needed()
            box = pad.bounding_box()
            write(page, box, write_number("31", 0.12, rng, pad_width=box["width"] / box["height"]))   # warm up
            samples, exact = {n: [] for n in LENGTHS}, {n: 0 for n in LENGTHS}
            for _ in range(numbers):
                for length in LENGTHS:
                    digits = "".join(str(d) for d in rng.integers(0, 10, size=length))
                    page.get_by_test_id("number-clear").click()
                    write(page, box, write_number(digits, 0.12, rng, pad_width=box["width"] / box["height"]))
                    at, read = page.evaluate("""() => {
                        const up = pointerUps[pointerUps.length - 1], last = answers[answers.length - 1];
                        return [last.at - up, last.digits];
                    }""")
                    samples[length].append(at)
                    exact[length] += read == digits
            return samples, exact
        finally:
            context.close()


def write(page, box, drawings):
    """Each stroke at a quick hand's pace, then wait until the page has read the whole number."""
    for stroke in (s for strokes in drawings for s in strokes):
        chromium.stroke_on_number_pad(page, box, stroke)
        page.wait_for_timeout(BETWEEN_STROKES_MS)     # the writer's pause between strokes, not a wait on the page
    page.locator("[data-testid=number-read][data-busy=false]").wait_for(timeout=TIMEOUT)


def main():
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--numbers", type=int, default=20, help="numbers of each length")
    parser.add_argument("--networks", default=DEFAULT_MODEL)
    args = parser.parse_args()
    print(f"Pointer-up to number read, {args.numbers} numbers of each length (target: p95 <= 80 ms for 5 digits "
          f"with the default network, {DEFAULT_MODEL}):")
    with serving(ROOT / "dist", prefix="/digits/") as server, sync_playwright() as playwright:
        for model in args.networks.split(","):
            samples, exact = latencies(playwright, server.url, model, args.numbers, np.random.default_rng(7))
            for length in LENGTHS:
                times = samples[length]
                print(f"  {model:8} {length} digits: p50 {np.percentile(times, 50):6.1f} ms   "
                      f"p95 {np.percentile(times, 95):6.1f} ms   max {max(times):6.1f} ms   "
                      f"(read exactly: {exact[length]} of {len(times)})")


if __name__ == "__main__":
    main()
