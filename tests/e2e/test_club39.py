"""Club admins' and members' slips of round 8 (session 39), answered through the Discord double."""

from __future__ import annotations

import hashlib

from bot.devtools.driver import Club
from bot.nominations import store as nominations_store
from bot.story.model import Chapter, Scene, Story, StoryMeta
from bot.story.store import add_story
from tests.e2e.test_mistakes34 import private_and_short


async def library_story(club: Club, title: str, author: str | None = None, chapters: int = 1) -> int:
    story = Story(
        meta=StoryMeta(title=title, author=author),
        chapters=[Chapter(n, None, [Scene([f"Page {n}."])]) for n in range(1, chapters + 1)],
        source_format="txt",
    )
    digest = hashlib.sha256(f"{club.guild.id}:{title}:{author}".encode()).hexdigest()
    return await club.run(add_story(club.bot.db, club.guild.id, story, content_hash=digest, added_by=None, now=0.0))


async def nominated_story_ids(club: Club) -> list[int | None]:
    round_id = await club.run(nominations_store.open_round_id(club.bot.db, club.guild.id))
    listed = await club.run(nominations_store.list_nominations(club.bot.db, club.guild.id, round_id))
    return [n.story_id for n in listed]


async def test_a_book_picked_from_the_nominate_menu_is_that_book_even_when_its_search_shows_no_other(
    club: Club,
) -> None:
    """ "Emma" and "Emma!" are one title to nominations; typing "emma!" lists only the second, whose
    menu value was its bare title, so the pick asked "which book?" (or backed the nominated "Emma")."""
    await library_story(club, "Emma", "Jane Austen")
    other = await library_story(club, "Emma!", "Someone Else")
    [choice] = await club.autocomplete("nominate", "title", "emma!", member=club.member)
    assert choice["name"] == "Emma! by Someone Else", choice
    [done] = await club.slash("nominate", member=club.member, title=choice["value"])
    assert "You nominated **Emma!** by Someone Else" in done.text, done.text
    assert await nominated_story_ids(club) == [other]
