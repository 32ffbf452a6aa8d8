"""Python that comes back: when its worker dies or hangs, the page starts it again and loses nothing.

A worker dies of a WebAssembly trap or of running out of memory, and a phone may stop it;
here it is failed through the page's own handle on it (window.app.python.worker): an error
event as a crashing worker sends, or terminate(), after which the worker never answers and
the page notices when a call runs past its limit (30 s).
"""

from playwright.sync_api import expect

import chromium
from conftest import READY_TIMEOUT, wait_until_ready

ONE = [[(0.5, 0.15), (0.5, 0.85)]]
SEVEN = [[(0.25, 0.2), (0.75, 0.2), (0.45, 0.85)]]
RESTART_TIMEOUT = READY_TIMEOUT + 40_000     # ms: the call limit, then a whole new Python

CRASH = "() => app.python.worker.dispatchEvent(new ErrorEvent('error', { message: 'RuntimeError: unreachable' }))"


def drawn(page, strokes, digit):
    chromium.draw(page, strokes)
    expect(page.get_by_test_id("prediction")).to_have_attribute("data-busy", "false")
    expect(page.get_by_test_id("prediction")).to_have_text(digit)


def test_a_crashed_python_starts_again_and_reads_the_drawing_still_on_the_pad(open_app, expects_errors):
    page = open_app("#draw?d.model=mlp")
    drawn(page, ONE, "1")
    version = int(page.get_by_test_id("prediction").get_attribute("data-version"))
    page.evaluate(CRASH)
    status = page.get_by_test_id("status")
    expect(status).to_have_attribute("data-state", "loading")
    expect(status).to_contain_text("Python stopped (RuntimeError: unreachable). Starting Python again…")
    wait_until_ready(page, RESTART_TIMEOUT)
    # The same drawing, read again by the same network in the new Python.
    expect(page.get_by_test_id("prediction")).to_have_attribute("data-version", str(version + 1))
    expect(page.get_by_test_id("prediction")).to_have_text("1")
    assert page.get_by_test_id("model-select").input_value() == "mlp"
    drawn(page, SEVEN, "7")            # and it goes on reading


def test_a_python_that_stops_answering_is_started_again(open_app, expects_errors):
    page = open_app()
    drawn(page, ONE, "1")
    page.evaluate("() => app.python.worker.terminate()")
    page.get_by_test_id("clear").click()
    chromium.draw(page, SEVEN)         # this reading never comes back from the stopped worker
    expect(page.get_by_test_id("status")).to_contain_text(
        "Python took more than 30 seconds to answer, so it was stopped. Starting Python again…", timeout=RESTART_TIMEOUT)
    wait_until_ready(page, RESTART_TIMEOUT)
    expect(page.get_by_test_id("prediction")).to_have_text("7")


def test_a_second_failure_in_a_row_stops_retrying_and_says_what_to_do(open_app, expects_errors):
    page = open_app()
    page.evaluate(CRASH)
    expect(page.get_by_test_id("status")).to_contain_text("Starting Python again…")
    page.evaluate(CRASH)               # the new Python fails before it has answered anything
    status = page.get_by_test_id("status")
    expect(status).to_have_attribute("data-state", "error")
    expect(status).to_have_text(
        "Python stopped (RuntimeError: unreachable), and it had just been started again. Reload the page to start "
        "afresh: your drawings, your personal set and the networks you kept are safe in this browser.")
    # The sections that need no Python keep working: the pad still draws.
    chromium.draw(page, ONE)
    assert page.evaluate("() => !app.recognizer.last") is True


def test_training_under_a_crash_is_reported_as_interrupted(open_app, expects_errors):
    page = open_app("#train")
    page.get_by_test_id("train-start").click()
    expect(page.locator(".train-root")).to_have_attribute("data-state", "training", timeout=READY_TIMEOUT)
    expect(page.get_by_test_id("train-progress")).not_to_have_attribute("value", "0", timeout=READY_TIMEOUT)
    page.evaluate(CRASH)
    expect(page.get_by_test_id("train-message")).to_contain_text(
        "Training was interrupted: Python stopped (RuntimeError: unreachable). Starting Python again… "
        "Your settings are kept; press Train to start again.", timeout=READY_TIMEOUT)
    wait_until_ready(page, RESTART_TIMEOUT)
    expect(page.get_by_test_id("train-start")).to_be_enabled()
