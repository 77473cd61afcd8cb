"""Session 48's club19: what a member meets of a chapter's own words and of a discussion whose chapter went."""

from __future__ import annotations

from bot.devtools.driver import Club

UNDERTOW = (
    b"Undertow\nby saltwaterink\n\n"
    b"Chapter 1: The Crossing\n\nMira had run the ferry since she was twelve.\n\n"
    b"Chapter 2: Dry Land\n\nCW for this chapter: drowning.\n\nHe stayed at the ferry house that winter and mended nets.\n\n"
    b"Chapter 3: Thaw\n\nThe river opened in March and the ferry ran again.\n"
)


async def story_id(club: Club) -> str:
    await club.slash("story add", member=club.admin, file=("undertow.txt", UNDERTOW))
    return (await club.autocomplete("story info", "story", "undertow", member=club.member))[0]["value"]


async def test_story_info_marks_a_word_the_author_gave_for_one_chapter_on_that_chapters_line(club: Club) -> None:
    """The author warns of "drowning" (no category matches it) for chapter 2 alone: its excerpt header
    says "The author also warns of: drowning", yet its `/story info` line said nothing, so a member
    looking there for a safe chapter read chapter 2 as one."""
    story = await story_id(club)
    [header, *_] = await club.slash("excerpt read", member=club.member, story=story, chapter=2)
    assert "also warns of: drowning" in header.text.replace("\\", ""), header.text
    [info] = await club.slash("story info", member=club.member, story=story)
    lines = {line.split("`")[1].strip(): line for line in info.text.splitlines() if line.startswith("`")}
    assert "also warns of: drowning" in lines["2"].replace("\\", ""), info.text
    assert "drowning" not in lines["1"] and "drowning" not in lines["3"], info.text
    assert "Every chapter" not in info.text, info.text
