"""Times admins wrote that were read without a word, or not at all: a wall-clock time the clocks skip,
a bare hour beside a part of the day, a small hour after "saturday night", a reminder written as a rate.

A discussion at 02:30 on the night the clocks go forward in Berlin is at 03:30, as the module's
docstring promises, and the answer now says so instead of shifting it silently.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.discussions.remind import parse_remind
from bot.discussions.when import read_when_noted
from bot.errors import UserError

BERLIN_SPRING = datetime(2026, 3, 27, 12, 0, tzinfo=UTC)  # the Friday before the clocks go forward


@pytest.mark.parametrize("text", ["2026-03-29 02:30", "sunday 2:30am", "Mar 29 02:30"])
def test_a_time_the_clocks_skip_is_moved_on_and_said(text: str) -> None:
    reading = read_when_noted(text, now=BERLIN_SPRING, default_zone="Europe/Berlin")
    assert reading.moment.astimezone(reading.zone).strftime("%Y-%m-%d %H:%M") == "2026-03-29 03:30"
    assert reading.note == (
        "02:30 does not exist on Sunday 29 March 2026 in Europe/Berlin (the clocks go forward); scheduled for 03:30."
    )


# "2026-10-25 02:30", which the clocks show twice, has a note of its own since session 45 (test_when45.py).
@pytest.mark.parametrize("text", ["2026-03-29 03:30", "sunday 1:59am", "2026-10-25 03:30", "in 2 days"])
def test_a_time_that_exists_has_no_note(text: str) -> None:
    assert read_when_noted(text, now=BERLIN_SPRING, default_zone="Europe/Berlin").note == ""


def test_a_skipped_time_in_a_zone_named_in_the_text_names_that_zone() -> None:
    reading = read_when_noted("2026-03-08 02:15 America/New_York", now=BERLIN_SPRING.replace(month=3, day=1))
    assert reading.note.startswith("02:15 does not exist on Sunday 8 March 2026 in America/New_York")
    assert reading.note.endswith("scheduled for 03:15.")


NOW = datetime(2026, 12, 4, 12, 0, tzinfo=UTC)  # a Friday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("saturday evening 7", datetime(2026, 12, 5, 19, 0, tzinfo=UTC)),
        ("saturday night 9", datetime(2026, 12, 5, 21, 0, tzinfo=UTC)),
        ("tomorrow evening 8", datetime(2026, 12, 5, 20, 0, tzinfo=UTC)),
        ("saturday evening 7:30", datetime(2026, 12, 5, 19, 30, tzinfo=UTC)),
        ("saturday afternoon 3", datetime(2026, 12, 5, 15, 0, tzinfo=UTC)),
        ("saturday morning 9", datetime(2026, 12, 5, 9, 0, tzinfo=UTC)),
        ("saturday evening 19:00", datetime(2026, 12, 5, 19, 0, tzinfo=UTC)),
    ],
)
def test_a_bare_hour_next_to_a_part_of_the_day_is_the_hour_in_that_part(text: str, expected: datetime) -> None:
    assert read_when_noted(text, now=NOW).moment == expected


@pytest.mark.parametrize(
    ("text", "expected", "said"),
    [
        ("saturday night 1am", datetime(2026, 12, 6, 1, 0, tzinfo=UTC), "Sunday 6 December 2026"),
        ("sat night 2:30am", datetime(2026, 12, 6, 2, 30, tzinfo=UTC), "Sunday 6 December 2026"),
        ("Dec 5 night 12am", datetime(2026, 12, 6, 0, 0, tzinfo=UTC), "Sunday 6 December 2026"),
        ("tomorrow night 1:30", datetime(2026, 12, 6, 1, 30, tzinfo=UTC), "Sunday 6 December 2026"),
    ],
)
def test_a_small_hour_after_a_night_is_the_next_day_and_the_answer_says_its_date(
    text: str, expected: datetime, said: str
) -> None:
    reading = read_when_noted(text, now=NOW)
    assert reading.moment == expected
    assert said in reading.note and "after midnight" in reading.note, reading.note


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("saturday morning 7pm", "not in the morning"),
        ("saturday evening 1am", "not in the evening"),
        ("saturday night 5am", "not in the night"),
        ("saturday evening 12", "not in the evening"),
    ],
)
def test_a_time_that_is_not_in_its_part_of_the_day_is_still_refused(text: str, why: str) -> None:
    with pytest.raises(UserError, match=why):
        read_when_noted(text, now=NOW)


@pytest.mark.parametrize("text", ["1 day a week", "2 hours a day", "1h an hour", "30 minutes a day, 1h"])
def test_a_reminder_written_as_a_rate_is_refused_as_unclear(text: str) -> None:
    with pytest.raises(UserError, match="unclear"):
        parse_remind(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a day, an hour", (timedelta(days=1), timedelta(hours=1))),
        ("two days and an hour", (timedelta(days=2), timedelta(hours=1))),
        ("half an hour", (timedelta(minutes=30),)),
        ("24h 1h", (timedelta(hours=24), timedelta(hours=1))),
    ],
)
def test_reminders_with_a_or_an_as_their_amount_stay_read(text: str, expected: tuple[timedelta, ...]) -> None:
    assert parse_remind(text) == expected
