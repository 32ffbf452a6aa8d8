"""MNIST, read from the original IDX files, checked byte for byte.

The IDX format is tiny: a big-endian header (a magic number, then one uint32
per dimension) followed by raw uint8 values. Each file's sha256 is checked
before it is trusted, so a truncated or altered download is an error, never a
silently wrong array.
"""

import gzip
import hashlib
from pathlib import Path

import numpy as np

DATA_DIR = Path(__file__).resolve().parents[3] / "data" / "mnist"

# sha256 of each uncompressed IDX file, as published with the dataset.
SHA256 = {
    "train-images-idx3-ubyte": "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db",
    "train-labels-idx1-ubyte": "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5",
    "t10k-images-idx3-ubyte": "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7",
    "t10k-labels-idx1-ubyte": "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2",
}

IMAGES_MAGIC, LABELS_MAGIC = 2051, 2049


class DataError(ValueError):
    """A data file is missing, truncated or not what it claims to be."""


def parse_idx(raw: bytes, name: str = "IDX data") -> np.ndarray:
    """Turn the bytes of an IDX file into a uint8 array of the shape its header declares."""
    if len(raw) < 8:
        raise DataError(f"{name} is too short to hold an IDX header ({len(raw)} bytes).")
    magic = int.from_bytes(raw[0:4], "big")
    if magic not in (IMAGES_MAGIC, LABELS_MAGIC):
        raise DataError(f"{name} does not start with an MNIST IDX magic number (found {magic}).")
    ndim = 3 if magic == IMAGES_MAGIC else 1
    header_size = 4 + 4 * ndim
    shape = tuple(int.from_bytes(raw[4 + 4 * i: 8 + 4 * i], "big") for i in range(ndim))
    expected = header_size + int(np.prod(shape))
    if len(raw) != expected:
        raise DataError(f"{name} holds {len(raw)} bytes but its header {shape} needs {expected}: "
                        "the file is truncated or corrupt.")
    return np.frombuffer(raw, dtype=np.uint8, offset=header_size).reshape(shape)


def read_idx(path: Path) -> np.ndarray:
    """Read one gzip-compressed IDX file and check it against its known sha256."""
    path = Path(path)
    stem = path.name.removesuffix(".gz")
    if not path.exists():
        raise DataError(f"MNIST file {path} is missing.")
    try:
        raw = gzip.decompress(path.read_bytes())
    except (OSError, EOFError) as error:
        raise DataError(f"MNIST file {path} is not a valid gzip file ({error}).") from None
    if stem in SHA256 and hashlib.sha256(raw).hexdigest() != SHA256[stem]:
        raise DataError(f"MNIST file {path} does not match its published sha256: "
                        "it is corrupt or not the original; copy it again.")
    return parse_idx(raw, str(path))


def load_mnist(split: str = "train", data_dir: Path = DATA_DIR):
    """Return (images, labels) for split 'train' (60,000) or 'test' (10,000).

    images: uint8 (N, 28, 28), 0 background, 255 ink; labels: uint8 (N,).
    """
    prefix = {"train": "train", "test": "t10k"}[split]
    images = read_idx(Path(data_dir) / f"{prefix}-images-idx3-ubyte.gz")
    labels = read_idx(Path(data_dir) / f"{prefix}-labels-idx1-ubyte.gz")
    if len(images) != len(labels):
        raise DataError(f"MNIST {split}: {len(images)} images but {len(labels)} labels.")
    return images, labels


# The small MNIST that ships with the page (tools/make_web_subset.py writes it): enough to train
# on in a browser in a minute, and to measure on in seconds.
SUBSET_SIZES = {"train": 10_000, "test": 2_000}


def small_subset(train, test, seed=0):
    """A random 10,000 of MNIST's training images and the first 2,000 test images (uint8)."""
    pick = np.sort(np.random.default_rng(seed).choice(len(train[0]), SUBSET_SIZES["train"], replace=False))
    count = SUBSET_SIZES["test"]
    return {"train_images": train[0][pick], "train_labels": train[1][pick],
            "test_images": test[0][:count], "test_labels": test[1][:count]}
