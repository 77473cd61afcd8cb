"""Times as people write them (issue 14, point 2): the forms, the date order, refusals, and
properties across daylight-saving changes in several zones."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from bot.discussions.when import Ambiguous, localize, parse_when
from bot.errors import UserError

# Friday 2026-11-20, 10:00 UTC = 11:00 in Berlin.
NOW = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)
BERLIN = ZoneInfo("Europe/Berlin")


def berlin(text: str, *, date_order: str | None = None, now: datetime = NOW) -> datetime:
    result = parse_when(text, now=now, default_zone="Europe/Berlin", date_order=date_order)
    assert result.tzinfo is UTC
    return result.astimezone(BERLIN).replace(tzinfo=None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("today 7pm", datetime(2026, 11, 20, 19, 0)),
        ("tonight 8pm", datetime(2026, 11, 20, 20, 0)),
        ("tonight 20:30", datetime(2026, 11, 20, 20, 30)),
        ("tomorrow 7pm", datetime(2026, 11, 21, 19, 0)),
        ("sat 8pm", datetime(2026, 11, 21, 20, 0)),
        ("Sat 8 p.m.", datetime(2026, 11, 21, 20, 0)),
        ("saturday at 8 PM", datetime(2026, 11, 21, 20, 0)),
        ("next saturday 8pm", datetime(2026, 11, 21, 20, 0)),
        ("friday 7pm", datetime(2026, 11, 20, 19, 0)),
        ("next friday 7pm", datetime(2026, 11, 27, 19, 0)),
        ("next week friday 19:00", datetime(2026, 11, 27, 19, 0)),
        ("next week monday 19:00", datetime(2026, 11, 23, 19, 0)),
        ("friday next week 7pm", datetime(2026, 11, 27, 19, 0)),
        ("Dec 4 7pm", datetime(2026, 12, 4, 19, 0)),
        ("dec. 4, 7pm", datetime(2026, 12, 4, 19, 0)),
        ("4 December 19:00", datetime(2026, 12, 4, 19, 0)),
        ("4 December at 19:00", datetime(2026, 12, 4, 19, 0)),
        ("December 4th at 7:30pm", datetime(2026, 12, 4, 19, 30)),
        ("the 4th of December at 19:00", datetime(2026, 12, 4, 19, 0)),
        ("Fri Dec 4 7pm", datetime(2026, 12, 4, 19, 0)),
        ("on Saturday, December 5th at 8pm", datetime(2026, 12, 5, 20, 0)),
        ("Dec 4 2027 7pm", datetime(2027, 12, 4, 19, 0)),
        ("Jan 10 10:00", datetime(2027, 1, 10, 10, 0)),  # passed long ago this year: next January
        ("25/12 19:00", datetime(2026, 12, 25, 19, 0)),  # only one reading: no date order needed
        ("5/5 10:00", datetime(2027, 5, 5, 10, 0)),
        ("24.12.2026 18:00", datetime(2026, 12, 24, 18, 0)),
        ("in 2 weeks", datetime(2026, 12, 4, 11, 0)),
        ("noon", datetime(2026, 11, 20, 12, 0)),
        ("midnight", datetime(2026, 11, 21, 0, 0)),
        ("tonight midnight", datetime(2026, 11, 21, 0, 0)),
        ("tomorrow noon", datetime(2026, 11, 21, 12, 0)),
    ],
)
def test_forms_people_write(text: str, expected: datetime) -> None:
    assert berlin(text) == expected


def test_numeric_dates_follow_the_server_date_order() -> None:
    assert berlin("12/04 19:00", date_order="mdy") == datetime(2026, 12, 4, 19, 0)
    assert berlin("12/04 19:00", date_order="dmy") == datetime(2027, 4, 12, 19, 0)
    assert berlin("04/12/2026 7pm", date_order="dmy") == datetime(2026, 12, 4, 19, 0)
    assert berlin("12/04/26 7pm", date_order="mdy") == datetime(2026, 12, 4, 19, 0)
    with pytest.raises(UserError, match="only a date in day/month order"):
        berlin("25/12 19:00", date_order="mdy")


def test_an_ambiguous_numeric_date_without_a_date_order_shows_both_readings() -> None:
    with pytest.raises(Ambiguous) as refused:
        berlin("12/04 19:00")
    message = str(refused.value)
    assert "Monday 12 April 2027" in message and "Friday 4 December 2026" in message
    assert "`/config set date_order:` (day/month or month/day)" in message


@pytest.mark.parametrize(
    ("text", "read_as"),
    [
        ("yesterday 7pm", "Thursday 19 November 2026, 19:00 (Europe/Berlin)"),
        ("today 8am", "Friday 20 November 2026, 08:00 (Europe/Berlin)"),
        ("Nov 1 10:00", "Sunday 1 November 2026, 10:00 (Europe/Berlin)"),
        ("2026-11-20 09:00", "Friday 20 November 2026, 09:00 (Europe/Berlin)"),
        ("yesterday 7pm America/New_York", "Thursday 19 November 2026, 19:00 (America/New_York)"),
    ],
)
def test_a_past_time_is_refused_with_the_time_it_was_read_as(text: str, read_as: str) -> None:
    with pytest.raises(UserError, match="in the past") as refused:
        berlin(text)
    assert read_as in str(refused.value) and "<t:" in str(refused.value)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("lunch", "can't read"),
        ("whenever it suits", "can't read"),
        ("tomorrow friday 7pm", "can't read"),
        ("7pm 8pm", "two times"),
        ("Dec 4 Jan 5 7pm", "two months"),
        ("Dec 4 7", "ambiguous"),
        ("next week 7pm", "which day of next week"),
        ("Sat Dec 4 7pm", "is a Friday, not a Saturday"),
        ("Feb 30 10:00", "not a date"),
        ("13/13 10:00", "not a date"),
        ("tonight 8:00", "evening"),
        ("friday midnight", "two ways"),
        ("December 19:00", "Which day of December"),
        ("next week friday", "Add a time of day"),
    ],
)
def test_what_is_not_understood_is_refused_not_guessed(text: str, fragment: str) -> None:
    with pytest.raises(UserError, match=fragment):
        berlin(text)


def test_unreadable_text_gets_examples() -> None:
    with pytest.raises(UserError) as refused:
        berlin("after the meeting")
    assert "can't read" in str(refused.value) and "`sat 8pm`" in str(refused.value)


# --------------------------------------------------------------------------- properties

ZONES = ["Europe/Berlin", "America/New_York", "Australia/Sydney", "America/Santiago", "Asia/Kolkata", "UTC"]


def transitions(zone_name: str) -> list[date]:
    """Days in 2026-2027 on which the zone's UTC offset changes (none for Kolkata or UTC)."""
    zone = ZoneInfo(zone_name)
    days = []
    day = date(2026, 1, 1)
    while day < date(2028, 1, 1):
        before = datetime(day.year, day.month, day.day, tzinfo=zone).utcoffset()
        after = datetime.combine(day + timedelta(days=1), datetime.min.time(), zone).utcoffset()
        if before != after:
            days.append(day)
        day += timedelta(days=1)
    return days or [date(2026, 6, 1)]


TRANSITIONS = {zone: transitions(zone) for zone in ZONES}


@st.composite
def near_a_change(draw: st.DrawFn) -> tuple[str, datetime]:
    """A zone and a wall-clock time within two days of one of its daylight-saving changes."""
    zone_name = draw(st.sampled_from(ZONES))
    day = draw(st.sampled_from(TRANSITIONS[zone_name])) + timedelta(days=draw(st.integers(-2, 2)))
    minute = draw(st.integers(0, 24 * 60 - 1))
    return zone_name, datetime(day.year, day.month, day.day) + timedelta(minutes=minute)


def twelve_hour(wall: datetime) -> str:
    hour = wall.hour % 12 or 12
    return f"{hour}:{wall.minute:02d}{'am' if wall.hour < 12 else 'pm'}"


def ordinal(day: int) -> str:
    suffix = "th" if 10 <= day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


def phrasings(wall: datetime, today: date) -> list[tuple[str, str | None]]:
    """Many ways of writing ``wall`` (text, the date order it needs)."""
    hm, pm = f"{wall:%H:%M}", twelve_hour(wall)
    forms: list[tuple[str, str | None]] = [
        (f"{wall:%Y-%m-%d} {hm}", None),
        (f"{wall:%Y-%m-%d} at {pm}", None),
        (f"{wall:%b} {wall.day} {wall.year} {pm}", None),
        (f"{wall.day} {wall:%B} {wall.year} {hm}", None),
        (f"{wall:%B} {ordinal(wall.day)} {wall.year} at {pm}", None),
        (f"{wall:%a} {wall:%b} {wall.day} {wall.year} {hm}", None),
        (f"{wall.day:02d}/{wall.month:02d}/{wall.year} {hm}", "dmy"),
        (f"{wall.month}/{wall.day}/{wall.year} {pm}", "mdy"),
    ]
    ahead = (wall.date() - today).days
    if wall.year == today.year and ahead >= 0:
        forms += [(f"{wall:%b} {wall.day} {pm}", None), (f"{wall.day} {wall:%B} at {hm}", None)]
    if ahead == 0:
        forms.append((f"today {pm}", None))
    if ahead == 1:
        forms.append((f"tomorrow {hm}", None))
    if 0 < ahead < 7:
        forms.append((f"{wall:%A} {pm}", None))
    monday_next = today - timedelta(days=today.weekday()) + timedelta(days=7)
    if 0 <= (wall.date() - monday_next).days < 7:
        forms.append((f"next week {wall:%A} {hm}", None))
    return forms


@given(near_a_change(), st.integers(min_value=1, max_value=300 * 24 * 60))
def test_every_phrasing_round_trips_to_the_same_instant_across_dst(zoned: tuple[str, datetime], lead: int) -> None:
    zone_name, wall = zoned
    zone = ZoneInfo(zone_name)
    expected = localize(wall, zone).astimezone(UTC)
    now = expected - timedelta(minutes=lead)
    today = now.astimezone(zone).date()
    for text, order in phrasings(wall, today):
        in_server_zone = parse_when(text, now=now, default_zone=zone_name, date_order=order)
        named = parse_when(f"{text} {zone_name}", now=now, default_zone="Asia/Tokyo", date_order=order)
        assert in_server_zone == named == expected, text
    local = expected.astimezone(zone).replace(tzinfo=None)
    if localize(wall, zone).replace(tzinfo=None) == wall:  # outside a spring-forward gap: the same wall time
        assert local == wall
    else:  # inside the gap: moved forward by the gap, never back
        assert timedelta(0) < local - wall <= timedelta(hours=1)


@given(near_a_change(), st.integers(min_value=1, max_value=3 * 24 * 60))
def test_the_same_text_never_gives_two_instants(zoned: tuple[str, datetime], shift: int) -> None:
    """An absolute phrase means one instant, however long before it is typed (overlaps: the first)."""
    zone_name, wall = zoned
    expected = localize(wall, ZoneInfo(zone_name)).astimezone(UTC)
    text = f"{wall:%b} {wall.day} {wall.year} {twelve_hour(wall)}"
    early, later = expected - timedelta(days=30), expected - timedelta(minutes=shift)
    assume(later > early)
    assert parse_when(text, now=early, default_zone=zone_name) == parse_when(text, now=later, default_zone=zone_name)


WORDS = [
    "today", "tonight", "tomorrow", "yesterday", "next", "week", "friday", "sat", "dec", "december",
    "4", "4th", "2027", "12/04", "25/12", "7pm", "19:00", "7:30pm", "noon", "midnight", "at", "the", "of",
    "in", "3", "days", "lunch", "utc", "europe/berlin",
]  # fmt: skip


@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=5), st.sampled_from([None, "dmy", "mdy"]))
def test_any_phrase_is_an_instant_ahead_or_a_clear_refusal(words: list[str], order: str | None) -> None:
    text = " ".join(words)
    try:
        first = parse_when(text, now=NOW, default_zone="Europe/Berlin", date_order=order)
    except UserError as refused:
        assert str(refused) and "Traceback" not in str(refused)
        return
    assert first > NOW and first.tzinfo is UTC
    assert parse_when(text, now=NOW, default_zone="Europe/Berlin", date_order=order) == first
