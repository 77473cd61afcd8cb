"""Wattpad's sign-off, the author asking readers to vote, comment and follow or setting the question
of the day, at a chapter's end or start is the chapter's note; a sentence of the story that speaks
of votes and comments stays story text."""

from __future__ import annotations

from bot.story.importer import import_story
from bot.story.model import Story


def _import(text: str, name: str = "story.txt") -> Story:
    return import_story(text.encode(), name, max_bytes=1 << 20)


def test_a_sign_off_at_a_chapters_end_or_start_is_its_note() -> None:
    story = _import(
        "Broken Crowns\n\nChapter 1\n\nplease vote and comment!!\n\nElara woke to the sound of bells.\n\n"
        "The throne room was cold.\n\nDon't forget to vote, comment and follow me for more updates! xoxo\n\n"
        "QOTD: who is your favourite so far?\n\nAOTD: Elara, obviously\n\n"
        "Chapter 2\n\nElara stood before the council.\n\nShe did not bow.\n"
    )
    assert [chapter.paragraphs for chapter in story.chapters] == [
        ["Elara woke to the sound of bells.", "The throne room was cold."],
        ["Elara stood before the council.", "She did not bow."],
    ]
    assert story.chapters[0].notes == [
        "please vote and comment!!",
        "Don't forget to vote, comment and follow me for more updates! xoxo",
        "QOTD: who is your favourite so far?",
        "AOTD: Elara, obviously",
    ]


def test_votes_and_comments_in_the_story_stay_its_text() -> None:
    lines = [
        "The council would vote and comment on the plan before dawn.",
        "Elara waited.",
        '"Please vote and comment!" the herald cried.',
        "Everyone would vote, comment, follow.",
        "Remember to vote, she thought, and follow the crowd out!",
    ]
    story = _import("Chapter 1\n\n" + "\n\n".join(lines) + "\n\nChapter 2\n\nShe did not bow.\n")
    assert story.chapters[0].paragraphs == lines
    assert story.chapters[0].notes == []
