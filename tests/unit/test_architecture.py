"""Dependencies point inward: the pure core imports no web, database, CLI or plotting library."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src" / "accord"
CORE = ["domain", "solver", "explain", "scenario", "coach", "assessment"]
OUTER = {
    "typer",
    "rich",
    "jinja2",
    "matplotlib",
    "sqlalchemy",
    "fastapi",
    "starlette",
    "alembic",
    "accord.cli",
    "accord.report",
    "negmas",
}


def imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


@pytest.mark.parametrize("package", CORE)
def test_the_core_imports_nothing_from_the_outer_layers(package: str) -> None:
    for path in (SRC / package).rglob("*.py"):
        for name in imports(path):
            assert not any(name == o or name.startswith(o + ".") for o in OUTER), (
                f"{path.relative_to(SRC)} imports {name}"
            )


def test_nothing_in_the_package_imports_negmas() -> None:
    for path in SRC.rglob("*.py"):
        assert not any(n.split(".")[0] == "negmas" for n in imports(path)), path
