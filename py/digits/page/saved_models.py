"""Networks made in the page, as files: downloaded, kept in the browser, loaded back, forgotten.

A network's file is a zip holding `manifest.json` and one `.npy` per tensor,
exactly the layout of `weights/NAME/`, so a downloaded network is a shipped one.
"""

import io
import json
import zipfile
from typing import Literal, TypedDict

import numpy as np

from ..errors import VisitorError
from ..nets import models
from .archives import checked_zip
from .arrays import file_to_page
from .recognizer import describe


class AdoptedModel(TypedDict):
    name: str
    parameters: int
    test_accuracy: float | None
    test_correct: int | None
    base: str | None


MAX_NETWORK_BYTES = 8 * 2**20     # the cnn, the largest network, zips to under 1 MB
MAX_UNPACKED_BYTES = 16 * 2**20   # and unpacks to 0.8 MB: float32 weights, the manifest


def model_file(session, model: str, info: dict = None) -> str:
    """A loaded model as a zip of manifest.json and .npy files (the weights/NAME/ layout), to download or keep.

    `info` joins the manifest (the page records how the network was made: its
    settings, its accuracy, the network it was tuned from).
    """
    manifest, tensors = models.saved_files(session.model(model), info or {})
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for filename, data in tensors.items():
            archive.writestr(filename, data)
        archive.writestr("manifest.json", json.dumps(manifest, indent=2))
    return file_to_page(buffer.getvalue())


def adopt_model_file(session, name: str, data: np.ndarray) -> AdoptedModel:
    """Load a network from zip bytes made by `model_file` as model `name`; describe it."""
    data = bytes(data)
    if len(data) > MAX_NETWORK_BYTES:
        raise VisitorError("That network file is too big to be one of ours.")
    try:
        with checked_zip(data, MAX_UNPACKED_BYTES, "saved network",
                         "That file is not a saved network (it is no zip file, or it is cut short).") as archive:
            model, manifest = models.read_saved(name, archive.read, most_parameters=MAX_UNPACKED_BYTES // 4)
    except VisitorError:
        raise
    except Exception as error:  # noqa: BLE001 — a zip broken inside (a bad CRC, a cut stream) gets one sentence
        raise VisitorError(f"That file is not a saved network ({type(error).__name__}).") from None
    session.models[name] = model
    return {**describe(model, manifest), "base": manifest.get("base")}


def forget_model(session, model: str) -> Literal[True]:
    """Drop a trained or tuned model from Python (the shipped ones cannot be dropped)."""
    if model in models.ARCHITECTURES:
        raise VisitorError(f"The shipped model '{model}' cannot be forgotten.")
    session.models.pop(model, None)
    session.originals.pop(model, None)
    return True
