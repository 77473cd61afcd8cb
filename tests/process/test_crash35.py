"""Crashes at exact points of a real ``dogear run``, and what members see after the restart.

Each test kills (SIGKILL: nothing of the process's own shutdown runs) or stops the bot at a
named step (:mod:`tests.process.crash_kit`), starts it again on the same database and checks the
promise members rely on: an excerpt in the channel once, complete and in order; a discussion
posted once with one thread; nothing a member reads twice or never.
"""

from __future__ import annotations

import asyncio
import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.db import open_database
from bot.devtools.double import DiscordDouble
from bot.devtools.double.limits import RateLimitRules
from bot.devtools.double.models import InteractionRecord, Message
from bot.devtools.double.state import ClubLayout
from bot.devtools.driver import build_command_data
from bot.discussions.store import NewDiscussion, create_discussions
from bot.progress.store import set_progress
from bot.story.model import Chapter, Scene, Story, StoryMeta
from bot.story.render import unrender
from bot.story.store import add_story as add_story_row
from tests.conftest import REPO_ROOT as PROJECT_ROOT
from tests.process.crash_kit import Bot, rows
from tests.process.test_post_crash import BotProcess, answers, channel_posts, command, crash_double, squash
from tests.waiting import HANG_LIMIT, wait_until

PARAGRAPHS = 8  # about one message each: 9 messages with the header
PARAGRAPH = "The tide came in and went out. " * 55

__all__ = ["crash_double"]  # the fixture, shared with test_post_crash as test_upgrade shares it


def story_file(paragraphs: int = PARAGRAPHS) -> tuple[str, bytes]:
    body = "\n\n".join(f"Paragraph {i}: {PARAGRAPH}" for i in range(paragraphs))
    return ("tide.txt", f"Title: The Cut Tide\n\n{body}\n".encode())


async def add_story(double: DiscordDouble, layout: ClubLayout, bot: Bot, paragraphs: int = PARAGRAPHS) -> int:
    added = command(double, layout, "story add", file=story_file(paragraphs))
    await wait_until(lambda: bool(answers(double, added)), lambda: f"/story add to answer\n{bot.log()}")
    text = answers(double, added)[-1].content
    assert "Added" in text, text
    return int(text.split("(story id ")[1].split(",")[0])


def assert_posted_once(
    double: DiscordDouble, layout: ClubLayout, database: Path, paragraphs: int = PARAGRAPHS
) -> list[Message]:
    """The chapter is in the channel exactly once, complete, in order, and recorded as done."""
    posted = [m for m in channel_posts(double, layout) if not m.content.startswith("-# ")]
    [(state, count, job_id)] = rows(database, "SELECT state, chunk_count, id FROM post_jobs")
    recorded = [
        r[0] for r in rows(database, "SELECT message_id FROM post_chunks WHERE job_id = ? ORDER BY position", (job_id,))
    ]
    assert (state, count) == ("done", paragraphs + 1), (state, count)
    assert [m.id for m in posted] == recorded, ([m.content[:40] for m in posted], recorded)
    assert [m.content.startswith("📖 **The Cut Tide**") for m in posted] == [True] + [False] * paragraphs
    expected = "\n\n".join(f"Paragraph {i}: {PARAGRAPH}".strip() for i in range(paragraphs))
    assert squash(unrender([{"content": m.content} for m in posted])) == squash(expected)
    assert posted[-1].components, "the buttons go on the last message"
    assert not any(m.components for m in posted[:-1])
    return posted


# ------------------------------------------------------------------------------------------- excerpts
POINTS = {
    # (where the process is killed, on which call, before or after it)
    "header-sent-unrecorded": ("bot.excerpts.store:record_sent", 1, "before"),
    "last-sent-unrecorded": ("bot.excerpts.store:record_sent", PARAGRAPHS + 1, "before"),
    "all-recorded-not-done": ("bot.excerpts.store:finish", 1, "before"),
}


@pytest.mark.parametrize("point", list(POINTS))
async def test_an_excerpt_killed_at_each_step_is_posted_once_after_the_restart(
    crash_double: tuple[DiscordDouble, ClubLayout], tmp_path: Path, point: str
) -> None:
    double, layout = crash_double
    database = tmp_path / "club.sqlite3"
    where, call, when = POINTS[point]
    first = Bot(double, layout, database, kill_at=f"{where}@{call}:{when}:SIGKILL")
    await first.start()
    story_id = await add_story(double, layout, first)
    posting = command(double, layout, "excerpt post", story=str(story_id), chapter=1, channel=layout.general_channel)
    assert await first.died() == -signal.SIGKILL, first.log()

    second = Bot(double, layout, database)
    await second.start()
    await assert_resumed_post_once(double, layout, database, second, posting)


async def test_an_excerpt_killed_twice_is_posted_once_after_the_second_restart(
    crash_double: tuple[DiscordDouble, ClubLayout], tmp_path: Path
) -> None:
    double, layout = crash_double
    database = tmp_path / "club.sqlite3"
    first = Bot(double, layout, database, kill_at="bot.excerpts.store:record_sent@3:before:SIGKILL")
    await first.start()
    story_id = await add_story(double, layout, first)
    posting = command(double, layout, "excerpt post", story=str(story_id), chapter=1, channel=layout.general_channel)
    assert await first.died() == -signal.SIGKILL, first.log()
    second = Bot(double, layout, database, kill_at="bot.excerpts.store:record_sent@3:before:SIGKILL")
    await second.launch()
    assert await second.died() == -signal.SIGKILL, second.log()
    third = Bot(double, layout, database)
    await third.start()
    await assert_resumed_post_once(double, layout, database, third, posting)


# ----------------------------------------------------------------------------------------- discussions
async def seed(
    database: Path, layout: ClubLayout, dues: list[datetime], *, remind: tuple[timedelta, ...] = (), readers: int = 2
) -> int:
    """A four-chapter story, discussions of chapters 1.. due at ``dues`` (a chapter is discussed once), two
    members who read it all."""
    story = Story(
        meta=StoryMeta(title="The Lamp at Gull Point"),
        chapters=[Chapter(n, None, [Scene([f"The lamp burned on, night {n}."])]) for n in (1, 2, 3, 4)],
        source_format="txt",
    )
    db = await open_database(database)
    try:
        digest = hashlib.sha256(b"crash35").hexdigest()
        story_id = await add_story_row(db, layout.guild.id, story, content_hash=digest, added_by=None, now=0.0)
        items = [
            NewDiscussion(
                story_id=story_id,
                chapter=index + 1,
                due_at=due,
                channel_id=layout.text_channel.id,
                channel_explicit=True,
                remind=remind,
                created_by=layout.admin.user.id,
            )
            for index, due in enumerate(dues)
        ]
        await create_discussions(db, layout.guild.id, items, now=datetime.now(UTC) - timedelta(days=1))
        for member in (layout.member, layout.other_member)[:readers]:
            await set_progress(db, layout.guild.id, member.user.id, story_id, 4)
    finally:
        await db.close()
    return story_id


def bot_posts(double: DiscordDouble, channel_id: int) -> list[Message]:
    state = double.state
    return [m for m in state.channel_history(channel_id) if m.author.id == state.bot_user.id]


def threads_of(double: DiscordDouble, layout: ClubLayout) -> list:
    return [c for c in layout.guild.live_channels() if c.is_thread]


def discussion_rows(database: Path) -> list[tuple]:
    return rows(database, "SELECT id, state, message_id, thread_id FROM discussions ORDER BY id")


DISCUSSION_POINTS = {
    "posted-unrecorded": "bot.discussions.store:record_discussion_message@1:before",
    "thread-opened-unrecorded": "cogs.discussions.poster:DiscordPoster.open_thread@1:after",
    "one-reader-added": "cogs.discussions.poster:DiscordPoster.add_to_thread@1:after",
}


async def assert_discussion_posted_once(double: DiscordDouble, layout: ClubLayout, database: Path, second: Bot) -> None:
    """After a restart: the discussion posted, one message and one thread holding both readers,
    nothing owed, and the second bot stopped cleanly."""
    await wait_until(lambda: discussion_rows(database)[0][1] != "posting", lambda: f"the post\n{second.log()}")
    await wait_until(lambda: not rows(database, "SELECT 1 FROM discussion_joins_owed"), "the joins", limit=10)
    assert await second.stop() == 0, second.log()
    second.assert_clean()
    [(_, state, message_id, thread_id)] = discussion_rows(database)
    posts = bot_posts(double, layout.text_channel.id)
    threads = threads_of(double, layout)
    assert state == "posted", second.log()
    assert [m.id for m in posts] == [message_id], [m.content for m in posts]
    assert [t.id for t in threads] == [thread_id], [t.name for t in threads]
    members = {m for m in threads[0].member_ids if m != double.state.bot_user.id}
    assert members == {layout.member.user.id, layout.other_member.user.id}


async def assert_resumed_post_once(
    double: DiscordDouble,
    layout: ClubLayout,
    database: Path,
    bot: Bot | BotProcess,
    posting: InteractionRecord,
    paragraphs: int = PARAGRAPHS,
    *,
    limit: float = HANG_LIMIT,
) -> list[str]:
    """The tail of every excerpt crash test: the post (resumed or continued) answers "Posted chapter 1"
    to ``posting``, ``bot`` then stops cleanly (exit 0, nothing bad in its log), the chapter is in the
    channel once, complete and in order (``assert_posted_once``), and the admin was told so once.
    Returns what ``posting`` was answered, for a test's own checks of it."""

    def told() -> list[str]:
        return [m.content for m in answers(double, posting)]

    await wait_until(
        lambda: any(t.startswith("Posted chapter 1") for t in told()),
        lambda: f"the post to finish\n{bot.log()}\n{told()}",
        limit=limit,
    )
    assert await bot.stop() == 0, bot.log()
    bot.assert_clean()
    assert_posted_once(double, layout, database, paragraphs)
    assert sum(t.startswith("Posted chapter 1") for t in told()) == 1, told()
    return told()


@pytest.mark.parametrize("point", list(DISCUSSION_POINTS))
async def test_a_discussion_killed_at_each_step_posts_once_with_one_thread(
    crash_double: tuple[DiscordDouble, ClubLayout], tmp_path: Path, point: str
) -> None:
    double, layout = crash_double
    database = tmp_path / "club.sqlite3"
    await seed(database, layout, [datetime.now(UTC) - timedelta(seconds=5)])
    first = Bot(double, layout, database, kill_at=f"{DISCUSSION_POINTS[point]}:SIGKILL")
    await first.launch()
    assert await first.died() == -signal.SIGKILL, first.log()
    second = Bot(double, layout, database)
    await second.start()
    await assert_discussion_posted_once(double, layout, database, second)


async def test_discussions_due_while_the_bot_was_down_post_once_each_in_order_after_a_kill(
    crash_double: tuple[DiscordDouble, ClubLayout], tmp_path: Path
) -> None:
    """Three discussions minutes overdue and one past the grace period; killed after posting the second
    (unrecorded): after the restart each is in the channel once, oldest first, with the lateness note,
    and the one past the grace is reported missed once."""
    double, layout = crash_double
    database = tmp_path / "club.sqlite3"
    now = datetime.now(UTC)
    dues = [
        now - timedelta(hours=10),
        now - timedelta(minutes=5),
        now - timedelta(minutes=4),
        now - timedelta(minutes=3),
    ]
    await seed(database, layout, dues)
    first = Bot(double, layout, database, kill_at="bot.discussions.store:record_discussion_message@2:before:SIGKILL")
    await first.launch()
    assert await first.died() == -signal.SIGKILL, first.log()
    second = Bot(double, layout, database)
    await second.start()
    await wait_until(lambda: all(r[1] not in ("scheduled", "posting") for r in discussion_rows(database)), second.log)
    await wait_until(lambda: not rows(database, "SELECT 1 FROM discussion_notices_owed"), "the missed notice", limit=10)
    assert await second.stop() == 0, second.log()
    second.assert_clean()
    states = discussion_rows(database)
    assert [s for _, s, _, _ in states] == ["missed", "posted", "posted", "posted"], states
    posts = bot_posts(double, layout.text_channel.id)
    discussions = [m for m in posts if m.embeds]
    assert [m.id for m in discussions] == [r[2] for r in states[1:]], [m.content for m in posts]
    assert all("Posted late" in str(m.embeds) or "Posted late" in m.content for m in discussions)
    missed = [m for m in posts if not m.embeds]
    assert len(missed) == 1, [m.content for m in missed]
    assert len(threads_of(double, layout)) == 3


async def test_a_reminder_killed_before_it_was_recorded_is_not_sent_again(
    crash_double: tuple[DiscordDouble, ClubLayout], tmp_path: Path
) -> None:
    double, layout = crash_double
    database = tmp_path / "club.sqlite3"
    due = datetime.now(UTC) + timedelta(hours=1)
    await seed(database, layout, [due], remind=(timedelta(hours=1, seconds=5),), readers=1)
    first = Bot(double, layout, database, kill_at="bot.discussions.store:mark_reminder@1:before:SIGKILL")
    await first.launch()
    assert await first.died() == -signal.SIGKILL, first.log()
    assert len(bot_posts(double, layout.text_channel.id)) == 1
    second = Bot(double, layout, database)
    await second.start()
    await wait_until(lambda: rows(database, "SELECT state FROM discussion_reminders") == [("posted",)], second.log)
    assert await second.stop() == 0, second.log()
    second.assert_clean()
    assert len(bot_posts(double, layout.text_channel.id)) == 1


async def test_sigterm_while_a_post_waits_out_a_rate_limit_stops_promptly_and_resumes_once(tmp_path: Path) -> None:
    double = DiscordDouble(rate_rules=RateLimitRules(time_scale=1.0), interaction_deadline=HANG_LIMIT)
    await double.start()
    try:
        layout = double.state.create_club_guild("Crash Club")
        database = tmp_path / "club.sqlite3"
        first = Bot(double, layout, database)
        await first.start()
        story_id = await add_story(double, layout, first)
        posting = command(
            double, layout, "excerpt post", story=str(story_id), chapter=1, channel=layout.general_channel
        )
        await wait_until(lambda: len(channel_posts(double, layout)) >= 5, first.log)  # the bucket (5 per 5 s) is spent
        await asyncio.sleep(0.3)  # waiting on the bucket's reset now
        started = time.monotonic()
        assert await first.stop() == 0, first.log()
        assert time.monotonic() - started < 3.0, first.log()
        first.assert_clean()
        second = Bot(double, layout, database)
        await second.start()
        await assert_resumed_post_once(double, layout, database, second, posting)
    finally:
        await double.stop()


async def test_two_processes_started_at_once_on_a_new_database_post_a_discussion_once(
    crash_double: tuple[DiscordDouble, ClubLayout], tmp_path: Path
) -> None:
    double, layout = crash_double
    database = tmp_path / "club.sqlite3"
    await seed(database, layout, [datetime.now(UTC) + timedelta(seconds=4)])
    bots = [Bot(double, layout, database), Bot(double, layout, database)]
    await asyncio.gather(*(bot.launch() for bot in bots))
    try:
        await wait_until(lambda: discussion_rows(database)[0][1] == "posted", lambda: bots[0].log() + bots[1].log())
        await asyncio.sleep(1.0)
        assert len(bot_posts(double, layout.text_channel.id)) == 1
        assert len(threads_of(double, layout)) == 1
        assert double.gateway.identifies == 1
    finally:
        codes = [await bot.stop() for bot in bots]
    assert codes == [0, 0], bots[0].log() + bots[1].log()
    for bot in bots:
        bot.assert_clean()


# ------------------------------------------------------------------------------- scheduled events owed
def press(double: DiscordDouble, layout: ClubLayout, message: Message, label: str) -> InteractionRecord:
    [button] = [c for row in message.components for c in row.get("components", []) if c.get("label") == label]
    record = double.state.new_interaction(
        type=3, guild=layout.guild, channel=double.state.channels[message.channel_id], user=layout.admin.user,
        data={"custom_id": button["custom_id"], "component_type": 2}, message=message,
    )  # fmt: skip
    double.dispatch_interaction(record)
    return record


def live_events(double: DiscordDouble, layout: ClubLayout) -> list:
    return [e for e in layout.guild.events.values() if not e.deleted]


async def schedule_with_event(double: DiscordDouble, layout: ClubLayout, bot: Bot, story_id: int) -> None:
    scheduled = command(
        double, layout, "discussion schedule", story=str(story_id), chapter=1, when="in 3 days", event=True
    )
    await wait_until(lambda: bool(answers(double, scheduled)), lambda: f"/discussion schedule\n{bot.log()}")
    assert "scheduled event was created" in answers(double, scheduled)[-1].content, answers(double, scheduled)[
        -1
    ].content
    assert len(live_events(double, layout)) == 1


@pytest.mark.parametrize("sent", ["SIGKILL"])
async def test_a_story_removed_just_before_a_kill_leaves_no_scheduled_event_behind(
    crash_double: tuple[DiscordDouble, ClubLayout], tmp_path: Path, sent: str
) -> None:
    """/story remove deletes the story and its discussions in one write and then their Discord events;
    a process stopped between the two left "chapter 1 discussion" in every member's Events list for a
    discussion that no longer exists, and nothing ever removed it."""
    double, layout = crash_double
    database = tmp_path / "club.sqlite3"
    first = Bot(double, layout, database, kill_at=f"bot.story.service:remove_story@1:after:{sent}")
    await first.start()
    story_id = await add_story(double, layout, first)
    await schedule_with_event(double, layout, first, story_id)
    asked = command(double, layout, "story remove", story=str(story_id))
    await wait_until(lambda: bool(answers(double, asked)), lambda: f"/story remove\n{first.log()}")
    press(double, layout, answers(double, asked)[-1], "Remove")
    await first.died()
    assert rows(database, "SELECT count(*) FROM stories") == [(0,)]
    second = Bot(double, layout, database)
    await second.start()
    await wait_until(lambda: not live_events(double, layout), lambda: f"the event deleted\n{second.log()}", limit=20)
    assert await second.stop() == 0, second.log()
    second.assert_clean()


async def test_a_discussion_cancelled_just_before_a_kill_leaves_no_scheduled_event_behind(
    crash_double: tuple[DiscordDouble, ClubLayout], tmp_path: Path
) -> None:
    double, layout = crash_double
    database = tmp_path / "club.sqlite3"
    first = Bot(double, layout, database, kill_at="bot.discussions.store:cancel_discussion@1:after:SIGKILL")
    await first.start()
    story_id = await add_story(double, layout, first)
    await schedule_with_event(double, layout, first, story_id)
    [(discussion_id,)] = rows(database, "SELECT id FROM discussions")
    command(double, layout, "discussion cancel", id=discussion_id)
    assert await first.died() == -signal.SIGKILL
    assert rows(database, "SELECT state FROM discussions") == [("cancelled",)]
    second = Bot(double, layout, database)
    await second.start()
    await wait_until(lambda: not live_events(double, layout), lambda: f"the event deleted\n{second.log()}", limit=20)
    assert await second.stop() == 0, second.log()
    second.assert_clean()


# ------------------------------------------------------------------------------------- the database file
def test_a_database_another_program_holds_a_write_on_is_one_line_and_status_1(tmp_path: Path) -> None:
    """A sqlite3 shell left in a transaction on the bot's file: the start failed after the busy
    timeout with "cannot be used as a database: database is locked" and status 2, which the
    service file reads as a setting to fix (it is never restarted): the bot stayed down after the
    shell let go. Now the line says another program holds it, and status 1 lets it be started again."""
    database = tmp_path / "dogear.sqlite3"
    asyncio.run(close_after_open(database))
    holder = sqlite3.connect(database, isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")
        holder.execute("CREATE TABLE held (n)")
        env = {
            k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "DEV_GUILD", "DATABASE_", "SHARD_"))
        }
        env.update(
            DATABASE_PATH=str(database), DISCORD_TOKEN="x.y.z", DISCORD_API_BASE="http://127.0.0.1:9/api/v10",
            PYTHONPATH=str(PROJECT_ROOT),
        )  # fmt: skip
        result = subprocess.run(
            [sys.executable, "-m", "bot", "run"], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120
        )
    finally:
        holder.rollback()
        holder.close()
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    [line] = [line for line in result.stderr.splitlines() if line.startswith("dogear: ")]
    assert line.startswith(f"dogear: {database} is locked: another program has held a write on it"), line


async def close_after_open(path: Path) -> None:
    await (await open_database(path)).close()


# ---------------------------------------------------------------------------------------------- a clean stop
async def test_sigterm_while_a_member_adds_a_story_lets_the_command_answer_first(
    crash_double: tuple[DiscordDouble, ClubLayout], tmp_path: Path
) -> None:
    """A deploy's SIGTERM while /story add was scanning: the bot closed Discord and then the database
    under the command, so the member's "Dogear is thinking..." never got an answer and the log had
    two tracebacks. Now a command already running finishes and answers first."""
    double, layout = crash_double
    database = tmp_path / "club.sqlite3"
    bot = Bot(double, layout, database, kill_at="bot.story.service:scan_upload@1:before:SIGTERM")
    await bot.start()
    added = command(double, layout, "story add", file=story_file())
    assert await bot.died() == 0, bot.log()
    told = [m.content for m in answers(double, added)]
    assert len(told) == 1 and "Added" in told[0], (told, bot.log())
    assert rows(database, "SELECT title FROM stories") == [("The Cut Tide",)]
    bot.assert_clean()
    assert "Session is closed" not in bot.log()


async def test_a_member_who_read_the_chapter_gets_into_its_thread_after_a_kill(
    crash_double: tuple[DiscordDouble, ClubLayout], tmp_path: Path
) -> None:
    """Killed while letting a member who had just caught up into the discussion's thread: the add was
    owed (kept), but the restarted bot left it until its first retry time, a minute after the step,
    so the member who read waited that minute more for the thread. Now the first round after a
    start takes what an earlier process owed at once."""
    double, layout = crash_double
    database = tmp_path / "club.sqlite3"
    story_id = await seed(database, layout, [datetime.now(UTC) - timedelta(seconds=5)], readers=1)
    first = Bot(
        double, layout, database, kill_at="cogs.discussions.poster:DiscordPoster.add_to_thread@2:before:SIGKILL"
    )
    await first.start()
    await wait_until(lambda: discussion_rows(database)[0][1] == "posted", first.log)
    record = double.state.new_interaction(
        type=2, guild=layout.guild, channel=layout.text_channel, user=layout.other_member.user,
        data=build_command_data(
            double.state, layout.guild, "progress set", layout.other_member, layout.text_channel, None,
            {"story": str(story_id), "chapter": 1}, autocomplete=None,  # type: ignore[arg-type]
        ),
    )  # fmt: skip
    double.dispatch_interaction(record)
    assert await first.died() == -signal.SIGKILL, first.log()
    second = Bot(double, layout, database)
    await second.start()
    [thread] = threads_of(double, layout)
    await wait_until(
        lambda: layout.other_member.user.id in thread.member_ids, lambda: f"the add\n{second.log()}", limit=20
    )
    # The add reaches Discord before its debt is settled: on a loaded machine a stop in between left the
    # row owed (a later start would add the member again, harmlessly), so the test waits for the settling.
    await wait_until(
        lambda: not rows(database, "SELECT 1 FROM discussion_joins_owed"), lambda: f"settled\n{second.log()}", limit=20
    )
    assert await second.stop() == 0
    second.assert_clean()
    assert rows(database, "SELECT count(*) FROM discussion_joins_owed") == [(0,)]


async def test_a_missed_notice_cut_off_by_a_kill_is_posted_once_soon_after_the_restart(
    crash_double: tuple[DiscordDouble, ClubLayout], tmp_path: Path
) -> None:
    """A discussion past its grace period is marked missed and its channel owed the notice; killed
    before the notice went out, the restarted bot posts it once, at once (it waited a minute)."""
    double, layout = crash_double
    database = tmp_path / "club.sqlite3"
    await seed(database, layout, [datetime.now(UTC) - timedelta(hours=10)])
    first = Bot(double, layout, database, kill_at="cogs.discussions.poster:DiscordPoster.post@1:before:SIGKILL")
    await first.launch()
    assert await first.died() == -signal.SIGKILL, first.log()
    assert rows(database, "SELECT count(*) FROM discussion_notices_owed") == [(1,)]
    second = Bot(double, layout, database)
    await second.start()
    await wait_until(
        lambda: not rows(database, "SELECT 1 FROM discussion_notices_owed"),
        lambda: f"the notice\n{second.log()}",
        limit=20,
    )
    assert await second.stop() == 0
    second.assert_clean()
    [notice] = bot_posts(double, layout.text_channel.id)
    assert "missed" in notice.content.lower() or "offline" in notice.content.lower(), notice.content
