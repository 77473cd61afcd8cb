"""A server's own categories on a real SQLite file: capped, and dropped with their last rule only
when nothing a member or an admin decided refers to them."""

from __future__ import annotations

import pytest

from bot.db import Database
from bot.errors import UserError
from bot.progress import prefs
from bot.warnings import service, store
from bot.warnings.patterns import MAX_CUSTOM_CATEGORIES
from tests.warnings.test_service import SPIDER_STORY, stored

GUILD = 1001
OTHER = 2002


async def categories(db: Database, guild_id: int = GUILD) -> set[str]:
    return {category.id for category, _ in await service.custom_categories(db, guild_id)}


async def fill(db: Database, count: int, *, with_rules: bool = True) -> None:
    """``count`` custom categories, each with one rule (or none), as older servers may have them."""
    async with db.transaction() as tx:
        for n in range(count):
            await store.insert_category(tx, GUILD, f"cat-{n}", f"Cat {n}", None, 0.0)
            if with_rules:
                await store.insert_rule(tx, GUILD, f"cat-{n}", "phrase", f"word{n}", None, 0.0)


async def test_a_new_category_past_the_cap_is_refused_and_nothing_is_stored(db: Database) -> None:
    await fill(db, MAX_CUSTOM_CATEGORIES)
    with pytest.raises(UserError, match=f"already has {MAX_CUSTOM_CATEGORIES} warning categories of its own"):
        await service.add_rule(db, GUILD, category="moths", pattern="~moth", new_category=True, rescan=False)
    assert len(await categories(db)) == MAX_CUSTOM_CATEGORIES and "moths" not in await categories(db)
    assert len(await service.list_rules(db, GUILD)) == MAX_CUSTOM_CATEGORIES
    # A rule for a category the server has is still welcome, and another server has its own count.
    await service.add_rule(db, GUILD, category="cat-3", pattern="~moth", rescan=False)
    await service.add_rule(db, OTHER, category="moths", pattern="~moth", new_category=True, rescan=False)


async def test_at_the_cap_a_category_nothing_uses_any_more_makes_room(db: Database) -> None:
    await fill(db, MAX_CUSTOM_CATEGORIES - 1)
    async with db.transaction() as tx:  # left empty by an older Dogear, which never dropped one
        await store.insert_category(tx, GUILD, "old-empty", "Old empty", None, 0.0)
    await service.add_rule(db, GUILD, category="moths", pattern="~moth", new_category=True, rescan=False)
    assert "moths" in await categories(db) and "old-empty" not in await categories(db)


async def test_the_last_rule_takes_an_unused_category_with_it(db: Database) -> None:
    first = await service.add_rule(db, GUILD, category="spiders", pattern="~spider", new_category=True, rescan=False)
    second = await service.add_rule(db, GUILD, category="spiders", pattern="cobweb*", rescan=False)
    removed = await service.remove_rule(db, GUILD, first.id, rescan=False)
    assert not removed.category_removed and not removed.category_kept and "spiders" in await categories(db)
    removed = await service.remove_rule(db, GUILD, second.id, rescan=False)
    assert removed.category_removed and not removed.category_kept
    assert "spiders" not in await categories(db) and "spiders" not in await service.guild_taxonomy(db, GUILD)


async def test_a_category_an_override_or_a_member_refers_to_stays_without_rules(db: Database) -> None:
    story_id = await stored(db, GUILD, SPIDER_STORY)
    spiders = await service.add_rule(db, GUILD, category="spiders", pattern="~spider", new_category=True)
    moths = await service.add_rule(db, GUILD, category="moths", pattern="~moth", new_category=True)
    await service.set_override(db, GUILD, story_id, "spiders", "add")
    await prefs.avoid(db, GUILD, 7, "moths", now=0.0)
    for rule in (spiders, moths):
        removed = await service.remove_rule(db, GUILD, rule.id)
        assert removed.category_kept and not removed.category_removed
    assert {"spiders", "moths"} <= await categories(db)
    # The override still reads as the category it was made for, with its label.
    shown = {w.id: w.label for w in await service.story_warnings(db, GUILD, story_id)}
    assert shown["spiders"] == "Spiders"
    # Once the member no longer avoids it, the next new category clears it; the override keeps its own.
    await prefs.allow(db, GUILD, 7, "moths")
    await service.add_rule(db, GUILD, category="wasps", pattern="~wasp", new_category=True, rescan=False)
    assert await categories(db) == {"spiders", "wasps"}


async def test_reviews_reports_and_switch_offs_keep_a_category_too(db: Database) -> None:
    story_id = await stored(db, GUILD, SPIDER_STORY)
    names = ("reviewed", "reported", "switched")
    rules = [await service.add_rule(db, GUILD, category=n, pattern=f"~{n}x", new_category=True) for n in names]
    async with db.transaction() as tx:
        await store.upsert_review(tx, GUILD, story_id, 1, "reviewed", "confirmed", 5, 0.0)
        await tx.execute(
            "INSERT INTO warning_reports (guild_id, story_id, chapter, warning_id, reporter_id, created_at)"
            " VALUES (?, ?, 1, 'reported', 9, 0)",
            (GUILD, story_id),
        )
    await service.disable(db, GUILD, "switched")
    for rule in rules:
        assert (await service.remove_rule(db, GUILD, rule.id, rescan=False)).category_kept
    assert set(names) <= await categories(db)
