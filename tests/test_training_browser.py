"""Watch it learn and teach it your handwriting, driven like a visitor would."""

import io
import re

import numpy as np
import pytest
from playwright.sync_api import expect

from digits.images.pixels import to_float
from digits.page import personal, saved_models
from digits.page.session import Session
from test_recognizer_browser import SEVEN, ZERO, draw_with_mouse, last_answer

pytestmark = pytest.mark.browser
TRAINING_TIMEOUT = 180_000     # ms: an epoch takes seconds, more on a busy machine


def set_settings(page, **settings):
    for key, value in settings.items():
        field = page.get_by_test_id(f"train-{key.replace('_', '-')}")
        if key == "activation":
            field.select_option(value)
        else:
            field.fill(str(value))


# Pause is pressed the moment the progress bar first moves: an epoch this short can end in the time
# a round trip from the test to the page takes on a busy machine, and then there is nothing to pause.
PAUSE_ONCE_IT_MOVES = """() => {
  const progress = document.querySelector("[data-testid=train-progress]");
  const pause = document.querySelector("[data-testid=train-pause]");
  new MutationObserver((_, observer) => {
    if (Number(progress.getAttribute("value")) > 0) {
      observer.disconnect();
      pause.click();
    }
  }).observe(progress, { attributes: true, attributeFilter: ["value"] });
}"""


# Whether the fine-tuning's bar shows and Forget can be pressed, at every change of either: a tuning
# of two drawings can end before a look from the test arrives.
WATCH_TUNING = """() => {
  const bar = document.querySelector("[data-testid=finetune-progress]");
  const forget = document.querySelector("[data-testid=forget-everything]");
  window.whileTuning = [];
  const note = () => whileTuning.push({ bar: !bar.hidden, forget: !forget.disabled });
  for (const element of [bar, forget]) {
    new MutationObserver(note).observe(element, { attributes: true, attributeFilter: ["hidden", "disabled"] });
  }
}"""


def train_to_the_end(page):
    page.get_by_test_id("train-start").click()
    expect(page.locator(".train-root")).to_have_attribute("data-state", "done", timeout=TRAINING_TIMEOUT)


def test_one_short_epoch_learns_well_above_chance_with_pause_and_resume(open_app):
    page = open_app("#train")
    set_settings(page, epochs=1)
    expect(page.locator(".train-shape")).to_contain_text("23,860 weights")
    page.evaluate(PAUSE_ONCE_IT_MOVES)
    page.get_by_test_id("train-start").click()
    root = page.locator(".train-root")
    expect(root).to_have_attribute("data-state", "paused", timeout=60_000)
    progress = page.get_by_test_id("train-progress")
    paused_at = float(progress.evaluate("p => p.value"))
    page.wait_for_timeout(1000)
    assert float(progress.evaluate("p => p.value")) == paused_at        # paused means nothing moves
    assert 0 < paused_at < 1
    expect(page.get_by_test_id("train-start")).to_have_text("Resume")

    train_to_the_end(page)
    accuracy = float(page.get_by_test_id("train-accuracy").get_attribute("data-value"))
    assert accuracy > 0.8                                                # chance is 0.1
    expect(page.get_by_test_id("train-message")).to_contain_text("Done")
    assert int(page.get_by_test_id("train-speed").text_content().split()[0].replace(",", "")) > 0


def test_step_trains_exactly_one_batch(open_app):
    page = open_app("#train")
    set_settings(page, batch_size=100, epochs=2)           # 100 batches per epoch, 200 in all
    page.get_by_test_id("train-step").click()
    progress = page.get_by_test_id("train-progress")
    expect(progress).not_to_have_attribute("value", "0", timeout=60_000)
    assert float(progress.evaluate("p => p.value")) == pytest.approx(1 / 200)
    page.get_by_test_id("train-step").click()
    expect(progress).to_have_attribute("value", str(2 / 200))
    expect(page.locator(".train-root")).to_have_attribute("data-state", "paused")
    page.get_by_test_id("train-reset").click()
    expect(page.locator(".train-root")).to_have_attribute("data-state", "idle")
    expect(page.get_by_test_id("train-epochs")).to_be_enabled()


def test_bad_settings_get_a_sentence_and_no_run(open_app):
    page = open_app("#train")
    set_settings(page, learning_rate=-1)
    page.get_by_test_id("train-start").click()
    expect(page.get_by_test_id("train-message")).to_contain_text("learning rate must be a number", timeout=60_000)
    expect(page.locator(".train-root")).to_have_attribute("data-state", "idle")


def test_the_trained_network_reads_drawings_downloads_and_survives_a_reload(open_app, tmp_path):
    page = open_app("#train")
    set_settings(page, epochs=1, hidden=20, activation="relu")
    train_to_the_end(page)
    page.get_by_test_id("train-use").click()
    expect(page.get_by_test_id("model-select")).to_have_value("yours")
    expect(page.get_by_test_id("canvas")).to_be_in_viewport()      # the page scrolls up to the recognizer
    draw_with_mouse(page, ZERO)
    answer = last_answer(page)
    assert answer["model"] == "yours"

    with page.expect_download() as download:
        page.get_by_test_id("train-download").click()
    network = tmp_path / "your-network.zip"
    download.value.save_as(network)
    session = Session()
    summary = saved_models.adopt_model_file(session, "downloaded", network.read_bytes())
    assert summary["parameters"] == 784 * 20 + 20 + 210
    assert [layer["type"] for layer in session.model("downloaded").architecture()["layers"]] == ["Dense", "ReLU", "Dense"]
    expected = session.model("downloaded").predict(np.array(answer["image"], np.float32).reshape(1, 28, 28))[0]
    np.testing.assert_allclose(answer["probabilities"], expected, atol=1e-5)

    page.reload()                           # same browser profile: what was kept comes back
    expect(page.get_by_test_id("status")).to_have_attribute("data-state", "ready", timeout=90_000)
    expect(page.get_by_test_id("model-select")).to_have_value("yours", timeout=30_000)
    expect(page.get_by_test_id("train-message")).to_contain_text("from your last visit")
    draw_with_mouse(page, ZERO)
    again = last_answer(page)
    assert again["model"] == "yours"
    np.testing.assert_allclose(again["probabilities"], session.model("downloaded").predict(
        np.array(again["image"], np.float32).reshape(1, 28, 28))[0], atol=1e-5)


def correct_as(page, digit):
    page.get_by_test_id(f"teach-{digit}").click()
    expect(page.get_by_test_id("teach-saved")).to_contain_text(f"Kept as a {digit}")


def test_teaching_fine_tuning_export_import_and_forgetting(open_app, tmp_path):
    page = open_app("#draw?d.model=mlp")
    page.on("dialog", lambda dialog: dialog.accept())
    count = page.get_by_test_id("personal-count")
    # Teach it that this zero is a 6: a wrong label on purpose, so the answer must change.
    draw_with_mouse(page, ZERO)
    assert last_answer(page)["model"] == "mlp"
    first_probabilities = last_answer(page)["probabilities"]
    assert int(np.argmax(first_probabilities)) != 6
    correct_as(page, 6)
    expect(count).to_have_attribute("data-count", "1")
    page.get_by_test_id("clear").click()
    draw_with_mouse(page, SEVEN)
    correct_as(page, 7)
    expect(count).to_have_attribute("data-count", "2")
    expect(page.get_by_test_id("personal-item")).to_have_count(2)

    page.evaluate(WATCH_TUNING)
    page.get_by_test_id("finetune").click()
    result = page.get_by_test_id("finetune-result")
    expect(result).to_contain_text("The recognizer now uses mlp-tuned", timeout=120_000)
    seen = page.evaluate("whileTuning")
    assert {"bar": True, "forget": False} in seen     # it ran in slices, with a bar, and Forget waited
    assert seen[-1] == {"bar": False, "forget": True}  # until the tuned network was kept
    expect(page.get_by_test_id("finetune-progress")).to_be_hidden()
    expect(page.get_by_test_id("forget-everything")).to_be_enabled()
    expect(page.get_by_test_id("model-select")).to_have_value("mlp-tuned")
    assert float(result.get_attribute("data-after")) == 1.0
    # What that cost MNIST, digit by digit: a zero taught as a 6 makes some of MNIST's zeros sixes.
    mnist_before, mnist_after = (float(p) for p in re.search(r"MNIST test digits: ([\d.]+)% before, ([\d.]+)% after",
                                                                       result.text_content()).groups())
    changes = page.get_by_test_id("mnist-changes")
    now_wrong, now_right = (int(changes.get_attribute(f"data-now-{name}")) for name in ("wrong", "right"))
    assert mnist_before - mnist_after == pytest.approx((now_wrong - now_right) / 10, abs=0.1)    # percentages to 0.1
    changes.locator("summary").click()
    changed = changes.get_by_test_id("mnist-change").all()
    assert ("0", "6") in [(item.get_attribute("data-digit"), item.get_attribute("data-after")) for item in changed]
    assert now_wrong - now_right > 5 and "That is more than the page means to lose." in changes.text_content()
    page.get_by_test_id("clear").click()
    draw_with_mouse(page, ZERO)
    answer = last_answer(page)
    assert answer["model"] == "mlp-tuned"
    assert int(np.argmax(answer["probabilities"])) == 6          # the same drawing now reads as taught

    # Export, then a malformed import is refused and the set is intact, then a real import adds.
    with page.expect_download() as download:
        page.get_by_test_id("personal-export").click()
    exported = tmp_path / "my-digits.npz"
    download.value.save_as(exported)
    images, labels = personal.read_personal_set(exported.read_bytes())
    assert labels.tolist() == [6, 7] and images.shape == (2, 28, 28)
    np.testing.assert_allclose(to_float(images[0]), np.array(answer["image"]).reshape(28, 28), atol=0.5 / 255 + 1e-6)

    bad = tmp_path / "broken.npz"
    bad.write_bytes(b"this is not an npz file")
    page.get_by_test_id("personal-import").set_input_files(str(bad))
    expect(result).to_contain_text("broken.npz was not imported")
    expect(count).to_have_attribute("data-count", "2")

    wrong_shape = tmp_path / "wrong.npz"
    buffer = io.BytesIO()
    np.savez(buffer, images=np.zeros((3, 20, 20), np.uint8), labels=np.zeros(3, np.uint8))
    wrong_shape.write_bytes(buffer.getvalue())
    page.get_by_test_id("personal-import").set_input_files(str(wrong_shape))
    expect(result).to_contain_text("28×28")
    expect(count).to_have_attribute("data-count", "2")

    page.get_by_test_id("personal-import").set_input_files(str(exported))
    expect(result).to_contain_text("Imported 2 drawings")
    expect(count).to_have_attribute("data-count", "4")
    page.get_by_test_id("personal-delete").first.click()
    expect(count).to_have_attribute("data-count", "3")

    page.reload()
    expect(page.get_by_test_id("status")).to_have_attribute("data-state", "ready", timeout=90_000)
    expect(count).to_have_attribute("data-count", "3", timeout=30_000)
    expect(page.locator("option[value='mlp-tuned']")).to_have_count(1, timeout=30_000)

    page.get_by_test_id("forget-everything").click()
    expect(count).to_have_attribute("data-count", "0")
    expect(page.locator("option[value='mlp-tuned']")).to_have_count(0)
    page.reload()
    expect(page.get_by_test_id("status")).to_have_attribute("data-state", "ready", timeout=90_000)
    expect(page.locator(".personal-root")).to_have_attribute("data-kept", "restored", timeout=30_000)
    expect(page.locator(".train-root")).to_have_attribute("data-kept", "restored", timeout=30_000)
    expect(count).to_have_attribute("data-count", "0")
    expect(page.locator("option[value='mlp-tuned']")).to_have_count(0)


def test_a_too_big_import_is_refused_before_reading(open_app, tmp_path):
    page = open_app("#train")
    huge = tmp_path / "huge.npz"
    huge.write_bytes(b"\0" * (9 * 2**20))
    page.get_by_test_id("personal-import").set_input_files(str(huge))
    expect(page.get_by_test_id("finetune-result")).to_contain_text("at most 8 MB")
    expect(page.get_by_test_id("personal-count")).to_have_attribute("data-count", "0")
