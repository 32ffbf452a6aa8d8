"""The page's share of the fuzzing: pointer storms on the pad and the knobs, junk in every URL key.

Thousands of scripted pointer events (zero-length strokes, strokes far off the element,
several fingers, pointercancel, ups without downs) on the pad and on the machine's knobs,
and every URL key given every kind of junk (tools/hostile_page.py). Printed: inputs tried
per kind, console errors and uncaught errors (0), values that did not fall back to a default
or a valid value (0), and whether the page still reads a drawn 7 and its knobs stay in range.
bench/fuzz.py does the same for Python's page functions and the files a visitor imports.
Run it with 'python3 build.py bench', which builds dist/ first.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

import chromium  # noqa: E402
from hostile_page import JUNK, POINTER_STORM, URL_JUNK, url_keys  # noqa: E402
from static_server import serving  # noqa: E402

SEQUENCES = 2000
TIMEOUT = 300_000
SEVEN = [[(0.25, 0.2), (0.75, 0.2), (0.45, 0.85)]]
READY = "[data-testid=status][data-state=ready]"


def main():
    from playwright.sync_api import Error, sync_playwright

    rows, errors = [], []
    try:
        with serving(ROOT / "dist", prefix="/digits/") as server, sync_playwright() as playwright:
            browser = chromium.launch(playwright)
            page = browser.new_page(viewport={"width": 1200, "height": 900})
            page.set_default_timeout(TIMEOUT)
            page.on("console", lambda message: message.type == "error" and errors.append(message.text))
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.goto(server.url + "#machine")
            page.locator(READY).wait_for(state="attached", timeout=TIMEOUT)
            page.locator("[data-testid=machine-loss]").wait_for()

            tried = page.evaluate(POINTER_STORM, ["[data-testid^=machine-knob-], [data-testid^=machine-output-knob-]",
                                                  SEQUENCES, 7])
            in_range = page.evaluate("""() => [...document.querySelectorAll('[data-testid^=machine-knob-]')].every((k) =>
                Math.abs(Number(k.getAttribute('aria-valuenow'))) <= Number(k.getAttribute('aria-valuemax')))""")
            rows.append(("pointer events, knobs", tried, "knobs in range" if in_range else "A KNOB LEFT ITS RANGE"))

            page.get_by_test_id("canvas").scroll_into_view_if_needed()
            tried = page.evaluate(POINTER_STORM, ["[data-testid=canvas]", SEQUENCES, 8])
            chromium.wait_for_answer(page, read=False)
            page.get_by_test_id("clear").click()
            chromium.draw(page, SEVEN)
            chromium.wait_for_answer(page, read=False)
            reads = page.get_by_test_id("prediction").text_content()
            rows.append(("pointer events, pad", tried, f"then reads a drawn 7 as {reads}"))

            junk = page.evaluate(URL_JUNK, [url_keys(), JUNK])
            rows.append(("URL values", junk["tried"], f"{len(junk['wrong'])} not falling back"))
            browser.close()
    except Error as error:
        print(f"The browser fuzz bench failed: {error.message.splitlines()[0]}", file=sys.stderr)
        return 1
    print(f"{'inputs':24} {'tried':>7}  afterwards")
    for kind, tried, after in rows:
        print(f"{kind:24} {tried:7d}  {after}")
    print(f"console and uncaught errors: {len(errors)}")
    for error in errors[:5]:
        print(f"  {error[:160]}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
