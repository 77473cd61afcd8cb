"""Crashes at exact steps of a real ``dogear run`` (session 37): what members see after the restart.

As in test_crash35 and test_crash37, each test kills ``dogear run`` at a named step
(:mod:`tests.process.crash_kit`) and starts it again on the same database.
"""

from __future__ import annotations

import signal
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.db import load_migrations, migrate, open_database
from bot.devtools.double import DiscordDouble
from bot.devtools.double.state import ClubLayout
from bot.discussions.prefs_store import set_reminder_prefs
from tests.process.crash_kit import Bot, rows
from tests.process.test_crash35 import (
    add_story,
    assert_resumed_post_once,
    bot_posts,
    discussion_rows,
    seed,
    threads_of,
)
from tests.process.test_crash37 import nominated, polls
from tests.process.test_post_crash import answers, channel_posts, command, crash_double
from tests.waiting import wait_until

__all__ = ["crash_double"]  # the fixture, shared with test_post_crash as test_crash35 shares it


# ------------------------------------------------------------------------------ a vote called off
def polled_round(database: Path) -> str | None:
    """The state of the round that posted a poll (a call-off opens a new round after it)."""
    found = rows(database, "SELECT state FROM nomination_rounds WHERE message_id IS NOT NULL")
    return found[0][0] if found else None


@pytest.mark.parametrize("when", ["before", "after"])
async def test_a_vote_called_off_and_killed_as_its_poll_ends_is_called_off_at_the_restart(
    crash_double: tuple[DiscordDouble, ClubLayout], tmp_path: Path, when: str
) -> None:
    """``/vote end call_off:True`` ended the poll on Discord, then recorded the call-off: killed between
    the two, the round stayed "voting" with an ended poll until its planned end (days), when it was
    counted and a result the admin had thrown away announced. Killed before the poll ends, the
    restart must end it (left open, Discord posts its own result naming a winner)."""
    double, layout = crash_double
    database = tmp_path / "club.sqlite3"
    first = Bot(double, layout, database, kill_at=f"cogs.nominations.poller:DiscordPoller.end_poll@1:{when}:SIGKILL")
    await first.start()
    await nominated(double, layout, database, first)
    command(double, layout, "vote start", hours=48)
    await wait_until(lambda: polled_round(database) == "voting", first.log)
    command(double, layout, "vote end", call_off=True)
    assert await first.died() == -signal.SIGKILL, first.log()
    [poll] = polls(double, layout)
    second = Bot(double, layout, database)
    await second.start()
    await wait_until(lambda: polled_round(database) == "announced", lambda: f"the end\n{second.log()}", limit=20)
    await wait_until(
        lambda: rows(database, "SELECT count(*) FROM nomination_rounds WHERE notice IS NOT NULL") == [(0,)],
        lambda: f"the notice\n{second.log()}",
        limit=20,
    )
    assert await second.stop() == 0, second.log()
    second.assert_clean()
    said = [m.content for m in bot_posts(double, layout.text_channel.id) if m.poll is None]
    assert not [t for t in said if t.startswith("📚")], said  # no result, winner or "nobody voted"
    assert len([t for t in said if t.startswith("The vote was called off")]) == 1, said
    assert rows(database, "SELECT results FROM nomination_rounds WHERE message_id IS NOT NULL") == [(None,)]
    assert rows(database, "SELECT count(*) FROM nominations n JOIN nomination_rounds r ON r.id = n.round_id"
                " WHERE r.state = 'open'") == [(2,)]  # fmt: skip
    assert double.state.messages[poll.id].poll.finalized  # type: ignore[union-attr]


# -------------------------------------------------------------------------- a database gone bad
def damage_stories_table(database: Path) -> None:
    """Point the ``stories`` table at a page past the file's end, as a torn or overwritten page does;
    the schema change makes the running bot read the damaged schema at its next statement."""
    with sqlite3.connect(database) as db:
        pages = db.execute("PRAGMA page_count").fetchone()[0]
        db.execute("PRAGMA writable_schema = ON")
        db.execute("UPDATE sqlite_master SET rootpage = ? WHERE type = 'table' AND name = 'stories'", (pages + 50,))
        version = db.execute("PRAGMA schema_version").fetchone()[0]
        db.execute(f"PRAGMA schema_version = {version + 1}")
    db.close()


async def test_a_database_damaged_while_the_bot_runs_is_a_short_answer_and_one_log_line(
    crash_double: tuple[DiscordDouble, ClubLayout], tmp_path: Path
) -> None:
    """A page of the database damaged under the running bot: every command answered "Something went
    wrong on my side ... reference" and logged a traceback ending in "database disk image is malformed",
    which says neither that the data needs attention nor what the host is to do."""
    double, layout = crash_double
    database = tmp_path / "club.sqlite3"
    bot = Bot(double, layout, database)
    await bot.start()
    await add_story(double, layout, bot)
    damage_stories_table(database)
    told = []
    for _ in range(2):
        listed = command(double, layout, "story list")
        await wait_until(lambda asked=listed: bool(answers(double, asked)), lambda: f"/story list\n{bot.log()}")
        [answer] = answers(double, listed)
        told.append(answer)
    assert await bot.stop() == 0, bot.log()
    for answer in told:
        assert answer.ephemeral
        assert answer.content.startswith("Dogear's data needs attention"), answer.content
        assert "reference" not in answer.content
    log = bot.log()
    assert "Traceback" not in log, log
    said = [line for line in log.splitlines() if f"{database} is damaged" in line]  # the file, what to do: once
    assert len(said) == 1, log
    assert "stop Dogear, then restore a backup" in said[0], said
    assert len([line for line in log.splitlines() if "could not read its data" in line]) == 2, log


# --------------------------------------------------------------------- a post the disk would not record
async def test_a_discussion_posted_but_not_recorded_on_a_full_disk_is_recorded_not_sent_again(
    crash_double: tuple[DiscordDouble, ClubLayout], tmp_path: Path
) -> None:
    """Discord took the discussion's post, then the disk refused its record: the item was marked failed
    (which the disk refused too) and left "posting" until the next start, with no thread for its
    readers. Once the disk has room the running bot finds the post and records it: one post, one thread."""
    double, layout = crash_double
    database = tmp_path / "club.sqlite3"
    await seed(database, layout, [datetime.now(UTC) - timedelta(seconds=5)])
    bot = Bot(
        double, layout, database, log_through_pipe=True,
        stall_at="cogs.discussions.poster:DiscordPoster.post@1:after:4",  # Discord took it; the record waits
    )  # fmt: skip
    await bot.launch()
    await wait_until(lambda: bool(bot_posts(double, layout.text_channel.id)), lambda: f"the post\n{bot.log()}")
    bot.disk_full()
    await wait_until(
        lambda: any("could not save" in line and "looking for its post" in line for line in bot.log().splitlines()),
        lambda: f"the refusal\n{bot.log()}",
        limit=20,
    )
    bot.disk_full(False)
    await wait_until(lambda: discussion_rows(database)[0][1] == "posted", lambda: f"the record\n{bot.log()}", limit=20)
    assert await bot.stop() == 0, bot.log()
    bot.assert_clean()
    [(_, _, message_id, thread_id)] = discussion_rows(database)
    assert [m.id for m in bot_posts(double, layout.text_channel.id)] == [message_id]
    assert [t.id for t in threads_of(double, layout)] == [thread_id]


# ------------------------------------------------------------------------- a reminder's DM copies
async def test_reminder_copies_cut_off_by_a_kill_reach_the_members_not_yet_sent_once_at_the_restart(
    crash_double: tuple[DiscordDouble, ClubLayout], tmp_path: Path
) -> None:
    """Killed after the first of two members' DM copies of a reminder: the copies were sent after the
    reminder was recorded with nothing kept per member, so the restart sent none and the second member
    never got theirs. Each copy is recorded as it goes out: the restart sends the one not yet sent, and
    nobody gets two."""
    double, layout = crash_double
    database = tmp_path / "club.sqlite3"
    due = datetime.now(UTC) + timedelta(hours=1)
    await seed(database, layout, [due], remind=(timedelta(hours=1, seconds=5),), readers=2)
    db = await open_database(database)
    try:
        for member in (layout.member, layout.other_member):
            await set_reminder_prefs(db, layout.guild.id, member.user.id, dm=True, off=None, now=datetime.now(UTC))
    finally:
        await db.close()
    first = Bot(double, layout, database, kill_at="cogs.discussions.poster:DiscordPoster.send_dm@1:after:SIGKILL")
    await first.launch()
    assert await first.died() == -signal.SIGKILL, first.log()
    copies = [len(double.state.dms_to(m.user)) for m in (layout.member, layout.other_member)]
    assert sorted(copies) == [0, 1], copies  # cut off between the two
    second = Bot(double, layout, database)
    await second.start()
    members = (layout.member, layout.other_member)
    await wait_until(
        lambda: [len(double.state.dms_to(m.user)) for m in members] == [1, 1],
        lambda: f"the copy owed: {[len(double.state.dms_to(m.user)) for m in members]}\n{second.log()}",
        limit=20,
    )
    await wait_until(lambda: not rows(database, "SELECT 1 FROM discussion_reminders WHERE copies_pending"), second.log)
    assert await second.stop() == 0, second.log()
    second.assert_clean()
    assert [len(double.state.dms_to(m.user)) for m in members] == [1, 1]
    assert len(bot_posts(double, layout.text_channel.id)) == 1
    assert rows(database, "SELECT state FROM discussion_reminders") == [("posted",)]
    assert rows(database, "SELECT count(*) FROM reminder_dm_copies") == [(0,)]  # kept only while owed


# ----------------------------------------------------------------------------------- a migration
async def test_a_migration_killed_before_its_commit_leaves_the_old_schema_and_the_next_start_applies_it(
    crash_double: tuple[DiscordDouble, ClubLayout], tmp_path: Path
) -> None:
    """A database one release behind (its last migration pending), killed after the migration's
    statements ran and before its COMMIT: the file keeps its old schema whole (every table, column and
    index as before, whichever tables the last migration touches), and the next start applies the
    migration once, saying so in one line."""
    double, layout = crash_double
    database = tmp_path / "club.sqlite3"
    migrations = load_migrations()
    db = await open_database(database, run_migrations=False)
    try:
        await migrate(db, migrations[:-1])
    finally:
        await db.close()
    before = schema(database)
    first = Bot(double, layout, database, kill_at="aiosqlite.core:Connection.commit@1:before:SIGKILL")
    await first.launch()
    assert await first.died() == -signal.SIGKILL, first.log()
    assert rows(database, "PRAGMA user_version") == [(migrations[-2].version,)]
    assert schema(database) == before, "half a migration applied"
    second = Bot(double, layout, database)
    await second.start()
    assert await second.stop() == 0, second.log()
    second.assert_clean()
    said = [line for line in second.log().splitlines() if "migrations applied now" in line]
    assert len(said) == 1 and said[0].endswith(f"migrations applied now: {migrations[-1].version:04d})"), said
    fresh = tmp_path / "fresh.sqlite3"
    await (await open_database(fresh)).close()
    assert schema(database) == schema(fresh)
    assert rows(database, "PRAGMA integrity_check") == [("ok",)]


async def test_sigterm_while_a_migration_waits_on_its_commit_rolls_it_back_and_stops_cleanly(
    crash_double: tuple[DiscordDouble, ClubLayout], tmp_path: Path
) -> None:
    """A deploy's SIGTERM while a start migrates (held before the COMMIT, as a slow migration is): the
    migration is interrupted and rolled back, the process stops with status 0 and no traceback, and
    the next start applies it once. Held already; kept as the guard of migrate()'s cancel path."""
    double, layout = crash_double
    database = tmp_path / "club.sqlite3"
    migrations = load_migrations()
    db = await open_database(database, run_migrations=False)
    try:
        await migrate(db, migrations[:-1])
    finally:
        await db.close()
    before = schema(database)
    first = Bot(
        double, layout, database,
        kill_at="aiosqlite.core:Connection.commit@1:before:SIGTERM",
        stall_at="aiosqlite.core:Connection.commit@1:before:60",
    )  # fmt: skip
    await first.launch()
    assert await first.died() == 0, first.log()
    first.assert_clean()
    assert rows(database, "PRAGMA user_version") == [(migrations[-2].version,)]
    assert schema(database) == before, "half a migration applied"
    second = Bot(double, layout, database)
    await second.start()
    assert await second.stop() == 0, second.log()
    second.assert_clean()
    said = [line for line in second.log().splitlines() if "migrations applied now" in line]
    assert len(said) == 1 and said[0].endswith(f"migrations applied now: {migrations[-1].version:04d})"), said


def schema(database: Path) -> list[tuple]:
    return rows(database, "SELECT type, name, sql FROM sqlite_master ORDER BY type, name")


# ------------------------------------------------------------------------------ an excerpt's middle
async def test_an_excerpt_killed_right_after_a_middle_message_was_recorded_goes_on_from_the_next(
    crash_double: tuple[DiscordDouble, ClubLayout], tmp_path: Path
) -> None:
    """Killed with three of six messages out and recorded (test_crash35 kills before a record): the
    restart posts the fourth to the sixth, in order, none twice. Held already; kept as the guard for
    the "sent and recorded, next not sent" step no other test cuts at exactly."""
    double, layout = crash_double
    database = tmp_path / "club.sqlite3"
    first = Bot(double, layout, database, kill_at="bot.excerpts.store:record_sent@3:after:SIGKILL")
    await first.start()
    story_id = await add_story(double, layout, first, paragraphs=5)
    posting = command(double, layout, "excerpt post", story=str(story_id), chapter=1, channel=layout.general_channel)
    assert await first.died() == -signal.SIGKILL, first.log()
    assert len([m for m in channel_posts(double, layout) if not m.content.startswith("-# ")]) == 3
    second = Bot(double, layout, database)
    await second.start()
    await assert_resumed_post_once(double, layout, database, second, posting, paragraphs=5)


async def test_an_excerpt_whose_record_the_disk_refused_continues_once_there_is_room(
    crash_double: tuple[DiscordDouble, ClubLayout], tmp_path: Path
) -> None:
    """Discord took a message of the chapter, then the disk refused its record: the admin is told
    Dogear cannot save, and once the disk has room ``/excerpt post`` again continues the chapter from
    where it is in the channel, posting nothing twice."""
    double, layout = crash_double
    database = tmp_path / "club.sqlite3"
    bot = Bot(
        double, layout, database, log_through_pipe=True,
        stall_at="bot.excerpts.store:record_sent@3:before:3",  # Discord took the third; the record waits
    )  # fmt: skip
    await bot.start()
    story_id = await add_story(double, layout, bot, paragraphs=5)
    posting = command(double, layout, "excerpt post", story=str(story_id), chapter=1, channel=layout.general_channel)
    await wait_until(lambda: len(channel_posts(double, layout)) >= 3, lambda: f"three messages\n{bot.log()}")
    bot.disk_full()
    await wait_until(
        lambda: any(not m.content.startswith("Dogear is") for m in answers(double, posting)),
        lambda: f"the refusal told\n{bot.log()}\n{[m.content for m in answers(double, posting)]}",
        limit=20,
    )
    told = [m.content for m in answers(double, posting)]
    assert any("can't save right now" in t for t in told), told
    bot.disk_full(False)
    again = command(double, layout, "excerpt post", story=str(story_id), chapter=1, channel=layout.general_channel)
    await assert_resumed_post_once(double, layout, database, bot, again, paragraphs=5, limit=20)


async def test_a_reminder_posted_but_not_recorded_on_a_full_disk_is_recorded_not_sent_again(
    crash_double: tuple[DiscordDouble, ClubLayout], tmp_path: Path
) -> None:
    """As for a discussion: Discord took the reminder, the disk refused its record; once there is room
    the running bot finds it and records it, and the member's DM copy goes out then, once."""
    double, layout = crash_double
    database = tmp_path / "club.sqlite3"
    due = datetime.now(UTC) + timedelta(hours=1)
    await seed(database, layout, [due], remind=(timedelta(hours=1, seconds=5),), readers=1)
    db = await open_database(database)
    try:
        await set_reminder_prefs(db, layout.guild.id, layout.member.user.id, dm=True, off=None, now=datetime.now(UTC))
    finally:
        await db.close()
    bot = Bot(
        double, layout, database, log_through_pipe=True,
        stall_at="cogs.discussions.poster:DiscordPoster.post@1:after:4",  # Discord took it; the record waits
    )  # fmt: skip
    await bot.launch()
    await wait_until(lambda: bool(bot_posts(double, layout.text_channel.id)), lambda: f"the post\n{bot.log()}")
    bot.disk_full()
    await wait_until(
        lambda: any("could not save" in line and "looking for its post" in line for line in bot.log().splitlines()),
        lambda: f"the refusal\n{bot.log()}",
        limit=20,
    )
    bot.disk_full(False)
    await wait_until(
        lambda: rows(database, "SELECT state FROM discussion_reminders") == [("posted",)],
        lambda: f"the record\n{bot.log()}",
        limit=20,
    )
    await wait_until(lambda: bool(double.state.dms_to(layout.member.user)), lambda: f"the DM copy\n{bot.log()}")
    assert await bot.stop() == 0, bot.log()
    bot.assert_clean()
    assert len(bot_posts(double, layout.text_channel.id)) == 1
    assert len(double.state.dms_to(layout.member.user)) == 1
