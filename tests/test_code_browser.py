"""The Python beside what it computes, driven like a visitor: pressing a layer in Inside shows
the function that computed it, as the running package holds it; the visitor's version of it runs
on their drawing (the preprocessing on the pad's pixels), fails with a sentence, runs away and is
stopped, and Reset brings the shipped code back."""

import inspect
import re
import textwrap

import numpy as np
import pytest
from playwright.sync_api import expect

from digits.explain import edited_code, inside, source
from digits.images import preprocess
from digits.nets import layers as L, losses, models
from digits.page.menu import DEFAULT_MODEL
from test_inside_browser import draw_and_follow, manifest, show_inside
from test_recognizer_browser import ONE, SEVEN, draw_with_mouse

RELU_PASSES_ALL = "def forward(self, x, train=False):\n    return x, np.ones(x.shape, dtype=bool)\n"

pytestmark = pytest.mark.browser


@pytest.fixture
def reading_app(open_shared_app):
    """The page at its default view, booted once for the module, for the tests that only open a fold
    of Python and read it: every such fold closed again. (The tests that run edited code open a
    fresh page each: what the visitor's version leaves on the page is theirs to see.)"""
    page = open_shared_app()
    page.evaluate("() => document.querySelectorAll('details.code-view[open]').forEach((fold) => { fold.open = false; })")
    return page


def test_pressing_a_layer_shows_the_python_that_computed_it(open_app):
    page = open_app("#inside")
    draw_and_follow(page, SEVEN)
    code = page.get_by_test_id("code-view")
    for block in inside.architecture(manifest(DEFAULT_MODEL))["blocks"]:
        page.get_by_test_id(f"layer-{block['block']}").locator(".block-head h4").click()
        function = source.PARTS[block["kind"]]
        expect(code).to_have_attribute("data-function", function)
        expected = textwrap.dedent(inspect.getsource(source.find(function)))
        assert code.text_content() == expected, block["kind"]
        assert page.get_by_test_id(f"layer-{block['block']}").locator("[data-testid=code-view]").count() == 1


def test_its_python_opens_from_the_keyboard_beside_the_layer(open_app):
    page = open_app("#inside")
    show_inside(page)
    opener = page.get_by_test_id("layer-2").get_by_role("button", name="Its Python: the code of ReLU")
    opener.focus()
    page.keyboard.press("Enter")
    code = page.get_by_test_id("code-view")
    expect(code).to_be_visible()
    expect(code).to_have_attribute("data-function", "digits.nets.layers.ReLU.forward")
    expect(page.get_by_test_id("layer-2").locator(".code-view")).to_contain_text("layers.py")
    expect(code.locator(".py-keyword").first).to_have_text("def")
    # Another network's blocks are drawn anew: its code is asked for afresh.
    page.get_by_test_id("model-select").select_option("nielsen")
    show_inside(page)
    expect(page.get_by_test_id("architecture")).to_have_attribute("data-model", "nielsen")
    page.get_by_test_id("layer-2").get_by_role("button", name="Its Python: the code of sigmoid").click()
    expect(code).to_have_attribute("data-function", "digits.nets.layers.Sigmoid.forward")
    assert models.load("nielsen").layers[1].__class__.__name__ == "Sigmoid"


@pytest.mark.parametrize("section, summary, part", [
    ("inside", "The Python of softmax", "Softmax"),
    ("inside", "The Python of the loss and its pushes", "loss"),
    ("perceptron", "The learning rule in Python", "perceptron"),
    ("machine", "The Python of backpropagation, as the machine runs it", "machine"),
])
def test_softmax_the_loss_the_perceptrons_rule_and_backpropagation_show_their_python(reading_app, section, summary, part):
    app = reading_app
    app.locator(f"#{section}").evaluate("s => s.scrollIntoView({behavior: 'instant'})")
    fold = app.locator(f"#{section} details.code-view", has=app.get_by_text(summary, exact=True))
    fold.locator("summary").click()
    code = fold.locator("code")
    expect(code).to_have_attribute("data-function", source.PARTS[part], timeout=30_000)
    assert code.text_content() == textwrap.dedent(inspect.getsource(source.find(source.PARTS[part])))


def numbers(text):
    return np.array([float(value) for value in text.split(",")], dtype=np.float64)


def open_relu_code(page):
    """A seven drawn, and the Python of the cnn's first ReLU (block 2) open under it."""
    show_inside(page)                            # as a visitor scrolls there: it builds near the screen
    draw_and_follow(page, SEVEN)
    page.get_by_test_id("layer-2").get_by_role("button", name="Its Python: the code of ReLU").click()
    expect(page.get_by_test_id("code-view")).to_have_attribute("data-function", "digits.nets.layers.ReLU.forward")


def assert_editor_holds(page, text):
    """The editor's text is `text`: its lines, as the editor shows them one to a line."""
    lines = page.get_by_test_id("code-edit").locator(".cm-line")
    expect(lines).to_have_count(len(text.split("\n")))
    assert [line.replace("\u200b", "").replace("\n", "") for line in lines.all_inner_texts()] == text.split("\n")


def write_version(page, text):
    """`text` in the editor, as a visitor puts it there: in the editor first, then all of it replaced."""
    editor = page.get_by_test_id("code-edit")
    editor.click()
    editor.fill(text)
    assert_editor_holds(page, text)


def run_version(page, text):
    answer = page.get_by_test_id("code-answer")
    before = answer.get_attribute("data-probs")
    editing = page.locator(".code-editing")
    runs = int(editing.get_attribute("data-runs"))
    write_version(page, text)
    page.get_by_test_id("code-run").click()
    expect(editing).to_have_attribute("data-runs", str(runs + 1), timeout=30_000)    # this run, finished
    return answer, before


def test_relu_that_passes_everything_reads_as_cpython_reads_it_and_reset_brings_the_shipped_answer(app):
    open_relu_code(app)
    answer, _ = run_version(app, RELU_PASSES_ALL)
    expect(app.get_by_test_id("code-error")).to_have_text("")
    expect(answer).to_have_class("code-answer yours")
    image = numbers(answer.get_attribute("data-input")).astype(np.float32)
    x = image.reshape(1, 28, 28, 1)
    for layer in models.load(DEFAULT_MODEL).layers:
        if not isinstance(layer, L.ReLU):
            x, _ = layer.forward(x)
    expected = losses.softmax(x)[0]
    np.testing.assert_allclose(numbers(answer.get_attribute("data-probs")), expected, rtol=1e-5, atol=1e-5)
    assert int(answer.get_attribute("data-digit")) == expected.argmax()
    expect(app.locator(".inside-root")).to_have_class("inside-root yours")
    expect(app.locator(".inside-yours")).to_contain_text("Your version of digits.nets.layers.ReLU.forward")
    # Reset: the shipped text in the editor, and the answer the recognizer gave.
    app.get_by_test_id("code-reset").click()
    expect(answer).to_have_class("code-answer", timeout=30_000)
    assert_editor_holds(app, textwrap.dedent(inspect.getsource(L.ReLU.forward)))
    shipped = app.evaluate("app.recognizer.last.probabilities")
    np.testing.assert_allclose(numbers(answer.get_attribute("data-probs")), shipped, rtol=1e-6, atol=1e-7)
    expect(app.locator(".inside-yours")).to_have_text("")


def test_a_syntax_error_names_its_line_and_the_recognizer_keeps_reading(app):
    open_relu_code(app)
    run_version(app, "def forward(self, x, train=False):\n    return x *\n")
    expect(app.get_by_test_id("code-error")).to_have_text(
        "Line 2: invalid syntax. Python could not read your version as code, so nothing ran.")
    expect(app.get_by_test_id("code-answer")).to_be_hidden()
    app.get_by_test_id("clear").click()
    draw_with_mouse(app, ONE)
    expect(app.get_by_test_id("prediction")).to_have_text("1")


def test_a_version_that_never_ends_is_stopped_and_the_page_reads_again(app):
    open_relu_code(app)
    write_version(app, "def forward(self, x, train=False):\n    while True:\n        pass\n")
    app.get_by_test_id("code-run").click()
    expect(app.get_by_test_id("code-error")).to_contain_text("ran for more than 3 seconds, so Python was stopped",
                                                             timeout=15_000)
    expect(app.get_by_test_id("status")).to_have_attribute("data-state", "ready", timeout=60_000)
    app.get_by_test_id("clear").click()
    draw_with_mouse(app, ONE)
    expect(app.get_by_test_id("prediction")).to_have_text("1")
    # The shipped code is what the new Python runs: the inside follows the drawing as before.
    show_inside(app)
    expect(app.locator(".inside-root")).to_have_attribute("data-shows", "drawing", timeout=60_000)
    expect(app.locator(".inside-root")).not_to_have_class("inside-root yours")


def test_a_ready_made_change_says_what_it_teaches(app):
    open_relu_code(app)
    app.get_by_role("button", name="Try: ReLU that lets everything through").click()
    expect(app.locator(".code-lesson")).to_contain_text("the depth is gone")
    assert_editor_holds(app, next(e["text"] for e in edited_code.EXPERIMENTS if e["part"] == "ReLU"))
    app.get_by_test_id("code-run").click()
    expect(app.get_by_test_id("code-answer")).to_have_class("code-answer yours", timeout=30_000)


def test_the_preprocessing_without_its_centring_makes_the_image_cpython_makes_with_the_same_change(app):
    show_inside(app)
    draw_and_follow(app, SEVEN)
    app.get_by_test_id("layer-0").get_by_role("button", name=re.compile("^Its Python")).click()
    expect(app.get_by_test_id("code-view")).to_have_attribute("data-function", source.PARTS["Input"])
    shipped = textwrap.dedent(inspect.getsource(preprocess.to_mnist))
    centring = "    top, left = centre_of_mass_offset(small)\n"
    assert centring in shipped
    uncentred = shipped.replace(centring, "    top, left = 0, 0                    # in the corner, not centred\n")
    answer, _ = run_version(app, uncentred)
    expect(app.get_by_test_id("code-error")).to_have_text("")
    expect(answer).to_have_class("code-answer yours")
    bitmap = app.evaluate("({data: Array.from(app.recognizer.last.bitmap.data), height: app.recognizer.last.bitmap.height,"
                          " width: app.recognizer.last.bitmap.width})")
    pixels = np.array(bitmap["data"], dtype=np.uint8).reshape(bitmap["height"], bitmap["width"])
    namespace = dict(vars(preprocess))
    exec(uncentred, namespace)
    expected = namespace["to_mnist"](pixels)
    read = numbers(answer.get_attribute("data-input")).reshape(28, 28)
    np.testing.assert_allclose(read, expected, atol=1e-6)
    assert not np.allclose(read, preprocess.to_mnist(pixels), atol=1e-3)        # the centring did matter
    assert read[:20, :20].sum() == read.sum()                                     # the digit sits in the corner
    probabilities = models.load(DEFAULT_MODEL).predict(expected[None].astype(np.float32))[0]
    np.testing.assert_allclose(numbers(answer.get_attribute("data-probs")), probabilities, rtol=1e-5, atol=1e-5)
