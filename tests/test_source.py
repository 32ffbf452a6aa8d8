"""The Python the page shows beside each part (py/digits/explain/source.py): the running package's own
source, and its colours as Python's tokenizer reads it."""

import inspect
import textwrap

import pytest

from digits.errors import VisitorError
from digits.explain import source
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
