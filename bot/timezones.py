"""IANA time zone names: validation and search for autocomplete."""

from __future__ import annotations

import difflib
import functools
import re
import zoneinfo
from datetime import UTC, datetime, timedelta, timezone
from importlib import resources

from bot.errors import UserError
from bot.limits import AUTOCOMPLETE_CHOICES
from bot.text import quote_input, visible_line


@functools.cache
def all_zones() -> tuple[str, ...]:
    """Sorted once per process; the set comes from tzdata and never changes while running."""
    return tuple(sorted(zone for zone in zoneinfo.available_timezones() if "/" in zone or zone == "UTC"))


# "UTC+2", "GMT-5", "UTC+05:30", "+02:00": an offset as people write one (the minus sign may be U+2212).
_OFFSET = re.compile(
    r"(?:(?P<named>utc|gmt) ?)?(?P<sign>[+\-\u2212]) ?(?P<hours>\d{1,2})(?::?(?P<minutes>\d{2}))?", re.I
)

# Abbreviations people type for a zone. Each names a season's offset, not a zone (and "IST" or "CST"
# names several), so none is accepted: the refusal names the zone most people mean by it.
_ABBREVIATIONS = {
    "pst": "America/Los_Angeles", "pdt": "America/Los_Angeles", "pt": "America/Los_Angeles",
    "mst": "America/Denver", "mdt": "America/Denver", "mt": "America/Denver",
    "cst": "America/Chicago", "cdt": "America/Chicago", "ct": "America/Chicago",
    "est": "America/New_York", "edt": "America/New_York", "et": "America/New_York",
    "akst": "America/Anchorage", "hst": "Pacific/Honolulu", "ast": "America/Halifax",
    "bst": "Europe/London", "wet": "Europe/Lisbon", "west": "Europe/Lisbon",
    "cet": "Europe/Berlin", "cest": "Europe/Berlin", "eet": "Europe/Athens", "eest": "Europe/Athens",
    "msk": "Europe/Moscow", "ist": "Asia/Kolkata", "pkt": "Asia/Karachi", "wib": "Asia/Jakarta",
    "sgt": "Asia/Singapore", "hkt": "Asia/Hong_Kong", "pht": "Asia/Manila", "jst": "Asia/Tokyo",
    "kst": "Asia/Seoul", "awst": "Australia/Perth", "acst": "Australia/Adelaide",
    "aest": "Australia/Sydney", "aedt": "Australia/Sydney", "nzst": "Pacific/Auckland", "nzdt": "Pacific/Auckland",
    "brt": "America/Sao_Paulo", "art": "America/Argentina/Buenos_Aires", "sast": "Africa/Johannesburg",
    "wat": "Africa/Lagos", "eat": "Africa/Nairobi",
}  # fmt: skip


def fixed_offset(text: str) -> timezone | None:
    """The fixed offset ``text`` writes ("UTC+2", "GMT-5", "UTC+05:30", "+02:00"), or None.

    A bare sign needs two digits ("+02", "+0530"), so "+2" alone is no zone; an offset Discord's
    members live in runs from -12:00 to +14:00, in quarter hours."""
    match = _OFFSET.fullmatch(text.strip())
    if match is None or (not match["named"] and len(match["hours"]) < 2):
        return None
    hours, minutes = int(match["hours"]), int(match["minutes"] or 0)
    if minutes % 15 or hours > 14 or (hours == 14 and minutes):
        return None
    offset = timedelta(hours=hours, minutes=minutes) * (1 if match["sign"] == "+" else -1)
    if offset < timedelta(hours=-12):
        return None
    return timezone(offset, f"UTC{match['sign'].replace(chr(0x2212), '-')}{hours:02d}:{minutes:02d}")


def _offset_refusal(name: str, offset: timezone) -> UserError:
    """Why a server's zone is no offset: a club's evening keeps its hour across summer time only
    in a named zone. Whole hours have an IANA name that never changes, counted the other way."""
    whole = offset.utcoffset(None)
    hours, rest = divmod(int(whole.total_seconds()), 3600)
    steady = (
        f", or Etc/GMT{-hours:+d} for {offset.tzname(None)} all year (Etc names count the other way)"
        if not rest
        else ""
    )
    return UserError(
        f"{quote_input(name)} is an offset, not a zone: name the place, such as Europe/Berlin or America/New_York, "
        f"so times follow its summer time{steady}."
    )


def validate_zone(name: str) -> str:
    """The canonical spelling of ``name``, or a :class:`UserError` saying what to type."""
    cleaned = name.strip().replace(" ", "_")
    by_lower = {zone.lower(): zone for zone in all_zones()}
    zone = by_lower.get(cleaned.lower())
    if zone is None and not visible_line(cleaned):
        raise UserError("Name a time zone, such as Europe/Berlin (start typing and pick one from the list).")
    if zone is None and (offset := fixed_offset(name)) is not None:
        raise _offset_refusal(name, offset)
    if zone is None and cleaned.lower() in _ABBREVIATIONS:
        raise UserError(
            f"{quote_input(name)} is an abbreviation, not a zone; did you mean {_ABBREVIATIONS[cleaned.lower()]}? "
            "(Start typing and pick one from the list.)"
        )
    if zone is None and (country := _country_refusal(name)) is not None:
        raise country
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


# How North Americans name their zone, and the United Kingdom's names: the zone meant, never a guess at
# Canada/Eastern or Canada/Pacific (old aliases, which the city look-up below would offer).
_REGION_NAMES = {
    "eastern": "America/New_York", "central": "America/Chicago", "mountain": "America/Denver",
    "pacific": "America/Los_Angeles", "alaska": "America/Anchorage", "hawaii": "Pacific/Honolulu",
    "atlantic": "America/Halifax", "uk": "Europe/London", "england": "Europe/London",
    "scotland": "Europe/London", "wales": "Europe/London", "great britain": "Europe/London",
}  # fmt: skip
_TIME_WORDS = re.compile(r"\s+(?:standard\s+|daylight\s+)?time$", re.IGNORECASE)  # "Eastern Time"


def _country_refusal(name: str) -> UserError | None:
    """A country or region typed as the zone ("Germany", "Eastern Time", "Brazil"): its zone when it has
    one, else that it has several and to pick the city; None for anything else."""
    place = " ".join(_TIME_WORDS.sub("", name.strip()).lower().split())
    if place in _REGION_NAMES:
        return UserError(
            f"{quote_input(name)} is not a zone's name; did you mean {_REGION_NAMES[place]}? "
            "(Start typing and pick one from the list.)"
        )
    zones = _country_zones().get(place)
    if not zones:
        return None
    # One zone, or one for "most of Germany" / "Spain (mainland)" beside islands and exclaves.
    main = [zone for zone, note in zones if note.startswith("most of") or note.endswith("(mainland)")]
    if len(zones) == 1 or len(main) == 1:
        return UserError(
            f"{quote_input(name)} is a country, not a zone's name; did you mean {(main or [zones[0][0]])[0]}? "
            "(Start typing and pick one from the list.)"
        )
    return UserError(
        f"{quote_input(name)} has {len(zones)} time zones: start typing your city, or a big city near you, "
        "and pick it from the list."
    )


@functools.cache
def _country_zones() -> dict[str, tuple[tuple[str, str], ...]]:
    """Each country's zones by its name in lower case ("germany", "britain", "uk"), from tzdata's
    ``iso3166.tab`` and ``zone.tab``; empty when the package lacks them (the refusal then names examples)."""
    try:
        tables = resources.files("tzdata").joinpath("zoneinfo")
        countries = tables.joinpath("iso3166.tab").read_text(encoding="utf-8")
        places = tables.joinpath("zone.tab").read_text(encoding="utf-8")
    except (ModuleNotFoundError, OSError):
        return {}
    by_code: dict[str, list[tuple[str, str]]] = {}
    for line in places.splitlines():
        fields = line.split("\t")
        if len(fields) >= 3 and not line.startswith("#"):
            by_code.setdefault(fields[0], []).append((fields[2], fields[3] if len(fields) > 3 else ""))
    found: dict[str, tuple[tuple[str, str], ...]] = {}
    shared: set[str] = set()
    for line in countries.splitlines():
        code, _, country = line.partition("\t")
        if line.startswith("#") or not country or code not in by_code:
            continue
        # "Korea (South)": "korea (south)", "south korea" and "korea" (dropped below: the North's too);
        # "Britain (UK)": "britain" and "uk" (an abbreviation in capitals alone).
        base, _, aside = country.partition(" (")
        aside = aside.rstrip(")")
        spellings = {country.lower(), base.lower()}
        if aside:
            spellings |= {f"{aside} {base}".lower()} | ({aside.lower()} if aside.isupper() else set())
        for spelling in spellings:
            if spelling in found and found[spelling] != tuple(by_code[code]):
                shared.add(spelling)
            found.setdefault(spelling, tuple(by_code[code]))
    return {spelling: zones for spelling, zones in found.items() if spelling not in shared}


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


# Which zones an offset lists first: the regions most members live in (Africa's many UTC+01:00 zones
# would otherwise fill the menu before Europe/Berlin).
_REGION_ORDER = ("Europe", "America", "Asia", "Australia", "Africa", "Pacific", "Atlantic", "Indian")


def _offset_text(offset: timedelta) -> str:
    sign = "-" if offset < timedelta(0) else "+"
    hours, minutes = divmod(abs(int(offset.total_seconds())) // 60, 60)
    return f"UTC{sign}{hours:02d}:{minutes:02d}"


def zones_at_offset(offset: timedelta, now: datetime, limit: int = AUTOCOMPLETE_CHOICES) -> list[str]:
    """The zones whose clocks are ``offset`` from UTC at ``now``, the ``Etc/GMT`` one of a whole hour first.

    ``Etc/GMT+1`` is UTC-01:00 (POSIX counts west as positive), so "GMT+1" matched by name offered
    zones an hour behind UTC instead of ahead of it.
    """
    hours, rest = divmod(int(offset.total_seconds()), 3600)
    steady = [] if rest else ["UTC" if hours == 0 else f"Etc/GMT{-hours:+d}"]  # the offset itself, all year
    region = {name: rank for rank, name in enumerate(_REGION_ORDER)}
    places = sorted(
        _places_by_offset(int(now.timestamp()) // 3600).get(offset, ()),
        key=lambda zone: (region.get(zone.split("/", 1)[0], len(region)), zone),
    )
    return (steady + places)[:limit]


@functools.lru_cache(maxsize=2)
def _places_by_offset(hour: int) -> dict[timedelta, tuple[str, ...]]:
    """Every place's offset during that hour (since the epoch): about 12 ms for the ~600 zones, so worked
    out once an hour rather than at every keystroke of the autocomplete, on the event loop."""
    moment = datetime.fromtimestamp(hour * 3600, UTC)
    found: dict[timedelta, list[str]] = {}
    for zone in all_zones():
        if zone.startswith("Etc/") or zone == "UTC":  # Etc's aliases of UTC, and its other offsets
            continue
        offset = moment.astimezone(zoneinfo.ZoneInfo(zone)).utcoffset()
        if offset is not None:
            found.setdefault(offset, []).append(zone)
    return {offset: tuple(zones) for offset, zones in found.items()}


def zone_choices(typed: str, now: datetime, limit: int = AUTOCOMPLETE_CHOICES) -> list[tuple[str, str]]:
    """What the time zone option offers, as (label, zone): for an offset typed ("GMT+1", "UTC-5") the zones
    at that offset now, labelled with it; otherwise :func:`search_zones`, each labelled with its name."""
    offset = fixed_offset(typed) if visible_line(typed) else None
    if offset is None:
        return [(zone, zone) for zone in search_zones(typed, limit)]
    delta = offset.utcoffset(None)
    shown = _offset_text(delta)
    return [
        (f"{zone} ({shown} all year)" if zone.startswith("Etc/") or zone == "UTC" else f"{zone} ({shown} now)", zone)
        for zone in zones_at_offset(delta, now, limit)
    ]


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
