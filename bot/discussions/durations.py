"""The one reader of amounts of time ("3 days", "24h", "2 weeks") for every discussion option.

``/discussion schedule when:in 3 days``, ``remind:24h,1h`` and ``/discussion plan every:2 weeks``
all read the same words the same way; each caller then bounds the result for its own use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta

_AMOUNT = re.compile(r"^(\d+)\s*([a-z]+)$")
# Any amount past this many units is read as this many: more than every caller's bound in every unit
# (10 million minutes is 19 years), still a timedelta Python can hold in weeks. Read, not refused, so
# "in 99999 days" is answered "more than two years ahead", not "I can't read" with `in 3 days` as the example.
MAX_AMOUNT = 10_000_000
UNITS = {
    "minute": "minutes",
    "minutes": "minutes",
    "min": "minutes",
    "mins": "minutes",
    "m": "minutes",
    "hour": "hours",
    "hours": "hours",
    "hr": "hours",
    "hrs": "hours",
    "h": "hours",
    "day": "days",
    "days": "days",
    "d": "days",
    "week": "weeks",
    "weeks": "weeks",
    "w": "weeks",
}


@dataclass(frozen=True, slots=True)
class Duration:
    amount: int
    unit: str  # "minutes", "hours", "days" or "weeks"

    @property
    def on_the_calendar(self) -> bool:
        """Days and weeks step the wall clock (19:00 stays 19:00 across DST); hours and minutes are elapsed time."""
        return self.unit in ("days", "weeks")

    @property
    def days(self) -> int:
        return self.amount * (7 if self.unit == "weeks" else 1) if self.on_the_calendar else 0

    def delta(self) -> timedelta:
        return timedelta(**{self.unit: self.amount})


def parse_duration(text: str) -> Duration | None:
    """``3 days``, ``24h``, ``90 minutes``, ``1 week`` (case-insensitive); None for anything else."""
    match = _AMOUNT.match(text.strip().lower())
    if match is None:
        return None
    unit = UNITS.get(match.group(2))
    digits = match.group(1).lstrip("0") or "0"
    amount = int(digits) if len(digits) <= len(str(MAX_AMOUNT)) else MAX_AMOUNT  # never int() of 5,000 digits
    return None if unit is None else Duration(min(amount, MAX_AMOUNT), unit)
