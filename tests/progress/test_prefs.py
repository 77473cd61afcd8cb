"""Member preferences on a real SQLite file: validated ids, per-server isolation."""

from __future__ import annotations

import pytest

from bot.db import Database
from bot.errors import UserError
from bot.progress import prefs, store
from bot.warnings.taxonomy import default_taxonomy

A = 1001
B = 2002


async def test_avoid_and_allow_round_trip(db: Database) -> None:
    assert await prefs.avoid(db, A, 7, "miscarriage", now=1.0) == ("miscarriage", True, False)
    assert await prefs.avoid(db, A, 7, "miscarriage", now=2.0) == ("miscarriage", False, False)
    assert await prefs.avoid(db, A, 7, "  Self-Harm ") == ("self-harm", True, False)
    assert await prefs.avoided_warnings(db, A, 7) == {"miscarriage", "self-harm"}
    assert await prefs.allow(db, A, 7, "miscarriage") == ("miscarriage", True)
    assert await prefs.allow(db, A, 7, "miscarriage") == ("miscarriage", False)
    assert await prefs.avoided_warnings(db, A, 7) == {"self-harm"}


async def test_a_label_is_accepted_for_its_id(db: Database) -> None:
    category = default_taxonomy().get("animal-death")
    assert category is not None
    key, added, _ = await prefs.avoid(db, A, 7, category.label.upper())
    assert (key, added) == ("animal-death", True)


async def test_unknown_warning_is_refused_and_nothing_is_stored(db: Database) -> None:
    with pytest.raises(UserError, match="“tarantulas” is not a warning this server knows"):
        await prefs.avoid(db, A, 7, "tarantulas")
    with pytest.raises(UserError, match="not a warning this server knows"):
        await prefs.allow(db, A, 7, "tarantulas")
    assert await db.fetch_value("SELECT count(*) FROM member_avoided_warnings") == 0
    assert await db.fetch_value("SELECT count(*) FROM club_members") == 0


async def test_setting_a_preference_makes_one_a_club_member(db: Database) -> None:
    await prefs.avoid(db, A, 7, "vomit", display_name="Ada")
    assert await store.is_hidden(db, A, 7) is False
    assert (
        await db.fetch_value("SELECT display_name FROM club_members WHERE guild_id = ? AND user_id = 7", (A,)) == "Ada"
    )


async def test_members_avoiding_any_of_several_warnings(db: Database) -> None:
    await prefs.avoid(db, A, 1, "death")
    await prefs.avoid(db, A, 2, "vomit")
    await prefs.avoid(db, A, 3, "death")
    await prefs.avoid(db, A, 3, "vomit")
    await prefs.avoid(db, A, 4, "grief")
    assert await prefs.members_avoiding(db, A, {"death", "vomit"}) == {1, 2, 3}
    assert await prefs.members_avoiding(db, A, ["grief"]) == {4}
    assert await prefs.members_avoiding(db, A, []) == set()


async def test_a_possible_warning_counts_only_for_strict_avoiders(db: Database) -> None:
    await prefs.avoid(db, A, 1, "death")
    await prefs.avoid(db, A, 2, "death", strict=True)
    await prefs.avoid(db, A, 3, "vomit")
    assert await prefs.members_avoiding(db, A, [], ["death"]) == {2}
    assert await prefs.members_avoiding(db, A, ["vomit"], ["death"]) == {2, 3}
    assert await prefs.members_avoiding(db, A, ["death"], ["death"]) == {1, 2}


async def test_preferences_are_per_server(db: Database) -> None:
    await prefs.avoid(db, A, 7, "death")
    assert await prefs.avoided_warnings(db, B, 7) == set()
    assert await prefs.members_avoiding(db, B, ["death"]) == set()
    assert await prefs.describe_avoided(db, B, 7) == []
    await prefs.avoid(db, B, 7, "vomit")
    assert await prefs.avoided_warnings(db, A, 7) == {"death"}
    assert await prefs.avoided_warnings(db, B, 7) == {"vomit"}


async def test_a_preference_no_longer_defined_is_shown_and_can_be_removed(db: Database) -> None:
    async with db.transaction() as tx:  # as if a custom category had been deleted since
        await store.ensure_member(tx, A, 7, 0.0)
        await tx.execute(
            "INSERT INTO member_avoided_warnings (guild_id, user_id, warning_id, created_at) VALUES (?, 7, 'gone', 0)",
            (A,),
        )
    await prefs.avoid(db, A, 7, "death")
    assert await prefs.describe_avoided(db, A, 7) == [("death", "Death"), ("gone", None)]
    assert await prefs.allow(db, A, 7, "gone") == ("gone", True)


async def test_autocomplete_offers_server_warnings_and_own_avoided(db: Database) -> None:
    found = await prefs.search_warnings(db, A, "self")
    assert ("self-harm", default_taxonomy().label("self-harm")) in found
    assert len(await prefs.search_warnings(db, A, "")) == 25
    await prefs.avoid(db, A, 7, "death")
    await prefs.avoid(db, A, 7, "vomit")
    assert [key for key, _ in await prefs.search_avoided(db, A, 7, "vom")] == ["vomit"]
    assert await prefs.search_avoided(db, A, 8, "") == []


async def test_a_server_custom_category_can_be_avoided_there_only(db: Database) -> None:
    from bot.warnings.service import add_rule

    await add_rule(db, A, category="spiders", pattern="~spider", new_category=True, now=0.0)
    assert await prefs.avoid(db, A, 7, "spiders") == ("spiders", True, False)
    assert ("spiders", "Spiders") in await prefs.search_warnings(db, A, "spid")
    assert await prefs.search_warnings(db, B, "spid") == []
    with pytest.raises(UserError, match="not a warning this server knows"):
        await prefs.avoid(db, B, 7, "spiders")
