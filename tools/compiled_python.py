"""py/bytecode.zip: the page's Python compiled once, at build time, so that no visit compiles it.

Pyodide's numpy ships as source, and Python compiles every module it imports: in the browser
that was about half a second of each start, more than everything else the page adds to a
bare Pyodide. Compiled modules only fit the Python that made them, so they are made by the
page's own Pyodide, run under Node.js (tools/compile_python.mjs), which imports numpy and
every module of py/digits/ and writes them as checked hash-based .pyc files
(py/digits/page/bytecode.py). A module whose source no longer matches is compiled afresh in
the browser, so a stale file costs time, never correctness.

Running Pyodide takes some seconds, so the zip is kept in the download cache under a key made
of everything it depends on, and made again only when one of them changes.
"""

import shutil
import tempfile
from pathlib import Path

from build_error import BuildError, run_tool
from downloads import make_cache, sha256

COMPILER = Path(__file__).resolve().parent / "compile_python.mjs"


def add_compiled_python(site):
    """Write `site`/py/bytecode.zip for the runtime in `site`/pyodide/ and the package in `site`/py/digits.zip."""
    runtime, package = site / "pyodide", site / "py" / "digits.zip"
    inputs = "".join(path.name + sha256(path.read_bytes()) for path in [COMPILER, package, *sorted(runtime.iterdir())])
    kept = make_cache() / "bytecode" / f"{sha256(inputs.encode())[:24]}.zip"
    if not kept.exists():
        kept.parent.mkdir(exist_ok=True)
        with tempfile.TemporaryDirectory() as scratch:
            made = Path(scratch) / "bytecode.zip"
            run_tool(["node", str(COMPILER), str(runtime), str(package), str(made)],
                     "compile the page's Python with Pyodide under Node.js",
                     "Install Node.js (it comes with npm, which the build already needs) and build again.")
            if not made.exists():
                raise BuildError("Pyodide under Node.js wrote no compiled Python: see tools/compile_python.mjs.")
            shutil.move(made, kept)
    shutil.copyfile(kept, site / "py" / "bytecode.zip")
