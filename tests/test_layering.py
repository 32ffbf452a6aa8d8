"""The package's layers: errors at the bottom, the page's adapter (page/) on top, no cycle between.

Modules are named from the package down ("errors", "nets.models", "page.api"). Read from the
source, so a lazy import inside a function counts as much as one at the top.
"""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "py" / "digits"


def name_of(path, package=PACKAGE):
    """A module's name in the package: py/digits/nets/models.py → "nets.models"."""
    parts = path.relative_to(package).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def resolved(path, node, package=PACKAGE):
    """Where a `from ... import` points, as parts from the package down ("nets",), or None outside it."""
    if node.level:                                        # from ..nets import models, in page/why.py
        here = path.relative_to(package).parent.parts
        if node.level - 1 > len(here):
            return None
        return here[:len(here) - node.level + 1] + tuple(filter(None, (node.module or "").split(".")))
    if node.module.split(".")[0] == "digits":             # from digits.nets import models
        return tuple(node.module.split(".")[1:])
    return None


def imports(path, modules, package=PACKAGE):
    """The package's modules that `path` imports, by name ("nets.models", "errors", ...).

    `from .nets import models` names the module nets.models when there is one, else the package nets.
    """
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and (where := resolved(path, node, package)) is not None:
            for alias in node.names:
                submodule = ".".join(where + (alias.name,))
                found.add(submodule if submodule in modules else ".".join(where))
        elif isinstance(node, ast.Import):
            found |= {alias.name.split(".", 1)[1] for alias in node.names if alias.name.startswith("digits.")}
    return found - {""}


PATHS = {name_of(path): path for path in PACKAGE.rglob("*.py") if path.stem != "__init__"}
PACKAGES = {name_of(path) for path in PACKAGE.rglob("__init__.py")} - {""}
GRAPH = {name: imports(path, set(PATHS)) for name, path in PATHS.items()}


def in_page(name):
    return name == "page" or name.startswith("page.")


def test_the_graph_sees_the_subpackages():
    assert {"nets", "images", "toys", "explain", "page"} <= PACKAGES
    assert {"errors", "nets.models", "page.api", "page.recognizer"} <= set(GRAPH)
    assert GRAPH["page.api"] >= {"errors", "page.recognizer", "page.session"}


def test_every_import_names_a_module_of_the_package():
    assert set().union(*GRAPH.values()) <= set(GRAPH)


def test_nothing_outside_the_page_imports_the_page():
    assert sorted(name for name, imported in GRAPH.items()
                  if not in_page(name) and any(map(in_page, imported))) == []


def test_nothing_imports_the_page_door():
    assert sorted(name for name, imported in GRAPH.items() if "page.api" in imported) == []


def test_the_errors_module_depends_on_nothing():
    assert GRAPH["errors"] == set()


# Each subpackage, and the modules at the top, by how low it stands: a module imports only from its
# own level and the ones below (images are pixels and strokes, nets learn from them, explain and
# toys look at nets, the page adapts them all).
LEVELS = {"errors": 0, "images": 1, "nets": 2, "explain": 3, "toys": 3, "page": 4, "cli": 4}


def level(name):
    return LEVELS[name.split(".")[0]]


def test_each_module_imports_only_from_its_level_and_below():
    assert sorted((name, other) for name, imported in GRAPH.items() for other in imported
                  if level(other) > level(name)) == []


def test_only_the_page_shapes_what_the_page_is_told():
    # An answer's or facts' shape (a TypedDict) is page wording: it lives in page/, not in the core.
    typed = sorted(name for name, path in PATHS.items() if "TypedDict" in path.read_text())
    assert typed and [name for name in typed if not in_page(name)] == []


def test_every_subpackage_says_what_it_is_for():
    for package in PACKAGES:
        assert ast.get_docstring(ast.parse((PACKAGE / package.replace(".", "/") / "__init__.py").read_text()))


def test_an_import_is_named_from_the_package_down(tmp_path):
    fake = tmp_path / "digits"
    (fake / "nets").mkdir(parents=True)
    (fake / "page").mkdir()
    (fake / "nets" / "models.py").write_text("from ..errors import VisitorError\nfrom . import layers as L\n")
    (fake / "page" / "why.py").write_text("from ..nets import models\nfrom .recognizer import as_image\n"
                                          "import digits.nets.layers\nfrom digits.errors import VisitorError\n"
                                          "import numpy as np\nfrom pathlib import Path\n")
    modules = {"errors", "nets.models", "nets.layers", "page.why", "page.recognizer"}
    assert imports(fake / "nets" / "models.py", modules, fake) == {"errors", "nets.layers"}
    assert imports(fake / "page" / "why.py", modules, fake) == {"nets.models", "page.recognizer", "nets.layers",
                                                                "errors"}
    assert name_of(fake / "page" / "why.py", fake) == "page.why"


def cycle(graph):
    """The first import cycle found in `graph` ({module: modules it imports}) as a list, or None."""
    finished, path = set(), []

    def visit(module):
        if module in path:
            return path[path.index(module):] + [module]
        if module in finished:
            return None
        path.append(module)
        found = next(filter(None, map(visit, sorted(graph[module]))), None)
        path.pop()
        finished.add(module)
        return found

    return next(filter(None, map(visit, sorted(graph))), None)


def test_there_is_no_import_cycle():
    assert cycle(GRAPH) is None


def test_a_cycle_would_be_found():
    assert cycle({"page.api": {"page.why"}, "page.why": {"page.training"},
                  "page.training": {"page.api", "nets.models"}, "nets.models": set()}) == \
        ["page.api", "page.why", "page.training", "page.api"]
    assert cycle({"page.api": {"page.training", "nets.models"}, "page.training": {"nets.models"},
                  "nets.models": set()}) is None
