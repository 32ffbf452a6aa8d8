"""Shipped bytecode: checked hash-based .pyc files that Python uses while, and only while, the
source is unchanged; and a standard library zip whose imported modules come compiled."""

import importlib
import importlib.util
import marshal
import sys
import zipfile
from io import BytesIO

import pytest

from digits.page import bytecode


@pytest.fixture
def package(tmp_path, monkeypatch):
    """A one-module package in tmp_path, imported once (without writing bytecode, as in the worker)."""
    (tmp_path / "kept_demo").mkdir()
    (tmp_path / "kept_demo" / "__init__.py").write_text("")
    (tmp_path / "kept_demo" / "value.py").write_text("ANSWER = 1\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    import kept_demo.value
    yield tmp_path
    for name in ("kept_demo", "kept_demo.value"):
        sys.modules.pop(name, None)


def fresh_answer():
    sys.modules.pop("kept_demo.value", None)
    importlib.invalidate_caches()
    return importlib.import_module("kept_demo.value").ANSWER


def test_the_archive_holds_checked_hash_pycs_of_the_imported_modules(package):
    kept = zipfile.ZipFile(BytesIO(bytecode.archive(roots=(str(package),))))
    source = package / "kept_demo" / "value.py"
    name = importlib.util.cache_from_source(str(source)).lstrip("/")
    assert name in kept.namelist()
    pyc = kept.read(name)
    assert pyc[:4] == importlib.util.MAGIC_NUMBER
    assert int.from_bytes(pyc[4:8], "little") == bytecode.CHECKED_HASH
    assert pyc[8:16] == importlib.util.source_hash(source.read_bytes())
    assert all(entry.startswith(str(package).lstrip("/")) for entry in kept.namelist())


def test_python_runs_a_kept_pyc_while_its_source_is_unchanged_and_never_after(package, monkeypatch):
    source = package / "kept_demo" / "value.py"
    name = importlib.util.cache_from_source(str(source)).lstrip("/")
    pyc = zipfile.ZipFile(BytesIO(bytecode.archive(roots=(str(package),)))).read(name)
    # Swap in code that says 3 under the same source hash: if Python answers 3, it used the file.
    doctored = pyc[:16] + marshal.dumps(compile("ANSWER = 3\n", str(source), "exec"))
    kept = package / name[len(str(package).lstrip("/")) + 1:]
    kept.parent.mkdir(exist_ok=True)
    kept.write_bytes(doctored)
    assert fresh_answer() == 3
    source.write_text("ANSWER = 2\n")            # the source changes: the kept file no longer counts
    assert fresh_answer() == 2


@pytest.fixture
def library(tmp_path, monkeypatch):
    """A two-module zip on sys.path, standing in for Pyodide's standard library; one module imported."""
    path = tmp_path / "library.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("zipped_used.py", "ANSWER = 1\n")
        archive.writestr("zipped_unused.py", "ANSWER = 2\n")
    monkeypatch.syspath_prepend(str(path))
    import zipped_used  # noqa: F401
    yield path
    for name in ("zipped_used", "zipped_unused"):
        sys.modules.pop(name, None)


def test_the_standard_library_zip_holds_its_imported_modules_compiled_in_place_of_their_source(library, tmp_path, monkeypatch):
    compiled = tmp_path / "compiled.zip"
    compiled.write_bytes(bytecode.standard_library(str(library)))
    names = zipfile.ZipFile(compiled).namelist()
    assert sorted(names) == ["zipped_unused.py", "zipped_used.pyc"]
    pyc = zipfile.ZipFile(compiled).read("zipped_used.pyc")
    assert pyc[:4] == importlib.util.MAGIC_NUMBER
    assert int.from_bytes(pyc[4:8], "little") == bytecode.UNCHECKED_HASH

    # Python's zip importer runs the compiled module, and still compiles the other one.
    for name in ("zipped_used", "zipped_unused"):
        sys.modules.pop(name, None)
    monkeypatch.setattr(sys, "path", [str(compiled), *sys.path[1:]])
    importlib.invalidate_caches()
    used, unused = importlib.import_module("zipped_used"), importlib.import_module("zipped_unused")
    assert (used.ANSWER, unused.ANSWER) == (1, 2)
    assert used.__file__.endswith("zipped_used.pyc") and unused.__file__.endswith("zipped_unused.py")
