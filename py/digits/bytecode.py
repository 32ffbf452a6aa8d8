"""Python's compiled modules, kept between visits, so the page starts faster the second time.

Python compiles each module it imports from source; in the browser that is a good part
of the start (numpy's modules alone take about a quarter of a second). The worker lets
Python write the compiled files (.pyc) while it imports; `archive` packs them into one
zip, which the browser keeps; on the next visit the worker unpacks it before importing.

Every kept file is a "checked hash-based" .pyc (PEP 552): before using it, Python
compares the hash of the source with the one in the file, so a changed source is
compiled afresh and never run stale.
"""

import importlib.util
import io
import site
import sys
import zipfile
from pathlib import Path

# Where the kept modules come from: the installed packages (numpy) and our own package.
ROOTS = (*site.getsitepackages(), str(Path(__file__).resolve().parents[1]))
CHECKED_HASH = 0b11    # the .pyc flags: hash-based, and checked against the source


def archive(roots=ROOTS):
    """A zip of checked hash-based .pyc files for the modules imported so far from `roots`.

    Entries are named by their path without the leading '/', ready to unpack at '/'.
    """
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as kept:
        for module in list(sys.modules.values()):
            source, compiled = getattr(module, "__file__", None), getattr(module, "__cached__", None)
            if not (source and compiled and source.endswith(".py") and source.startswith(tuple(roots))):
                continue
            try:
                code = Path(compiled).read_bytes()[16:]       # after the 16-byte header
                source_hash = importlib.util.source_hash(Path(source).read_bytes())
            except OSError:
                continue                                      # not written (or not readable): skip it
            header = importlib.util.MAGIC_NUMBER + CHECKED_HASH.to_bytes(4, "little") + source_hash
            kept.writestr(compiled.lstrip("/"), header + code)
    return buffer.getvalue()
