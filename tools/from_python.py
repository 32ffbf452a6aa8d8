"""What the build takes from Python itself, in one run of a CPython with numpy: the facts the page
shows before Python is ready (page_facts.py, js/generated/facts.js and facts/) and the page's typed client
(page_client.py, js/generated/client/). build.py's own Python may have no numpy, so both are
written by this file run as a script in one that has: the package is imported once for both.

They are written into site/js/generated/ (ignored by git), where the page's modules import them
from, so an editor and tsc (tests/test_types.py) resolve those imports to the real files; the
build copies them into dist/ with the rest of site/.
"""

import contextlib
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from build_error import BuildError
from environment import ensure_venv, venv_python

ROOT = Path(__file__).resolve().parents[1]
GENERATED = ROOT / "site" / "js" / "generated"


def add_from_python(generated=GENERATED):
    """Make `generated` (js/generated/) hold facts.js and client/, as Python's facts and annotations
    are now, and nothing else: a file Python no longer writes goes, an unchanged one is left as it
    is (an editor watching it sees no change)."""
    with tempfile.TemporaryDirectory() as scratch:
        result = subprocess.run([python_with_numpy(), __file__, scratch], capture_output=True, text=True,
                                env={**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "py"), str(ROOT / "tools")])})
        if result.returncode != 0:
            raise BuildError(f"The page's facts and client could not be written from Python:\n{result.stderr.strip()}")
        mirror(Path(scratch), generated)


def mirror(source, target):
    """Make folder `target` hold exactly `source`'s files, rewriting only those that differ.

    Each file is swapped in whole (written beside it, then renamed over it), so a build and the type
    check writing the same folder at once never leave a half-written file for the other to read.
    """
    wanted = {path.relative_to(source): path.read_bytes() for path in source.rglob("*") if path.is_file()}
    if target.is_dir():
        for path in sorted(target.rglob("*"), reverse=True):          # a folder's files before the folder
            if path.is_file() and path.relative_to(target) not in wanted:
                path.unlink(missing_ok=True)
            elif path.is_dir() and not any(path.iterdir()):
                with contextlib.suppress(OSError):                 # filled again meanwhile: keep it
                    path.rmdir()
    for name, data in wanted.items():
        path = target / name
        if path.is_file() and path.read_bytes() == data:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        fresh = path.with_name(f".{path.name}.{os.getpid()}")        # hidden: the build's copy of site/ skips it
        fresh.write_bytes(data)
        fresh.replace(path)


def python_with_numpy():
    """This Python if it has numpy, else the project's .venv/'s (made if need be)."""
    if subprocess.run([sys.executable, "-c", "import numpy"], capture_output=True).returncode == 0:
        return sys.executable
    ensure_venv()
    return str(venv_python())


if __name__ == "__main__":
    from page_client import write_client
    from page_facts import write_facts
    write_facts(Path(sys.argv[1]))
    write_client(Path(sys.argv[1]) / "client")
