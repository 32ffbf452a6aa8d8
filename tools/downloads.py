"""What the build downloads: fetched once into the cache outside the repo, checked by sha256.

npm packs each package's published tarball; nothing is accepted unless its sha256 is the one
pinned beside its name, so a later build is offline and ships the same bytes.
"""

import hashlib
import os
import shutil
import tarfile
import tempfile
from pathlib import Path, PurePosixPath

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



def unpacked_package(tarball):
    """The folder of an npm package's whole tarball, unpacked once beside it in the cache.

    A program such as tsc or esbuild needs the rest of its package beside it, so the checked
    tarball is unpacked in full; into a temporary folder first, so that a half-unpacked
    package is never taken for a whole one. Unpacked files keep their modes: esbuild's is a program.
    """
    folder = tarball.with_suffix("")                     # e.g. typescript-6.0.3/ beside its .tgz
    if not (folder / "package.json").exists():
        with tempfile.TemporaryDirectory(dir=make_cache()) as unpacking:
            with tarfile.open(tarball) as archive:
                for entry in archive:
                    path = PurePosixPath(entry.name)
                    if entry.isfile() and path.parts[0] == "package" and ".." not in path.parts:
                        target = Path(unpacking, *path.parts)
                        target.parent.mkdir(parents=True, exist_ok=True)
                        target.write_bytes(archive.extractfile(entry).read())
                        target.chmod(0o755 if entry.mode & 0o111 else 0o644)
            shutil.rmtree(folder, ignore_errors=True)
            Path(unpacking, "package").rename(folder)
    return folder
