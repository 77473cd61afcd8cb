"""A plan's wall-clock dates around a daylight-saving gap (session 37, third round)."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from bot.discussions.cadence import Cadence, plan_times, plan_walls
from bot.discussions.remind import parse_remind
from bot.discussions.when import gap_note, read_when_noted
from bot.errors import UserError

BERLIN = ZoneInfo("Europe/Berlin")


def test_a_start_in_the_gap_keeps_the_time_typed_on_the_days_after() -> None:
    reading = read_when_noted("2027-03-28 02:30", now=datetime(2027, 3, 1, tzinfo=UTC), default_zone="Europe/Berlin")
    assert reading.wall == datetime(2027, 3, 28, 2, 30)
    walls = plan_walls(reading.moment, reading.zone, Cadence(1), 3, reading.wall)
    assert [f"{wall:%d %H:%M}" for wall in walls] == ["28 02:30", "29 02:30", "30 02:30"]
    times = plan_times(reading.moment, reading.zone, Cadence(1), 3, reading.wall)
    assert [f"{moment:%d %H:%M}" for moment in times] == ["28 01:30", "29 00:30", "30 00:30"]


def test_the_gap_note_is_said_only_for_a_time_the_clocks_skip() -> None:
    assert gap_note(datetime(2027, 3, 21, 2, 30), BERLIN) == ""
    note = gap_note(datetime(2027, 3, 28, 2, 30), BERLIN)
    assert note.startswith("02:30 does not exist on Sunday 28 March 2027 in Europe/Berlin") and "03:30" in note
    assert gap_note(datetime(2027, 3, 28, 2, 30), UTC) == ""


FRIDAY_NOON = datetime(2026, 12, 4, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("tonight 1am", datetime(2026, 12, 5, 1, 0, tzinfo=UTC)),
        ("tonight 02:30", datetime(2026, 12, 5, 2, 30, tzinfo=UTC)),
        ("tonite 3:45am", datetime(2026, 12, 5, 3, 45, tzinfo=UTC)),
        ("tonight night 1am", datetime(2026, 12, 5, 1, 0, tzinfo=UTC)),
    ],
)
def test_a_small_hour_tonight_is_after_midnight_and_the_answer_says_its_date(text: str, expected: datetime) -> None:
    reading = read_when_noted(text, now=FRIDAY_NOON)
    assert reading.moment == expected
    assert "after Friday night is after midnight, so on Saturday 5 December 2026." in reading.note, reading.note


@pytest.mark.parametrize("text", ["tonight 8:00", "tonight 5am", "tonight 11am"])
def test_a_morning_time_tonight_is_still_refused(text: str) -> None:
    with pytest.raises(UserError, match="tonight"):
        read_when_noted(text, now=FRIDAY_NOON)


@pytest.mark.parametrize(
    ("typed", "quoted"),
    [
        ("1 Day A Week", "“1 Day A Week” is unclear"),
        ("2 Hours a DAY", "“2 Hours a DAY” is unclear"),
        ("1h, Soonish", "I can't read “Soonish” as a reminder"),
        ("30 Days", "“30 Days” is not"),
    ],
)
def test_a_refused_reminder_is_quoted_as_typed(typed: str, quoted: str) -> None:
    with pytest.raises(UserError) as refused:
        parse_remind(typed)
    assert quoted in str(refused.value), str(refused.value)
