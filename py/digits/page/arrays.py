"""How arrays of numbers travel to the page: one rule, one encoding.

The rule: an array that can hold more than SHORT numbers (a picture, a layer's outputs or
weights, one value per test digit or per training step) travels as a PageArray, `to_page(array)`:
its dtype, its shape, and its bytes in base64, little-endian and row by row. That is under half
the size of the same numbers written as JSON, costs no formatting of floats on either side, and
arrives exactly: float32 stays float32, bit for bit. Shorter arrays (ten probabilities,
the logits, a box, a probe's strengths and its rows of probabilities, the machine's knobs, a
10x10 confusion matrix) stay JSON lists, as cheap at that size and readable as they are.

A file (a personal set's .npz, a saved network's .zip) is bytes to download or keep, not an
array: it travels as the base64 of its bytes, `file_to_page(data)`.

The page reads both with site/js/lib/arrays.js (`fromPython`, `fileBytes`), the one place it
decodes base64. The other way, the page sends typed arrays (a drawing's bytes, an image's
values) as binaries, which api.dispatch hands over as numpy arrays.
"""

import base64
from typing import Literal, TypedDict

import numpy as np

SHORT = 200


class PageArray(TypedDict):
    """An array of numbers as Python sends it to the page (page/arrays.py): base64 holds its bytes,
    little-endian, row by row; lib/arrays.js `fromPython` reads it as the typed array of its dtype."""
    dtype: Literal["uint8", "int32", "float32", "float64"]
    shape: list[int]
    base64: str


INT32 = np.iinfo(np.int32)


def to_page(array) -> PageArray:
    """`array` as a PageArray. Floats keep their precision (float32 or float64); bytes and
    booleans travel as uint8, other whole numbers as int32 (JavaScript has no 64-bit integer
    array that reads as plain numbers)."""
    values = np.asarray(array)
    dtype = page_dtype(values)
    data = np.ascontiguousarray(values, dtype=np.dtype(dtype).newbyteorder("<"))
    return {"dtype": dtype, "shape": list(values.shape), "base64": file_to_page(data.tobytes())}


def page_dtype(values):
    """The dtype `values` travel as (see to_page)."""
    if values.dtype in (np.uint8, np.bool_):
        return "uint8"
    if values.dtype.kind in "iu":
        if values.size and not INT32.min <= values.min() <= values.max() <= INT32.max:
            raise ValueError(f"Whole numbers from {values.min()} to {values.max()} do not fit the page's int32.")
        return "int32"
    if values.dtype.kind == "f":
        return "float32" if values.dtype == np.float32 else "float64"
    raise TypeError(f"An array of {values.dtype} has no encoding for the page: numbers only.")


def from_page(array: PageArray) -> np.ndarray:
    """A PageArray read back into numpy, as the page reads it: for the tests and tools that check an answer."""
    return np.frombuffer(base64.b64decode(array["base64"]), np.dtype(array["dtype"]).newbyteorder("<")).reshape(
        array["shape"])


def file_to_page(data) -> str:
    """A file's bytes (a personal set's .npz, a saved network's .zip) as the page receives them, base64:
    also how a PageArray carries its bytes."""
    return base64.b64encode(bytes(data)).decode("ascii")
