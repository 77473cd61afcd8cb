"""IANA time zone names: validation and search for autocomplete."""

from __future__ import annotations

import difflib
import functools
import zoneinfo

from bot.errors import UserError
from bot.limits import AUTOCOMPLETE_CHOICES
from bot.text import quote_input, visible_line


@functools.cache
def all_zones() -> tuple[str, ...]:
    """Sorted once per process; the set comes from tzdata and never changes while running."""
    return tuple(sorted(zone for zone in zoneinfo.available_timezones() if "/" in zone or zone == "UTC"))


def validate_zone(name: str) -> str:
    """The canonical spelling of ``name``, or a :class:`UserError` saying what to type."""
    cleaned = name.strip().replace(" ", "_")
    by_lower = {zone.lower(): zone for zone in all_zones()}
    zone = by_lower.get(cleaned.lower())
    if zone is None and not visible_line(cleaned):
        raise UserError("Name a time zone, such as Europe/Berlin (start typing and pick one from the list).")
    if zone is None and (near := closest_zone(cleaned)) is not None:
        raise UserError(
            f"{quote_input(name)} is not a time zone I know; did you mean {near}? "
            "(Start typing and pick one from the list.)"
        )
    if zone is None:
        raise UserError(
            f"{quote_input(name)} is not a time zone I know. Use an IANA name such as Europe/Berlin or America/New_York "
            "(start typing and pick one from the list)."
        )
    return zone


# A name longer than any zone's (the longest, America/Argentina/ComodRivadavia, has 32) is no typo of one.
_LONGEST_TYPO = 40


def closest_zone(typed: str) -> str | None:
    """The zone a misspelt name or a city alone most likely meant ("Europe/Berln", "new york"), if one is close.

    Named in the refusal, so the fix is one word; nothing close (a made-up or pasted name) gives None
    and the refusal names examples instead.
    """
    if len(typed) > _LONGEST_TYPO:
        return None
    by_lower = {zone.lower(): zone for zone in all_zones()}
    found = difflib.get_close_matches(typed.lower(), list(by_lower), n=1, cutoff=0.85)
    if found:
        return by_lower[found[0]]
    # A city alone ("Berlin", "new york", "Tokio"): the zone named after it.
    by_city = {zone.rsplit("/", 1)[-1].lower(): zone for zone in reversed(all_zones()) if "/" in zone}
    if typed.lower() in by_city:
        return by_city[typed.lower()]
    # Fuzzy only past a few letters: "EST" is one letter from "West" (Australia/West) but means neither.
    found = difflib.get_close_matches(typed.lower(), list(by_city), n=1, cutoff=0.85) if len(typed) >= 5 else []
    return by_city[found[0]] if found else None


def search_zones(typed: str, limit: int = AUTOCOMPLETE_CHOICES) -> list[str]:
    """Prefix matches on any part of the name first, then substring matches."""
    needle = typed.strip().lower().replace(" ", "_")
    if not needle:
        return ["UTC", "Europe/London", "Europe/Berlin", "America/New_York", "America/Los_Angeles", "Asia/Tokyo"][
            :limit
        ]
    prefix = [z for z in all_zones() if any(part.lower().startswith(needle) for part in [z, *z.split("/")])]
    rest = [z for z in all_zones() if needle in z.lower() and z not in prefix]
    return (prefix + rest)[:limit]
