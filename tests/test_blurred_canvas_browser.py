"""Browsers that blur the canvas do not change the answer.

Brave (and Firefox, on the way) perturbs what getImageData returns, to resist
fingerprinting: small random changes on some pixels, the transparent background
included. The pad paints the bitmap Python reads from the stroke points (widgets/ink.js)
and never reads a canvas back, so the same strokes give the same 28x28 image and the same
probabilities with such a browser as without.
"""

from playwright.sync_api import expect

import chromium

# ±1 to 3 on a random fifth of the values, everywhere, on every read-back of any 2-D canvas.
BLUR = """
for (const Context of [CanvasRenderingContext2D, OffscreenCanvasRenderingContext2D]) {
  const read = Context.prototype.getImageData;
  Context.prototype.getImageData = function (...args) {
    const image = read.apply(this, args);
    for (let i = 0; i < image.data.length; i++) {
      if (Math.random() < 0.2) image.data[i] += (Math.random() < 0.5 ? -1 : 1) * (1 + Math.floor(Math.random() * 3));
    }
    return image;
  };
}
"""
SEVEN = [[(0.3, 0.22), (0.72, 0.22), (0.5, 0.55), (0.42, 0.86)]]
SMALL_TWO = [[(0.42, 0.42), (0.5, 0.38), (0.56, 0.45), (0.44, 0.58), (0.58, 0.58)]]


def reading(page, strokes):
    page.get_by_test_id("clear").click()
    chromium.draw(page, strokes)
    expect(page.get_by_test_id("prediction")).to_have_attribute("data-busy", "false")
    expect(page.get_by_test_id("prediction")).not_to_have_text("")
    return page.evaluate("() => ({ image: app.recognizer.last.image, probabilities: app.recognizer.last.probabilities })")


def test_a_blurring_browser_reads_the_same_image_and_answer(open_app, watched, server):
    plain = open_app()
    blurred = watched(viewport={"width": 1200, "height": 900})
    blurred.add_init_script(BLUR)
    blurred.goto(server.url)
    expect(blurred.get_by_test_id("status")).to_have_attribute("data-state", "ready", timeout=90_000)
    # The blur is really there: a read-back of a blank canvas is not blank.
    assert blurred.evaluate("""() => {
        const context = new OffscreenCanvas(50, 50).getContext("2d");
        return context.getImageData(0, 0, 50, 50).data.some((value) => value !== 0);
    }""")
    for strokes in (SEVEN, SMALL_TWO):
        assert reading(blurred, strokes) == reading(plain, strokes)
