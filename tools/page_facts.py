"""The facts the page shows before Python is ready, from Python's own facts functions."""

import json
import os
import subprocess
import sys
from pathlib import Path

from build_error import BuildError
from environment import ensure_venv, venv_python

ROOT = Path(__file__).resolve().parents[1]


def add_page_facts(folder):
    """js/generated/facts.js: what the page shows before Python is ready, taken from where it is decided.

    The shipped networks (as their weights/NAME/manifest.json describe them) and the one the recognizer
    starts with, the perceptron's situations, the machine's sizes and examples, training's settings and
    teaching's limits all come from Python's own facts functions (digits.page.api.all_facts), run here in
    CPython, so that no JavaScript file keeps a copy of them. Each carries the type its facts
    function's return annotation names, which the page's client declares (tools/page_client.py),
    so that the type check (tests/test_types.py) holds Python's answer to what the page expects.
    """
    facts, types = python_facts()
    folder.mkdir(parents=True, exist_ok=True)
    exports = []
    for name, (function, field) in EXPORTS.items():
        value, type_name = facts[function], types[function]
        if field:
            value, type_name = value[field], f"{type_name}[{json.dumps(field)}]"
        exports.append(f'/** @type {{import("../api.js").{type_name}}} */\n'
                       f"export const {name} = {json.dumps(value, indent=1)};\n")
    (folder / "facts.js").write_text(
        "// Written by build.py from weights/*/manifest.json and py/digits' facts functions: do not edit.\n"
        + "".join(exports))


# The names the page imports Python's facts by: {name: (facts function, the field taken, if not all of it)}.
EXPORTS = {"MODELS": ("recognizer_facts", "models"), "DEFAULT_MODEL": ("recognizer_facts", "default_model"),
           "PERCEPTRON": ("perceptron_facts", None), "MACHINE": ("machine_facts", None),
           "TRAINING": ("training_facts", None), "TEACH": ("teach_facts", None), "INSIDE": ("inside_facts", None),
           "CODE": ("code_facts", None), "PAD": ("pad_facts", None), "NAMES": ("names_facts", None)}


def python_with_numpy():
    """This Python if it has numpy, else the project's .venv/'s (made if need be)."""
    if subprocess.run([sys.executable, "-c", "import numpy"], capture_output=True).returncode == 0:
        return sys.executable
    ensure_venv()
    return str(venv_python())


def python_facts():
    """Python's facts for the page (digits.page.api.all_facts), computed here in a CPython with numpy,
    and {facts function: the name of the type its return annotation names}."""
    python = python_with_numpy()
    script = ("import json\nfrom digits.page import api\n"
              "types = {name: api.found(where).__annotations__['return'].__name__\n"
              "         for name, where in api.FACTS.items()}\n"
              "print(json.dumps([api.all_facts(), types]))")
    result = subprocess.run([python, "-c", script], capture_output=True, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT / "py")})
    if result.returncode != 0:
        raise BuildError(f"Python's facts for the page could not be computed:\n{result.stderr.strip()}")
    return json.loads(result.stdout)

