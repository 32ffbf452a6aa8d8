"""Watch it learn with a convolutional network, driven like a visitor would: its filters move as it
learns, pausing stops it, and the trained network reads drawings and downloads as a weights folder."""

import subprocess
import sys
import zipfile
from pathlib import Path

import numpy as np
import pytest
from playwright.sync_api import expect

from digits.images.pixels import to_uint8
from digits.nets import models
from test_accessibility_browser import AUDIT, SCREENS
from test_recognizer_browser import ZERO, draw_with_mouse, last_answer
from test_training_browser import TRAINING_TIMEOUT, set_settings

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[1]
CONV_EPOCH_TIMEOUT = 2 * TRAINING_TIMEOUT      # ms: an epoch of the convnet takes tens of seconds, more on a busy machine


def kernels_now(page):
    """The kernels' version and weights, read together (a slice may land between two reads)."""
    version, values = page.get_by_test_id("train-kernels").evaluate("k => [k.dataset.version, k.dataset.values]")
    return version, [float(v) for v in values.split()]


def test_a_convnet_learns_its_filters_pauses_reads_a_drawing_and_downloads(open_app, tmp_path):
    page = open_app("#train")
    root = page.locator(".train-root")
    page.get_by_test_id("train-network").select_option("conv")
    expect(root).to_have_attribute("data-network", "conv")
    expect(page.get_by_test_id("train-hidden")).to_be_hidden()
    set_settings(page, filters1=6, epochs=1)
    expect(page.get_by_test_id("train-shape")).to_contain_text("conv 5x5, 6 (24x24x6)")
    draw_with_mouse(page, ZERO)                      # the digit whose feature maps the section shows

    page.get_by_test_id("train-start").click()
    expect(root).to_have_attribute("data-state", "training", timeout=60_000)
    kernels = page.get_by_test_id("train-kernels")
    expect(kernels.locator("canvas")).to_have_count(6, timeout=60_000)
    version, before = kernels_now(page)
    expect(kernels).not_to_have_attribute("data-version", version, timeout=60_000)
    assert kernels_now(page)[1] != before               # the filters moved between two slices
    expect(page.get_by_test_id("train-maps-1").locator("canvas")).to_have_count(6, timeout=60_000)
    expect(page.get_by_test_id("train-maps-2").locator("canvas")).to_have_count(16)
    expect(page.get_by_test_id("train-maps-note")).to_be_hidden()

    page.get_by_test_id("train-pause").click()
    expect(root).to_have_attribute("data-state", "paused")
    steps = root.get_attribute("data-steps")
    page.wait_for_timeout(1500)
    assert root.get_attribute("data-steps") == steps and int(steps) > 0      # paused: no batch is learned

    page.get_by_test_id("train-start").click()           # Resume, to the end of the epoch
    expect(root).to_have_attribute("data-state", "done", timeout=CONV_EPOCH_TIMEOUT)
    assert float(page.get_by_test_id("train-accuracy").get_attribute("data-value")) > 0.9
    page.get_by_test_id("train-use").click()
    expect(page.get_by_test_id("model-select")).to_have_value("yours")
    page.get_by_test_id("clear").click()
    draw_with_mouse(page, ZERO)
    answer = last_answer(page)
    assert answer["model"] == "yours" and int(np.argmax(answer["probabilities"])) == 0

    page.get_by_test_id("train-download").scroll_into_view_if_needed()
    with page.expect_download() as download:
        page.get_by_test_id("train-download").click()
    folder = tmp_path / "yours"
    with zipfile.ZipFile(download.value.path()) as archive:          # exactly the weights/NAME/ layout
        archive.extractall(folder)
    network = models.load(folder)
    assert [layer["type"] for layer in network.architecture()["layers"]] == [
        "Conv2D", "ReLU", "MaxPool2D", "Conv2D", "ReLU", "MaxPool2D", "Flatten", "Dense"]
    image = np.array(answer["image"], np.float32).reshape(1, 28, 28)
    np.save(tmp_path / "x.npy", to_uint8(image))
    subprocess.run([sys.executable, str(ROOT / "build.py"), "predict", "--model", str(folder),
                    "--input", str(tmp_path / "x.npy"), "--output", str(tmp_path / "p.npy")], check=True)
    predicted = np.load(tmp_path / "p.npy")
    assert predicted.shape == (1, 10) and int(np.argmax(predicted)) == 0
    np.testing.assert_allclose(network.predict(image)[0], answer["probabilities"], atol=1e-5)


@pytest.mark.parametrize("screen", SCREENS)
def test_the_convnets_settings_and_pictures_pass_an_accessibility_audit(open_app, axe_source, screen):
    page = open_app("#train", bypass_csp=True, **SCREENS[screen])      # bypass_csp: to add axe's script
    draw_with_mouse(page, ZERO)
    page.get_by_test_id("train-network").select_option("conv")
    page.get_by_test_id("train-start").click()
    expect(page.get_by_test_id("train-maps-1").locator("canvas")).to_have_count(8, timeout=60_000)
    page.get_by_test_id("train-pause").click()
    page.locator(".train-conv-note summary").click()
    page.locator(".train-maps details summary").click()
    page.add_script_tag(content=axe_source)
    page.locator("#train").scroll_into_view_if_needed()
    violations = page.evaluate(AUDIT, "#train")
    assert not violations, "axe-core found:\n  " + "\n  ".join(violations)
