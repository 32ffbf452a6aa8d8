"""The visitor's personal set: drawings the recognizer read wrong, with the digit they are.

The page keeps the set in the browser and hands it to Python to export it, to
import one, or to fine-tune a network on it (teach.py). As a file it is an
`.npz` with `images` uint8 (N, 28, 28), 0 background and 255 ink as in MNIST,
and `labels` uint8 (N,).
"""

import io
from typing import TypedDict

import numpy as np

from ..errors import VisitorError
from .archives import checked_zip
from .arrays import PageArray, file_to_page, to_page


class PersonalSet(TypedDict):
    """images: N drawings of 28x28 bytes, 0 background, 255 ink; labels: the N digits they are."""
    images: PageArray
    labels: PageArray


MAX_PERSONAL = 2_000                  # drawings in a personal set
MAX_FILE_BYTES = 8 * 2**20            # an imported personal set: 2,000 drawings take about 1.5 MB
MAX_UNPACKED_BYTES = 4 * 2**20        # 2,000 drawings of 784 bytes, their labels and the .npy headers
NOT_A_PERSONAL_SET = "That file is not a personal set (an .npz file exported from this page)."


def personal_set_bytes(images, labels):
    """The .npz file of a personal set: images uint8 (N, 28, 28), labels uint8 (N,)."""
    images, labels = np.asarray(images, np.uint8), np.asarray(labels)
    if images.size % 784 or labels.shape != (images.size // 784,) or len(labels) > MAX_PERSONAL:
        raise VisitorError(f"A personal set is up to {MAX_PERSONAL:,} drawings of 784 bytes with one label each; "
                           f"the page sent {images.size:,} bytes and {labels.size:,} labels.")
    if labels.dtype.kind not in "iu" or (len(labels) and not 0 <= labels.min() <= labels.max() <= 9):
        raise VisitorError("The labels of a personal set must all be digits from 0 to 9.")
    buffer = io.BytesIO()
    np.savez_compressed(buffer, images=images.reshape(-1, 28, 28), labels=labels.astype(np.uint8))
    return buffer.getvalue()


def read_personal_set(data):
    """Check an imported personal set; return (images uint8 (N, 28, 28), labels uint8 (N,)).

    Anything else (another kind of file, other shapes, labels that are not digits,
    too many drawings) is refused with a VisitorError that says what is wrong.
    """
    data = bytes(data)
    if len(data) > MAX_FILE_BYTES:
        raise VisitorError(f"That file is {len(data) / 2**20:.1f} MB; a personal set is at most "
                           f"{MAX_FILE_BYTES // 2**20} MB.")
    checked_zip(data, MAX_UNPACKED_BYTES, "personal set", NOT_A_PERSONAL_SET)
    try:
        with np.load(io.BytesIO(data), allow_pickle=False) as files:
            images, labels = files["images"], files["labels"]
    except KeyError:
        raise VisitorError("That file has no 'images' and 'labels' arrays: it is not a personal set.") from None
    except Exception:  # noqa: BLE001 — not an .npz at all
        raise VisitorError(NOT_A_PERSONAL_SET) from None
    if images.dtype != np.uint8 or images.ndim != 3 or images.shape[1:] != (28, 28):
        raise VisitorError(f"The images in that file are {images.dtype} {images.shape}; "
                           "a personal set holds uint8 images of 28×28 pixels.")
    if labels.shape != (len(images),) or not np.issubdtype(labels.dtype, np.integer):
        raise VisitorError(f"That file has {len(images)} images but labels of shape {labels.shape}.")
    if len(labels) and (labels.min() < 0 or labels.max() > 9):
        raise VisitorError("The labels in that file are not all digits from 0 to 9.")
    if len(images) > MAX_PERSONAL:
        raise VisitorError(f"That file holds {len(images):,} drawings; a personal set keeps at most {MAX_PERSONAL:,}.")
    return images, labels.astype(np.uint8)


def personal_export(images: np.ndarray, labels: list[int]) -> str:
    """The personal set (images: N·784 bytes, labels: N digits) as an .npz file to download."""
    return file_to_page(personal_set_bytes(images, labels))


def personal_import(data: np.ndarray) -> PersonalSet:
    """An imported personal set (an .npz file's bytes), checked: its drawings and their digits."""
    images, labels = read_personal_set(data)
    return {"images": to_page(images), "labels": to_page(labels)}
