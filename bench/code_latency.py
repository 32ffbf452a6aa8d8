"""How quickly does the page read the drawing again with the visitor's version of a function?

  run: from a press of Run to the answer with the changed code (code-answer's data-probs), for
      each network, with the visitor's version of its first activation (ReLU that lets
      everything through; sigmoid that is a straight line for nielsen), and Reset (the shipped
      one) between presses, so every press is a new answer (target p95, cnn: at most 300 ms).

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

RUNS = 20                     # per network
SCREEN = {"width": 1280, "height": 900}
VERSIONS = {"ReLU": "def forward(self, x, train=False):\n    return x, np.ones(x.shape, dtype=bool)\n",
            "Sigmoid": "def forward(self, x, train=False):\n    activation = 0.5 + x / 4\n    return activation, activation\n"}

# Notes when each press of Run was made and when each answer's probabilities were written.
CLOCKS = """
window.clocks = { run: [], answer: [] };
addEventListener("click", (event) => {
  if (event.target.closest?.("[data-testid=code-run]")) clocks.run.push(performance.now());
}, true);
new MutationObserver(() => clocks.answer.push(performance.now()))
  .observe(document, { attributes: true, attributeFilter: ["data-probs"], subtree: true });
"""


def measure(playwright, url, model):
    """[ms from Run to the answer, ...] for one network."""
    with tempfile.TemporaryDirectory() as profile:
        context = chromium.launch_with_profile(playwright, profile, viewport=SCREEN)
        try:
            context.add_init_script(CLOCKS)
            page = chromium.open_with_network(context, url, "draw", model, TIMEOUT)
            page.locator("html[data-sections=built]").wait_for(state="attached", timeout=TIMEOUT)
            page.get_by_test_id("canvas").evaluate("pad => pad.scrollIntoView({block: 'center', behavior: 'instant'})")
            chromium.draw(page, SEVEN)
            chromium.wait_for_answer(page, TIMEOUT)
            page.locator("#inside").evaluate("s => s.scrollIntoView({behavior: 'instant'})")
            page.locator(".inside-root[data-shows=drawing][data-busy=false]").wait_for(timeout=TIMEOUT)
            kind = page.get_by_test_id("layer-2").get_attribute("data-kind")
            page.get_by_test_id("layer-2").locator(".code-open").click()
            page.locator("[data-testid=code-view]:not([data-function=''])").wait_for(timeout=TIMEOUT)
            samples = []
            for i in range(RUNS + 1):
                runs = int(page.locator(".code-editing").get_attribute("data-runs"))   # runs finished, as the page counts them
                page.get_by_test_id("code-edit").fill(VERSIONS[kind])
                page.get_by_test_id("code-run").click()
                page.locator(f".code-editing[data-runs='{runs + 1}']").wait_for(timeout=TIMEOUT)
                if i:                                                         # the first run warms up
                    samples.append(page.evaluate("clocks.answer[clocks.answer.length - 1] - clocks.run[clocks.run.length - 1]"))
                page.get_by_test_id("code-reset").click()                     # the shipped code: the next run is a new answer
                page.locator(f".code-editing[data-runs='{runs + 2}']").wait_for(timeout=TIMEOUT)
            return samples
        finally:
            context.close()


def main():
    from playwright.sync_api import sync_playwright

    with serving(ROOT / "dist", prefix="/digits/") as server, sync_playwright() as playwright:
        print(f"A press of Run to the answer with the changed code, {RUNS} runs per network, "
              "with Reset between them (target p95, cnn: at most 300 ms). In ms.")
        for model in ("cnn", "mlp", "nielsen"):
            samples = measure(playwright, server.url, model)
            print(f"  {model:8} run p50 {percentile(samples, 50):6.1f} p95 {percentile(samples, 95):6.1f} ({len(samples)})")


if __name__ == "__main__":
    main()
