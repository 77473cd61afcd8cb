"""Nested spoiler boxes on saved XenForo pages (SpaceBattles, Sufficient Velocity): an "Author's
Note" box inside a chapter's story box is the chapter's note, and a story box inside a note box is
taken out of the note; the story box stays text with its title, either way round."""

from __future__ import annotations

from tests.story.test_html_shapes7 import _post
from tests.story.test_html_shapes8 import _import, _spoiler, _thread

TEXT = "Jaune ran.<br />\n<br />\nHe fell.<br />\n<br />\nThe night came down over the forest, and he walked home."
PARAGRAPHS = ["Chapter 3", "Jaune ran.", "He fell.", "The night came down over the forest, and he walked home."]


def test_a_note_box_inside_a_story_box_is_the_chapters_note() -> None:
    note = _spoiler("Author's Note", "Sorry for the wait, exams.<br />\n<br />\nCW for this chapter: blood.")
    story = _import(
        _thread(_post(1, "Chapter 3: Aura", _spoiler("Chapter 3", note + TEXT)), _post(2, "Chapter 4", "Dawn."))
    )
    assert [chapter.paragraphs for chapter in story.chapters] == [PARAGRAPHS, ["Dawn."]]
    assert story.chapters[0].notes == ["Sorry for the wait, exams.\nCW for this chapter: blood."]
    assert story.chapters[0].declared_warnings == ["CW for this chapter: blood"]


def test_a_story_box_inside_a_note_box_stays_text_after_the_note() -> None:
    outer = _spoiler("Author's Note", "Sorry for the wait.<br />\n<br />\n" + _spoiler("Chapter 3", TEXT))
    story = _import(_thread(_post(1, "Chapter 3: Aura", outer), _post(2, "Chapter 4", "Dawn.")))
    assert [chapter.paragraphs for chapter in story.chapters] == [PARAGRAPHS, ["Dawn."]]
    assert story.chapters[0].notes == ["Sorry for the wait."]


def test_story_boxes_inside_story_boxes_keep_both_titles() -> None:
    inner = _spoiler("The Letter", "Dear Jaune,<br />\n<br />\nCome home.")
    story = _import(_thread(_post(1, "Chapter 3: Aura", _spoiler("Chapter 3", TEXT + inner))))
    assert story.chapters[0].paragraphs == [*PARAGRAPHS, "The Letter", "Dear Jaune,", "Come home."]
    assert story.chapters[0].notes == []
