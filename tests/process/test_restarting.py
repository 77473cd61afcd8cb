"""A deploy's SIGTERM while a member's command is still running (a long scan): the member is told.

The stop lets running commands finish for a few seconds while Discord is still open (test_crash35's
``/story add`` answered within them); one still running after that was cancelled and its member,
looking at "Dogear is thinking...", got nothing, then Discord's "The application did not respond".
"""

from __future__ import annotations

from pathlib import Path

from bot.devtools.double import DiscordDouble
from bot.devtools.double.state import ClubLayout
from tests.process.crash_kit import Bot, rows
from tests.process.test_crash35 import add_story, press, story_file
from tests.process.test_post_crash import answers, command, crash_double
from tests.waiting import wait_until

__all__ = ["crash_double"]  # the fixture, shared with test_post_crash as test_crash35 shares it


async def test_a_command_still_running_when_the_bot_stops_is_told_it_is_restarting(
    crash_double: tuple[DiscordDouble, ClubLayout], tmp_path: Path
) -> None:
    double, layout = crash_double
    database = tmp_path / "club.sqlite3"
    bot = Bot(
        double, layout, database,
        kill_at="bot.story.service:scan_upload@1:before:SIGTERM",
        stall_at="bot.story.service:scan_upload@1:before:60",  # far past the stop's wait for running commands
    )  # fmt: skip
    await bot.start()
    added = command(double, layout, "story add", file=story_file())
    assert await bot.died() == 0, bot.log()
    told = answers(double, added)
    assert [m.ephemeral for m in told] == [True], ([m.content for m in told], bot.log())
    assert told[0].content.startswith("Dogear is restarting"), told[0].content
    assert "try again in a minute" in told[0].content
    bot.assert_clean()
    assert rows(database, "SELECT count(*) FROM stories") == [(0,)]


async def test_a_button_press_still_running_when_the_bot_stops_is_told_it_is_restarting(
    crash_double: tuple[DiscordDouble, ClubLayout], tmp_path: Path
) -> None:
    """The same for a press (found since session 38 by Dogear's own list of what it is handling, not
    by discord.py's task names): "Remove" on /story remove, held in the removal when SIGTERM comes."""
    double, layout = crash_double
    database = tmp_path / "club.sqlite3"
    bot = Bot(
        double, layout, database,
        kill_at="bot.story.service:remove_story@1:before:SIGTERM",
        stall_at="bot.story.service:remove_story@1:before:60",
    )  # fmt: skip
    await bot.start()
    story_id = await add_story(double, layout, bot)
    asked = command(double, layout, "story remove", story=str(story_id))
    await wait_until(lambda: bool(answers(double, asked)), lambda: f"/story remove\n{bot.log()}")
    pressed = press(double, layout, answers(double, asked)[-1], "Remove")
    assert await bot.died() == 0, bot.log()
    told = [m for m in answers(double, pressed) if m.content.startswith("Dogear is restarting")]
    assert [m.ephemeral for m in told] == [True], ([m.content for m in answers(double, pressed)], bot.log())
    bot.assert_clean()
    assert rows(database, "SELECT count(*) FROM stories") == [(1,)]
