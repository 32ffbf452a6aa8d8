"""The Python behind each part of the page, for the page: explain/source.py and explain/edited_code.py.

    code_source(part)                        the function that computes `part`, read from the package
    code_run(model, part, text, image)       the drawing read again with the visitor's version of it
    code_run_drawing(model, text, bitmap, height, width)   the pad's pixels preprocessed by the visitor's version
    code_facts()                             what can be changed, the ready-made changes, the time limit

A run of the visitor's code is given a time limit by the page (python.js `within`), past which
Python is stopped and started again: a loop that never ends cannot be stopped from inside it.
"""

from typing import Annotated, Literal, NotRequired, TypedDict

from ..explain import edited_code
from ..explain.source import source_of
from .arrays import PageArray, to_page
from .inside import InsideAnswer, layers_on_page
from .on_the_page import OnThePage
from .recognizer import Bitmap, Image, as_image, bitmap_image


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
    """probabilities: null where the changed code made something that is not a number; input: the 28x28 image read;
    inside: every layer and softmax's steps with the changed code, as insideAnswer gives them, when all are numbers."""
    part: str
    function: str
    digit: int | None
    probabilities: list[float | None]
    finite: bool
    input: PageArray
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


def code_facts() -> CodeFacts:
    """What the page offers before Python is ready: the parts that can be changed, the ready-made
    changes, and how long a run may take."""
    return {"editable": list(edited_code.EDITABLE), "experiments": edited_code.EXPERIMENTS,
            "run_limit_seconds": edited_code.RUN_LIMIT_SECONDS}


def code_source(part: str) -> CodeSource:
    """The source of the function behind `part`, with its tokens for colouring (source.source_of)."""
    return source_of(part)


def code_run(session, model: str, part: str, text: str, image: Image) -> CodeRun:
    """Read `image` with `model`, the function behind `part` replaced by `text` (edited_code.read_with)."""
    x = as_image(image)
    return on_page({**edited_code.read_with(session.model(model), x, part, text), "input": x[0]})


def code_run_drawing(session, model: str, text: str, bitmap: Bitmap, height: int, width: int) -> CodeRun:
    """Preprocess the pad's pixels with the visitor's version of to_mnist, and read the image it made
    (edited_code.read_drawing_with)."""
    return on_page(edited_code.read_drawing_with(session.model(model), bitmap_image(bitmap, height, width), text))


def on_page(run):
    """A reading with the visitor's code as the page gets it: its large arrays as PageArrays."""
    inside = {"inside": layers_on_page(run["inside"])} if "inside" in run else {}
    return {**run, "input": to_page(run["input"]), **inside}
