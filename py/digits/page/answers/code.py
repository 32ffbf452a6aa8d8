"""What the Python behind each part answers (page/code.py)."""

from typing import Annotated, Literal, NotRequired, TypedDict

from .on_the_page import OnThePage
from .inside import InsideAnswer


class CodeExperiment(TypedDict):
    part: str
    title: str
    lesson: str
    text: str


class CodeFacts(TypedDict):
    """editable: the parts whose code a visitor may change and run; experiments: ready-made changes, each with what it teaches."""
    editable: list[str]
    experiments: list[CodeExperiment]
    run_limit_seconds: float


class CodeRun(TypedDict):
    """probabilities: null where the changed code made something that is not a number; input: the 784 values read;
    inside: every layer and softmax's steps with the changed code, as insideAnswer gives them, when all are numbers."""
    part: str
    function: str
    digit: int | None
    probabilities: list[float | None]
    finite: bool
    input: list[float]
    inside: NotRequired[InsideAnswer]


# A formula is a tree, [tag, child, ...], each child a tree or a text: a recursive type Python's
# annotations do not spell, so the page's own name for it is used.
MathTree = Annotated[list, OnThePage("lib/math.js", "MathTree")]

TokenKind = Literal["keyword", "builtin", "definition", "string", "docstring", "comment", "number", "decorator"]


class CodeSource(TypedDict):
    """function: the qualified name, "digits.nets.layers.ReLU.forward"; file and line: where it starts in the package;
    tokens: the coloured stretches of `source` as Python's tokenizer reads them, [kind, start, end);
    formulas: the formulas its docstring writes, as MathML trees (explain/formulas.py)."""
    part: str
    function: str
    source: str
    file: str
    line: int
    tokens: list[tuple[TokenKind, int, int]]
    formulas: list[MathTree]
