"""py/bytecode.zip and py/python_stdlib.zip: the page's Python compiled once, at build time, so that no visit compiles it.

Pyodide ships its standard library and numpy as source, and Python compiles every module it
imports: in the browser that was more than a second of each start, more than everything else
the page adds to a bare Pyodide. Compiled modules only fit the Python that made them, so they
are made by the page's own Pyodide, run under Node.js (tools/compile_python.mjs), which starts
Python, imports numpy and every module of py/digits/, and writes what it compiled
(py/digits/page/bytecode.py): numpy's and ours as checked hash-based .pyc files, and Pyodide's
standard library zip with each module Python imported compiled in place of its source. That zip replaces
Pyodide's own in the site (the worker names it to Pyodide as stdLibURL); pyodide/ keeps the
rest of Pyodide as released.

Running Pyodide takes some seconds, so the two zips are kept in the download cache under a key
made of everything they depend on, and made again only when one of them changes.
"""

import shutil
import tempfile
from pathlib import Path

from build_error import BuildError, run_tool
from downloads import make_cache, sha256

COMPILER = Path(__file__).resolve().parent / "compile_python.mjs"
OUTPUTS = ("bytecode.zip", "python_stdlib.zip")


def add_compiled_python(site):
    """Write `site`/py/bytecode.zip and `site`/py/python_stdlib.zip for the runtime in `site`/pyodide/ and the
    package in `site`/py/digits.zip, and take Pyodide's uncompiled python_stdlib.zip out of `site`/pyodide/."""
    runtime, package = site / "pyodide", site / "py" / "digits.zip"
    inputs = "".join(path.name + sha256(path.read_bytes()) for path in [COMPILER, package, *sorted(runtime.iterdir())])
    kept = make_cache() / "bytecode" / sha256(inputs.encode())[:24]
    if not all((kept / name).exists() for name in OUTPUTS):
        kept.parent.mkdir(exist_ok=True)
        with tempfile.TemporaryDirectory() as scratch:
            run_tool(["node", str(COMPILER), str(runtime), str(package), scratch],
                     "compile the page's Python with Pyodide under Node.js",
                     "Install Node.js (it comes with npm, which the build already needs) and build again.")
            if not all((Path(scratch) / name).exists() for name in OUTPUTS):
                raise BuildError("Pyodide under Node.js wrote no compiled Python: see tools/compile_python.mjs.")
            shutil.rmtree(kept, ignore_errors=True)
            shutil.copytree(scratch, kept)
    for name in OUTPUTS:
        shutil.copyfile(kept / name, site / "py" / name)
    (runtime / "python_stdlib.zip").unlink()
