"""Pictures of the page as visitors see it: each section, on a desktop and on a phone, light and dark.

    .venv/bin/python tools/screenshots.py [OUT_FOLDER [SECTION...]]     (after 'python3 build.py build')

Writes OUT_FOLDER/NAME.png (default: screenshots/) and refreshes docs/screenshot.png,
the picture in the README: a 7 drawn on the recognizer, on a desktop.
"""

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT / "py"))

import chromium  # noqa: E402
from static_server import serving  # noqa: E402

SEVEN = [[(0.27, 0.2), (0.73, 0.2), (0.44, 0.85)], [(0.38, 0.52), (0.62, 0.52)]]
SCREENS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
SECTIONS = ["draw", "number", "inside", "inside-code", "inside-answer", "why", "why-nudge", "why-map", "mnist", "evaluation", "perceptron",
            "machine", "train", "learn-more", "guided", "guided-question", "guided-result",
            "guided-changes"]


def draw(page, strokes):
    page.get_by_test_id("canvas").evaluate("pad => pad.scrollIntoView({block: 'center', behavior: 'instant'})")
    chromium.draw(page, strokes, steps=10)
    chromium.wait_for_answer(page)   # the last reading is in


def show_number(page):
    """Write a number: 1998 written by the catalogue's middle writers, each digit overlapping the one before a
    little, and where it was cut."""
    from digits.images.handwriting import STYLES
    from digits.images.written_numbers import lay_out

    pad = page.get_by_test_id("number-pad")
    pad.evaluate("pad => pad.scrollIntoView({block: 'center', behavior: 'instant'})")
    box = pad.bounding_box()
    digits = [STYLES[1]["German school: long flag"], STYLES[9]["US ball and stick: straight stick"],
              STYLES[9]["US ball and stick: straight stick"], STYLES[8]["German school: snowman"]]
    read = page.get_by_test_id("number-read")
    for stroke in (s for strokes in lay_out(digits, -0.05, 0.7, pad_width=box["width"] / box["height"]) for s in strokes):
        version = read.get_attribute("data-version")
        chromium.stroke_on_number_pad(page, box, stroke)
        page.locator(f"[data-testid=number-read]:not([data-version='{version}'])").wait_for()
    page.locator("#number").evaluate("s => s.scrollIntoView({behavior: 'instant'})")


def show_inside(page, section):
    """Inside the network: its first layers, a map chosen ("inside"), the Python of the first ReLU
    changed and run ("inside-code"), or softmax and a turned digit ("inside-answer")."""
    page.locator("#inside").evaluate("s => s.scrollIntoView({behavior: 'instant'})")
    page.locator(".inside-root[data-busy=false]").wait_for(timeout=60_000)
    if section == "inside":
        page.get_by_test_id("layer-1").locator(".map-button").nth(3).click()
        page.locator("[data-testid=layer-1] .kernel-tile").wait_for()
        page.locator("#inside").evaluate("s => s.scrollIntoView({behavior: 'instant'})")
    elif section == "inside-code":                  # ReLU changed to let everything through, and run
        page.get_by_test_id("layer-2").locator(".code-open").click()
        page.locator("[data-testid=code-view]:not([data-function=''])").wait_for()
        page.locator(".code-experiment").first.click()
        page.get_by_test_id("code-run").click()
        page.locator("[data-testid=code-answer].yours").wait_for()
        page.get_by_test_id("code-view").evaluate("s => s.scrollIntoView({block: 'start', behavior: 'instant'})")
    else:
        page.get_by_test_id("probe-rotate").focus()
        for _ in range(3):                                          # 45 degrees clockwise
            page.keyboard.press("ArrowRight")
        page.locator(".inside-pair").evaluate("s => s.scrollIntoView({behavior: 'instant'})")


def show_why(page, section):
    """Why it says that: the two maps of which pixels ("why"), a 7 changed until it reads 3
    ("why-nudge"), and the 7 among the test digits on the map ("why-map")."""
    why = page.locator("#why")
    why.evaluate("s => s.scrollIntoView({behavior: 'instant'})")
    page.locator(".why-root[data-shows=drawing][data-busy=false]").wait_for(timeout=60_000)
    if section == "why-nudge":
        page.get_by_test_id("nudge-target").select_option("3")
        page.get_by_test_id("nudge-start").click()
        page.locator("[data-testid=nudge-result][data-digit='3']").wait_for(timeout=60_000)
        page.get_by_test_id("nudge-target").evaluate("s => s.scrollIntoView({block: 'start', behavior: 'instant'})")
    elif section == "why-map":
        page.locator("[data-testid=embedding-map][data-state=ready]").wait_for(timeout=120_000)
        page.locator("[data-testid=embedding-you]:not([data-nearest=''])").wait_for(timeout=60_000)
        page.get_by_test_id("embedding-map").evaluate("s => s.scrollIntoView({block: 'center', behavior: 'instant'})")


def centred(strokes, size=0.7):
    """A style's strokes (digits.images.handwriting), centred on the pad and `size` of it across."""
    xs, ys = [x for stroke in strokes for x, _ in stroke], [y for stroke in strokes for _, y in stroke]
    cx, cy, extent = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2, max(max(xs) - min(xs), max(ys) - min(ys))
    return [[(float(0.5 + (x - cx) * size / extent), float(0.5 + (y - cy) * size / extent)) for x, y in stroke]
            for stroke in strokes]


def show_guided(page, section):
    """The guided minute beside the pad: four digits written as asked ("guided"), a drawing that
    looks like another digit ("guided-question"), then tuned and checked ("guided-result"), and the
    MNIST digits it reads otherwise since, unfolded ("guided-changes")."""
    from digits.images.handwriting import STYLES
    DIGITS = {digit: centred(next(iter(styles.values()))) for digit, styles in STYLES.items()}
    prompt = page.get_by_test_id("teach-guided-prompt")

    def write_asked(digit=None):            # replayed as pen events: many digits, and a mouse is slow
        chromium.read_drawing(page, DIGITS[int(prompt.get_attribute("data-digit")) if digit is None else digit])

    def next_one():
        step = prompt.get_attribute("data-step")
        page.get_by_test_id("teach-guided-next").click()
        page.locator(f"[data-testid=teach-guided-prompt]:not([data-step='{step}'])").wait_for(state="attached")

    if section == "guided":
        page.get_by_test_id("teach-guided-start").click()
        page.get_by_test_id("teach-guided-count").select_option("1")
        for _ in range(4):
            write_asked()
            next_one()
        write_asked()
    elif section == "guided-question":
        page.get_by_test_id("clear").click()
        asked = int(prompt.get_attribute("data-digit"))
        write_asked(7 if asked != 7 else 1)
        page.get_by_test_id("teach-guided-next").click()
        page.get_by_test_id("teach-guided-confirm").wait_for()
    elif section == "guided-changes":
        changes = page.get_by_test_id("mnist-changes")
        if not changes.count():
            print("  the tuning changed the reading of no MNIST test digit: nothing to unfold")
        else:
            changes.locator("summary").click()
            changes.evaluate("s => s.scrollIntoView({block: 'end', behavior: 'instant'})")
            return
    else:
        page.get_by_test_id("teach-guided-rewrite").click()
        while prompt.is_visible():
            write_asked()
            next_one()
        page.locator("[data-testid=teach-guided-result]:not([data-name=''])").wait_for(timeout=300_000)
        page.get_by_test_id("teach-guided-check").click()
        while prompt.is_visible():
            write_asked()
            next_one()
        page.locator("[data-testid=teach-guided-result]:not([data-after=''])").wait_for(timeout=60_000)
        print("  tuned in", page.get_by_test_id("teach-guided-result").get_attribute("data-seconds"), "s;",
              page.get_by_test_id("teach-guided-result").inner_text().replace("\n", " "))
    page.get_by_test_id("teach-guided").evaluate("s => s.scrollIntoView({block: 'end', behavior: 'instant'})")


# Sections the browser has not laid out yet stand in at an estimated height (content-visibility),
# and take their own as they come near the screen: scroll again until the section stays put.
SETTLE_IN_VIEW = """async (section) => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    let last = null;
    for (let tries = 0; tries < 20; tries += 1) {
        section.scrollIntoView({ behavior: "instant" });
        await frame();
        const top = section.getBoundingClientRect().top;
        if (last !== null && Math.abs(top - last) < 1) return;
        last = top;
    }
}"""


def bring_into_view(page, selector):
    """Scroll the page to `selector`'s top, as a visitor's link would take them there."""
    page.locator(selector).evaluate(SETTLE_IN_VIEW)


def main(out, sections=SECTIONS):
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    with serving(ROOT / "dist", prefix="/digits/") as server, sync_playwright() as playwright:
        browser = chromium.launch(playwright)
        for scheme in ("light", "dark"):
            for screen, viewport in SCREENS.items():
                context = browser.new_context(viewport=viewport, color_scheme=scheme,
                                              has_touch=screen == "phone", device_scale_factor=1)
                page = context.new_page()
                page.goto(server.url)
                page.locator("[data-testid=status][data-state=ready]").wait_for(timeout=120_000)
                draw(page, SEVEN)
                for section in sections:
                    if section.startswith("guided"):
                        show_guided(page, section)
                    elif section.startswith("inside"):   # the layers with a map chosen; then softmax and a probe
                        show_inside(page, section)
                    elif section.startswith("why"):
                        show_why(page, section)
                    elif section == "number":
                        show_number(page)
                    elif section == "evaluation":    # How good is it?, below Meet MNIST, with a cell open
                        page.locator(".evaluation-root").evaluate("s => s.scrollIntoView({behavior: 'instant'})")
                        page.locator("[data-testid=confusion-matrix][data-state=finished]").wait_for(timeout=120_000)
                        page.get_by_test_id("confusion-9-4").click()
                        page.locator(".evaluation-root").evaluate("s => s.scrollIntoView({behavior: 'instant'})")
                    else:
                        bring_into_view(page, f"#{section}")
                    if section == "mnist":
                        page.locator("[data-testid=mnist-gallery][data-state=ready]").wait_for(timeout=120_000)
                    if section == "train":          # show it after a short run
                        page.get_by_test_id("train-epochs").fill("2")
                        page.get_by_test_id("train-start").click()
                        page.locator(".train-root[data-state=done]").wait_for(timeout=120_000)
                        page.locator(f"#{section}").evaluate("s => s.scrollIntoView({behavior: 'instant'})")
                    page.wait_for_timeout(400)
                    path = out / f"{section}-{screen}-{scheme}.png"
                    page.screenshot(path=path)
                    print(path)
                context.close()
        browser.close()
    (ROOT / "docs").mkdir(exist_ok=True)
    if "draw" in sections:
        shutil.copyfile(out / "draw-desktop-light.png", ROOT / "docs" / "screenshot.png")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "screenshots", sys.argv[2:] or SECTIONS)
