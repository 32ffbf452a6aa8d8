"""What the build takes from Python itself, in one run of a CPython with numpy: the facts the page
shows before Python is ready (page_facts.py, js/generated/facts.js) and the page's typed client
(page_client.py, js/generated/client/). build.py's own Python may have no numpy, so both are
written by this file run as a script in one that has: the package is imported once for both.
"""

import os
import subprocess
import sys
from pathlib import Path

from build_error import BuildError
from environment import ensure_venv, venv_python

ROOT = Path(__file__).resolve().parents[1]


def add_from_python(generated):
    """Write facts.js and client/ into `generated` (js/generated/), from Python's facts and annotations."""
    result = subprocess.run([python_with_numpy(), __file__, str(generated)], capture_output=True, text=True,
                            env={**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "py"), str(ROOT / "tools")])})
    if result.returncode != 0:
        raise BuildError(f"The page's facts and client could not be written from Python:\n{result.stderr.strip()}")


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
