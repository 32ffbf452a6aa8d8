"""Python's compiled modules, kept between visits, so the page starts faster the second time.

Python compiles each module it imports from source; in the browser that is a good part
of the start (numpy's modules alone take about a quarter of a second). Once the page
has answered and the visitor pauses, `archive` compiles the modules imported so far
into one zip, which the browser keeps; on the next visit the worker unpacks it before
importing, and Python finds the compiled files ready.

Every kept file is a "checked hash-based" .pyc (PEP 552): before using it, Python
compares the hash of the source with the one in the file, so a changed source is
compiled afresh and never run stale.
"""

import importlib.util
import io
import marshal
import site
import sys
import zipfile
from pathlib import Path

# Where the kept modules come from: the installed packages (numpy) and our own package.
ROOTS = (*site.getsitepackages(), str(Path(__file__).resolve().parents[2]))
CHECKED_HASH = 0b11    # the .pyc flags: hash-based, and checked against the source


def archive(roots=ROOTS):
    """A zip of checked hash-based .pyc files for the modules imported so far from `roots`.

    Entries are named by their path without the leading '/', ready to unpack at '/'.
    """
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as kept:
        for module in list(sys.modules.values()):
            source = getattr(module, "__file__", None)
            if not (source and source.endswith(".py") and source.startswith(tuple(roots))):
                continue
            try:
                text = Path(source).read_bytes()
                code = compile(text, source, "exec", dont_inherit=True)     # as import compiles it
            except (OSError, SyntaxError):
                continue
            header = (importlib.util.MAGIC_NUMBER + CHECKED_HASH.to_bytes(4, "little")
                      + importlib.util.source_hash(text))
            kept.writestr(importlib.util.cache_from_source(source).lstrip("/"), header + marshal.dumps(code))
    return buffer.getvalue()
