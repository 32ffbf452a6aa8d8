"""The page runs Python in a worker, from its own folder only, says what it is doing, and
the build ships only what the page loads."""

import base64
import hashlib
import io
import json
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import numpy as np
import pytest
from playwright.sync_api import expect

from assemble import MAX_DIST_BYTES, zip_package
from build_error import BuildError
from conftest import wait_until_ready
from digits.page import machine
from runtime import PACKAGES, check_sha256, read_runtime

ROOT = Path(__file__).resolve().parents[1]
DIST = ROOT / "dist"


# ---------------------------------------------------------------------------
# In the browser (served under /digits/, like a GitHub Pages project site)

@pytest.fixture
def app(open_shared_app):
    """The page at its default view, booted once for the module: these tests only read it."""
    return open_shared_app()


def test_the_page_gets_ready_and_says_so_in_a_sentence(app, server):
    assert app.url.startswith(server.url)            # served from a sub-path, and still works
    text = app.get_by_test_id("status").inner_text().strip()
    assert len(text.split()) >= 3, f"the status should be a sentence, not {text!r}"


@pytest.mark.parametrize("section, built", [("inside", "layer-0"), ("machine", "machine-loss"), ("train", "train-start")])
def test_a_link_to_a_section_opens_the_page_there(open_app, section, built):
    # The sections above a far one build as the page passes them, and grow by a screen or more:
    # the page must still be at the named section once they have.
    page = open_app(f"#{section}")
    expect(page.get_by_test_id(built)).to_be_visible()
    expect(page.locator("html")).to_have_attribute("data-landed", section)
    expect(page.locator(f"#{section} h2").first).to_be_in_viewport()
    expect(page.locator(f"nav a[href='#{section}']")).to_have_attribute("aria-current", "true")
    assert page.url.endswith(f"#{section}")


def test_a_visitor_who_scrolls_while_the_page_builds_stays_where_they_went(page, server):
    # The page holds the section a link named while the sections above it build and grow; a
    # visitor who scrolls back up to the pad meanwhile must stay there, not be taken back.
    page.goto(server.url + "#inside")
    page.mouse.move(600, 450)
    page.mouse.wheel(0, -20_000)
    expect(page.get_by_test_id("canvas")).to_be_in_viewport()
    wait_until_ready(page)
    expect(page.locator("html")).to_have_attribute("data-landed", "inside")     # it has let go
    expect(page.get_by_test_id("canvas")).to_be_in_viewport()
    expect(page.locator("#inside h2").first).not_to_be_in_viewport()


def machine_arguments():
    """The MNIST machine's forward pass on a fixed drawing and knobs: pure numpy, no weights file."""
    rng = np.random.default_rng(5)
    shapes = machine.machine_facts()["knob_shapes"]
    knobs = {name: np.round(rng.uniform(-3, 3, shape), 2).tolist() for name, shape in shapes.items()}
    return [rng.integers(0, 2, 25).tolist(), knobs, 3]


def test_numpy_runs_in_the_worker_and_agrees_with_cpython(app):
    # A function string passed to evaluate() is not blocked by the page's CSP.
    arguments = machine_arguments()
    result = app.evaluate("(args) => window.app.python.call('machine_forward', ...args)", arguments)
    expected = machine.machine_forward(*arguments)
    for field, value in expected.items():
        np.testing.assert_allclose(result[field], value, rtol=1e-6, atol=1e-9)
    versions = app.evaluate("() => window.app.python.call('runtime')")
    assert versions["python"].startswith("3.12.") and versions["numpy"] == "2.0.2"


def test_the_page_has_a_title_description_favicon_and_a_strict_csp(app):
    assert app.title()
    assert app.locator("meta[name=description]").get_attribute("content")
    assert app.locator("link[rel=icon]").get_attribute("href") == "img/favicon.svg"
    csp = app.locator("meta[http-equiv=Content-Security-Policy]").get_attribute("content")
    assert "default-src 'self'" in csp and "'unsafe-inline'" not in csp and "'unsafe-eval'" not in csp


def test_the_csp_allows_exactly_the_page_s_inline_script():
    html = (ROOT / "site" / "index.html").read_text()
    csp = re.search(r'http-equiv="Content-Security-Policy"\s+content="([^"]*)"', html).group(1)
    allowed = set(re.findall(r"'sha256-([^']+)'", csp))
    inline = [base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
              for script in re.findall(r"<script>(.*?)</script>", html, re.S)]
    assert inline, "index.html starts Python's worker from an inline script"
    for digest in inline:
        assert digest in allowed, f"add 'sha256-{digest}' to script-src in index.html's CSP"
    assert allowed == set(inline), "the CSP allows an inline script the page no longer has"


def open_without(path, open_app, serve_override, says, timeout):
    """Open the page with `path` answering 404; the status must turn to error and say `says`."""
    serve_override(path, 404)
    page = open_app(wait_ready=False)
    status = page.get_by_test_id("status")
    expect(status).to_have_attribute("data-state", "error", timeout=timeout)
    expect(status).to_contain_text(says)
    return page


def test_a_worker_that_cannot_start_is_reported_in_a_sentence(open_app, serve_override, expects_errors):
    open_without("js/worker.js", open_app, serve_override, "worker could not start", 30_000)


@pytest.mark.parametrize("path", ["pyodide/pyodide.asm.wasm", "py/python_stdlib.zip"])
def test_a_missing_runtime_is_reported_in_a_sentence(path, open_app, serve_override, expects_errors):
    page = open_without(path, open_app, serve_override, f"Python (Pyodide) could not be loaded: {path} could not be "
                        "downloaded (HTTP 404).", 60_000)
    # What needs no Python still works: the pad draws (once the page's scripts have set it up).
    expect(page.get_by_test_id("bar-0")).to_be_attached()
    box = page.get_by_test_id("canvas").bounding_box()
    page.mouse.move(box["x"] + 50, box["y"] + 50)
    page.mouse.down()
    page.mouse.move(box["x"] + 150, box["y"] + 150)
    page.mouse.up()
    expect(page.locator(".canvas-wrap")).to_have_class("canvas-wrap has-ink")


# ---------------------------------------------------------------------------
# The build (dist/ was built by 'python3 build.py test' before the tests ran)

def test_a_wheel_with_the_wrong_hash_is_refused_in_one_sentence():
    with pytest.raises(BuildError, match="refusing to ship it") as refused:
        check_sha256(b"not numpy", "0" * 64, "numpy.whl")
    assert "\n" not in str(refused.value)


def test_dist_ships_only_what_the_page_loads_and_stays_small():
    files = [f for f in DIST.rglob("*") if f.is_file()]
    assert sum(f.stat().st_size for f in files if f.suffix != ".map") < MAX_DIST_BYTES <= 22 * 2**20
    assert not [f for f in files if f.name.endswith((".d.ts", ".pyc"))]
    # The page's JavaScript is two bundles, each with its source map, and nothing else.
    assert sorted(f.name for f in (DIST / "js").iterdir()) == ["code-editor.js", "code-editor.js.map", "main.js", "main.js.map", "worker.js", "worker.js.map"]
    assert not [f for f in files if f.suffix == ".map" and f.parent != DIST / "js"]
    lock = json.loads((DIST / "pyodide" / "pyodide-lock.json").read_text())
    assert sorted(lock["packages"]) == PACKAGES and lock["info"]["version"] == "0.27.7"
    wheels = sorted(f.name for f in (DIST / "pyodide").glob("*.whl"))
    assert wheels == sorted(lock["packages"][p]["file_name"] for p in PACKAGES)
    assert (DIST / "index.html").exists() and not (DIST / "site").exists()
    # Pyodide's standard library ships compiled, in py/, in place of its own.
    assert (DIST / "py" / "python_stdlib.zip").exists() and not (DIST / "pyodide" / "python_stdlib.zip").exists()


def test_the_python_package_zip_is_reproducible():
    first = zip_package(ROOT / "py" / "digits")
    assert first == zip_package(ROOT / "py" / "digits")
    names = zipfile.ZipFile(DIST / "py" / "digits.zip").namelist()
    assert "digits/page/api.py" in names and names == sorted(names)
    assert not [n for n in names if "__pycache__" in n]


def test_an_unknown_command_gets_usage_not_a_traceback():
    result = subprocess.run([sys.executable, str(ROOT / "build.py"), "frobnicate"],
                            capture_output=True, text=True)
    assert result.returncode != 0 and "Traceback" not in result.stderr and "usage" in result.stderr


def test_python_imports_its_standard_library_numpy_and_our_code_compiled_when_the_site_was_built(app):
    page = app
    runtime = page.evaluate("() => window.app.python.runtime")
    assert (runtime["bytecode"], runtime["standardLibrary"]) == ("shipped", "shipped")
    arguments = machine_arguments()             # numpy and our code run from the shipped bytecode
    result = page.evaluate("(args) => window.app.python.call('machine_forward', ...args)", arguments)
    np.testing.assert_allclose(result["loss"], machine.machine_forward(*arguments)["loss"], rtol=1e-6)


API_PYC = "home/pyodide/digits/page/__pycache__/api.cpython-312.pyc"


def shipped_bytecode_with(change):
    """py/bytecode.zip as built, each entry's bytes passed through change(name, data): zip bytes to serve."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(DIST / "py" / "bytecode.zip") as shipped, zipfile.ZipFile(buffer, "w") as served:
        for name in shipped.namelist():
            served.writestr(name, change(name, shipped.read(name)))
    return buffer.getvalue()


def test_the_browser_runs_the_shipped_bytecode_not_the_source(open_app, serve_override, tmp_path):
    """A .pyc whose header names the real api.py but whose code says otherwise: if the page reports
    what that code says, Python ran the shipped file rather than compiling the source."""
    doctored_source = tmp_path / "digits.zip"
    with zipfile.ZipFile(DIST / "py" / "digits.zip") as real, zipfile.ZipFile(doctored_source, "w") as doctored:
        for name in real.namelist():
            text = real.read(name)
            if name == "digits/page/api.py":
                text = text.replace(b'"numpy": np.__version__', b'"numpy": "the shipped bytecode"')
                assert b"the shipped bytecode" in text
            doctored.writestr(name, text)
    runtime = tmp_path / "pyodide"               # Pyodide as released, which the compiler starts
    shutil.copytree(DIST / "pyodide", runtime)
    (runtime / "python_stdlib.zip").write_bytes(read_runtime()[0]["python_stdlib.zip"])
    subprocess.run(["node", str(ROOT / "tools" / "compile_python.mjs"), str(runtime), str(doctored_source),
                    str(tmp_path)], check=True, capture_output=True)
    doctored_api = zipfile.ZipFile(tmp_path / "bytecode.zip").read(API_PYC)
    # The real file's header (its source's hash), the doctored code.
    serve_override("py/bytecode.zip", shipped_bytecode_with(
        lambda name, data: data[:16] + doctored_api[16:] if name == API_PYC else data))
    page = open_app()
    assert page.evaluate("() => window.app.python.runtime") | {"python": None} == {
        "python": None, "numpy": "the shipped bytecode", "bytecode": "shipped", "standardLibrary": "shipped"}


def test_python_compiles_what_the_shipped_bytecode_cannot_give_it(open_app, serve_override, expects_errors):
    # Stale files (another source's hash) are compiled afresh; an archive that is missing or
    # broken leaves Python compiling everything: slower, never wrong.
    stale = shipped_bytecode_with(lambda name, data: data[:8] + bytes(8) + data[16:])
    numpy = json.loads((DIST / "pyodide" / "pyodide-lock.json").read_text())["packages"]["numpy"]["version"]
    for replacement, bytecode in [(stale, "shipped"), (404, "compiled"), (b"not a zip", "compiled")]:
        serve_override("py/bytecode.zip", replacement)
        page = open_app()
        assert page.evaluate("() => window.app.python.runtime") | {"python": None} == {
            "python": None, "numpy": numpy, "bytecode": bytecode, "standardLibrary": "shipped"}
        arguments = machine_arguments()
        result = page.evaluate("(args) => window.app.python.call('machine_forward', ...args)", arguments)
        np.testing.assert_allclose(result["loss"], machine.machine_forward(*arguments)["loss"], rtol=1e-6)
