"""The one reader of amounts of time ("3 days", "24h", "2 weeks") for every discussion option.

``/discussion schedule when:in 3 days``, ``remind:24h,1h`` and ``/discussion plan every:2 weeks``
all read the same words the same way; each caller then bounds the result for its own use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta
from fractions import Fraction

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


# Amounts written as words before a unit ("an hour", "two days", "remind:a day"): read as their digits.
# Only before a unit word, so "in a lot" stays unreadable rather than becoming "in 1 lot".
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40,
    "forty-five": 45, "forty five": 45, "sixty": 60, "ninety": 90,
}  # fmt: skip
_UNIT_WORD = r"(?:minutes?|mins?|hours?|hrs?|days?|weeks?)\b"
_WORDED = re.compile(
    rf"\b({'|'.join(sorted((re.escape(w) for w in _NUMBER_WORDS), key=len, reverse=True))})\s+(?={_UNIT_WORD})"
)
_HALF_HOUR = re.compile(r"\bhalf (?:an? )?hour\b")
# Several amounts in a row ("1h 30m", "1h30m", "2 hours and 15 minutes"): each unit at most once.
_SPAN = re.compile(r"^\d+\s*[a-z]+(?:(?:\s*,\s*|\s+and\s+|\s*)\d+\s*[a-z]+)*$")
_SPAN_ITEM = re.compile(r"\d+\s*[a-z]+")


# "1.5 hours", "2.5d": a decimal amount, read in the next smaller unit when it is a whole number of it
# (90 minutes, 60 hours); bounded digits, so no amount is a long number to multiply.
_DECIMAL = re.compile(r"(?<![\d.])(\d{1,6})\.(\d{1,3})\s*(weeks?|w|days?|d|hours?|hrs?|h)\b")
_SMALLER = {"weeks": ("days", 7), "days": ("hours", 24), "hours": ("minutes", 60)}


def _in_smaller_unit(match: re.Match[str]) -> str:
    smaller, times = _SMALLER[UNITS[match.group(3)]]
    amount = Fraction(f"{match.group(1)}.{match.group(2)}") * times
    return f"{amount.numerator} {smaller}" if amount.denominator == 1 else match.group(0)


def digits_for_words(text: str) -> str:
    """``text`` lower-cased with amounts written as words turned into digits: "an hour" → "1 hour",
    "half an hour" → "30 minutes", and a decimal amount in a smaller unit: "1.5 hours" → "90 minutes"
    (one that is no whole number of it, "1.3 hours", stays unreadable); every reader of amounts goes
    through this, so they agree."""
    lowered = _DECIMAL.sub(_in_smaller_unit, _HALF_HOUR.sub("30 minutes", text.lower()))
    return _WORDED.sub(lambda match: f"{_NUMBER_WORDS[match.group(1)]} ", lowered)


def parse_span(text: str) -> list[Duration] | None:
    """One or more amounts, as ``in …`` takes them ("1h 30m", "1 day 2 hours", "an hour"); None when
    unreadable or when a unit comes twice ("1h 1h" is a slip, not two hours)."""
    cleaned = " ".join(digits_for_words(text).split())
    if not _SPAN.match(cleaned):
        return None
    parts = [parse_duration(item) for item in _SPAN_ITEM.findall(cleaned)]
    if any(part is None for part in parts):
        return None
    found = [part for part in parts if part is not None]
    return found if len({part.unit for part in found}) == len(found) else None


def parse_duration(text: str) -> Duration | None:
    """``3 days``, ``24h``, ``90 minutes``, ``1 week``, ``a day`` (case-insensitive); None for anything else."""
    match = _AMOUNT.match(digits_for_words(text.strip()))
    if match is None:
        return None
    unit = UNITS.get(match.group(2))
    digits = match.group(1).lstrip("0") or "0"
    amount = int(digits) if len(digits) <= len(str(MAX_AMOUNT)) else MAX_AMOUNT  # never int() of 5,000 digits
    return None if unit is None else Duration(min(amount, MAX_AMOUNT), unit)
