"""The page's JavaScript agrees with its JSDoc types, as TypeScript's tsc reads them.

tsc only checks the files as they are written (jsconfig.json says how; jsconfig.strict.json holds
lib/ and widgets/ to strict); the build then bundles them as they are (tools/bundler.py). It reads
site/js/ as it is, with what the build writes into it: the page's client for Python and the types of
Python's answers (site/js/generated/client/, written from Python's annotations) and Python's facts
(site/js/generated/facts.js, each under the type its facts function's annotation gives it), the very
files an editor resolves the page's imports to. So a field the page reads but Python never gives, or
gives under another name, fails here as surely as a call with the wrong arguments.
The two libraries the page ships unchanged, Pyodide and idb-keyval, are read from their published
types, laid out where dist/ puts the libraries; those bundled in by name (CodeMirror) from
node_modules/.
"""

import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from downloads import node_modules, package_file
from environment import unpacked_test_library
from from_python import add_from_python

ROOT = Path(__file__).resolve().parents[1]
CONFIGS = ["jsconfig.json", "jsconfig.strict.json"]


@pytest.fixture(scope="module")
def shipped_libraries(tmp_path_factory):
    """The published types of the libraries dist/ ships unchanged, laid out as dist/ lays them out."""
    folder = tmp_path_factory.mktemp("shipped")
    (folder / "pyodide").mkdir()                 # the worker imports pyodide.mjs, whose types are pyodide.d.mts
    (folder / "pyodide" / "pyodide.d.mts").write_bytes(package_file("pyodide", "pyodide.d.ts"))
    (folder / "pyodide" / "ffi.d.ts").write_bytes(package_file("pyodide", "ffi.d.ts"))
    (folder / "vendor").mkdir()
    (folder / "vendor" / "idb-keyval.d.ts").write_bytes(package_file("idb-keyval", "dist/index.d.ts"))
    return folder


@pytest.fixture(scope="module")
def site():
    """site/, with site/js/generated/ as Python's facts and annotations are now (as every build writes it)."""
    add_from_python()
    return ROOT / "site"


@pytest.mark.parametrize("config", CONFIGS)
def test_the_page_javascript_agrees_with_its_types(config, site, shipped_libraries):
    errors = type_errors(ROOT / config, site, shipped_libraries)
    if errors:
        pytest.fail(f"tsc finds type errors in the page's JavaScript ({config}):\n{errors}", pytrace=False)


def test_a_field_python_no_longer_gives_fails_the_type_check(tmp_path, site, shipped_libraries):
    # As if Python renamed the digit a reading answers: the recognizer, which reads it, must not pass.
    copy = tmp_path / "site"
    shutil.copytree(site / "js", copy / "js")
    client = copy / "js" / "generated" / "client" / "recognizer.js"
    answer = client.read_text().split("@typedef {object} Answer")
    assert "@property {number} digit\n" in answer[1]
    client.write_text(answer[0] + "@typedef {object} Answer" + answer[1].replace("@property {number} digit\n",
                                                                                  "@property {number} reading\n", 1))
    errors = type_errors(ROOT / "jsconfig.json", copy, shipped_libraries, include=[str(copy / "js" / "**" / "*.js")])
    assert "site/js/sections/recognizer/" in errors and "Property 'digit' does not exist" in errors, errors


def type_errors(config, site, shipped_libraries, **settings):
    """tsc's errors for what `config` checks in `site`, with the shipped libraries' types beside it
    (empty when there are none). `settings` replace the config's own (`include`, say)."""
    if shutil.which("node") is None:
        pytest.fail("The type check runs TypeScript's tsc with node, which comes with npm: install npm and run again.")
    tsc = unpacked_test_library("typescript")
    with tempfile.TemporaryDirectory() as scratch:
        checked = Path(scratch, "jsconfig.json")
        checked.write_text(json.dumps({"extends": str(config), **settings,
                                       "compilerOptions": {"rootDirs": [str(site), str(shipped_libraries)],
                                                           "paths": {"*": [str(node_modules() / "*")]}}}))
        result = subprocess.run(["node", str(tsc), "--noEmit", "--pretty", "false", "-p", str(checked)],
                                capture_output=True, text=True, cwd=ROOT)
    if result.returncode == 0:
        return ""
    return (result.stdout + result.stderr).replace(os.path.relpath(shipped_libraries, ROOT), "shipped")
