"""Fixtures shared by every test package."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, settings

from bot.db import Database, open_database

if TYPE_CHECKING:
    from bot.client import DogearBot

REPO_ROOT = Path(__file__).resolve().parent.parent
# The external corpus of real stories (not part of the repository): DOGEAR_CORPUS, or
# ../shared/corpus beside the checkout. A bare clone skips the tests that need it, unless
# DOGEAR_REQUIRE_CORPUS=1 (CI sets it) turns its absence into a failure.
CORPUS_DIR = Path(os.environ.get("DOGEAR_CORPUS") or REPO_ROOT.parent / "shared" / "corpus")
REQUIRE_CORPUS = os.environ.get("DOGEAR_REQUIRE_CORPUS", "") == "1"

# Timing belongs in benchmarks: no per-example deadline, so a busy CI machine cannot flake a property.
settings.register_profile("dogear", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("dogear")


@pytest.fixture
def corpus_dir() -> Path:
    if not CORPUS_DIR.is_dir():
        reason = f"the external story corpus is not at {CORPUS_DIR} (set DOGEAR_CORPUS to its folder)"
        if REQUIRE_CORPUS:
            pytest.fail(reason + "; DOGEAR_REQUIRE_CORPUS=1 makes this a failure")
        pytest.skip(reason)
    return CORPUS_DIR


@pytest.fixture
async def db(tmp_path: Path) -> AsyncIterator[Database]:
    """A real, migrated SQLite file per test."""
    database = await open_database(tmp_path / "dogear.sqlite3")
    try:
        yield database
    finally:
        await database.close()


@pytest.fixture
async def loaded_bot(tmp_path: Path) -> AsyncIterator[DogearBot]:
    """The bot with every cog loaded and nothing connected: its command tree as Discord would get it."""
    from bot.client import DogearBot, discover_extensions
    from bot.clock import SystemClock
    from bot.settings import load_settings
    from bot.worker import Workers

    settings = load_settings({"DATABASE_PATH": str(tmp_path / "db.sqlite3")}, root=tmp_path)
    bot = DogearBot(
        settings=settings, db=await open_database(settings.database_path), clock=SystemClock(), workers=Workers()
    )
    try:
        for extension in discover_extensions():
            await bot.load_extension(extension)
        yield bot
    finally:
        await bot.close()


@pytest.fixture
def budgets_only_bound_hangs(monkeypatch: pytest.MonkeyPatch) -> None:
    """The worker time budgets a member meets (a server's rules compiled in 5 s, a file read in
    20 s, a scan in 30 s) raised to ``HANG_LIMIT``, for tests about something else that run real
    workers: on a busy CI machine a fresh worker's first compile alone took over 5 s, and the
    test failed on the budget instead of checking what it is about. Tests of the budgets
    themselves set their own (see tests/story/test_service.py)."""
    from bot.story import service as story_service
    from bot.warnings import service as warnings_service
    from tests.waiting import HANG_LIMIT

    monkeypatch.setattr(warnings_service, "COMPILE_SECONDS", HANG_LIMIT)
    monkeypatch.setattr(story_service, "PARSE_SECONDS", HANG_LIMIT)
    monkeypatch.setattr(story_service, "SCAN_SECONDS", HANG_LIMIT)
