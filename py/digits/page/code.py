"""The Python behind each part of the page, for the page: explain/source.py and explain/edited_code.py.

    code_source(part)                        the function that computes `part`, read from the package
    code_run(model, part, text, image)       the drawing read again with the visitor's version of it
    code_run_drawing(model, text, bitmap, height, width)   the pad's pixels preprocessed by the visitor's version
    code_facts()                             what can be changed, the ready-made changes, the time limit

A run of the visitor's code is given a time limit by the page (python.js `within`), past which
Python is stopped and started again: a loop that never ends cannot be stopped from inside it.
"""

from ..explain import edited_code
from ..explain.source import source_of
from .recognizer import as_image, bitmap_image
from .answers.code import CodeFacts, CodeRun, CodeSource
from .answers.recognizer import Bitmap, Image


def code_facts() -> CodeFacts:
    """What the page offers before Python is ready: the parts that can be changed, the ready-made
    changes, and how long a run may take."""
    return {"editable": list(edited_code.EDITABLE), "experiments": edited_code.EXPERIMENTS,
            "run_limit_seconds": edited_code.RUN_LIMIT_SECONDS}


def code_source(part: str) -> CodeSource:
    """The source of the function behind `part`, with its tokens for colouring (source.source_of)."""
    return source_of(part)


def code_run(session, model: str, part: str, text: str, image: Image) -> CodeRun:
    """Read `image` with `model`, the function behind `part` replaced by `text`.

    Answer: edited_code.read_with's, and "input": the 784 values read.
    """
    x = as_image(image)
    return {**edited_code.read_with(session.model(model), x, part, text), "input": x.ravel().tolist()}


def code_run_drawing(session, model: str, text: str, bitmap: Bitmap, height: int, width: int) -> CodeRun:
    """Preprocess the pad's pixels with the visitor's version of to_mnist, and read the result.

    Answer: edited_code.read_drawing_with's (its "input": the 784 values their version made).
    """
    return edited_code.read_drawing_with(session.model(model), bitmap_image(bitmap, height, width), text)
