"""The page's JavaScript, bundled: js/main.js and js/worker.js, each one file with its source map.

site/js/ is written as some seventy small modules, and a browser fetching, parsing and linking
them one by one kept the main thread busy for over a second while Python was starting. esbuild
joins each entry and everything it imports into one minified file, at the entry's own path, so
index.html, its Content-Security-Policy and the worker's URL stay as they are. Pyodide stays a
file of its own (it finds its WebAssembly beside itself). The source maps carry the readable
modules, so a browser's developer tools show site/js/ as it is written.

The code editor (CodeMirror, which few visitors open) is a third bundle, js/code-editor.js, that
the page imports only when a visitor opens it. Libraries imported by name (runtime.BUNDLED) are
resolved from a node_modules/ laid out beside js/ for the bundling only, from their pinned tarballs.

esbuild comes from npm, pinned by version and sha256 like everything the build downloads: the
native program where there is one for this machine, else the same esbuild compiled to
WebAssembly, run by node (the same bundle, about seven seconds slower).
"""

import json
import platform
import shutil
import subprocess
import tempfile
from pathlib import Path

from build_error import BuildError
from downloads import npm_tarball, unpacked_package
from runtime import BUNDLED, add_node_modules

# npm package → (its tarball, that tarball's sha256, how to run it from the unpacked package)
NATIVE = {("Linux", "x86_64"): ("@esbuild/linux-x64@0.28.2", "esbuild-linux-x64-0.28.2.tgz",
                                "9573bb2233aab0f9ea7647d5cca9726113cc1768de61d66b17267f4db84488f6", ["bin/esbuild"])}
PORTABLE = ("esbuild-wasm@0.28.2", "esbuild-wasm-0.28.2.tgz",
            "61594de12ce998652be2aa0ab72dda54bfa49407fb37ee3464468a2aac306baa", ["node", "bin/esbuild"])
# bundle in js/ → its entry module: the page's module, Python's worker, the code editor
ENTRIES = {"main.js": "main.js", "worker.js": "worker.js", "code-editor.js": "widgets/code-editor.js"}
KEPT_APART = ["*/pyodide/pyodide.mjs"]             # imported at run time from the site, never bundled


def esbuild_command():
    """How to run the pinned esbuild here: its native program if npm has one for this machine."""
    package, filename, expected, run = NATIVE.get((platform.system(), platform.machine()), PORTABLE)
    folder = unpacked_package(npm_tarball(package, filename, expected))
    return [part if part == "node" else str(folder / part) for part in run]


def bundle(site):
    """Replace the modules under `site`/js/ by one bundle per entry (with its .map), in place.

    Every module a bundle took in leaves the site (idb-keyval, vendored, included), so the site
    ships only what the page loads; the bundled libraries' licences go to vendor/.
    """
    js = site / "js"
    modules = add_node_modules(site)
    try:
        with tempfile.TemporaryDirectory() as scratch:
            out, meta = Path(scratch, "out"), Path(scratch, "meta.json")
            entries = [f"{bundle.removesuffix('.js')}={module}" for bundle, module in ENTRIES.items()]
            command = [*esbuild_command(), *entries, "--bundle", "--format=esm", "--minify", "--sourcemap",
                       "--charset=utf8", "--log-level=warning", f"--outdir={out}", f"--metafile={meta}",
                       *(f"--external:{path}" for path in KEPT_APART)]
            try:
                result = subprocess.run(command, cwd=js, capture_output=True, text=True, stdin=subprocess.DEVNULL)
            except OSError as error:
                raise BuildError(f"esbuild could not run ({error.strerror}): install node (it comes with npm) "
                                 "and build again.") from None
            if result.returncode != 0:
                raise BuildError(f"esbuild could not bundle the page's JavaScript:\n{result.stderr.strip()}")
            for module in json.loads(meta.read_text())["inputs"]:
                path = (js / module).resolve()
                if not path.is_relative_to(modules.resolve()):            # node_modules/ goes whole, below
                    path.unlink()
            for built in out.iterdir():
                shutil.move(built, js / built.name)
        write_licences(modules, site / "vendor" / "bundled-libraries.LICENCES.txt")
    finally:
        shutil.rmtree(modules)
    for folder in sorted((path for path in site.rglob("*") if path.is_dir()), reverse=True):
        if not any(folder.iterdir()):
            folder.rmdir()


def write_licences(modules, target):
    """Each bundled library's licence, as its package publishes it, in one file."""
    texts = []
    for package, (version, _) in BUNDLED.items():
        licence = next((path for path in sorted((modules / package).iterdir()) if path.name.upper().startswith("LICEN")), None)
        if licence is None:
            raise BuildError(f"{package}@{version} has no licence file: the page cannot ship it without one.")
        texts.append(f"{package}@{version}\n\n{licence.read_text().strip()}\n")
    target.parent.mkdir(exist_ok=True)
    target.write_text(("\n" + "-" * 72 + "\n\n").join(texts))
