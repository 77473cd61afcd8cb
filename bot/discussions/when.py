"""Turning what an admin types ("sat 8pm", "Dec 4 7pm", "in 3 days") into an exact moment.

Why an explicit grammar instead of a library: ``dateparser`` and ``parsedatetime`` were tried
(PyPI, November 2026) and both guess where this bot must refuse: dateparser reads "7" as
30 July next year and "12/04" silently as month/day, and fills in the current time for
"tomorrow"; parsedatetime reads "lunch" as 12:00, "7pm blah" as 19:00 and "next week friday"
as Monday 09:00, reporting a partial parse rather than failing. A typo here must get a clear
"I can't read that" instead of a discussion at a surprising time, and the two decisions
that matter most (which Friday "friday" means; what a wall-clock time in a daylight-saving
gap or overlap becomes) must be ours and written down. So the grammar is explicit:

* ISO 8601 (``2026-12-04 19:00``, ``2026-12-04T19:00:00+01:00``, ``...Z``, or ``2026/12/04 19:00``),
  ``in 3 days`` / ``in 2 hours`` / ``in 90 minutes`` / ``in 2 weeks`` / ``in 1h 30m`` / ``in an hour``
  (amounts in words, :func:`durations.digits_for_words`), ``in 3 days at 7pm``, a bare ``19:00``, and the day-and-time
  phrases of :mod:`bot.discussions.phrases` ("tomorrow 7pm", "sat 8pm", "next week friday 19:00",
  "Dec 4 7pm", "4 December 19:00", "December 4th at 7:30pm", "12/04 19:00", "noon", "midnight");
  optionally ending with an IANA zone (``Europe/Berlin``) or ``UTC``. Without a zone the
  server's zone (``/config``) applies; an ISO offset wins over both.
* Digits typed full-width ("１９：００") are read after NFKC normalisation, as their ASCII forms.
* A bare time is today if still ahead, else tomorrow.
* ``in N days/weeks`` keeps the current local wall-clock time (so it stays 19:00 across a
  DST change); ``in N hours/minutes`` is exact elapsed time.
* A local time that does not exist (the spring-forward gap, e.g. 02:30 in Berlin on
  2026-03-29) moves forward by the gap (03:30), as calendars do, and :func:`read_when_noted`
  says so (its ``note``), so the answer names the time it became instead of shifting it silently. A local time that happens
  twice (the autumn overlap, e.g. 02:30 in Berlin on 2026-10-25) means the first one, the
  summer-time reading (fold=0).
* A time already past ("yesterday 7pm", "today 08:00" at noon) is refused as past, with the
  time it was read as.
"""

from __future__ import annotations

import re
import unicodedata
import zoneinfo
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo

from bot.discussions.durations import UNITS, parse_span
from bot.discussions.phrases import (
    DATE_ORDERS,
    WORDS,
    Ambiguous,
    is_clock,
    make_date,
    parse_clock,
    read_phrase,
    show_date,
)
from bot.errors import UserError
from bot.text import quote_input, unescape_markdown, visible_line
from bot.timezones import fixed_offset, validate_zone

MAX_AHEAD = timedelta(days=2 * 366)
_FIRST_SHOWN_YEAR = 1970  # a Discord timestamp before this is negative: past, and not worth showing
EXAMPLES = (
    "`tomorrow 7pm`, `sat 8pm`, `Dec 4 19:00`, `next week friday 7:30pm`, `in 3 days` "
    "or `2026-12-04 19:00 Europe/Berlin`"
)
_KNOWN_WORDS = WORDS | set(UNITS) | {"in"}
_TIME_24 = re.compile(r"^(\d{1,2})[:.](\d{2})$")
_ISO_LIKE = re.compile(r"^\d{4}-\d{2}-\d{2}")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_SLASHED_ISO = re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})(?=\s|t|$)")
_UTC_NAMES = {"utc", "gmt", "z"}
_OFFSET_SPACED = re.compile(r"(?i)\b(utc|gmt) ([+\-\u2212]\d)")  # "19:00 UTC +2" is "19:00 UTC+2"
# What asks for no time ahead: a discussion is scheduled, so "now" needs a moment from now.
_NOW_WORDS = frozenset(["now", "right now", "asap", "immediately", "straight away", "right away"])

__all__ = [
    "DATE_ORDERS",
    "Ambiguous",
    "Reading",
    "gap_note",
    "localize",
    "parse_when",
    "read_when",
    "read_when_noted",
    "zone_named",
]


@dataclass(frozen=True, slots=True)
class Reading:
    """What a time was read as: the moment (UTC), the zone it was read in, and a note for the answer
    ('' unless the wall-clock time typed does not exist there that day and was moved on), and the
    wall-clock time typed (None for an offset or an elapsed time): a plan steps from it, so a start the
    clocks skip does not move every later date too."""

    moment: datetime
    zone: tzinfo
    note: str = ""
    wall: datetime | None = None


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


def _split_zone(text: str, default_zone: str, now: datetime) -> tuple[str, tzinfo]:
    """Take a trailing zone name off ``text``; the server's zone when there is none."""
    if said := _SAID_TIME.search(text):  # "8pm London time" names London; "8pm server time", the server's zone
        text = text[: said.start()] if said.group(1).lower() in _OWN_TIME else text[: said.end(1)]
    head, _, last = _OFFSET_SPACED.sub(r"\1\2", text).rpartition(" ")
    if last.lower() in _UTC_NAMES and head:
        return head, UTC
    if head and (offset := fixed_offset(last)) is not None:
        return head, offset  # "friday 19:00 UTC+2": that offset, all year (a plan from it keeps it)
    if "/" in last and head and last[:1].isalpha():
        return head, zone_named(last)
    if head and _place_word(last):
        # "friday 19:00 Berlin": the time is fine, so say the zone is unknown; "whenever it suits": unreadable.
        if _reads(head, now):
            return head, zone_named(last)
        # "friday 19:00 New York": a place of two words, asked about as its zone's name ("New_York").
        before, _, first = head.rpartition(" ")
        if before and _place_word(first) and _reads(before, now):
            return before, zone_named(f"{first}_{last}")
        raise _unreadable(text)
    return text, zone_named(default_zone)


_SAID_TIME = re.compile(r"(?<=\S)\s+([^\W\d]+)\s+time$", re.IGNORECASE)
_OWN_TIME = frozenset({"my", "our", "server", "local", "club"})


def _place_word(word: str) -> bool:
    """A word that may name a place ("Berlin", "New_York"), not one of the words times are written with."""
    return word.replace("_", "").isalpha() and word.lower() not in _KNOWN_WORDS


def _reads(body: str, now: datetime) -> bool:
    try:
        _parse_body(body, UTC, now, None)
    except (UserError, OverflowError):
        return False
    return True


def _unreadable(text: str) -> UserError:
    return UserError(f"I can't read {quote_input(text)} as a date and time. Try {EXAMPLES}.")


def _zone_label(zone: tzinfo) -> str:
    return "UTC" if zone is UTC else str(zone)


def parse_when(text: str, *, now: datetime, default_zone: str = "UTC", date_order: str | None = None) -> datetime:
    """The moment ``text`` names, as an aware UTC datetime strictly after ``now``.

    ``date_order`` ("dmy", "mdy" or None while the server has not chosen) reads numeric dates.
    """
    return read_when(text, now=now, default_zone=default_zone, date_order=date_order)[0]


def read_when(
    text: str, *, now: datetime, default_zone: str = "UTC", date_order: str | None = None
) -> tuple[datetime, tzinfo]:
    """:func:`parse_when`, with the zone the time was read in: the one ``text`` names, else the server's.

    A plan steps on that zone's wall clock, so "friday 19:00 America/New_York" stays 19:00 in
    New York across New York's DST change, whatever the server's zone.
    """
    reading = read_when_noted(text, now=now, default_zone=default_zone, date_order=date_order)
    return reading.moment, reading.zone


def read_when_noted(text: str, *, now: datetime, default_zone: str = "UTC", date_order: str | None = None) -> Reading:
    """:func:`read_when`, with the note an answer owes when the time typed falls in a daylight-saving gap."""
    # Digits, colons and spaces typed full-width (an East Asian keyboard's "１９：００") read as their ASCII forms.
    cleaned = " ".join(unicodedata.normalize("NFKC", text).strip().split())
    # "tomorrow 7pm." typed as a sentence ends: the mark closes the sentence, not the time.
    cleaned = _CLOSING_MARKS.sub("", cleaned).rstrip() or cleaned
    if not visible_line(cleaned):
        raise UserError(f"Say when, e.g. {EXAMPLES}.")
    if cleaned.lower() in _NOW_WORDS:
        raise UserError(f"Give a time ahead rather than {quote_input(cleaned)}, e.g. `in 5 minutes` or `in 1 hour`.")
    body, zone = _split_zone(cleaned, default_zone, now)
    local_now = now.astimezone(zone)
    try:
        moment, wall, said = _parse_body(body, zone, local_now, date_order)
        result = moment.astimezone(UTC)
    except UserError as refused:
        _quote_as_typed(refused, body)
        raise
    except OverflowError:  # "0001-01-01 00:00" in a zone east of UTC: before the first moment Python knows
        raise UserError(
            f"{quote_input(cleaned)} is not a time I can use; pick one within the next two years."
        ) from None
    if result - now > MAX_AHEAD:
        raise UserError("That is more than two years ahead; pick a nearer time.")
    if result.year < _FIRST_SHOWN_YEAR:  # "0001-01-01": no weekday or timestamp worth showing
        raise UserError(f"{quote_input(cleaned)} is in the past. Pick a time that is still ahead.")
    if result <= now:
        local = result.astimezone(zone)
        raise UserError(
            f"{quote_input(cleaned)} is in the past: I read it as {show_date(local.date())}, {local:%H:%M} "
            f"({_zone_label(zone)}), which is <t:{int(result.timestamp())}:F> for you. Pick a time that is still ahead."
        )
    notes = (said, _gap_note(wall, result.astimezone(zone), zone))
    return Reading(result, zone, " ".join(note for note in notes if note), wall)


# Marks closing a sentence after the time; "8 p.m." keeps its own full stop.
_CLOSING_MARKS = re.compile(r"(?<![ap]\.m)[.!,;]+$", re.IGNORECASE)
_QUOTED = re.compile(r"“(.*?)”")


def _quote_as_typed(refused: UserError, typed: str) -> None:
    """Rewrite the refusal (in place: it keeps its kind) so each part of the time it quotes is as the admin
    typed it: the words are read in lower case, so "31 Feb" was quoted back as “31 feb”. A part not found
    as typed (words joined, "7 pm" read as "7pm") stays as it was read."""
    lowered = typed.lower()
    if len(lowered) != len(typed) or len(refused.args) != 1:  # positions would not match, or no message
        return

    def restore(found: re.Match[str]) -> str:
        part = unescape_markdown(found.group(1))
        at = lowered.find(part)
        return found.group(0) if not part or at < 0 else quote_input(typed[at : at + len(part)])

    refused.args = (_QUOTED.sub(restore, str(refused)),)


def gap_note(wall: datetime, zone: tzinfo) -> str:
    """The note an answer owes for the naive wall-clock time ``wall`` in ``zone``: '' unless the clocks
    skip it that day (then what it became), as for a time typed; a plan's later dates use it."""
    return _gap_note(wall, localize(wall, zone), zone)


def _gap_note(wall: datetime | None, local: datetime, zone: tzinfo) -> str:
    """'' unless the wall-clock time asked for (``wall``) is not the one the clock shows at the moment
    it became (the clocks skip it that day, so the answer says what it became), or the clock shows it
    twice that day (the night they go back: the answer says it is the first, and how to have the
    second, rather than leave an admin to find the meeting an hour early)."""
    if wall is None:
        return ""
    if local.replace(tzinfo=None) != wall:
        return (
            f"{wall:%H:%M} does not exist on {show_date(wall.date())} in {_zone_label(zone)} (the clocks go "
            f"forward); scheduled for {local:%H:%M}."
        )
    if wall.replace(tzinfo=zone, fold=1).utcoffset() != wall.replace(tzinfo=zone, fold=0).utcoffset():
        return (
            f"{wall:%H:%M} comes twice on {show_date(wall.date())} in {_zone_label(zone)} (the clocks go back); "
            "scheduled for the first, before they do. For the second, move it an hour later with `/discussion move`."
        )
    return ""


def _parse_body(
    body: str, zone: tzinfo, local_now: datetime, date_order: str | None
) -> tuple[datetime, datetime | None, str]:
    """The moment ``body`` names, with the naive wall-clock time it asked for (None when it named an
    offset or an elapsed time: nothing on the wall clock to be skipped) and what the answer should
    say of how it was read (:attr:`phrases.Phrase.note`; '' for most)."""
    lowered = body.lower()
    if _ISO_LIKE.match(lowered):
        return *_parse_iso(lowered, zone, local_now.date()), ""
    if lowered.startswith("in "):
        return *_in(body, lowered.removeprefix("in "), zone, local_now), ""
    if slashed := _SLASHED_ISO.match(lowered):  # "2026/12/12 19:00": the ISO order with slashes
        year, month, day = (int(part) for part in slashed.groups())
        return *_parse_iso(f"{year:04d}-{month:02d}-{day:02d}{lowered[slashed.end() :]}", zone, local_now.date()), ""
    phrase = read_phrase(body, local_now.date(), date_order)
    if phrase is None:
        raise _unreadable(body)
    if phrase.day is None:  # a bare time: the next time the clock shows it
        wall = datetime.combine(local_now.date(), phrase.clock)
        if localize(wall, zone) <= local_now:
            wall = datetime.combine(local_now.date() + timedelta(days=1), phrase.clock)
        return localize(wall, zone), wall, phrase.note
    wall = datetime.combine(phrase.day, phrase.clock)
    if phrase.rolls_a_week and localize(wall, zone) <= local_now:  # "friday 10:00" on Friday at 11:00: next week's
        wall = datetime.combine(phrase.day + timedelta(days=7), phrase.clock)
        return localize(wall, zone), wall, ""
    return localize(wall, zone), wall, phrase.note


def _in(body: str, span: str, zone: tzinfo, local_now: datetime) -> tuple[datetime, datetime | None]:
    """``in 3 days``, ``in 1h 30m``, ``in an hour``, ``in 3 days at 7pm``.

    Days and weeks step the wall clock (19:00 stays 19:00 across DST), then hours and minutes are
    elapsed time; a time of day ("at 7pm") goes only with days or weeks, on the day they land on.
    """
    words = re.sub(r"(\d)\s+(am|pm)\b", r"\1\2", span).split()
    clock_word = words.pop() if words and is_clock(words[-1]) else None
    if clock_word is not None and words and words[-1] == "at":
        words.pop()
    parts = parse_span(" ".join(words)) if words else None
    if parts is None:
        raise _unreadable(body)
    days = sum(part.days for part in parts)
    elapsed = sum((part.delta() for part in parts if not part.on_the_calendar), timedelta())
    if days == 0 and not elapsed:
        raise UserError(f"{quote_input(body)} is now; give a time ahead, e.g. `in 30 minutes` or `in 1 day`.")
    if clock_word is not None:
        if elapsed or days == 0:
            raise UserError(
                f"In {quote_input(body)} the time of day goes with days or weeks, as in `in 3 days at 7pm`; "
                "with hours or minutes, leave the time out."
            )
        wall = datetime.combine(local_now.date() + timedelta(days=days), parse_clock(clock_word))
        return localize(wall, zone), wall
    if days:
        wall = local_now.replace(tzinfo=None, second=0, microsecond=0) + timedelta(days=days)
        return localize(wall, zone) + elapsed, None if elapsed else wall
    return (local_now + elapsed).replace(second=0, microsecond=0), None


def _iso_mistake(body: str, date_part: str, time_part: str) -> UserError:
    """Why "2026-02-30 19:00" (the form the examples show) cannot be read: the day, month or time it names
    does not exist, said as for "Feb 30 7pm"; anything else is just unreadable."""
    match = _ISO_DATE.match(date_part)
    if match is not None and int(match.group(1)) > 0:
        make_date(int(match.group(1)), int(match.group(2)), int(match.group(3)), date_part)
    if _TIME_24.match(time_part):
        parse_clock(time_part)
    return _unreadable(body)


def _parse_iso(body: str, zone: tzinfo, today: date | None = None) -> tuple[datetime, datetime | None]:
    spaced = body.replace(" at ", " ")
    date_part, _, time_part = spaced.partition(" ")
    if time_part and not _TIME_24.match(time_part) and not re.match(r"^\d{1,2}:\d{2}:\d{2}", time_part):
        # "2026-12-04 7pm": a date followed by a 12-hour time.
        try:
            day = date.fromisoformat(date_part)
        except ValueError:
            raise _iso_mistake(body, date_part, "") from None
        try:
            clock = parse_clock(time_part.replace(" ", ""))
        except UserError:
            raise _unreadable(body) from None
        wall = datetime.combine(day, clock)
        return localize(wall, zone), wall
    try:
        parsed = datetime.fromisoformat(spaced.upper().replace(" ", "T"))
    except ValueError:
        raise _iso_mistake(body, date_part, time_part) from None
    if "t" not in body and not time_part:
        if today is not None and parsed.date() < today:  # its time would only be refused as past
            raise UserError(
                f"{quote_input(body)} is in the past; give a day still ahead and a time, e.g. `tomorrow 19:00`."
            )
        raise UserError(f"Add a time of day, e.g. {quote_input(date_part + ' 19:00')}.")
    if parsed.tzinfo is not None:
        return parsed, None
    wall = parsed.replace(second=0, microsecond=0) if parsed.second == 0 else parsed
    return localize(wall, zone), wall
