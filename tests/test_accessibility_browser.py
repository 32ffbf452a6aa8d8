"""Every section of the page, audited by axe-core: contrast, names, labels, roles, landmarks.

The audit runs on each section in view (sections out of view are not laid out), after a
digit is drawn and corrected, so the answer, the bars, the correction buttons and the
personal set are there to be audited too; on a desktop in light colours and on a phone
in dark ones.
"""

import pytest
from playwright.sync_api import expect

from test_recognizer_browser import SEVEN, draw_with_mouse

pytestmark = pytest.mark.browser

SCREENS = {
    "desktop-light": {"viewport": {"width": 1280, "height": 900}, "color_scheme": "light"},
    "phone-dark": {"viewport": {"width": 390, "height": 844}, "color_scheme": "dark",
                   "has_touch": True, "is_mobile": True},
}
SECTIONS = ["draw", "number", "inside", "why", "mnist", "perceptron", "machine", "train", "learn-more"]

AUDIT = """async (selector) => {
  const result = await axe.run(selector, { resultTypes: ["violations"] });
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help}; on `
    + v.nodes.slice(0, 3).map((node) => node.target.join(" ")).join(", ")
    + (v.nodes.length > 3 ? ` and ${v.nodes.length - 3} more` : ""));
}"""


@pytest.mark.parametrize("screen", SCREENS)
def test_every_section_passes_an_accessibility_audit(open_app, axe_source, screen):
    # bypass_csp lets the test add axe's script; the page's own policy is tested elsewhere.
    page = open_app("#draw", bypass_csp=True, **SCREENS[screen])
    draw_with_mouse(page, SEVEN)
    page.get_by_test_id("teach-7").click()
    expect(page.get_by_test_id("teach-saved")).to_contain_text("Kept as a 7")
    expect(page.get_by_test_id("perceptron-sum")).not_to_have_text("…")
    expect(page.get_by_test_id("machine-loss")).not_to_have_text("", timeout=30_000)
    show_the_lessons(page)
    page.add_script_tag(content=axe_source)
    violations = {}
    for section in SECTIONS:
        page.locator(f"#{section}").scroll_into_view_if_needed()
        if section == "inside":
            open_what_made_them(page)
        if section == "why":
            ask_why(page)
        violations[section] = page.evaluate(AUDIT, f"#{section}")
    found = [f"#{section}: {v}" for section, found in violations.items() for v in found]
    assert not found, "axe-core found:\n  " + "\n  ".join(found)


def open_what_made_them(page):
    """The inside view once it shows the drawing, with a map's kernels and a neuron's sum open."""
    expect(page.locator(".inside-root")).to_have_attribute("data-busy", "false", timeout=60_000)
    page.get_by_test_id("layer-1").locator(".map-button").first.click()
    expect(page.get_by_test_id("layer-1").locator(".kernel-tile")).to_have_count(1)
    page.get_by_test_id("layer-10").locator("canvas.neuron-cells").click(position={"x": 3, "y": 3})
    expect(page.get_by_test_id("layer-10").locator(".sum-terms")).to_be_visible()
    page.get_by_test_id("layer-1").get_by_role("button", name="Its Python: the code of conv 5x5, 20").click()
    expect(page.get_by_test_id("code-view")).to_have_attribute("data-function", "digits.nets.layers.Conv2D.forward")
    expect(page.get_by_test_id("code-view")).to_be_visible()


def ask_why(page):
    """The why section once it explains the drawing, with a nudge made and the map drawn."""
    expect(page.locator(".why-root")).to_have_attribute("data-shows", "drawing", timeout=60_000)
    expect(page.get_by_test_id("embedding-map")).to_have_attribute("data-state", "ready", timeout=120_000)
    page.get_by_test_id("nudge-start").click()
    expect(page.get_by_test_id("nudge-result")).not_to_have_attribute("data-digit", "", timeout=60_000)


def show_the_lessons(page):
    """MNIST's gallery and the confusion matrix loaded, a cell's digits listed, an idea opened."""
    page.locator("#mnist").scroll_into_view_if_needed()
    expect(page.get_by_test_id("mnist-gallery")).to_have_attribute("data-state", "ready", timeout=120_000)
    page.get_by_test_id("confusion-matrix").scroll_into_view_if_needed()
    expect(page.get_by_test_id("confusion-matrix")).to_have_attribute("data-state", "finished", timeout=120_000)
    page.get_by_test_id("confusion-0-0").click()
    expect(page.get_by_test_id("evaluation-cell")).not_to_have_attribute("data-count", "")
    page.locator("[data-idea=test-set] summary").click()
