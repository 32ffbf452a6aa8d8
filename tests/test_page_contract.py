"""The page and Python agree on what the page may ask: site/js/api/ against api.PAGE_FUNCTIONS.

api.js (one file per section in api/, gathered by api.js) is the page's one way to call Python (worker.js itself asks for the runtime,
the memory and a model's weights). Every name either side lists must be offered by
the other, and each call must pass as many arguments as the Python function takes.
"""

import inspect
import re
from pathlib import Path

import pytest

from digits.page import api

JS = Path(__file__).resolve().parents[1] / "site" / "js"
CALL = re.compile(r'\bcall\("(\w+)"((?:,\s*[\w.]+)*)\)')                 # python.call("name", a, b)
WORKER_CALL = re.compile(r'\bcall\("(\w+)",\s*\[([^\]]*)\]')                # worker.js: call("name", [a, b])


CLIENT = sorted((JS / "api").glob("*.js"))                                    # api.js gathers these


def calls(path, pattern=CALL):
    """{python name: number of arguments} for every call to Python by name in a JS file."""
    return {name: len([a for a in args.split(",") if a.strip()]) for name, args in pattern.findall(path.read_text())}


def client_calls():
    return {name: count for path in CLIENT for name, count in calls(path).items()}


def all_calls():
    return {**client_calls(), **calls(JS / "worker.js", WORKER_CALL)}


def exported(path):
    """{function name: the Python name it calls} for each exported function of api.js."""
    source = path.read_text()
    functions = re.findall(r'export function (\w+)\(python[^)]*\) \{\s*return python\.call\("(\w+)"', source)
    assert len(functions) == source.count("export function"), "every exported function is one call to Python"
    return dict(functions)


def camel(name):
    first, *rest = name.split("_")
    return first + "".join(word.capitalize() for word in rest)


def test_the_client_and_the_worker_call_exactly_what_python_offers():
    page_calls, worker_calls = client_calls(), calls(JS / "worker.js", WORKER_CALL)
    assert sorted(worker_calls) == ["load_model", "memory", "runtime"]
    assert sorted(page_calls) == sorted(set(api.PAGE_FUNCTIONS) - set(worker_calls))


def test_each_client_function_is_named_after_the_python_function_it_calls():
    for path in CLIENT:
        for function, name in exported(path).items():
            assert function == camel(name)


def test_api_js_gathers_every_part_of_the_client():
    gathered = set(re.findall(r'export \* from "\./api/([\w-]+\.js)";', (JS / "api.js").read_text()))
    assert gathered == {path.name for path in CLIENT}


@pytest.mark.parametrize("name, count", sorted(all_calls().items()))
def test_each_call_passes_as_many_arguments_as_python_takes(name, count):
    parameters = api.parameters(api.page_function(name))
    required = [p for p in parameters if p.default is inspect.Parameter.empty]
    assert len(required) <= count <= len(parameters), (name, [p.name for p in parameters])


def test_no_other_page_file_calls_python_by_name():
    # The sections go through api.js; a string-named call anywhere else escapes this contract.
    stray = {path.relative_to(JS).as_posix(): sorted(calls(path)) for path in JS.rglob("*.js")
             if path.name not in ("api.js", "worker.js") and path not in CLIENT and calls(path)}
    assert stray == {}


# The names build.py gives Python's facts in js/generated/facts.js.
FACTS_IN_THE_PAGE = {"PERCEPTRON": "perceptron_facts", "MACHINE": "machine_facts", "TRAINING": "training_facts",
                     "TEACH": "teach_facts", "INSIDE": "inside_facts", "PAD": "pad_facts",
                     "CODE": "code_facts"}


def test_every_fact_the_page_reads_is_one_python_gives():
    facts = api.all_facts()
    read = {(constant, field) for path in JS.rglob("*.js") if path.parent.name != "generated"
            for constant, field in re.findall(r"\b(" + "|".join(FACTS_IN_THE_PAGE) + r")\.(\w+)", path.read_text())}
    assert read, "the sections read Python's facts"
    assert {(constant, field) for constant, field in read if field not in facts[FACTS_IN_THE_PAGE[constant]]} == set()
