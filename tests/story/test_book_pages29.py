"""An indie EPUB's own pages around the story: a "Content Warnings" page before chapter one
declared nothing and was chapter one; a playlist and a pronunciation guide were chapters; "Thank
You for Reading!", "Sneak Peek: ..." and "Connect with Mara" after the story were chapters."""

from __future__ import annotations

import pytest

from bot.story.importer import import_story
from bot.story.model import Story
from tests.story.builders import epub_bytes, xhtml

TEXT = "<p>The gulls had gone quiet by the harbour wall.</p><p>She counted the boats twice.</p>"
CHAPTERS = [(f"c{i}.xhtml", xhtml(f"<h1>Chapter {i}</h1>{TEXT}")) for i in (1, 2)]


def read(documents: list[tuple[str, str]]) -> Story:
    points = [(f"Page {i}", name) for i, (name, _) in enumerate(documents, 1)]
    data = epub_bytes(documents, title="The Salt Road", author="Mara Quill", nav_points=points)
    return import_story(data, "book.epub", max_bytes=1 << 20)


def page(heading: str, *lines: str) -> str:
    return xhtml(f"<h1>{heading}</h1>" + "".join(line if line.startswith("<") else f"<p>{line}</p>" for line in lines))


@pytest.mark.parametrize("heading", ["Content Warnings", "Trigger Warning", "Content Note"])
def test_a_warnings_page_declares_them_for_the_book(heading: str) -> None:
    story = read([("cw.xhtml", page(heading, "Grief, drowning, self-harm.")), *CHAPTERS])
    assert [chapter.title for chapter in story.chapters] == [None, None]
    assert len(story.chapters) == 2
    assert story.meta.declared_warnings and "drowning" in story.meta.declared_warnings[0]


def test_an_authors_note_page_is_the_storys_note() -> None:
    story = read([("note.xhtml", page("A Note from the Author", "This one is for the night shift.")), *CHAPTERS])
    assert len(story.chapters) == 2
    assert "This one is for the night shift." in story.meta.notes


@pytest.mark.parametrize("heading", ["Playlist", "Pronunciation Guide"])
def test_a_playlist_or_pronunciation_page_is_a_note(heading: str) -> None:
    story = read([("p.xhtml", page(heading, "Tamsin — TAM-zin", "Kernow — KER-noh")), *CHAPTERS])
    assert len(story.chapters) == 2
    assert any("Tamsin — TAM-zin" in note for note in story.meta.notes)


@pytest.mark.parametrize(
    "heading",
    ["Thank You for Reading!", "Sneak Peek: Driftwood Hearts", "Connect with Mara", "Book Club Discussion Questions"],
)
def test_pages_after_the_story_are_no_chapter(heading: str) -> None:
    story = read([*CHAPTERS, ("end.xhtml", page(heading, "Find me at maraquill.example.", "See you next time."))])
    assert len(story.chapters) == 2


def test_plain_linked_endnotes_go_to_their_chapters() -> None:
    docs = [
        (
            f"c{i}.xhtml",
            xhtml(f'<h1>Chapter {i}</h1><p>The wall.<sup><a id="r{i}" href="notes.xhtml#n{i}">{i}</a></sup></p>{TEXT}'),
        )
        for i in (1, 2)
    ]
    notes = "".join(f'<p id="n{i}"><a href="c{i}.xhtml#r{i}">{i}</a>. Rebuilt in 180{i}.</p>' for i in (1, 2))
    story = read([*docs, ("notes.xhtml", page("Notes", notes))])
    assert [chapter.notes for chapter in story.chapters] == [
        ["Footnote 1: Rebuilt in 1801."],
        ["Footnote 2: Rebuilt in 1802."],
    ]
    assert story.chapters[0].paragraphs[0] == "The wall."


def test_a_part_page_with_an_epigraph_heads_its_first_chapter() -> None:
    part = xhtml(
        '<section epub:type="part"><h1>Part One</h1><h2>The Coast</h2><blockquote class="epigraph">'
        '<p>The sea gives, and the sea keeps.</p><p class="attribution">— Old saying</p></blockquote></section>'
    )
    docs = [("part1.xhtml", part), *CHAPTERS]
    story = read(docs)
    assert len(story.chapters) == 2
    assert story.chapters[0].notes == ["Epigraph: The sea gives, and the sea keeps.\n— Old saying"]
    assert story.chapters[0].paragraphs[0].startswith("The gulls")
