"""What the build downloads: fetched once into the cache outside the repo, checked by sha256.

npm packs each package's published tarball; nothing is accepted unless its sha256 is the one
pinned beside its name, so a later build is offline and ships the same bytes.
"""

import hashlib
import os
import tarfile
import tempfile
from pathlib import Path

from build_error import BuildError, run_tool

CACHE = Path(os.environ.get("DIGITS_CACHE")
             or Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "digits-in-the-browser")


def make_cache():
    CACHE.mkdir(parents=True, exist_ok=True)
    return CACHE


def sha256(data):
    return hashlib.sha256(data).hexdigest()


def npm_tarball(package, filename, expected_sha256):
    """An npm package's tarball, packed once into the cache and checked against its pinned sha256."""
    tarball = CACHE / filename
    if not tarball.exists():
        print(f"Downloading {package} with npm (once, into {CACHE})…", flush=True)
        with tempfile.TemporaryDirectory(dir=make_cache()) as download:
            run_tool(["npm", "pack", package, "--pack-destination", download],
                     f"download {package} with npm into {CACHE}",
                     "Check that npm is installed and can reach its registry, then build again.")
            Path(download, filename).replace(tarball)
    if sha256(tarball.read_bytes()) != expected_sha256:
        raise BuildError(f"{tarball} is not the published {package} (its sha256 differs): "
                         "delete it and build again.")
    return tarball


def package_file(tarball, path):
    """The bytes of one file of an npm package's tarball (`path` inside the package)."""
    with tarfile.open(tarball) as archive:
        try:
            return archive.extractfile(f"package/{path}").read()
        except (KeyError, AttributeError):
            raise BuildError(f"{tarball} lacks {path}: delete it and build again.") from None

