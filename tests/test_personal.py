"""The personal set's file (py/digits/page/personal.py): export, import, and what is refused."""

import base64
import io

import numpy as np
import pytest

from digits.errors import VisitorError
from digits.page import teach, personal
from digits.page.arrays import from_page


def npz(**arrays):
    buffer = io.BytesIO()
    np.savez(buffer, **arrays)
    return buffer.getvalue()


def test_personal_set_file_round_trips():
    rng = np.random.default_rng(1)
    images = rng.integers(0, 256, (7, 28, 28), dtype=np.uint8)
    labels = np.arange(7, dtype=np.uint8)
    answer = personal.personal_import(base64.b64decode(personal.personal_export(images.ravel(), labels)))
    np.testing.assert_array_equal(from_page(answer["labels"]), labels)
    np.testing.assert_array_equal(from_page(answer["images"]), images)


def test_the_facts_are_the_limits_an_import_is_held_to():
    facts = teach.teach_facts()
    full = npz(images=np.zeros((facts["max_personal"], 28, 28), np.uint8), labels=np.zeros(facts["max_personal"], np.uint8))
    assert len(personal.read_personal_set(full)[0]) == facts["max_personal"]
    with pytest.raises(VisitorError):
        personal.read_personal_set(b"\0" * (facts["max_file_bytes"] + 1))


@pytest.mark.parametrize("data, message", [
    (b"hello", "That file is not a personal set (an .npz file exported from this page)."),
    (npz(pictures=np.zeros((1, 28, 28), np.uint8), labels=np.zeros(1, np.uint8)),
     "That file has no 'images' and 'labels' arrays: it is not a personal set."),
    (npz(images=np.zeros((2, 28, 27), np.uint8), labels=np.zeros(2, np.uint8)),
     "The images in that file are uint8 (2, 28, 27); a personal set holds uint8 images of 28×28 pixels."),
    (npz(images=np.zeros((2, 28, 28), np.float32), labels=np.zeros(2, np.uint8)),
     "The images in that file are float32 (2, 28, 28); a personal set holds uint8 images of 28×28 pixels."),
    (npz(images=np.zeros((2, 28, 28), np.uint8), labels=np.zeros(3, np.uint8)),
     "That file has 2 images but labels of shape (3,)."),
    (npz(images=np.zeros((2, 28, 28), np.uint8), labels=np.array([1, 12])),
     "The labels in that file are not all digits from 0 to 9."),
    (npz(images=np.zeros((2001, 28, 28), np.uint8), labels=np.zeros(2001, np.uint8)),
     "That file holds 2,001 drawings; a personal set keeps at most 2,000."),
    (b"\0" * (9 * 2**20), "That file is 9.0 MB; a personal set is at most 8 MB."),
])
def test_bad_personal_sets_are_refused_with_the_reason(data, message):
    with pytest.raises(VisitorError) as refused:
        personal.read_personal_set(data)
    assert str(refused.value) == message


def test_pickled_objects_are_never_loaded():
    buffer = io.BytesIO()
    np.savez(buffer, images=np.array([object()], dtype=object), labels=np.zeros(1, np.uint8))
    with pytest.raises(VisitorError) as refused:
        personal.read_personal_set(buffer.getvalue())
    assert str(refused.value) == "That file is not a personal set (an .npz file exported from this page)."
