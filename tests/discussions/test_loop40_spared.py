"""Who a reminder leaves out, decided for a big club without holding the event loop.

A reminder decides, for every member who avoids something a chapter ahead of them carries,
whether they are left out (:mod:`bot.discussions.spared`). Each avoided ``words:...`` key was
worked out again for every member avoiding it: every word the story warns of folded again and
the server's categories searched again. Two thousand members avoiding words of a story that
warns of two hundred things kept the loop about ten seconds (1.4 s for a thousand members and
fifty words), so every other server's commands and reminders waited as long.
"""

from __future__ import annotations

from bot.db import Database
from bot.discussions.spared import members_spared
from bot.guilds import ensure_guild
from bot.progress import prefs_store
from bot.warnings.avoided_words import words_key
from bot.warnings.reviews import Carried
from bot.warnings.rules import default_ruleset
from tests.discussions.conftest import add_test_story
from tests.loop_probe import loop_lags

GUILD = 4040
MEMBERS = 2000
WORDS = 200  # things the story warns of that no category matches, as its headers show them


def said(k: int) -> str:
    return f"Drowning in deep cold water, number {k}"


async def test_a_reminder_decides_two_thousand_word_avoiders_without_holding_the_loop(db: Database) -> None:
    story_id = await add_test_story(db, GUILD, "The Deep", 60)
    async with db.transaction() as tx:
        await ensure_guild(tx, GUILD, 0.0)
        for user in range(MEMBERS):
            key = words_key(said(user % WORDS))
            assert key is not None
            await prefs_store.add_avoided(tx, GUILD, 10_000 + user, key, now=0.0, strict=False)
    words = {said(k): 1 + k % 50 for k in range(WORDS)}  # each named by one chapter from 1 to 50

    async def carried_through(db: Database, guild_id: int, story_id: int, upto: int) -> Carried:
        return Carried({"death": 10}, {}, {s: n for s, n in words.items() if n <= upto}, default_ruleset().taxonomy)

    await members_spared(db, GUILD, story_id, 2, carried_through=carried_through)  # warm the shared caches
    async with loop_lags() as lags:
        left_out = await members_spared(db, GUILD, story_id, 60, carried_through=carried_through)
    # Everyone is at chapter 0: each avoids words a chapter from 1 to 50 names, all ahead of them.
    assert left_out == {10_000 + user for user in range(MEMBERS)}
    worst = max(lags)
    print(
        f"{MEMBERS} avoiders of {WORDS} words decided; longest loop stall {worst * 1000:.0f} ms over {len(lags)} ticks"
    )
    assert worst < 0.25, f"the event loop stalled for {worst * 1000:.0f} ms"


def test_each_avoided_key_is_decided_as_before_however_many_members_share_it() -> None:
    """The per-key answer, worked out once, is the one ``ahead`` gave for each member: it still
    depends on where the member is (``after``) and on ``strict``."""
    carried = Carried({"death": 4}, {"gore": 6}, {"Drowning at sea": 3, "CPR": 5}, default_ruleset().taxonomy)
    for _ in range(2):  # a second look answers from what the first worked out
        assert carried.ahead("words:drowning", 2, strict=False)
        assert not carried.ahead("words:drowning", 3, strict=False)
        assert carried.ahead("words:cpr", 4, strict=False) and not carried.ahead("words:cpr", 5, strict=False)
        assert carried.ahead("death", 3, strict=False) and not carried.ahead("death", 4, strict=False)
        assert not carried.ahead("gore", 0, strict=False) and carried.ahead("gore", 5, strict=True)
        assert not carried.ahead("words:drowning", 3, strict=True)
