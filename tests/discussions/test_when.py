"""``when`` text, rhythms and reminder offsets: the forms the issue lists, DST edges, refusals."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.discussions.cadence import Cadence, parse_every, plan_chapters, plan_times
from bot.discussions.remind import DEFAULT_REMINDERS, describe_offset, parse_remind
from bot.discussions.when import localize, parse_when, read_when
from bot.errors import UserError

# Friday 2026-11-20, 10:00 UTC = 11:00 in Berlin.
NOW = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)
BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")


def berlin(text: str, now: datetime = NOW) -> datetime:
    return parse_when(text, now=now, default_zone="Europe/Berlin").astimezone(BERLIN)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-12-04 19:00", datetime(2026, 12, 4, 19, 0)),
        ("2026-12-04 at 7pm", datetime(2026, 12, 4, 19, 0)),
        ("tomorrow 7pm", datetime(2026, 11, 21, 19, 0)),
        ("Tomorrow at 7:30 PM", datetime(2026, 11, 21, 19, 30)),
        ("in 3 days", datetime(2026, 11, 23, 11, 0)),
        ("in 2 weeks", datetime(2026, 12, 4, 11, 0)),
        ("friday 19:00", datetime(2026, 11, 20, 19, 0)),  # today is Friday and 19:00 is ahead
        ("friday 10:00", datetime(2026, 11, 27, 10, 0)),  # today's 10:00 has passed
        ("next friday 19:00", datetime(2026, 11, 27, 19, 0)),
        ("mon 18:30", datetime(2026, 11, 23, 18, 30)),
        ("today 18:30", datetime(2026, 11, 20, 18, 30)),
        ("19:00", datetime(2026, 11, 20, 19, 0)),
        ("9:00", datetime(2026, 11, 21, 9, 0)),
        ("noon", datetime(2026, 11, 20, 12, 0)),
    ],
)
def test_forms_in_the_server_zone(text: str, expected: datetime) -> None:
    assert berlin(text).replace(tzinfo=None) == expected


def test_in_hours_is_elapsed_time() -> None:
    assert parse_when("in 90 minutes", now=NOW, default_zone="UTC") == NOW + timedelta(minutes=90)
    assert parse_when("in 2h", now=NOW, default_zone="UTC") == NOW + timedelta(hours=2)


@pytest.mark.parametrize(
    ("text", "expected_utc"),
    [
        ("friday 19:00 Europe/Berlin", datetime(2026, 11, 20, 18, 0, tzinfo=UTC)),
        ("friday 19:00 america/new_york", datetime(2026, 11, 21, 0, 0, tzinfo=UTC)),
        ("tomorrow 7pm UTC", datetime(2026, 11, 21, 19, 0, tzinfo=UTC)),
        ("2026-12-04T19:00Z", datetime(2026, 12, 4, 19, 0, tzinfo=UTC)),
        ("2026-12-04T19:00:00+01:00", datetime(2026, 12, 4, 18, 0, tzinfo=UTC)),
        ("2026-12-04 19:00 Asia/Tokyo", datetime(2026, 12, 4, 10, 0, tzinfo=UTC)),
    ],
)
def test_a_named_zone_or_offset_wins_over_the_server_zone(text: str, expected_utc: datetime) -> None:
    result = parse_when(text, now=NOW, default_zone="Europe/Berlin")
    assert result == expected_utc and result.tzinfo is UTC


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("", "Say when"),
        ("whenever", "can't read"),
        ("whenever it suits", "can't read"),
        ("yesterday 7pm", "in the past"),
        ("friday", "Add a time of day"),
        ("2026-12-04", "Add a time of day"),
        ("25:00", "can't read"),
        ("13pm", "can't read"),
        ("friday 7", "ambiguous"),
        ("2020-01-01 10:00", "in the past"),
        ("today 08:00", "in the past"),
        ("friday 19:00 Mars/Olympus", "not a time zone"),
        ("friday 19:00 Berlin", "not a time zone"),
        ("2031-01-01 10:00", "two years"),
    ],
)
def test_refusals_say_what_to_fix(text: str, fragment: str) -> None:
    with pytest.raises(UserError, match=fragment):
        parse_when(text, now=NOW, default_zone="Europe/Berlin")


def test_spring_gap_moves_forward_and_autumn_overlap_takes_the_first() -> None:
    gap = localize(datetime(2026, 3, 29, 2, 30), BERLIN)
    assert gap.astimezone(UTC) == datetime(2026, 3, 29, 1, 30, tzinfo=UTC)  # = 03:30 CEST
    assert gap.astimezone(BERLIN).hour == 3
    overlap = localize(datetime(2026, 10, 25, 2, 30), BERLIN)
    assert overlap.astimezone(UTC) == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)  # 02:30 CEST, the first
    ny_overlap = localize(datetime(2026, 11, 1, 1, 30), NEW_YORK)
    assert ny_overlap.astimezone(UTC) == datetime(2026, 11, 1, 5, 30, tzinfo=UTC)  # 01:30 EDT
    early = datetime(2026, 3, 1, tzinfo=UTC)
    assert parse_when("2026-03-29 02:30", now=early, default_zone="Europe/Berlin") == gap


def test_in_days_keeps_the_local_time_across_the_change() -> None:
    before = datetime(2026, 10, 23, 17, 0, tzinfo=UTC)  # 19:00 CEST
    after = berlin("in 3 days", now=before)
    assert (after.day, after.hour) == (26, 19)


@given(
    st.datetimes(min_value=datetime(2026, 1, 1), max_value=datetime(2027, 10, 31)),
    st.sampled_from(["Europe/Berlin", "America/New_York", "Asia/Kolkata", "Australia/Sydney", "UTC"]),
)
def test_iso_wall_times_round_trip_outside_gaps(wall: datetime, zone_name: str) -> None:
    zone = ZoneInfo(zone_name)
    wall = wall.replace(second=0, microsecond=0)
    now = datetime(2025, 12, 1, tzinfo=UTC)
    result = parse_when(f"{wall:%Y-%m-%d %H:%M} {zone_name}", now=now, default_zone="UTC")
    local = result.astimezone(zone)
    if localize(wall, zone).replace(tzinfo=None) == wall:  # not in a gap
        assert local.replace(tzinfo=None) == wall
    else:
        assert timedelta(0) < local.replace(tzinfo=None) - wall <= timedelta(hours=1)
    assert result.tzinfo is UTC


def test_rhythms() -> None:
    assert parse_every("daily") == Cadence(1)
    assert parse_every("Weekly") == Cadence(7)
    assert parse_every("3 days") == Cadence(3)
    assert parse_every("every 2 weeks") == Cadence(14)
    assert Cadence(7).describe() == "weekly"
    for bad in ("sometimes", "0 days", "400 days"):
        with pytest.raises(UserError):
            parse_every(bad)


def test_plan_keeps_local_wall_clock_and_covers_to_the_last_chapter() -> None:
    start = datetime(2026, 10, 18, 17, 0, tzinfo=UTC)  # Sunday 19:00 CEST
    times = plan_times(start, BERLIN, Cadence(7), 3)
    assert [t.astimezone(BERLIN).hour for t in times] == [19, 19, 19]
    assert [t.hour for t in times] == [17, 18, 18]
    assert list(plan_chapters(3, 5)) == [3, 4, 5]
    with pytest.raises(UserError, match="pick a chapter from 1 to 5"):
        plan_chapters(6, 5)


def test_remind_offsets() -> None:
    assert parse_remind(None) == DEFAULT_REMINDERS == (timedelta(hours=24), timedelta(hours=1))
    assert parse_remind("24h,1h,30m,2d") == (
        timedelta(days=2),
        timedelta(hours=24),
        timedelta(hours=1),
        timedelta(minutes=30),
    )
    assert parse_remind("none") == ()
    assert parse_remind("1h, 1h") == (timedelta(hours=1),)
    assert describe_offset(timedelta(hours=24)) == "1d" and describe_offset(timedelta(minutes=90)) == "90m"
    for bad, fragment in (
        ("soon", "can't read"),
        ("1m", "5 minutes to 14 days"),
        ("30d", "14 days"),
        ("1h,2h,3h,4h,5h,6h", "At most"),
    ):
        with pytest.raises(UserError, match=fragment):
            parse_remind(bad)


@pytest.mark.parametrize(
    "text", ["0001-01-01 00:00", "0001-01-01 00:00 Asia/Tokyo", "9999-12-31 23:59 America/New_York", "jan 1 0001 7pm"]
)
def test_dates_at_the_ends_of_the_calendar_are_refused_not_crashed(text: str) -> None:
    """Year 1 in a zone east of UTC once raised OverflowError: the admin read "Something went wrong"."""
    with pytest.raises(UserError) as refused:
        parse_when(text, now=NOW, default_zone="Europe/Berlin")
    assert "<t:-" not in str(refused.value) and "January 1," not in str(refused.value)


def test_a_bare_hour_suggests_only_times_that_exist() -> None:
    with pytest.raises(UserError) as refused:
        parse_when("friday 19", now=NOW, default_zone="UTC")
    assert "19\\:00" in str(refused.value) and "19pm" not in str(refused.value)


def test_a_plan_steps_on_the_clock_of_the_zone_its_start_names() -> None:
    """Berlin server, New York start: 19:00 in New York each week across New York's change (14 March 2027)."""
    start, zone = read_when("2027-03-05 19:00 America/New_York", now=NOW, default_zone="Europe/Berlin")
    times = plan_times(start, zone, Cadence(7), 4)
    assert [t.astimezone(NEW_YORK).hour for t in times] == [19, 19, 19, 19]
    assert read_when("friday 19:00", now=NOW, default_zone="Europe/Berlin")[1] == BERLIN


def test_more_rhythms_clubs_use() -> None:
    assert parse_every("every other day") == Cadence(2)
    assert parse_every("Every other week") == Cadence(14)
    weekdays = parse_every("weekdays")
    assert weekdays.describe() == "every weekday"
    thursday = datetime(2026, 10, 22, 17, 0, tzinfo=UTC)  # 19:00 in Berlin
    times = plan_times(thursday, BERLIN, weekdays, 5)
    assert [f"{t.astimezone(BERLIN):%a %H:%M}" for t in times] == [
        "Thu 19:00", "Fri 19:00", "Mon 19:00", "Tue 19:00", "Wed 19:00",
    ]  # fmt: skip


def test_reminders_written_with_spaced_units() -> None:
    """ "1 day, 2 hours" is how people write it; splitting on spaces refused "1" as a reminder."""
    both = (timedelta(days=1), timedelta(hours=2))
    assert parse_remind("1 day, 2 hours") == both
    assert parse_remind("1 day and 2 hours") == both
    assert parse_remind("24h 2h") == both
    assert parse_remind("1.5h") == (timedelta(minutes=90),)  # read whole in minutes since session 45
    with pytest.raises(UserError, match=r"1\.333h"):
        parse_remind("1.333h")  # no whole number of minutes: refused, as "1.5h" was, not read as 1 and 5h
