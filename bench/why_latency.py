"""Does asking why slow the answer? And how quickly does the Why section answer?

  bars: for each model, from the pointerup that ends a digit to the bars' answer to the finished
      drawing (the recognizer's answer event for it, sent once the bars show it), with the Why section in view (open:
      scrolled to its first card, Inside out of its reach) and with the page at the top (closed:
      Why is far below the fold and asks Python nothing). Both in the same page, drawing after
      drawing in turn, so both see the same machine; target: open at most 1.2x closed, at the p95.
  gradient x input, occlusion: from that pointerup to the section's map of each method for the
      drawing (target p95, cnn: gradient x input at most 150 ms after pointer-up).
  map: from the bars' answer to the ring's new place on the map of test digits (target p95 < 100 ms).
  nudge: from a press of "Change my digit" to its result, aiming at each digit but the answer
      (target: at most 2 s).

The digits are drawn by dispatching pointer events from JavaScript, so the pad need not be on
screen while the section is. Run it once dist/ is built ('python3 build.py build').
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

DRAWINGS = 20                  # of each kind, per model
NUDGES = 9                     # per model: every digit but the answer
SCREEN = {"width": 1280, "height": 900}

# Notes pointerup times and when each watched attribute changes (all set by the page's scripts).
CLOCKS = """
window.clocks = { up: [], answer: [], final: [], gradient: [], occlusion: [], map: [], nudge: [] };
addEventListener("pointerup", () => clocks.up.push(performance.now()), true);
new MutationObserver((changes) => {
  for (const { target, attributeName } of changes) {
    const now = performance.now(), id = target.dataset.testid;
    if (id === "prediction" && attributeName === "data-version") clocks.answer.push(now);
    else if (id === "attribution" && attributeName === "data-values")
      clocks[target.dataset.method === "occlusion" ? "occlusion" : "gradient"].push(now);
    else if (id === "embedding-you" && attributeName === "data-x") clocks.map.push(now);
    else if (id === "nudge-result" && attributeName === "data-values") clocks.nudge.push(now);
  }
}).observe(document, { attributes: true, attributeFilter: ["data-version", "data-values", "data-x"], subtree: true });
"""

# The recognizer's answers to finished drawings: drawn by script, a digit's moves all come at once,
# so its one reading while the pen moves lands after the finished drawing's, and the last
# data-version change is not the bars' answer to the finished drawing.
FINAL = """() => app.recognizer.events.addEventListener("answer", (event) => {
  if (event.detail?.final) clocks.final.push(performance.now());
})"""

# The last drawing's figures, in ms from its pointerup (map: from its last answer); null when not seen.
FIGURES = """() => {
  const up = clocks.up[clocks.up.length - 1], answer = clocks.answer[clocks.answer.length - 1];
  const final = clocks.final[clocks.final.length - 1];
  const after = (list, from) => { const at = list.filter((t) => t > from).pop(); return at === undefined ? null : at - from; };
  return { bars: final - up, gradient: after(clocks.gradient, up), occlusion: after(clocks.occlusion, up),
           map: after(clocks.map, answer) };
}"""


def place(page, open_):
    """The Why section's first card at the top of the screen, Inside beyond its reach (open), or the page's top (closed).

    Sections far from the screen are laid out at a guessed height until they come near (CSS
    content-visibility), and Inside grows once it has drawn the digit: the card is scrolled to
    until it stays where it was put.
    """
    if not open_:
        page.evaluate("scrollTo({ top: 0, behavior: 'instant' })")
        page.locator(".why-root[data-near=false]").wait_for(state="attached", timeout=5_000)   # it heard it is away
        return
    for _ in range(50):
        top = page.evaluate("""() => {
          const card = document.querySelector(".explain-card");
          card.scrollIntoView({ block: "start", behavior: "instant" });
          return card.getBoundingClientRect().top;
        }""")
        page.wait_for_timeout(200)
        if abs(page.evaluate("document.querySelector('.explain-card').getBoundingClientRect().top") - top) < 1:
            return
    raise RuntimeError("The Why section would not stay in view.")


def measure(playwright, url, model):
    """{"closed", "open", "gradient", "occlusion", "map", "nudge": [ms...]} for one model."""
    with tempfile.TemporaryDirectory() as profile:
        context = chromium.launch_with_profile(playwright, profile, viewport=SCREEN)
        try:
            context.add_init_script(CLOCKS)
            page = chromium.open_with_network(context, url, "draw", model, TIMEOUT)
            page.locator("html[data-sections=built]").wait_for(state="attached", timeout=TIMEOUT)   # then it scrolls to #draw
            page.evaluate(FINAL)
            chromium.read_drawing(page, SEVEN, TIMEOUT)     # warm up: the map made, the section drawn once
            place(page, True)
            page.locator("[data-testid=embedding-map][data-state=ready]").wait_for(timeout=TIMEOUT)
            page.locator(".why-root[data-shows=drawing][data-busy=false]").wait_for(timeout=TIMEOUT)
            samples = {key: [] for key in ("closed", "open", "gradient", "occlusion", "map", "nudge")}
            for i in range(2 * DRAWINGS):
                open_ = i % 2 == 1
                place(page, open_)
                version = page.locator(".why-root").get_attribute("data-version")
                chromium.read_drawing(page, SEVEN, TIMEOUT)
                if open_:
                    page.locator(f".why-root:not([data-version='{version}'])[data-shows=drawing][data-busy=false]").wait_for(timeout=TIMEOUT)
                figures = page.evaluate(FIGURES)
                samples["open" if open_ else "closed"].append(figures["bars"])
                if open_:
                    for key in ("gradient", "occlusion", "map"):
                        if figures[key] is not None:
                            samples[key].append(figures[key])
            answer = page.get_by_test_id("prediction").text_content()
            for target in (str(d) for d in range(10) if str(d) != answer):
                page.get_by_test_id("nudge-target").select_option(target)
                before = page.evaluate("clocks.nudge.length")
                started = page.evaluate("performance.now()")
                page.get_by_test_id("nudge-start").click()
                page.locator("[data-testid=nudge-start]:not([disabled])").wait_for(timeout=TIMEOUT)
                page.locator("[data-testid=nudge-result]:not([data-values=''])").wait_for(timeout=TIMEOUT)
                if page.evaluate("clocks.nudge.length") > before:
                    samples["nudge"].append(page.evaluate("clocks.nudge[clocks.nudge.length - 1]") - started)
            return samples
        finally:
            context.close()


def main():
    from playwright.sync_api import sync_playwright

    with serving(ROOT / "dist", prefix="/digits/") as server, sync_playwright() as playwright:
        print(f"Pointer-up to bars, {DRAWINGS} drawings each way in turn, Why closed and open (target: open p95 at most 1.2x closed);")
        print("pointer-up to each attribution map (target p95, cnn: gradient x input <= 150 ms); answer to the ring on the map")
        print(f"(target p95 <= 100 ms); a press of the nudge to its result, {NUDGES} targets (target <= 2 s). All in ms.")
        for model in ("cnn", "mlp", "nielsen"):
            samples = measure(playwright, server.url, model)
            closed, open_ = samples["closed"], samples["open"]
            row = (f"  {model:8} bars closed p50 {percentile(closed, 50):6.1f} p95 {percentile(closed, 95):6.1f} | "
                   f"open p50 {percentile(open_, 50):6.1f} p95 {percentile(open_, 95):6.1f} | "
                   f"ratio {percentile(open_, 95) / percentile(closed, 95):4.2f}")
            for key, label in (("gradient", "grad x input"), ("occlusion", "occlusion"), ("map", "map"), ("nudge", "nudge")):
                found = samples[key]
                row += (f" | {label} p50 {percentile(found, 50):6.1f} p95 {percentile(found, 95):6.1f} ({len(found)})"
                        if found else f" | {label} not seen")
            print(row)


if __name__ == "__main__":
    main()
