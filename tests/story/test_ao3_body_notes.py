"""The author's notes written inside an AO3 chapter's own text (as well as in AO3's note blocks).

Authors open a chapter's text with "A/N: sorry this took so long!! tw for self harm in this one"
or close it with "CW for the next chapter: suicide". In a text file those are notes and warn
for their chapter; in an AO3 download (HTML or EPUB) and a saved AO3 page they were posted as
story text and warned nobody.
"""

from __future__ import annotations

import pytest

from bot.story.importer import import_story
from bot.story.model import Story
from tests.story.builders import Ao3Chapter, Ao3Work, ao3_epub, ao3_html

LIMIT = 1 << 20
OPENING = "A/N: sorry this took so long!! tw for self harm in this one"
THANKS = "Author's Note: Thank you all for the kudos!"
NEXT = "CW for the next chapter: suicide."


def _work() -> Ao3Work:
    return Ao3Work(
        title="The Ford",
        archive_warnings=["No Archive Warnings Apply"],
        additional_tags=["Fluff"],
        summary="Two travellers and one river.",
        chapters=[
            Ao3Chapter("Chapter 1: The Ford", [OPENING, "Ada reached the river at dusk.", "The water was high."]),
            Ao3Chapter("Chapter 2", [THANKS, "Bram went in first.", "He came back up laughing.", NEXT]),
            Ao3Chapter("Chapter 3", ["They walked on in silence.", "A/N: Notes:"]),
        ],
    )


def _read(kind: str) -> Story:
    work = _work()
    if kind == "html":
        return import_story(ao3_html(work).encode(), "ford.html", max_bytes=LIMIT)
    return import_story(ao3_epub(work), "ford.epub", max_bytes=LIMIT)


@pytest.mark.parametrize("kind", ["html", "epub"])
def test_notes_inside_the_chapter_text_are_notes_and_declare_for_their_chapter(kind: str) -> None:
    story = _read(kind)
    first, second, third = story.chapters
    assert first.paragraphs == ["Ada reached the river at dusk.", "The water was high."]
    assert "sorry this took so long!! tw for self harm in this one" in first.notes
    assert first.declared_warnings and "self harm" in first.declared_warnings[0]
    assert second.paragraphs == ["Bram went in first.", "He came back up laughing."]
    assert "Thank you all for the kudos!" in second.notes and NEXT in second.notes
    # The next chapter's warning is the third chapter's, not the second's.
    assert not any("suicide" in warning for warning in second.declared_warnings)
    assert any("suicide" in warning for warning in third.declared_warnings)
    # A label with nothing after it is not a note, and story text stays text.
    assert third.paragraphs == ["They walked on in silence."] and "" not in third.notes


def test_a_chapter_whose_whole_text_is_labelled_a_note_keeps_it_as_text() -> None:
    work = _work()
    work.chapters[2] = Ao3Chapter("Chapter 3", ["A/N: this is a one-line chapter of notes, i'm on hiatus"])
    story = import_story(ao3_html(work).encode(), "ford.html", max_bytes=LIMIT)
    assert story.chapters[2].paragraphs == ["A/N: this is a one-line chapter of notes, i'm on hiatus"]


def test_a_saved_ao3_work_page_reads_notes_inside_its_chapter_text_too() -> None:
    from tests.story.test_html_shapes6 import work_page

    page = work_page(one_shot=f"<p>{OPENING}</p><p>Ada reached the river at dusk.</p><p>The water was high.</p>")
    story = import_story(page.encode(), "The Ford.html", max_bytes=LIMIT)
    [chapter] = story.chapters
    assert chapter.paragraphs == ["Ada reached the river at dusk.", "The water was high."]
    assert chapter.declared_warnings and "self harm" in chapter.declared_warnings[0]


def test_a_note_label_alone_on_its_line_is_no_empty_note() -> None:
    text = "Title: The Ford\n\nChapter 1\n\nAda reached the river.\n\nNotes:\n\nI cried writing this.\n\nChapter 2\n\nBram went in.\n"
    story = import_story(text.encode(), "ford.txt", max_bytes=LIMIT)
    assert all(note.strip() for chapter in story.chapters for note in chapter.notes)
    assert story.chapters[0].paragraphs[0] == "Ada reached the river."


@pytest.mark.parametrize("kind", ["download", "saved page"])
def test_a_note_heading_inside_the_chapter_text_makes_what_follows_a_note(kind: str) -> None:
    """ "<h3>Author's Note</h3>" over a paragraph at the end of a chapter's text: that paragraph is
    the chapter's note (and its CW warns), never story; any other heading there stays text."""
    from tests.story.test_html_shapes6 import work_page

    text = (
        "<p>Ada reached the river at dusk.</p><h3>The Letter</h3><p>Dear Bram, the water is high.</p>"
        "<h3>Author's Note</h3><p>thanks! cw: blood</p>"
    )
    if kind == "download":
        work = _work()
        work.chapters[0] = Ao3Chapter("Chapter 1: The Ford", ["@@text@@"])
        page = ao3_html(work).replace("<p>@@text@@</p>", text)
    else:
        page = work_page(one_shot=text)
    first = import_story(page.encode(), "ford.html", max_bytes=LIMIT).chapters[0]
    assert first.paragraphs == ["Ada reached the river at dusk.", "The Letter", "Dear Bram, the water is high."]
    assert "thanks! cw: blood" in first.notes
    assert any("blood" in warning for warning in first.declared_warnings)
