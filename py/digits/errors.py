"""The one error meant for the visitor.

Anything in the package may raise it, so it depends on nothing: a VisitorError's
message is shown on the page as it is, so it is one sentence a person
understands ("The learning rate must be above zero."), never a traceback.
Any other exception is a bug, and the page reports it as one.
"""


class VisitorError(ValueError):
    """A problem to show the visitor as it is, in one sentence."""
