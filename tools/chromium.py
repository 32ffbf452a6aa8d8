"""How the tests and benchmarks start Chromium: Debian's build, headless, with nothing phoning home."""

import os

FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"]


def executable():
    """Debian's chromium, or the one $CHROMIUM names (Playwright's own download is not used)."""
    return os.environ.get("CHROMIUM", "/usr/bin/chromium")


def launch(playwright):
    return playwright.chromium.launch(executable_path=executable(), args=FLAGS)
