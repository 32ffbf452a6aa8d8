"""Why it says what it says, driven like a visitor: which pixels, the change that fools it, the map
of test digits, and the keyboard. Every number the page shows is checked against CPython's."""

import io

import numpy as np
import pytest
from playwright.sync_api import expect

from digits.explain import attribution
from digits.explain.digit_map import DigitMap
from digits.nets import models
from digits.page.menu import DEFAULT_MODEL
from test_recognizer_browser import ONE, SEVEN, draw_with_mouse, start_over

pytestmark = pytest.mark.browser

NAMES = (DEFAULT_MODEL, "cnn", "mlp", "nielsen")
SUBSET = models.WEIGHTS_DIR.parent / "data" / "web" / "mnist-small.npz"


@pytest.fixture(scope="module")
def networks():
    return {name: models.load(name) for name in NAMES}


def numbers(text):
    return np.array([float(value) for value in text.split(",")], dtype=np.float32)


def show_why(page):
    page.locator("#why").evaluate("s => s.scrollIntoView({behavior: 'instant'})")


def why_version(page):
    return page.locator(".why-root").get_attribute("data-version")


def wait_for_why(page, before, digit=None):
    """Until the section shows the drawing's two maps in full (a new data-version, nothing under way)."""
    root = page.locator(".why-root")
    if before is not None:
        expect(root).not_to_have_attribute("data-version", before, timeout=60_000)
    expect(root).to_have_attribute("data-shows", "drawing", timeout=60_000)
    expect(root).to_have_attribute("data-busy", "false", timeout=60_000)
    if digit is not None:
        for method in attribution.METHODS:
            expect(page.locator(f"[data-testid=attribution][data-method={method}]")).to_have_attribute(
                "data-digit", str(digit), timeout=60_000)


def draw_and_ask(page, strokes):
    before = why_version(page)
    draw_with_mouse(page, strokes)
    show_why(page)
    wait_for_why(page, before)


def choose_model(page, name):
    before = why_version(page)
    page.get_by_test_id("model-select").select_option(name)
    show_why(page)
    wait_for_why(page, before)


def shown_attributions(page):
    """{method: (digit, image, values)} as the page's figures carry them."""
    shown = {}
    for figure in page.get_by_test_id("attribution").all():
        shown[figure.get_attribute("data-method")] = (int(figure.get_attribute("data-digit")),
                                                      numbers(figure.get_attribute("data-input")),
                                                      numbers(figure.get_attribute("data-values")))
    return shown


@pytest.fixture
def why_app(open_shared_app):
    """The page opened at Why, booted once for the module: explaining the network's answer again,
    the recognizer started over, and the section back to waiting for a drawing."""
    page = open_shared_app("#why")
    question = page.get_by_test_id("why-digit")
    if question.input_value() != "answer":
        question.select_option("answer")
    start_over(page)
    show_why(page)
    root = page.locator(".why-root")
    expect(root).not_to_have_attribute("data-shows", "drawing", timeout=60_000)
    expect(root).to_have_attribute("data-busy", "false", timeout=60_000)
    return page


def test_before_a_drawing_the_section_says_what_to_do(open_app):
    page = open_app("#why")
    expect(page.locator(".explain-note")).to_have_text("Draw a digit above, and ask it why here.", timeout=60_000)
    page.get_by_test_id("nudge-start").click()
    expect(page.locator(".nudge-words")).to_have_text("Draw a digit above first: there is nothing to change yet.")
    expect(page.get_by_test_id("nudge-result")).to_be_hidden()


def test_the_page_attribution_equals_cpythons_for_every_network(why_app, networks):
    page = why_app
    draw_and_ask(page, SEVEN)
    for name in NAMES:
        if name != DEFAULT_MODEL:
            choose_model(page, name)
        answer = int(page.get_by_test_id("prediction").text_content())
        wait_for_why(page, None, answer)
        shown = shown_attributions(page)
        assert set(shown) == {"gradient-x-input", "occlusion"}
        for method, (digit, image, values) in shown.items():
            assert digit == answer and image.shape == values.shape == (784,)
            expected = attribution.METHODS[method](networks[name], image.reshape(28, 28), digit).ravel()
            np.testing.assert_allclose(values, expected, rtol=1e-5, atol=1e-5, err_msg=f"{name} {method}")
            assert values.max() > 0                          # something pushes the answer up
    # "Why not 1?" for the last network: the same maps, for the digit asked about.
    before = why_version(page)
    page.get_by_test_id("why-digit").select_option("1")
    expect(page.locator(".why-root")).not_to_have_attribute("data-version", before, timeout=60_000)
    wait_for_why(page, before, 1)
    expect(page.locator(".explain-question")).to_contain_text("Why not 1?")
    for method, (digit, image, values) in shown_attributions(page).items():
        expected = attribution.METHODS[method](networks["nielsen"], image.reshape(28, 28), 1).ravel()
        np.testing.assert_allclose(values, expected, rtol=1e-5, atol=1e-5, err_msg=f"why not 1, {method}")


def test_a_nudge_makes_the_network_read_the_chosen_digit_and_can_go_to_the_recognizer(why_app, networks):
    page = why_app
    draw_and_ask(page, SEVEN)
    image = shown_attributions(page)["gradient-x-input"][1]
    page.get_by_test_id("nudge-target").select_option("3")
    page.get_by_test_id("nudge-start").click()
    result = page.get_by_test_id("nudge-result")
    expect(result).to_have_attribute("data-digit", "3", timeout=60_000)
    values = numbers(result.get_attribute("data-values"))
    assert values.shape == (784,) and 0 <= values.min() and values.max() <= 1
    assert networks[DEFAULT_MODEL].predict(values.reshape(1, 28, 28))[0].argmax() == 3       # CPython reads it too
    assert int(result.get_attribute("data-changed")) == np.count_nonzero(np.abs(values - image) > 0.1) > 0
    expect(page.locator(".nudge-words")).to_contain_text("the network reads a 3")
    page.get_by_test_id("nudge-send").click()
    expect(page.get_by_test_id("prediction")).to_have_text("3", timeout=30_000)
    assert page.evaluate("app.recognizer.last.image.length") == 784


def test_the_map_places_the_test_digits_and_follows_the_drawing(why_app, networks):
    page = why_app
    show_why(page)
    chart = page.get_by_test_id("embedding-map")
    expect(chart).to_have_attribute("data-state", "ready", timeout=120_000)
    points = np.array([[float(v) for v in point.split(",")] for point in chart.get_attribute("data-points").split(";")])
    with np.load(SUBSET) as subset:
        images, labels = subset["test_images"], subset["test_labels"]
    assert len(points) == len(labels) == 2000
    assert points[:, 2].astype(int).tolist() == labels.tolist()
    digit_map = DigitMap(networks[DEFAULT_MODEL], images, labels)
    while not digit_map.run(1.0)["done"]:
        pass
    expected = digit_map.points()
    np.testing.assert_allclose(points[:, 0], expected["x"], rtol=1e-4, atol=1e-4)
    np.testing.assert_allclose(points[:, 1], expected["y"], rtol=1e-4, atol=1e-4)

    you = page.get_by_test_id("embedding-you")
    for strokes in (SEVEN, ONE):
        before = you.get_attribute("data-x")
        draw_with_mouse(page, strokes)
        show_why(page)
        expect(you).not_to_have_attribute("data-x", before or "", timeout=60_000)
        expect(page.get_by_test_id("prediction")).to_have_attribute("data-busy", "false")
        expect(you).to_have_attribute("data-x", str(float(you.get_attribute("data-x"))))
        image = np.array(page.evaluate("app.recognizer.last.image"), dtype=np.float32)
        place = digit_map.place(image)
        x, y = float(you.get_attribute("data-x")), float(you.get_attribute("data-y"))
        assert (x, y) == pytest.approx((place["x"], place["y"]), abs=1e-3)
        nearest = np.argmin((points[:, 0] - x) ** 2 + (points[:, 1] - y) ** 2)
        assert int(you.get_attribute("data-nearest")) == int(points[nearest, 2]) == place["nearest_label"]
    # Touching a point shows that test digit.
    page.get_by_role("button", name="Show the test digit nearest to mine").click()
    expect(page.locator(".digit-map-side figcaption")).to_have_text(f"Test digit #{place['nearest']}: a {place['nearest_label']}.")


def test_the_nudge_works_from_the_keyboard(why_app):
    page = why_app
    draw_and_ask(page, SEVEN)
    target = page.get_by_test_id("nudge-target")
    target.focus()
    page.keyboard.press("Home")             # 0
    page.keyboard.press("ArrowDown")        # 1
    expect(target).to_have_value("1")
    page.keyboard.press("Tab")
    expect(page.get_by_test_id("nudge-start")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_test_id("nudge-result")).to_have_attribute("data-digit", "1", timeout=60_000)
