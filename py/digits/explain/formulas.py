"""The formulas in the docstrings of the code the page shows, set as mathematics (MathML).

A docstring writes its formula as plain text, the way Python's source must: "p_i = e^(z_i) /
Σ_j e^(z_j)". Above the source the page sets the same formula as mathematics. Each entry here
pairs the formula as the docstring writes it with its MathML, and the tests hold them together:
every written formula is in its part's docstring, and every line of a docstring that states an
equation (" = " or " ← ") carries one of them. So a formula changed in the code and not here, or
here and not in the code, fails a test.

A formula is a tree, (tag, child, ...), a child being a tree or a text; it reaches the page as
nested lists, and the page builds the elements one by one (lib/math.js mathFromTree), parsing
nothing. The helpers read like the notation, as lib/math.js's do: a text is a name, a number or
an operator; a list is parts side by side.

    formulas_of("Softmax") → [("math", ("mrow", ("msub", ("mi", "p"), ("mi", "i")), ("mo", "="), ...))]
"""

import re
from xml.sax.saxutils import escape


def token(part):
    """A text as the token it is: a number (mn), a name (mi), else an operator (mo); a tree as it is."""
    if isinstance(part, tuple):
        return part
    if isinstance(part, list):                    # parts written side by side
        return row(*part)
    if re.fullmatch(r"[0-9]+(\.[0-9]+)?", part):
        return ("mn", part)
    if re.fullmatch(r"[^\W\d_]\w*", part):
        return ("mi", part)
    return ("mo", part)


def row(*parts):
    return ("mrow", *(token(part) for part in parts))


def sub(base, index):
    return ("msub", token(base), token(index))


def sup(base, exponent):
    return ("msup", token(base), token(exponent))


def frac(top, bottom):
    return ("mfrac", token(top), token(bottom))


def sum_over(*indices):
    """Σ with its indices under it."""
    return ("munder", ("mo", "Σ"), row(*sum(([index, ","] for index in indices), [])[:-1]))


def word(text):
    """A name of more than one letter, set upright as a word (weighted_sum → weighted sum)."""
    return ("mi", text.replace("_", " "))


def math(*parts):
    return ("math", row(*parts))


APPLY = "\u2061"                 # function application: the thin space after a function's name

# part (source.PARTS) → [(the formula as its docstring writes it, the formula as MathML)]
FORMULAS = {
    "Conv2D": [("out[n, i, j, f] = sum_{c, u, v} x[n, i+u, j+v, c] · W[f, c, u, v] + b[f]",
                math(sub("out", ["n", ",", "i", ",", "j", ",", "f"]), "=", sum_over("c", "u", "v"),
                     sub("x", ["n", ",", "i", "+", "u", ",", "j", "+", "v", ",", "c"]),
                     "·", sub("W", ["f", ",", "c", ",", "u", ",", "v"]), "+", sub("b", "f")))],
    "ReLU": [("activation = max(0, weighted_sum)",
              math(word("activation"), "=", "max", APPLY, "(", "0", ",", word("weighted_sum"), ")"))],
    "Sigmoid": [("activation = σ(z) = 1 / (1 + e^(−z))",
                 math(word("activation"), "=", "σ", "(", "z", ")", "=",
                      frac("1", ["1", "+", sup("e", ["−", "z"])])))],
    "Dense": [("weighted_sum = x · W + b", math(word("weighted_sum"), "=", "x", "·", "W", "+", "b"))],
    "Softmax": [("p_i = e^(z_i) / Σ_j e^(z_j)",
                 math(sub("p", "i"), "=", frac(sup("e", sub("z", "i")), [sum_over("j"), sup("e", sub("z", "j"))])))],
    "loss": [("L = −(1/N) Σ_n Σ_k t[n, k] log p[n, k]",
              math("L", "=", "−", frac("1", "N"), sum_over("n"), sum_over("k"), sub("t", ["n", ",", "k"]),
                   "log", APPLY, sub("p", ["n", ",", "k"]))),
             ("dL/dz = (p − t) / N", math(frac(["d", "L"], ["d", "z"]), "=", frac(["p", "−", "t"], "N")))],
    "perceptron": [("w ← w + η (y − ŷ) x", math("w", "←", "w", "+", "η", "(", "y", "−", "ŷ", ")", "x")),
                   ("b ← b + η (y − ŷ)", math("b", "←", "b", "+", "η", "(", "y", "−", "ŷ", ")"))],
    "machine": [("δ² = (p − onehot(t)) / n",
                 math(sup("δ", "2"), "=", frac(["p", "−", "onehot", APPLY, "(", "t", ")"], "n"))),
                ("∂L/∂W² = δ²ᵀ a¹", math(frac(["∂", "L"], ["∂", sup("W", "2")]), "=", sup(["(", sup("δ", "2"), ")"], "T"),
                                         sup("a", "1"))),
                ("∂L/∂b² = Σ δ²", math(frac(["∂", "L"], ["∂", sup("b", "2")]), "=", "Σ", sup("δ", "2"))),
                ("δ¹ = (δ² W²) ⊙ σ'(z¹)", math(sup("δ", "1"), "=", "(", sup("δ", "2"), sup("W", "2"), ")", "⊙",
                                               sup("σ", "′"), "(", sup("z", "1"), ")")),
                ("∂L/∂W¹ = δ¹ᵀ x", math(frac(["∂", "L"], ["∂", sup("W", "1")]), "=", sup(["(", sup("δ", "1"), ")"], "T"), "x")),
                ("∂L/∂b¹ = Σ δ¹", math(frac(["∂", "L"], ["∂", sup("b", "1")]), "=", "Σ", sup("δ", "1")))],
}


def formulas_of(part):
    """The MathML of each formula in `part`'s docstring, in the docstring's order ([] if none)."""
    return [mathml for _, mathml in FORMULAS.get(part, [])]


def as_xml(tree):
    """A formula's tree as MathML text (for checking it; the page builds elements, not text)."""
    tag, *children = tree
    inside = "".join(escape(child) if isinstance(child, str) else as_xml(child) for child in children)
    attributes = ' xmlns="http://www.w3.org/1998/Math/MathML"' if tag == "math" else ""
    return f"<{tag}{attributes}>{inside}</{tag}>"
