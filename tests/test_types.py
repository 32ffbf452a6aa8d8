"""The page's JavaScript agrees with its JSDoc types, as TypeScript's tsc reads them.

tsc only checks the files as they are written (jsconfig.json says how strictly); the build then
bundles them as they are (tools/bundler.py). It sees the page as the build lays it out before
bundling: site/, and beside it what the build adds, Python's facts (js/generated/facts.js, each
under the type the page's client gives it in site/js/api/) and the published types of the two
libraries the page ships unchanged, Pyodide and idb-keyval. So a fact the page reads but Python
never gives, or gives under another name, fails here as surely as a call with the wrong arguments.
The libraries bundled in by name (CodeMirror) are read from their published types too.
"""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from downloads import npm_tarball, package_file
from environment import unpacked_test_library
from page_facts import add_page_facts
from runtime import VENDORED, add_node_modules, pyodide_tarball

ROOT = Path(__file__).resolve().parents[1]
CONFIG = ROOT / "jsconfig.json"


def test_the_page_javascript_agrees_with_its_types(tmp_path):
    if shutil.which("node") is None:
        pytest.fail("The type check runs TypeScript's tsc with node, which comes with npm: install npm and run again.")
    config = tmp_path / "jsconfig.json"
    added = added_by_the_build(tmp_path)
    config.write_text(json.dumps({"extends": str(CONFIG),
                                  "compilerOptions": {"rootDirs": [str(ROOT / "site"), str(added)],
                                                      "paths": {"*": [str(added / "node_modules" / "*")]}}}))
    tsc = unpacked_test_library("typescript")
    result = subprocess.run(["node", str(tsc), "--noEmit", "--pretty", "false", "-p", str(config)],
                            capture_output=True, text=True, cwd=ROOT)
    if result.returncode != 0:
        errors = (result.stdout + result.stderr).replace(os.path.relpath(tmp_path, ROOT), "build")   # facts.js is the build's
        pytest.fail(f"tsc finds type errors in the page's JavaScript:\n{errors}", pytrace=False)


def added_by_the_build(folder):
    """What dist/ holds beside site/'s files that tsc needs, laid out as dist/ lays it out."""
    add_page_facts(folder / "js" / "generated")      # as the build writes them, before it bundles the page

    pyodide = pyodide_tarball()
    (folder / "pyodide").mkdir()                 # the worker imports pyodide.mjs, whose types are pyodide.d.mts
    (folder / "pyodide" / "pyodide.d.mts").write_bytes(package_file(pyodide, "pyodide.d.ts"))
    (folder / "pyodide" / "ffi.d.ts").write_bytes(package_file(pyodide, "ffi.d.ts"))

    package = next(name for name in VENDORED if name.startswith("idb-keyval@"))
    tarball, expected, _ = VENDORED[package]
    (folder / "vendor").mkdir()
    (folder / "vendor" / "idb-keyval.d.ts").write_bytes(package_file(npm_tarball(package, tarball, expected),
                                                                    "dist/index.d.ts"))
    add_node_modules(folder)                     # the libraries bundled in (CodeMirror), with their own types
    return folder
