"""End-to-end fixtures: one double and one running bot per test session, a fresh server per test.

``club`` gives each test its own server (roles, members, channels, a forum) with the bot in it.
A test fails at teardown if it left a failed interaction (no answer within 3 s, or a deferral
never followed up), an unexpected 4xx from the double, a 429 that was not retried, or an error
in the bot's log. See README.md in this directory.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.driver import Club, ClubRuntime


@pytest.fixture(scope="session")
def club_runtime(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ClubRuntime]:
    runtime = ClubRuntime(tmp_path_factory.mktemp("club") / "dogear.sqlite3")
    runtime.start()
    try:
        yield runtime
    finally:
        runtime.stop()


@pytest.fixture
def club(club_runtime: ClubRuntime) -> Iterator[Club]:
    club = club_runtime.new_club()
    yield club
    club_runtime.call(club.wait_idle())
    problems = club.problems()
    if problems:
        pytest.fail("the bot misbehaved during this test:\n  " + "\n  ".join(problems), pytrace=False)


@pytest.fixture
def sample_story() -> Path:
    """The project's own sample story (data/sample_story.md), safe to use in any test."""
    from bot.paths import PROJECT_ROOT

    return PROJECT_ROOT / "data" / "sample_story.md"
