"""Does looking inside slow the answer? Pointer-up to updated bars with the inside view open and
closed, and how long the inside view takes to show the answer in full.

  bars: for each model, from the pointerup that ends a digit to the moment the bars show the
      answer to the finished drawing (the prediction's last data-version change), with the
      Inside section in view below the pad (open: a screen tall enough for both; the section
      follows every finished drawing) and far below the fold (closed: a 1280x900 screen at the
      top; it asks Python nothing). Both in the same page, drawing after drawing in turn, so
      that both see the same machine; target: open at most 1.2x closed, at the p95.
  inside: from that answer to the section's next data-version, which it bumps once every
      layer, softmax, the loss and the probe being tried are drawn (target p95 < 150 ms, cnn).

Run it with 'python3 build.py bench', which builds dist/ first, or on its own once dist/ is built.
"""

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT / "bench"))

import chromium  # noqa: E402
from recognizer_latency import SEVEN, TIMEOUT, percentile  # noqa: E402
from static_server import serving  # noqa: E402

DRAWINGS = 30                  # of each kind, per model
# Closed: a desktop screen at the top of the page, the Inside section more than its 100 px
# margin below the fold. Open: as wide, and tall enough to show the pad and the section's top.
CLOSED = {"width": 1280, "height": 900}

# Notes pointerup times, every change of the prediction's data-version and of the Inside root's
# (watched from the document: both are made by the page's scripts, after DOMContentLoaded).
CLOCKS = """
window.pointerUps = []; window.answers = []; window.insides = [];
addEventListener("pointerup", () => pointerUps.push(performance.now()), true);
new MutationObserver((changes) => {
  for (const { target } of changes) {
    if (target.dataset.testid === "prediction") answers.push(performance.now());
    else if (target.classList.contains("inside-root")) insides.push(performance.now());
  }
}).observe(document, { attributes: true, attributeFilter: ["data-version"], subtree: true });
"""

# The last drawing's figures: pointerup to its final answer, and that answer to the inside view's next version.
FIGURES = """() => {
  const up = pointerUps[pointerUps.length - 1], answer = answers[answers.length - 1];
  const inside = insides.find((at) => at > answer);
  return { bars: answer - up, inside: inside === undefined ? null : inside - answer };
}"""


def place(page, open_):
    """The pad on screen, and the Inside section in view below it (open) or far below (closed)."""
    if open_:
        reach = page.evaluate("""() => {
          const top = (selector) => document.querySelector(selector).getBoundingClientRect().top + scrollY;
          return top("#inside") - top("[data-testid=canvas]") + document.querySelector(".masthead").offsetHeight;
        }""")
        page.set_viewport_size({"width": CLOSED["width"], "height": max(CLOSED["height"], round(reach) + 40)})
    else:
        page.set_viewport_size(CLOSED)
    page.evaluate("""(open) => {
      const pad = document.querySelector("[data-testid=canvas]").getBoundingClientRect().top + scrollY;
      scrollTo({ top: open ? pad - document.querySelector(".masthead").offsetHeight - 8 : 0, behavior: "instant" });
    }""", open_)
    page.locator(f".inside-root[data-near={'true' if open_ else 'false'}]").wait_for(state="attached", timeout=5_000)


def draw_and_wait(page, inside):
    """Draw the 7; wait for the recognizer's answer to the finished drawing and, if `inside`, for
    the Inside section's drawing of it."""
    version = page.locator(".inside-root").get_attribute("data-version")
    chromium.draw(page, SEVEN)
    chromium.wait_for_answer(page, TIMEOUT)
    if inside:
        page.locator(f".inside-root:not([data-version='{version}'])[data-busy=false]").wait_for(timeout=TIMEOUT)


def measure(playwright, url, model):
    """{"closed": [ms...], "open": [ms...], "inside": [ms...]} for DRAWINGS drawings of each kind."""
    with tempfile.TemporaryDirectory() as profile:
        context = chromium.launch_with_profile(playwright, profile, viewport=CLOSED)
        try:
            context.add_init_script(CLOCKS)
            page = chromium.open_with_network(context, url, "draw", model, TIMEOUT)
            draw_and_wait(page, inside=False)            # warm up: every network loaded, the answer's cards laid out,
            for open_ in (False, True):                   # then Inside drawn once
                place(page, open_)
                draw_and_wait(page, inside=open_)
            samples = {"closed": [], "open": [], "inside": []}
            for i in range(2 * DRAWINGS):
                open_ = i % 2 == 1
                place(page, open_)
                page.keyboard.press("Escape")
                chromium.wait_for_answer(page, TIMEOUT, read=False)
                draw_and_wait(page, inside=open_)
                figures = page.evaluate(FIGURES)
                samples["open" if open_ else "closed"].append(figures["bars"])
                if open_ and figures["inside"] is not None:
                    samples["inside"].append(figures["inside"])
            return samples
        finally:
            context.close()


def main():
    from playwright.sync_api import sync_playwright

    with serving(ROOT / "dist", prefix="/digits/") as server, sync_playwright() as playwright:
        print(f"Pointer-up to updated bars, {DRAWINGS} drawings each way, in turn (target: open p95 at most 1.2x closed);")
        print("answer to a complete inside view (target p95: cnn < 150 ms):")
        for model in ("cnn", "mlp", "nielsen"):
            samples = measure(playwright, server.url, model)
            closed, open_, inside = (samples[key] for key in ("closed", "open", "inside"))
            ratio = percentile(open_, 95) / percentile(closed, 95)
            print(f"  {model:8} bars closed p50 {percentile(closed, 50):6.1f}  p95 {percentile(closed, 95):6.1f} ms | "
                  f"open p50 {percentile(open_, 50):6.1f}  p95 {percentile(open_, 95):6.1f} ms | ratio {ratio:4.2f} | "
                  f"inside p50 {percentile(inside, 50):6.1f}  p95 {percentile(inside, 95):6.1f} ms ({len(inside)} of {DRAWINGS})")


if __name__ == "__main__":
    main()
