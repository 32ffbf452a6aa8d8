"""Switching networks while drawing, training and fine-tuning, in random order and timing.

A visitor (or a class of them) clicks faster than Python answers: draws, clears, picks
another network, starts and pauses training, teaches a digit and fine-tunes, without
waiting for anything. Whatever the order, once the page settles the bars belong to the
network the menu shows and to the drawing on the pad: the same probabilities Python gives
for that drawing with that network, asked afresh. Seeded, so a failure can be replayed.
"""

import random

import numpy as np
import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import expect

import chromium
from digits.images import handwriting

SETTLE_TIMEOUT = 180_000
CLICK_TIMEOUT = 2_000        # ms: a button that showed a moment ago and still shows is clicked well within it
MODELS = ["writers", "cnn", "mlp", "nielsen"]


def random_digit(rng):
    digit = rng.randrange(10)
    style = rng.choice(list(handwriting.STYLES[digit].values()))
    strokes = handwriting.draw(style, np.random.default_rng(rng.randrange(2**32)))
    return [[tuple(point) for point in stroke] for stroke in strokes]


def act(page, rng):
    action = rng.choice(["draw", "draw", "draw", "clear", "switch", "switch", "train", "teach", "tune", "wait"])
    if action == "draw":
        chromium.draw(page, random_digit(rng), steps=2)
    elif action == "clear":
        page.get_by_test_id("clear").click()
    elif action == "switch":
        page.get_by_test_id("model-select").select_option(rng.choice(MODELS))
    elif action == "train":
        click_if_there(page.get_by_test_id("train-pause" if rng.random() < 0.5 else "train-start"))
    elif action == "teach":
        click_if_there(page.get_by_test_id(f"teach-{rng.randrange(10)}"))
    elif action == "tune":
        click_if_there(page.get_by_test_id("finetune"))
    page.wait_for_timeout(rng.choice([0, 0, 20, 80, 250]))
    return action


def click_if_there(button):
    """Click `button` if it shows and is enabled. It may go in the moment between the look and the
    click: the correction buttons hide once the recognizer has read a cleared pad, which comes a
    moment after Clear (longer while a network is loading). That click is lost, as a visitor's
    would be, and the page goes on."""
    if button.is_visible() and button.is_enabled():
        try:
            button.click(timeout=CLICK_TIMEOUT)
        except PlaywrightTimeoutError:
            pass


def settle(page):
    """Pause any training, let any fine-tuning end, and wait until no reading is on its way."""
    pause = page.get_by_test_id("train-pause")
    if pause.is_visible() and pause.is_enabled():
        pause.click()
    expect(page.get_by_test_id("finetune-progress")).to_be_hidden(timeout=SETTLE_TIMEOUT)
    expect(page.locator(".train-root")).not_to_have_attribute("data-state", "training", timeout=SETTLE_TIMEOUT)
    expect(page.get_by_test_id("prediction")).to_have_attribute("data-busy", "false", timeout=SETTLE_TIMEOUT)


@pytest.mark.parametrize("seed", [11, 12])
def test_the_bars_always_belong_to_the_chosen_network_and_the_latest_drawing(open_app, seed):
    page = open_app("#draw")
    page.on("dialog", lambda dialog: dialog.accept())
    rng = random.Random(seed)
    done = [act(page, rng) for _ in range(30)]
    chromium.draw(page, random_digit(rng), steps=2)          # end on a drawing, so there are bars
    settle(page)
    state = page.evaluate("""async () => {
        const { last, drawing } = app.recognizer;
        const { chosen } = app.networks;
        const fresh = await app.python.call("predict", chosen, drawing.data, drawing.height, drawing.width);
        const bars = [...Array(10).keys()].map((k) =>
            Number(document.querySelector(`[data-testid=bar-${k}]`).dataset.prob));
        return { model: last.model, chosen, shown: last.probabilities, fresh: fresh.probabilities, bars,
                 digit: document.querySelector("[data-testid=prediction]").textContent, freshDigit: fresh.digit };
    }""")
    assert state["model"] == state["chosen"] == page.get_by_test_id("model-select").input_value(), done
    np.testing.assert_allclose(state["shown"], state["fresh"], atol=1e-6)
    np.testing.assert_allclose(state["bars"], state["fresh"], atol=1e-3)
    assert state["digit"] == str(state["freshDigit"])
