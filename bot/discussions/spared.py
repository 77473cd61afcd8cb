"""Who a reminder leaves out for what they avoid: the one place that decides it.

A reminder asks the members who are behind to read on to the discussed chapter, so it asks
them to read every chapter past where they are, not the discussed one alone. A member who
avoids a warning one of those chapters carries (its header shows it: declared, detected,
added or confirmed; for a strict avoider also what nobody settled: a possible warning or an
unanswered report) is left out of the reminder and of its DM copy, never named or counted.

Left out rather than told which warning: the reminder is public, and a warning beside a
member's name would tell the club what they avoid; a DM copy naming it would send the
warning to someone who asked not to meet it. They can still read on with ``/excerpt read``,
which asks them first, chapter by chapter. The discussed chapter counts for everyone (the
discussion is about it), as it always did, so a member who has read it is not sent a copy of a
reminder to discuss a chapter carrying what they avoid.

Bounded whatever the story's length and the club's size: the story's warnings are read once
for chapters 1 to the discussed one (:func:`bot.warnings.reviews.carried_through`: the last
chapter carrying each), and the avoiders of those warnings with their progress in one query;
each member is then decided by a lookup per warning they avoid.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable

from bot.db import Database
from bot.progress.prefs_store import avoided_word_keys, avoiders_in_story
from bot.warnings.reviews import Carried, carried_through

CarriedThrough = Callable[[Database, int, int, int], Awaitable[Carried]]


def spared(carried: Carried, avoiders: Iterable[tuple[int, str, bool, int]], reach: int) -> set[int]:
    """The members among ``avoiders`` (user id, warning, strict, chapter reached) with a chapter
    still to read up to ``reach`` (and ``reach`` itself) that carries a warning they avoid."""
    left_out: set[int] = set()
    for user_id, warning_id, strict, reached in avoiders:
        if carried.ahead(warning_id, min(reached, reach - 1), strict=strict):
            left_out.add(user_id)
    return left_out


async def members_spared(
    db: Database, guild_id: int, story_id: int, reach: int, *, carried_through: CarriedThrough = carried_through
) -> set[int]:
    """The members a reminder to read up to chapter ``reach`` of the story leaves out (see the module)."""
    carried = await carried_through(db, guild_id, story_id, reach)
    keys = set(carried.ids)
    # Words a member avoids (bot.warnings.avoided_words) that these chapters name, or that name a
    # category these chapters show (one created for the words since).
    if carried.words or carried.shown:
        keys |= {key for key in await avoided_word_keys(db, guild_id) if carried.ahead(key, 0, strict=False)}
    if not keys:
        return set()
    return spared(carried, await avoiders_in_story(db, guild_id, story_id, keys), reach)
