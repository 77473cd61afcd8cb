"""Listings read only so far say so: a list cut at what was read must not look like all there is."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.discussions.agenda import AGENDA_LIMIT, render_agenda
from bot.discussions.compose import listing_page
from bot.discussions.store import Discussion, Upcoming

START = datetime(2030, 1, 1, tzinfo=UTC)


def _discussion(number: int, state: str) -> Discussion:
    return Discussion(
        id=number, guild_id=1, story_id=1, story_title="Gull Point", chapter=1, due_at=START + timedelta(hours=number),
        channel_id=5, channel_explicit=False, remind=(), state=state, failure=None, nonce=None, attempts=0,
        posted_channel_id=None, message_id=None, thread_id=None, event_id=None, created_by=7, story_chapters=3,
    )  # fmt: skip


def test_discussion_list_says_when_a_kind_was_read_only_to_its_limit() -> None:
    found = [_discussion(n, "scheduled") for n in range(1, 4)] + [_discussion(n, "failed") for n in range(4, 6)]
    assert "**Upcoming** (the soonest 3; later ones show as these post)" in listing_page(found, most=3).text
    assert "**Failed or missed** (the latest 2)" in listing_page(found, most=2).text
    whole = listing_page(found, most=10).text
    assert "**Upcoming**\n" in whole and "soonest" not in whole and "latest" not in whole


def test_schedule_says_when_it_shows_only_the_soonest() -> None:
    def upcoming(count: int) -> list[Upcoming]:
        return [Upcoming(n, 1, "Gull Point", 1, START + timedelta(hours=n), 0, 3) for n in range(count)]

    assert f"(the soonest {AGENDA_LIMIT:,})" in render_agenda(None, upcoming(AGENDA_LIMIT))
    assert "soonest" not in render_agenda(None, upcoming(3))
