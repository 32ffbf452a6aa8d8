"""The Python that computed a part of the page, read from the running package.

The page shows, beside a layer's pictures, the function that made them. It asks for a part
("ReLU", "Input", "loss", ...) and gets the function's own source, read with
`inspect.getsource` from the very files Python imported, so the code shown cannot drift
from the code that runs. The colours come from Python's own tokenizer: what the page paints
as a keyword, a string or a comment is what this Python reads as one.

    source_of("ReLU") → the source of digits.nets.layers.ReLU.forward, where it is, its
                        coloured stretches, and its docstring's formulas as MathML (formulas.py)
                        (the page's type is digits.page.code.CodeSource)
"""

import builtins
import importlib
import inspect
import io
import keyword
import textwrap
import tokenize

from ..errors import VisitorError
from .formulas import formulas_of

# Each part the page shows the code of, and the function that computes it. The layers are
# the Inside's blocks, named by their kind as inside.architecture gives it.
PARTS = {
    "Input": "digits.images.preprocess.to_mnist",
    "Conv2D": "digits.nets.layers.Conv2D.forward",
    "ReLU": "digits.nets.layers.ReLU.forward",
    "Sigmoid": "digits.nets.layers.Sigmoid.forward",
    "MaxPool2D": "digits.nets.layers.MaxPool2D.forward",
    "Dropout": "digits.nets.layers.Dropout.forward",
    "Flatten": "digits.nets.layers.Flatten.forward",
    "Dense": "digits.nets.layers.Dense.forward",
    "Softmax": "digits.nets.losses.softmax",
    "loss": "digits.nets.losses.softmax_cross_entropy",
    "perceptron": "digits.toys.perceptron.Perceptron.learn",
    "machine": "digits.toys.machine.Machine.backprop",
}

BUILTINS = frozenset(dir(builtins))
STRINGS = {tokenize.STRING} | {getattr(tokenize, name) for name in ("FSTRING_START", "FSTRING_MIDDLE", "FSTRING_END")
                                if hasattr(tokenize, name)}          # Python 3.12 splits f-strings


def source_of(part):
    """The source of the function behind `part` (see PARTS), with its tokens for colouring."""
    if part not in PARTS:
        raise VisitorError(f"The page has no code to show for '{part[:40]}'.")
    function = find(PARTS[part])
    lines, line = inspect.getsourcelines(function)
    source = textwrap.dedent("".join(lines))
    return {"part": part, "function": PARTS[part], "source": source, "line": line,
            "file": inspect.getsourcefile(function).rsplit("/digits/", 1)[-1],
            "tokens": tokens(source), "formulas": formulas_of(part)}


def docstrings(part):
    """The docstrings that explain `part`'s function: its own, and its class's for a method."""
    function = find(PARTS[part])
    owner = find(PARTS[part].rsplit(".", 1)[0])
    explaining = [function, owner] if isinstance(owner, type) else [function]
    return [inspect.cleandoc(thing.__doc__ or "") for thing in explaining]      # their own: none inherited


def find(qualified_name):
    """The object a dotted name names: the longest importable module, then attributes."""
    parts = qualified_name.split(".")
    for split in range(len(parts), 0, -1):
        try:
            found = importlib.import_module(".".join(parts[:split]))
        except ImportError:
            continue
        for name in parts[split:]:
            found = getattr(found, name)
        return found
    raise VisitorError(f"There is no {qualified_name} to show.")


def tokens(source):
    """[kind, start, end] for each coloured token of `source` (offsets into the text).

    kind: "keyword", "builtin", "definition" (the name a def or class introduces), "string",
    "docstring" (a string that is a function's first statement), "comment", "number" or
    "decorator". Names, operators and spaces keep the text's own colour.
    """
    starts = [0]
    for text_line in source.splitlines(keepends=True):
        starts.append(starts[-1] + len(text_line))
    found, previous = [], None
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        kind = token_kind(token, previous)
        if kind:
            (row, col), (end_row, end_col) = token.start, token.end
            found.append([kind, starts[row - 1] + col, starts[end_row - 1] + end_col])
        if token.type not in (tokenize.NL, tokenize.COMMENT):
            previous = token
    return found


def token_kind(token, previous):
    """What colour a token gets, knowing the token before it (comments and blank lines skipped)."""
    if token.type in STRINGS:        # the first thing in an indented block: a function's docstring
        opens_block = previous is not None and previous.type == tokenize.INDENT
        return "docstring" if opens_block and token.type == tokenize.STRING else "string"
    if token.type == tokenize.COMMENT:
        return "comment"
    if token.type == tokenize.NUMBER:
        return "number"
    if token.type == tokenize.OP and token.string == "@" and (previous is None or previous.type in
                                                             (tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT)):
        return "decorator"
    if token.type != tokenize.NAME:
        return None
    if previous is not None and previous.string in ("def", "class"):
        return "definition"
    if keyword.iskeyword(token.string) or keyword.issoftkeyword(token.string) and token.string != "_":
        return "keyword"
    if token.string in BUILTINS and not (previous is not None and previous.string == "."):
        return "builtin"
    return None
