"""Plans: one discussion per chapter on a rhythm ("weekly", "3 days").

A club meets at the same local time, so the steps are taken on the wall clock of the
server's zone and only then turned into UTC: "weekly, Friday 19:00 Berlin" stays 19:00
across the October change, one hour later in UTC. DST edges use :func:`when.localize`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo

from bot.discussions.durations import parse_duration
from bot.discussions.when import localize
from bot.errors import UserError
from bot.story.chapters import check_chapter
from bot.text import quote_input

MAX_STEP_DAYS = 90
MAX_PLAN_LENGTH = 200


@dataclass(frozen=True, slots=True)
class Cadence:
    days: int

    def describe(self) -> str:
        if self.days == 1:
            return "daily"
        if self.days == 7:
            return "weekly"
        return f"every {self.days} days"


def parse_every(text: str) -> Cadence:
    """``daily``, ``weekly``, ``fortnightly``, ``N days`` or ``N weeks``."""
    cleaned = " ".join(text.strip().lower().split())
    named = {"daily": 1, "every day": 1, "weekly": 7, "every week": 7, "fortnightly": 14, "biweekly": 14}
    if cleaned in named:
        return Cadence(named[cleaned])
    duration = parse_duration(cleaned.removeprefix("every "))
    if duration is None or not duration.on_the_calendar:
        raise UserError(
            f"I can't read {quote_input(text)} as a rhythm. Use `daily`, `weekly` or a number of days like `3 days`."
        )
    days = duration.days
    if not 1 <= days <= MAX_STEP_DAYS:
        raise UserError(f"Pick a rhythm from 1 to {MAX_STEP_DAYS} days.")
    return Cadence(days)


def plan_times(start: datetime, zone: tzinfo, cadence: Cadence, count: int) -> list[datetime]:
    """``count`` UTC moments: ``start``, then every ``cadence`` at the same local wall-clock time."""
    if count > MAX_PLAN_LENGTH:
        raise UserError(f"A plan can hold at most {MAX_PLAN_LENGTH} discussions; start from a later chapter.")
    wall = start.astimezone(zone).replace(tzinfo=None)
    return [localize(wall + timedelta(days=cadence.days * step), zone).astimezone(UTC) for step in range(count)]


def plan_chapters(from_chapter: int, chapter_count: int, title: str = "the story") -> range:
    """Chapters ``from_chapter`` to the story's last, or the member-facing error."""
    check_chapter(from_chapter, chapter_count, title)
    return range(from_chapter, chapter_count + 1)
