"""An AO3 work copied out of the browser, or its download turned into text, in a text file, a
Markdown file or a document's HTML: AO3's labels ("Notes:", "Chapter Text", "Chapter End Notes")
stand on lines of their own. Read as text, the notes were posted as story (their "Warning for a
wound in this chapter" warned nobody), "Chapter Text" opened every chapter, the title and author
were a first chapter and the tags under their labels were lost."""

from __future__ import annotations

import pytest

from bot.story.importer import import_story
from bot.story.model import Story

PASTED = """Rating:
    Teen And Up Audiences
Archive Warning:
    Graphic Depictions Of Violence
Fandom:
    The Locked Tomb Series

Bones of the Ninth
marrowlight

Summary:

Gideon comes back wrong. Harrow pretends not to notice.

Notes:

Written for the exchange.

Chapter 1: The Return

Chapter Text

The shuttle came down in the rain.

"You're late," said Harrow.

Notes:

Next chapter up Friday!

Chapter 2: The Quiet

Notes:

Warning for a description of a wound in this chapter.

Chapter Text

The quiet was a living thing.

Harrow walked it every night.

Kudos
Bookmark
Comment
"""

DOWNLOAD = """Bones of the Ninth

Posted originally on the Archive of Our Own at http://archiveofourown.org/works/30000001.

Rating:
    Mature

Bones of the Ninth

by marrowlight

Summary

Gideon comes back wrong.

Chapter 1: The Return

Chapter Summary

In which there is rain.

Chapter Notes

Warning for a description of a wound.

See the end of the chapter for more notes

The shuttle came down in the rain.

Chapter End Notes

Next chapter up Friday!

Chapter 2: The Quiet

The quiet was a living thing.

End Notes

Thank you all for reading!

Afterword

Please drop by the Archive and comment to let the creator know if you enjoyed their work!
"""


def read(text: str, name: str = "work.txt") -> Story:
    return import_story(text.encode(), name, max_bytes=1 << 20)


def shape(story: Story) -> list[tuple[str | None, list[str], list[str]]]:
    return [(chapter.title, chapter.paragraphs, chapter.notes) for chapter in story.chapters]


@pytest.mark.parametrize("name", ["work.txt", "work.md"])
def test_a_work_copied_from_its_page_keeps_its_notes_apart(name: str) -> None:
    story = read(PASTED, name)
    assert (story.meta.title, story.meta.author) == ("Bones of the Ninth", "marrowlight")
    assert story.meta.summary == "Gideon comes back wrong. Harrow pretends not to notice."
    assert (story.meta.rating, story.meta.fandoms) == ("Teen And Up Audiences", ["The Locked Tomb Series"])
    assert story.meta.archive_warnings == ["Graphic Depictions Of Violence"]
    assert story.meta.notes == ["Written for the exchange."]
    assert shape(story) == [
        (
            "The Return",
            ["The shuttle came down in the rain.", '"You\'re late," said Harrow.'],
            ["Next chapter up Friday!"],
        ),
        (
            "The Quiet",
            ["The quiet was a living thing.", "Harrow walked it every night."],
            ["Warning for a description of a wound in this chapter."],
        ),
    ]


def test_the_chapter_note_under_its_label_warns_for_that_chapter() -> None:
    story = read(PASTED)
    assert story.chapters[0].declared_warnings == []
    assert story.chapters[1].declared_warnings  # "Warning for a description of a wound in this chapter"


def test_a_download_turned_into_text_keeps_only_the_story() -> None:
    story = read(DOWNLOAD)
    assert (story.meta.title, story.meta.author, story.meta.rating) == ("Bones of the Ninth", "marrowlight", "Mature")
    assert story.meta.summary == "Gideon comes back wrong."
    assert shape(story) == [
        (
            "The Return",
            ["The shuttle came down in the rain."],
            [
                "Chapter Summary: In which there is rain.",
                "Warning for a description of a wound.",
                "Next chapter up Friday!",
            ],
        ),
        ("The Quiet", ["The quiet was a living thing."], ["Thank you all for reading!"]),
    ]


def test_a_document_pasted_from_ao3_reads_the_same() -> None:
    page = (
        "<html><body><p>Chapter 1: Embers</p><p>Notes:</p><p>First multi-chapter fic, be gentle.</p>"
        "<p>(See the end of the chapter for more notes.)</p><p>Chapter Text</p>"
        "<p>The embers were still warm.</p><p>End Notes:</p><p>Next chapter on Friday!</p>"
        "<p>Chapter 2: Ash</p><p>Chapter Text</p><p>Morning, and ash on everything.</p></body></html>"
    )
    assert shape(read(page, "pasted.html")) == [
        ("Embers", ["The embers were still warm."], ["First multi-chapter fic, be gentle.", "Next chapter on Friday!"]),
        ("Ash", ["Morning, and ash on everything."], []),
    ]


def test_the_labels_are_text_where_the_file_is_no_copy_of_ao3() -> None:
    story_after = "\n\n".join(["The list went on, and so did the day, and she read it twice over."] * 40)
    text = f"Chapter 1\n\nShe kept her notes in a tin.\n\nNotes:\n\nMilk, eggs.\n\n{story_after}\n\nChapter 2\n\nThe tin was gone."
    story = read(text)
    assert story.chapters[0].paragraphs[:2] == ["She kept her notes in a tin.", "Milk, eggs."]
    assert story.chapters[0].notes == []


def test_a_label_over_its_value_is_read_as_one_field() -> None:
    text = "Rating:\n    Mature\nFandom:\n    Original Work\n\nChapter 1\n\nThe shuttle came down.\n\nChapter 2\n\nIt rained."
    story = read(text)
    assert (story.meta.rating, story.meta.fandoms) == ("Mature", ["Original Work"])
