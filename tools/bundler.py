"""The page's JavaScript, bundled: js/main.js and js/worker.js, each one file with its source map.

site/js/ is written as some seventy small modules, and a browser fetching, parsing and linking
them one by one kept the main thread busy for over a second while Python was starting. esbuild
joins each entry and everything it imports into one minified file, at the entry's own path, so
index.html, its Content-Security-Policy and the worker's URL stay as they are. Pyodide stays a
file of its own (it finds its WebAssembly beside itself). The source maps carry the readable
modules, so a browser's developer tools show site/js/ as it is written.

The code editor (CodeMirror, which few visitors open) is a third bundle, js/code-editor.js, that
the page imports only when a visitor opens it. Libraries imported by name are resolved from
node_modules/, as package-lock.json pins them, and their licences go to vendor/.

esbuild comes from npm too, pinned in the lock like every package the build uses: npm installs
the native program for this machine beside it.
"""

import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path, PurePosixPath

from build_error import BuildError
from downloads import node_modules

# bundle in js/ → its entry module: the page's module, Python's worker, the code editor
ENTRIES = {"main.js": "main.js", "worker.js": "worker.js", "code-editor.js": "widgets/code-editor.js"}
KEPT_APART = ["*/pyodide/pyodide.mjs"]             # imported at run time from the site, never bundled


def esbuild_command():
    """How to run the pinned esbuild: the command npm links for it."""
    return [str(node_modules() / ".bin" / "esbuild")]


def bundle(site):
    """Replace the modules under `site`/js/ by one bundle per entry (with its .map), in place.

    Every module a bundle took in leaves the site (idb-keyval, vendored, included), so the site
    ships only what the page loads; the bundled libraries' licences go to vendor/.
    """
    js = site / "js"
    modules = node_modules().resolve()
    with tempfile.TemporaryDirectory() as scratch:
        out, meta = Path(scratch, "out"), Path(scratch, "meta.json")
        entries = [f"{bundle.removesuffix('.js')}={module}" for bundle, module in ENTRIES.items()]
        command = [*esbuild_command(), *entries, "--bundle", "--format=esm", "--minify", "--sourcemap",
                   "--charset=utf8", "--log-level=warning", f"--outdir={out}", f"--metafile={meta}",
                   *(f"--external:{path}" for path in KEPT_APART)]
        try:
            result = subprocess.run(command, cwd=js, capture_output=True, text=True, stdin=subprocess.DEVNULL,
                                    env={**os.environ, "NODE_PATH": str(modules)})   # wherever the site is staged
        except OSError as error:
            raise BuildError(f"esbuild could not run ({error.strerror}): install node (it comes with npm) "
                             "and build again.") from None
        if result.returncode != 0:
            raise BuildError(f"esbuild could not bundle the page's JavaScript:\n{result.stderr.strip()}")
        bundled = set()
        for module in json.loads(meta.read_text())["inputs"]:
            path = (js / module).resolve()
            if path.is_relative_to(modules):                            # a library's file: it stays in node_modules/
                bundled.add(package_of(path.relative_to(modules)))
            else:
                path.unlink()
        for built in out.iterdir():
            shutil.move(built, js / built.name)
    write_licences(modules, sorted(bundled), site / "vendor" / "bundled-libraries.LICENCES.txt")
    for folder in sorted((path for path in site.rglob("*") if path.is_dir()), reverse=True):
        if not any(folder.iterdir()):
            folder.rmdir()


def package_of(path):
    """The npm package a file under node_modules/ belongs to: "crelt", or "@codemirror/view" for a scoped one."""
    parts = PurePosixPath(path).parts
    return "/".join(parts[:2]) if parts[0].startswith("@") else parts[0]


def write_licences(modules, packages, target):
    """Each bundled library's licence, as its package publishes it, in one file."""
    texts = []
    for package in packages:
        version = json.loads((modules / package / "package.json").read_text())["version"]
        licence = next((path for path in sorted((modules / package).iterdir()) if path.name.upper().startswith("LICEN")), None)
        if licence is None:
            raise BuildError(f"{package}@{version} has no licence file: the page cannot ship it without one.")
        texts.append(f"{package}@{version}\n\n{licence.read_text().strip()}\n")
    target.parent.mkdir(exist_ok=True)
    target.write_text(("\n" + "-" * 72 + "\n\n").join(texts))
