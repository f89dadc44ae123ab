"""The default install holds what the default path runs (issue #13): every required package is
imported by src/, and optional ones (extras) are imported only where they are used, never on import.
.ci/lean-install.sh checks the same thing end to end in a fresh virtual environment."""

from __future__ import annotations

import ast
import re
import sys

import pytest

from conftest import ROOT

tomllib = pytest.importorskip("tomllib", reason="tomllib is in the standard library from Python 3.11")

SRC = ROOT / "src" / "qpextract"
# distribution name -> module it is imported as; None: needed by another dependency, not imported
IMPORT_NAME = {"pyyaml": "yaml", "vietnam-provinces": "vietnam_provinces", "lxml-html-clean": None}


def _pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _dist(requirement: str) -> str:
    return re.split(r"[\s\[<>=!~;]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def _imports(tree: ast.AST) -> set[str]:
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def _module_level_imports(tree: ast.Module) -> set[str]:
    """Imports run when the module is imported (not inside functions, nor guarded by ``except ImportError``)."""
    names = set()
    stack: list[ast.AST] = list(tree.body)
    while stack:
        node = stack.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            continue
        if isinstance(node, ast.Try) and any(
            isinstance(h.type, ast.Name) and h.type.id in ("ImportError", "ModuleNotFoundError") for h in node.handlers
        ):
            continue  # `try: import optional` / `except ImportError:` is fine
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            continue  # never run
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            names |= _imports(node)
        else:
            stack.extend(ast.iter_child_nodes(node))
    return names


def _trees() -> dict[str, ast.Module]:
    return {str(p.relative_to(SRC)): ast.parse(p.read_text(encoding="utf-8")) for p in SRC.rglob("*.py")}


def test_every_required_package_is_imported_by_the_package() -> None:
    used = set().union(*(_imports(t) for t in _trees().values()))
    unused = []
    for requirement in _pyproject()["project"]["dependencies"]:
        dist = _dist(requirement)
        module = IMPORT_NAME.get(dist, dist.replace("-", "_"))
        if module is not None and module not in used:
            unused.append(dist)
    assert not unused, f"required but never imported by src/qpextract (move them to an extra): {unused}"


# modules that exist only for one extra (the Datasette plugin of `qpextract browse`)
EXTRA_ENTRY_MODULES = {"viewer/browse.py": "browse"}


def test_optional_packages_are_imported_only_where_they_are_used() -> None:
    required = {IMPORT_NAME.get(_dist(r), _dist(r).replace("-", "_")) for r in _pyproject()["project"]["dependencies"]}
    allowed = set(sys.stdlib_module_names) | required | {"qpextract", "typing_extensions"}
    trees = _trees()
    offenders = {name: sorted(_module_level_imports(tree) - allowed) for name, tree in trees.items() if name not in EXTRA_ENTRY_MODULES}
    offenders = {k: v for k, v in offenders.items() if v}
    assert not offenders, f"modules that import an optional package when imported: {offenders}"
    # a module that is one extra's own entry point is imported only inside the function that needs it
    entry = {"qpextract." + m[: -len(".py")].replace("/", ".") for m in EXTRA_ENTRY_MODULES}
    importers = {name for name, tree in trees.items() if _module_level_imports(tree) & entry}
    assert not importers, f"modules that import an extra's entry module when imported: {importers}"


def test_the_extras_the_readme_names_exist() -> None:
    extras = _pyproject()["project"]["optional-dependencies"]
    assert {"postgres", "parquet", "spark", "pandas", "nlp", "dev"} <= set(extras)
    assert {_dist(r) for r in extras["nlp"]} == {"underthesea", "pyvi"}
    assert "nlp" in extras["dev"][0]  # the tests and the benchmark keep them
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "pip install qpextract " in readme
    for extra in ("postgres", "parquet", "spark", "dev"):
        assert f'pip install "qpextract[{extra}]"' in readme, extra
