"""An author's note in brackets, as Wattpad and FanFiction.net writers set it: "(A/N: please vote!)"
is the note "please vote!", without the bracket that closed it."""

from __future__ import annotations

import pytest

from bot.story.importer import import_story

LIMIT = 1 << 20


@pytest.mark.parametrize(("opening", "closing"), [("(", ")"), ("[", "]"), ("(*", "*)")])
def test_a_bracketed_note_loses_its_brackets(opening: str, closing: str) -> None:
    text = (
        "Broken Crowns\n\nChapter 1 - The Heir\n\n"
        f"{opening}A/N: please vote and comment (it helps!){closing}\n\n"
        "Elara woke to the sound of bells.\n\nHer maid was already at the door.\n\n"
        "Chapter 2 - The Crown\n\nElara stood before the council.\n"
    )
    story = import_story(text.encode(), "crowns.txt", max_bytes=LIMIT)
    assert story.chapters[0].notes == ["please vote and comment (it helps!)"]
    assert story.chapters[0].paragraphs == ["Elara woke to the sound of bells.", "Her maid was already at the door."]
