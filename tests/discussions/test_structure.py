"""The discussions feature keeps its shape: a Discord-free core, thin cog modules, one timer."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import REPO_ROOT

CORE = REPO_ROOT / "bot" / "discussions"
COG_MODULES = [*sorted((REPO_ROOT / "cogs" / "discussions").glob("*.py")), REPO_ROOT / "cogs" / "schedule.py"]


def imported(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_the_core_never_imports_discord_or_a_cog() -> None:
    for path in sorted(CORE.glob("*.py")):
        bad = {name for name in imported(path) if name.split(".")[0] in ("discord", "cogs")}
        assert not bad, f"{path.name} imports {sorted(bad)}"


def test_cog_modules_stay_under_300_lines() -> None:
    for path in COG_MODULES:
        lines = len(path.read_text(encoding="utf-8").splitlines())
        assert lines <= 300, f"{path.relative_to(REPO_ROOT)} has {lines} lines"


def test_cogs_hold_no_sql_and_open_no_transaction() -> None:
    for path in [*COG_MODULES, REPO_ROOT / "cogs" / "lifecycle.py"]:
        text = path.read_text(encoding="utf-8")
        for marker in ("transaction(", "fetch_all(", "fetch_one(", "fetch_value(", "SELECT ", "UPDATE ", "INSERT "):
            assert marker not in text, f"{path.name} contains {marker!r}"
        assert "from bot.discussions import store" not in text and "bot.discussions.store" not in text


def test_lifecycle_has_no_loop_of_its_own() -> None:
    path = REPO_ROOT / "cogs" / "lifecycle.py"
    assert "asyncio" not in imported(path) and "sleep_until" not in path.read_text(encoding="utf-8")


def test_the_store_writes_each_condition_and_conversion_once() -> None:
    """One helper per job: "the discussion is not cancelled" is one clause that the timer's refused-event
    tries (``_RETRY_DUE``) and an admin's Try again (``claim_refused_retry``) both use, and an optional
    time is stored through ``_epoch_or_none`` (two copies of each had been written out, session 45)."""
    text = (CORE / "store.py").read_text(encoding="utf-8")
    assert text.count("c.state = 'cancelled'") == 1
    assert text.count("is None else to_epoch(") == 1  # _epoch_or_none's own
