"""``remind:`` text ("24h,1h,30m,2d") into reminder offsets before a discussion.

Bounded on purpose: a handful of reminders, none more than two weeks ahead, so one
schedule cannot flood a channel.
"""

from __future__ import annotations

import re
from datetime import timedelta

from bot.discussions.durations import parse_duration
from bot.errors import UserError
from bot.text import quote_input

DEFAULT_REMINDERS: tuple[timedelta, ...] = (timedelta(hours=24), timedelta(hours=1))
MAX_REMINDERS = 5
MAX_REMINDER_AHEAD = timedelta(days=14)
MIN_REMINDER_AHEAD = timedelta(minutes=5)


def parse_remind(text: str | None) -> tuple[timedelta, ...]:
    """Offsets, largest first; ``None``/empty means the defaults, ``none``/``off`` means no reminders."""
    if text is None or not text.strip():
        return DEFAULT_REMINDERS
    cleaned = text.strip().lower()
    if cleaned in {"none", "off", "no", "0"}:
        return ()
    offsets: set[timedelta] = set()
    for raw in re.split(r"[,\s]+", cleaned):
        if not raw:
            continue
        duration = parse_duration(raw)
        if duration is None:
            raise UserError(
                f"I can't read {quote_input(raw)} as a reminder. Use amounts like `24h,1h,30m,2d`, or `none`."
            )
        offset = duration.delta()
        if not MIN_REMINDER_AHEAD <= offset <= MAX_REMINDER_AHEAD:
            raise UserError(
                f"Reminders can be from 5 minutes to 14 days before the discussion; {quote_input(raw)} is not."
            )
        offsets.add(offset)
    if len(offsets) > MAX_REMINDERS:
        raise UserError(f"At most {MAX_REMINDERS} reminders per discussion.")
    return tuple(sorted(offsets, reverse=True))


def describe_offset(offset: timedelta) -> str:
    seconds = int(offset.total_seconds())
    for size, unit in ((86400, "d"), (3600, "h"), (60, "m")):
        if seconds % size == 0:
            return f"{seconds // size}{unit}"
    return f"{seconds}s"
