"""Inside the network, driven like a visitor: the layers and what they make of a drawing,
softmax and the loss step by step, the probes, and the keyboard."""

import json

import numpy as np
import pytest
from playwright.sync_api import expect

from digits.explain import inside
from digits.nets import models
from digits.nets.models import WEIGHTS_DIR
from digits.page.menu import DEFAULT_MODEL
from test_recognizer_browser import ONE, SEVEN, draw_with_mouse, start_over

pytestmark = pytest.mark.browser

NAMES = (DEFAULT_MODEL, "cnn", "mlp", "nielsen")

# What the section shows of the latest drawing: the image the recognizer read, and every
# layer's values as the view unpacked and painted them (app.inside.seen, see state.unpack).
SEEN = """() => {
  const seen = app.inside.seen;
  return { model: seen.model, image: Array.from(seen.image),
           layers: seen.layers.map((layer) => ({ kind: layer.kind, dims: layer.dims, values: Array.from(layer.values) })),
           probabilities: seen.softmax.probabilities, logits: seen.softmax.logits,
           plain: app.recognizer.last.probabilities };
}"""


def manifest(name):
    return json.loads((WEIGHTS_DIR / name / "manifest.json").read_text())


def inside_version(page):
    return page.locator(".inside-root").get_attribute("data-version")


def wait_for_inside(page, before, model=DEFAULT_MODEL, shows=None):
    """Wait until the section shows the latest answer in full (a new data-version, nothing under way).

    `shows="drawing"`: and that answer is a drawing's. (The section's first, empty answer can
    land after `before` was read and before the drawing's: a new version alone does not say which.)
    """
    root = page.locator(".inside-root")
    expect(root).not_to_have_attribute("data-version", before, timeout=60_000)
    if shows:
        expect(root).to_have_attribute("data-shows", shows, timeout=60_000)
    expect(root).to_have_attribute("data-busy", "false", timeout=60_000)
    expect(page.get_by_test_id("architecture")).to_have_attribute("data-model", model)


def show_inside(page):
    page.locator("#inside").evaluate("s => s.scrollIntoView({behavior: 'instant'})")


def draw_and_follow(page, strokes, model=DEFAULT_MODEL):
    before = inside_version(page)
    draw_with_mouse(page, strokes)
    show_inside(page)
    wait_for_inside(page, before, model, shows="drawing")


def choose_model(page, name):
    before = inside_version(page)
    page.get_by_test_id("model-select").select_option(name)
    show_inside(page)
    wait_for_inside(page, before, name)


def tab_until(page, target, presses):
    """Press Tab until `target` has the focus, at most `presses` times."""
    for _ in range(presses):
        page.keyboard.press("Tab")
        if target.evaluate("element => element === document.activeElement"):
            return
    expect(target).to_be_focused()


@pytest.fixture
def inside_app(open_shared_app):
    """The page opened at Inside, booted once for the module: the recognizer started over, the
    probe turned back to zero, and the section showing the empty pad with the default network."""
    page = open_shared_app("#inside")
    start_over(page)
    rotate = page.get_by_test_id("probe-rotate")
    if rotate.get_attribute("data-strength") != "0":          # the middle of its symmetric range
        rotate.fill(str(int(rotate.get_attribute("max")) // 2))
        expect(rotate).to_have_attribute("data-strength", "0")
    show_inside(page)
    root = page.locator(".inside-root")
    expect(root).not_to_have_attribute("data-shows", "drawing", timeout=60_000)
    expect(root).to_have_attribute("data-busy", "false", timeout=60_000)
    expect(page.get_by_test_id("architecture")).to_have_attribute("data-model", DEFAULT_MODEL)
    return page


@pytest.fixture
def app(inside_app):
    return inside_app


def test_the_architecture_is_the_manifests_layer_by_layer(inside_app):
    page = inside_app
    for name in NAMES:
        if name != DEFAULT_MODEL:
            choose_model(page, name)
        expected = inside.architecture(manifest(name))
        architecture = page.get_by_test_id("architecture")
        expect(architecture).to_have_attribute("data-model", name)
        blocks = architecture.locator("> li")
        expect(blocks).to_have_count(len(expected["blocks"]))
        drawn = blocks.evaluate_all("""blocks => blocks.map((b) => ({ testid: b.dataset.testid, kind: b.dataset.kind,
                                                                        shape: b.dataset.shape, parameters: Number(b.dataset.parameters) }))""")
        assert drawn == [{"testid": f"layer-{b['block']}", "kind": b["kind"], "shape": b["shape"], "parameters": b["parameters"]}
                         for b in expected["blocks"]]
        kinds = [layer["type"] for layer in manifest(name)["architecture"]["layers"]]
        assert [b["kind"] for b in drawn] == ["Input", *kinds, "Softmax"]
        assert sum(b["parameters"] for b in drawn) == manifest(name)["parameters"] == models.load(name).count_parameters()
        assert int(architecture.get_attribute("data-parameters")) == manifest(name)["parameters"]


def test_the_default_convnet_says_what_dropout_does(inside_app):
    page = inside_app
    dropout = page.locator("[data-testid=layer-4]")
    expect(dropout).to_have_attribute("data-kind", "Dropout")
    expect(dropout).to_contain_text("while training, switches off a random 20%")
    expect(dropout).to_contain_text("when reading a digit it does nothing")


@pytest.mark.parametrize("name", NAMES)
def test_every_layer_shown_equals_cpythons_activations(inside_app, name):
    page = inside_app
    if name != DEFAULT_MODEL:
        choose_model(page, name)
    draw_and_follow(page, SEVEN, name)
    seen = page.evaluate(SEEN)
    assert seen["model"] == name
    image = np.array(seen["image"], dtype=np.float32).reshape(28, 28)
    expected = models.load(name).activations(image)
    assert len(seen["layers"]) == len(expected)
    for index, (shown, truth) in enumerate(zip(seen["layers"], expected)):
        flat = inside.channels_first(truth).ravel()          # maps one after another, as the page paints them
        assert shown["dims"] == list(truth.shape), index
        np.testing.assert_allclose(shown["values"], flat, rtol=1e-5, atol=1e-5, err_msg=f"layer {index} ({shown['kind']})")
    # What is drawn: one picture per feature map, of the map's size; one row of cells per row of neurons.
    for index, layer in enumerate(seen["layers"]):
        block = page.get_by_test_id(f"layer-{index + 1}")
        if layer["kind"] == "Dropout":
            expect(block.locator("canvas")).to_have_count(0)
        elif len(layer["dims"]) == 3:
            height, width, channels = layer["dims"]
            maps = block.locator("canvas.map-tile")
            expect(maps).to_have_count(channels)
            assert maps.evaluate_all("maps => maps.map((m) => [m.height, m.width])") == [[height, width]] * channels
        else:
            expect(block.locator("canvas.neuron-cells")).to_have_count(1)


def test_the_softmax_steps_end_in_the_bars(app):
    draw_and_follow(app, SEVEN)
    seen = app.evaluate(SEEN)
    steps = app.get_by_test_id("softmax-steps")
    probabilities = [float(steps.get_by_test_id(f"softmax-{k}").get_attribute("data-value")) for k in range(10)]
    logits = [float(steps.get_by_test_id(f"logit-{k}").get_attribute("data-value")) for k in range(10)]
    bars = [float(app.get_by_test_id(f"bar-{k}").get_attribute("data-prob")) for k in range(10)]
    assert probabilities == seen["plain"]                     # the recognizer's own probabilities, bit for bit
    np.testing.assert_allclose(probabilities, bars, atol=5e-7)   # the bars write six decimals
    assert logits == seen["layers"][-1]["values"]              # the scores are the last layer's output
    assert abs(sum(probabilities) - 1) < 1e-6
    # "If this were a 3": −log p_3, the push up on 3 and down on every other score.
    app.get_by_test_id("loss-digit-3").check()
    loss = app.get_by_test_id("inside-loss")
    expect(loss).to_contain_text("p_3")
    assert float(loss.get_attribute("data-value")) == pytest.approx(-np.log(probabilities[3]), rel=1e-4)
    expect(app.locator(".pushes li.push-up")).to_have_count(1)
    expect(app.locator(".pushes li").nth(3)).to_have_class("push-up")


def test_a_probe_at_zero_is_the_plain_answer_and_a_turned_one_is_not_a_one(app):
    before = inside_version(app)
    assert draw_with_mouse(app, ONE) == "1"
    show_inside(app)
    wait_for_inside(app, before, shows="drawing")
    rotate = app.get_by_test_id("probe-rotate")
    expect(rotate).to_have_attribute("data-strength", "0")
    probe = app.get_by_test_id("probe-answer")
    expect(probe).to_have_attribute("data-digit", "1")
    assert float(probe.get_attribute("data-confidence")) == pytest.approx(float(app.get_by_test_id("bar-1").get_attribute("data-prob")), abs=1e-6)
    rotate.focus()
    app.keyboard.press("End")                                 # a quarter turn, clockwise
    expect(rotate).to_have_attribute("data-strength", "90")
    expect(probe).not_to_have_attribute("data-digit", "1")
    app.keyboard.press("Home")
    expect(rotate).to_have_attribute("data-strength", "-90")
    expect(probe).not_to_have_attribute("data-digit", "1")


def test_maps_neurons_digits_and_sliders_answer_the_keyboard(open_app):
    # A fresh page: "if this were a k" starts by following the answer, which a shared page cannot put back.
    app = open_app()
    draw_and_follow(app, SEVEN)
    # Tab into the first convolution's maps: one stop for all twenty, the arrows move between them.
    app.get_by_text("How to read the pictures").focus()
    tab_until(app, app.get_by_test_id("layer-1").locator(".map-button").first, presses=6)
    app.keyboard.press("ArrowRight")
    app.keyboard.press("Enter")
    second = app.get_by_test_id("layer-1").locator(".map-button").nth(1)
    expect(second).to_have_attribute("aria-pressed", "true")
    expect(app.get_by_test_id("layer-1").locator(".kernel-tile")).to_have_count(1)
    expect(app.get_by_test_id("layer-1").locator(".block-detail")).to_contain_text("Map 2 is made by one 5×5 pattern")
    # On past the kernels' formula to the next layer's maps.
    tab_until(app, app.get_by_test_id("layer-2").locator(".map-button").first, presses=4)
    # A dense layer's neurons are a slider: the arrows choose one, and its weighted sum appears.
    neurons = app.get_by_test_id("layer-10").locator("canvas.neuron-cells")
    neurons.focus()
    app.keyboard.press("ArrowRight")
    expect(neurons).to_have_attribute("aria-valuenow", "0")
    detail = app.get_by_test_id("layer-10").locator(".block-detail")
    expect(detail.locator(".sum-terms tbody tr")).to_have_count(8)
    expect(detail).to_contain_text("z = Σ wᵢxᵢ + b")
    expect(detail.locator(".worked math")).to_have_count(1)          # set as mathematics, not as text
    expect(detail).to_contain_text("ReLU: max(0,z)")
    # The digit of "if this were a k" is a group of radio buttons.
    app.get_by_test_id("loss-digit-7").focus()
    app.keyboard.press("ArrowRight")
    expect(app.get_by_test_id("loss-digit-8")).to_be_checked()
    expect(app.get_by_test_id("inside-loss")).to_contain_text("p_8")
