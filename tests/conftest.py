"""Fixtures for the browser tests: a static server for dist/, Chromium, and watched pages.

The server serves dist/ under a sub-path, as GitHub Pages serves a project site,
so an absolute URL anywhere in the page shows up as a failure. Every page a test
opens is watched, and fails the test at teardown if it requested anything from
another origin (such requests are blocked) or from outside the site's folder,
logged a console error, or threw an uncaught error.

Two kinds of page:
- fresh ones (`page`, `app`, `touch_app`, `open_app`, `watched`): a new browser context
  each, for tests where loading, going offline, storage, crashes or hostile input is the point;
- shared ones (`open_shared_app`): one booted page per module and URL, opened by the first
  test that asks and handed to the next ones, so Python starts once. Each test resets what it
  needs (in a fixture of its module), and is failed only by what the page did while it ran.
  A test that fails closes the shared page, so the next one starts from a fresh boot.

Tests that use the `browser` fixture (directly or through `page`, `app`, ...) are
marked `browser`, so `pytest -m "not browser"` runs the unit tests alone.
"""

import os

# The test workers share the cores: each does its numpy arithmetic on one thread, as the page's
# Python does. BLAS's default, a thread per core in every worker, left the threads waiting on each
# other (the tests that are not browser ones, 3 workers on 2 cores: 71 s, against 49 s on one thread).
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")      # read once, when numpy is first imported

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

import chromium  # noqa: E402
from static_server import serving  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
PREFIX = "/digits/"            # like a GitHub Pages project site: https://USER.github.io/REPO/
READY_TIMEOUT = 90_000         # ms: Pyodide takes 5-15 s to start here, more on a busy machine


def pytest_collection_modifyitems(items):
    """Mark the browser tests, and run first the files that have browser or slow tests.

    The workers take one file at a time, in this order, until none is left: a file of browser or
    slow tests (tens of seconds to minutes) taken last would keep one worker busy while the others
    wait; the many short files, left for the end, fill the gaps instead.
    """
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)
    long_files = {item.path for item in items if item.get_closest_marker("browser") or item.get_closest_marker("slow")}
    items.sort(key=lambda item: item.path not in long_files)      # a stable sort: each file's order stays


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """Keep each phase's report on the test, so a shared page's fixture knows whether its test failed."""
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture(scope="session")
def server():
    """dist/ served at http://127.0.0.1:FREE_PORT/digits/ for the whole session."""
    if not (ROOT / "dist" / "index.html").exists():
        pytest.fail("dist/ is missing: run the tests with 'python3 build.py test', which builds it.")
    with serving(ROOT / "dist", prefix=PREFIX) as server:
        yield server


@pytest.fixture
def serve_override(server):
    """serve_override("weights/cnn/0_W.npy", b"...") or (..., 404): for this test only."""
    def override(path, replacement):
        server.overrides[path] = replacement
    yield override
    server.overrides.clear()


@pytest.fixture(scope="session")
def browser():
    """Debian's headless Chromium (or $CHROMIUM), driven by Playwright."""
    from playwright.sync_api import sync_playwright
    if not Path(chromium.executable()).exists():
        pytest.fail(f"No Chromium at {chromium.executable()}: run the tests with 'python3 build.py test', "
                    "which installs it, or set CHROMIUM to its path.")
    with sync_playwright() as playwright:
        browser = chromium.launch(playwright)
        yield browser
        browser.close()


class PageWatch:
    """A page in its own browser context, and what it did that it should not have done."""

    def __init__(self, context, server):
        self.context, self.server = context, server
        self.problems, self.errors = [], []
        self.page = context.new_page()
        self.marks = (0, 0)                 # where a shared page's current test began reading
        # Workers' console messages and uncaught errors arrive through the page too.
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(f"console error: {m.text}"))
        self.page.on("pageerror", lambda e: self.errors.append(f"uncaught error: {e}"))
        context.route("**/*", self.check_request)      # at the context: workers' requests too

    def check_request(self, route):
        url = route.request.url
        if url.startswith(self.server.url) or url.startswith(("data:", "blob:")):
            route.continue_()
        elif url.startswith(self.server.origin + "/"):
            self.problems.append(f"request outside the site's folder (an absolute URL?): {url}")
            route.continue_()
        else:
            self.problems.append(f"request left the origin: {url}")
            route.abort()

    def begin(self):
        """A test starts using the page: from now on, what it logs is this test's."""
        self.marks = (len(self.problems), len(self.errors))

    def since_begin(self, errors_allowed=False):
        """What the page did that it should not have done since the last begin()."""
        problems, errors = self.marks
        return self.problems[problems:] + ([] if errors_allowed else self.errors[errors:])


def fail_if(problems):
    if problems:
        pytest.fail("The page did what it must not:\n  " + "\n  ".join(problems), pytrace=False)


@pytest.fixture
def watched(browser, server, request):
    """A function opening a fresh watched page, each in a new context (so a cold HTTP cache).

    watched(**context_options) -> page. At teardown, any foreign request, console error
    or uncaught error fails the test (errors are allowed with the `expects_errors` fixture).
    """
    watches = []

    def open_page(**context_options):
        watch = PageWatch(browser.new_context(**context_options), server)
        watches.append(watch)
        return watch.page

    yield open_page
    errors_allowed = getattr(request.node, "expects_errors", False)
    problems = [p for w in watches for p in w.since_begin(errors_allowed)]
    for watch in watches:
        watch.context.close()
    fail_if(problems)


@pytest.fixture
def page(watched):
    """A fresh watched page, not yet opened on anything."""
    return watched()


@pytest.fixture
def open_app(watched, server):
    """open_app("#perceptron") opens the page in a fresh context and waits until Python is ready."""
    def open_(hash="", wait_ready=True, **context_options):
        page = watched(**{"viewport": {"width": 1200, "height": 900}, **context_options})
        page.goto(server.url + hash)
        if wait_ready:
            wait_until_ready(page)
        return page
    return open_


@pytest.fixture(scope="module")
def shared_pages(browser, server):
    """The module's shared pages (PageWatch by URL and context options), closed when the module is
    done; what a page did wrong after its last test had been checked fails at that point."""
    pages = {}
    yield pages
    late = [p for watch in pages.values() for p in watch.since_begin()]
    for watch in pages.values():
        watch.context.close()
    fail_if(late)


@pytest.fixture
def open_shared_app(shared_pages, browser, server, request):
    """open_shared_app("#perceptron") returns the module's page opened at that URL with Python ready,
    booting it only the first time a test of the module asks for it (context options as open_app's).

    The page is as the previous test left it: the module's own fixture puts back what its tests
    rely on. At teardown, whatever the page did wrong while this test ran fails this test (console
    errors are allowed with `expects_errors`), and a failed test closes the page so the next one
    boots afresh rather than inheriting its mess.
    """
    used = {}

    def open_(hash="", **context_options):
        options = {"viewport": {"width": 1200, "height": 900}, **context_options}
        key = hash + " " + repr(sorted(options.items()))
        fresh = key not in shared_pages
        if fresh:
            shared_pages[key] = PageWatch(browser.new_context(**options), server)
        watch = used[key] = shared_pages[key]      # what it does from the last test's teardown on is this test's
        if fresh:
            watch.page.goto(server.url + hash)
            wait_until_ready(watch.page)
        return watch.page

    yield open_
    errors_allowed = getattr(request.node, "expects_errors", False)
    problems = [p for watch in used.values() for p in watch.since_begin(errors_allowed)]
    reports = [getattr(request.node, f"report_{when}", None) for when in ("setup", "call")]
    failed = problems or any(report is not None and report.failed for report in reports)
    for key, watch in used.items():
        watch.begin()
        if failed:
            del shared_pages[key]
            watch.context.close()
    fail_if(problems)


def wait_until_ready(page, timeout=READY_TIMEOUT):
    """Wait for the status to say ready and every section to be built, with locators (the page's
    CSP blocks wait_for_function). On a busy machine Python can be ready first; the page then
    still scrolls to the URL's section once the rest is built, under a test's mouse."""
    from playwright.sync_api import expect
    expect(page.get_by_test_id("status")).to_have_attribute("data-state", "ready", timeout=timeout)
    expect(page.locator("html")).to_have_attribute("data-sections", "built", timeout=timeout)


@pytest.fixture
def app(open_app):
    """The page at its default view, with Python ready."""
    return open_app()


@pytest.fixture
def touch_app(open_app):
    """The page on a phone-sized touch screen, with Python ready."""
    return open_app(has_touch=True, is_mobile=True, viewport={"width": 390, "height": 844})


@pytest.fixture(scope="session")
def axe_source():
    """axe-core's script, the accessibility audit of browsers' developer tools (npm, pinned in tools/environment.py)."""
    import environment
    return environment.test_library("axe-core")


@pytest.fixture
def expects_errors(request):
    """Use in a test that provokes errors on purpose: console errors then do not fail it."""
    request.node.expects_errors = True
