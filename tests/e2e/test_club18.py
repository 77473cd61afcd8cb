"""Session 46's club18: what ``/story info`` says of every chapter."""

from __future__ import annotations

from bot.devtools.driver import Club

UNDERTOW = (
    b"Undertow\nby saltwaterink\n\nWarnings: drowning\n\n"
    b"Chapter 1: The Crossing\n\nMira had run the ferry since she was twelve.\n\n"
    b"Chapter 2: Dry Land\n\nHe stayed at the ferry house that winter and mended nets.\n"
)


async def test_story_info_every_chapter_line_gives_the_authors_own_words(club: Club) -> None:
    """The author warns of "drowning", which no category matches: every chapter's header says "The
    author also warns of: drowning", yet ``/story info`` had no "Every chapter" line at all, so a
    member reading the chapter lines for a safe chapter found none of it."""
    await club.slash("story add", member=club.admin, file=("undertow.txt", UNDERTOW))
    story = (await club.autocomplete("story info", "story", "undertow", member=club.member))[0]["value"]
    [info] = await club.slash("story info", member=club.member, story=story)
    every = [line for line in info.text.splitlines() if line.startswith("Every chapter: ⚠️")]
    assert every and "also warns of: drowning" in every[0].replace("\\", ""), info.text
    assert info.text.index("Every chapter") < info.text.index("`  1` Chapter 1")
