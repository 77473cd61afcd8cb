"""Weak signs: one category's sure finding lets another's weak signs count (rule key ``needs``).

A death in a battle is often told by signs that alone mean nothing: men "fell and did not get up",
"we were one short at roll call", "nobody got off the train", "the screaming stopped". Alone each
is a rugby match, a drunk night, a quiet station, and no rule may count it; beside a massacre or a
battle the rules are sure of, it is the death. A rule with ``needs`` (a list of other categories)
is such a weak sign: its hits are kept aside while the chapter is scored, and afterwards each
counts only where one of the categories it needs is confident in the chapter on that category's
own evidence, with one of that category's hits in the same scene within :data:`SUPPORT_CHARS`
(paragraph starts, as the engine measures a window). The counted hits join the category's own and
the category is scored again as usual (threshold, window, tiers, ``supported_by``): a weak sign
adds evidence, with its own span as the evidence's words; it never removes a warning or lowers a
tier, and where no weak sign is supported the chapter's warnings are exactly what they were.

Support is read from the first scoring only: a category sure through weak signs of its own does
not lend support to another's weak signs (no chains: "fell" does not make a death that makes a
grief's weak sign count). A weak sign is silenced by its category's ``frames`` like any hit, and
the category it needs by its own: a war film watched, a re-enactment or a raid in a video game
finds no battle to lean on.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Mapping, Sequence

from bot.warnings.model import Rule

# A weak sign counts only this close (characters between paragraph starts, same scene) to a hit
# of the category it needs: the engine's window, a scene of about 350 words.
SUPPORT_CHARS = 2_000


def settings_key() -> str:
    """What :func:`supported` decides by, for the engine's ``scoring_key``."""
    return f"support={SUPPORT_CHARS}"


def supported(
    weak: Sequence[tuple[int, Rule]],
    sure: Mapping[str, Sequence[int]],
    offsets: Sequence[int],
    scenes: Sequence[int],
) -> list[tuple[int, Rule]]:
    """The hits of ``weak`` (paragraph index, rule) that a category their rule ``needs`` supports.

    ``sure``: each category confident in the chapter on its own evidence, with the paragraphs of
    its hits (indexes in reading order); ``offsets`` and ``scenes``: each paragraph's characters
    before it in the chapter and its scene. Binary search: two near hits per weak hit are looked at."""
    kept = []
    marks: dict[str, list[int]] = {}
    for index, rule in weak:
        at, scene = offsets[index], scenes[index]
        for category in rule.needs:
            hits = sure.get(category)
            if not hits:
                continue
            where = marks.get(category)
            if where is None:
                where = marks[category] = [offsets[hit] for hit in hits]
            after = bisect_left(where, at)
            if any(
                0 <= k < len(hits) and scenes[hits[k]] == scene and abs(where[k] - at) <= SUPPORT_CHARS
                for k in (after - 1, after)
            ):
                kept.append((index, rule))
                break
    return kept
