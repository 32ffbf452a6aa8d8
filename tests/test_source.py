"""The Python the page shows beside each part (py/digits/explain/source.py): the running package's own
source, its colours as Python's tokenizer reads it, and its docstring's formulas as MathML."""

import inspect
import textwrap
from xml.etree import ElementTree

import pytest

from digits.errors import VisitorError
from digits.explain import formulas, source
from digits.page.code import code_source


@pytest.mark.parametrize("part", source.PARTS)
def test_each_part_shows_the_source_of_the_function_that_computes_it(part):
    shown = code_source(part)
    function = source.find(source.PARTS[part])
    assert shown["function"] == source.PARTS[part]
    assert shown["source"] == textwrap.dedent(inspect.getsource(function))
    assert shown["line"] == inspect.getsourcelines(function)[1]
    assert (shown["source"].startswith("def ") or shown["source"].startswith("@")) and shown["file"].endswith(".py")


def test_the_tokens_are_in_order_and_name_what_python_reads():
    shown = code_source("ReLU")
    text, tokens = shown["source"], shown["tokens"]
    assert all(end > start for _, start, end in tokens)
    assert all(a[2] <= b[1] for a, b in zip(tokens, tokens[1:]))
    coloured = [(kind, text[start:end]) for kind, start, end in tokens]
    assert coloured[:2] == [("keyword", "def"), ("definition", "forward")]
    assert ("keyword", "return") in coloured and ("keyword", "False") in coloured and ("number", "0") in coloured


def test_a_docstring_a_string_a_comment_and_a_builtin_each_have_their_colour():
    code = 'def f(x):\n    """Twice x."""\n    # why\n    return len("ab") * x  # done\n'
    coloured = [(kind, code[start:end]) for kind, start, end in source.tokens(code)]
    assert coloured == [("keyword", "def"), ("definition", "f"), ("docstring", '"""Twice x."""'),
                        ("comment", "# why"), ("keyword", "return"), ("builtin", "len"), ("string", '"ab"'),
                        ("comment", "# done")]


def test_a_part_the_page_does_not_have_is_a_sentence():
    with pytest.raises(VisitorError) as refused:
        code_source("os.system")
    assert str(refused.value) == "The page has no code to show for 'os.system'."


def formula_lines(part):
    """The lines of a part's docstrings that state an equation or an update."""
    return [line for text in source.docstrings(part) for line in text.splitlines() if " = " in line or " ← " in line]


@pytest.mark.parametrize("part", list(source.PARTS))
def test_every_formula_a_docstring_writes_is_set_as_mathematics_and_no_other(part):
    written = [text for text, _ in formulas.FORMULAS.get(part, [])]
    for text in written:
        assert any(text in line for line in formula_lines(part)), f"{part}'s docstring no longer says {text!r}"
    for line in formula_lines(part):
        assert any(text in line for text in written), f"{part}'s docstring says {line.strip()!r}, with no MathML for it"
    assert code_source(part)["formulas"] == formulas.formulas_of(part)


MATHML_TAGS = {"math", "mrow", "mi", "mn", "mo", "msub", "msup", "mfrac", "munder"}


@pytest.mark.parametrize("part", list(formulas.FORMULAS))
def test_each_formula_is_well_formed_mathml(part):
    for _, tree in formulas.FORMULAS[part]:
        root = ElementTree.fromstring(formulas.as_xml(tree))
        assert root.tag == "{http://www.w3.org/1998/Math/MathML}math"
        assert {element.tag.split("}")[1] for element in root.iter()} <= MATHML_TAGS
        for element in root.iter():
            if element.tag.endswith(("}mi", "}mn", "}mo")):
                assert element.text and len(element) == 0, f"{part}: an empty or nested token"
            if element.tag.endswith(("}msub", "}msup", "}mfrac", "}munder")):
                assert len(element) == 2, f"{part}: a {element.tag} needs two children"
