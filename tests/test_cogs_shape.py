"""The shape every cog keeps (issue 11), read from the source with ``ast``, nothing imported.

* A cog module stays small: at most ``MAX_COG_LINES`` lines; a feature with more Discord-facing
  code becomes a package (``cogs/discussions/``, ``cogs/nominations/``).
* Cogs hold no SQL: no database call (``execute``, ``fetch_*``, ``transaction``) and no SQL text;
  the stores do that, behind a service.
* No ``assert interaction.guild_id ...``: ``cogs._checks.guild_id_of`` answers a direct message
  through the error ladder (an ``assert`` is stripped by ``python -O`` and ends in a traceback).
* No "(s)" in a string a member (or an admin at the command line) may read: ``bot.text.plural``.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MAX_COG_LINES = 300
COG_FILES = sorted((ROOT / "cogs").rglob("*.py"))
SOURCE_FILES = sorted(path for package in ("bot", "cogs") for path in (ROOT / package).rglob("*.py"))

# The Database helpers (bot/db.py) and aiosqlite's own; ``fetch_channel`` and friends are discord.py's.
DATABASE_CALLS = {"execute", "executemany", "executescript", "execute_fetchall", "execute_insert", "transaction"}
DATABASE_FETCHES = {"fetch_all", "fetch_one", "fetch_value", "fetchall", "fetchone", "fetchmany"}
SQL_TEXT = re.compile(
    r"\bSELECT\b[\s\S]+\bFROM\b|\bINSERT\s+(?:OR\s+\w+\s+)?INTO\b|\bUPDATE\s+\w+\s+SET\b|\bDELETE\s+FROM\b"
)


def rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def parse(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def docstring_nodes(tree: ast.Module) -> set[int]:
    """The ids of the docstring constants: they explain the code and no member reads them."""
    found: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def string_constants(tree: ast.Module) -> list[ast.Constant]:
    """Every string literal, f-string parts included, docstrings left out."""
    docstrings = docstring_nodes(tree)
    return [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
    ]


def test_the_files_are_found() -> None:
    names = {rel(path) for path in COG_FILES}
    assert {"cogs/_checks.py", "cogs/_options.py", "cogs/stories.py", "cogs/nominations/cog.py"} <= names
    assert "bot/story/chapters.py" in {rel(path) for path in SOURCE_FILES}


@pytest.mark.parametrize("path", COG_FILES, ids=rel)
def test_no_cog_module_is_over_the_line_limit(path: Path) -> None:
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_COG_LINES, f"{rel(path)} has {lines} lines; split it into a package of small modules"


@pytest.mark.parametrize("path", COG_FILES, ids=rel)
def test_no_sql_in_cogs(path: Path) -> None:
    tree = parse(path)
    calls = [
        f"line {node.lineno}: .{node.func.attr}()"
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and (node.func.attr in DATABASE_CALLS or node.func.attr in DATABASE_FETCHES)
    ]
    sql = [f"line {node.lineno}: {node.value[:60]!r}" for node in string_constants(tree) if SQL_TEXT.search(node.value)]
    assert calls == [], f"{rel(path)} talks to the database itself; call a service"
    assert sql == [], f"{rel(path)} holds SQL; it belongs in a store"


def _is_guild_assert(node: ast.AST) -> bool:
    if not isinstance(node, ast.Assert):
        return False
    return any(
        isinstance(part, ast.Attribute)
        and part.attr in {"guild_id", "guild"}
        and isinstance(part.value, ast.Name)
        and part.value.id == "interaction"
        for part in ast.walk(node.test)
    )


@pytest.mark.parametrize("path", SOURCE_FILES, ids=rel)
def test_no_assert_on_the_interactions_guild(path: Path) -> None:
    found = [node.lineno for node in ast.walk(parse(path)) if _is_guild_assert(node)]
    assert found == [], f"{rel(path)} asserts a guild on lines {found}; use cogs._checks.guild_id_of"


@pytest.mark.parametrize("path", SOURCE_FILES, ids=rel)
def test_no_s_in_parentheses_in_strings(path: Path) -> None:
    found = [
        f"line {node.lineno}: {node.value[:60]!r}" for node in string_constants(parse(path)) if "(s)" in node.value
    ]
    assert found == [], f'{rel(path)} writes "(s)"; use bot.text.plural'


def test_the_checks_catch_what_they_forbid(tmp_path: Path) -> None:
    """Each rule, on a small module that breaks it: the test can fail."""
    bad = tmp_path / "bad.py"
    bad.write_text(
        '"""A docstring may say chapter(s)."""\n'
        "async def f(interaction, db):\n"
        "    assert interaction.guild_id is not None\n"
        "    await db.fetch_all('SELECT id FROM stories WHERE guild_id = ?', (1,))\n"
        "    return f'{1} chapter(s)'\n",
        encoding="utf-8",
    )
    tree = parse(bad)
    assert [node.lineno for node in ast.walk(tree) if _is_guild_assert(node)] == [3]
    assert [c.value for c in string_constants(tree) if "(s)" in c.value] == [" chapter(s)"]
    assert [c.lineno for c in string_constants(tree) if SQL_TEXT.search(c.value)] == [4]
    assert any(
        isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in DATABASE_FETCHES
        for node in ast.walk(tree)
    )
