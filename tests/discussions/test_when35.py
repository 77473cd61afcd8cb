"""Times written with an offset or as "now" (session 34's sweep left them with the generic answer).

"friday 19:00 UTC+2" and "19:00 GMT-5" were "I can't read that" though both say exactly when; "now"
and "in 0 days" were unreadable, when the fix is only to ask for a moment ahead; "PST" and "UTC+2"
as the server's zone were "not a time zone I know" with no hint of the name to type.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.discussions.cadence import parse_every, plan_times
from bot.discussions.when import parse_when, read_when
from bot.errors import UserError
from bot.timezones import fixed_offset, validate_zone

NOW = datetime(2026, 12, 4, 12, 0, tzinfo=UTC)  # a Friday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("friday 19:00 UTC+2", datetime(2026, 12, 4, 17, 0, tzinfo=UTC)),
        ("19:00 GMT-5", datetime(2026, 12, 5, 0, 0, tzinfo=UTC)),
        ("19:00 UTC+05:30", datetime(2026, 12, 4, 13, 30, tzinfo=UTC)),
        ("19:00 UTC +2", datetime(2026, 12, 4, 17, 0, tzinfo=UTC)),
        ("tomorrow 7pm utc\u22123", datetime(2026, 12, 5, 22, 0, tzinfo=UTC)),
        ("Dec 6 19:00 +02:00", datetime(2026, 12, 6, 17, 0, tzinfo=UTC)),
    ],
)
def test_a_time_with_an_offset_is_that_offsets_time(text: str, expected: datetime) -> None:
    assert parse_when(text, now=NOW, default_zone="Europe/London") == expected


def test_a_plan_from_an_offset_keeps_it_every_week() -> None:
    """An offset has no summer time: a weekly plan stays 19:00 at UTC+2 across Europe's change in March."""
    first, zone = read_when("friday 19:00 UTC+2", now=NOW, default_zone="Europe/Berlin")
    times = plan_times(first, zone, parse_every("weekly"), 20)
    assert {moment.astimezone(timezone(timedelta(hours=2))).hour for moment in times} == {19}


@pytest.mark.parametrize("text", ["19:00 +2", "19:00 UTC+15", "19:00 UTC+02:10"])
def test_what_is_no_offset_stays_unreadable(text: str) -> None:
    """Guard: "+2" alone is no zone, and no one lives at UTC+15 or at ten past an hour."""
    with pytest.raises(UserError, match="can't read"):
        parse_when(text, now=NOW)


@pytest.mark.parametrize("text", ["now", "Right now", "ASAP", "immediately"])
def test_now_asks_for_a_moment_ahead(text: str) -> None:
    with pytest.raises(UserError, match=r"Give a time ahead .*`in 5 minutes`"):
        parse_when(text, now=NOW)


@pytest.mark.parametrize("text", ["in 0 days", "in 0 minutes", "in 0 weeks"])
def test_in_nothing_is_now(text: str) -> None:
    with pytest.raises(UserError, match=r"is now; give a time ahead"):
        parse_when(text, now=NOW)


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("UTC+2", "Etc/GMT-2 for UTC+02:00 all year"),
        ("GMT-5", "Etc/GMT+5 for UTC-05:00 all year"),
        ("UTC+05:30", "is an offset, not a zone"),
        ("PST", "did you mean America/Los_Angeles?"),
        ("cet", "did you mean Europe/Berlin?"),
    ],
)
def test_a_server_zone_given_as_an_offset_or_abbreviation_names_what_to_type(name: str, words: str) -> None:
    with pytest.raises(UserError) as raised:
        validate_zone(name)
    assert words in str(raised.value)


def test_zone_names_are_still_zones() -> None:
    """Guard: names and "utc" read as before."""
    assert [validate_zone(name) for name in ["europe/berlin", "utc", "Etc/GMT-2"]] == [
        "Europe/Berlin",
        "UTC",
        "Etc/GMT-2",
    ]


@given(st.integers(min_value=-12 * 4, max_value=14 * 4))
def test_every_quarter_hour_offset_reads_back(quarters: int) -> None:
    offset = timedelta(minutes=15 * quarters)
    sign = "-" if quarters < 0 else "+"
    hours, minutes = divmod(abs(quarters) * 15, 60)
    zone = fixed_offset(f"UTC{sign}{hours}:{minutes:02d}")
    assert zone is not None and zone.utcoffset(None) == offset
