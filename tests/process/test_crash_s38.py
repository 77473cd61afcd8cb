"""Crashes, network failures and clock jumps at a real ``dogear run`` (session 38).

As in test_crash35, test_crash37 and test_crash_s37, each test runs Dogear as a real process
(:mod:`tests.process.crash_kit`) against the Discord double and checks what members and admins
see after the restart.
"""

from __future__ import annotations

import asyncio
import os
import signal
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.db import load_migrations, migrate, open_database
from bot.devtools.double import DiscordDouble
from bot.devtools.double.state import ClubLayout
from tests.process.crash_kit import Bot, rows
from tests.process.test_crash35 import (
    add_story,
    assert_resumed_post_once,
    bot_posts,
    discussion_rows,
    seed,
    threads_of,
)
from tests.process.test_crash37 import as_member
from tests.process.test_crash_s37 import schema
from tests.process.test_post_crash import answers, channel_posts, command, crash_double
from tests.waiting import wait_until

__all__ = ["crash_double"]  # the fixture, shared with test_post_crash as test_crash35 shares it

PARAGRAPH = "The tide came in and went out. " * 55


def long_story(title: str = "The Long Tide", chapters: int = 40, paragraphs: int = 45) -> tuple[str, bytes]:
    """About 4 MB of text: seconds of reading in a worker, so a kill lands while it runs."""
    body = "\n\n".join(
        f"Chapter {c}\n\n" + "\n\n".join(f"Paragraph {c}.{i}: {PARAGRAPH}" for i in range(paragraphs))
        for c in range(1, chapters + 1)
    )
    return ("long.txt", f"Title: {title}\n\n{body}\n".encode())


def processes_of(database: Path) -> list[int]:
    """Every live process started for ``database`` (the bot, its fork server, its workers): the
    environment each inherits names the file."""
    marker = f"DATABASE_PATH={database}".encode()
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            environ = Path(f"/proc/{entry}/environ").read_bytes()
            status = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        if marker in environ.split(b"\0") and status.split(") ", 1)[1][0] != "Z":
            found.append(int(entry))
    return found


def stat(pid: int) -> tuple[int, str, float] | None:
    """(parent pid, state, CPU seconds) of ``pid``, None once it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(") ", 1)[1].split()
    except OSError:
        return None
    return int(fields[1]), fields[0], (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def workers_of(bot: Bot, database: Path) -> list[int]:
    """The bot's worker processes (children of its fork server, itself a child of the bot)."""
    assert bot.process is not None
    servers = {pid for pid in processes_of(database) if (found := stat(pid)) and found[0] == bot.process.pid}
    return [pid for pid in processes_of(database) if (found := stat(pid)) and found[0] in servers]


async def listed(double: DiscordDouble, layout: ClubLayout, bot: Bot) -> str:
    asked = command(double, layout, "story list")
    await wait_until(lambda: bool(answers(double, asked)), lambda: f"/story list\n{bot.log()}")
    return "\n".join(m.content + str(m.embeds) for m in answers(double, asked))


async def test_a_story_add_killed_while_a_worker_reads_its_file_leaves_nothing_and_can_be_run_again(
    crash_double: tuple[DiscordDouble, ClubLayout], tmp_path: Path
) -> None:
    """SIGKILL while a worker reads a 4 MB upload: no story and no chapter is stored, the admin's
    ``/story add`` again adds it, and the library lists it once. Held already (the story, its
    chapters and its scan are one transaction after the worker's read); kept as the guard."""
    double, layout = crash_double
    database = tmp_path / "club.sqlite3"
    first = Bot(double, layout, database)
    await first.start()
    command(double, layout, "story add", file=long_story())
    await wait_until(
        lambda: any((found := stat(pid)) and found[2] >= 0.2 for pid in workers_of(first, database)),
        lambda: f"a worker reading the file\n{first.log()}",
    )
    assert await first.stop(signal.SIGKILL) == -signal.SIGKILL, first.log()
    assert rows(database, "SELECT count(*) FROM stories") == [(0,)]
    assert rows(database, "SELECT count(*) FROM chapters") == [(0,)]
    second = Bot(double, layout, database)
    await second.start()
    again = command(double, layout, "story add", file=long_story())
    await wait_until(lambda: bool(answers(double, again)), lambda: f"the second /story add\n{second.log()}")
    told = answers(double, again)[-1].content
    assert "Added" in told, told
    shown = await listed(double, layout, second)
    assert await second.stop() == 0, second.log()
    second.assert_clean()
    assert shown.count("The Long Tide") == 1, shown
    assert rows(database, "SELECT count(*) FROM chapters") == [(40,)]
    assert rows(database, "PRAGMA integrity_check") == [("ok",)]


async def test_a_story_update_killed_inside_its_write_leaves_the_old_version_whole_and_can_be_run_again(
    crash_double: tuple[DiscordDouble, ClubLayout], tmp_path: Path
) -> None:
    """SIGKILL in the middle of ``/story update``'s write (the new chapters stored, a prologue's moves
    of the members' places half done): the story is the old version whole, its chapters, hash and
    the members' places as they were, and ``/story update`` again takes the new version. Held already
    (one transaction); kept as the guard of that transaction."""
    double, layout = crash_double
    database = tmp_path / "club.sqlite3"
    first = Bot(double, layout, database, kill_at="bot.progress.store:renumber_progress@1:after:SIGKILL")
    await first.start()
    added = command(double, layout, "story add", file=long_story(chapters=3, paragraphs=2))
    await wait_until(lambda: bool(answers(double, added)), lambda: f"/story add\n{first.log()}")
    [(story_id, old_hash)] = rows(database, "SELECT id, content_hash FROM stories")
    as_member(double, layout, layout.member, "progress set", story=str(story_id), chapter=2)
    await wait_until(lambda: bool(rows(database, "SELECT 1 FROM reading_progress")), first.log)
    before = rows(database, "SELECT number, title, scenes FROM chapters ORDER BY number")
    places = rows(database, "SELECT user_id, chapter FROM reading_progress")
    _, body = long_story(chapters=3, paragraphs=2)
    prologue = ("long.txt", body.replace(b"Chapter 1\n", b"Prologue\n\nThe sea was calm.\n\nChapter 1\n", 1))
    command(double, layout, "story update", story=str(story_id), file=prologue)
    assert await first.died() == -signal.SIGKILL, first.log()
    assert rows(database, "SELECT id, content_hash FROM stories") == [(story_id, old_hash)]
    assert rows(database, "SELECT number, title, scenes FROM chapters ORDER BY number") == before
    assert rows(database, "SELECT user_id, chapter FROM reading_progress") == places
    second = Bot(double, layout, database)
    await second.start()
    again = command(double, layout, "story update", story=str(story_id), file=prologue)
    await wait_until(lambda: bool(answers(double, again)), lambda: f"the second /story update\n{second.log()}")
    told = answers(double, again)[-1].content
    shown = await listed(double, layout, second)
    assert await second.stop() == 0, second.log()
    second.assert_clean()
    assert "Nothing was changed" not in told and "nothing changed" not in told, told
    assert shown.count("The Long Tide") == 1, shown
    assert len(rows(database, "SELECT number FROM chapters")) == 4
    assert rows(database, "SELECT user_id, chapter FROM reading_progress") == [(places[0][0], 3)]


# ------------------------------------------------------------------------------------ the gateway drops
async def drop_gateway(double: DiscordDouble, how: str) -> None:
    """The gateway connection lost as Discord loses it: closed (the bot resumes), RECONNECT asked
    (it resumes on a new connection), or closed with the session gone (RESUME refused: IDENTIFY
    afresh, READY and every server again)."""
    await wait_until(
        lambda: double.gateway.identifies > 0 and any(not c.ws.closed for c in double.gateway.connections),
        "the bot's gateway connection",
    )
    identifies, resumes = double.gateway.identifies, double.gateway.resumes
    if how == "reconnect-asked":
        assert double.gateway.ask_reconnect() == 1
    else:
        assert await double.gateway.drop(resumable=how == "closed") == 1
    if how == "resume-refused":
        await wait_until(lambda: double.gateway.identifies > identifies, "a fresh IDENTIFY")
    else:
        await wait_until(lambda: double.gateway.resumes > resumes, "the RESUME")


DROPS = ["closed", "reconnect-asked", "resume-refused"]


@pytest.mark.parametrize("how", DROPS)
async def test_an_excerpt_posting_while_the_gateway_drops_posts_every_message_once_in_order(
    crash_double: tuple[DiscordDouble, ClubLayout], tmp_path: Path, how: str
) -> None:
    """The gateway lost after the third of nine messages (the post held there while it reconnects):
    the chapter is in the channel once, complete and in order, and the admin told once."""
    double, layout = crash_double
    database = tmp_path / "club.sqlite3"
    bot = Bot(double, layout, database, stall_at="bot.excerpts.store:record_sent@3:after:2")
    await bot.start()
    story_id = await add_story(double, layout, bot)
    posting = command(double, layout, "excerpt post", story=str(story_id), chapter=1, channel=layout.general_channel)
    await wait_until(lambda: len(channel_posts(double, layout)) >= 3, lambda: f"three messages\n{bot.log()}")
    await drop_gateway(double, how)
    await assert_resumed_post_once(double, layout, database, bot, posting)


@pytest.mark.parametrize("how", DROPS)
async def test_a_discussion_due_while_the_gateway_drops_posts_once_with_one_thread(
    crash_double: tuple[DiscordDouble, ClubLayout], tmp_path: Path, how: str
) -> None:
    """The gateway lost as a due discussion is claimed (its post held while the bot reconnects): one
    post, one thread with both readers, nothing posted again by the reconnect's second READY."""
    double, layout = crash_double
    database = tmp_path / "club.sqlite3"
    await seed(database, layout, [datetime.now(UTC) - timedelta(seconds=5)])
    bot = Bot(double, layout, database, stall_at="cogs.discussions.poster:DiscordPoster.post@1:before:4")
    await bot.launch()
    await wait_until(lambda: discussion_rows(database)[0][1] == "posting", lambda: f"the claim\n{bot.log()}")
    await drop_gateway(double, how)
    await wait_until(lambda: discussion_rows(database)[0][1] == "posted", lambda: f"the post\n{bot.log()}")
    await wait_until(lambda: not rows(database, "SELECT 1 FROM discussion_joins_owed"), bot.log)
    await asyncio.sleep(1.0)  # a second post would follow the first at once
    assert await bot.stop() == 0, bot.log()
    bot.assert_clean()
    [(_, _, message_id, thread_id)] = discussion_rows(database)
    assert [m.id for m in bot_posts(double, layout.text_channel.id)] == [message_id]
    [thread] = threads_of(double, layout)
    assert thread.id == thread_id
    assert {m for m in thread.member_ids if m != double.state.bot_user.id} == {
        layout.member.user.id,
        layout.other_member.user.id,
    }


# ------------------------------------------------------------------------------- a migration at start
async def test_sigterm_in_the_second_of_three_pending_migrations_keeps_the_first_and_the_next_start_applies_the_rest(
    crash_double: tuple[DiscordDouble, ClubLayout], tmp_path: Path
) -> None:
    """A database three releases behind, stopped by a deploy's SIGTERM while the second migration waits
    on its COMMIT: the first stays applied (its own transaction), the second leaves nothing behind, the
    process stops with status 0 and no traceback, and the next start applies the other two, saying so
    in one line; the schema is then a fresh database's. Held already; kept as the guard of "each
    migration in its own transaction" (test_crash_s37 cuts a start one migration behind)."""
    double, layout = crash_double
    database = tmp_path / "club.sqlite3"
    migrations = load_migrations()
    db = await open_database(database, run_migrations=False)
    try:
        await migrate(db, migrations[:-3])
    finally:
        await db.close()
    first = Bot(
        double, layout, database,
        kill_at="aiosqlite.core:Connection.commit@2:before:SIGTERM",
        stall_at="aiosqlite.core:Connection.commit@2:before:60",
    )  # fmt: skip
    await first.launch()
    assert await first.died() == 0, first.log()
    first.assert_clean()
    assert rows(database, "PRAGMA user_version") == [(migrations[-3].version,)]
    second = Bot(double, layout, database)
    await second.start()
    assert await second.stop() == 0, second.log()
    second.assert_clean()
    said = [line for line in second.log().splitlines() if "migrations applied now" in line]
    rest = ", ".join(f"{m.version:04d}" for m in migrations[-2:])
    assert len(said) == 1 and said[0].endswith(f"migrations applied now: {rest})"), said
    fresh = tmp_path / "fresh.sqlite3"
    await (await open_database(fresh)).close()
    assert schema(database) == schema(fresh)
    assert rows(database, "PRAGMA integrity_check") == [("ok",)]
