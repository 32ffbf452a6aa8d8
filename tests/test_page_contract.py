"""The page and Python agree on what the page may ask, because the page's client is written from
Python: tools/page_client.py turns the page functions' annotations into js/generated/client/, and
tsc (tests/test_types.py) holds every section to it. What is left to check here: that every
function says what it answers in a way the generator can write, that the generator writes what
it should, and that nothing calls Python by name around the client.
"""

import re
import typing
from pathlib import Path
from typing import Annotated, Any, Literal, NotRequired, TypedDict

import pytest

import page_client
from from_python import add_from_python
from digits.page import api
from digits.page.on_the_page import OnThePage
from page_client import Shapes, camel_case, client_files, client_function, typedef_of_dict

JS = Path(__file__).resolve().parents[1] / "site" / "js"
PAGE_CALLS = [name for name in api.PAGE_FUNCTIONS if name not in page_client.WORKER_ONLY]
WORKER_CALL = re.compile(r'\bcall\("(\w+)",\s*\[([^\]]*)\]')                # worker.js: call("name", [a, b])


def loose(annotation):
    """The parts of an annotation that say nothing of the shape: a bare list or dict, or Any."""
    if any(isinstance(note, OnThePage) for note in typing.get_args(annotation)[1:]):
        return []                                 # a type the page names itself (page/on_the_page.py)
    found = [annotation] if annotation in (list, dict, Any) else []
    if typing.is_typeddict(annotation):
        return found
    return found + [part for argument in typing.get_args(annotation) if not isinstance(argument, str)
                    for part in loose(argument)]


def loose_fields(shape, seen=None):
    seen = set() if seen is None else seen
    if shape in seen:
        return []
    seen.add(shape)
    return [(shape.__name__, name) for name, field in typing.get_type_hints(shape, include_extras=True).items() if loose(field)] + [
        found for field in typing.get_type_hints(shape, include_extras=True).values() for part in walk(field)
        if typing.is_typeddict(part) for found in loose_fields(part, seen)]


def walk(annotation):
    yield annotation
    for argument in typing.get_args(annotation):
        yield from walk(argument)


@pytest.mark.parametrize("name", PAGE_CALLS + list(api.FACTS))
def test_every_page_and_facts_function_says_the_shape_of_its_answer(name):
    function = api.page_function(name) if name in api.PAGE_FUNCTIONS else api.found(api.FACTS[name])
    answer = typing.get_type_hints(function, include_extras=True).get("return")
    assert answer is not None, f"{name} has no return annotation"
    assert loose(answer) == [], f"{name} answers {answer}: say what is in it"
    assert [field for part in walk(answer) if typing.is_typeddict(part) for field in loose_fields(part)] == []


def test_the_generator_writes_every_page_function_but_the_workers_own():
    written = "".join(client_files().values())
    assert sorted(re.findall(r'python\.call\("(\w+)"', written)) == sorted(PAGE_CALLS)


def test_each_client_function_sends_python_exactly_its_parameters():
    for name in PAGE_CALLS:
        function = api.page_function(name)
        names = [page_client.JS_NAMES.get(p.name, camel_case(p.name)) for p in api.parameters(function)]
        written = client_function(name, function, Shapes([function]))
        assert f"export function {camel_case(name)}({', '.join(['python', *names])}) {{" in written
        sent = ", ".join(names)
        if any(p.default is not p.empty for p in api.parameters(function)):
            sent = f"...given({sent})"
        assert f'python.call("{name}"{", " if sent else ""}{sent});' in written


def test_the_client_is_the_same_every_time_it_is_written(tmp_path):
    add_from_python(tmp_path)                       # as build.py writes it, in a fresh Python
    client = tmp_path / "client"
    assert {path.name: path.read_text() for path in client.iterdir()} == client_files() == client_files()


def test_the_client_keeps_the_page_names_and_their_one_exception():
    assert [camel_case(name) for name in ("predict", "read_image", "learn_shape", "why_attribution")] == \
           ["predict", "readImage", "learnShape", "whyAttribution"]
    assert page_client.JS_NAMES == {"true": "truth"}          # evaluate_cell(true, predicted): `true` is JavaScript's


class Sample(TypedDict):
    """what a sample is."""
    name: str
    scores: list[float | None]
    limits: dict[str, tuple[int, int]]
    kind: Literal["a", "b"]
    note: NotRequired[str | None]


def test_annotations_become_jsdoc_types():
    shapes = Shapes([])
    assert shapes.js(list[float | None], "x.js") == "(number | null)[]"
    assert shapes.js(dict[str, tuple[int, int]], "x.js") == "Record<string, [number, number]>"
    assert shapes.js(Literal["a", 1, True], "x.js") == '"a" | 1 | true'
    assert shapes.js(Annotated[list[int], "ten digits"], "x.js") == "number[]"
    assert shapes.js(Sample, "test_page_contract.js") == "Sample"
    assert shapes.js(Sample, "other.js") == 'import("./test_page_contract.js").Sample'
    with pytest.raises(TypeError, match="has no JSDoc type"):
        shapes.js(Any, "x.js")


def test_a_typeddict_becomes_a_typedef_with_its_docstring():
    assert typedef_of_dict(Sample, Shapes([]), "test_page_contract.js") == "\n".join([
        "/**",
        " * what a sample is.",
        " * @typedef {object} Sample",
        " * @property {string} name",
        " * @property {(number | null)[]} scores",
        " * @property {Record<string, [number, number]>} limits",
        ' * @property {"a" | "b"} kind',
        " * @property {string | null} [note]",
        " */"])


def sample(session, image: Annotated[list[float], "784 values in [0, 1]"], top: int = 6) -> Sample:
    """Read `image`."""


def test_a_page_function_becomes_a_call_with_its_types_and_its_words():
    assert client_function("sample", sample, Shapes([sample])) == "\n".join([
        "/**",
        " * Read `image`.",
        f" * @param {{{page_client.HANDLE}}} python",
        " * @param {number[]} image 784 values in [0, 1]",
        " * @param {number} [top]",
        " * @returns {Promise<Sample>}",
        " */",
        "export function sample(python, image, top) {",
        '  return python.call("sample", ...given(image, top));',
        "}"])


def test_the_worker_asks_for_its_own_three_and_no_other_page_file_calls_python_by_name():
    worker = dict(WORKER_CALL.findall((JS / "worker.js").read_text()))
    assert sorted(worker) == sorted(page_client.WORKER_ONLY)
    for name, arguments in worker.items():
        parameters = api.parameters(api.page_function(name))
        assert len([a for a in arguments.split(",") if a.strip()]) == len(parameters), name
    written_by_hand = [path for path in JS.rglob("*.js") if path.relative_to(JS).parts[0] != "generated"]
    stray = {path.relative_to(JS).as_posix() for path in written_by_hand
             if path.name != "worker.js" and re.search(r'^\s*[^/\s].*\bcall\("\w+"', path.read_text(), re.M)}
    assert stray == set()
