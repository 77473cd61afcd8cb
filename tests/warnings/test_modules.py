"""The warnings package's shape (issue 11): no Discord, no cycle between the rules file reader and
the matcher, and imports at the top of each module."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "bot" / "warnings"
MODULES = sorted(PACKAGE.glob("*.py"))


def imports(path: Path) -> tuple[set[str], list[int]]:
    """Modules imported at the top of the file, and the lines of any import inside a function."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    top: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.Import):
            top.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            top.add(node.module)
        elif isinstance(node, ast.If):  # TYPE_CHECKING blocks
            for inner in node.body:
                if isinstance(inner, ast.ImportFrom) and inner.module:
                    top.add(inner.module)
    nested = [
        node.lineno
        for function in ast.walk(tree)
        if isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef))
        for node in ast.walk(function)
        if isinstance(node, (ast.Import, ast.ImportFrom))
    ]
    return top, nested


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.name)
def test_no_discord_and_no_imports_inside_functions(path: Path) -> None:
    top, nested = imports(path)
    assert not any(name == "discord" or name.startswith("discord.") for name in top)
    assert nested == [], f"{path.name} imports inside functions at lines {nested}"


def test_the_rules_reader_and_the_matcher_do_not_import_each_other() -> None:
    rules, _ = imports(PACKAGE / "rules.py")
    matcher, _ = imports(PACKAGE / "matcher.py")
    model, _ = imports(PACKAGE / "model.py")
    assert "bot.warnings.matcher" not in rules and "bot.warnings.rules" not in matcher
    assert "bot.warnings.model" in rules and "bot.warnings.model" in matcher
    assert not {name for name in model if name.startswith("bot.warnings.")} - {"bot.warnings.taxonomy"}


def test_sql_lives_in_the_store_only() -> None:
    for path in MODULES:
        if path.name == "store.py":
            continue
        text = path.read_text(encoding="utf-8")
        for keyword in ("SELECT ", "INSERT INTO", "UPDATE warning", "DELETE FROM"):
            assert keyword not in text, f"{path.name} has SQL ({keyword.strip()})"
