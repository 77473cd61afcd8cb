"""What an author warns of that no category matches, through the double: the story's own words in
every chapter's posted header, a chapter's own words ("A/N: TW: drowning" over chapter 2) only in
that chapter's, and all of them in ``/story info``."""

from __future__ import annotations

from bot.devtools.driver import Club
from bot.story.importer import import_story
from tests.e2e.test_warning_sources import add_story, post

TEXT = (
    "Undertow\nby saltwaterink\n\nWarnings: claustrophobia\n\n"
    "Chapter 1: The Crossing\n\nMira had run the ferry since she was twelve, and she knew the river's moods.\n\n"
    "Chapter 2: The Weir\n\nA/N: TW: drowning, CPR\n\nThe boat turned over at the weir and the water closed over them.\n\n"
    "Chapter 3: Dry Land\n\nHe stayed at the ferry house that winter and mended nets by the stove.\n"
)


async def test_a_chapters_own_words_are_in_its_header_and_the_storys_in_every_one(club: Club) -> None:
    story_id = await add_story(club, import_story(TEXT.encode(), "undertow.txt", max_bytes=1 << 20))
    # as Discord shows them: the header escapes markdown ("warns of\\:")
    first, second, third = [(await post(club, story_id, chapter)).replace("\\", "") for chapter in (1, 2, 3)]
    for header in (first, third):
        assert "The author also warns of: claustrophobia" in header
        assert "drowning" not in header and "CPR" not in header
    assert "The author also warns of: claustrophobia; drowning; CPR" in second
    info = (await club.slash("story info", member=club.member, story=str(story_id)))[-1]
    assert "The author also warns of: claustrophobia; drowning; CPR" in info.text.replace("\\", "")
