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
from bot.devtools.double.models import Message
from bot.devtools.double.state import ClubLayout
from bot.devtools.driver import build_command_data
from tests.process.crash_kit import Bot, rows
from tests.process.test_crash35 import add_story, bot_posts, live_events
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


# ------------------------------------------------------------------------------------ a native poll
def as_member(double: DiscordDouble, layout: ClubLayout, member: object, name: str, **options: object) -> None:
    record = double.state.new_interaction(
        type=2, guild=layout.guild, channel=layout.text_channel, user=member.user,  # type: ignore[attr-defined]
        data=build_command_data(
            double.state, layout.guild, name, member, layout.text_channel, None, dict(options),  # type: ignore[arg-type]
            autocomplete=None,  # type: ignore[arg-type]
        ),
    )  # fmt: skip
    double.dispatch_interaction(record)


def polls(double: DiscordDouble, layout: ClubLayout) -> list[Message]:
    return [m for m in bot_posts(double, layout.text_channel.id) if m.poll is not None]


def vote_round(database: Path) -> tuple:
    [found] = rows(database, "SELECT state, message_id FROM nomination_rounds ORDER BY id DESC LIMIT 1")
    return found


async def nominated(double: DiscordDouble, layout: ClubLayout, database: Path, bot: Bot) -> None:
    """Two nominations, the club channel set: ready for ``/vote start``."""
    command(double, layout, "config set", club_channel=layout.text_channel)
    as_member(double, layout, layout.member, "nominate", title="The Dispossessed")
    as_member(double, layout, layout.other_member, "nominate", title="Kindred")
    await wait_until(lambda: len(rows(database, "SELECT 1 FROM nominations")) == 2, bot.log)
    await wait_until(lambda: bool(rows(database, "SELECT 1 FROM guild_settings WHERE club_channel_id")), bot.log)


async def test_a_poll_posted_just_before_a_kill_is_recorded_at_the_restart(
    crash_double: tuple[DiscordDouble, ClubLayout], tmp_path: Path
) -> None:
    """Killed between Discord posting the poll and the round's write: the poll ran with nothing
    watching it (its end announced nothing) until an admin happened to run /vote start again."""
    double, layout = crash_double
    database = tmp_path / "club.sqlite3"
    first = Bot(double, layout, database, kill_at="cogs.nominations.poller:DiscordPoller.post_poll@1:after:SIGKILL")
    await first.start()
    await nominated(double, layout, database, first)
    command(double, layout, "vote start", hours=1)
    assert await first.died() == -signal.SIGKILL, first.log()
    [poll] = polls(double, layout)
    assert vote_round(database)[0] == "open"
    second = Bot(double, layout, database)
    await second.start()
    await wait_until(
        lambda: vote_round(database) == ("voting", poll.id), lambda: f"the recovery\n{second.log()}", limit=20
    )
    assert await second.stop() == 0, second.log()
    second.assert_clean()
    assert [m.id for m in polls(double, layout)] == [poll.id]
    assert rows(database, "SELECT count(*) FROM nominations WHERE answer_id IS NOT NULL") == [(2,)]


async def test_a_vote_end_cut_off_after_the_poll_ended_is_announced_at_the_restart(
    crash_double: tuple[DiscordDouble, ClubLayout], tmp_path: Path
) -> None:
    """Killed after Discord ended the poll and before its result was recorded: Discord's end event
    came while the bot was down, so the result waited for the poll's planned end (up to days)."""
    double, layout = crash_double
    database = tmp_path / "club.sqlite3"
    first = Bot(double, layout, database, kill_at="cogs.nominations.poller:DiscordPoller.end_poll@1:after:SIGKILL")
    await first.start()
    await nominated(double, layout, database, first)
    command(double, layout, "vote start", hours=48)
    await wait_until(lambda: vote_round(database)[0] == "voting", first.log)
    command(double, layout, "vote end")
    assert await first.died() == -signal.SIGKILL, first.log()
    assert vote_round(database)[0] == "voting"
    second = Bot(double, layout, database)
    await second.start()
    await wait_until(lambda: vote_round(database)[0] == "announced", lambda: f"the result\n{second.log()}", limit=20)
    assert await second.stop() == 0, second.log()
    second.assert_clean()
    results = [m for m in bot_posts(double, layout.text_channel.id) if "The vote" in m.content]
    assert len(results) == 1, [m.content for m in bot_posts(double, layout.text_channel.id)]


# ------------------------------------------------------------------------------- a report owed a post
async def test_a_report_post_cut_off_by_a_kill_is_posted_once_soon_after_the_restart(
    crash_double: tuple[DiscordDouble, ClubLayout], tmp_path: Path
) -> None:
    """Killed before a member's report reached the moderation channel: the post was owed (kept), but
    the restarted bot left it until its retry time, a minute after the kill's try, so moderators
    waited that minute more (and longer after a longer outage's first retries)."""
    double, layout = crash_double
    database = tmp_path / "club.sqlite3"
    first = Bot(double, layout, database, kill_at="cogs.warnings.reports:ModChannel.post_report@1:before:SIGKILL")
    await first.start()
    story_id = await add_story(double, layout, first)
    command(double, layout, "config set", mod_channel=layout.general_channel)
    await wait_until(lambda: bool(rows(database, "SELECT 1 FROM guild_settings WHERE mod_channel_id")), first.log)
    as_member(double, layout, layout.member, "warnings report", story=str(story_id), chapter=1, warning="vomit")
    assert await first.died() == -signal.SIGKILL, first.log()
    assert rows(database, "SELECT state FROM report_posts") == [("pending",)]
    second = Bot(double, layout, database)
    await second.start()
    await wait_until(
        lambda: rows(database, "SELECT state FROM report_posts") == [("posted",)],
        lambda: f"the report's post\n{second.log()}",
        limit=20,
    )
    assert await second.stop() == 0, second.log()
    second.assert_clean()
    posted = [m for m in bot_posts(double, layout.general_channel.id) if "Warning report #" in m.content]
    assert len(posted) == 1, [m.content for m in bot_posts(double, layout.general_channel.id)]
