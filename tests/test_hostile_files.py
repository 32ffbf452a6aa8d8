"""Files from outside that try to hurt: bombs, cut-short files, networks that lie about their size.

A visitor imports a personal set (.npz) or a network (.zip) a friend sent. Whatever the
file holds, Python answers with a sentence, allocates nothing large, and keeps what it had.
"""

import base64
import io
import json
import zipfile

import numpy as np
import pytest

from digits.errors import VisitorError
from digits.nets import models
from digits.page import personal, saved_models
from digits.page.session import Session

BOMB_BYTES = 200 * 2**20      # what the bombs below unpack to; each file is well under 1 MB


def zipped(members, compression=zipfile.ZIP_DEFLATED):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def npy(array):
    buffer = io.BytesIO()
    np.save(buffer, array)
    return buffer.getvalue()


def refusal(function, *args):
    with pytest.raises(VisitorError) as refused:
        function(*args)
    return str(refused.value)


@pytest.fixture
def session():
    session = Session()
    session.models["yours"] = models.ARCHITECTURES["nielsen"]()
    session.models["yours"].name = "yours"
    return session


@pytest.fixture
def network_members(session):
    data = base64.b64decode(saved_models.model_file(session, "yours"))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_a_personal_set_that_would_unpack_to_200_mb_is_refused_unread():
    bomb = zipped({"images.npy": b"\0" * BOMB_BYTES, "labels.npy": npy(np.zeros(1, np.uint8))})
    assert len(bomb) < 2**20
    assert refusal(personal.read_personal_set, bomb) == (
        "That file would unpack to 200.0 MB; a personal set unpacks to at most 4 MB.")


@pytest.mark.parametrize("kept", [0.02, 0.3, 0.6, 0.9, 0.99])
def test_a_personal_set_cut_short_is_refused(kept):
    whole = zipped({"images.npy": npy(np.zeros((3, 28, 28), np.uint8)), "labels.npy": npy(np.zeros(3, np.uint8))})
    assert refusal(personal.read_personal_set, whole[:int(len(whole) * kept)]) == personal.NOT_A_PERSONAL_SET


def test_a_personal_set_of_many_small_files_is_refused():
    many = zipped({f"{i}.npy": npy(np.zeros(1, np.uint8)) for i in range(65)})
    assert refusal(personal.read_personal_set, many) == "That file holds 65 files; a personal set holds at most 64."


def test_a_personal_set_stored_uncompressed_still_imports():
    plain = zipped({"images.npy": npy(np.full((2, 28, 28), 255, np.uint8)), "labels.npy": npy(np.array([3, 4], np.uint8))},
                   zipfile.ZIP_STORED)
    images, labels = personal.read_personal_set(plain)
    assert images.shape == (2, 28, 28) and labels.tolist() == [3, 4]


def test_exporting_a_malformed_set_is_a_sentence():
    assert refusal(personal.personal_export, np.zeros(783, np.uint8), [1]) == (
        "A personal set is up to 2,000 drawings of 784 bytes with one label each; the page sent 783 bytes and 1 labels.")
    assert refusal(personal.personal_export, np.zeros(784, np.uint8), [10]) == (
        "The labels of a personal set must all be digits from 0 to 9.")
    assert refusal(personal.personal_export, np.zeros(784, np.uint8), [True]) == (
        "The labels of a personal set must all be digits from 0 to 9.")


def test_a_network_file_that_would_unpack_to_200_mb_is_refused_and_nothing_changes(session, network_members):
    kept = session.models["yours"]
    bomb = zipped({**network_members, "padding.bin": b"\0" * BOMB_BYTES})
    assert refusal(saved_models.adopt_model_file, session, "yours", bomb) == (
        "That file would unpack to 200.1 MB; a saved network unpacks to at most 16 MB.")
    assert session.models["yours"] is kept


def test_a_network_that_declares_a_billion_weights_is_refused_before_it_is_built(session, network_members):
    manifest = json.loads(network_members["manifest.json"])
    manifest["architecture"]["layers"][0].update(inputs=784, outputs=2_000_000)
    liar = zipped({**network_members, "manifest.json": json.dumps(manifest)})
    assert refusal(saved_models.adopt_model_file, session, "liar", liar) == (
        "Model 'liar': manifest.json declares 1,570,000,310 weights, more than the 4,194,304 a saved network may have.")
    assert "liar" not in session.models


@pytest.mark.parametrize("cut", [20, 500, -200, -22])
def test_a_network_file_cut_short_is_refused(session, network_members, cut):
    whole = zipped(network_members)
    message = refusal(saved_models.adopt_model_file, session, "cut", whole[:cut])
    assert message in ("That file is not a saved network (it is no zip file, or it is cut short).",
                       "That file is not a saved network (BadZipFile).")
    assert "cut" not in session.models


def test_a_network_file_with_pickled_weights_is_refused(session, network_members):
    manifest = json.loads(network_members["manifest.json"])
    entry = next(iter(manifest["files"].values()))
    pickled = npy(np.array([object()], dtype=object))
    entry["sha256"] = models.sha256(pickled)
    evil = zipped({**network_members, entry["file"]: pickled, "manifest.json": json.dumps(manifest)})
    assert refusal(saved_models.adopt_model_file, session, "evil", evil) == (
        "Model 'evil': weights file 0_W.npy is not a .npy array of numbers.")
    assert "evil" not in session.models
