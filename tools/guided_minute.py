"""The guided minute driven through its contract (DESIGN.md's data-testid), as a visitor or an
outside check goes through it, and the same teaching done in CPython.

bench/teach_guided.py runs synthetic people through it; tests/test_teach_guided_browser.py checks
that the page teaches what CPython's `digits.page.teach` teaches.
"""

from collections import defaultdict

import chromium
from digits.images import handwriting
from digits.images.pixels import to_uint8
from digits.page import teach

ANSWER_TIMEOUT = 30_000      # ms: a reading, on a busy machine

# Whether Next has been dealt with: the prompt moved on or went away (the last drawing), or the
# page asks whether the drawing is the digit asked.
NEXT_DONE = """step => {
  const prompt = document.querySelector("[data-testid=teach-guided-prompt]");
  const confirm = document.querySelector("[data-testid=teach-guided-confirm]");
  return (confirm !== null && confirm.checkVisibility())
    || prompt === null || !prompt.checkVisibility() || prompt.dataset.step !== String(step);
}"""


def teach_on_page(page, taught, per_digit=None):
    """Go through the guided minute with a person's drawings ({digit: [strokes, ...]}, as many of
    each as the page asks for: `per_digit`, or its default), keeping a drawing as the digit asked
    when the page asks whether it is another. Answers the digits in the order the page asked for
    them and how many drawings it asked about."""
    page.get_by_test_id("teach-guided-start").click()
    prompt = page.get_by_test_id("teach-guided-prompt")
    prompt.wait_for()
    if per_digit is not None:
        page.get_by_test_id("teach-guided-count").select_option(str(per_digit))
    order, questions, given = [], 0, defaultdict(int)
    while prompt.is_visible():
        digit, step = int(prompt.get_attribute("data-digit")), int(prompt.get_attribute("data-step"))
        chromium.read_drawing(page, taught[digit][given[digit]], ANSWER_TIMEOUT)
        given[digit] += 1
        order.append(digit)
        page.get_by_test_id("teach-guided-next").click()
        page.wait_for_function(NEXT_DONE, arg=step, timeout=ANSWER_TIMEOUT)
        confirm = page.get_by_test_id("teach-guided-confirm")
        if confirm.is_visible():            # the person wrote the digit asked: keep it as that digit
            questions += 1
            confirm.click()
            page.wait_for_function(NEXT_DONE, arg=step, timeout=ANSWER_TIMEOUT)
    return order, questions


def forget(page, network):
    """End a person's turn: close the guided minute, Forget what they taught (the page asks first:
    the caller accepts its dialogs), and choose `network` again."""
    page.get_by_test_id("teach-guided-close").click()
    page.get_by_test_id("forget-everything").click()
    page.locator("[data-testid=personal-count][data-count='0']").wait_for(timeout=ANSWER_TIMEOUT)
    page.get_by_test_id("model-select").select_option(network)


def tuned_in_cpython(session, name, taught, order):
    """The network `name` of `session` tuned by `teach.finetune` on the drawings of `taught` painted
    as the pad paints them, in the `order` the page asked for them, and teach.finetune's answer
    (the session keeps nothing)."""
    count, drawings = defaultdict(int), []
    for digit in order:
        drawings.append((digit, "", taught[digit][count[digit]]))
        count[digit] += 1
    images = to_uint8(handwriting.as_mnist(drawings))
    answer = teach.finetune(session, name, images.ravel(), order)
    session.originals.pop(answer["name"], None)
    return session.models.pop(answer["name"]), answer
