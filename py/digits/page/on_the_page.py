"""A type the page names itself, for the rare value Python's annotations cannot spell."""


class OnThePage:
    """A type the page's JavaScript already names, for a value Python's annotations cannot spell:
    Annotated[list, OnThePage("lib/math.js", "MathTree")] is written as that file's MathTree (a
    formula's recursive tree), Annotated[np.ndarray, OnThePage("lib/arrays.js", "Numbers")] as the
    typed arrays the page reads Python's arrays into."""

    def __init__(self, file, name):
        self.file, self.name = file, name
