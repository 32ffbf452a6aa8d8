"""A type the page names itself, for the rare answer Python's annotations cannot spell."""


class OnThePage:
    """A type the page's JavaScript already names, for an answer Python's annotations cannot spell:
    Annotated[list, OnThePage("lib/math.js", "MathTree")] is written as that file's MathTree."""

    def __init__(self, file, name):
        self.file, self.name = file, name
