"""Markdown shapes real authors use: quoted letters, quoted or bold metadata, illustrated
chapters, and the many spellings of a content-warning key in front matter."""

from __future__ import annotations

import pytest

from bot.story.errors import StoryFormatError
from bot.story.importer import import_story
from bot.story.model import Story
from bot.warnings.declared import map_declared

LIMIT = 8 * 1024 * 1024


def md(text: str) -> Story:
    return import_story(text.encode(), "story.md", max_bytes=LIMIT)


def test_quoted_letters_lose_their_markers_and_keep_their_paragraphs() -> None:
    story = md(
        "# Postmarks\n\n"
        "## One\n\n"
        "Wren opened the envelope.\n"
        "> Dear Wren,\n"
        ">\n"
        "> The kettle still whistles. I *still* hate it.\n"
        "> > You said you would fix it.\n"
        "> > Twice.\n"
        ">\n"
        ">\n"
        "> — Gran\n\n"
        "She folded it away.\n\n"
        "## Two\n\n"
        ">> A quote inside a quote, alone.\n"
    )
    # ("## One" / "## Two" are chapters 1 and 2 with no title: test_reader_gaps37b)
    assert [(c.number, c.title) for c in story.chapters] == [(1, None), (2, None)]
    assert story.chapters[0].scenes[0].paragraphs == [
        "Wren opened the envelope.",
        "Dear Wren,",
        "The kettle still whistles. I still hate it.",
        "You said you would fix it.\nTwice.",
        "— Gran",
        "She folded it away.",
    ]
    assert story.chapters[1].paragraphs == ["A quote inside a quote, alone."]
    assert not any(">" in p for c in story.chapters for p in c.paragraphs)


def test_a_quoted_heading_is_quoted_text_never_a_chapter() -> None:
    story = md(
        "## Chapter 1\n\n"
        "The sign on the door read:\n\n"
        "> ## Closed Until Spring\n"
        "> The Management\n"
        "> ---\n"
        "> Chapter 3\n\n"
        "She knocked anyway.\n"
    )
    assert len(story.chapters) == 1
    assert story.chapters[0].paragraphs == [
        "The sign on the door read:",
        "Closed Until Spring",
        "The Management",
        "> Chapter 3",  # without its marker it would read as a heading: kept as written
        "She knocked anyway.",
    ]


def test_metadata_in_a_blockquote_or_in_bold_above_the_chapters() -> None:
    story = md(
        "# The Weir\n\n"
        "*by Tamsin Oake*\n\n"
        "> **Summary:** A lock-keeper's daughter counts the boats\n"
        "> that never come back upriver.\n\n"
        "**Warnings:** drowning, grief\n\n"
        "> **Author's Note:** Written for a prompt about rivers.\n\n"
        "## Chapter 1: Low Water\n\n"
        "The river was low that summer.\n\n"
        "## Chapter 2: High Water\n\n"
        "Then the rain came.\n"
    )
    meta = story.meta
    assert meta.title == "The Weir"
    assert meta.author == "Tamsin Oake"
    assert meta.summary == "A lock-keeper's daughter counts the boats that never come back upriver."
    assert meta.declared_warnings == ["Warnings: drowning, grief"]
    assert meta.notes == ["Written for a prompt about rivers."]
    assert [c.title for c in story.chapters] == ["Low Water", "High Water"]
    assert [c.paragraphs for c in story.chapters] == [["The river was low that summer."], ["Then the rain came."]]


def test_a_chapter_of_only_an_image_imports_as_an_image_line() -> None:
    story = md(
        "# Field Notes\n\n"
        "## Chapter 1\n\n"
        "The heron stood in the shallows.\n\n"
        "## Chapter 2\n\n"
        "![A heron, drawn in ink](plates/heron.png)\n\n"
        "## Chapter 3\n\n"
        '<img src="plates/reeds.jpg" alt="Reeds at dusk" width="300">\n\n'
        "![](plates/blank.png) and a [page of notes](https://example.com/notes).\n\n"
        "[![The Ford](thumb.png)](big.png)\n"
    )
    assert [c.paragraphs for c in story.chapters] == [
        ["The heron stood in the shallows."],
        ["[Image: A heron, drawn in ink]"],
        ["[Image: Reeds at dusk]", "[Image] and a page of notes.", "[Image: The Ford]"],
    ]


def test_a_cover_image_above_the_chapters_is_not_a_chapter() -> None:
    story = md(
        "# The Weir\n\n![Cover Art](cover.jpg)\n\n> Summary: Boats on a river, and who counts them.\n\n"
        "## Chapter 1\n\nThe river was low.\n"
    )
    assert story.meta.summary == "Boats on a river, and who counts them."
    assert [c.paragraphs for c in story.chapters] == [["The river was low."]]


def test_a_chapter_with_nothing_in_it_is_still_refused() -> None:
    with pytest.raises(StoryFormatError, match=r"“\\#\\# Chapter 2” has no story text"):
        md("## Chapter 1\n\nText.\n\n## Chapter 2\n\n<!-- to be written -->\n\n## Chapter 3\n\nMore.\n")


@pytest.mark.parametrize(
    "key",
    ["content_warnings", "content warnings", "content-warnings", "contentWarnings", "cw", "tw", "trigger_warnings"],
)
@pytest.mark.parametrize("value", ["[drowning, grief]", "drowning, grief", "\n  - drowning\n  - grief"])
def test_every_spelling_of_a_warnings_key_in_front_matter_declares_warnings(key: str, value: str) -> None:
    story = md(f"---\ntitle: The Weir\n{key}: {value}\n---\n\nThe river was low.\n")
    assert len(story.meta.declared_warnings) == 1
    assert story.meta.declared_warnings[0].endswith(": drowning, grief")
    assert story.chapters[0].paragraphs == ["The river was low."]
    assert map_declared(story.meta).ids  # the warnings reach the chapter header


def test_archive_warnings_in_front_matter_are_archive_warnings() -> None:
    story = md("---\narchive_warnings:\n  - Major Character Death\n---\n\nThe river was low.\n")
    assert story.meta.archive_warnings == ["Major Character Death"]
    assert map_declared(story.meta).ids
