"""Does a page at rest stop drawing? Frames the renderer starts per second while nothing moves.

Each load opens the page in a fresh context, waits until Python is ready, every section is built
and the machine far below has answered, and nothing the page can see is animating; then it counts
the frames the renderer starts in each of three seconds in a row, at the top of the page, and
prints the quietest: the last answers of sections coming in make a short burst, which this
leaves out; a page that never rests draws in every second. It does it again after a tour:
every section scrolled into view in turn, then back to the top. A page at rest starts a few
frames a second (the count itself asks for some); one that keeps drawing for nothing, over a
hundred (Chromium headless, which is not tied to a screen's refresh). Target: under 20.

Run it with 'python3 build.py bench', which builds dist/ first; bench/idle_frames.py N runs N loads.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

import chromium  # noqa: E402
from static_server import serving  # noqa: E402

LOADS = 5
TIMEOUT = 120_000


def settle(page):
    page.locator("[data-testid=machine][data-busy=false]").wait_for(state="attached", timeout=TIMEOUT)
    chromium.wait_until_still(page)


def quietest_second(page):
    return min(chromium.frames_rendered(page) for _ in range(3))


def tour(page):
    for section in page.locator("main > section").all():
        section.scroll_into_view_if_needed()
        chromium.wait_until_still(page)
    page.evaluate("() => scrollTo({ top: 0, behavior: 'instant' })")


def main(loads=LOADS):
    with serving(ROOT / "dist", prefix="/digits/") as server:
        from playwright.sync_api import sync_playwright
        with sync_playwright() as playwright:
            browser = chromium.launch(playwright)
            print("load  frames in the quietest second at rest: after loading  after a tour")
            for load in range(1, loads + 1):
                context = browser.new_context(viewport={"width": 1200, "height": 900})
                page = context.new_page()
                page.goto(server.url)
                page.locator("[data-testid=status][data-state=ready]").wait_for(timeout=TIMEOUT)
                page.locator("html[data-sections=built]").wait_for(state="attached", timeout=TIMEOUT)
                settle(page)
                loaded = quietest_second(page)
                tour(page)
                settle(page)
                toured = quietest_second(page)
                print(f"{load:4d}  {loaded:51d}  {toured:12d}", flush=True)
                context.close()
            browser.close()


if __name__ == "__main__":
    main(*(int(arg) for arg in sys.argv[1:]))
