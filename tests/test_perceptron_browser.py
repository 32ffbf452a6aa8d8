"""The perceptron section, driven through its controls like a visitor would.

What the tests read from the page (data-testid):
  perceptron-x1..x3       buttons; data-value is "1" (sunny / weekend / friends) or "-1"; a click flips it
  perceptron-w1..w3, perceptron-bias   range inputs, -5..5 in steps of 0.1
  perceptron-sum          the weighted sum plus bias, a number written with one decimal ("-1.5")
  perceptron-output       "1" (go) or "0" (stay)
  perceptron-row-0..7     the truth table's rows, in the order (+1,+1,+1), (+1,+1,-1), ... (-1,-1,-1);
                          data-output is the neuron's decision for that situation
  perceptron-want-0..7    the visitor's answer per situation: aria-pressed "true" = go
  perceptron-train, perceptron-step   the Train and Step buttons
  perceptron-train-result data-state: idle | training | learned | impossible | error
"""

import itertools
import random
import re

import pytest
from playwright.sync_api import expect

from conftest import READY_TIMEOUT

pytestmark = pytest.mark.browser

SITUATIONS = list(itertools.product((1, -1), repeat=3))
WEIGHTS = ["perceptron-w1", "perceptron-w2", "perceptron-w3", "perceptron-bias"]


def tenths_text(tenths):
    """An exact number of tenths as the page writes it: -15 → "-1.5", 0 → "0.0"."""
    return f"{'-' if tenths < 0 else ''}{abs(tenths) // 10}.{abs(tenths) % 10}"


def weighted_sum_tenths(x, w_tenths, b_tenths):
    """z = w·x + b, in integer tenths: exact, so ties at zero are decided exactly."""
    return sum(xi * wi for xi, wi in zip(x, w_tenths)) + b_tenths


def set_inputs(page, x):
    for i, value in enumerate(x, start=1):
        toggle = page.get_by_test_id(f"perceptron-x{i}")
        if toggle.get_attribute("data-value") != str(value):
            toggle.click()
        expect(toggle).to_have_attribute("data-value", str(value))


def set_weights(page, w_tenths, b_tenths):
    for testid, tenths in zip(WEIGHTS, [*w_tenths, b_tenths]):
        page.get_by_test_id(testid).fill(str(tenths / 10))


def slider_tenths(page):
    return [round(float(page.get_by_test_id(testid).input_value()) * 10) for testid in WEIGHTS]


def expect_answer(page, x, w_tenths, b_tenths, timeout=5_000):
    z = weighted_sum_tenths(x, w_tenths, b_tenths)
    expect(page.get_by_test_id("perceptron-sum")).to_have_text(tenths_text(z), timeout=timeout)
    expect(page.get_by_test_id("perceptron-output")).to_have_text("1" if z > 0 else "0")


def set_wish(page, wish):
    for i, go in enumerate(wish):
        button = page.get_by_test_id(f"perceptron-want-{i}")
        if button.get_attribute("aria-pressed") != ("true" if go else "false"):
            button.click()
        expect(button).to_have_attribute("aria-pressed", "true" if go else "false")


def expect_decisions(page, wish):
    """Wait until the table says the neuron decides as `wish` (its outputs come from Python, a moment later)."""
    for i, go in enumerate(wish):
        expect(page.get_by_test_id(f"perceptron-row-{i}")).to_have_attribute("data-output", str(go))


START = {"x": [1, 1, -1], "w_tenths": [20, 30, 10], "b_tenths": -10, "want": [1, 0, 1, 0, 0, 0, 0, 0]}


@pytest.fixture
def beach(open_shared_app):
    """The perceptron, booted once for the module and put back as it opens: Reset pressed (which
    also stops any lesson), the starting wish, Python's answer for them in, nothing focused."""
    page = open_shared_app("#perceptron")
    page.locator("#perceptron").get_by_role("button", name="Reset").click()
    set_wish(page, START["want"])
    expect(page.get_by_test_id("perceptron-train-result")).to_have_attribute("data-state", "idle")
    expect_answer(page, START["x"], START["w_tenths"], START["b_tenths"])
    expect_decisions(page, [int(weighted_sum_tenths(x, START["w_tenths"], START["b_tenths"]) > 0) for x in SITUATIONS])
    page.evaluate("() => document.activeElement?.blur()")
    page.get_by_test_id("perceptron-w1").scroll_into_view_if_needed()
    return page


# ----------------------------------------------------------------------------- the formula

def test_sliders_cover_minus_five_to_five_in_tenths(beach):
    for testid in WEIGHTS:
        slider = beach.get_by_test_id(testid)
        assert float(slider.get_attribute("min")) <= -5 and float(slider.get_attribute("max")) >= 5
        assert float(slider.get_attribute("step")) == pytest.approx(0.1)


def test_sum_and_output_follow_the_formula_for_random_settings(beach):
    rng = random.Random(20240605)
    for _ in range(25):
        x = [rng.choice((1, -1)) for _ in range(3)]
        w_tenths = [rng.randint(-50, 50) for _ in range(3)]
        b_tenths = rng.randint(-50, 50)
        set_inputs(beach, x)
        set_weights(beach, w_tenths, b_tenths)
        expect_answer(beach, x, w_tenths, b_tenths)


def test_a_sum_of_exactly_zero_stays_home(beach):
    # 0.3 - 0.1 - 0.2 is not quite zero in floating point; on paper it is, and zero is not above zero.
    set_inputs(beach, [1, -1, -1])
    set_weights(beach, [3, 1, 2], 0)
    expect_answer(beach, [1, -1, -1], [3, 1, 2], 0)
    set_weights(beach, [3, 1, 2], 1)
    expect_answer(beach, [1, -1, -1], [3, 1, 2], 1)


def test_the_formula_is_written_out_with_the_numbers(beach):
    set_inputs(beach, [1, -1, 1])
    set_weights(beach, [20, -30, 5], -10)
    formula = beach.locator("#perceptron .pc-formula")
    expect(formula).to_have_text(re.compile(
        r"1·\(2\.0\)\s*\+\s*\(-1\)·\(-3\.0\)\s*\+\s*1·\(0\.5\)\s*\+\s*\(-1\.0\)\s*=\s*4\.5\s*> 0 → go"))
    expect(beach.locator("#perceptron .pc-scene svg")).to_have_attribute("aria-label", re.compile("beach"))
    set_weights(beach, [20, 30, 5], -10)
    expect(formula).to_have_text(re.compile(r"=\s*-1\.5\s*≤ 0 → stay"))
    expect(beach.locator("#perceptron .pc-scene svg")).to_have_attribute("aria-label", re.compile("stay home"))


def test_keyboard_alone_works(beach):
    set_inputs(beach, [1, 1, 1])
    set_weights(beach, [10, 10, 10], 0)
    expect_answer(beach, [1, 1, 1], [10, 10, 10], 0)
    slider = beach.get_by_test_id("perceptron-bias")
    slider.focus()
    beach.keyboard.press("Home")                         # bias to -5: 3 - 5 = -2
    expect_answer(beach, [1, 1, 1], [10, 10, 10], -50)
    for _ in range(3):
        beach.keyboard.press("ArrowRight")               # -4.7
    expect_answer(beach, [1, 1, 1], [10, 10, 10], -47)
    beach.get_by_test_id("perceptron-x1").focus()
    beach.keyboard.press("Space")                        # raining: 1 - 4.7
    expect(beach.get_by_test_id("perceptron-x1")).to_have_attribute("data-value", "-1")
    expect_answer(beach, [-1, 1, 1], [10, 10, 10], -47)
    # Every slider has a label a screen reader can announce, and the result is read out.
    expect(beach.get_by_label("weight of the weather")).to_have_attribute("data-testid", "perceptron-w1")
    expect(beach.get_by_label("bias: how keen you are anyway")).to_have_attribute("data-testid", "perceptron-bias")
    expect(beach.locator("#perceptron [aria-live]").first).to_have_text(re.compile("stay home"))


# ----------------------------------------------------------------------------- the truth table

def test_truth_table_shows_every_situation_live(beach):
    for w_tenths, b_tenths in [([20, 30, 10], -10), ([-15, 5, 40], 5), ([0, 0, 0], 0)]:
        set_weights(beach, w_tenths, b_tenths)
        for i, x in enumerate(SITUATIONS):
            z = weighted_sum_tenths(x, w_tenths, b_tenths)
            row = beach.get_by_test_id(f"perceptron-row-{i}")
            expect(row).to_have_attribute("data-output", "1" if z > 0 else "0")
            expect(row.locator(".pc-row-sum")).to_have_text(tenths_text(z))


def test_a_row_of_the_table_shows_its_situation(beach):
    beach.get_by_test_id("perceptron-row-5").get_by_role("button", name=re.compile("Show this situation")).click()
    for i, value in enumerate(SITUATIONS[5], start=1):      # raining, weekend, alone
        expect(beach.get_by_test_id(f"perceptron-x{i}")).to_have_attribute("data-value", str(value))


# ----------------------------------------------------------------------------- teach it

def test_training_learns_a_separable_wish(beach):
    wish = [1 if friends == 1 else 0 for _, _, friends in SITUATIONS]      # only with friends
    set_wish(beach, wish)
    beach.get_by_test_id("perceptron-train").click()
    expect(beach.get_by_test_id("perceptron-train-result")).to_have_attribute("data-state", "learned", timeout=30_000)
    expect(beach.get_by_test_id("perceptron-train-result")).to_contain_text("All 8 situations are right")
    expect_decisions(beach, wish)
    # The sliders hold the learned weights, and they really do encode the wish.
    *w_tenths, b_tenths = slider_tenths(beach)
    assert [int(weighted_sum_tenths(x, w_tenths, b_tenths) > 0) for x in SITUATIONS] == wish


def test_step_by_step_each_update_is_the_learning_rule(beach):
    wish = [1 if x1 + x2 + x3 >= 1 else 0 for x1, x2, x3 in SITUATIONS]      # two out of three
    set_wish(beach, wish)
    step, report = beach.get_by_test_id("perceptron-step"), beach.get_by_test_id("perceptron-train-result")
    step.click()                                                           # the start: a blank neuron
    expect(beach.get_by_test_id("perceptron-w1")).to_have_value("0")
    expect(beach.get_by_test_id("perceptron-bias")).to_have_value("0")
    updates = 0
    while report.get_attribute("data-state") != "learned":
        before = slider_tenths(beach)
        step.click()
        updates += 1
        assert updates <= 20, "the learning rule should converge within a few updates here"
        if report.get_attribute("data-state") == "learned" and slider_tenths(beach) == before:
            break                                                          # the last press only announced it
        learning = beach.locator("#perceptron tr.learning")
        expect(learning).to_have_count(1)
        i = int(learning.get_attribute("data-testid").rsplit("-", 1)[1])
        x = SITUATIONS[i]
        error = 1 if wish[i] == 1 else -1                                  # it only updates when wrong: y - ŷ = ±1
        assert int(weighted_sum_tenths(x, before[:3], before[3]) > 0) != wish[i]
        expected = [b + 5 * error * xi for b, xi in zip(before, [*x, 1])]   # η = 0.5, five tenths
        for testid, tenths in zip(WEIGHTS, expected):
            expect(beach.get_by_test_id(testid)).to_have_value(str(tenths / 10).removesuffix(".0"))
    expect_decisions(beach, wish)
    expect(beach.locator("#perceptron .pc-updates li")).to_have_count(updates + 1)   # the start, then each update


def test_xor_is_refused_honestly(beach):
    set_weights(beach, [12, -7, 3], 4)
    xor = [1 if x1 != x2 else 0 for x1, x2, _ in SITUATIONS]
    set_wish(beach, xor)
    beach.get_by_test_id("perceptron-train").click()
    report = beach.get_by_test_id("perceptron-train-result")
    expect(report).to_have_attribute("data-state", "impossible", timeout=30_000)
    expect(report).to_contain_text("One neuron cannot learn this")
    expect(report).to_contain_text("never got all 8 right")
    expect(beach.locator("#perceptron tr.witness")).to_have_count(4)
    assert slider_tenths(beach) == [12, -7, 3, 4]                   # nothing learned, nothing changed


def test_the_ready_made_xor_wish_is_refused_too(beach):
    beach.locator("#perceptron").get_by_role("button", name="Sun or weekend, not both").click()
    beach.get_by_test_id("perceptron-step").click()
    expect(beach.get_by_test_id("perceptron-train-result")).to_have_attribute("data-state", "impossible")


# ----------------------------------------------------------------------------- presets, links, loading

def test_presets_and_reset(beach):
    beach.locator("#perceptron").get_by_role("button", name="Sun is all that matters").click()
    for i, x in enumerate(SITUATIONS):
        expect(beach.get_by_test_id(f"perceptron-row-{i}")).to_have_attribute("data-output", "1" if x[0] == 1 else "0")
    beach.locator("#perceptron").get_by_role("button", name="Weekday weighs a lot").click()
    for i, (sunny, weekend, friends) in enumerate(SITUATIONS):
        goes = weekend == 1 or (sunny == 1 and friends == 1)
        expect(beach.get_by_test_id(f"perceptron-row-{i}")).to_have_attribute("data-output", "1" if goes else "0")
    set_weights(beach, [-40, 10, 10], 30)
    beach.locator("#perceptron").get_by_role("button", name="Reset").click()
    assert slider_tenths(beach) == [20, 30, 10, -10]


def test_a_configuration_is_a_link(open_app):
    page = open_app("#perceptron?p.x=010&p.w1=-2.5&p.w2=1&p.w3=0.5&p.b=0.3&p.want=11110000")
    assert slider_tenths(page) == [-25, 10, 5, 3]
    for i, value in enumerate([-1, 1, -1], start=1):
        expect(page.get_by_test_id(f"perceptron-x{i}")).to_have_attribute("data-value", str(value))
    expect_answer(page, [-1, 1, -1], [-25, 10, 5], 3)
    for i in range(8):
        expect(page.get_by_test_id(f"perceptron-want-{i}")).to_have_attribute("aria-pressed", str(i < 4).lower())
    page.get_by_test_id("perceptron-w2").fill("-4.2")
    page.get_by_test_id("perceptron-x3").click()
    expect(page).to_have_url(re.compile(r"p\.w2=-4\.2"))
    expect(page).to_have_url(re.compile(r"p\.x=011"))


def test_a_damaged_link_falls_back_to_the_start_key_by_key(open_app):
    # Out of range, malformed or empty values read as their defaults; the valid one is kept.
    page = open_app("#perceptron?p.x=0102&p.w1=99&p.w2=abc&p.w3=-0.5&p.b=&p.want=111")
    assert slider_tenths(page) == [20, 30, -5, -10]
    for i, value in enumerate([1, 1, -1], start=1):
        expect(page.get_by_test_id(f"perceptron-x{i}")).to_have_attribute("data-value", str(value))
    for i, go in enumerate([1, 0, 1, 0, 0, 0, 0, 0]):
        expect(page.get_by_test_id(f"perceptron-want-{i}")).to_have_attribute("aria-pressed", str(bool(go)).lower())
    expect_answer(page, [1, 1, -1], [20, 30, -5], -10)


def test_controls_work_before_python_is_ready(open_app):
    page = open_app("#perceptron", wait_ready=False)
    toggle = page.get_by_test_id("perceptron-x2")
    expect(toggle).to_have_attribute("data-value", "1")
    toggle.click()
    expect(toggle).to_have_attribute("data-value", "-1")
    page.get_by_test_id("perceptron-w1").fill("4")
    expect(page.locator("#perceptron .pc-formula")).to_contain_text("1·(4.0)")
    expect_answer(page, [1, -1, -1], [40, 30, 10], -10, timeout=READY_TIMEOUT)   # once Python answers


def test_on_a_phone(open_app):
    page = open_app("#perceptron", has_touch=True, is_mobile=True, viewport={"width": 390, "height": 844})
    page.get_by_test_id("perceptron-x1").tap()
    expect(page.get_by_test_id("perceptron-x1")).to_have_attribute("data-value", "-1")
    expect_answer(page, [-1, 1, -1], [20, 30, 10], -10)
    for testid in ["perceptron-x3", "perceptron-bias", "perceptron-want-7", "perceptron-train"]:
        box = page.get_by_test_id(testid).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390, testid
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
