"""Markdown headings that label notes, warnings or the text ("### Author's Note", "### Story") are
sections of the chapter they are in, never chapters: chapter numbers stay the book's, and a CW under
such a heading warns for its chapter. A heading that is a real title stays a chapter."""

from __future__ import annotations

import pytest

from bot.story.importer import import_story
from bot.story.model import Story

LIMIT = 8 * 1024 * 1024
PROSE = "She came to the island on the last boat of the season, and nobody met her at the pier."
LATER = "The lighthouse keeper watched her climb the hill, and said nothing to anyone for a week."


def _story(text: str) -> Story:
    return import_story(text.encode(), "island.md", max_bytes=LIMIT)


def _texts(story: Story) -> list[list[str]]:
    return [chapter.paragraphs for chapter in story.chapters]


def test_an_authors_note_and_story_heading_are_the_chapters_notes_and_text() -> None:
    text = (
        f"# The Island\n\n## Chapter 1\n\n{PROSE}\n\n"
        "## Chapter 2\n\n### Author's Note\n\nCW for this chapter: self-harm.\n\n"
        f"### Story\n\n{LATER}\n\n## Chapter 3\n\n{PROSE}\n"
    )
    story = _story(text)
    assert _texts(story) == [[PROSE], [LATER], [PROSE]]
    assert [chapter.title for chapter in story.chapters] == [None, None, None]
    second = story.chapters[1]
    assert second.notes == ["CW for this chapter: self-harm."]
    assert second.declared_warnings == ["CW for this chapter: self-harm"]
    assert story.chapters[0].declared_warnings == [] and story.chapters[2].declared_warnings == []


@pytest.mark.parametrize(
    "label",
    ["A/N", "Notes", "Author’s Notes:", "**Author's Note**", "Chapter Notes", "AN", "Note from the author"],
)
def test_a_note_heading_over_a_chapters_opening_is_its_note(label: str) -> None:
    text = (
        f"## Chapter 1\n\n{PROSE}\n\n## Chapter 2\n\n### {label}\n\nThanks to my beta, Wren!\n\n"
        f"### Story\n\n{LATER}\n\n## Chapter 3\n\n{PROSE}\n"
    )
    story = _story(text)
    assert _texts(story) == [[PROSE], [LATER], [PROSE]]
    assert story.chapters[1].notes == ["Thanks to my beta, Wren!"]


@pytest.mark.parametrize("label", ["Warnings", "Content warnings", "Trigger Warnings:", "TW", "⚠️ CW ⚠️"])
def test_a_warnings_heading_declares_its_list_for_that_chapter(label: str) -> None:
    text = (
        f"## Chapter 1\n\n{PROSE}\n\n## Chapter 2\n\n### {label}\n\n- self-harm\n- blood\n\n"
        f"---\n\n{LATER}\n\n## Chapter 3\n\n{PROSE}\n"
    )
    story = _story(text)
    assert _texts(story) == [[PROSE], [LATER], [PROSE]]
    (declared,) = story.chapters[1].declared_warnings
    assert "self-harm" in declared and "blood" in declared
    assert story.chapters[0].declared_warnings == [] and story.chapters[2].declared_warnings == []


def test_a_warnings_section_ends_where_the_story_starts_without_a_heading() -> None:
    text = f"## Chapter 1\n\n### Content Warnings\n\nblood\n\n{PROSE}\n\n{LATER}\n\n## Chapter 2\n\n{PROSE}\n"
    story = _story(text)
    assert _texts(story) == [[PROSE, LATER], [PROSE]]
    assert story.chapters[0].declared_warnings == ["Content Warnings: blood"]


def test_ao3s_chapter_text_label_is_no_heading_and_its_notes_are_notes() -> None:
    text = (
        f"# Chapter 1\n\n## Notes:\n\nCW for this chapter: self-harm.\n\n## Chapter Text\n\n{PROSE}\n\n"
        "## End Notes\n\nNext chapter: TW suicide.\n\n"
        f"# Chapter 2\n\n## Chapter Text\n\n{LATER}\n"
    )
    story = _story(text)
    assert _texts(story) == [[PROSE], [LATER]]
    first, second = story.chapters
    assert first.notes == ["CW for this chapter: self-harm.", "Next chapter: TW suicide."]
    assert first.declared_warnings == ["CW for this chapter: self-harm"]
    assert second.declared_warnings == ["TW suicide"]  # the end note names the next chapter


def test_end_notes_after_the_text_stay_with_their_chapter() -> None:
    text = f"## Chapter 1\n\n{PROSE}\n\n### End Notes\n\nThanks for reading!\n\n## Chapter 2\n\n{LATER}\n"
    story = _story(text)
    assert _texts(story) == [[PROSE], [LATER]]
    assert story.chapters[0].notes == ["Thanks for reading!"]


def test_a_note_heading_at_the_chapter_level_of_numbered_chapters_is_a_note() -> None:
    text = f"## Chapter 1\n\n{PROSE}\n\n## Notes\n\nThanks for reading!\n\n## Chapter 2\n\n{LATER}\n"
    story = _story(text)
    assert _texts(story) == [[PROSE], [LATER]]
    assert story.chapters[0].notes == ["Thanks for reading!"]


@pytest.mark.parametrize(
    ("note", "warnings", "declared"),
    [
        ("Anmerkung der Autorin", "Triggerwarnungen", "Tod, Blut"),
        ("Note de l'auteur", "Avertissements de contenu", "mort, sang"),
        ("Notas de la autora", "Advertencias", "muerte, violencia"),
    ],
)
def test_note_and_warnings_headings_in_other_languages(note: str, warnings: str, declared: str) -> None:
    text = (
        f"## 1\n\n{PROSE}\n\n## 2\n\n### {note}\n\nDanke, merci, gracias.\n\n### {warnings}\n\n{declared}\n\n"
        f"---\n\n{LATER}\n\n## 3\n\n{PROSE}\n"
    )
    story = _story(text)
    assert _texts(story) == [[PROSE], [LATER], [PROSE]]
    assert story.chapters[1].notes == ["Danke, merci, gracias.", f"{warnings}: {declared}"]
    assert story.chapters[1].declared_warnings == [f"{warnings}: {declared}"]


def test_note_and_warnings_sections_above_the_first_chapter_are_the_storys() -> None:
    text = (
        "# The Island\n\n## Author's Note\n\nThanks to my beta.\n\n## Content Warnings\n\n- self-harm\n- blood\n\n"
        f"## Chapter 1\n\n{PROSE}\n\n## Chapter 2\n\n{LATER}\n"
    )
    story = _story(text)
    assert story.meta.title == "The Island"
    assert _texts(story) == [[PROSE], [LATER]]
    assert story.meta.notes == ["Thanks to my beta."]
    assert story.meta.declared_warnings == ["Content Warnings: self-harm, blood"]


def test_a_one_shot_with_note_and_story_headings_is_one_chapter() -> None:
    story = _story(f"# The Island\n\n## A/N\n\nThanks to my beta.\n\n## Story\n\n{PROSE}\n\n{LATER}\n")
    assert _texts(story) == [[PROSE, LATER]]
    assert story.meta.notes == ["Thanks to my beta."]


def test_the_story_after_a_note_with_no_story_heading_stays_story_text() -> None:
    text = (
        f"## Chapter 1\n\n{PROSE}\n\n## Chapter 2\n\n### Author's Note\n\nThanks!\n\n{LATER}\n\n{PROSE}\n\n"
        f"### End Notes\n\nSee you next week.\n\n## Chapter 3\n\n{PROSE}\n"
    )
    story = _story(text)
    assert _texts(story) == [[PROSE], [LATER, PROSE], [PROSE]]
    assert story.chapters[1].notes == ["Thanks!", "See you next week."]


def test_a_chapter_that_is_only_a_note_keeps_it_as_its_text() -> None:
    text = (
        f"## Chapter 1\n\n{PROSE}\n\n## Chapter 2\n\n### Author's Note\n\nOn hiatus until spring, sorry!\n\n"
        f"## Chapter 3\n\n### Notes\n\nBack!\n\n### Story\n\n{LATER}\n"
    )
    story = _story(text)
    assert _texts(story) == [[PROSE], ["On hiatus until spring, sorry!"], [LATER]]
    assert story.chapters[2].notes == ["Back!"]


def test_titles_that_start_with_a_label_word_stay_chapters() -> None:
    text = (
        f"## Notes from the Underground\n\n### Notes\n\nThanks!\n\n### Story\n\n{PROSE}\n\n"
        f"## Warnings and Wonders\n\n{LATER}\n\n## Story Time\n\n{PROSE}\n"
    )
    story = _story(text)
    assert [chapter.title for chapter in story.chapters] == [
        "Notes from the Underground",
        "Warnings and Wonders",
        "Story Time",
    ]
    assert _texts(story) == [[PROSE], [LATER], [PROSE]]
    assert story.chapters[0].notes == ["Thanks!"]


def test_a_chapter_titled_notes_among_titled_chapters_stays_a_chapter() -> None:
    text = (
        f"## The Ford\n\n### Author's Note\n\nThanks!\n\n### Story\n\n{PROSE}\n\n"
        f"## Notes\n\n{LATER}\n\n## The Crossing\n\n{PROSE}\n"
    )
    story = _story(text)
    assert [chapter.title for chapter in story.chapters] == ["The Ford", "Notes", "The Crossing"]
    assert _texts(story) == [[PROSE], [LATER], [PROSE]]


def test_a_lone_label_word_as_the_files_title_stays_its_title() -> None:
    text = f"# Warnings\n\n## Chapter 1\n\n### Warnings\n\nblood\n\n---\n\n{PROSE}\n\n## Chapter 2\n\n{LATER}\n"
    story = _story(text)
    assert story.meta.title == "Warnings"
    assert _texts(story) == [[PROSE], [LATER]]
    assert story.chapters[0].declared_warnings == ["Warnings: blood"]


def test_summary_headings_are_the_storys_summary_and_each_chapters_note() -> None:
    text = (
        "# The Island\n\n## Summary\n\nA woman, an island.\n\nAnd the sea.\n\n"
        f"## Chapter 1: Arrival\n\n### Summary:\n\nShe arrives.\n\n### Chapter Text\n\n{PROSE}\n\n"
        f"## Chapter 2: Departure\n\n### Chapter Summary\n\nShe leaves.\n\n### Chapter Text\n\n{LATER}\n"
    )
    story = _story(text)
    assert story.meta.summary == "A woman, an island.\nAnd the sea."
    assert [chapter.title for chapter in story.chapters] == ["Arrival", "Departure"]
    assert _texts(story) == [[PROSE], [LATER]]
    assert story.chapters[0].notes == ["Summary: She arrives."]
    assert story.chapters[1].notes == ["Chapter Summary: She leaves."]


def test_the_chapter_level_is_the_chapters_not_the_parts_over_them() -> None:
    text = (
        f"## Part One\n\n### The Ford\n\n#### Author's Note\n\nThanks!\n\n#### Story\n\n{PROSE}\n\n"
        f"### Notes\n\n{LATER}\n\n## Part Two\n\n### The Crossing\n\n{PROSE}\n"
    )
    story = _story(text)
    assert [chapter.title for chapter in story.chapters] == ["Part One — The Ford", "Notes", "Part Two — The Crossing"]
    assert _texts(story) == [[PROSE], [LATER], [PROSE]]
    assert story.chapters[0].notes == ["Thanks!"]
