"""How arrays travel to the page (py/digits/page/arrays.py): their own numbers, bit for bit, in
the typed array of their dtype, and files as their bytes."""

import ast
import base64
from pathlib import Path

import numpy as np
import pytest

from digits.images.data import load_mnist
from digits.page.arrays import file_to_page, from_page, to_page

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("values, dtype", [
    (np.array([[0.1, 1 / 3], [np.pi, -0.0]], np.float32), "float32"),
    (np.array([0.1, 1 / 3, 1e-300, -np.inf]), "float64"),
    (np.arange(12, dtype=np.uint8).reshape(2, 3, 2), "uint8"),
    (np.array([True, False, True]), "uint8"),
    (np.array([-5, 2**31 - 1, 7], np.int64), "int32"),
    (np.array([3, 1999], np.intp), "int32"),
    ([0.5, 0.25], "float64"),
    (np.zeros((0, 28, 28), np.uint8), "uint8"),
])
def test_an_array_comes_back_as_its_own_numbers(values, dtype):
    sent = to_page(values)
    assert sent["dtype"] == dtype and sent["shape"] == list(np.shape(values))
    np.testing.assert_array_equal(from_page(sent), values)


def test_the_bytes_are_little_endian_and_row_by_row():
    sent = to_page(np.array([[1.0, 2.0], [3.0, 4.0]], np.float32))
    assert base64.b64decode(sent["base64"]) == np.array([1, 2, 3, 4], "<f4").tobytes()


def test_pixels_travel_as_the_subsets_own_bytes():
    images = load_mnist("test")[0]
    sent = to_page(images[[5, 0]])
    assert (sent["dtype"], sent["shape"]) == ("uint8", [2, 28, 28])
    assert base64.b64decode(sent["base64"]) == images[5].tobytes() + images[0].tobytes()


def test_what_has_no_typed_array_is_refused():
    with pytest.raises(ValueError, match=r"^Whole numbers from 0 to 4294967296 do not fit the page's int32\.$"):
        to_page(np.array([0, 2**32]))
    with pytest.raises(TypeError, match=r"^An array of complex128 has no encoding for the page: numbers only\.$"):
        to_page(np.array([1j]))


def test_a_file_travels_as_its_bytes():
    data = bytes(range(256))
    assert base64.b64decode(file_to_page(data)) == data


def test_python_encodes_in_one_place_and_the_page_decodes_in_one_place():
    def imports_base64(path):
        return any(isinstance(node, (ast.Import, ast.ImportFrom)) and "base64" in
                   ([alias.name for alias in node.names] if isinstance(node, ast.Import) else [node.module])
                   for node in ast.walk(ast.parse(path.read_text())))
    package = ROOT / "py" / "digits"
    assert [path.relative_to(package).as_posix() for path in sorted(package.rglob("*.py")) if imports_base64(path)] == [
        "page/arrays.py"]
    site = ROOT / "site" / "js"
    assert [path.relative_to(site).as_posix() for path in sorted(site.rglob("*.js")) if "atob(" in path.read_text()] == [
        "lib/arrays.js"]
