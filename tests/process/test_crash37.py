"""Crashes between Discord's answer and our record of it, and what the restarted bot does about them.

As in test_crash35, each test kills ``dogear run`` at a named step (:mod:`tests.process.crash_kit`)
and starts it again on the same database: nothing Discord made for Dogear is left behind unknown
(an event, a poll), and nothing owed is forgotten.
"""

from __future__ import annotations

import signal
from pathlib import Path

import pytest

from bot.devtools.double import DiscordDouble
from bot.devtools.double.state import ClubLayout
from tests.process.crash_kit import Bot, rows
from tests.process.test_crash35 import add_story, live_events
from tests.process.test_post_crash import command, crash_double
from tests.waiting import wait_until

__all__ = ["crash_double"]  # the fixture, shared with test_post_crash as test_crash35 shares it


# ---------------------------------------------------------------------------- a discussion's event
EVENT_POINTS = {
    # Discord made the event; the discussion was never stored: the event is an orphan, deleted.
    "created-unrecorded": ("cogs.discussions.events:ScheduledEvents.create@1:after", 0),
    # The discussion was stored with its event; only the intent's settling was cut off: kept.
    "stored-unsettled": ("bot.discussions.store:event_creation_settled@1:before", 1),
}


@pytest.mark.parametrize("point", list(EVENT_POINTS))
async def test_an_event_created_just_before_a_kill_is_kept_only_if_its_discussion_was_stored(
    crash_double: tuple[DiscordDouble, ClubLayout], tmp_path: Path, point: str
) -> None:
    """Killed between Discord creating "chapter 1 discussion" and the discussion's write, the event
    stayed in every member's Events list for a discussion that never existed, and nothing knew of it."""
    double, layout = crash_double
    database = tmp_path / "club.sqlite3"
    where, kept = EVENT_POINTS[point]
    first = Bot(double, layout, database, kill_at=f"{where}:SIGKILL")
    await first.start()
    story_id = await add_story(double, layout, first)
    command(double, layout, "discussion schedule", story=str(story_id), chapter=1, when="in 3 days", event=True)
    assert await first.died() == -signal.SIGKILL, first.log()
    assert len(live_events(double, layout)) == 1
    second = Bot(double, layout, database)
    await second.start()
    await wait_until(
        lambda: not rows(database, "SELECT 1 FROM event_creations"), lambda: f"the recovery\n{second.log()}"
    )
    await wait_until(lambda: not rows(database, "SELECT 1 FROM event_deletions_owed"), second.log, limit=20)
    assert await second.stop() == 0, second.log()
    second.assert_clean()
    events = live_events(double, layout)
    assert len(events) == kept, [e.name for e in events]
    assert [r[0] for r in rows(database, "SELECT event_id FROM discussions")] == [e.id for e in events]
