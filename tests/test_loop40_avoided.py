"""An excerpt's header, read for a member who avoids many words, without holding the event loop.

``/excerpt read`` asks, for each warning of the chapter's header, which of the things it says
the member avoids (:func:`bot.warnings.avoided_words.avoided_said`). Each of the member's words
was matched by folding every header word again, and each word looked for a category by
searching every category's names again: a member avoiding 2,000 words (``/prefs avoid`` takes any
words a story here warns of) on a header saying 200 things kept the loop about a second per
header, every other server waiting.
"""

from __future__ import annotations

import asyncio

from bot.warnings.avoided_words import avoided_categories, avoided_said, words_key
from bot.warnings.declared import alias_id
from bot.warnings.rules import default_ruleset
from bot.warnings.taxonomy import Category, Taxonomy
from tests.loop_probe import loop_lags

KEYS = 2000  # words a member avoids
SAID = 200  # things a header says that no category matches
CUSTOM = 50  # a server's own categories (MAX_CUSTOM_CATEGORIES)


def words(k: int) -> str:
    return f"Drowning in deep cold water, number {k}"


def server_taxonomy() -> Taxonomy:
    return default_ruleset().taxonomy.with_custom(
        Category(
            f"custom-{k:02d}-with-a-long-id", f"Custom category {k:02d} with a long label", "", "custom", custom=True
        )
        for k in range(CUSTOM)
    )


async def test_a_header_is_matched_against_two_thousand_avoided_words_without_holding_the_loop() -> None:
    taxonomy = server_taxonomy()
    keys = [key for k in range(KEYS) if (key := words_key(words(2 * k))) is not None]  # the even ones
    said = [words(k) for k in range(SAID)]
    alias_id("mcd")  # the shipped vocabulary, read once per process (start-up reads it in the bot)
    async with loop_lags() as lags:
        await asyncio.sleep(0.02)  # the probe is ticking
        categories = avoided_categories(keys, taxonomy)
        avoided = avoided_said(keys, said, taxonomy)
        again = avoided_said(keys, said, taxonomy)  # as the reading asks it twice of a header
        await asyncio.sleep(0.02)  # the probe sees how late it is
    assert categories == set()
    assert avoided == again == [words(k) for k in range(0, SAID, 2)]
    worst = max(lags)
    print(f"{KEYS} avoided words against {SAID} said; longest loop stall {worst * 1000:.0f} ms")
    assert worst < 0.25, f"the event loop stalled for {worst * 1000:.0f} ms"


def test_a_category_is_found_by_its_id_label_or_alias_as_before() -> None:
    taxonomy = server_taxonomy()
    for _ in range(2):  # the second look answers from the names kept by the first
        assert taxonomy.find("Self Harm") is taxonomy.find("self-harm") is taxonomy.get("self-harm")
        assert taxonomy.find("CUSTOM CATEGORY 07 WITH A LONG LABEL") is taxonomy.get("custom-07-with-a-long-id")
        assert taxonomy.find("custom_07_with_a_long_id") is taxonomy.get("custom-07-with-a-long-id")
        assert taxonomy.find("MCD") is taxonomy.get("death")
        assert taxonomy.find("nothing of the kind") is None and taxonomy.find("  ") is None
