"""A worker of a running ``dogear run`` killed with SIGKILL, as the kernel's OOM killer does
(session 40): in the middle of reading an upload, and while it waits idle.

The member whose upload it was reading gets a refusal saying what to do, not an error; and either
way the next upload is read by a new worker. Killed idle, a worker used to break the pool for good
(pebble's "All workers expired"): every later upload, scan and render failed until a restart.
"""

from __future__ import annotations

import os
import signal
from pathlib import Path

from bot.devtools.double import DiscordDouble
from bot.devtools.double.state import ClubLayout
from tests.process.crash_kit import Bot, rows
from tests.process.test_crash35 import story_file
from tests.process.test_crash_s38 import long_story, stat, workers_of
from tests.process.test_post_crash import answers, command, crash_double
from tests.waiting import wait_until

__all__ = ["crash_double"]


async def added(double: DiscordDouble, layout: ClubLayout, bot: Bot, file: tuple[str, bytes]) -> str:
    asked = command(double, layout, "story add", file=file)
    await wait_until(lambda: bool(answers(double, asked)), lambda: f"/story add to answer\n{bot.log()}")
    answer = answers(double, asked)[-1]
    assert answer.ephemeral, answer.content
    return answer.content


async def test_a_worker_killed_while_idle_leaves_the_next_upload_read(
    crash_double: tuple[DiscordDouble, ClubLayout], tmp_path: Path
) -> None:
    double, layout = crash_double
    database = tmp_path / "club.sqlite3"
    bot = Bot(double, layout, database)
    await bot.start()
    assert "Added" in await added(double, layout, bot, story_file(2))
    workers = workers_of(bot, database)
    assert workers, bot.log()
    for pid in workers:  # every worker, as when the fork server goes: none left to take the task
        os.kill(pid, signal.SIGKILL)
    await wait_until(lambda: all(stat(pid) is None for pid in workers), "the workers' end")
    told = await added(double, layout, bot, ("other.txt", b"Title: The Other Tide\n\nIt came in.\n\nIt went out.\n"))
    assert "Added" in told, f"{told}\n{bot.log()}"
    assert await bot.stop() == 0, bot.log()
    bot.assert_clean()
    assert [title for (title,) in rows(database, "SELECT title FROM stories ORDER BY id")] == [
        "The Cut Tide",
        "The Other Tide",
    ]


async def test_a_worker_killed_while_reading_an_upload_answers_the_member_and_the_next_one_is_read(
    crash_double: tuple[DiscordDouble, ClubLayout], tmp_path: Path
) -> None:
    double, layout = crash_double
    database = tmp_path / "club.sqlite3"
    bot = Bot(double, layout, database)
    await bot.start()
    assert "Added" in await added(double, layout, bot, story_file(2))
    before = {pid: found[2] for pid in workers_of(bot, database) if (found := stat(pid)) is not None}
    asked = command(double, layout, "story add", file=long_story())
    busy: list[int] = []

    def reading() -> bool:
        """A worker that has spent a quarter of a second more CPU since the upload: at work on it."""
        for pid in workers_of(bot, database):
            found = stat(pid)
            if found is not None and found[2] - before.get(pid, 0.0) > 0.25:
                busy.append(pid)
                return True
        return bool(answers(double, asked))

    await wait_until(reading, lambda: f"a worker reading the upload\n{bot.log()}")
    assert busy, "the upload was read before a worker was seen at it"
    os.kill(busy[0], signal.SIGKILL)
    await wait_until(lambda: bool(answers(double, asked)), lambda: f"/story add to answer\n{bot.log()}")
    told = answers(double, asked)[-1]
    assert told.ephemeral and "so I stopped it" in told.content, told.content
    assert "Added" in await added(double, layout, bot, ("other.txt", b"Title: The Other Tide\n\nIt came in.\n"))
    assert await bot.stop() == 0, bot.log()
    bot.assert_clean()
