"""SIGKILL at moments not tied to any step of the code, at a real ``dogear run`` (session 39).

test_crash35 and test_crash37 kill the bot at named steps (``crash_kit``'s ``DOGEAR_KILL_AT``).
Here the test kills it from outside at a moment read off what Discord has seen (the n-th message
of an excerpt, a discussion's post, a poll's end) plus a few milliseconds drawn from a seeded
random: inside an HTTP request, between a send and its record, wherever it lands. After the
restart each thing is there once.
"""

from __future__ import annotations

import asyncio
import os
import random
import shutil
import signal
import subprocess
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.devtools.double import DiscordDouble
from bot.devtools.double.state import ClubLayout
from tests.process.crash_kit import Bot, rows
from tests.process.test_crash35 import (
    add_story,
    assert_discussion_posted_once,
    assert_resumed_post_once,
    bot_posts,
    seed,
)
from tests.process.test_crash37 import nominated, polls, vote_round
from tests.process.test_crash_s38 import drop_gateway, long_story, processes_of, stat
from tests.process.test_post_crash import answers, channel_posts, command, crash_double
from tests.story.builders import epub_bytes, xhtml
from tests.waiting import wait_until

__all__ = ["crash_double"]  # the fixture, shared with test_post_crash as test_crash35 shares it


async def kill_when(bot: Bot, happened, jitter: float) -> None:
    """SIGKILL ``bot`` ``jitter`` seconds after ``happened()`` first holds (polled every 20 ms)."""
    await wait_until(lambda: happened() or bot.exited, lambda: f"the moment to kill\n{bot.log()}")
    await asyncio.sleep(jitter)
    assert await bot.stop(signal.SIGKILL) in (-signal.SIGKILL, 0), bot.log()


@pytest.mark.parametrize("seed_value", [1, 2])
async def test_an_excerpt_killed_at_random_moments_of_its_pacing_is_posted_once_in_order(
    crash_double: tuple[DiscordDouble, ClubLayout], tmp_path: Path, seed_value: int
) -> None:
    """Killed twice while its messages go out (after the 2nd-4th and 5th-7th message are in the
    channel, 0-60 ms later), then left to finish: every message once, in order, recorded."""
    double, layout = crash_double
    draw = random.Random(seed_value)
    database = tmp_path / "club.sqlite3"
    first = Bot(double, layout, database)
    await first.start()
    story_id = await add_story(double, layout, first)
    posting = command(double, layout, "excerpt post", story=str(story_id), chapter=1, channel=layout.general_channel)
    at = draw.randint(2, 4)
    await kill_when(first, lambda: len(channel_posts(double, layout)) >= at, draw.uniform(0, 0.06))
    second = Bot(double, layout, database)
    await second.start()
    at = draw.randint(5, 7)
    await kill_when(second, lambda: len(channel_posts(double, layout)) >= at, draw.uniform(0, 0.06))
    third = Bot(double, layout, database)
    await third.start()
    await assert_resumed_post_once(double, layout, database, third, posting)


@pytest.mark.parametrize("seed_value", [1, 2, 3])
async def test_a_discussion_killed_at_a_random_moment_of_its_post_posts_once_with_one_thread(
    crash_double: tuple[DiscordDouble, ClubLayout], tmp_path: Path, seed_value: int
) -> None:
    """Killed 0-150 ms after the discussion's message reached Discord (its thread being opened, its
    readers added, its record written): one post, one thread, both readers in it."""
    double, layout = crash_double
    draw = random.Random(seed_value)
    database = tmp_path / "club.sqlite3"
    await seed(database, layout, [datetime.now(UTC) - timedelta(seconds=5)])
    first = Bot(double, layout, database)
    await first.launch()
    await kill_when(first, lambda: bool(bot_posts(double, layout.text_channel.id)), draw.uniform(0, 0.15))
    second = Bot(double, layout, database)
    await second.start()
    await assert_discussion_posted_once(double, layout, database, second)


@pytest.mark.parametrize("seed_value", [1, 2])
async def test_a_vote_end_killed_at_a_random_moment_is_announced_once_after_the_restart(
    crash_double: tuple[DiscordDouble, ClubLayout], tmp_path: Path, seed_value: int
) -> None:
    """``/vote end`` killed 0-200 ms after the command reached the bot (its round marked, its poll
    ending, its result posting): after the restart the poll is ended and the result told once."""
    double, layout = crash_double
    draw = random.Random(seed_value)
    database = tmp_path / "club.sqlite3"
    first = Bot(double, layout, database)
    await first.start()
    await nominated(double, layout, database, first)
    command(double, layout, "vote start", hours=48)
    await wait_until(lambda: vote_round(database)[0] == "voting", first.log)
    ending = command(double, layout, "vote end")
    await kill_when(first, lambda: True, draw.uniform(0, 0.2))
    second = Bot(double, layout, database)
    await second.start()
    if vote_round(database)[0] == "voting" and not answers(double, ending):
        # Killed before the command did anything: the admin's second /vote end ends it.
        command(double, layout, "vote end")
    await wait_until(lambda: vote_round(database)[0] == "announced", lambda: f"the result\n{second.log()}", limit=20)
    assert await second.stop() == 0, second.log()
    second.assert_clean()
    results = [m for m in bot_posts(double, layout.text_channel.id) if "The vote" in m.content]
    assert len(results) == 1, [m.content for m in bot_posts(double, layout.text_channel.id)]
    [poll] = polls(double, layout)
    assert poll.poll is not None and poll.poll.finalized


WORDY = "She died and he killed the blood knife gun suicide. " * 3


def big_epub(chapters: int = 60, paragraphs: int = 300) -> tuple[str, bytes]:
    """About 3 MB of story text in 60 chapter files, dense with the rules' words: about 3 s of CPU
    to read and 3 s to scan in a worker on a quiet machine."""
    documents = [
        (f"c{c}.xhtml", xhtml(f"<h1>Chapter {c}</h1>" + "".join(f"<p>{WORDY}{c}.{i}</p>" for i in range(paragraphs))))
        for c in range(1, chapters + 1)
    ]
    return ("big.epub", epub_bytes(documents, title="The Big Tide", nav_points=[("Chapter 1", "c1.xhtml")]))


def working(bot: Bot, database: Path) -> list[int]:
    """The bot's workers and their forked copies: not the bot, not its fork server or resource tracker."""
    assert bot.process is not None
    pid = bot.process.pid
    return [p for p in processes_of(database) if p != pid and (found := stat(p)) is not None and found[0] != pid]


def cpu_seconds(pids: list[int]) -> float:
    return sum(found[2] for pid in pids if (found := stat(pid)) is not None)


async def test_a_story_add_of_a_big_epub_killed_while_a_worker_reads_it_leaves_nothing_running_or_stored(
    crash_double: tuple[DiscordDouble, ClubLayout], tmp_path: Path
) -> None:
    """SIGKILL while a worker reads a big EPUB: the fork server and every worker are gone at once
    (bot.worker_leash; before, a busy worker read on to the end of its task, its time limit kept only
    by the dead bot), nothing is stored, and the next start adds the book once."""
    double, layout = crash_double
    database = tmp_path / "club.sqlite3"
    first = Bot(double, layout, database)
    await first.start()
    assert first.process is not None
    book = big_epub()
    command(double, layout, "story add", file=book)
    # Seconds of CPU into the work (read, then scan): seconds of it are still ahead, whatever the load.
    await wait_until(
        lambda: cpu_seconds(working(first, database)) >= 1.5,
        lambda: f"the workers busy\n{first.log()}",
    )
    assert await first.stop(signal.SIGKILL) == -signal.SIGKILL, first.log()
    left = processes_of(database)
    # Generous: the kernel signals each process as its parent dies; the work left takes seconds.
    await wait_until(lambda: not processes_of(database), lambda: f"no process left of {left}", limit=1.5)
    assert rows(database, "SELECT count(*) FROM stories") == [(0,)]
    second = Bot(double, layout, database)
    await second.start()
    again = command(double, layout, "story add", file=book)
    await wait_until(lambda: bool(answers(double, again)), lambda: f"the second /story add\n{second.log()}")
    told = answers(double, again)[-1].content
    assert "Added" in told, told
    assert await second.stop() == 0, second.log()
    second.assert_clean()
    assert rows(database, "SELECT count(*) FROM stories") == [(1,)]
    assert rows(database, "PRAGMA integrity_check") == [("ok",)]


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A folder on a 4 MB tmpfs: a disk that really fills (ENOSPC, SQLite's "database or disk is
    full"), where the file size limit of test_cannot_save gives EFBIG. Mounting needs root."""
    folder = tmp_path / "disk"
    folder.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a file system needs root")
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(folder)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount here: {mounted.stderr.decode(errors='replace').strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def fill(folder: Path, leave: int) -> Path:
    """A file taking all the free space of ``folder``'s file system but ``leave`` bytes."""
    free = os.statvfs(folder).f_bavail * os.statvfs(folder).f_frsize
    filler = folder / "filler"
    with filler.open("wb") as out:
        out.write(b"\0" * max(0, free - leave))
    return filler


async def test_a_story_add_on_a_disk_that_really_fills_says_it_cannot_save_and_works_once_there_is_room(
    crash_double: tuple[DiscordDouble, ClubLayout], tmp_path: Path, small_disk: Path
) -> None:
    """The database on a tmpfs filled to its last 64 KB by another file: ``/story add`` of a 1 MB
    story meets ENOSPC. The admin reads that Dogear can't save right now, the log has no traceback,
    the database is whole, and once the other file is gone the same command adds the story."""
    double, layout = crash_double
    database = small_disk / "club.sqlite3"
    bot = Bot(double, layout, database, log_through_pipe=True)
    bot.stderr = tmp_path / "bot.err"  # the log beside, not on the full disk
    await bot.start()
    first = command(double, layout, "story add", file=("first.txt", b"Title: The First\n\nIt began.\n"))
    await wait_until(lambda: bool(answers(double, first)), lambda: f"the first /story add\n{bot.log()}")
    assert "Added" in answers(double, first)[-1].content
    filler = fill(small_disk, leave=64 * 1024)
    book = long_story("The Full Tide", chapters=10)
    added = command(double, layout, "story add", file=book)
    await wait_until(lambda: bool(answers(double, added)), lambda: f"/story add to answer\n{bot.log()}")
    told = answers(double, added)[-1]
    assert told.ephemeral and told.content.startswith("Dogear can't save right now"), told.content
    filler.unlink()
    again = command(double, layout, "story add", file=book)
    await wait_until(lambda: bool(answers(double, again)), lambda: f"the second /story add\n{bot.log()}")
    assert "Added" in answers(double, again)[-1].content, answers(double, again)[-1].content
    assert await bot.stop() == 0, bot.log()
    bot.assert_clean()
    assert rows(database, "SELECT title FROM stories ORDER BY id") == [("The First",), ("The Full Tide",)]
    assert rows(database, "PRAGMA integrity_check") == [("ok",)]


@pytest.mark.parametrize("how", ["closed", "resume-refused"])
async def test_a_story_add_running_while_the_gateway_drops_answers_once_and_adds_the_story_once(
    crash_double: tuple[DiscordDouble, ClubLayout], tmp_path: Path, how: str
) -> None:
    """The gateway lost while a worker reads a ``/story add`` upload (the command mid-way; with the
    session gone the bot identifies afresh and gets every server again): the admin's answer comes
    once, through the interaction's webhook, and the library holds the story once."""
    double, layout = crash_double
    database = tmp_path / "club.sqlite3"
    bot = Bot(double, layout, database)
    await bot.start()
    added = command(double, layout, "story add", file=long_story("The Dropped Tide", chapters=20))
    await wait_until(
        lambda: cpu_seconds(working(bot, database)) > 0.2, lambda: f"a worker reading the file\n{bot.log()}"
    )
    await drop_gateway(double, how)
    await wait_until(lambda: bool(answers(double, added)), lambda: f"/story add to answer\n{bot.log()}")
    await asyncio.sleep(1.0)  # a second answer would come now
    told = [m.content for m in answers(double, added)]
    assert len(told) == 1 and "Added" in told[0], told
    assert await bot.stop() == 0, bot.log()
    bot.assert_clean()
    assert rows(database, "SELECT title FROM stories") == [("The Dropped Tide",)]


@pytest.mark.parametrize("seed_value", [1, 2, 3, 4])
async def test_sigterm_at_a_random_moment_of_the_start_stops_cleanly_and_leaves_no_process(
    crash_double: tuple[DiscordDouble, ClubLayout], tmp_path: Path, seed_value: int
) -> None:
    """SIGTERM 0-3 s after ``dogear run`` was launched (Python loading the program, reading settings,
    migrating, starting the workers and the fork server, connecting, syncing): status 0 and "shutting
    down", or, while Python still loads the program (before anything is opened, nothing logged),
    SIGTERM's own end; never a traceback, and nothing of it left running (no fork server, no worker)."""
    double, layout = crash_double
    database = tmp_path / "club.sqlite3"
    bot = Bot(double, layout, database)
    await bot.launch()
    await asyncio.sleep(random.Random(seed_value).uniform(0, 3))
    status = await bot.stop(signal.SIGTERM)
    if status == -signal.SIGTERM:
        assert bot.log() == "" and not database.exists(), bot.log()
    else:
        assert status == 0 and "bot: shutting down" in bot.log(), bot.log()
    bot.assert_clean()
    await wait_until(lambda: not processes_of(database), lambda: f"no process left: {processes_of(database)}", limit=5)
