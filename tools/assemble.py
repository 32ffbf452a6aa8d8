"""Assembling dist/, the static site GitHub Pages publishes, and checking it stays within its budget."""

import io
import json
import shutil
import time
import zipfile
from pathlib import Path

from build_error import BuildError
from bundler import bundle
from compiled_python import add_compiled_python
from downloads import sha256
from from_python import add_from_python
from runtime import PACKAGES, add_runtime, add_vendored, read_runtime, verified_wheel

ROOT = Path(__file__).resolve().parents[1]
DIST = ROOT / "dist"
STAGING = ROOT / ".dist-staging"
MAX_DIST_BYTES = 22 * 2**20         # what the page loads and keeps offline; source maps are for developer tools


def build(quiet=False):
    """Assemble dist/ from site/ (with the facts and client Python writes into site/js/generated/ first),
    py/digits/, weights/, data/web/, the vendored runtime and libraries.

    Everything is put together in a staging folder first and then swapped in, so dist/
    never holds a stale file or half a build.
    """
    started = time.time()
    if not (ROOT / "site" / "index.html").exists():
        raise BuildError("site/index.html is missing: the page has nothing to start from.")
    runtime, lock = read_runtime()
    wheels = [verified_wheel(lock, package) for package in PACKAGES]

    add_from_python()            # into site/js/generated/, where an editor and tsc find it too
    shutil.rmtree(STAGING, ignore_errors=True)
    shutil.copytree(ROOT / "site", STAGING, ignore=shutil.ignore_patterns(".*"))
    (STAGING / "py").mkdir()
    (STAGING / "py" / "digits.zip").write_bytes(zip_package(ROOT / "py" / "digits"))
    for source, target in ((ROOT / "weights", "weights"), (ROOT / "data" / "web", "data")):
        if source.is_dir():
            shutil.copytree(source, STAGING / target, ignore=shutil.ignore_patterns(".*"))
    add_runtime(STAGING / "pyodide", runtime, wheels, lock)
    add_compiled_python(STAGING)
    add_vendored(STAGING / "vendor")
    bundle(STAGING)
    add_offline_list(STAGING)

    files, size = listing(STAGING)
    maps = sum(path.stat().st_size for path in STAGING.rglob("*.map"))
    if size - maps > MAX_DIST_BYTES:
        raise BuildError(f"dist/ would be {(size - maps) / 2**20:.1f} MiB, over its {MAX_DIST_BYTES / 2**20:.0f} MiB "
                         f"budget: see what grew in {STAGING.name}/.")
    shutil.rmtree(DIST, ignore_errors=True)
    STAGING.rename(DIST)
    if not quiet:
        print(f"Built dist/: {len(files)} files, {(size - maps) / 2**20:.1f} MiB and {maps / 2**20:.1f} MiB of "
              f"source maps, in {time.time() - started:.1f} s.")


def add_offline_list(folder):
    """offline-files.js: the build's version and every file with its sha256, for the service worker (site/sw.js).

    The version is a digest of that list, so any change to any file makes a new version, and
    the browser, seeing this script change, installs the new build beside the old one. Source
    maps are left out: only developer tools read them, and only online.
    """
    files = [{"path": path.relative_to(folder).as_posix(), "sha256": sha256(path.read_bytes())}
             for path in sorted(folder.rglob("*")) if path.is_file() and path.name != "sw.js" and path.suffix != ".map"]
    version = sha256(json.dumps(files, sort_keys=True).encode())[:16]
    lines = ",\n".join(f"  {json.dumps(entry)}" for entry in files)
    (folder / "offline-files.js").write_text("// Written by build.py: what the service worker keeps (see site/sw.js).\n"
                                             f'self.OFFLINE = {{"version": "{version}", "files": [\n{lines}\n]}};\n')


def zip_package(folder):
    """A Python package as zip bytes for the worker to unpack: sorted, fixed timestamps, reproducible."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.rglob("*.py")):
            if "__pycache__" in path.parts:
                continue
            info = zipfile.ZipInfo(path.relative_to(folder.parent).as_posix(), date_time=(2020, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())
    return buffer.getvalue()


def listing(folder):
    files = [path for path in folder.rglob("*") if path.is_file()]
    return files, sum(path.stat().st_size for path in files)

