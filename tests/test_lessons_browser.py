"""The lessons, driven like a visitor would: Meet MNIST, How good is it?, the ideas beside their
controls, Learn more. The page's counts and pictures are checked against CPython's reading of
the same subset with the same weights."""

import json
import re

import numpy as np
import pytest
from playwright.sync_api import expect

from digits.images.pixels import to_float
from digits.nets import models
from digits.page.menu import DEFAULT_MODEL

pytestmark = pytest.mark.browser

SUBSET = models.WEIGHTS_DIR.parent / "data" / "web" / "mnist-small.npz"
SLOW = 120_000           # ms: the cnn reads 2,000 digits in a few seconds, far more on a busy machine

# Each idea, and the section whose control or picture it explains.
IDEAS = {
    "activation": "train", "learning-rate": "train", "batches": "train", "epochs": "train", "overfitting": "train",
    "softmax": "machine", "cross-entropy": "machine", "backpropagation": "machine",
    "convolution": "inside", "pooling": "inside", "dropout": "inside", "parameters": "inside", "augmentation": "draw",
    "test-set": "mnist", "distribution-shift": "mnist",
}
RESOURCES = [
    "https://www.3blue1brown.com/topics/neural-networks",
    "http://neuralnetworksanddeeplearning.com/",
    "https://cs231n.github.io/",
    "https://cs231n.github.io/python-numpy-tutorial/",
    "https://docs.python.org/3/tutorial/",
    "https://stevenmiller888.github.io/mind-how-to-build-a-neural-network/",
]


@pytest.fixture(scope="module")
def subset():
    with np.load(SUBSET) as files:
        return files["test_images"], files["test_labels"]


@pytest.fixture(scope="module")
def default_answers(subset):
    """CPython's reading of the subset's test digits by the page's default network, as evaluation.py reads them."""
    images, _ = subset
    return models.load(DEFAULT_MODEL).predict(to_float(images)).argmax(axis=1)


@pytest.fixture
def lessons_at(open_shared_app):
    """lessons_at("mnist"): the page, booted once for the module, scrolled to that section as a
    link to it would open it, with every idea folded again."""
    def at(section):
        page = open_shared_app()
        page.evaluate("""() => {
            document.querySelectorAll("[data-idea] summary").forEach((summary) => { summary.parentElement.open = false; });
            document.activeElement?.blur();
        }""")
        page.locator(f"#{section}").evaluate("s => s.scrollIntoView({behavior: 'instant'})")
        return page
    return at


def wait_for_matrix(page):
    matrix = page.get_by_test_id("confusion-matrix")
    matrix.scroll_into_view_if_needed()
    expect(matrix).to_have_attribute("data-state", "finished", timeout=SLOW)
    return matrix


def read_matrix(page):
    return page.get_by_test_id("confusion-matrix").evaluate("""table => Array.from({length: 10}, (_, t) =>
      Array.from({length: 10}, (_, p) => Number(table.querySelector(`[data-testid=confusion-${t}-${p}]`).dataset.count)))""")


def canvas_bytes(locator):
    """The grey level of each pixel of a 28x28 canvas (its red channel)."""
    return np.array(locator.evaluate("""canvas => Array.from(
      canvas.getContext("2d").getImageData(0, 0, 28, 28).data.filter((_, i) => i % 4 === 0))"""), dtype=np.uint8)


def test_the_confusion_matrix_is_cpythons_and_its_misreads_go_to_the_recognizer(lessons_at, subset, default_answers):
    page = lessons_at("mnist")
    wait_for_matrix(page)
    _, labels = subset
    expected = np.zeros((10, 10), dtype=int)
    np.add.at(expected, (labels, default_answers), 1)
    matrix = np.array(read_matrix(page))
    assert matrix.sum() == len(labels)
    np.testing.assert_array_equal(matrix, expected)
    accuracy = np.trace(expected) / len(labels)
    expect(page.get_by_test_id("evaluate-summary")).to_contain_text(f"{accuracy * 100:.2f}%")
    for digit in range(10):
        shown = float(page.get_by_test_id(f"per-digit-{digit}").get_attribute("data-accuracy"))
        assert shown == pytest.approx(expected[digit, digit] / expected[digit].sum(), abs=1e-12)

    # The largest confusion: its digits are exactly CPython's, and each reads as its column.
    off_diagonal = expected - np.diag(np.diag(expected))
    truth, predicted = np.unravel_index(off_diagonal.argmax(), off_diagonal.shape)
    page.get_by_test_id(f"confusion-{truth}-{predicted}").click()
    listed = page.get_by_test_id("evaluation-cell")
    expect(listed).to_have_attribute("data-count", str(expected[truth, predicted]))
    indices = [int(i) for i in listed.get_by_test_id("cell-digit").evaluate_all("items => items.map((b) => b.dataset.index)")]
    assert indices == np.flatnonzero((labels == truth) & (default_answers == predicted)).tolist()

    before = int(page.get_by_test_id("prediction").get_attribute("data-version"))
    listed.get_by_test_id("cell-digit").first.click()
    prediction = page.get_by_test_id("prediction")
    expect(prediction).not_to_have_attribute("data-version", str(before), timeout=30_000)
    expect(prediction).to_have_text(str(predicted))
    top = max(range(10), key=lambda d: float(page.get_by_test_id(f"bar-{d}").get_attribute("data-prob")))
    assert top == predicted


def test_the_gallery_shows_the_subsets_own_digits_and_sends_them_to_the_recognizer(lessons_at, subset):
    page = lessons_at("mnist")
    page.locator("#mnist").scroll_into_view_if_needed()
    gallery = page.get_by_test_id("mnist-gallery")
    expect(gallery).to_have_attribute("data-state", "ready", timeout=SLOW)
    images, labels = subset
    digits = gallery.get_by_test_id("mnist-digit")
    assert digits.count() >= 50
    items = digits.evaluate_all("items => items.map((b) => [Number(b.dataset.index), Number(b.dataset.label), b.dataset.kind])")
    assert {label for _, label, _ in items} == set(range(10))
    assert any(kind != "ordinary" for _, _, kind in items), "the gallery shows hard digits too"
    for position, (index, label, _) in enumerate(items):
        assert labels[index] == label
        picture = digits.nth(position).locator("canvas")
        np.testing.assert_array_equal(canvas_bytes(picture), images[index].ravel())

    page.get_by_test_id("mnist-filter-3").check()
    visible = gallery.locator("li:not([hidden]) [data-testid=mnist-digit]")
    assert visible.count() > 0
    assert set(visible.evaluate_all("items => items.map((b) => b.dataset.label)")) == {"3"}
    assert "g.show=3" in page.url, "the link keeps the class shown"

    before = int(page.get_by_test_id("prediction").get_attribute("data-version"))
    visible.first.click()
    prediction = page.get_by_test_id("prediction")
    expect(prediction).not_to_have_attribute("data-version", str(before), timeout=30_000)
    expect(prediction).to_have_text("3")
    index = int(visible.first.get_attribute("data-index"))
    np.testing.assert_array_equal(canvas_bytes(page.get_by_test_id("preprocessed")), images[index].ravel())


def test_nothing_is_computed_for_the_lessons_before_the_first_answer(open_app):
    page = open_app("#draw", wait_ready=False)
    asked = []
    page.on("request", lambda request: asked.append(request.url))
    expect(page.get_by_test_id("status")).to_have_attribute("data-state", "ready", timeout=SLOW)
    page.wait_for_timeout(1500)
    assert not [url for url in asked if url.endswith("mnist-small.npz")]
    expect(page.get_by_test_id("confusion-matrix")).to_have_attribute("data-state", "empty")
    expect(page.get_by_test_id("mnist-gallery")).to_have_attribute("data-state", "loading")


def test_each_idea_is_explained_beside_what_it_shows(lessons_at):
    page = lessons_at("draw")
    expect(page.get_by_test_id("ideas-map").locator("li")).to_have_count(len(IDEAS))
    for name, section in IDEAS.items():
        idea = page.locator(f"[data-idea={name}]")
        expect(idea).to_have_count(1)
        control = idea.get_attribute("data-for")
        assert page.locator(f"#{section} [data-idea={name}]").count() == 1, f"{name} is not in #{section}"
        # Beside: the idea and its control share an ancestor at most three levels above the idea.
        near = idea.evaluate("""(idea, testid) => {
          const control = document.querySelector(`[data-testid="${testid}"]`);
          let place = idea.parentElement;
          for (let level = 0; place && level < 3; level++, place = place.parentElement) {
            if (control && place.contains(control)) return true;
          }
          return false;
        }""", control)
        assert near, f"the idea {name} is not beside [data-testid={control}]"
        listed = page.locator(f"[data-testid=ideas-map] [data-idea-map={name}]")
        expect(listed, f"Learn more's map of ideas names {name}").to_have_attribute("data-section", section)
        open_idea(idea)
        for part in ("idea-plain", "idea-formula", "idea-numbers"):
            expect(idea.locator(f".{part}")).not_to_be_empty()


def open_idea(idea):
    """Open the folds around an idea (some ideas are grouped), then the idea itself, as a visitor clicks."""
    idea.evaluate("idea => { for (let d = idea.parentElement.closest('details'); d; d = d.parentElement.closest('details')) d.open = true; }")
    idea.locator("summary").first.scroll_into_view_if_needed()
    idea.locator("summary").first.click()


def test_augmentation_is_read_from_the_chosen_networks_manifest(lessons_at):
    page = lessons_at("draw")
    idea = page.locator("[data-idea=augmentation]")
    open_idea(idea)
    numbers = idea.locator(".idea-numbers")
    for network in (DEFAULT_MODEL, "cnn", "mlp"):
        page.get_by_test_id("model-select").select_option(network)
        recipe = json.loads((models.WEIGHTS_DIR / network / "manifest.json").read_text())["recipe"]
        expect(idea.locator("summary")).to_have_text(f"How {network} was taught: data augmentation")
        expect(numbers).to_contain_text(f"From weights/{network}/manifest.json")
        expect(numbers).to_contain_text(f"±{recipe['rotate']:g}°")
        expect(numbers).to_contain_text(f"{recipe['shift']:g} pixels")
        expect(numbers).to_contain_text(f"in batches of {recipe['batch_size']}, with the {recipe['optimizer']} optimiser")
        if recipe.get("bolder"):
            expect(numbers).to_contain_text(f"up to {recipe['bolder']:g} broader")
        if recipe.get("pen_mnist"):
            expect(numbers).to_contain_text(f"{recipe['pen_mnist']:,} MNIST digits redrawn with the pad's pen")
        if not recipe.get("handwriting") and not recipe.get("pen_mnist"):
            expect(numbers).to_contain_text("It learned from MNIST's 60,000 digits alone, for")
        assert not re.search(r"\b0 (pen|MNIST)|up to ±?0(?![.\d])", numbers.text_content())   # nothing it does not use
    page.get_by_test_id("model-select").select_option(DEFAULT_MODEL)


def test_backpropagation_is_worked_with_the_machines_own_numbers(lessons_at):
    page = lessons_at("machine")
    expect(page.get_by_test_id("machine-loss")).not_to_have_text("", timeout=30_000)
    page.get_by_test_id("machine-hint").check()
    idea = page.locator("[data-idea=backpropagation]")
    open_idea(idea)
    numbers = idea.locator(".idea-numbers")
    expect(numbers).to_contain_text("The machine's backpropagation gives", timeout=30_000)
    text = numbers.text_content().replace("−", "-")
    by_hand = float(re.search(r"∂L/∂w = \([^)]*\) × [\d.]+ = (-?\d+\.\d+)", text).group(1))
    by_machine = float(re.search(r"backpropagation gives (-?\d+\.\d+)", text).group(1))
    assert abs(by_hand - by_machine) <= 0.0015


def test_learn_more_links_the_resources_each_with_what_it_adds(lessons_at):
    page = lessons_at("learn-more")
    links = page.get_by_test_id("learn-more").locator("a")
    assert links.evaluate_all("links => links.map((a) => a.href)") == RESOURCES
    for item in page.get_by_test_id("learn-more").locator("li").all():
        assert len(item.text_content()) > 80, "each resource says what it adds"
    assert links.evaluate_all("links => links.every((a) => !a.target)")
    expect(page.locator("#learn-more")).to_contain_text("one digit")
