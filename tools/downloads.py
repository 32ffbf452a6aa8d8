"""What the build downloads: fetched once, checked, and kept, so that later builds are offline.

npm's packages (Pyodide, the front-end libraries, esbuild, and the tests' axe-core and
TypeScript) are named in package.json and pinned in package-lock.json, each at one version with
the sha512 of its published tarball. `npm ci` installs exactly those into node_modules/ and
refuses a package whose integrity differs; it runs when node_modules/ is missing or was installed
from another lock, from npm's own cache when it can. Other downloads (Pyodide's numpy, which
npm does not have) go to the cache outside the repo.
"""

import hashlib
import os
from pathlib import Path

from build_error import BuildError, run_tool

ROOT = Path(__file__).resolve().parents[1]
NODE_MODULES = ROOT / "node_modules"
LOCK = ROOT / "package-lock.json"
CACHE = Path(os.environ.get("DIGITS_CACHE")
             or Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "digits-in-the-browser")


def make_cache():
    CACHE.mkdir(parents=True, exist_ok=True)
    return CACHE


def sha256(data):
    return hashlib.sha256(data).hexdigest()


def node_modules():
    """node_modules/ as package-lock.json pins it, installed by `npm ci` the first time (and after the
    lock changes); a stamp of the lock it came from makes later calls instant and offline.

    --ignore-scripts: no package runs code at install (esbuild finds its program without its own).
    """
    stamp = NODE_MODULES / ".installed-from-lock"
    wanted = sha256(LOCK.read_bytes())
    if not (stamp.exists() and stamp.read_text() == wanted):
        print("Installing the npm packages package-lock.json pins, with npm ci (once)…", flush=True)
        run_tool(["npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--prefer-offline"],
                 "install the packages package-lock.json pins with npm ci",
                 "Check that npm is installed and, the first time, can reach its registry; then build again.", cwd=ROOT)
        stamp.write_text(wanted)
    return NODE_MODULES


def npm_package(name):
    """The folder of npm package `name` as installed from the lock (node_modules/NAME)."""
    folder = node_modules() / name
    if not (folder / "package.json").exists():
        raise BuildError(f"{name} is not in node_modules/: add it to package.json, run 'npm install "
                         "--package-lock-only --ignore-scripts' to pin it in package-lock.json, and build again.")
    return folder


def package_file(name, path):
    """The bytes of one file of npm package `name` (`path` inside the package)."""
    file = npm_package(name) / path
    if not file.is_file():
        raise BuildError(f"The npm package {name} lacks {path}: delete node_modules/ and build again.")
    return file.read_bytes()
