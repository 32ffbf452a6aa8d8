"""Storage that may fail: with IndexedDB missing, refused or full, every section still works.

A private window may have no IndexedDB, a browser may refuse it, a full disk refuses
writes. The page then keeps the personal set and the networks in memory for the visit,
says once what it cannot keep, and throws nothing (the watched page fails a test on any
console error or uncaught exception). IndexedDB is stubbed before the page starts.
"""

import pytest
from playwright.sync_api import expect

import chromium

SEVEN = [[(0.25, 0.2), (0.75, 0.2), (0.45, 0.85)]]

STUBS = {
    "missing": "Object.defineProperty(window, 'indexedDB', { get: () => undefined });",
    "refused": "IDBFactory.prototype.open = function () { throw new DOMException('denied', 'SecurityError'); };",
    "full": """IDBObjectStore.prototype.put = function () {
                 throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };""",
}
SENTENCES = {
    "missing": "it keeps no storage for this page (a private window?)",
    "refused": "it keeps no storage for this page (a private window?)",
    "full": "its storage is full",
}


@pytest.mark.parametrize("trouble", sorted(STUBS))
def test_every_section_works_and_the_page_says_once_what_it_cannot_keep(watched, server, trouble):
    page = watched(viewport={"width": 1200, "height": 900})
    page.add_init_script(STUBS[trouble])
    page.goto(server.url + "#draw")
    expect(page.get_by_test_id("status")).to_have_attribute("data-state", "ready", timeout=90_000)
    chromium.draw(page, SEVEN)
    expect(page.get_by_test_id("prediction")).to_have_text("7")
    # The personal set works for this visit, though it cannot be kept for the next.
    page.get_by_test_id("teach-7").click()
    expect(page.get_by_test_id("teach-saved")).to_contain_text("Kept as a 7")
    expect(page.get_by_test_id("personal-count")).to_have_attribute("data-count", "1")
    note = page.get_by_test_id("storage-note")
    expect(note).to_have_text(
        f"This browser cannot keep your drawings and networks for your next visit ({SENTENCES[trouble]}): "
        "they last until you close this tab. Export them to keep them.")
    expect(note).to_have_count(1)
    # The other sections answer as usual.
    page.get_by_test_id("perceptron-w1").fill("3")
    expect(page.get_by_test_id("perceptron-sum")).not_to_be_empty()
    expect(page.get_by_test_id("machine-loss")).not_to_be_empty()
