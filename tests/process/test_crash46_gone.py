"""A story removed while a real ``dogear run`` posts one of its discussions (session 46).

In process: ``/story remove`` pressed while the discussion's message is with Discord, its record not
yet written (a stall there, ``DOGEAR_STALL_AT``). And across a crash: the bot killed between the
message and its record, the story removed meanwhile by another process on the database (a second
shard's, or the admin's next command there), then a start. Either way: no thread, nothing owed or
retried, no traceback, and a clean stop."""

from __future__ import annotations

import signal
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.db import open_database
from bot.devtools.double import DiscordDouble
from bot.devtools.double.state import ClubLayout
from bot.story.service import remove_story
from tests.process.crash_kit import Bot, rows
from tests.process.test_crash35 import bot_posts, press, seed, threads_of
from tests.process.test_post_crash import answers, command, crash_double
from tests.waiting import wait_until

__all__ = ["crash_double"]

OWED = (
    "SELECT (SELECT count(*) FROM discussions) + (SELECT count(*) FROM discussion_joins_owed)"
    " + (SELECT count(*) FROM discussion_event_ends) + (SELECT count(*) FROM discussion_notices_owed)"
)


def nothing_left(database: Path) -> None:
    assert rows(database, OWED) == [(0,)]
    assert rows(database, "SELECT count(*) FROM stories") == [(0,)]


async def test_story_remove_pressed_while_a_discussion_posts_stops_it_after_its_message(
    crash_double: tuple[DiscordDouble, ClubLayout], tmp_path: Path
) -> None:
    double, layout = crash_double
    database = tmp_path / "club.sqlite3"
    story_id = await seed(database, layout, [datetime.now(UTC) + timedelta(seconds=4)])
    bot = Bot(double, layout, database, stall_at="cogs.discussions.poster:DiscordPoster.post@1:after:3")
    await bot.start()
    await wait_until(lambda: bool(bot_posts(double, layout.text_channel.id)), lambda: f"the post\n{bot.log()}")
    asked = command(double, layout, "story remove", story=str(story_id))
    await wait_until(lambda: bool(answers(double, asked)), lambda: f"/story remove\n{bot.log()}")
    press(double, layout, answers(double, asked)[-1], "Remove")
    await wait_until(lambda: "was removed while it was being posted" in bot.log(), lambda: f"the stop\n{bot.log()}")
    assert await bot.stop() == 0, bot.log()
    bot.assert_clean()
    assert len(bot_posts(double, layout.text_channel.id)) == 1 and threads_of(double, layout) == []
    nothing_left(database)


async def test_a_discussion_killed_after_its_message_whose_story_goes_meanwhile_is_not_taken_up_again(
    crash_double: tuple[DiscordDouble, ClubLayout], tmp_path: Path
) -> None:
    double, layout = crash_double
    database = tmp_path / "club.sqlite3"
    story_id = await seed(database, layout, [datetime.now(UTC) - timedelta(seconds=5)])
    first = Bot(double, layout, database, kill_at="bot.discussions.store:record_discussion_message@1:before:SIGKILL")
    await first.launch()
    assert await first.died() == -signal.SIGKILL, first.log()
    assert rows(database, "SELECT state FROM discussions") == [("posting",)]
    other = await open_database(database)  # another process on the database removes the story
    try:
        assert (await remove_story(other, layout.guild.id, story_id))[0]
    finally:
        await other.close()
    second = Bot(double, layout, database)
    await second.start()
    await wait_until(lambda: "connected as" in second.log(), second.log)
    assert await second.stop() == 0, second.log()
    second.assert_clean()
    assert len(bot_posts(double, layout.text_channel.id)) == 1 and threads_of(double, layout) == []
    nothing_left(database)
