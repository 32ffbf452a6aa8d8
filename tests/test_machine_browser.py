"""The MNIST machine, played like a visitor would: press cells, turn knobs, follow the hint, let it learn.

Every loss the page shows is checked against the same machine computed here in
CPython, from the state the page keeps in its URL (so also checking that a link
restores exactly what the visitor set).
"""

from urllib.parse import parse_qs, urlencode

import numpy as np
import pytest
from playwright.sync_api import expect

from digits.page.machine import examples_by_digit, machine_forward, machine_set_losses
from digits.toys.machine import KNOB_LIMIT, Knobs

pytestmark = pytest.mark.browser

BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
TICKS = 500            # knob positions per unit, as the page stores them


# ----------------------------------------------------------------------------- the page's state

def machine_params(page):
    """The m.* keys of the page's URL hash."""
    query = page.url.partition("#")[2].partition("?")[2]
    return {key: values[0] for key, values in parse_qs(query).items() if key.startswith("m.")}


def decode_knobs(text):
    positions = [BASE64.index(text[i]) * 64 + BASE64.index(text[i + 1]) for i in range(0, len(text), 2)]
    return Knobs.from_flat(np.array([(p - KNOB_LIMIT * TICKS) / TICKS for p in positions]))


def encode_knobs(knobs):
    positions = np.round(knobs.flat() * TICKS).astype(int) + int(KNOB_LIMIT * TICKS)
    return "".join(BASE64[p >> 6] + BASE64[p & 63] for p in positions)


def state_from_url(page):
    params = machine_params(page)
    return ([int(c) for c in params["m.g"]], decode_knobs(params["m.k"]).to_json(), int(params["m.t"]))


def settled(page):
    """Wait until the knobs stand still and Python has answered the latest change."""
    expect(page.get_by_test_id("machine")).to_have_attribute("data-busy", "false", timeout=30_000)


def shown_loss(page):
    settled(page)
    return float(page.get_by_test_id("machine-loss").text_content())


def shown_set_loss(page):
    settled(page)
    return float(page.get_by_test_id("machine-set-loss").text_content())


def knob_value(page, testid):
    return float(page.get_by_test_id(testid).get_attribute("aria-valuenow"))


def turn(page, testid, *keys):
    page.get_by_test_id(testid).focus()
    for key in keys:
        page.keyboard.press(key)
    settled(page)


def assert_loss_matches_python(page):
    cells, knobs, target = state_from_url(page)
    expected = machine_forward(cells, knobs, target)["loss"]
    assert shown_loss(page) == pytest.approx(expected, abs=2e-4)
    return expected


@pytest.fixture
def machine(open_shared_app):
    """The machine, booted once for the module and put back as it opens by its Reset button
    (which also stops Auto and clears its keys from the link), nothing focused."""
    page = open_shared_app("#machine")
    expect(page.get_by_test_id("machine-loss")).not_to_have_text("", timeout=30_000)
    page.get_by_test_id("machine-reset").click()
    settled(page)
    expect(page.get_by_test_id("machine")).to_have_attribute("data-auto", "idle")
    expect(page.get_by_test_id("machine-history")).to_have_attribute("data-count", "1")
    expect(page.get_by_test_id("machine-scope-drawing")).to_be_checked()
    expect(page.get_by_test_id("machine-hint")).not_to_be_checked()
    expect(page.get_by_test_id("machine-target-7")).to_have_attribute("aria-pressed", "true")
    assert machine_params(page) == {}
    page.evaluate("() => document.activeElement?.blur()")
    page.get_by_test_id("machine-cell-0").scroll_into_view_if_needed()
    return page


# ----------------------------------------------------------------------------- tests

def test_the_machine_is_there_before_python_and_answers_once_it_is_ready(open_app):
    page = open_app("#machine", wait_ready=False)
    expect(page.get_by_test_id("machine-cell-24")).to_be_visible()
    expect(page.locator("[data-testid^=machine-cell-][aria-pressed=true]")).to_have_count(9)   # the 7 it starts with
    assert page.get_by_test_id("status").get_attribute("data-state") == "loading"
    before = knob_value(page, "machine-knob-24")
    page.get_by_test_id("machine-knob-24").press("ArrowUp")              # the knobs turn while Python loads
    assert knob_value(page, "machine-knob-24") == pytest.approx(before + 0.1)
    expect(page.get_by_test_id("machine-loss")).not_to_have_text("", timeout=90_000)
    assert 0 < shown_loss(page) < 10


def test_cells_knobs_and_target_give_the_loss_python_computes(machine):
    page = machine
    cell = page.get_by_test_id("machine-cell-12")
    was_lit = cell.get_attribute("aria-pressed") == "true"
    cell.click()
    expect(cell).to_have_attribute("aria-pressed", str(not was_lit).lower())
    page.get_by_test_id("machine-cell-0").press("Space")          # the keyboard works too
    settled(page)
    first = assert_loss_matches_python(page)

    before = knob_value(page, "machine-knob-12")
    turn(page, "machine-knob-12", "ArrowUp", "ArrowUp", "ArrowUp")
    assert knob_value(page, "machine-knob-12") == pytest.approx(before + 0.3)
    turn(page, "machine-knob-bias", "PageDown")
    page.get_by_test_id("machine-neuron-2").click()
    expect(page.get_by_test_id("machine-neuron-2")).to_have_attribute("aria-pressed", "true")
    turn(page, "machine-knob-0", "End")
    assert knob_value(page, "machine-knob-0") == KNOB_LIMIT
    turn(page, "machine-output-knob-2", "ArrowDown")
    page.get_by_test_id("machine-target-3").click()
    expect(page.get_by_test_id("machine-target-3")).to_have_attribute("aria-pressed", "true")

    second = assert_loss_matches_python(page)
    assert second != pytest.approx(first)
    _, knobs, target = state_from_url(page)
    assert target == 3 and knobs["hidden_weights"][2][0] == KNOB_LIMIT


def test_following_the_hint_lowers_the_loss(machine):
    page = machine
    page.get_by_test_id("machine-hint").check()
    for _ in range(3):
        settled(page)
        knobs = page.locator(".knob[data-hint=up], .knob[data-hint=down]")
        hints = {k.get_attribute("data-testid"): float(k.get_attribute("data-gradient")) for k in knobs.all()}
        assert hints, "the hint marks no knob"
        strongest = max(hints, key=lambda testid: abs(hints[testid]))
        direction = page.get_by_test_id(strongest).get_attribute("data-hint")
        assert direction == ("up" if hints[strongest] < 0 else "down")      # downhill: against the gradient
        before = shown_loss(page)
        turn(page, strongest, "ArrowUp" if direction == "up" else "ArrowDown")
        assert shown_loss(page) < before, f"turning {strongest} {direction} did not lower the loss"
    # And against the hint, the loss goes up.
    before = shown_loss(page)
    turn(page, strongest, "ArrowDown" if direction == "up" else "ArrowUp", "ArrowDown" if direction == "up" else "ArrowUp")
    assert shown_loss(page) > before


def test_one_step_lowers_the_loss_and_the_history_shows_it(machine):
    page = machine
    history = page.get_by_test_id("machine-history")
    expect(history).to_have_attribute("data-count", "1")             # the loss before any move
    before = shown_loss(page)
    page.get_by_test_id("machine-step").click()
    after = shown_loss(page)
    assert after < before
    assert_loss_matches_python(page)
    expect(history).to_have_attribute("data-count", "2")
    expect(page.get_by_test_id("machine-delta")).to_have_text(f"▼ {before - after:.3f}")


def test_learning_from_the_set_and_auto_drive_the_set_loss_down(machine):
    page = machine
    page.get_by_test_id("machine-scope-set").check()
    start = shown_set_loss(page)
    page.get_by_test_id("machine-step").click()
    assert shown_set_loss(page) < start

    page.get_by_test_id("machine-rate").select_option("1")
    page.get_by_test_id("machine-auto").click()
    board = page.get_by_test_id("machine")
    expect(board).to_have_attribute("data-auto", "running")
    expect(board).to_have_attribute("data-auto", "idle", timeout=90_000)
    final = shown_set_loss(page)
    assert final < 0.1
    _, knobs, _ = state_from_url(page)
    python = machine_set_losses(knobs, list(examples_by_digit().values()))
    assert final == pytest.approx(python["mean"], abs=2e-4)
    assert python["correct"] == 10
    expect(page.locator(".set-item.wrong")).to_have_count(0)


def test_an_example_loads_its_drawing_and_target(machine):
    page = machine
    page.get_by_test_id("machine-example-3").click()
    expect(page.get_by_test_id("machine-target-3")).to_have_attribute("aria-pressed", "true")
    three = examples_by_digit()[3]["cells"]
    for i, lit in enumerate(three):
        expect(page.get_by_test_id(f"machine-cell-{i}")).to_have_attribute("aria-pressed", str(bool(lit)).lower())
    assert_loss_matches_python(page)


def test_a_link_restores_the_machine(open_app):
    knobs = Knobs.from_flat(np.round(np.random.default_rng(1).uniform(-3, 3, 190) * TICKS) / TICKS)
    cells = examples_by_digit()[5]["cells"]
    query = urlencode({"m.g": "".join(map(str, cells)), "m.k": encode_knobs(knobs), "m.t": 6, "m.n": 3})
    page = open_app("#machine?" + query)
    settled(page)
    expect(page.get_by_test_id("machine-neuron-3")).to_have_attribute("aria-pressed", "true")
    expect(page.get_by_test_id("machine-target-6")).to_have_attribute("aria-pressed", "true")
    assert knob_value(page, "machine-knob-7") == knobs.hidden_weights[3, 7]
    assert knob_value(page, "machine-output-knob-1") == knobs.output_weights[6, 1]
    expected = machine_forward(cells, knobs.to_json(), 6)["loss"]
    assert shown_loss(page) == pytest.approx(expected, abs=2e-4)

    page.get_by_test_id("machine-reset").click()
    settled(page)
    assert machine_params(page) == {}
    expect(page.get_by_test_id("machine-target-7")).to_have_attribute("aria-pressed", "true")


def test_knobs_turn_with_a_mouse_drag(machine):
    page = machine
    before = knob_value(page, "machine-knob-4")
    box = page.get_by_test_id("machine-knob-4").bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["width"] / 2
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x, y - 25, steps=5)          # up turns it up: 25 px is one unit
    page.mouse.up()
    assert knob_value(page, "machine-knob-4") == pytest.approx(before + 1.0, abs=0.02)
    assert_loss_matches_python(page)


def test_knobs_also_turn_for_pointer_events_made_by_a_script(machine):
    # Such pointers cannot be captured; the knob must turn all the same.
    page = machine
    before = knob_value(page, "machine-knob-4")
    page.get_by_test_id("machine-knob-4").evaluate("""knob => {
        const box = knob.getBoundingClientRect();
        const x = box.left + box.width / 2, y = box.top + box.height / 2;
        const send = (type, dy) => knob.dispatchEvent(new PointerEvent(type, {
            bubbles: true, cancelable: true, pointerId: 9, button: 0, clientX: x, clientY: y + dy}));
        send("pointerdown", 0);
        send("pointermove", -50);
        send("pointerup", -50);
    }""")
    assert knob_value(page, "machine-knob-4") == pytest.approx(before + 2.0, abs=0.02)
    assert_loss_matches_python(page)


def test_on_a_phone_cells_and_knobs_work_by_touch_without_sideways_scrolling(open_app):
    page = open_app("#machine", has_touch=True, is_mobile=True, viewport={"width": 390, "height": 844})
    settled(page)
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
    cell = page.get_by_test_id("machine-cell-6")
    cell.scroll_into_view_if_needed()
    cell.tap()
    expect(cell).to_have_attribute("aria-pressed", "true")

    knob = page.get_by_test_id("machine-knob-6")
    knob.scroll_into_view_if_needed()
    before = knob_value(page, "machine-knob-6")
    box = knob.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["width"] / 2
    session = page.context.new_cdp_session(page)
    swipe = [(x + dx, y) for dx in range(0, 31, 5)]                  # sideways, 30 px to the right
    session.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": x, "y": y}]})
    for px, py in swipe[1:]:
        session.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [{"x": px, "y": py}]})
    session.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    assert knob_value(page, "machine-knob-6") == pytest.approx(before + 1.2, abs=0.05)
    assert_loss_matches_python(page)
