"""Offline after the first visit: the service worker keeps the whole site, and a new build replaces it.

The page registers its service worker (site/sw.js) once it has answered and the visitor
pauses; the worker copies every file that build.py lists in offline-files.js, each checked
against its sha256. These tests go offline with the browser context's switch, and stand in
for a new deploy with the server's overrides.
"""

import hashlib
import json
import re

from playwright.sync_api import expect

import chromium
from conftest import READY_TIMEOUT, ROOT, wait_until_ready

ONE = [[(0.5, 0.15), (0.5, 0.85)]]
KEEP_TIMEOUT = 120_000      # ms: about 20 MB copied into the cache, on a busy machine


def open_and_keep(open_app):
    """The page, opened online, with its first answer given and its offline copy complete."""
    page = open_app()
    chromium.draw(page, ONE)
    expect(page.get_by_test_id("prediction")).to_have_text("1")
    expect(page.get_by_test_id("offline-note")).to_have_attribute("data-state", "ready", timeout=KEEP_TIMEOUT)
    return page


def cache_names(page):
    return page.evaluate("() => caches.keys()")


def test_after_one_visit_the_page_opens_and_reads_a_digit_offline(open_app):
    page = open_and_keep(open_app)
    page.context.set_offline(True)
    page.reload()
    wait_until_ready(page)
    expect(page.get_by_test_id("offline-note")).to_have_attribute("data-state", "offline")
    expect(page.get_by_test_id("offline-note")).to_have_text(
        "You are offline. Everything here still works, from the copy this browser keeps.")
    chromium.draw(page, ONE)
    expect(page.get_by_test_id("prediction")).to_have_text("1")


def test_the_offline_copy_is_one_build_checked_file_by_file(open_app):
    page = open_and_keep(open_app)
    listing = offline_listing()
    assert cache_names(page) == [f"digits-{listing['version']}"]
    kept = page.evaluate("""async (name) => {
        const cache = await caches.open(name);
        return (await cache.keys()).map((request) => request.url);
    }""", f"digits-{listing['version']}")
    site = page.url.split("#")[0]
    assert sorted(url.removeprefix(site) for url in kept) == sorted(entry["path"] for entry in listing["files"])
    # Every file of dist/ is listed, with its sha256, but the worker's own two scripts, which the
    # browser keeps as the worker itself.
    for entry in listing["files"]:
        assert hashlib.sha256((ROOT / "dist" / entry["path"]).read_bytes()).hexdigest() == entry["sha256"]
    listed = {entry["path"] for entry in listing["files"]}
    on_disk = {p.relative_to(ROOT / "dist").as_posix() for p in (ROOT / "dist").rglob("*") if p.is_file()}
    maps = {path for path in on_disk if path.endswith(".map")}                         # developer tools only
    assert maps == {"js/main.js.map", "js/worker.js.map", "js/code-editor.js.map"}
    assert on_disk - listed == {"sw.js", "offline-files.js", *maps}


def test_a_new_build_waits_until_the_visitor_reloads_then_replaces_the_old_copy(open_app, serve_override):
    page = open_and_keep(open_app)
    old_version = offline_listing()["version"]

    # A new deploy: index.html changed, so the listing (and its version) changed with it.
    new_page = (ROOT / "dist" / "index.html").read_text().replace(
        "<title>", '<meta name="build" content="next">\n  <title>', 1).encode()
    listing = offline_listing()
    for entry in listing["files"]:
        if entry["path"] == "index.html":
            entry["sha256"] = hashlib.sha256(new_page).hexdigest()
    listing["version"] = "next-build-0001"
    serve_override("index.html", new_page)
    serve_override("offline-files.js", f"self.OFFLINE = {json.dumps(listing)};\n".encode())

    page.evaluate("async () => (await navigator.serviceWorker.getRegistration()).update()")
    update = page.get_by_test_id("update")
    expect(update).to_be_visible(timeout=KEEP_TIMEOUT)
    # Until the visitor says so, the open page keeps its version, and both copies exist.
    assert page.locator('meta[name="build"]').count() == 0
    assert sorted(cache_names(page)) == sorted([f"digits-{old_version}", "digits-next-build-0001"])

    with page.expect_navigation():
        page.get_by_test_id("update-reload").click()
    wait_until_ready(page)
    expect(page.locator('meta[name="build"]')).to_have_count(1)
    assert cache_names(page) == ["digits-next-build-0001"]


def test_the_page_is_installable_as_an_app(app):
    cdp = app.context.new_cdp_session(app)
    manifest = cdp.send("Page.getAppManifest")
    assert manifest["errors"] == []
    assert json.loads(manifest["data"])["name"] == "Digits, read by a network"
    expect(app.get_by_test_id("offline-note")).to_have_attribute("data-state", re.compile("saving|ready"),
                                                                  timeout=READY_TIMEOUT)
    errors = [error["errorId"] for error in cdp.send("Page.getInstallabilityErrors")["installabilityErrors"]]
    # A test's browser context is a private window, which Chromium never installs apps from;
    # anything else would be the page's fault.
    assert [error for error in errors if error != "in-incognito"] == []


def offline_listing():
    text = (ROOT / "dist" / "offline-files.js").read_text()
    return json.loads(text[text.index("{"):text.rindex("}") + 1])
