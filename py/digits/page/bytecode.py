"""Python's compiled modules, made once when the site is built, so that no visit compiles them.

Python compiles each module it imports from source, and Pyodide's numpy ships as source
only: in the browser, compiling numpy's modules and ours took about half a second of every
start. build.py runs the page's own Pyodide once under Node.js (tools/compile_python.mjs),
imports numpy and every module of this package there, and `archive` writes the compiled
modules into one zip, py/bytecode.zip beside the package; the worker unpacks it before
importing, and Python finds them compiled.

Every file is a "checked hash-based" .pyc (PEP 552): before using it, Python compares the
hash of the source with the one in the file, so a changed source is compiled afresh and
never run stale, and a .pyc from another Python version is ignored.
"""

import importlib.util
import io
import marshal
import site
import sys
import zipfile
from pathlib import Path

# Where the compiled modules come from: the installed packages (numpy) and our own package.
ROOTS = (*site.getsitepackages(), str(Path(__file__).resolve().parents[2]))
CHECKED_HASH = 0b11    # the .pyc flags: hash-based, and checked against the source


def archive(roots=ROOTS):
    """A zip of checked hash-based .pyc files for the modules imported so far from `roots`.

    Entries are named by their path without the leading '/', ready to unpack at '/', in a
    fixed order with a fixed date, so the same modules make the same zip.
    """
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as compiled:
        for source in sorted(imported_sources(roots)):
            try:
                text = Path(source).read_bytes()
                code = compile(text, source, "exec", dont_inherit=True)     # as import compiles it
            except (OSError, SyntaxError):
                continue
            header = (importlib.util.MAGIC_NUMBER + CHECKED_HASH.to_bytes(4, "little")
                      + importlib.util.source_hash(text))
            entry = zipfile.ZipInfo(importlib.util.cache_from_source(source).lstrip("/"), date_time=(2020, 1, 1, 0, 0, 0))
            compiled.writestr(entry, header + marshal.dumps(code), zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def imported_sources(roots):
    """The source file of every module imported so far from under `roots`."""
    files = (getattr(module, "__file__", None) for module in list(sys.modules.values()))
    return {file for file in files if file and file.endswith(".py") and file.startswith(tuple(roots))}
