"""``remind:`` text ("24h,1h,30m,2d") into reminder offsets before a discussion.

Bounded on purpose: a handful of reminders, none more than two weeks ahead, so one
schedule cannot flood a channel.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import timedelta

from bot.discussions.durations import UNITS, digits_for_words, parse_duration
from bot.errors import UserError
from bot.text import quote_input, visible_line

DEFAULT_REMINDERS: tuple[timedelta, ...] = (timedelta(hours=24), timedelta(hours=1))
MAX_REMINDERS = 5
MAX_REMINDER_AHEAD = timedelta(days=14)
MIN_REMINDER_AHEAD = timedelta(minutes=5)
# One reminder: an amount with its unit, spaced or not ("1 day", "24h"), else any other word, to be refused.
# Splitting on every space read "1 day, 2 hours" as the reminders "1" and "day".
_ITEM = re.compile(r"\d+\s*[a-z]+\b|[^\s,]+")
_NONE = frozenset({"none", "off", "no", "0"})
_BEFORE = frozenset({"before", "ahead", "prior", "earlier"})  # said after amounts: what every reminder is
_OTHER_SEPARATORS = re.compile(r"\s*[;/|]\s*")
_THE_UNIT_BEFORE = re.compile(r"(^|,\s*)(?:the\s+)?(day|week|hour)(?=\s+before\b)")  # "the day before"
# "a"/"an" as an amount ("a day"), found before it becomes "1 day", so the word before it can be looked at.
_ARTICLE_AMOUNT = re.compile(r"\b(?:a|an)\s+(?=(?:minutes?|mins?|hours?|hrs?|days?|weeks?)\b)")


def _rate(text: str) -> str | None:
    """The words of a rate, "1 day a week" or "2 hours a day", if ``text`` has one: an amount straight
    after another with "a"/"an", no comma or "and" between. Read as amounts, they were two reminders
    (a day and a week before) where the admin meant how often; so they are asked about instead."""
    for match in _ARTICLE_AMOUNT.finditer(text):
        before = text[: match.start()].split()
        if before and (before[-1] in UNITS or parse_duration(before[-1]) is not None):
            amount = before[-2:] if before[-1] in UNITS else before[-1:]  # "1 day" or "1h"
            return " ".join([*amount, match.group(0).strip(), text[match.end() :].split()[0].rstrip(",")])
    return None


def _as_typed(piece: str, typed: str) -> str:
    """``piece`` of the lower-cased text as the member typed it, capitals kept (quote_input shows a member's
    text as typed), when it is there; else as read (amounts written as words were turned into digits)."""
    lowered = typed.lower()
    if len(lowered) == len(typed) and (at := lowered.find(piece)) >= 0:
        return typed[at : at + len(piece)]
    return piece


def parse_remind(text: str | None) -> tuple[timedelta, ...]:
    """Offsets, largest first; ``None``/empty means the defaults, ``none``/``off`` means no reminders."""
    if text is None or not visible_line(text):
        return DEFAULT_REMINDERS
    # "a day", "an hour, 30 minutes", "half an hour" read as amounts; full-width digits as ASCII ones.
    typed = " ".join(unicodedata.normalize("NFKC", text).split())
    normalised = typed.lower()
    if (rate := _rate(normalised)) is not None:
        raise UserError(
            f"{quote_input(_as_typed(rate, typed), 60)} is unclear: it reads as how often, and reminders are amounts before the "
            "discussion. List them with commas, like `1d,1h` (a day and an hour before), or write `none`."
        )
    # "24h; 1h" and "24h / 1h" list as commas do; "the day before" is a day before.
    cleaned = _THE_UNIT_BEFORE.sub(r"\g<1>1 \2", digits_for_words(_OTHER_SEPARATORS.sub(",", normalised)))
    if cleaned in _NONE:
        return ()
    if "," in cleaned and any(not visible_line(item) for item in cleaned.split(",")):
        # "1h," or "1h,,30m": a reminder left out by mistake, or a stray comma; either way, asked rather than guessed.
        raise UserError(
            f"{quote_input(text.strip(), 60)} has an empty reminder between its separators; list amounts like "
            "`24h,1h`, or write `none`."
        )
    offsets: set[timedelta] = set()
    for match in _ITEM.finditer(cleaned):
        raw = match.group(0)
        if raw == "and" or (raw in _BEFORE and match.start() > 0):  # "1 hour before", "24h, 1h before"
            continue
        if raw in _NONE:
            raise UserError(
                f"`{raw}` means no reminders, so it goes on its own: write `remind:{raw}`, or only amounts "
                "like `24h,1h`."
            )
        duration = parse_duration(raw)
        if duration is None:
            raise UserError(
                f"I can't read {quote_input(_as_typed(raw, typed))} as a reminder. Use amounts like `24h,1h,30m,2d`, or `none`."
            )
        offset = duration.delta()
        if not MIN_REMINDER_AHEAD <= offset <= MAX_REMINDER_AHEAD:
            raise UserError(
                f"Reminders can be from 5 minutes to 14 days before the discussion; {quote_input(_as_typed(raw, typed))} is not."
            )
        offsets.add(offset)
    if not offsets:  # "and" alone: no amount at all, which is not `none` said another way
        raise UserError(
            f"I can't read {quote_input(text.strip(), 60)} as reminders. Use amounts like `24h,1h,30m,2d`, or `none`."
        )
    if len(offsets) > MAX_REMINDERS:
        raise UserError(f"At most {MAX_REMINDERS} reminders per discussion.")
    return tuple(sorted(offsets, reverse=True))


def describe_offset(offset: timedelta) -> str:
    seconds = int(offset.total_seconds())
    for size, unit in ((86400, "d"), (3600, "h"), (60, "m")):
        if seconds % size == 0:
            return f"{seconds // size}{unit}"
    return f"{seconds}s"
