"""The facts the page shows before Python is ready, from Python's own facts functions."""

import json


def write_facts(folder):
    """js/generated/facts.js: what the page shows before Python is ready, taken from where it is decided.

    The shipped networks (as their weights/NAME/manifest.json describe them) and the one the recognizer
    starts with, the perceptron's situations, the machine's sizes and examples, training's settings and
    teaching's limits all come from Python's own facts functions (digits.page.api.all_facts), run here in
    a CPython with numpy (from_python.py), so that no JavaScript file keeps a copy of them. Each carries
    the type its facts function's return annotation names, which the page's client declares (tools/page_client.py),
    so that the type check (tests/test_types.py) holds Python's answer to what the page expects.
    """
    from digits.page import api          # here, not above: build.py's own Python may lack numpy
    facts = api.all_facts()
    modules = {}                         # {facts function: its exports}, one module each
    for name, (function, field) in EXPORTS.items():
        value, type_name = facts[function], api.found(api.FACTS[function]).__annotations__["return"].__name__
        if field:
            value, type_name = value[field], f"{type_name}[{json.dumps(field)}]"
        modules.setdefault(function, []).append(
            (name, f'/** @type {{import("../../api.js").{type_name}}} */\n'
                   f"export const {name} = {json.dumps(value, indent=1)};\n"))
    (folder / "facts").mkdir(parents=True, exist_ok=True)
    index = []
    for function, exports in modules.items():
        module = function.removesuffix("_facts")
        (folder / "facts" / f"{module}.js").write_text(
            f"// Written by build.py from py/digits' {function}: do not edit.\n"
            + "".join(text for _, text in exports))
        index.append(f'export {{ {", ".join(name for name, _ in exports)} }} from "./facts/{module}.js";\n')
    (folder / "facts.js").write_text(
        "// Written by build.py from weights/*/manifest.json and py/digits' facts functions: do not edit.\n"
        "// Every facts function's own module is in facts/; the page imports them all from here.\n"
        + "".join(index))


# The names the page imports Python's facts by: {name: (facts function, the field taken, if not all of it)}.
EXPORTS = {"MODELS": ("recognizer_facts", "models"), "DEFAULT_MODEL": ("recognizer_facts", "default_model"),
           "PERCEPTRON": ("perceptron_facts", None), "MACHINE": ("machine_facts", None),
           "TRAINING": ("training_facts", None), "TEACH": ("teach_facts", None), "GUIDED": ("guided_facts", None),
           "INSIDE": ("inside_facts", None),
           "CODE": ("code_facts", None), "PAD": ("pad_facts", None), "NAMES": ("names_facts", None),
           "NUMBER": ("number_facts", None)}

