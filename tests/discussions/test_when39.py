"""Session 39: times as European members write them, "20h30", "tomorrow 20h", "25.12.", and the
answer to a time written so it reads two ways ("20h" alone) or without its colon ("1900")."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.discussions.when import parse_when
from bot.errors import UserError

NOW = datetime(2026, 12, 4, 12, 0, tzinfo=UTC)  # a Friday


@pytest.mark.parametrize(
    "typed, meant",
    [
        ("tomorrow 20h", datetime(2026, 12, 5, 20, 0, tzinfo=UTC)),
        ("20h30", datetime(2026, 12, 4, 20, 30, tzinfo=UTC)),
        ("sat 9h15", datetime(2026, 12, 5, 9, 15, tzinfo=UTC)),
        ("Saturday at 20h", datetime(2026, 12, 5, 20, 0, tzinfo=UTC)),
        ("25.12. 19:00", datetime(2026, 12, 25, 19, 0, tzinfo=UTC)),
        ("25.12. 20h", datetime(2026, 12, 25, 20, 0, tzinfo=UTC)),
        ("25.12.2026 19:00", datetime(2026, 12, 25, 19, 0, tzinfo=UTC)),  # as before
        ("20.30", datetime(2026, 12, 4, 20, 30, tzinfo=UTC)),  # a time, as before
    ],
)
def test_the_24_hour_clock_written_with_h_and_a_date_with_its_closing_stop(typed: str, meant: datetime) -> None:
    assert parse_when(typed, now=NOW) == meant


@pytest.mark.parametrize(
    "typed, answer",
    [
        (
            "20h",
            "“20h” could be a time of day or hours from now: write `20:00` for the time of day or `in 20h` for 20 hours from now.",
        ),
        ("1h", "write `01:00` for the time of day or `in 1h` for 1 hour from now."),
        ("30h", "write `in 30h` for 30 hours from now."),
        ("1900", "Write the time “1900” with a colon: “19\\:00”."),
        ("tomorrow 0730", "Write the time “0730” with a colon: “07\\:30”."),
        ("tomorrow 25h", "I can't read “25h” as a time of day: hours go up to 23"),
    ],
)
def test_a_time_that_reads_two_ways_or_lacks_its_colon_is_answered_with_the_fix(typed: str, answer: str) -> None:
    with pytest.raises(UserError) as refused:
        parse_when(typed, now=NOW)
    assert answer in str(refused.value), str(refused.value)


@pytest.mark.parametrize("typed", ["yesterday", "Yesterday", "2 Dec", "2026-12-01"])
def test_a_day_already_past_without_a_time_is_not_asked_for_its_time(typed: str) -> None:
    """ "Add a time of day, e.g. “yesterday 19:00”" led the admin to a time refused as past."""
    with pytest.raises(UserError) as refused:
        parse_when(typed, now=NOW)
    said = str(refused.value)
    assert "in the past" in said and "19:00”" not in said, said


@pytest.mark.parametrize(
    "typed, meant",
    [
        ("Saturday 8pm!", datetime(2026, 12, 5, 20, 0, tzinfo=UTC)),
        ("Saturday @ 8pm", datetime(2026, 12, 5, 20, 0, tzinfo=UTC)),
        ("sat 20:00h", datetime(2026, 12, 5, 20, 0, tzinfo=UTC)),
        ("tomorrow 20:00 Uhr", datetime(2026, 12, 5, 20, 0, tzinfo=UTC)),
        ("12. Dec 20:00", datetime(2026, 12, 12, 20, 0, tzinfo=UTC)),
        ("on the 12th at 8pm", datetime(2026, 12, 12, 20, 0, tzinfo=UTC)),
        ("the 3rd 8pm", datetime(2027, 1, 3, 20, 0, tzinfo=UTC)),  # passed this month: the next month's
        ("friday the 11th 8pm", datetime(2026, 12, 11, 20, 0, tzinfo=UTC)),
        ("tomorrow 8pm server time", datetime(2026, 12, 5, 20, 0, tzinfo=UTC)),
    ],
)
def test_times_written_as_people_write_them_in_a_chat(typed: str, meant: datetime) -> None:
    assert parse_when(typed, now=NOW) == meant


@pytest.mark.parametrize(
    "typed, answer",
    [
        ("tomorrow 8pm New York", "did you mean America/New_York?"),
        ("tomorrow 8pm London time", "“London” is not a time zone I know; did you mean Europe/London?"),
        ("monday the 11th 8pm", "Friday 11 December 2026 is a Friday, not a Monday."),
        ("the 32nd 8pm", "“32nd” is not a day of a month"),
    ],
)
def test_a_place_or_a_day_of_the_month_that_does_not_fit_is_answered_with_the_fix(typed: str, answer: str) -> None:
    with pytest.raises(UserError) as refused:
        parse_when(typed, now=NOW)
    assert answer in str(refused.value), str(refused.value)
