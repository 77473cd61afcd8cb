"""A big, busy server as a large club has it after two years, built straight through the services.

Three hundred stories with long titles (some declaring a hundred warnings), books without files,
one story of 2,000 titled chapters with open reports on two hundred of them (past its end when it
is built shorter, as after a ``/story update`` took chapters down), one story with a possible
warning in every chapter, every custom rule a server may have (each in a category of its own, long
patterns), switched-off categories and rules, a hundred discussions with reminders, forty
nominations, and a member who avoids every warning. Listings are driven over it.
"""

from __future__ import annotations

from datetime import timedelta

from bot.devtools.driver import Club
from bot.discussions.store import NewDiscussion, create_discussions
from bot.progress import prefs_store
from bot.story.books import add_book
from bot.story.model import Chapter, Scene, Story, StoryMeta
from bot.story.store import add_story
from bot.warnings import service, store
from bot.warnings.patterns import MAX_CUSTOM_RULES
from bot.warnings.rules import default_ruleset

LONG = "The Extraordinarily Long and Winding Chronicle of the Lighthouse Keeper's Daughter"  # 84 characters


def long_title(n: int) -> str:
    return f"{LONG} and Her {n} Gulls, Being a True Account of Storms, Lamps, Letters and Tides (Vol. {n})"[:200]


async def build(club: Club, *, stories: int = 300, chapters: int = 2000, discussions: int = 100) -> dict[str, int]:
    db, guild_id, now = club.bot.db, club.guild.id, club.clock.now().timestamp()
    ids: dict[str, int] = {}
    for n in range(stories):
        warnings = "death, self-harm, violence, abuse, suicide" if n % 50 == 0 else None
        book = await add_book(
            db, guild_id, title=long_title(n), chapters=10 + n, author="A" * 150 + f" {n}",
            warnings=warnings, added_by=club.admin.id, now=now,
        )  # fmt: skip
        ids.setdefault("book", book.story_id)
    titled = [
        Chapter(k, f"Chapter the {k}th, in which a very long chapter title goes on and on " + "and on " * 15, [])
        for k in range(1, chapters + 1)
    ]
    titled[0].scenes.append(Scene(["The lamp was lit."]))
    ids["long"] = await add_story(
        db, guild_id, Story(StoryMeta(title=LONG + " (Complete)", summary="S" * 2000), titled, "txt"),
        content_hash="busy-long", added_by=club.admin.id, now=now,
    )  # fmt: skip
    declared = [f"Author's own warning number {k}: " + "tag " * 30 for k in range(100)]
    ids["declared"] = await add_story(
        db, guild_id, Story(StoryMeta(title=long_title(999), declared_warnings=declared), titled[:3], "txt"),
        content_hash="busy-declared", added_by=club.admin.id, now=now,
    )  # fmt: skip
    async with db.transaction() as tx:
        for k in range(MAX_CUSTOM_RULES):
            category = f"custom-category-number-{k:03d}-with-a-long-id"[:40]
            await store.insert_category(tx, guild_id, category, category.replace("-", " ").capitalize(), None, now)
            pattern = f"(?:lighthouse|keeper|storm){k} " + "x" * 450
            rule_id = await store.insert_rule(tx, guild_id, category, "regex", pattern, None, now)
            ids.setdefault("rule", rule_id)
        for default in list(await service.guild_taxonomy(db, guild_id))[:10]:
            await store.insert_disabled(tx, guild_id, "category", default.id, None, now)
        for rule in default_ruleset().rules[:100]:
            await store.insert_disabled(tx, guild_id, "rule", rule.id, None, now)
        for k in range(200):
            await store.insert_report(tx, guild_id, ids["long"], 1 + k, "death", 10_000 + k, "N" * 300, now)
        taxonomy = await service.guild_taxonomy(db, guild_id)
        for category in taxonomy:
            await prefs_store.add_avoided(tx, guild_id, club.member.id, category.id, now=now, strict=True)
        await store.bump_version(tx, guild_id)
    due = club.clock.now() + timedelta(days=2)
    [ids["discussion"], *_] = await create_discussions(
        db, guild_id,
        [
            NewDiscussion(ids["long"], k, due + timedelta(hours=k), club.text_channel.id, True,
                          (timedelta(days=1), timedelta(hours=1)), club.admin.id)
            for k in range(1, discussions + 1)
        ],
        now=club.clock.now(),
    )  # fmt: skip
    return ids


async def add_possible_story(club: Club, chapters: int = 12) -> int:
    """A story whose every chapter has one possible warning (blood, below the threshold) and nothing more."""
    text = Story(
        StoryMeta(title=LONG + " (Red Floors)"),
        [
            Chapter(k, None, [Scene(["There was blood on the floor.", "His hand was bleeding."])])
            for k in range(1, chapters + 1)
        ],
        "txt",
    )
    return await add_story(
        club.bot.db,
        club.guild.id,
        text,
        content_hash="busy-red",
        added_by=club.admin.id,
        now=club.clock.now().timestamp(),
    )


async def nominate_many(club: Club, count: int = 40) -> None:
    """``count`` nominations of long titles, each from a member of its own."""
    service = club.bot.get_cog("NominationCog").service
    for n in range(count):
        await service.nominate(club.guild.id, 20_000 + n, f"{LONG} number {n} " + "z" * 90)
