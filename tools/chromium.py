"""How the tests and benchmarks start Chromium: Debian's build, headless, with nothing phoning home."""

import os

FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"]


def executable():
    """Debian's chromium, or the one $CHROMIUM names (Playwright's own download is not used)."""
    return os.environ.get("CHROMIUM", "/usr/bin/chromium")


def launch(playwright):
    return playwright.chromium.launch(executable_path=executable(), args=FLAGS)


def launch_with_profile(playwright, profile, viewport=None):
    """Chromium with an on-disk profile (as a visitor's browser has: the HTTP and wasm caches persist)."""
    return playwright.chromium.launch_persistent_context(
        profile, executable_path=executable(), args=FLAGS, headless=True,
        viewport=viewport or {"width": 1200, "height": 900})


def open_with_network(context, url, section, model, timeout=120_000):
    """The page at `section`, reading with `model` (the link's own key, d.model), once Python is
    ready. Stops the run if the page reads with another network: a bench would time the wrong one."""
    page = context.pages[0]
    page.goto(f"{url}#{section}?d.model={model}")
    page.locator("[data-testid=status][data-state=ready]").wait_for(timeout=timeout)
    chosen = page.get_by_test_id("model-select").input_value()
    if chosen != model:
        raise SystemExit(f"The page reads with {chosen}, not {model}: the link did not choose it.")
    return page


def wait_for_answer(page, timeout=30_000, read=True):
    """Wait until the recognizer has answered everything drawn so far (its prediction's data-busy
    says "false"); with `read`, until that answer is a digit, not an empty pad's."""
    answered = "[data-testid=prediction][data-busy=false]" + (":not(:empty)" if read else "")
    page.locator(answered).wait_for(timeout=timeout)


def draw(page, strokes, steps=8):
    """Draw strokes (lists of (x, y) in 0..1 of the pad) on the page's pad with the mouse, scrolling
    back to the pad first, as a visitor who had gone to another section would."""
    pad = page.get_by_test_id("canvas")
    pad.scroll_into_view_if_needed()
    box = pad.bounding_box()
    at = lambda x, y: (box["x"] + x * box["width"], box["y"] + y * box["height"])  # noqa: E731
    for stroke in strokes:
        page.mouse.move(*at(*stroke[0]))
        page.mouse.down()
        for (x0, y0), (x1, y1) in zip(stroke, stroke[1:]):
            for i in range(1, steps + 1):
                page.mouse.move(*at(x0 + (x1 - x0) * i / steps, y0 + (y1 - y0) * i / steps))
        page.mouse.up()


def stroke_on_number_pad(page, box, stroke):
    """One stroke on the number pad with the mouse: points in units of the pad's height (it is wider
    than tall), `box` the pad's bounding box."""
    page.mouse.move(box["x"] + stroke[0][0] * box["height"], box["y"] + stroke[0][1] * box["height"])
    page.mouse.down()
    for x, y in stroke[1:]:
        page.mouse.move(box["x"] + x * box["height"], box["y"] + y * box["height"])
    page.mouse.up()


def replay(page, strokes):
    """Replay strokes on the pad by dispatching pen PointerEvents from JavaScript, as a recorder or a
    tool might: no mouse, so every point arrives at once, as fast as the page can take them.
    strokes: sequences of (x, y) in 0..1 of the pad (lists, or numpy arrays as drawings make them)."""
    strokes = [[(float(x), float(y)) for x, y in stroke] for stroke in strokes]
    page.get_by_test_id("canvas").evaluate("""(pad, strokes) => {
        const box = pad.getBoundingClientRect();
        const send = (type, [x, y]) => pad.dispatchEvent(new PointerEvent(type, {
            bubbles: true, cancelable: true, pointerId: 7, pointerType: "pen", button: 0,
            clientX: box.left + x * box.width, clientY: box.top + y * box.height}));
        for (const stroke of strokes) {
            send("pointerdown", stroke[0]);
            for (const point of stroke.slice(1)) send("pointermove", point);
            send("pointerup", stroke.at(-1));
        }
    }""", strokes)


def read_drawing(page, strokes, timeout=30_000):
    """Clear the pad, replay `strokes` on it and wait for the recognizer's reading of the whole
    drawing: a new answer (its data-version moved on), with no reading still to come. Answers the
    digit it reads, as the page shows it."""
    prediction = page.get_by_test_id("prediction")
    page.get_by_test_id("clear").click()
    page.locator("[data-testid=prediction]:empty").wait_for(timeout=timeout)
    version = prediction.get_attribute("data-version")
    replay(page, strokes)
    page.locator(f"[data-testid=prediction][data-busy=false]:not([data-version='{version}']):not(:empty)"
                 ).wait_for(timeout=timeout)
    return prediction.text_content()


def frames_rendered(page, seconds=1.0):
    """How many frames the page's renderer starts in `seconds` (BeginMainFrame, from a trace): a
    page at rest starts next to none; one that keeps drawing for nothing, a hundred or more a second."""
    session = page.context.new_cdp_session(page)
    events, complete = [], []
    session.on("Tracing.dataCollected", lambda message: events.extend(message["value"]))
    session.on("Tracing.tracingComplete", lambda message: complete.append(True))
    session.send("Tracing.start", {"categories": "cc", "transferMode": "ReportEvents"})
    page.wait_for_timeout(seconds * 1000)
    session.send("Tracing.end")
    while not complete:
        page.wait_for_timeout(20)
    session.detach()
    return sum(event["name"] == "ProxyMain::BeginMainFrame" for event in events)


def wait_until_still(page, timeout=10.0):
    """Wait until nothing on the page is animating, as far as the page itself can tell (no running
    animation or transition in document.getAnimations())."""
    for _ in range(int(timeout / 0.05)):
        if page.evaluate("() => document.getAnimations().every((a) => a.playState !== 'running')"):
            return
        page.wait_for_timeout(50)
    raise TimeoutError(f"Something on the page was still moving after {timeout} s.")
