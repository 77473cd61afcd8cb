"""The excerpts core stays free of Discord, and its cog stays thin (issue 11)."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import REPO_ROOT


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def test_the_excerpts_core_imports_no_discord() -> None:
    files = sorted((REPO_ROOT / "bot" / "excerpts").glob("*.py"))
    assert len(files) >= 5
    for path in files:
        assert not {m for m in imported_modules(path) if m.split(".")[0] == "discord"}, path.name


def test_the_excerpts_cog_has_no_sql_and_no_module_over_300_lines() -> None:
    for path in sorted((REPO_ROOT / "cogs" / "excerpts").glob("*.py")):
        text = path.read_text(encoding="utf-8")
        assert len(text.splitlines()) <= 300, path.name
        assert not {m for m in imported_modules(path) if m.endswith(".store") or m in ("bot.db", "aiosqlite")}, (
            path.name
        )
        assert "SELECT " not in text and "UPDATE " not in text and "INSERT " not in text, path.name
