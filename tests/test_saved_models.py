"""Networks made in the page, as files (py/digits/page/saved_models.py): download, load back, forget."""

import base64
import io
import json
import zipfile

import numpy as np
import pytest

from digits.errors import VisitorError
from digits.nets import models
from digits.page import saved_models
from digits.page.session import Session


@pytest.fixture
def session():
    """A fresh session holding a small network called 'yours', as if trained in the page."""
    fresh = Session()
    fresh.models["yours"] = models.nielsen(np.random.default_rng(3), hidden=12, activation="relu")
    fresh.models["yours"].name = "yours"
    return fresh


def zipped(members):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def test_a_network_round_trips_through_its_file(session):
    data = base64.b64decode(saved_models.model_file(session, "yours", {"test_accuracy": 0.5}))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:                 # the weights/NAME/ layout
        manifest = json.loads(archive.read("manifest.json"))
        assert set(archive.namelist()) == {"manifest.json", *(f["file"] for f in manifest["files"].values())}
    summary = saved_models.adopt_model_file(session, "restored", data)
    assert summary == {"name": "restored", "parameters": 784 * 12 + 12 + 12 * 10 + 10, "test_accuracy": 0.5,
                       "test_correct": None, "base": None}
    images = np.random.default_rng(0).random((5, 28, 28), np.float32)
    np.testing.assert_array_equal(session.model("restored").predict(images), session.model("yours").predict(images))


def test_a_damaged_network_file_is_refused_and_nothing_is_replaced(session):
    kept = session.models["yours"]
    with pytest.raises(VisitorError) as refused:
        saved_models.adopt_model_file(session, "yours", b"PK\x03\x04 broken")
    assert str(refused.value) == "That file is not a saved network (it is no zip file, or it is cut short)."
    with zipfile.ZipFile(io.BytesIO(base64.b64decode(saved_models.model_file(session, "yours")))) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    members["0_W.npy"] = members["0_W.npy"][:-4] + b"\0\0\0\0"                # one weight altered
    with pytest.raises(models.WeightsError) as refused:
        saved_models.adopt_model_file(session, "yours", zipped(members))
    assert str(refused.value) == ("Model 'yours': weights file 0_W.npy is corrupt "
                                  "(its sha256 does not match the manifest).")
    assert session.models["yours"] is kept


def test_a_file_too_big_to_be_a_network_is_not_even_opened(session):
    with pytest.raises(VisitorError) as refused:
        saved_models.adopt_model_file(session, "big", b"\0" * (saved_models.MAX_NETWORK_BYTES + 1))
    assert str(refused.value) == "That network file is too big to be one of ours."


def test_a_network_made_in_the_page_can_be_forgotten_but_not_a_shipped_one(session):
    assert saved_models.forget_model(session, "yours") is True
    assert "yours" not in session.models
    with pytest.raises(VisitorError) as refused:
        saved_models.forget_model(session, "cnn")
    assert str(refused.value) == "The shipped model 'cnn' cannot be forgotten."
