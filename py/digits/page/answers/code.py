"""What the Python behind each part answers (page/code.py)."""

from typing import Literal, NotRequired, TypedDict

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


TokenKind = Literal["keyword", "builtin", "definition", "string", "docstring", "comment", "number", "decorator"]


class CodeSource(TypedDict):
    """function: the qualified name, "digits.nets.layers.ReLU.forward"; file and line: where it starts in the package;
    tokens: the coloured stretches of `source` as Python's tokenizer reads them, [kind, start, end)."""
    part: str
    function: str
    source: str
    file: str
    line: int
    tokens: list[tuple[TokenKind, int, int]]
