"""What only a real process shows: ``python -m bot`` started on a database an older release wrote.

The stored scans were made with other shipped rules. Without a member asking for anything, the
new process scans the stories again in the background, so the next header is ready at once.
"""

from __future__ import annotations

import json
import signal
import sqlite3
from pathlib import Path

from bot.devtools.double import DiscordDouble
from bot.devtools.double.state import ClubLayout
from tests.process.test_post_crash import BotProcess, answers, command, crash_double
from tests.waiting import wait_until

__all__ = ["crash_double"]  # the fixture, shared with the crash test

STORY = ("fall.txt", b"Title: The Fall\n\nThe old dog died in his sleep. The farmer buried him by the barn.\n")


def scans(database: Path) -> list[tuple[str, int]]:
    """Each stored scan's shipped-rules fingerprint and the chapter warnings it left."""
    with sqlite3.connect(database) as db:
        return db.execute(
            "SELECT s.defaults, (SELECT count(*) FROM chapter_warnings w WHERE w.story_id = s.story_id) "
            "FROM story_scans s"
        ).fetchall()


async def test_stories_scanned_by_an_older_release_are_scanned_again_after_the_upgrade(
    crash_double: tuple[DiscordDouble, ClubLayout], tmp_path: Path
) -> None:
    double, layout = crash_double
    database = tmp_path / "club.sqlite3"
    first = BotProcess(double, layout, database)
    await first.start()
    added = command(double, layout, "story add", file=STORY)
    await wait_until(lambda: bool(answers(double, added)), lambda: f"/story add to answer\n{first.log()}")
    assert "Added" in answers(double, added)[-1].content
    assert await first.stop(signal.SIGTERM) == 0, first.log()
    [(current, warned)] = scans(database)
    assert warned > 0

    # What an older release left: its own rules' fingerprint, and it found nothing.
    empty = {"title": "The Fall", "warnings": [], "unwarned": False, "declared_unmapped": [], "chapters": []}
    with sqlite3.connect(database) as db:
        db.execute("UPDATE story_scans SET defaults = 'an older release', report = ?", (json.dumps(empty),))
        db.execute("DELETE FROM chapter_warnings")
    assert scans(database) == [("an older release", 0)]

    second = BotProcess(double, layout, database)
    await second.start()
    await wait_until(lambda: "scanned 1 story again" in second.log(), lambda: f"the rescan\n{second.log()}")
    assert scans(database) == [(current, warned)]
    assert await second.stop(signal.SIGTERM) == 0, second.log()
    assert "Traceback" not in second.log(), second.log()
