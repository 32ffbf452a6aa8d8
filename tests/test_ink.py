"""The page paints a drawing's strokes itself (site/js/widgets/ink.js), byte for byte as Python does.

handwriting.paint makes the networks' synthetic pen drawings; ink.js makes the bitmap the
page sends them. Run under Node.js on the page's module (with the facts the build gives it), the two agree on every pixel
(to the rounding of the last bit), for every style of every digit at several sizes, for a
dot, and for strokes that leave the pad.
"""

import json
import shutil
import subprocess

import numpy as np
import pytest

from digits.images import handwriting
from from_python import add_from_python

from conftest import ROOT

PAINT_IN_NODE = """
import { inkBitmap } from %s;
let input = "";
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", () => {
  const drawings = JSON.parse(input);
  process.stdout.write(JSON.stringify(drawings.map((strokes) => Array.from(inkBitmap(strokes)))));
});
"""


@pytest.fixture(scope="module")
def ink():
    """site/js/widgets/ink.js, beside the site/js/generated/facts.js it imports (as every build writes it)."""
    add_from_python()
    return ROOT / "site" / "js" / "widgets" / "ink.js"


def painted_by_the_page(ink, drawings):
    node = shutil.which("node")
    if node is None:
        pytest.fail("Node.js is needed to run the page's module (it comes with npm, which the build needs).")
    script = PAINT_IN_NODE % json.dumps(ink.as_uri())
    result = subprocess.run([node, "--input-type=module", "-e", script], input=json.dumps(drawings),
                            capture_output=True, text=True, check=True)
    return [np.asarray(bitmap, dtype=np.uint8).reshape(280, 280) for bitmap in json.loads(result.stdout)]


def painted_by_python(strokes):
    return np.floor(handwriting.paint(strokes) * 255 + 0.5).astype(np.uint8)     # Math.round: half up


def drawings():
    rng = np.random.default_rng(3)
    found = []
    for styles in handwriting.STYLES.values():
        for style in styles.values():
            for size in ((0.15, 0.2), (0.5, 0.6), (0.85, 0.9)):
                found.append([stroke.tolist() for stroke in handwriting.draw(style, rng, size)])
    found.append([[[0.5, 0.5]]])                                            # a dot
    found.append([[[-0.2, 0.5], [0.5, 0.5], [1.3, 0.9]]])                  # off the pad's edges
    return found


def test_the_page_and_python_paint_the_same_pixels(ink):
    strokes = drawings()
    for page, drawing in zip(painted_by_the_page(ink, strokes), strokes):
        python = painted_by_python(drawing)
        assert np.abs(page.astype(int) - python).max() <= 1
        assert (page > 0).sum() == pytest.approx((python > 0).sum(), abs=3)
