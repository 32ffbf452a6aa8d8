"""Why it says what it says, for the digit on the pad: explain/'s attribution, nudge and digit_map for the page.

The recognizer answers first; the page then asks, with the 784-value image that answer carried:

    why_attribution(model, image, digit, method)  which pixels push `digit` up or down
    why_nudge(model, image, target)               the image changed a little until it reads `target`
    why_map_start(model)                          begin placing the page's MNIST test digits on a map
    why_map_run(seconds)                          place them for about `seconds`; every point once done
    why_map_place(image)                          the visitor's digit on that map, and its nearest test digit
    why_map_digit(index)                          one test digit of the map, with its pixels

Every number the page shows of these is Python's. Images and maps travel as PageArrays
(page/arrays.py), exact, so a test reading the page gets the very numbers CPython computes.
"""

from typing import Literal, NotRequired, TypedDict

from ..errors import VisitorError
from ..explain import attribution, nudge
from ..explain.digit_map import DigitMap
from .arrays import PageArray, to_page
from .recognizer import Image, as_image


AttributionMethod = Literal["gradient-x-input", "occlusion"]


class Attribution(TypedDict):
    """values: 28x28, positive where the pixel pushes `digit` up; probability: p_digit; answer: the digit read."""
    digit: int
    method: AttributionMethod
    values: PageArray
    probability: float
    answer: int


class Nudge(TypedDict):
    """digit: what the network reads after the change; changed: pixels moved by more than `threshold`;
    values: the changed image, 28x28 values in [0, 1]."""
    target: int
    digit: int
    converged: bool
    steps: int
    budget: int
    changed: int
    threshold: float
    values: PageArray
    probabilities: list[float]


class MapProgress(TypedDict):
    """placed: the test digits placed so far, of total; done: whether all are."""
    model: str
    placed: int
    total: int
    done: bool


class MapSlice(MapProgress):
    """x, y, labels (one each per test digit) and spread (the share of the features' variance the two axes keep)
    once done."""
    x: NotRequired[PageArray]
    y: NotRequired[PageArray]
    labels: NotRequired[PageArray]
    spread: NotRequired[float]


class MapPlace(TypedDict):
    model: str
    x: float
    y: float
    nearest: int
    nearest_label: int


class MapDigit(TypedDict):
    """pixels: its 28x28 bytes as MNIST keeps them (0 background, 255 ink)."""
    index: int
    label: int
    pixels: PageArray


SLICE_LIMIT = 2.0       # seconds: a longer slice would keep the recognizer waiting


def checked_digit(digit):
    if not 0 <= digit <= 9:
        raise VisitorError("The digit to explain must be from 0 to 9.")
    return digit


def why_attribution(session, model: str, image: Image, digit: int, method: AttributionMethod) -> Attribution:
    """Each pixel's part in the network's answer `digit`, by `method` (attribution.METHODS)."""
    if method not in attribution.METHODS:
        raise VisitorError(f"There is no attribution method called '{method[:40]}': "
                           f"choose {' or '.join(attribution.METHODS)}.")
    values, probabilities = attribution.READINGS[method](session.model(model), as_image(image)[0], checked_digit(digit))
    return {"digit": digit, "method": method, "values": to_page(values),
            "probability": float(probabilities[digit]), "answer": int(probabilities.argmax())}


def why_nudge(session, model: str, image: Image, target: int) -> Nudge:
    """`image` changed in small gradient steps until the network reads `target` (nudge.nudge)."""
    result = nudge.nudge(session.model(model), as_image(image)[0], checked_digit(target))
    return {"target": target, "digit": result["digit"], "converged": result["converged"],
            "steps": result["steps"], "budget": nudge.MAX_STEPS, "changed": result["changed"],
            "threshold": nudge.CHANGED, "values": to_page(result["image"]),
            "probabilities": result["probabilities"].tolist()}


def why_map_start(session, model: str) -> MapProgress:
    """Begin placing the subset's test digits on the map of `model`'s last hidden layer."""
    images, labels = session.mnist()["test"]
    session.digit_map = DigitMap(session.model(model), images, labels, model)
    return {"model": model, **session.digit_map.progress()}


def why_map_run(session, seconds: float) -> MapSlice:
    """Place test digits for about `seconds`; with the last, every point."""
    if not 0 < seconds <= SLICE_LIMIT:
        raise VisitorError(f"A slice of the map lasts more than 0 and at most {SLICE_LIMIT:g} seconds.")
    digit_map = current_map(session)
    progress = digit_map.run(seconds)
    if not digit_map.done:
        return {"model": digit_map.name, **progress}
    points = digit_map.points()
    return {"model": digit_map.name, **progress, "x": to_page(points["x"]), "y": to_page(points["y"]),
            "labels": to_page(points["labels"]), "spread": points["spread"]}


def why_map_place(session, image: Image) -> MapPlace:
    """The visitor's digit on the map, and the test digit nearest to it there."""
    digit_map = current_map(session)
    return {"model": digit_map.name, **digit_map.place(as_image(image)[0])}


def why_map_digit(session, index: int) -> MapDigit:
    """Test digit `index` of the map, with its pixels."""
    digit_map = current_map(session)
    if not 0 <= index < digit_map.total:
        raise VisitorError(f"The map has test digits 0 to {digit_map.total - 1}, not {index}.")
    return {"index": index, "label": int(digit_map.labels[index]), "pixels": to_page(digit_map.images[index])}


def current_map(session):
    if session.digit_map is None:
        raise VisitorError("The map of test digits has not started: come near the map first.")
    return session.digit_map
