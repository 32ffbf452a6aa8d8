"""The page's JavaScript agrees with its JSDoc types, as TypeScript's tsc reads them.

tsc only checks the files as they are written (jsconfig.json says how strictly); the build then
bundles them as they are (tools/bundler.py). It sees the page as the build lays it out before
bundling: site/, and beside it what the build adds, the page's client for Python and the types
of Python's answers (js/generated/client/, written from Python's annotations), Python's facts
(js/generated/facts.js, each under the type its facts function's annotation gives it) and the
published types of the two libraries the page ships unchanged, Pyodide and idb-keyval. So a
field the page reads but Python never gives, or gives under another name, fails here as surely
as a call with the wrong arguments.
The libraries bundled in by name (CodeMirror) are read from their published types too.
"""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from downloads import node_modules, package_file
from environment import unpacked_test_library
from from_python import add_from_python

ROOT = Path(__file__).resolve().parents[1]
CONFIG = ROOT / "jsconfig.json"


def test_the_page_javascript_agrees_with_its_types(tmp_path):
    errors = type_errors(added_by_the_build(tmp_path))
    if errors:
        pytest.fail(f"tsc finds type errors in the page's JavaScript:\n{errors}", pytrace=False)


def test_a_field_python_no_longer_gives_fails_the_type_check(tmp_path):
    # As if Python renamed the digit a reading answers: the recognizer, which reads it, must not pass.
    built = added_by_the_build(tmp_path)
    client = built / "js" / "generated" / "client" / "recognizer.js"
    answer = client.read_text().split("@typedef {object} Answer")
    assert "@property {number} digit\n" in answer[1]
    client.write_text(answer[0] + "@typedef {object} Answer" + answer[1].replace("@property {number} digit\n",
                                                                                  "@property {number} reading\n", 1))
    errors = type_errors(built)
    assert "site/js/sections/recognizer/" in errors and "Property 'digit' does not exist" in errors, errors


def type_errors(built):
    """tsc's errors for site/ beside what the build adds in `built` (empty when there are none)."""
    if shutil.which("node") is None:
        pytest.fail("The type check runs TypeScript's tsc with node, which comes with npm: install npm and run again.")
    config = built / "jsconfig.json"
    config.write_text(json.dumps({"extends": str(CONFIG),
                                  "compilerOptions": {"rootDirs": [str(ROOT / "site"), str(built)],
                                                      "paths": {"*": [str(node_modules() / "*")]}}}))
    tsc = unpacked_test_library("typescript")
    result = subprocess.run(["node", str(tsc), "--noEmit", "--pretty", "false", "-p", str(config)],
                            capture_output=True, text=True, cwd=ROOT)
    if result.returncode == 0:
        return ""
    return (result.stdout + result.stderr).replace(os.path.relpath(built, ROOT), "build")   # facts.js is the build's


def added_by_the_build(folder):
    """What dist/ holds beside site/'s files that tsc needs, laid out as dist/ lays it out."""
    add_from_python(folder / "js" / "generated")     # as the build writes them, before it bundles the page

    (folder / "pyodide").mkdir()                 # the worker imports pyodide.mjs, whose types are pyodide.d.mts
    (folder / "pyodide" / "pyodide.d.mts").write_bytes(package_file("pyodide", "pyodide.d.ts"))
    (folder / "pyodide" / "ffi.d.ts").write_bytes(package_file("pyodide", "ffi.d.ts"))
    (folder / "vendor").mkdir()
    (folder / "vendor" / "idb-keyval.d.ts").write_bytes(package_file("idb-keyval", "dist/index.d.ts"))
    # The libraries bundled in by name (CodeMirror) are read with their own types from node_modules/.
    return folder
