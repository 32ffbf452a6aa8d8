"""A page at rest stops drawing: no frames rendered for animations nobody can see.

Sections below the fold are skipped by the browser while far from the screen, and a
transition started in a skipped section (the machine's, as Python answered it while the
page loaded) used to keep the page rendering frame after frame, well over a hundred a
second, until the visitor scrolled there (a laptop's battery paid for it). This test
counts the frames the renderer starts while the page is idle.
"""

import pytest
from playwright.sync_api import expect

from chromium import frames_rendered, wait_until_still

pytestmark = pytest.mark.browser

AT_REST = 20        # frames in a second of idling: a page at rest starts a few; the fault, 150 or more
LOADS = 3           # the fault showed in about 3 loads of 4: three loads miss it about once in 60


def machine_settled(page):
    expect(page.get_by_test_id("machine")).to_have_attribute("data-busy", "false", timeout=30_000)


@pytest.mark.parametrize("load", range(LOADS))
def test_the_page_rests_once_it_has_loaded(open_app, load):
    page = open_app()
    machine_settled(page)                 # the machine, far below, answered as Python came (its bars moved)
    wait_until_still(page)
    # The quieter of two seconds: a late answer elsewhere may draw a few frames in one; the fault draws in both.
    assert min(frames_rendered(page), frames_rendered(page)) < AT_REST
