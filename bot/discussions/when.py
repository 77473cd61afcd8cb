"""Turning what an admin types ("friday 19:00", "in 3 days") into an exact moment.

Why a small parser instead of ``dateparser``: the accepted forms are few and fixed (the
issue lists them), and the two things that matter most here are exactly the ones a general
library decides for us silently: which Friday "friday" means, and what a wall-clock time in
a daylight-saving gap or overlap becomes. ``dateparser`` also costs about a second to import
and milliseconds per call, and guesses at almost any text instead of refusing it, while a
typo here should get a clear "I can't read that" rather than a discussion at a surprising
time. So the grammar below is explicit, and every decision is written down:

* Forms: ``2026-12-04 19:00`` and other ISO 8601 forms (``2026-12-04T19:00:00+01:00``,
  ``...Z``), ``today 18:30``, ``tomorrow 7pm``, ``friday 19:00`` / ``fri 7:30pm``,
  ``next friday 19:00``, ``in 3 days`` / ``in 2 hours`` / ``in 90 minutes`` / ``in 1 week``,
  a bare ``19:00``; optionally ending with an IANA zone (``Europe/Berlin``) or ``UTC``.
  Without a zone the server's zone (``/config``) applies; an ISO offset wins over both.
* ``friday 19:00`` is the soonest Friday at 19:00 that is still ahead (today if it is Friday
  and 19:00 has not passed). ``next friday`` is the soonest Friday strictly after today.
  A bare time is today if still ahead, else tomorrow.
* ``in N days/weeks`` keeps the current local wall-clock time (so it stays 19:00 across a
  DST change); ``in N hours/minutes`` is exact elapsed time.
* A local time that does not exist (the spring-forward gap, e.g. 02:30 in Berlin on
  2026-03-29) moves forward by the gap (03:30), as calendars do. A local time that happens
  twice (the autumn overlap, e.g. 02:30 in Berlin on 2026-10-25) means the first one, the
  summer-time reading (fold=0).
"""

from __future__ import annotations

import re
import zoneinfo
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from bot.discussions.durations import UNITS as _UNITS
from bot.discussions.durations import parse_duration
from bot.errors import UserError
from bot.timezones import validate_zone

MAX_AHEAD = timedelta(days=2 * 366)
EXAMPLES = "`2026-12-04 19:00`, `tomorrow 7pm`, `friday 19:00 Europe/Berlin` or `in 3 days`"

_WEEKDAYS = {
    name: index
    for index, names in enumerate(
        [
            ("monday", "mon"),
            ("tuesday", "tue", "tues"),
            ("wednesday", "wed"),
            ("thursday", "thu", "thur", "thurs"),
            ("friday", "fri"),
            ("saturday", "sat"),
            ("sunday", "sun"),
        ]
    )
    for name in names
}
_KNOWN_WORDS = {
    *_WEEKDAYS,
    *_UNITS,
    "am",
    "pm",
    "noon",
    "midnight",
    "today",
    "tomorrow",
    "next",
    "at",
    "in",
}
_TIME_24 = re.compile(r"^(\d{1,2})[:.](\d{2})$")
_TIME_12 = re.compile(r"^(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)$")
_ISO_LIKE = re.compile(r"^\d{4}-\d{2}-\d{2}")
_UTC_NAMES = {"utc", "gmt", "z"}


def zone_named(name: str) -> zoneinfo.ZoneInfo:
    """A zone from its IANA name (case-insensitive), or the member-facing error."""
    return zoneinfo.ZoneInfo(validate_zone(name))


def localize(wall: datetime, zone: tzinfo) -> datetime:
    """Attach ``zone`` to a naive wall-clock time, resolving DST edges as the module says.

    Gap: the fold=0 reading of a missing time uses the offset from before the change, so
    converting it to UTC and back lands the same distance past the gap's end. Overlap:
    fold=0 is the first (earlier) occurrence.
    """
    aware = wall.replace(tzinfo=zone, fold=0)
    round_trip = aware.astimezone(UTC).astimezone(zone)
    if round_trip.replace(tzinfo=None) != wall:  # in the gap: take the normalised reading
        return round_trip
    return aware


def _split_zone(text: str, default_zone: str) -> tuple[str, tzinfo]:
    """Take a trailing zone name off ``text``; the server's zone when there is none."""
    head, _, last = text.rpartition(" ")
    if last.lower() in _UTC_NAMES and head:
        return head, UTC
    if "/" in last and head:
        return head, zone_named(last)
    if head and last.isalpha() and last.lower() not in _KNOWN_WORDS:
        # "friday 19:00 Berlin": the time is fine, so say the zone is unknown; "whenever it suits": unreadable.
        try:
            _parse_body(head.lower(), UTC, datetime.now(UTC))
        except UserError:
            raise _unreadable(text) from None
        return head, zone_named(last)
    return text, zone_named(default_zone)


def _parse_clock(text: str) -> time:
    text = text.strip()
    if text == "noon":
        return time(12, 0)
    if text == "midnight":
        return time(0, 0)
    if match := _TIME_24.match(text):
        hour, minute = int(match.group(1)), int(match.group(2))
        if hour > 23 or minute > 59:
            raise UserError(f"`{text}` is not a time of day: hours go up to 23 and minutes up to 59.")
        return time(hour, minute)
    if match := _TIME_12.match(text):
        hour, minute = int(match.group(1)), int(match.group(2) or 0)
        if not 1 <= hour <= 12 or minute > 59:
            raise UserError(f"`{text}` is not a time of day: with am/pm, hours go from 1 to 12.")
        pm = match.group(3).startswith("p")
        return time(hour % 12 + (12 if pm else 0), minute)
    if re.fullmatch(r"\d{1,2}", text):
        raise UserError(f"`{text}` is ambiguous: write `{text}:00` or `{text}pm`.")
    raise _unreadable(text)


def _unreadable(text: str) -> UserError:
    return UserError(f"I can't read `{text}` as a date and time. Try {EXAMPLES}.")


def _day_and_time(words: list[str], today: date) -> tuple[date, time] | None:
    """``today 18:30``, ``tomorrow 7pm``, ``[next] friday [at] 19:00``; None if no day word."""
    if not words:
        return None
    nxt = words[0] == "next"
    if nxt:
        words = words[1:]
    if not words:
        return None
    word = words[0].rstrip(",")
    if word == "today" and not nxt:
        day = today
    elif word == "tomorrow" and not nxt:
        day = today + timedelta(days=1)
    elif word in _WEEKDAYS:
        ahead = (_WEEKDAYS[word] - today.weekday()) % 7
        day = today + timedelta(days=ahead or (7 if nxt else 0))
    else:
        return None
    rest = words[1:]
    if rest and rest[0] == "at":
        rest = rest[1:]
    if not rest:
        raise UserError(f"Add a time of day, e.g. `{' '.join(words[:1])} 19:00`.")
    return day, _parse_clock(" ".join(rest))


def parse_when(text: str, *, now: datetime, default_zone: str = "UTC") -> datetime:
    """The moment ``text`` names, as an aware UTC datetime strictly after ``now``."""
    cleaned = " ".join(text.strip().split())
    if not cleaned:
        raise UserError(f"Say when, e.g. {EXAMPLES}.")
    body, zone = _split_zone(cleaned, default_zone)
    body = body.lower()
    local_now = now.astimezone(zone)
    moment = _parse_body(body, zone, local_now)
    result = moment.astimezone(UTC)
    if result <= now:
        raise UserError(f"That time is in the past (<t:{int(result.timestamp())}:F>). Pick a time that is still ahead.")
    if result - now > MAX_AHEAD:
        raise UserError("That is more than two years ahead; pick a nearer time.")
    return result


def _parse_body(body: str, zone: tzinfo, local_now: datetime) -> datetime:
    if _ISO_LIKE.match(body):
        return _parse_iso(body, zone)
    if body.startswith("in "):
        duration = parse_duration(body.removeprefix("in "))
        if duration is None or duration.amount == 0:
            raise _unreadable(body)
        if duration.on_the_calendar:
            wall = local_now.replace(tzinfo=None) + duration.delta()
            return localize(wall.replace(second=0, microsecond=0), zone)
        return (local_now + duration.delta()).replace(second=0, microsecond=0)
    found = _day_and_time(body.split(" "), local_now.date())
    if found is not None:
        day, clock = found
        moment = localize(datetime.combine(day, clock), zone)
        is_weekday = body.split(" ")[0] in _WEEKDAYS
        if is_weekday and moment <= local_now:  # "friday 10:00" on Friday at 11:00: next week's
            moment = localize(datetime.combine(day + timedelta(days=7), clock), zone)
        return moment
    try:
        clock = _parse_clock(body)
    except UserError:
        raise _unreadable(body) from None
    candidate = localize(datetime.combine(local_now.date(), clock), zone)
    if candidate <= local_now:
        candidate = localize(datetime.combine(local_now.date() + timedelta(days=1), clock), zone)
    return candidate


def _parse_iso(body: str, zone: tzinfo) -> datetime:
    spaced = body.replace(" at ", " ")
    date_part, _, time_part = spaced.partition(" ")
    if time_part and not _TIME_24.match(time_part) and not re.match(r"^\d{1,2}:\d{2}:\d{2}", time_part):
        # "2026-12-04 7pm": a date followed by a 12-hour time.
        try:
            day = date.fromisoformat(date_part)
        except ValueError:
            raise _unreadable(body) from None
        return localize(datetime.combine(day, _parse_clock(time_part)), zone)
    try:
        parsed = datetime.fromisoformat(spaced.upper().replace(" ", "T"))
    except ValueError:
        raise _unreadable(body) from None
    if "t" not in body and not time_part:
        raise UserError(f"Add a time of day, e.g. `{date_part} 19:00`.")
    if parsed.tzinfo is not None:
        return parsed
    return localize(parsed.replace(second=0, microsecond=0) if parsed.second == 0 else parsed, zone)
