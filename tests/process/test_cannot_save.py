"""A real ``dogear run`` whose disk fills up (or whose database cannot be written) while members use it.

The disk is "filled" by setting the running bot's file size limit to 0 (``Bot.disk_full``): from
then on every write the process makes to a file fails, exactly as SQLite meets a full disk at its
next write or COMMIT, with nothing mocked. The member must learn, privately and in one sentence,
that Dogear cannot save right now; the log gets one line, not a traceback per command; nothing is
half-written; and once the disk has room again the next command works (a COMMIT that failed left
no transaction open behind it).
"""

from __future__ import annotations

import signal
from pathlib import Path

from bot.devtools.double import DiscordDouble
from bot.devtools.double.state import ClubLayout
from tests.process.crash_kit import Bot, rows
from tests.process.test_crash35 import story_file
from tests.process.test_post_crash import answers, command, crash_double
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
