"""How good is a network, and what MNIST looks like: explain/evaluation.py on the session's MNIST subset.

The page hands Python the subset first (training.learn_data), then:

    evaluate_start(model)           begin reading the subset's test digits with `model`
    evaluate_run(seconds)           read for about `seconds`; the summary once done
    evaluate_cell(true, predicted)  the digits of one cell of the confusion matrix, with their pixels
    mnist_facts()                   what MNIST is, and what the subset holds
    mnist_gallery()                 ordinary and hard test digits of each class, with their pixels

Pixels travel as the subset's own bytes (uint8, 28x28 per digit, in a PageArray), so what
the page shows is exactly what the networks read.
"""

from typing import Literal, NotRequired, TypedDict

from ..errors import VisitorError
from ..explain import evaluation
from ..nets.models import ARCHITECTURES
from .arrays import PageArray, to_page


class DigitScore(TypedDict):
    digit: int
    count: int
    correct: int
    accuracy: float | None


class EvaluationProgress(TypedDict):
    """read: the test digits read so far, of total; done: whether all are; then confusion[t][p]: how many test
    digits t were read as p, and per_digit."""
    model: str
    read: int
    total: int
    fraction: float
    done: bool
    correct: int
    accuracy: float | None
    confusion: NotRequired[list[list[int]]]
    per_digit: NotRequired[list[DigitScore]]


# "true" is a Python keyword, so this one is spelled the functional way.
EvaluationCell = TypedDict("EvaluationCell", {"true": int, "predicted": int, "indices": PageArray,
                                              "confidence": PageArray, "pixels": PageArray})
EvaluationCell.__doc__ = """indices: the cell's test digits (into the subset), in order; confidence: the network's
probability for its answer, for each; pixels: their bytes as the subset keeps them, 28x28 each."""


class SubsetFacts(TypedDict):
    train: int
    test: int
    test_per_digit: list[int]
    chosen: str


class MnistFacts(TypedDict):
    """What MNIST is; subset: what the page's subset holds."""
    name: str
    digits: int
    train: int
    test: int
    height: int
    width: int
    pixels: str
    writers: str
    preparation: str
    authors: str
    year: int
    url: str
    subset: NotRequired[SubsetFacts]


class GalleryReading(TypedDict):
    digit: int
    confidence: float


class GalleryDigit(TypedDict):
    index: int
    label: int
    kind: Literal["ordinary", "misread", "disagreement", "low confidence"]
    readings: dict[str, GalleryReading]


class Gallery(TypedDict):
    """pixels: the chosen digits' bytes as the subset keeps them, 28x28 each, in the order of `digits`."""
    per_digit: int
    odd: int
    pixels: PageArray
    digits: list[GalleryDigit]


SLICE_LIMIT = 2.0       # seconds: a longer slice would freeze the page's answers


def evaluate_start(session, model: str) -> EvaluationProgress:
    """Start reading the subset's test digits with `model`; its progress (nothing read yet)."""
    images, labels = session.mnist()["test"]
    session.evaluation = evaluation.Evaluation(session.model(model), images, labels)
    session.evaluation.name = model
    return {"model": model, **session.evaluation.progress()}


def evaluate_run(session, seconds: float) -> EvaluationProgress:
    """Read test digits for about `seconds`; the progress, and the whole summary once done."""
    if not 0 < seconds <= SLICE_LIMIT:
        raise VisitorError(f"A slice of evaluation lasts more than 0 and at most {SLICE_LIMIT:g} seconds.")
    run = current(session)
    progress = run.run(seconds=seconds)
    return {"model": run.name, **(run.summary() if run.done else progress)}


def evaluate_cell(session, true: int, predicted: int) -> EvaluationCell:
    """The test digits labelled `true` that the network read as `predicted`, with their pixels."""
    if not (0 <= true <= 9 and 0 <= predicted <= 9):
        raise VisitorError("A cell of the confusion matrix is a pair of digits from 0 to 9.")
    run = current(session)
    cell = run.cell(true, predicted)
    return {**cell, "indices": to_page(cell["indices"]), "confidence": to_page(cell["confidence"]),
            "pixels": to_page(run.images[cell["indices"]])}


def current(session):
    if session.evaluation is None:
        raise VisitorError("No evaluation has started: choose a network to evaluate first.")
    return session.evaluation


def mnist_facts(session) -> MnistFacts:
    """MNIST's facts and the subset's sizes."""
    subset = session.mnist()
    return evaluation.mnist_facts({"train_labels": subset["train"][1], "test_labels": subset["test"][1]})


def mnist_gallery(session) -> Gallery:
    """Test digits of each class to show, ordinary and hard, read by every loaded shipped network."""
    images, labels = session.mnist()["test"]
    networks = {name: network for name, network in session.models.items() if name in ARCHITECTURES}
    if not networks:
        raise VisitorError("No shipped network is loaded yet to sort the gallery's digits.")
    read = session.evaluation
    readings = ({read.name: read.probabilities} if read is not None and read.done and read.name in networks else None)
    chosen = evaluation.gallery(images, labels, networks, readings=readings, pool=500)
    return {**chosen, "pixels": to_page(images[[digit["index"] for digit in chosen["digits"]]])}

