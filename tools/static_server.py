"""A small static file server for dist/: right MIME types, an optional URL prefix, test overrides.

GitHub Pages serves a project site under /REPO/, so the tests serve dist/ under a
prefix too: an absolute URL anywhere in the page then breaks, visibly. Overrides
let a test replace one file's bytes (a corrupt weights file) or answer with an
HTTP error (a missing runtime) without touching dist/.

Standard library only: build.py, the tests and the benchmarks all use it.
"""

import sys
import threading
from contextlib import contextmanager
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

MIME_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".wasm": "application/wasm",
    ".mjs": "text/javascript",
    ".js": "text/javascript",
    ".json": "application/json",
    ".npy": "application/octet-stream",
    ".zip": "application/zip",
    ".whl": "application/zip",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".webmanifest": "application/manifest+json",
}

# What GitHub Pages sends: a reload within ten minutes may come from the HTTP cache.
CACHE_CONTROL = "max-age=600"


class Handler(SimpleHTTPRequestHandler):
    """Serves files under `prefix`; a path in `overrides` gets the bytes or HTTP status given there."""

    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, **MIME_TYPES}

    def __init__(self, *args, prefix, overrides, **kwargs):
        self.prefix = prefix
        self.overrides = overrides
        super().__init__(*args, **kwargs)

    def do_GET(self):
        self.answer(with_body=True)

    def do_HEAD(self):
        self.answer(with_body=False)

    def answer(self, with_body):
        relative = self.relative_path()
        if relative is None:
            self.send_outside_prefix()
        elif relative in self.overrides:
            self.send_override(self.overrides[relative], relative, with_body)
        elif with_body:
            super().do_GET()
        else:
            super().do_HEAD()

    def relative_path(self):
        """The request's path below the prefix ('' for the prefix itself), or None if outside it."""
        path = unquote(urlsplit(self.path).path)
        return path[len(self.prefix):] if path.startswith(self.prefix) else None

    def translate_path(self, path):
        # Called by the base class with the full URL path: map it below the prefix onto the folder.
        return super().translate_path("/" + (self.relative_path() or ""))

    def send_outside_prefix(self):
        if unquote(urlsplit(self.path).path) == self.prefix.rstrip("/"):
            self.send_response(HTTPStatus.MOVED_PERMANENTLY)
            self.send_header("Location", self.prefix)
            self.send_header("Content-Length", "0")
            self.end_headers()
        else:
            self.send_error(HTTPStatus.NOT_FOUND)

    def send_override(self, replacement, relative, with_body):
        if isinstance(replacement, int):
            self.send_error(replacement)
            return
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", self.guess_type(relative))
        self.send_header("Content-Length", str(len(replacement)))
        self.end_headers()
        if with_body:
            self.wfile.write(replacement)

    def list_directory(self, path):
        self.send_error(HTTPStatus.NOT_FOUND)      # like GitHub Pages: no folder listings
        return None

    def end_headers(self):
        self.send_header("Cache-Control", CACHE_CONTROL)
        super().end_headers()

    def log_message(self, format, *args):
        pass                                        # quiet: tests and benches read their own output


class StaticServer(ThreadingHTTPServer):
    """Serve `root` at http://127.0.0.1:PORT/PREFIX/. Port 0 picks a free port.

    `overrides` maps a path below the prefix (like "pyodide/pyodide.asm.wasm") to the
    bytes to answer instead of the file, or to an HTTP status such as 404.
    """

    daemon_threads = True

    def __init__(self, root, port=0, prefix="/"):
        self.overrides = {}
        self.prefix = "/" + prefix.strip("/") + "/" if prefix.strip("/") else "/"
        handler = partial(Handler, directory=str(Path(root)), prefix=self.prefix, overrides=self.overrides)
        super().__init__(("127.0.0.1", port), handler)

    @property
    def origin(self):
        return f"http://127.0.0.1:{self.server_address[1]}"

    @property
    def url(self):
        return self.origin + self.prefix

    def start_in_background(self):
        """Serve from a daemon thread and return self; stop with shutdown() then server_close()."""
        threading.Thread(target=self.serve_forever, daemon=True).start()
        return self

    def handle_error(self, request, client_address):
        # A browser that closes a page mid-download resets the connection: not worth a traceback.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextmanager
def serving(root, prefix="/"):
    """`root` served from a background thread for the `with` block: yields the StaticServer.

    On leaving the block, even through an exception, the server stops and frees its port.
    Open browsers inside the block, so that they close while the server still answers.
    """
    server = StaticServer(root, prefix=prefix).start_in_background()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
