"""The watch on a page the browser tests open: what it blames on which test.

A shared page (conftest's open_shared_app) serves one test after another, so each test must be
failed by what the page did while it ran, not before; these drive PageWatch with a stand-in for
Playwright's context, so they need no browser.
"""

from types import SimpleNamespace

from conftest import PageWatch

SITE = "http://127.0.0.1:8000/digits/"


class StandInPage:
    def __init__(self):
        self.handlers = {}

    def on(self, event, handler):
        self.handlers[event] = handler

    def log_error(self, text):
        self.handlers["console"](SimpleNamespace(type="error", text=text))

    def log_info(self, text):
        self.handlers["console"](SimpleNamespace(type="log", text=text))

    def throw(self, text):
        self.handlers["pageerror"](text)


class StandInContext:
    def __init__(self):
        self.page = StandInPage()
        self.router = None

    def new_page(self):
        return self.page

    def route(self, pattern, handler):
        self.router = handler

    def request(self, url):
        """The page asks for `url`: 'continued' or 'aborted', as the watch decides."""
        outcome = []
        route = SimpleNamespace(request=SimpleNamespace(url=url),
                                continue_=lambda: outcome.append("continued"), abort=lambda: outcome.append("aborted"))
        self.router(route)
        return outcome[0]


def watch():
    context = StandInContext()
    server = SimpleNamespace(url=SITE, origin="http://127.0.0.1:8000")
    return PageWatch(context, server), context


def test_a_fresh_page_is_blamed_for_everything_it_did():
    page_watch, context = watch()
    context.page.log_error("boom")
    context.page.log_info("just saying")
    context.page.throw("TypeError: x is undefined")
    assert context.request("https://elsewhere.example/track.js") == "aborted"
    assert context.request(SITE + "index.html") == "continued"
    assert page_watch.since_begin() == ["request left the origin: https://elsewhere.example/track.js",
                                        "console error: boom", "uncaught error: TypeError: x is undefined"]


def test_a_test_on_a_shared_page_answers_only_for_what_happened_since_it_began():
    page_watch, context = watch()
    context.page.log_error("the first test's error")
    context.request("http://127.0.0.1:8000/favicon.ico")
    page_watch.begin()                                   # the first test's teardown: the next one starts
    assert page_watch.since_begin() == []
    context.page.log_error("the second test's error")
    assert page_watch.since_begin() == ["console error: the second test's error"]


def test_expected_errors_are_forgiven_but_a_request_outside_the_site_never_is():
    page_watch, context = watch()
    context.page.log_error("provoked on purpose")
    assert context.request("http://127.0.0.1:8000/pyodide/pyodide.js") == "continued"
    assert page_watch.since_begin(errors_allowed=True) == [
        "request outside the site's folder (an absolute URL?): http://127.0.0.1:8000/pyodide/pyodide.js"]
