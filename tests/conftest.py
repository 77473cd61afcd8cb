"""Fixtures shared by every test package."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from bot.db import Database, open_database
from bot.paths import PROJECT_ROOT

CORPUS_DIR = PROJECT_ROOT.parent / "shared" / "corpus"

# Timing belongs in benchmarks: no per-example deadline, so a busy CI machine cannot flake a property.
settings.register_profile("dogear", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("dogear")


@pytest.fixture
def corpus_dir() -> Path:
    if not CORPUS_DIR.is_dir():
        pytest.fail(f"the shared corpus is missing at {CORPUS_DIR}")
    return CORPUS_DIR


@pytest.fixture
async def db(tmp_path: Path) -> AsyncIterator[Database]:
    """A real, migrated SQLite file per test."""
    database = await open_database(tmp_path / "dogear.sqlite3")
    try:
        yield database
    finally:
        await database.close()
