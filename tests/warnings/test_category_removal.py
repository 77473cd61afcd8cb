"""Removing a server's own warning category on a real SQLite file: what goes is shown first, goes
in one transaction with every reference of this server (never another server's, never a shipped
category's), and a confirmation of what changed since removes nothing."""

from __future__ import annotations

import pytest

from bot.db import Database
from bot.errors import UserError
from bot.progress import prefs
from bot.warnings import category_removal, service, store
from bot.warnings.patterns import MAX_CUSTOM_CATEGORIES
from tests.warnings.test_custom_categories import categories, fill
from tests.warnings.test_service import SPIDER_STORY, stored

GUILD = 1001
OTHER = 2002

# Every table that names a category, and how it names one.
NAMING = {
    "warning_rules": "category",
    "warning_overrides": "warning_id",
    "warning_reviews": "warning_id",
    "warning_reports": "warning_id",
    "member_avoided_warnings": "warning_id",
    "warning_disabled": "target",
    "chapter_warnings": "warning_id",
    "possible_warnings": "warning_id",
    "warning_categories": "id",
}


async def naming(db: Database, guild_id: int, category_id: str) -> dict[str, int]:
    """How many rows of each table of the server name the category."""
    counts = {}
    for table, column in NAMING.items():
        sql = f"SELECT count(*) FROM {table} WHERE guild_id = ? AND {column} = ?"
        counts[table] = await db.fetch_value(sql, (guild_id, category_id))
    return counts


async def report(db: Database, guild_id: int, story_id: int, warning_id: str, reporter: int, status: str) -> int:
    async with db.transaction() as tx:
        cursor = await tx.execute(
            "INSERT INTO warning_reports (guild_id, story_id, chapter, warning_id, reporter_id, status, created_at)"
            " VALUES (?, ?, 1, ?, ?, ?, 0)",
            (guild_id, story_id, warning_id, reporter, status),
        )
        report_id = int(cursor.lastrowid or 0)
        await store.owe_report_post(tx, guild_id, report_id, 0.0)
    return report_id


async def referred_everywhere(db: Database, guild_id: int, category_id: str) -> int:
    """A story scanned with two rules of the category, and every kind of decision naming it."""
    story_id = await stored(db, guild_id, SPIDER_STORY, key=f"spiders-{guild_id}")
    await service.add_rule(db, guild_id, category=category_id, pattern="~spider", new_category=True)
    await service.add_rule(db, guild_id, category=category_id, pattern="~cobweb")
    await service.set_override(db, guild_id, story_id, category_id, "add")
    async with db.transaction() as tx:
        await store.upsert_review(tx, guild_id, story_id, 1, category_id, "confirmed", 5, 0.0)
        await store.upsert_review(tx, guild_id, story_id, 2, category_id, "dismissed", 5, 0.0)
        await tx.execute(
            "INSERT INTO possible_warnings (story_id, guild_id, chapter, warning_id, score) VALUES (?, ?, 2, ?, 0.5)",
            (story_id, guild_id, category_id),
        )
    await report(db, guild_id, story_id, category_id, 8, "open")
    await report(db, guild_id, story_id, category_id, 9, "dismissed")
    for member in (7, 8, 9):
        await prefs.avoid(db, guild_id, member, category_id, now=0.0)
    await service.disable(db, guild_id, category_id, rescan=False)
    return story_id


async def test_the_plan_counts_everything_that_would_go_and_changes_nothing(db: Database) -> None:
    await referred_everywhere(db, GUILD, "spiders")
    before = await naming(db, GUILD, "spiders")
    plan = await category_removal.plan_removal(db, GUILD, " Spiders ")
    uses = plan.uses
    assert (plan.category_id, plan.label) == ("spiders", "Spiders")
    assert [rule.pattern for rule in uses.rules] == ["~spider", "~cobweb"]
    assert (uses.overrides, uses.confirmed, uses.dismissed) == (1, 1, 1)
    assert (uses.open_reports, uses.closed_reports, uses.avoiding, uses.switched_off) == (1, 1, 3, True)
    assert not plan.nothing_else and len(plan.key) == category_removal.KEY_CHARS
    assert await naming(db, GUILD, "spiders") == before


async def test_removal_takes_every_reference_of_this_server_and_no_other(db: Database) -> None:
    story_id = await referred_everywhere(db, GUILD, "spiders")
    other_story = await referred_everywhere(db, OTHER, "spiders")
    await service.set_override(db, GUILD, story_id, "death", "remove")  # a shipped category's, which stays
    assert (await naming(db, GUILD, "spiders"))["chapter_warnings"] == 1  # scanned before the switch-off
    other_before = await naming(db, OTHER, "spiders")
    version = await service.rules_version(db, GUILD)

    plan = await category_removal.plan_removal(db, GUILD, "spiders")
    done = await category_removal.remove_category(db, GUILD, "spiders", plan.key)

    assert done.outcome == "removed" and done.removal == plan
    assert set((await naming(db, GUILD, "spiders")).values()) == {0}
    assert await db.fetch_value("SELECT count(*) FROM report_posts WHERE guild_id = ?", (GUILD,)) == 0
    assert await naming(db, OTHER, "spiders") == other_before  # the other server's own is untouched
    assert await db.fetch_value("SELECT count(*) FROM report_posts WHERE guild_id = ?", (OTHER,)) == 2
    assert await service.overrides(db, GUILD, story_id) == {"death": "remove"}
    assert await service.rules_version(db, GUILD) > version  # stored scans naming it are made again
    assert "spiders" not in await service.guild_taxonomy(db, GUILD)
    assert "spiders" not in {w.id for w in await service.story_warnings(db, GUILD, story_id)}
    assert "spiders" in {w.id for w in await service.story_warnings(db, OTHER, other_story)}
    again = await category_removal.remove_category(db, GUILD, "spiders", plan.key)
    assert again.outcome == "gone"


async def test_a_shipped_category_is_refused_and_pointed_to_disable(db: Database) -> None:
    with pytest.raises(UserError, match=r"Dogear's own categories.*`/warnings rules disable target:death`"):
        await category_removal.plan_removal(db, GUILD, "Death")
    with pytest.raises(UserError, match="no category of its own called “moths”"):
        await category_removal.plan_removal(db, GUILD, "moths")
    with pytest.raises(UserError, match="Pick one of this server's own categories"):
        await category_removal.plan_removal(db, GUILD, " \u200b ")
    # Another server's category is not this one's to remove.
    await service.add_rule(db, OTHER, category="moths", pattern="~moth", new_category=True, rescan=False)
    with pytest.raises(UserError, match="no category of its own"):
        await category_removal.plan_removal(db, GUILD, "moths")


async def test_a_confirmation_of_what_changed_since_removes_nothing(db: Database) -> None:
    story_id = await stored(db, GUILD, SPIDER_STORY)
    await service.add_rule(db, GUILD, category="spiders", pattern="~spider", new_category=True, rescan=False)
    shown = await category_removal.plan_removal(db, GUILD, "spiders")
    await report(db, GUILD, story_id, "spiders", 8, "open")  # a member's report came in meanwhile
    changed = await category_removal.remove_category(db, GUILD, "spiders", shown.key)
    assert changed.outcome == "changed" and changed.removal is not None
    assert changed.removal.uses.open_reports == 1 and changed.removal.key != shown.key
    assert "spiders" in await categories(db) and (await naming(db, GUILD, "spiders"))["warning_reports"] == 1
    done = await category_removal.remove_category(db, GUILD, "spiders", changed.removal.key)
    assert done.outcome == "removed" and "spiders" not in await categories(db)


async def test_a_category_made_again_is_not_removed_by_the_old_confirmation(db: Database) -> None:
    await service.add_rule(db, GUILD, category="spiders", pattern="~spider", new_category=True, now=1.0, rescan=False)
    old = await category_removal.plan_removal(db, GUILD, "spiders")
    rule = (await service.list_rules(db, GUILD))[0]
    await service.remove_rule(db, GUILD, rule.id, rescan=False)  # gone with its last rule
    await service.add_rule(db, GUILD, category="spiders", pattern="~spider", new_category=True, now=2.0, rescan=False)
    stale = await category_removal.remove_category(db, GUILD, "spiders", old.key)
    assert stale.outcome == "changed" and "spiders" in await categories(db)


async def test_at_the_cap_with_every_category_referred_to_removing_one_makes_room(db: Database) -> None:
    story_id = await stored(db, GUILD, SPIDER_STORY)
    await fill(db, MAX_CUSTOM_CATEGORIES, with_rules=False)
    async with db.transaction() as tx:  # each kept, without rules, by a story's warning change
        for n in range(MAX_CUSTOM_CATEGORIES):
            await store.upsert_override(tx, GUILD, story_id, f"cat-{n}", "add", None, 0.0)
    assert len(await categories(db)) == MAX_CUSTOM_CATEGORIES
    with pytest.raises(UserError, match="`/warnings rules remove-category`"):
        await service.add_rule(db, GUILD, category="moths", pattern="~moth", new_category=True, rescan=False)
    plan = await category_removal.plan_removal(db, GUILD, "cat-7")
    assert plan.uses.overrides == 1 and not plan.uses.rules
    assert (await category_removal.remove_category(db, GUILD, "cat-7", plan.key)).outcome == "removed"
    await service.add_rule(db, GUILD, category="moths", pattern="~moth", new_category=True, rescan=False)
    assert "moths" in await categories(db) and "cat-7" not in await categories(db)
    assert len(await categories(db)) == MAX_CUSTOM_CATEGORIES


async def test_autocomplete_offers_only_this_servers_own_categories(db: Database) -> None:
    await service.add_rule(db, GUILD, category="spiders", pattern="~spider", new_category=True, rescan=False)
    await service.add_rule(db, OTHER, category="moths", pattern="~moth", new_category=True, rescan=False)
    assert await category_removal.own_category_choices(db, GUILD, "") == [("Spiders (spiders)", "spiders")]
    assert await category_removal.own_category_choices(db, GUILD, "dea") == []
