// Compile the page's Python with the page's own Pyodide, under Node.js: the standard library's
// modules that start Python, numpy and every module of our package, imported once here so that no
// visit has to compile them (see py/digits/page/bytecode.py). Run by tools/compiled_python.py:
//   node compile_python.mjs PYODIDE_FOLDER PACKAGE_ZIP OUTPUT_FOLDER
// writes OUTPUT_FOLDER/bytecode.zip (numpy's and ours) and OUTPUT_FOLDER/python_stdlib.zip.

import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const [runtimeFolder, packageZip, output] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(`${runtimeFolder}/pyodide.mjs`).href);
const pyodide = await loadPyodide({ indexURL: `${runtimeFolder}/` });
await pyodide.loadPackage("numpy", { messageCallback: () => {} });
pyodide.unpackArchive(new Uint8Array(readFileSync(packageZip)), "zip", { extractDir: "/home/pyodide" });
const [compiled, library] = pyodide.runPython(`
import importlib
import pkgutil

import digits
from digits.page import bytecode

for module in pkgutil.walk_packages(digits.__path__, "digits."):
    importlib.import_module(module.name)
bytecode.archive(), bytecode.standard_library()
`).toJs();
writeFileSync(`${output}/bytecode.zip`, compiled);
writeFileSync(`${output}/python_stdlib.zip`, library);
