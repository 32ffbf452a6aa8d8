"""The recognizer, driven like a visitor would: draw with mouse and finger, read the answer."""

import json
import math
import re
from pathlib import Path

import numpy as np
import pytest
from playwright.sync_api import expect

import chromium

from digits.images import handwriting
from digits.images.preprocess import to_mnist
from digits.nets import models
from digits.page.menu import DEFAULT_MODEL

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.browser

# Digits as strokes in unit coordinates (x, y) of the pad, drawn the way people draw them.
ONE = [[(0.47, 0.18), (0.52, 0.84)]]
ZERO = [[(0.5 + 0.22 * math.sin(t), 0.5 - 0.33 * math.cos(t))
         for t in np.linspace(0, 2 * math.pi + 0.2, 40)]]
SEVEN = [[(0.27, 0.2), (0.73, 0.2), (0.44, 0.85)]]
SEVEN_WITH_BAR = SEVEN + [[(0.38, 0.52), (0.62, 0.52)]]


def pad_box(page):
    return page.get_by_test_id("canvas").bounding_box()


def points_on_pad(page, stroke, steps=6):
    """Screen points along a stroke, with intermediate points so the pad sees real movement."""
    box = pad_box(page)
    out = []
    for (x0, y0), (x1, y1) in zip(stroke, stroke[1:]):
        for t in np.linspace(0, 1, steps, endpoint=False):
            out.append((box["x"] + (x0 + (x1 - x0) * t) * box["width"],
                        box["y"] + (y0 + (y1 - y0) * t) * box["height"]))
    x, y = stroke[-1]
    out.append((box["x"] + x * box["width"], box["y"] + y * box["height"]))
    return out


def version(page):
    return int(page.get_by_test_id("prediction").get_attribute("data-version"))


def wait_for_new_answer(page, after):
    """Wait until the prediction's data-version passes `after`, and no reading is still to come."""
    prediction = page.get_by_test_id("prediction")
    expect(prediction).not_to_have_attribute("data-version", str(after), timeout=30_000)
    # Live answers may still arrive from moves before pointerup: data-busy says when the last one is in.
    expect(prediction).to_have_attribute("data-busy", "false", timeout=30_000)
    return prediction.text_content()


def draw_with_mouse(page, strokes, steps=6):
    page.get_by_test_id("canvas").evaluate("pad => pad.scrollIntoView({block: 'center', behavior: 'instant'})")
    before = version(page)
    for stroke in strokes:
        points = points_on_pad(page, stroke, steps)
        page.mouse.move(*points[0])
        page.mouse.down()
        for point in points[1:]:
            page.mouse.move(*point)
        page.mouse.up()
    return wait_for_new_answer(page, before)


def draw_with_finger(page, strokes):
    session = page.context.new_cdp_session(page)
    before = version(page)
    for stroke in strokes:
        points = points_on_pad(page, stroke)
        touch = lambda kind, p: session.send("Input.dispatchTouchEvent", {  # noqa: E731
            "type": kind, "touchPoints": [] if kind == "touchEnd" else [{"x": p[0], "y": p[1]}]})
        touch("touchStart", points[0])
        for point in points[1:]:
            touch("touchMove", point)
        touch("touchEnd", points[-1])
    return wait_for_new_answer(page, before)


def draw_with_script(page, strokes):
    """Strokes replayed by dispatching PointerEvents from JavaScript, as a recorder or a tool might."""
    before = version(page)
    chromium.replay(page, strokes)
    return wait_for_new_answer(page, before)


def probabilities(page):
    return [float(page.get_by_test_id(f"bar-{d}").get_attribute("data-prob")) for d in range(10)]


def start_over(page):
    """Put a shared page's recognizer back as it opens: the default network chosen, the pad cleared
    and its empty answer in, the recognizer's notes folded, nothing focused."""
    prediction = page.get_by_test_id("prediction")
    select = page.get_by_test_id("model-select")
    if select.input_value() != DEFAULT_MODEL:
        before = version(page)
        select.select_option(DEFAULT_MODEL)
        expect(prediction).not_to_have_attribute("data-version", str(before))
    if prediction.text_content() != "":
        before = version(page)
        page.get_by_test_id("clear").click()
        expect(prediction).not_to_have_attribute("data-version", str(before))
    expect(prediction).to_have_text("")
    expect(prediction).to_have_attribute("data-busy", "false")
    page.evaluate("""() => {
        document.querySelectorAll("#draw details[open]").forEach((fold) => { fold.open = false; });
        document.activeElement?.blur();
    }""")


@pytest.fixture
def app(open_shared_app):
    """The page at its default view, booted once for the module and started over for each test."""
    page = open_shared_app()
    start_over(page)
    page.evaluate("() => window.scrollTo(0, 0)")
    return page


@pytest.mark.parametrize("strokes, digit", [(ONE, "1"), (ZERO, "0"), (SEVEN, "7"), (SEVEN_WITH_BAR, "7")],
                         ids=["one", "zero", "seven", "seven-with-bar"])
def test_drawn_digits_are_read_right(app, strokes, digit):
    assert draw_with_mouse(app, strokes) == digit
    p = probabilities(app)
    assert sum(p) == pytest.approx(1, abs=1e-4)
    assert max(p) == p[int(digit)]
    expect(app.get_by_test_id(f"bar-{digit}")).to_have_class("bar top")


def test_an_unsure_answer_points_the_visitor_to_teaching_it_their_handwriting(app):
    hint = app.get_by_test_id("unsure")
    unsure = []
    for strokes in (ZERO, [[(0.3, 0.5), (0.7, 0.52)]]):          # a clear 0, then a dash that is no digit
        app.get_by_test_id("clear").click()
        draw_with_mouse(app, strokes)
        guessing = max(probabilities(app)) < 0.6
        expect(hint).to_be_visible() if guessing else expect(hint).to_be_hidden()
        unsure.append(guessing)
    assert unsure == [False, True]
    expect(hint.get_by_role("link")).to_have_attribute("href", "#train")
    app.get_by_test_id("clear").click()
    expect(hint).to_be_hidden()


@pytest.mark.parametrize("name", ["writers", "mlp", "nielsen"])
def test_each_network_says_what_it_learned_from_and_the_styles_it_still_misreads(app, name):
    manifest = json.loads((ROOT / "weights" / name / "manifest.json").read_text())
    app.get_by_test_id("model-select").select_option(name)
    note = app.get_by_test_id("model-styles")
    if note.get_attribute("open") is None:
        note.locator("summary").click()
    expect(note).to_contain_text(f"{manifest['recipe']['handwriting']:,} digits drawn as pen strokes")
    redrawn = f"{manifest['recipe'].get('pen_mnist', 0):,} of them redrawn along their middle lines"
    expect(note).to_contain_text(redrawn) if manifest["recipe"].get("pen_mnist") else expect(note).not_to_contain_text("redrawn")
    expect(note).to_contain_text("German school")                 # a trained script
    expect(note).to_contain_text("French school")                 # a held-out one
    measured = manifest["held_out_styles"]
    shown = re.search(r"it reads >?(\d+)% of them right", note.inner_text())
    assert abs(int(shown.group(1)) - 100 * np.mean([r["read_right"] for r in measured.values()])) <= 1
    for style, result in measured.items():
        line = f"{result['digit']}, {style.replace(': ', ', ')}: "
        if result["read_right"] < 0.9:
            expect(note).to_contain_text(line)
        else:
            expect(note).not_to_contain_text(line)
    expect(note.get_by_role("link")).to_have_attribute("href", "#train")


def test_the_seeds_cnn_says_it_learned_mnist_alone_and_names_the_network_for_drawings(app):
    app.get_by_test_id("model-select").select_option("cnn")
    assert json.loads((ROOT / "weights" / "cnn" / "manifest.json").read_text())["recipe"]["handwriting"] == 0
    note = app.get_by_test_id("model-styles")
    if note.get_attribute("open") is None:
        note.locator("summary").click()
    expect(note).to_contain_text("It learned from MNIST's 60,000 training digits alone")
    expect(note).to_contain_text(f"For your drawings, {DEFAULT_MODEL} reads better.")
    expect(app.get_by_test_id("model-select").locator("option[value=cnn]")).to_contain_text("the seed's, made for MNIST")


def test_drawing_with_a_finger_works(touch_app):
    assert draw_with_finger(touch_app, ZERO) == "0"


def test_strokes_replayed_by_a_script_are_drawn_and_read(app):
    assert draw_with_script(app, SEVEN_WITH_BAR) == "7"
    app.get_by_test_id("clear").click()
    assert draw_with_script(app, ZERO) == "0"


def test_empty_canvas_clear_and_undo(app):
    prediction = app.get_by_test_id("prediction")
    expect(prediction).to_have_text("")
    assert max(probabilities(app)) == 0

    assert draw_with_mouse(app, ONE) == "1"
    before = version(app)
    app.get_by_test_id("clear").click()
    expect(prediction).not_to_have_attribute("data-version", str(before))
    expect(prediction).to_have_text("")
    assert max(probabilities(app)) == 0

    draw_with_mouse(app, SEVEN)
    assert draw_with_mouse(app, [[(0.2, 0.9), (0.8, 0.9)]]) != ""     # a stray line under the 7
    before = version(app)
    app.get_by_test_id("undo").click()
    expect(prediction).not_to_have_attribute("data-version", str(before))
    expect(prediction).to_have_text("7")

    before = version(app)
    app.keyboard.press("Escape")                   # the keyboard shortcut clears too
    expect(prediction).not_to_have_attribute("data-version", str(before))
    expect(prediction).to_have_text("")


def last_answer(page):
    return page.evaluate("""() => {
        const last = window.app.recognizer.last;
        return {bitmap: Array.from(last.bitmap.data), height: last.bitmap.height, width: last.bitmap.width,
                image: last.image, probabilities: last.probabilities, model: last.model};
    }""")


def test_preprocessing_in_the_browser_matches_cpython(app):
    draw_with_mouse(app, SEVEN_WITH_BAR)
    answer = last_answer(app)
    bitmap = np.array(answer["bitmap"], dtype=np.uint8).reshape(answer["height"], answer["width"])
    expected = to_mnist(bitmap)
    np.testing.assert_allclose(np.array(answer["image"]).reshape(28, 28), expected, atol=1e-6)
    preprocessed = app.get_by_test_id("preprocessed")
    assert preprocessed.get_attribute("width") == "28" and preprocessed.get_attribute("height") == "28"


def test_switching_models_repredicts_and_matches_cpython(app):
    draw_with_mouse(app, ZERO)
    for name in ("mlp", "nielsen", "cnn"):
        before = version(app)
        app.get_by_test_id("model-select").select_option(name)
        wait_for_new_answer(app, before)
        answer = last_answer(app)
        assert answer["model"] == name
        expected = models.load(name).predict(np.array(answer["image"], np.float32).reshape(1, 28, 28))[0]
        np.testing.assert_allclose(answer["probabilities"], expected, atol=1e-5)
        assert f"d.model={name}" in app.url
        manifest = json.loads((models.WEIGHTS_DIR / name / "manifest.json").read_text())
        facts = expect(app.locator(".model-facts"))
        facts.to_contain_text(f"{manifest['test_correct']:,} of 10,000 MNIST test digits right")
        if manifest["recipe"].get("handwriting"):
            expect(app.get_by_test_id("model-styles")).to_contain_text(
                f"{manifest['recipe']['handwriting']:,} digits drawn as pen strokes")
        else:
            facts.not_to_contain_text("drawn as pen strokes")
    expect(app.locator(".compare-row")).to_have_count(len(list((ROOT / "weights").glob("*/manifest.json"))))


def test_the_model_in_the_link_is_the_one_used(open_app):
    page = open_app("#draw?d.model=nielsen")
    expect(page.get_by_test_id("model-select")).to_have_value("nielsen")
    draw_with_mouse(page, ONE)
    assert last_answer(page)["model"] == "nielsen"


def test_a_corrupt_weights_file_is_named_and_other_models_still_work(open_app, serve_override):
    serve_override(f"weights/{DEFAULT_MODEL}/9_W.npy", b"\x93NUMPY not really")
    page = open_app("", wait_ready=False)
    status = page.get_by_test_id("status")
    expect(status).to_have_attribute("data-state", "error", timeout=60_000)
    expect(status).to_have_text(f"Model '{DEFAULT_MODEL}': weights file 9_W.npy is corrupt "
                                "(its sha256 does not match the manifest).")
    page.get_by_test_id("model-select").select_option("mlp")
    assert draw_with_mouse(page, ONE) == "1"
    expect(status).to_have_attribute("data-state", "ready")


def test_no_memory_growth_over_300_predictions(app):
    draw_with_mouse(app, SEVEN)
    measure = "() => window.app.python.memory()"
    run = """async (n) => {
        const {data, height, width} = window.app.recognizer.last.bitmap;
        for (let i = 0; i < n; i++) await window.app.python.call("predict", "cnn", data, height, width);
    }"""
    app.evaluate(run, 50)
    before = app.evaluate(measure)
    app.evaluate(run, 300)
    after = app.evaluate(measure)
    assert after["objects"] - before["objects"] < 50, (before, after)
    assert after["wasmBytes"] == before["wasmBytes"], (before, after)


def test_a_phone_never_scrolls_sideways(touch_app):
    draw_with_finger(touch_app, SEVEN)
    width = touch_app.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 390


def test_a_python_failure_is_a_sentence_and_the_page_recovers(app):
    draw_with_mouse(app, ONE)
    message = app.evaluate("""() => window.app.python.call("predict", "cnn", new Uint8Array(4), "two", 2)
        .then(() => "no error", (error) => error.message)""")
    assert message == "predict needs a whole number for height, not a string."
    assert draw_with_mouse(app, SEVEN) == "7"


@pytest.mark.parametrize("scale", [1.0, 0.35], ids=["big", "small"])
def test_the_pad_paints_like_the_synthetic_handwriting_its_bench_measures(app, scale):
    # bench/handwriting.py measures the networks on drawings painted by digits.images.handwriting:
    # the pad must paint the same ink, including the thinner pen for a small digit.
    strokes = [[(0.5 + (x - 0.5) * scale, 0.5 + (y - 0.5) * scale) for x, y in stroke] for stroke in ZERO]
    draw_with_mouse(app, strokes)
    answer = last_answer(app)
    bitmap = np.array(answer["bitmap"], dtype=np.uint8).reshape(answer["height"], answer["width"])
    painted = handwriting.paint(strokes)
    ink_share = (bitmap > 127).mean() / (painted > 0.5).mean()
    assert 0.9 < ink_share < 1.1, f"the pad painted {ink_share:.2f} times the ink"
    difference = np.abs(to_mnist(bitmap) - to_mnist(painted))
    assert difference.mean() < 0.01, f"mean difference {difference.mean():.3f}"
