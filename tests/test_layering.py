"""The package's layers: errors at the bottom, the page's door (api.py) on top, no cycle between.

Read from the source, so a lazy import inside a function counts as much as one at the top.
"""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "py" / "digits"


def imports(path):
    """The package's modules that `path` imports, by bare name ("models", "errors", ...)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.level == 1:          # from .x import y / from . import x
            found |= {node.module} if node.module else {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("digits"):
            found |= {node.module.split(".")[1]} if "." in node.module else {alias.name for alias in node.names}
        elif isinstance(node, ast.Import):
            found |= {alias.name.split(".")[1] for alias in node.names if alias.name.startswith("digits.")}
    return found


GRAPH = {path.stem: imports(path) for path in PACKAGE.glob("*.py") if path.stem != "__init__"}


def test_every_import_names_a_module_of_the_package():
    assert set().union(*GRAPH.values()) <= set(GRAPH)


def test_nothing_imports_the_page_adapter():
    assert sorted(name for name, imported in GRAPH.items() if "api" in imported) == []


def test_the_errors_module_depends_on_nothing():
    assert GRAPH["errors"] == set()


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
    assert cycle({"api": {"pages"}, "pages": {"learn"}, "learn": {"api", "models"}, "models": set()}) == \
        ["api", "pages", "learn", "api"]
    assert cycle({"api": {"learn", "models"}, "learn": {"models"}, "models": set()}) is None
