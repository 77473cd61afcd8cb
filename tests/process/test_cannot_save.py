"""A real ``dogear run`` whose disk fills up (or whose database cannot be written) while members use it.

The disk is "filled" by setting the running bot's file size limit to 0 (``Bot.disk_full``): from
then on every write the process makes to a file fails, exactly as SQLite meets a full disk at its
next write or COMMIT, with nothing mocked. The member must learn, privately and in one sentence,
that Dogear cannot save right now; the log gets one line, not a traceback per command; nothing is
half-written; and once the disk has room again the next command works (a COMMIT that failed left
no transaction open behind it).
"""

from __future__ import annotations

import asyncio
import os
import resource
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.devtools.double import DiscordDouble
from bot.devtools.double.state import ClubLayout
from tests.conftest import REPO_ROOT as PROJECT_ROOT
from tests.process.crash_kit import Bot, rows
from tests.process.test_crash35 import bot_posts, close_after_open, discussion_rows, seed, story_file
from tests.process.test_post_crash import answers, command, crash_double
from tests.test_db import unwritable
from tests.waiting import wait_until

__all__ = ["crash_double"]  # the fixture, shared with test_post_crash as test_crash35 shares it

CANNOT_SAVE = "Dogear can't save right now"


async def test_story_add_on_a_full_disk_says_it_cannot_save_writes_nothing_and_works_once_there_is_room(
    crash_double: tuple[DiscordDouble, ClubLayout], tmp_path: Path
) -> None:
    """It answered "Something went wrong on my side ... reference ..." with a traceback in the log, and
    the COMMIT that failed left the connection inside its transaction, so every later write failed
    too ("cannot start a transaction within a transaction") even after the disk had room again."""
    double, layout = crash_double
    database = tmp_path / "club.sqlite3"
    bot = Bot(double, layout, database, log_through_pipe=True)
    await bot.start()
    # One story first: the worker pool starts with it (its locks are files in /dev/shm, which the
    # file size limit would refuse too, where a full disk leaves that memory file system alone).
    first = command(double, layout, "story add", file=("first.txt", b"Title: The First\n\nIt began.\n"))
    await wait_until(lambda: bool(answers(double, first)), lambda: f"the first /story add\n{bot.log()}")
    assert "Added" in answers(double, first)[-1].content
    bot.disk_full()
    added = command(double, layout, "story add", file=story_file())
    await wait_until(lambda: bool(answers(double, added)), lambda: f"/story add to answer\n{bot.log()}")
    [told] = answers(double, added)
    assert told.ephemeral
    assert told.content.startswith(CANNOT_SAVE) and "try again later" in told.content, told.content
    assert "reference" not in told.content
    assert "Traceback" not in bot.log(), bot.log()
    said = [line for line in bot.log().splitlines() if "could not save" in line]
    assert len(said) == 1, bot.log()
    assert rows(database, "SELECT title FROM stories") == [("The First",)]

    bot.disk_full(False)
    again = command(double, layout, "story add", file=story_file())
    await wait_until(lambda: bool(answers(double, again)), lambda: f"the second /story add\n{bot.log()}")
    [told] = answers(double, again)
    assert "Added" in told.content, (told.content, bot.log())
    assert await bot.stop(signal.SIGTERM) == 0, bot.log()
    bot.assert_clean()
    assert rows(database, "SELECT title FROM stories ORDER BY id") == [("The First",), ("The Cut Tide",)]


def full_disk() -> None:
    """In the child before it runs Dogear: every write to a file fails from the start (as ``disk_full``)."""
    resource.setrlimit(resource.RLIMIT_FSIZE, (0, resource.getrlimit(resource.RLIMIT_FSIZE)[1]))


@pytest.mark.parametrize("existing", [False, True], ids=["new-file", "existing-database"])
def test_a_start_on_a_full_disk_is_one_line_and_status_1(tmp_path: Path, existing: bool) -> None:
    """It ended "cannot be used as a database: disk I/O error" with status 2, which the service file
    reads as a setting to fix and never restarts: the bot stayed down after the disk had room again."""
    database = tmp_path / "dogear.sqlite3"
    if existing:
        asyncio.run(close_after_open(database))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "DEV_GUILD", "DATABASE_", "SHARD_"))}
    env.update(
        DATABASE_PATH=str(database), DISCORD_TOKEN="x.y.z", DISCORD_API_BASE="http://127.0.0.1:9/api/v10",
        PYTHONPATH=str(PROJECT_ROOT),
    )  # fmt: skip
    result = subprocess.run(
        [sys.executable, "-m", "bot", "run"], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120,
        preexec_fn=full_disk,
    )  # fmt: skip
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    [line] = [line for line in result.stderr.splitlines() if line.startswith("dogear: ")]
    assert line.startswith(f"dogear: {database} cannot be written: "), line
    assert line.endswith("free space on its disk (or make it writable) and start again"), line


@pytest.mark.parametrize("unwritable_part", ["file", "folder"])
def test_a_start_on_a_database_read_only_by_its_permissions_is_one_line_and_status_1(
    tmp_path: Path, unwritable_part: str
) -> None:
    """A database file (or its folder) this user may not write: it said so with status 2, which the
    service file reads as a setting to fix and never restarts, so the bot stayed down after the
    permissions were put right. Not a setting: status 1, one line naming the file and what to do."""
    folder = tmp_path / "data"
    folder.mkdir()
    database = folder / "dogear.sqlite3"
    asyncio.run(close_after_open(database))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "DEV_GUILD", "DATABASE_", "SHARD_"))}
    env.update(
        DATABASE_PATH=str(database), DISCORD_TOKEN="x.y.z", DISCORD_API_BASE="http://127.0.0.1:9/api/v10",
        PYTHONPATH=str(PROJECT_ROOT),
    )  # fmt: skip
    with unwritable(database if unwritable_part == "file" else folder):
        result = subprocess.run(
            [sys.executable, "-m", "bot", "run"], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120
        )
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    [line] = [line for line in result.stderr.splitlines() if line.startswith("dogear: ")]
    assert line.startswith(f"dogear: {database} cannot be written: "), line
    assert "writable by this user" in line and line.endswith("and start again"), line


@pytest.fixture
def read_only_mount(tmp_path: Path) -> Iterator[Path]:
    """A folder on a file system mounted read-only (a small tmpfs), as a disk the kernel remounted
    read-only after I/O errors is; mounting needs root (CAP_SYS_ADMIN), so elsewhere the test is skipped."""
    folder = tmp_path / "ro"
    folder.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a file system needs root")
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", str(folder)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount here: {mounted.stderr.decode(errors='replace').strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=True)


def test_a_start_on_a_read_only_file_system_is_one_line_and_status_1(read_only_mount: Path) -> None:
    """It said "the folder ... is not writable" with status 2, a setting to fix, never restarted."""
    database = read_only_mount / "dogear.sqlite3"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "DEV_GUILD", "DATABASE_", "SHARD_"))}
    env.update(
        DATABASE_PATH=str(database), DISCORD_TOKEN="x.y.z", DISCORD_API_BASE="http://127.0.0.1:9/api/v10",
        PYTHONPATH=str(PROJECT_ROOT),
    )  # fmt: skip
    result = subprocess.run(
        [sys.executable, "-m", "bot", "run"], cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    [line] = [line for line in result.stderr.splitlines() if line.startswith("dogear: ")]
    assert line.startswith(f"dogear: {database} cannot be written: "), line
    assert "mounted read-only" in line and line.endswith("and start again"), line


async def test_a_discussion_due_on_a_full_disk_is_logged_without_tracebacks_and_left_to_post(
    crash_double: tuple[DiscordDouble, ClubLayout], tmp_path: Path
) -> None:
    """The timer's rounds on a full disk logged a traceback each (every 30 s, for as long as it lasted).
    Now a line each, saying why, and the discussion is still waiting to be posted."""
    double, layout = crash_double
    database = tmp_path / "club.sqlite3"
    # Due after the disk is full: a start takes about 6 s (more on a busy machine), and a discussion
    # posted before that left nothing for the full disk to refuse (the test failed now and then).
    await seed(database, layout, [datetime.now(UTC) + timedelta(seconds=12)])
    bot = Bot(double, layout, database, log_through_pipe=True)
    await bot.start()
    bot.disk_full()
    await wait_until(lambda: "could not save" in bot.log() or "Traceback" in bot.log(), bot.log, limit=30)
    await asyncio.sleep(1.0)
    assert "Traceback" not in bot.log(), bot.log()
    bot.disk_full(False)
    assert discussion_rows(database)[0][1] in ("scheduled", "posting")  # claimed or not, posted once later
    assert not bot_posts(double, layout.text_channel.id)
    assert await bot.stop() == 0, bot.log()
    bot.assert_clean()
