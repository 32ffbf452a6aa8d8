"""What the tests need besides dist/: .venv/ with the pinned requirements, a Chromium, npm libraries.

Each is installed once when missing, so that `python3 build.py test` on a fresh clone needs
only Python, pip and npm (and, as root on Debian, installs the rest with apt-get). The npm
libraries are pinned in package-lock.json with the rest of npm's packages (tools/downloads.py).
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

from build_error import BuildError, run_tool
from downloads import npm_package, package_file, sha256

ROOT = Path(__file__).resolve().parents[1]
VENV = ROOT / ".venv"
REQUIREMENTS = ROOT / "requirements-test.txt"
# Libraries only the tests use, from npm: package → the file the tests load or run
TEST_LIBRARIES = {
    "axe-core": "axe.min.js",           # the accessibility audit of browsers' dev tools
    "typescript": "bin/tsc",            # tsc checks the page's JavaScript against its JSDoc
}


# ---------------------------------------------------------------------------
# .venv/ with the pinned requirements

def venv_python():
    return VENV / "bin" / "python"


def ensure_venv():
    """.venv/ with requirements-test.txt installed; a stamp makes the second run instant."""
    stamp = VENV / ".requirements-sha256"
    wanted = sha256(REQUIREMENTS.read_bytes())
    if not venv_python().exists():
        create_venv()
    if not stamp.exists() or stamp.read_text() != wanted:
        print("Installing the test requirements into .venv/ (once)…", flush=True)
        run_tool([str(venv_python()), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                  "-r", str(REQUIREMENTS)],
                 f"install {REQUIREMENTS.name} into .venv/", "Check that pip can reach PyPI, then run again.")
        stamp.write_text(wanted)


def create_venv():
    """python3 -m venv .venv; Debian's python3 needs its python3-venv package for that."""
    print("Creating .venv/ for the tests…", flush=True)
    command = [sys.executable, "-m", "venv", "--clear", str(VENV)]
    if subprocess.run(command, capture_output=True).returncode == 0:
        return
    if can_apt_install() and sys.prefix == "/usr":
        apt_install("python3-venv")
        if subprocess.run(command, capture_output=True).returncode == 0:
            return
    shutil.rmtree(VENV, ignore_errors=True)
    raise BuildError(f"{sys.executable} could not create a virtual environment in .venv/: "
                     "install its venv module (on Debian: apt-get install python3-venv) and run again.")


# ---------------------------------------------------------------------------
# A Chromium for Playwright to drive

def chromium_path():
    return os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"


def ensure_chromium():
    """Debian's chromium, installed with apt when running as root and none is found."""
    if Path(chromium_path()).exists():
        return
    if os.environ.get("CHROMIUM"):
        raise BuildError(f"CHROMIUM={os.environ['CHROMIUM']} does not exist: point it at a Chromium or unset it.")
    if not can_apt_install():
        raise BuildError("The browser tests need Chromium: install Debian's 'chromium' package "
                         "(or set CHROMIUM=/path/to/chromium) and run again.")
    apt_install("chromium")


def can_apt_install():
    return os.geteuid() == 0 and shutil.which("apt-get") is not None


def apt_install(package):
    print(f"Installing Debian's {package} with apt-get (once)…", flush=True)
    os.environ["DEBIAN_FRONTEND"] = "noninteractive"
    run_tool(["apt-get", "update", "-qq"], "update apt's package lists", "Check the network, then run again.")
    run_tool(["apt-get", "install", "-y", "-qq", package], f"install {package} with apt-get",
             f"Install {package} by hand, then run again.")


def in_venv(*arguments):
    """Run .venv/'s Python with these arguments, telling it which Chromium to drive; its exit code."""
    environment = {**os.environ, "CHROMIUM": chromium_path()}
    return subprocess.run([str(venv_python()), *arguments], cwd=ROOT, env=environment).returncode


# ---------------------------------------------------------------------------
# Libraries only the tests use, from npm

def test_library(name):
    """The text of a test-only library's file, as package-lock.json pins the package."""
    return package_file(name, TEST_LIBRARIES[name]).decode()


def unpacked_test_library(name):
    """The path of a test-only library's file in the whole package (tsc reads its lib/ folder beside it)."""
    return npm_package(name) / TEST_LIBRARIES[name]
