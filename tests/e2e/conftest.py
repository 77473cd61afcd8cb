"""End-to-end fixtures: one double and one running bot per test session, a fresh server per test.

``club`` gives each test its own server (roles, members, channels, a forum) with the bot in it.
A test fails at teardown if it left a failed interaction (no answer within 3 s, or a deferral
never followed up), an unexpected 4xx from the double, a 429 that was not retried, or an error
in the bot's log. See README.md in this directory.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.devtools.double import permissions as P
from bot.devtools.driver import Club, ClubRuntime
from tests.e2e.demo_stories import DEMO_STORIES
from tests.waiting import HANG_LIMIT

DEMO_TEST = "test_python_m_bot_demo_runs_without_a_token"
STORY_DEMO_TEST = "test_python_m_bot_demo_runs_with_a_story_file_of_its_own"


class DemoRun:
    """``python -m bot demo`` started as soon as collection ends, so it runs beside the other tests.

    ``story`` (a file name and its text) is written into the demo's working folder and passed
    as ``--story``; it is not in the listing ``result`` returns.
    """

    def __init__(self, story: tuple[str, str] | None = None) -> None:
        from tests.conftest import REPO_ROOT as PROJECT_ROOT

        self.cwd = Path(tempfile.mkdtemp(prefix="dogear-demo-test-"))
        self.stdout = self.cwd.parent / (self.cwd.name + ".out")
        self.stderr = self.cwd.parent / (self.cwd.name + ".err")
        self.story: str | None = None
        args = []
        if story is not None:
            self.story, text = story
            (self.cwd / self.story).write_text(text, encoding="utf-8")
            args = ["--story", self.story]
        env = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "DEV_GUILD", "DATABASE_"))}
        env["PYTHONPATH"] = str(PROJECT_ROOT)
        with self.stdout.open("wb") as out, self.stderr.open("wb") as err:
            # Niced, so running beside the suite it takes the spare core, not the tests' time.
            self.process = subprocess.Popen(
                [sys.executable, "-m", "bot", "demo", *args], cwd=self.cwd, env=env, stdout=out, stderr=err,
                preexec_fn=lambda: os.nice(10),
            )  # fmt: skip

    def result(self, timeout: float = HANG_LIMIT) -> tuple[int, str, str, list[str]]:
        """Exit status, transcript, stderr, and what the demo left in its working directory."""
        code = self.process.wait(timeout)
        left = sorted(p.name for p in self.cwd.iterdir() if p.name != self.story)
        outcome = code, self.stdout.read_text(), self.stderr.read_text(), left
        shutil.rmtree(self.cwd, ignore_errors=True)
        self.stdout.unlink(missing_ok=True)
        self.stderr.unlink(missing_ok=True)
        return outcome


_demo: DemoRun | None = None
_story_demos: dict[str, DemoRun] = {}  # story file name → its run


_e2e_files: set[str] = set()


def pytest_collection_finish(session: pytest.Session) -> None:
    global _demo
    _e2e_files.update(str(item.path) for item in session.items if "e2e" in item.path.parts)
    if any(item.name == DEMO_TEST for item in session.items):
        _demo = DemoRun()
    for item in session.items:
        if item.originalname == STORY_DEMO_TEST:
            name = item.callspec.params["story_file"]
            _story_demos[name] = DemoRun((name, DEMO_STORIES[name]))


_runtime: ClubRuntime | None = None


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Which slash commands the e2e tests ran, and which none did (issue: every command, end to end)."""
    if _runtime is None or not hasattr(_runtime, "double") or len(_e2e_files) < 5:
        return  # only meaningful when (most of) the e2e suite ran
    state = _runtime.double.state
    leaves: dict[str, int] = {}

    def walk(prefix: str, options: list[dict]) -> bool:
        subs = [o for o in options if o.get("type") in (1, 2)]
        for sub in subs:
            if not walk(f"{prefix} {sub['name']}", sub.get("options") or []):
                leaves.setdefault(f"{prefix} {sub['name']}", 0)
        return bool(subs)

    for command in state.commands.get(_runtime.home.guild.id, []):
        if not walk(command["name"], command.get("options") or []):
            leaves.setdefault(command["name"], 0)
    for record in list(state.interactions.values()):
        if record.type != 2:
            continue
        name, options = record.data.get("name", ""), record.data.get("options") or []
        while options and options[0].get("type") in (1, 2):
            name, options = f"{name} {options[0]['name']}", options[0].get("options") or []
        if name in leaves:
            leaves[name] += 1
    slow = sorted(
        (
            (record.responded_at - record.created, record.describe())
            for record in list(state.interactions.values())
            if record.responded_at is not None and record.responded_at - record.created > 1.0
        ),
        reverse=True,
    )
    for seconds, what in slow[:5]:
        terminalreporter.write_line(f"e2e: slow first answer ({seconds:.2f} s of the 3 s allowed): {what}")
    unused = sorted(name for name, count in leaves.items() if count == 0)
    used = len(leaves) - len(unused)
    terminalreporter.write_line(f"e2e: {used} of {len(leaves)} slash commands exercised through the double")
    if unused:
        terminalreporter.write_line("e2e: not exercised: " + ", ".join(f"/{name}" for name in unused))


@pytest.fixture
def demo_run() -> DemoRun:
    return _demo or DemoRun()


@pytest.fixture
def story_demo_run(story_file: str) -> DemoRun:
    """The demo run with ``story_file`` (a key of ``DEMO_STORIES``), started at collection's end."""
    return _story_demos.pop(story_file, None) or DemoRun((story_file, DEMO_STORIES[story_file]))


@pytest.fixture(scope="session")
def club_runtime(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ClubRuntime]:
    global _runtime
    runtime = ClubRuntime(tmp_path_factory.mktemp("club") / "dogear.sqlite3")
    runtime.start()
    _runtime = runtime
    try:
        yield runtime
    finally:
        runtime.stop()


@pytest.fixture
def club(club_runtime: ClubRuntime) -> Iterator[Club]:
    club = club_runtime.new_club()
    yield club
    if club.bot_role.permissions != P.BOT_INVITE:
        # A test that took Dogear's events permission leaves refused events that Dogear tries again
        # by itself later (session 45): given back here, those tries work on a later test's clock,
        # where they would be 403s no step of that test expects.
        club_runtime.call(club.set_role_permissions(club.bot_role, P.BOT_INVITE))
    club_runtime.call(club.wait_idle())
    problems = club.problems()
    if problems:
        pytest.fail("the bot misbehaved during this test:\n  " + "\n  ".join(problems), pytrace=False)


@pytest.fixture
def sample_story() -> Path:
    """The project's own sample story (data/sample_story.md), safe to use in any test."""
    from tests.conftest import REPO_ROOT

    return REPO_ROOT / "data" / "sample_story.md"
