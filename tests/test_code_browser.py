"""The Python beside what it computes, driven like a visitor: pressing a layer in Inside shows
the function that computed it, as the running package holds it, and the keyboard opens it."""

import inspect
import textwrap

import pytest
from playwright.sync_api import expect

from digits import inside, models, source
from test_inside_browser import draw_and_follow, manifest, show_inside
from test_recognizer_browser import SEVEN

pytestmark = pytest.mark.browser


def test_pressing_a_layer_shows_the_python_that_computed_it(open_app):
    page = open_app("#inside")
    draw_and_follow(page, SEVEN)
    code = page.get_by_test_id("code-view")
    for block in inside.architecture(manifest("cnn"))["blocks"]:
        page.get_by_test_id(f"layer-{block['block']}").locator(".block-head h4").click()
        function = source.PARTS[block["kind"]]
        expect(code).to_have_attribute("data-function", function)
        expected = textwrap.dedent(inspect.getsource(source.find(function)))
        assert code.text_content() == expected, block["kind"]
        assert page.get_by_test_id(f"layer-{block['block']}").locator("[data-testid=code-view]").count() == 1


def test_its_python_opens_from_the_keyboard_beside_the_layer(open_app):
    page = open_app("#inside")
    show_inside(page)
    opener = page.get_by_test_id("layer-2").get_by_role("button", name="The Python code of ReLU")
    opener.focus()
    page.keyboard.press("Enter")
    code = page.get_by_test_id("code-view")
    expect(code).to_be_visible()
    expect(code).to_have_attribute("data-function", "digits.layers.ReLU.forward")
    expect(page.get_by_test_id("layer-2").locator(".code-view")).to_contain_text("layers.py")
    expect(code.locator(".py-keyword").first).to_have_text("def")
    # Another network's blocks are drawn anew: its code is asked for afresh.
    page.get_by_test_id("model-select").select_option("nielsen")
    show_inside(page)
    expect(page.get_by_test_id("architecture")).to_have_attribute("data-model", "nielsen")
    page.get_by_test_id("layer-2").get_by_role("button", name="The Python code of sigmoid").click()
    expect(code).to_have_attribute("data-function", "digits.layers.Sigmoid.forward")
    assert models.load("nielsen").layers[1].__class__.__name__ == "Sigmoid"


@pytest.mark.parametrize("section, summary, part", [
    ("inside", "The Python of softmax", "Softmax"),
    ("inside", "The Python of the loss and its pushes", "loss"),
    ("perceptron", "The learning rule in Python", "perceptron"),
    ("machine", "The Python of backpropagation, as the machine runs it", "machine"),
])
def test_softmax_the_loss_the_perceptrons_rule_and_backpropagation_show_their_python(app, section, summary, part):
    app.locator(f"#{section}").evaluate("s => s.scrollIntoView({behavior: 'instant'})")
    fold = app.locator(f"#{section} details.code-view", has=app.get_by_text(summary, exact=True))
    fold.locator("summary").click()
    code = fold.locator("code")
    expect(code).to_have_attribute("data-function", source.PARTS[part], timeout=30_000)
    assert code.text_content() == textwrap.dedent(inspect.getsource(source.find(source.PARTS[part])))
