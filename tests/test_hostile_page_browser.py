"""The page under random and hostile input: pointer storms, junk links, markup where text belongs.

Whatever the pointer does on the pad and on the machine's knobs, whatever a link carries
in its hash, the page logs no error (the watched page fails a test on any console error or
uncaught exception), falls back to defaults, and still works afterwards. Trusted Types in
the CSP make the browser itself refuse HTML built from strings and scripts from elsewhere.
bench/fuzz_browser.py runs the same storms by the thousand and prints the counts.
"""

import pytest
from playwright.sync_api import expect

import chromium
from digits.page.menu import DEFAULT_MODEL
from hostile_page import JUNK, POINTER_STORM, URL_JUNK, hash_with_every_key, url_keys

SEVEN = [[(0.25, 0.2), (0.75, 0.2), (0.45, 0.85)]]


def test_a_pointer_storm_on_the_pad_leaves_it_working(app):
    tried = app.evaluate(POINTER_STORM, ["[data-testid=canvas]", 400, 1])
    assert tried > 2000
    expect(app.get_by_test_id("prediction")).to_have_attribute("data-busy", "false", timeout=60_000)
    app.get_by_test_id("clear").click()
    chromium.draw(app, SEVEN)
    expect(app.get_by_test_id("prediction")).to_have_text("7")


def test_a_pointer_storm_on_the_knobs_leaves_them_in_range(open_app):
    page = open_app("#machine")
    loss = page.get_by_test_id("machine-loss")
    expect(loss).not_to_be_empty()
    tried = page.evaluate(POINTER_STORM, ["[data-testid^=machine-knob-], [data-testid^=machine-output-knob-]", 300, 2])
    assert tried > 1500
    values = page.evaluate("""() => [...document.querySelectorAll('[data-testid^=machine-knob-]')]
        .map((knob) => [Number(knob.getAttribute('aria-valuenow')), Number(knob.getAttribute('aria-valuemin')),
                        Number(knob.getAttribute('aria-valuemax'))])""")
    assert values and all(low <= value <= high for value, low, high in values)
    expect(loss).not_to_have_text("NaN")
    assert float(loss.get_attribute("data-value") or loss.text_content()) >= 0


def test_every_url_key_given_junk_reads_as_its_default(app):
    keys = url_keys()
    assert {"d.model", "p.w1", "m.k"} <= set(keys)
    result = app.evaluate(URL_JUNK, [keys, JUNK])
    assert result["tried"] == len(keys) * len(JUNK)
    assert result["wrong"] == []


@pytest.mark.parametrize("junk", ["<script>alert(1)</script>", "x" * 20_000, "NaN"])
def test_a_link_full_of_junk_opens_the_page_with_its_defaults(open_app, junk):
    page = open_app(hash_with_every_key(junk))
    expect(page.get_by_test_id("model-select")).to_have_value(DEFAULT_MODEL)
    chromium.draw(page, SEVEN)
    expect(page.get_by_test_id("prediction")).to_have_text("7")
    assert page.locator("script:not([src])").count() == 1          # index.html's own, nothing injected


def test_trusted_types_refuse_html_from_strings_and_scripts_from_elsewhere(app, expects_errors):
    # (The browser logs each refusal as a console error: that is the point here.)
    refused = app.evaluate("""() => {
        const attempts = {
          innerHTML: () => { document.body.insertAdjacentElement("beforeend", document.createElement("div")).innerHTML = "<img src=x>"; },
          worker: () => new Worker("data:text/javascript,postMessage(1)"),
          script: () => { document.createElement("script").src = "https://example.com/x.js"; },
          ownWorkerOnly: () => window.pythonWorker.scriptURL("https://example.com/js/worker.js"),
        };
        return Object.fromEntries(Object.entries(attempts).map(([name, attempt]) => {
          try { attempt(); return [name, "allowed"]; } catch (error) { return [name, error.name]; }
        }));
    }""")
    assert refused == {"innerHTML": "TypeError", "worker": "TypeError", "script": "TypeError", "ownWorkerOnly": "TypeError"}
