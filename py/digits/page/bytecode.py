"""Python's compiled modules, made once when the site is built, so that no visit compiles them.

Python compiles each module it imports from source, and Pyodide ships its standard library and
numpy as source only: in the browser, compiling them took more time than anything else the page
adds to Pyodide's own start. build.py runs the page's own Pyodide once under Node.js
(tools/compile_python.mjs), imports numpy and every module of this package there, and writes
what it compiled into two zips:

- `archive`: numpy's modules and ours, as checked hash-based .pyc files (PEP 552), which the
  worker unpacks beside their sources before importing. Python compares the hash of the source
  with the one in the file before using it, so a changed source is compiled afresh and never run
  stale, and a .pyc from another Python version is ignored.
- `standard_library`: Pyodide's python_stdlib.zip with each module that was imported there
  compiled, as a .pyc in place of its source. These are unchecked: each is made from the source
  it replaces, in the same zip, by the same Python that will run it, so nothing can change one
  without the other.
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
# Where Pyodide keeps its standard library: the zip it downloads, mounted as a file.
STANDARD_LIBRARY = f"/lib/python{sys.version_info.major}{sys.version_info.minor}.zip"
CHECKED_HASH = 0b11    # the .pyc flags: hash-based, and checked against the source
UNCHECKED_HASH = 0b01  # hash-based, used as it is
FIXED_DATE = (2020, 1, 1, 0, 0, 0)      # the same modules make the same zip


def archive(roots=ROOTS):
    """A zip of checked hash-based .pyc files for the modules imported so far from `roots`.

    Entries are named by their path without the leading '/', ready to unpack at '/', in a
    fixed order with a fixed date, so the same modules make the same zip.
    """
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as compiled:
        for source in sorted(imported_sources(roots)):
            try:
                pyc = compiled_module(Path(source).read_bytes(), source, CHECKED_HASH)
            except (OSError, SyntaxError):
                continue
            entry = zipfile.ZipInfo(importlib.util.cache_from_source(source).lstrip("/"), date_time=FIXED_DATE)
            compiled.writestr(entry, pyc, zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def standard_library(library=STANDARD_LIBRARY):
    """The zip at `library` with each of its modules imported so far compiled: an unchecked .pyc in place of its .py.

    The zip importer runs a .pyc that has no source beside it, and leaving the source out keeps
    the zip near its original size (the page's whole download has a budget): only a traceback
    through one of these modules shows no source lines.
    """
    imported = imported_sources([library + "/"])
    buffer = io.BytesIO()
    with zipfile.ZipFile(library) as original, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as compiled:
        for entry in original.infolist():
            text = original.read(entry)
            source = f"{library}/{entry.filename}"
            if source in imported:
                # Compiled under the name the zip importer gives the source, as tracebacks show it.
                pyc = compiled_module(text, source, UNCHECKED_HASH)
                compiled.writestr(zipfile.ZipInfo(entry.filename + "c", date_time=entry.date_time), pyc,
                                  zipfile.ZIP_DEFLATED)
            else:
                compiled.writestr(entry, text)
    return buffer.getvalue()


def compiled_module(text, filename, flags):
    """The bytes of a .pyc for source `text` (as import compiles it), hash-based with these flags."""
    code = compile(text, filename, "exec", dont_inherit=True)
    header = importlib.util.MAGIC_NUMBER + flags.to_bytes(4, "little") + importlib.util.source_hash(text)
    return header + marshal.dumps(code)


def imported_sources(roots):
    """The source file of every module imported so far from under `roots`."""
    files = (getattr(module, "__file__", None) for module in list(sys.modules.values()))
    return {file for file in files if file and file.endswith(".py") and file.startswith(tuple(roots))}
