"""Time to ready of the page, against the floor: a bare page that only loads Pyodide and numpy.

Both are served from dist/ in the same run, by the same server, under a sub-path
as on GitHub Pages. The floor page loads the same vendored Pyodide and numpy in
a module worker and nothing else; it is served through the server's overrides,
so it never ships. Runs alternate between the two, since this machine is noisy.

  cold:   a fresh browser profile each run, so an empty HTTP cache
  warm 1: a reload in the same profile, from the HTTP cache
  warm 2: a second reload, when Chromium also has the compiled WebAssembly cached
  kept:   (the page only) a reload once the service worker has kept the site: every file
          comes from its cache
  offline: (the page only) the same with the network switched off

A profile on disk, as a visitor's browser has: Playwright's usual in-memory
contexts cannot hold the 10 MB pyodide.asm.wasm in their cache.

Time to ready is read in the page, from navigation start to the moment
[data-testid=status] gets data-state="ready", so Playwright's polling adds nothing.
Run it with 'python3 build.py bench', which builds dist/ first; bench/load_time.py N runs N times.
"""

import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

import chromium  # noqa: E402
from runtime import read_runtime  # noqa: E402
from static_server import serving  # noqa: E402

RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else 5     # bench/load_time.py N: N runs
KINDS = ["cold", "warm 1", "warm 2"]
OFFLINE_KINDS = ["kept", "offline"]       # the page only: the floor has no service worker
TIMEOUT = 120_000       # ms
SETTLE = 6_000          # ms on the page before a reload, as a visitor stays
READY = "[data-testid=status][data-state=ready]"
KEPT = "[data-testid=offline-note][data-state=ready]"

FLOOR_PAGE = b"""<!doctype html>
<meta charset="utf-8">
<title>Floor: Pyodide and numpy only</title>
<link rel="icon" href="data:,">
<p data-testid="status" data-state="loading">Loading Python</p>
<script type="module" src="main.js"></script>
"""
FLOOR_MAIN = b"""
const worker = new Worker("worker.js", { type: "module" });
worker.onmessage = () => document.querySelector("[data-testid=status]").dataset.state = "ready";
"""
FLOOR_WORKER = b"""
import { loadPyodide } from "../pyodide/pyodide.mjs";
const pyodide = await loadPyodide({ indexURL: new URL("../pyodide/", import.meta.url).href });
await pyodide.loadPackage("numpy", { messageCallback: () => {} });
pyodide.runPython("import numpy");
postMessage("ready");
"""


def floor_files():
    """The floor, served as overrides under the site, next to its pyodide/ folder, which the floor's
    worker imports from: Pyodide as released, with its own standard library (the site ships that
    compiled, in py/python_stdlib.zip, and leaves Pyodide's out)."""
    runtime, _ = read_runtime()
    return {"floor/index.html": FLOOR_PAGE, "floor/main.js": FLOOR_MAIN, "floor/worker.js": FLOOR_WORKER,
            "pyodide/python_stdlib.zip": runtime["python_stdlib.zip"]}


# Notes the moment the status turns ready, in ms since navigation start.
READY_CLOCK = """
new MutationObserver((_, observer) => {
  if (document.querySelector('%s')) { window.readyAt = performance.now(); observer.disconnect(); }
}).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-state"] });
""" % READY


def time_to_ready(page, load):
    """Seconds from navigation start to ready, for a page opened (or reloaded) by `load`."""
    load()
    page.locator(READY).wait_for(state="attached", timeout=TIMEOUT)
    return page.evaluate("() => window.readyAt") / 1000


# The stages the page's worker marks on its timeline (site/js/worker.js), then the page's ready.
STAGES = ["python-started", "numpy-loaded", "code-unpacked", "code-imported", "ready"]
# Each marked stage's moment on the clock all timelines share (their origin plus their own time).
WORKER_STAGES = """(names) => Object.fromEntries(names.flatMap((name) => {
  const mark = performance.getEntriesByName(name)[0];
  return mark ? [[name, performance.timeOrigin + mark.startTime]] : [];
}))"""


def stages(page):
    """When the page's worker reached each stage of its start, and when the page was ready: ms since navigation."""
    workers = [worker for worker in page.workers if worker.url.endswith("/js/worker.js")]
    if not workers:
        return {}
    origin = page.evaluate("() => performance.timeOrigin")
    marks = {name: at - origin for name, at in workers[0].evaluate(WORKER_STAGES, STAGES[:-1]).items()}
    return marks | {"ready": page.evaluate("() => window.readyAt")}


def cold_then_warm(playwright, url, offline=False):
    """[cold, warm 1, warm 2] time to ready: a fresh profile opens the url, then reloads it twice;
    and the stages of each of those starts (empty for the floor, which marks none).

    With `offline`, then [kept, offline]: once the service worker has kept the site, a reload,
    and a reload with the network off.
    """
    with tempfile.TemporaryDirectory() as profile:
        context = playwright.chromium.launch_persistent_context(
            profile, executable_path=chromium.executable(), args=chromium.FLAGS, headless=True)
        try:
            context.add_init_script(READY_CLOCK)
            page = context.pages[0] if context.pages else context.new_page()
            times, marks = [], []

            def measure(load):
                times.append(time_to_ready(page, load))
                marks.append(stages(page))

            measure(lambda: page.goto(url, wait_until="commit"))
            for _ in KINDS[1:]:
                page.wait_for_timeout(SETTLE)
                measure(lambda: page.reload(wait_until="commit"))
            if offline:
                page.locator(KEPT).wait_for(state="attached", timeout=TIMEOUT)
                page.wait_for_timeout(SETTLE)
                measure(lambda: page.reload(wait_until="commit"))
                context.set_offline(True)
                page.wait_for_timeout(SETTLE)
                measure(lambda: page.reload(wait_until="commit"))
        finally:
            context.close()
    return times, marks


def main():
    from playwright.sync_api import Error, sync_playwright

    times = {"floor": {kind: [] for kind in KINDS}, "page": {kind: [] for kind in KINDS + OFFLINE_KINDS}}
    page_stages = {kind: [] for kind in times["page"]}
    try:
        with serving(ROOT / "dist", prefix="/digits/") as server, sync_playwright() as playwright:
            server.overrides.update(floor_files())
            urls = {"floor": server.url + "floor/index.html", "page": server.url}
            for run in range(RUNS):
                order = ["floor", "page"] if run % 2 == 0 else ["page", "floor"]
                for name in order:
                    measured, marks = cold_then_warm(playwright, urls[name], offline=name == "page")
                    for kind, seconds, marked in zip(times[name], measured, marks):
                        times[name][kind].append(seconds)
                        if name == "page":
                            page_stages[kind].append(marked)
                print(f"run {run + 1}/{RUNS}: " + "   ".join(
                    f"{name} " + ", ".join(f"{kind} {values[-1]:.2f}" for kind, values in times[name].items())
                    for name in urls) + "  (s)", flush=True)
    except Error as error:
        print(f"The load-time bench failed: {error.message.splitlines()[0]}", file=sys.stderr)
        return 1
    report(times)
    report_stages(page_stages)
    return 0


def report(times):
    median = {name: {kind: statistics.median(values) for kind, values in kinds.items()}
              for name, kinds in times.items()}
    print(f"\nTime to ready, median of {RUNS} runs (headless Chromium, served from 127.0.0.1):")
    for kind, meaning in zip(KINDS, ["fresh profile, empty cache", "reload, HTTP cache",
                                     "reload, HTTP and wasm code cache"]):
        floor, page = median["floor"][kind], median["page"][kind]
        print(f"  {kind:7} {'(' + meaning + ')':35} floor {floor:5.2f} s   page {page:5.2f} s   page/floor {page / floor:.2f}")
    warm_floor = median["floor"]["warm 2"]
    for kind, meaning in zip(OFFLINE_KINDS, ["reload, from the service worker's copy", "the same, offline"]):
        page = median["page"][kind]
        print(f"  {kind:7} {'(' + meaning + ')':35} floor {warm_floor:5.2f} s   page {page:5.2f} s   "
              f"page/floor {page / warm_floor:.2f}  (floor: its warm 2)")
    print("  targets: page/floor at most 1.10 cold and 1.05 for a reload after one visit")


def report_stages(page_stages):
    """Where the page's starts go: the median moment of each stage its worker marks, per kind of load."""
    print("\nThe page's stages, median ms since navigation start:")
    print(f"  {'':9}" + "".join(f"{stage:>16}" for stage in STAGES))
    for kind, runs in page_stages.items():
        moments = [statistics.median(run[stage] for run in runs) if all(stage in run for run in runs) else float("nan")
                   for stage in STAGES]
        print(f"  {kind:9}" + "".join(f"{moment:16.0f}" for moment in moments))


if __name__ == "__main__":
    sys.exit(main())
