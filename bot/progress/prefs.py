"""Member preferences, the use cases: the warnings a member prefers to avoid, per server.

The SQL is in :mod:`bot.progress.prefs_store`; this module checks ids against the server's
catalogue and decides what a member is asked about.

A member who avoids a warning *strictly* is also asked about chapters where it is only
``possible`` (real evidence below the threshold that no admin has confirmed or dismissed), or
reported by a member and not yet answered by an admin.

A server's catalogue is the default taxonomy plus that server's custom categories, so the
same id can be valid in one server and unknown in another. A preference for a custom
category that was later deleted is kept (the member chose it) and shown as such.
"""

from __future__ import annotations

import time
from typing import NamedTuple

from bot.db import Database
from bot.errors import UserError
from bot.limits import AUTOCOMPLETE_CHOICES
from bot.progress import prefs_store
from bot.progress.prefs_store import avoided_warnings, members_avoiding, strictly_avoided
from bot.progress.store import ensure_member
from bot.story.model import HeaderWarning
from bot.text import quote_input, read_alike, visible_line
from bot.warnings.avoided_words import (
    WORDS_PREFIX,
    avoided_categories,
    avoided_words,
    matches,
    named_category,
    words_key,
)
from bot.warnings.reviews import unsettled_in_chapter
from bot.warnings.service import disabled_targets, guild_taxonomy, server_words
from bot.warnings.taxonomy import Taxonomy


async def server_taxonomy(db: Database, guild_id: int) -> Taxonomy:
    """The warnings a member of this server can choose from: defaults plus the server's own."""
    return await guild_taxonomy(db, guild_id)


async def _known(db: Database, guild_id: int, warning_id: str) -> tuple[str, Taxonomy]:
    """The key a member avoids: a category's id, or (:mod:`bot.warnings.avoided_words`) the words of
    something a story here warns of that no category matches ("drowning"), which headers show as
    "The admin also warns of: ..." and which the member may avoid as well."""
    taxonomy = await server_taxonomy(db, guild_id)
    typed = avoided_words(warning_id.strip()) or warning_id  # a menu's value for words
    found = taxonomy.find(typed)
    if found is not None:
        return found.id, taxonomy
    if not visible_line(typed):
        raise UserError("Pick a warning from the list, or see `/warnings categories`.")
    key = words_key(typed)
    if key is not None and any(matches(key[len(WORDS_PREFIX) :], said) for said in await server_words(db, guild_id)):
        return key, taxonomy
    raise UserError(
        f"{quote_input(typed)} is not a warning this server knows, nor words a story here warns of. "
        "Pick one from the list, or see `/warnings categories`." + taxonomy.did_you_mean(typed)
    )


def covered_by(taxonomy: Taxonomy, key: str) -> str | None:
    """The label of the category avoided words name now (an admin created it for them since), which
    the member avoids with them (:mod:`bot.warnings.avoided_words`); None for a category's key or
    words no category names."""
    words = avoided_words(key)
    category = named_category(words, taxonomy) if words is not None else None
    return taxonomy.label(category) if category is not None else None


def label(taxonomy: Taxonomy, key: str) -> str:
    """How an avoided warning is named: its category's label, or the words avoided."""
    words = avoided_words(key)
    return f"“{words}”" if words is not None else taxonomy.label(key)


class Avoided(NamedTuple):
    """What ``/prefs avoid`` did: the warning's id, whether it was new, and whether an avoided one's
    strictness changed (a member who avoided it already read "You already avoid" when it had)."""

    key: str
    added: bool
    restricted: bool = False


async def avoid(
    db: Database,
    guild_id: int,
    user_id: int,
    warning_id: str,
    *,
    now: float | None = None,
    display_name: str | None = None,
    strict: bool | None = None,
) -> Avoided:
    """Add a warning to the member's avoid list; returns its canonical id, whether it was new and
    whether its strictness changed.

    ``strict`` True/False sets whether possible warnings count too; None leaves it as it was.
    """
    key, _ = await _known(db, guild_id, warning_id)
    if avoided_words(key) is not None:
        strict = None  # words are only ever declared: nothing about them is "possible"
    stamp = time.time() if now is None else now
    async with db.transaction() as tx:
        await ensure_member(tx, guild_id, user_id, stamp, display_name)
        added = await prefs_store.add_avoided(tx, guild_id, user_id, key, now=stamp, strict=bool(strict))
        changed = not added and strict is not None and await prefs_store.set_strict(tx, guild_id, user_id, key, strict)
        return Avoided(key, added, changed)


async def allow(db: Database, guild_id: int, user_id: int, warning_id: str) -> tuple[str, bool]:
    """Remove a warning from the avoid list; returns (id, whether it was there).

    An id that is no longer in the catalogue (a deleted custom category) can still be removed.
    """
    wanted = warning_id.strip().lower()
    avoided = await avoided_warnings(db, guild_id, user_id)
    if wanted not in avoided:
        # Words avoided are taken back as typed too ("Drowning"), though no story warns of them now.
        key = words_key(avoided_words(warning_id.strip()) or warning_id)
        wanted = key if key in avoided else (await _known(db, guild_id, warning_id))[0]
    # Words and the category created for them since are one warning to the member: both go, or
    # "no longer ask you" would be untrue.
    taxonomy = await server_taxonomy(db, guild_id)
    one = avoided_categories([wanted], taxonomy)
    going = [key for key in avoided if key == wanted or (one and avoided_categories([key], taxonomy) == one)]
    async with db.transaction() as tx:
        removed = [await prefs_store.remove_avoided(tx, guild_id, user_id, key) for key in going or [wanted]]
        return wanted, any(removed)


async def possible_for_reader(
    db: Database, guild_id: int, user_id: int, story_id: int, chapter: int
) -> list[HeaderWarning]:
    """What the chapter may carry that nobody settled (a possible warning, an unanswered report:
    :func:`unsettled_in_chapter`) and this member avoids strictly, marked for them (ask first)."""
    strict = await strictly_avoided(db, guild_id, user_id)
    if not strict:
        return []
    found = await unsettled_in_chapter(db, guild_id, story_id, chapter)
    return [HeaderWarning(p.id, f"{p.label} (possible)", "possible", avoided=True) for p in found if p.id in strict]


async def undetected(db: Database, guild_id: int) -> set[str]:
    """The categories this server switched detection off for: a member who avoids one is asked
    only where an author declares it or an admin adds or confirms it, and must be told so."""
    _, off_categories = await disabled_targets(db, guild_id)
    return off_categories


async def describe_avoided(db: Database, guild_id: int, user_id: int) -> list[tuple[str, str | None]]:
    """(id, label) for each avoided warning, sorted by label; label None when no longer defined."""
    taxonomy = await server_taxonomy(db, guild_id)
    avoided = await avoided_warnings(db, guild_id, user_id)
    labelled = [(key, category.label if (category := taxonomy.get(key)) else avoided_words(key)) for key in avoided]
    return sorted(labelled, key=lambda item: (item[1] is None, item[1] or item[0]))


async def search_warnings(
    db: Database, guild_id: int, typed: str, limit: int = AUTOCOMPLETE_CHOICES
) -> list[tuple[str, str]]:
    """Autocomplete for /prefs avoid: (id, label) of this server's warnings matching ``typed``, then
    the words its stories warn of that no category matches (their key ``words:...``)."""
    taxonomy = await server_taxonomy(db, guild_id)
    found = [(category.id, category.label) for category in taxonomy.search(typed, limit)]
    if len(found) >= limit:
        return found
    needle = read_alike(typed)
    keys = {key for key, _ in found}
    for said in await server_words(db, guild_id):
        key = words_key(said)
        if key is None or named_category(key[len(WORDS_PREFIX) :], taxonomy) is not None:
            continue  # a category was created for these words since: it is offered by its name
        if key not in keys and needle in key[len(WORDS_PREFIX) :]:
            keys.add(key)
            found.append((key, said))
    return found[:limit]


async def search_avoided(
    db: Database, guild_id: int, user_id: int, typed: str, limit: int = AUTOCOMPLETE_CHOICES
) -> list[tuple[str, str]]:
    """Autocomplete for /prefs allow: only what the member avoids now."""
    needle = typed.strip().lower()
    found = [
        (key, label or f"{key} (no longer defined)")
        for key, label in await describe_avoided(db, guild_id, user_id)
        if needle in key or needle in (label or "").lower()
    ]
    return found[:limit]


__all__ = [
    "allow",
    "avoid",
    "avoided_warnings",
    "covered_by",
    "describe_avoided",
    "members_avoiding",
    "possible_for_reader",
    "search_avoided",
    "search_warnings",
    "server_taxonomy",
    "strictly_avoided",
    "undetected",
]
