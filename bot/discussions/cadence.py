"""Plans: one discussion per chapter on a rhythm ("weekly", "3 days").

A club meets at the same local time, so the steps are taken on the wall clock of the
server's zone and only then turned into UTC: "weekly, Friday 19:00 Berlin" stays 19:00
across the October change, one hour later in UTC. DST edges use :func:`when.localize`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo

from bot.discussions.durations import parse_duration
from bot.discussions.phrases import WEEKDAYS, show_date
from bot.discussions.when import localize
from bot.errors import UserError
from bot.story.chapters import check_chapter
from bot.text import quote_input, visible_line

MAX_STEP_DAYS = 90
MAX_PLAN_LENGTH = 200
RHYTHMS = "`daily`, `weekdays`, `weekly`, `every Friday`, `every other day` or a number of days like `3 days`"


@dataclass(frozen=True, slots=True)
class Cadence:
    days: int
    weekdays_only: bool = False  # "weekdays": daily, Saturdays and Sundays skipped
    weekday: int | None = None  # "every Friday": weekly, and the plan must start on that day (Monday is 0)

    def describe(self) -> str:
        if self.weekday is not None:
            return f"every {'other ' if self.days == 14 else ''}{DAY_NAMES[self.weekday]}"
        if self.weekdays_only:
            return "every weekday"
        if self.days == 1:
            return "daily"
        if self.days == 7:
            return "weekly"
        return f"every {self.days} days"


_NAMED = {
    "daily": 1,
    "every day": 1,
    "every other day": 2,
    "every second day": 2,
    "weekly": 7,
    "every week": 7,
    "fortnightly": 14,
    "biweekly": 14,
    "every other week": 14,
    "every second week": 14,
    # As members write them in a chat.
    "each day": 1,
    "once a day": 1,
    "alternate days": 2,
    "every alternate day": 2,
    "each week": 7,
    "once a week": 7,
    "every fortnight": 14,
    "each fortnight": 14,
    "once a fortnight": 14,
    "bi-weekly": 14,
    "every alternate week": 14,
}
# "every 3rd day", "every 2nd week": every N days or weeks.
_EVERY_NTH = re.compile(r"^every\s+(\d{1,3})(?:st|nd|rd|th)\s+(day|week)$")
# "every other Friday": fortnightly, on that day.
_EVERY_OTHER_DAY = re.compile(r"^(?:every|each)\s+(?:other|second|alternate)\s+([a-z]+?)s?$")
# Two days a week, "mon,wed", "tuesdays and thursdays", "twice a week", "weekends": no one step between them.
_SEVERAL_A_WEEK = re.compile(r"\b(?:twice|two times|three times|\d+\s*x)\s+(?:a|per)\s+week\b|\bweekends?\b")
_WEEKDAY_NAMES = frozenset({"weekdays", "every weekday", "on weekdays", "weekdays only", "mon-fri", "monday to friday"})
DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# "every Friday", "fridays", "on fri", "weekly on Fridays": weekly, on that day.
_ON_A_DAY = re.compile(r"^(?:(?:every|each|on)\s+|(?:weekly|every\s+week)\s+on\s+)?([a-z]+?)s?$")
_MONTHLY = frozenset({"monthly", "every month", "each month", "once a month", "a month", "1 month", "month"})


def parse_every(text: str) -> Cadence:
    """``daily``, ``weekdays``, ``weekly``, ``every other day``, ``fortnightly``, ``N days`` or ``N weeks``."""
    cleaned = " ".join(text.strip().lower().split())
    if not visible_line(cleaned):
        raise UserError(f"Say how often: {RHYTHMS}.")
    if cleaned in _WEEKDAY_NAMES:
        return Cadence(1, weekdays_only=True)
    if cleaned in _NAMED:
        return Cadence(_NAMED[cleaned])
    if cleaned in _MONTHLY or cleaned.removeprefix("every ") in _MONTHLY:
        raise UserError(
            "Plans step a number of days, and months differ in length: write `4 weeks` (every 28 days), "
            "or schedule each discussion with `/discussion schedule`."
        )
    if (nth := _EVERY_NTH.match(cleaned)) is not None:
        days = int(nth.group(1)) * (7 if nth.group(2) == "week" else 1)
        if not 1 <= days <= MAX_STEP_DAYS:
            raise UserError(f"Pick a rhythm from 1 to {MAX_STEP_DAYS} days.")
        return Cadence(days)
    if (other := _EVERY_OTHER_DAY.match(cleaned)) and (day := _weekday_named(other.group(1))) is not None:
        return Cadence(14, weekday=day)
    if (
        _SEVERAL_A_WEEK.search(cleaned)
        or len({d for w in re.findall(r"[a-z]+", cleaned) if (d := _weekday_named(w)) is not None}) > 1
    ):
        raise UserError(
            f"A plan keeps one step between its discussions, so it cannot meet on several days a week "
            f"({quote_input(text)}): use `every other day` or `3 days`, make one plan per day "
            "(`every Monday` for some chapters, with `from_chapter:`), or schedule each with `/discussion schedule`."
        )
    if (on_a_day := _ON_A_DAY.match(cleaned)) and (
        (day := WEEKDAYS.get(on_a_day.group(1))) is not None
        or (day := WEEKDAYS.get(on_a_day.group(1) + "s")) is not None
    ):
        return Cadence(7, weekday=day)
    duration = parse_duration(cleaned.removeprefix("every "))
    if duration is None or not duration.on_the_calendar:
        raise UserError(f"I can't read {quote_input(text)} as a rhythm. Use {RHYTHMS}.")
    days = duration.days
    if not 1 <= days <= MAX_STEP_DAYS:
        raise UserError(f"Pick a rhythm from 1 to {MAX_STEP_DAYS} days.")
    return Cadence(days)


def plan_times(
    start: datetime, zone: tzinfo, cadence: Cadence, count: int, wall: datetime | None = None
) -> list[datetime]:
    """``count`` UTC moments: ``start``, then every ``cadence`` at the same local wall-clock time."""
    return [localize(moment, zone).astimezone(UTC) for moment in plan_walls(start, zone, cadence, count, wall)]


def plan_walls(
    start: datetime, zone: tzinfo, cadence: Cadence, count: int, wall: datetime | None = None
) -> list[datetime]:
    """The naive wall-clock times of :func:`plan_times`, stepped from ``wall`` (the time typed) when given,
    else from ``start`` on ``zone``'s clock: a start the clocks skip (02:30 on the spring-forward night,
    scheduled for 03:30) keeps 02:30 on the days after it. Any of them may be in a gap (see
    :func:`when.gap_note`)."""
    if count > MAX_PLAN_LENGTH:
        raise UserError(f"A plan can hold at most {MAX_PLAN_LENGTH} discussions; start from a later chapter.")
    if wall is None:
        wall = start.astimezone(zone).replace(tzinfo=None)
    if cadence.weekday is not None and wall.weekday() != cadence.weekday:
        name = DAY_NAMES[cadence.weekday]
        raise UserError(
            f"The plan would start on {show_date(wall.date())}, not a {name}: "
            f"start it on a {name}, e.g. `start:{name.lower()} 19:00`."
        )
    walls = [wall + timedelta(days=cadence.days * step) for step in range(count)]
    if cadence.weekdays_only:  # the start as given, then each following Monday to Friday
        walls = [wall]
        while len(walls) < count:
            walls.append(_next_weekday(walls[-1]))
    return walls


def _next_weekday(wall: datetime) -> datetime:
    """The same wall-clock time on the next day from Monday to Friday."""
    wall += timedelta(days=1)
    while wall.weekday() >= 5:
        wall += timedelta(days=1)
    return wall


def plan_chapters(from_chapter: int, chapter_count: int, title: str = "the story") -> range:
    """Chapters ``from_chapter`` to the story's last, or the member-facing error."""
    check_chapter(from_chapter, chapter_count, title)
    return range(from_chapter, chapter_count + 1)


def _weekday_named(word: str) -> int | None:
    """The weekday a word names ("fri", "fridays"), Monday 0; None for any other word."""
    return WEEKDAYS.get(word) if word in WEEKDAYS else WEEKDAYS.get(word.removesuffix("s"))
