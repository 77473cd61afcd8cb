"""A chapter's warning list naming things Dogear has no id for ("Warnings: drowning, death of a parent")
is still the author's declaration: the known items warn, the others are kept as declared but unmapped,
whether the line opens the chapter, stands inside it or closes it for the next one. A sentence under
the same label ("Warning: the stairs are steep, she said.") and dialogue stay story text."""

from __future__ import annotations

import pytest

from bot.story.importer import import_story
from bot.story.model import Story
from bot.warnings.declared import lists_declared, map_texts

STORY = ["The lake was cold.", "She swam anyway."]


def _import(text: str) -> Story:
    return import_story(text.encode(), "lake.txt", max_bytes=1 << 20)


def _opening(line: str) -> Story:
    return _import(f"Chapter 1\n\n{line}\n\n" + "\n\n".join(STORY) + "\n\nChapter 2\n\nMorning came.\n")


def _middle(line: str) -> Story:
    return _import(f"Chapter 1\n\n{STORY[0]}\n\n* * *\n\n{line}\n\n{STORY[1]}\n\nChapter 2\n\nMorning came.\n")


LISTS = [
    ("Warnings: drowning, death of a parent.", {"death"}, ["drowning"]),
    ("Warning: drowning and death", {"death"}, ["drowning"]),
    ("Warnings: language, death of a parent, lots of crying", {"death"}, ["language", "lots of crying"]),
    ("Warning - drowning; blood", {"blood-gore"}, ["drowning"]),
    ("⚠️ Warnings: drowning, death of a parent ⚠️", {"death"}, ["drowning"]),
]


@pytest.mark.parametrize(("line", "ids", "unmapped"), LISTS)
def test_a_list_opening_a_chapter_with_unknown_items_is_its_note(line: str, ids: set[str], unmapped: list[str]) -> None:
    first = _opening(line).chapters[0]
    assert first.paragraphs == STORY
    assert first.notes == [line]
    declared = map_texts(first.declared_warnings)
    assert set(declared.ids) == ids
    assert declared.unmapped == unmapped


@pytest.mark.parametrize(("line", "ids", "unmapped"), LISTS)
def test_the_same_list_inside_a_chapter_is_its_note(line: str, ids: set[str], unmapped: list[str]) -> None:
    first = _middle(line).chapters[0]
    assert first.paragraphs == STORY
    assert first.notes == [line]
    declared = map_texts(first.declared_warnings)
    assert (set(declared.ids), declared.unmapped) == (ids, unmapped)


def test_a_closing_list_for_the_next_chapter_warns_for_it_with_its_unknown_items_kept() -> None:
    line = "Warnings for the next chapter: drowning, death of a parent."
    story = _import(f"Chapter 1\n\n{STORY[0]}\n\n{STORY[1]}\n\n{line}\n\nChapter 2\n\nMorning came.\n")
    first, second = story.chapters
    assert first.paragraphs == STORY
    assert first.notes == [line]
    assert map_texts(first.declared_warnings).ids == {}
    declared = map_texts(second.declared_warnings)
    # The label's words for the next chapter are no item of the list.
    assert (set(declared.ids), declared.unmapped) == ({"death"}, ["drowning"])


def test_a_plural_label_over_items_none_known_opening_a_chapter_is_a_note_with_them_unmapped() -> None:
    first = _opening("Warnings: drowning, thunderstorms").chapters[0]
    assert first.paragraphs == STORY
    declared = map_texts(first.declared_warnings)
    assert (set(declared.ids), declared.unmapped) == (set(), ["drowning", "thunderstorms"])


@pytest.mark.parametrize(
    "line",
    [
        "Warning: the stairs are steep, she said.",
        "Warning: death was near.",
        '"Warning: blood, drowning," she said.',
        "“Warnings: drowning, death,” he read aloud.",
        "Warning: High voltage.",
        "Warning: do not open, death inside",
        "Warnings: she was there and blood",
        "Warning: blood. She laughed.",
        "Warning: drowning.",
    ],
)
def test_prose_and_dialogue_under_the_label_stay_story_text(line: str) -> None:
    for story in (_opening(line), _middle(line)):
        first = story.chapters[0]
        assert line in first.paragraphs
        assert first.notes == []
        assert first.declared_warnings == []


def test_inside_a_chapter_a_list_must_name_one_warning_dogear_knows() -> None:
    first = _middle("Warnings: drowning, thunderstorms").chapters[0]
    assert "Warnings: drowning, thunderstorms" in first.paragraphs
    assert first.notes == []


@pytest.mark.parametrize(
    ("line", "listed"),
    [
        ("Warnings: drowning, death of a parent", True),
        ("TW: hospitals and blood", True),
        ("Warnings: drowning, thunderstorms", False),
        ("Warning: the stairs are steep, she said", False),
        ("Warning: seven words at least in this one piece, death", False),
    ],
)
def test_lists_declared_needs_a_known_warning_and_list_shaped_items(line: str, listed: bool) -> None:
    assert lists_declared(line) is listed


WARNED_PROSE = [
    "Warning: the stairs in the old house were steep, and she climbed them slowly.",
    "Warning: the lamp was out by the time he reached the landing.",
    "Warning: nobody answered when she knocked.",
]


@pytest.mark.parametrize("head", ["", "The Steep House\n\n", "Title: The Steep House\nAuthor: Mara Quill\n\n"])
def test_a_story_whose_every_paragraph_opens_with_warning_is_its_text(head: str) -> None:
    story = _import(head + "\n\n".join(WARNED_PROSE) + "\n")
    (chapter,) = story.chapters
    assert chapter.paragraphs == WARNED_PROSE
    assert chapter.notes == [] and chapter.declared_warnings == []
    assert story.meta.declared_warnings == []


def test_a_warning_note_over_the_story_is_still_read_before_it() -> None:
    note = "Warning: this one gets dark, read at your own risk."
    story = _import(f"The Steep House\n\n{note}\n\n" + "\n\n".join(STORY) + "\n")
    assert story.chapters[0].paragraphs == STORY
    assert story.meta.declared_warnings == [note]
