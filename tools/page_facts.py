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
    CPython, so that no JavaScript file keeps a copy of them. Each carries its type from the page's
    typed client (site/js/api/), so that the type check (tests/test_types.py) holds Python's answer
    to what the page expects of it.
    """
    facts = python_facts()
    folder.mkdir(parents=True, exist_ok=True)
    recognizer = facts["recognizer_facts"]
    exports = {"MODELS": (recognizer["models"], "RecognizerFacts['models']"),      # name: (value, its type in site/js/api/)
               "DEFAULT_MODEL": (recognizer["default_model"], "RecognizerFacts['default_model']"),
               "PERCEPTRON": (facts["perceptron_facts"], "PerceptronFacts"),
               "MACHINE": (facts["machine_facts"], "MachineFacts"),
               "TRAINING": (facts["training_facts"], "TrainingFacts"),
               "TEACH": (facts["teach_facts"], "TeachFacts"),
               "INSIDE": (facts["inside_facts"], "InsideFacts"),
               "CODE": (facts["code_facts"], "CodeFacts"),
               "PAD": (facts["pad_facts"], "PadFacts")}
    (folder / "facts.js").write_text(
        "// Written by build.py from weights/*/manifest.json and py/digits' facts functions: do not edit.\n"
        + "".join(f'/** @type {{import("../api.js").{type_name}}} */\n'
                  f"export const {name} = {json.dumps(value, indent=1)};\n"
                  for name, (value, type_name) in exports.items()))


def python_with_numpy():
    """This Python if it has numpy, else the project's .venv/'s (made if need be)."""
    if subprocess.run([sys.executable, "-c", "import numpy"], capture_output=True).returncode == 0:
        return sys.executable
    ensure_venv()
    return str(venv_python())


def python_facts():
    """Python's facts for the page (digits.page.api.all_facts), computed here in a CPython with numpy."""
    python = python_with_numpy()
    script = "import json, digits.page.api; print(json.dumps(digits.page.api.all_facts()))"
    result = subprocess.run([python, "-c", script], capture_output=True, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT / "py")})
    if result.returncode != 0:
        raise BuildError(f"Python's facts for the page could not be computed:\n{result.stderr.strip()}")
    return json.loads(result.stdout)

