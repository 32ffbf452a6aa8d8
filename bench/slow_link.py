"""Cold loads over a slower link: does the page still beat its floor when every byte costs time?

The page downloads more than the floor (our code, its compiled modules, a network's weights, a
standard library that ships compiled), and saves time on the machine. Served from 127.0.0.1, bytes
are nearly free; here Chromium's network emulation (DevTools protocol) holds every request of
the page and its worker to the link's speed, with 20 ms of latency. Cold loads, alternating
floor and page, as in bench/load_time.py.

  bench/slow_link.py [MBIT_PER_S [RUNS]]     default: 40 Mbit/s, 3 runs
"""

import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT / "bench"))

import chromium  # noqa: E402
from load_time import READY_CLOCK, floor_files, time_to_ready  # noqa: E402
from static_server import serving  # noqa: E402

MBIT_PER_S = float(sys.argv[1]) if len(sys.argv) > 1 else 40
RUNS = int(sys.argv[2]) if len(sys.argv) > 2 else 3
LATENCY_MS = 20


def cold_over_link(playwright, url):
    """Seconds to ready for a fresh profile opening `url` over the emulated link."""
    with tempfile.TemporaryDirectory() as profile:
        context = chromium.launch_with_profile(playwright, profile)
        try:
            context.add_init_script(READY_CLOCK)
            page = context.pages[0]
            devtools = context.new_cdp_session(page)
            devtools.send("Network.enable")
            bytes_per_s = MBIT_PER_S * 1e6 / 8
            devtools.send("Network.emulateNetworkConditions", {
                "offline": False, "latency": LATENCY_MS, "downloadThroughput": bytes_per_s, "uploadThroughput": bytes_per_s})
            return time_to_ready(page, lambda: page.goto(url, wait_until="commit"))
        finally:
            context.close()


def main():
    from playwright.sync_api import Error, sync_playwright

    times = {"floor": [], "page": []}
    try:
        with serving(ROOT / "dist", prefix="/digits/") as server, sync_playwright() as playwright:
            server.overrides.update(floor_files())
            urls = {"floor": server.url + "floor/index.html", "page": server.url}
            for run in range(RUNS):
                for name in (["floor", "page"] if run % 2 == 0 else ["page", "floor"]):
                    times[name].append(cold_over_link(playwright, urls[name]))
                print(f"run {run + 1}/{RUNS}: floor {times['floor'][-1]:.2f} s   page {times['page'][-1]:.2f} s", flush=True)
    except Error as error:
        print(f"The slow-link bench failed: {error.message.splitlines()[0]}", file=sys.stderr)
        return 1
    floor, page = statistics.median(times["floor"]), statistics.median(times["page"])
    print(f"\nCold load over {MBIT_PER_S:g} Mbit/s with {LATENCY_MS} ms latency, median of {RUNS} runs: "
          f"floor {floor:.2f} s   page {page:.2f} s   page/floor {page / floor:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
