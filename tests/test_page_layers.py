"""The page's JavaScript in layers: lib/ (DOM, URL state, numbers, files) and widgets/ (controls and
pictures) know nothing of Python's client (api.js, generated/client/, python.js) or of the sections, so a
section can use them without pulling in another's work, and they can be read on their own."""

import re
from pathlib import Path

JS = Path(__file__).resolve().parents[1] / "site" / "js"
IMPORT = re.compile(r'^\s*(?:import|export)\b[^"\']*["\']([^"\']+)["\']', re.MULTILINE)


def imported(path):
    """The page files `path` imports, relative to site/js/ ("lib/dom.js", "api.js", ...)."""
    return {(path.parent / target).resolve().relative_to(JS.resolve()).as_posix()
            for target in IMPORT.findall(path.read_text()) if target.startswith(".")}


def test_lib_and_widgets_import_neither_the_client_nor_a_section():
    below_the_client = sorted((JS / "lib").glob("*.js")) + sorted((JS / "widgets").glob("*.js"))
    reaching_up = {path.relative_to(JS).as_posix(): sorted(target for target in imported(path)
                                                           if target in ("api.js", "python.js", "subset.js")
                                                           or target.startswith(("generated/client/", "sections/")))
                   for path in below_the_client}
    assert {path: targets for path, targets in reaching_up.items() if targets} == {}


def test_the_import_reader_sees_relative_imports_only():
    assert imported(JS / "subset.js") == {"api.js"}
