"""Dedications and epigraphs before the first chapter: the book does not number them, so neither
does Dogear. A club's "chapter 5" is the book's Chapter 5; the words go into the story's notes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.db import Database
from bot.story.importer import import_story
from bot.story.model import Story
from bot.story.service import add_story_file, story_details
from bot.tools.preview import main
from cogs._story_texts import story_info_text

from .test_epub_shapes import LONG, ONE, TWO, Book, chapters, read
from .test_service import InlineWorkers

DEDICATION = "For my grandmother, who kept the tide tables."
EPIGRAPH = ["“The sea keeps every clock it is given.”", "— an old ferryman"]
LIMIT = 8 * 1024 * 1024


def titles(story: Story) -> list[str | None]:
    return [title for title, _ in chapters(story)]


# -- EPUB: marked by the package, the TOC, a heading, or by what the page holds ----------------


def test_dedication_marked_by_its_own_epub_type_is_a_note() -> None:
    page = f'<section epub:type="dedication"><p>{DEDICATION}</p></section>'
    story = read(Book([("ded.xhtml", page), ("c1.xhtml", ONE), ("c2.xhtml", TWO)]))
    assert titles(story) == ["The Tide Table", "Low Water"]
    assert story.meta.notes == [f"Dedication: {DEDICATION}"]


def test_epigraph_marked_in_the_landmarks_is_a_note() -> None:
    page = "<blockquote>" + "".join(f"<p>{line}</p>" for line in EPIGRAPH) + "</blockquote>"
    book = Book(
        [("epi.xhtml", page), ("c1.xhtml", ONE), ("c2.xhtml", TWO)],
        nav=[("c1.xhtml", "Chapter 1"), ("c2.xhtml", "Chapter 2")],
        landmarks=[("epigraph", "epi.xhtml")],
    )
    story = read(book)
    assert [chapter.number for chapter in story.chapters] == [1, 2]
    assert story.chapters[0].paragraphs[0] == "The clock in the square ran on seawater."
    assert story.meta.notes == ["Epigraph: " + "\n".join(EPIGRAPH)]


def test_dedication_named_by_its_toc_entry_is_a_note() -> None:
    book = Book(
        [
            ("front.xhtml", "<p>To Ana and Tomas,</p><p>who waited on the quay.</p>"),
            ("c1.xhtml", ONE),
            ("c2.xhtml", TWO),
        ],
        ncx=[("front.xhtml", "Dedication"), ("c1.xhtml", "The Tide Table"), ("c2.xhtml", "Low Water")],
    )
    story = read(book)
    assert titles(story) == ["The Tide Table", "Low Water"]
    assert story.meta.notes == ["Dedication: To Ana and Tomas,\nwho waited on the quay."]


def test_page_headed_dedication_is_a_note_without_its_heading() -> None:
    page = "<h2>Dedication</h2><p>In memory of Jonas Varga, 1931–2019.</p>"
    story = read(Book([("d.xhtml", page), ("c1.xhtml", ONE), ("c2.xhtml", TWO)]))
    assert titles(story) == ["The Tide Table", "Low Water"]
    assert story.meta.notes == ["Dedication: In memory of Jonas Varga, 1931–2019."]


def test_unmarked_dedication_and_epigraph_pages_are_notes() -> None:
    epigraph = "".join(f"<p>{line}</p>" for line in EPIGRAPH)
    book = Book([("a.xhtml", f"<p>{DEDICATION}</p>"), ("b.xhtml", epigraph), ("c1.xhtml", ONE), ("c2.xhtml", TWO)])
    story = read(book)
    assert titles(story) == ["The Tide Table", "Low Water"]
    assert story.meta.notes == [f"Dedication: {DEDICATION}", "Epigraph: " + "\n".join(EPIGRAPH)]


def test_marked_dedication_with_a_chapters_worth_of_text_stays_a_chapter() -> None:
    page = f'<section epub:type="dedication"><p>{DEDICATION}</p><p>{LONG}</p></section>'
    story = read(Book([("ded.xhtml", page), ("c1.xhtml", ONE), ("c2.xhtml", TWO)]))
    assert len(story.chapters) == 3
    assert story.chapters[0].paragraphs == [DEDICATION, LONG]
    assert story.meta.notes == []


def test_foreword_stays_a_chapter() -> None:
    # A foreword or preface is prose a club may read and discuss, like a prologue: it is kept as a
    # chapter (a note cannot be posted or tracked), even when the package marks it.
    page = '<section epub:type="foreword"><h1>Foreword</h1><p>I wrote this book on a ferry.</p></section>'
    story = read(Book([("fw.xhtml", page), ("c1.xhtml", ONE), ("c2.xhtml", TWO)], guide=[("foreword", "fw.xhtml")]))
    assert titles(story) == ["Foreword", "The Tide Table", "Low Water"]
    assert story.chapters[0].paragraphs == ["I wrote this book on a ferry."]


def test_short_unmarked_first_chapter_of_prose_stays_a_chapter() -> None:
    opening = "<p>For three days the rain fell on the harbour.</p><p>Nobody went out.</p>"
    story = read(Book([("c0.xhtml", opening), ("c1.xhtml", ONE), ("c2.xhtml", TWO)]))
    assert len(story.chapters) == 3
    assert story.chapters[0].paragraphs == ["For three days the rain fell on the harbour.", "Nobody went out."]
    assert story.meta.notes == []


def test_dedication_after_the_first_chapter_stays_where_it_is() -> None:
    page = f'<section epub:type="dedication"><p>{DEDICATION}</p></section>'
    story = read(Book([("c1.xhtml", ONE), ("ded.xhtml", page), ("c2.xhtml", TWO)]))
    assert DEDICATION in [paragraph for chapter in story.chapters for paragraph in chapter.paragraphs]
    assert story.meta.notes == []


def test_epigraph_inside_the_first_chapter_stays_its_text() -> None:
    first = "<h1>Chapter 1: The Tide Table</h1>" + "".join(f"<p>{line}</p>" for line in EPIGRAPH)
    first += "<p>The clock in the square ran on seawater.</p>"
    story = read(Book([("c1.xhtml", first), ("c2.xhtml", TWO)]))
    assert story.chapters[0].paragraphs[:2] == EPIGRAPH
    assert story.meta.notes == []


# -- Plain text, Markdown and HTML: a dedication or epigraph line before the first heading ------


def text_file(fmt: str, lead: list[str]) -> tuple[bytes, str]:
    """A two-chapter story in ``fmt`` with ``lead`` paragraphs before its first chapter heading."""
    body = [("Chapter 1", "The tide came in early that year."), ("Chapter 2", "Low water came at noon.")]
    if fmt == "html":
        html = "".join(f"<p>{line}</p>" for line in lead)
        html += "".join(f"<h2>{heading}</h2><p>{text}</p>" for heading, text in body)
        return f"<html><body>{html}</body></html>".encode(), "salt.html"
    heading = "# " if fmt == "md" else ""
    parts = [*lead, *(f"{heading}{title}\n\n{text}" for title, text in body)]
    return "\n\n".join(parts).encode() + b"\n", f"salt.{fmt}"


FORMATS = ["txt", "md", "html"]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(
    ("lead", "note"),
    [
        ([DEDICATION], f"Dedication: {DEDICATION}"),
        (EPIGRAPH, "Epigraph: " + "\n".join(EPIGRAPH)),
        (
            ['"The sea keeps every clock." — an old ferryman'],
            'Epigraph: "The sea keeps every clock." — an old ferryman',
        ),
        (["Dedication", "For Ana."], "Dedication: For Ana."),
    ],
    ids=["dedication", "epigraph", "inline-attribution", "labelled"],
)
def test_front_line_before_the_first_heading_is_a_note(fmt: str, lead: list[str], note: str) -> None:
    data, name = text_file(fmt, lead)
    story = import_story(data, name, max_bytes=LIMIT)
    assert [chapter.paragraphs for chapter in story.chapters] == [
        ["The tide came in early that year."],
        ["Low water came at noon."],
    ]
    assert story.meta.notes == [note]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(
    "lead",
    [
        ["For three days the rain fell on the harbour."],  # prose, not a dedication
        ["“Where are you going?”", "— Where do you think?"],  # dialogue, not an attribution
        [DEDICATION, "The rain had not stopped for three days, and the gulls sat on every roof."],
    ],
    ids=["prose", "dialogue", "dedication-then-prose"],
)
def test_story_text_before_the_first_heading_stays_a_chapter(fmt: str, lead: list[str]) -> None:
    data, name = text_file(fmt, lead)
    story = import_story(data, name, max_bytes=LIMIT)
    assert len(story.chapters) == 3
    assert story.meta.notes == []


def test_dedication_with_no_chapter_heading_after_it_stays_story_text() -> None:
    story = import_story(f"{DEDICATION}\n\nThe tide came in early that year.\n".encode(), "salt.txt", max_bytes=LIMIT)
    assert story.chapters[0].paragraphs == [DEDICATION, "The tide came in early that year."]


def test_markdown_dedication_heading_is_not_taken_for_the_title() -> None:
    text = f"# Dedication\n\n{DEDICATION}\n\n## Chapter 1\n\nThe tide came in.\n\n## Chapter 2\n\nLow water.\n"
    story = import_story(text.encode(), "salt-clock.md", max_bytes=LIMIT)
    assert story.meta.title == "salt-clock"
    assert story.meta.notes == [f"Dedication: {DEDICATION}"]
    assert len(story.chapters) == 2


def test_preview_json_shows_the_dedication_in_the_notes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data, _ = text_file("txt", [DEDICATION])
    path = tmp_path / "salt.txt"
    path.write_bytes(data)
    assert main([str(path), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["story"]["notes"] == [f"Dedication: {DEDICATION}"]
    assert [chapter["number"] for chapter in out["chapters"]] == [1, 2]


def test_document_marked_dedication_that_holds_the_first_chapter_keeps_it() -> None:
    page = (
        f'<section epub:type="dedication"><p>{DEDICATION}</p></section>'
        "<section><h1>The Tide Table</h1><p>The clock in the square ran on seawater.</p></section>"
    )
    story = read(Book([("c1.xhtml", page), ("c2.xhtml", TWO)], guide=[("dedication", "c1.xhtml")]))
    assert "The clock in the square ran on seawater." in story.chapters[0].paragraphs
    assert len(story.chapters) == 2


def test_dedication_line_over_an_unheaded_first_chapter_keeps_the_chapter() -> None:
    first = " ".join(["The tide came in early that year and filled the harbour to the wall."] * 12)  # 168 words
    text = f"Dedication\n\n{DEDICATION}\n\n{first}\n\nChapter 2\n\nLow water came at noon.\n"
    story = import_story(text.encode(), "salt.txt", max_bytes=LIMIT)
    assert len(story.chapters) == 2
    assert first in story.chapters[0].paragraphs


async def test_story_info_shows_the_dedication_that_is_not_a_chapter(db: Database) -> None:
    """The words are kept, and a member can read them: /story info shows them above the chapters."""
    text = (
        "The Tide Table\nby Mara Quill\n\nFor my grandmother, who kept the tide tables.\n\n"
        "Chapter 1: Low Water\n\nThe harbour emptied twice a day.\n\nChapter 2: Spring Tide\n\nThe sea came back.\n"
    )
    added = await add_story_file(
        db, InlineWorkers(), 7, "tide.txt", text.encode(), added_by=1, now=1.0, max_bytes=LIMIT
    )
    answer = story_info_text(await story_details(db, 7, str(added.story_id)), 1)
    assert "Dedication: *For my grandmother, who kept the tide tables.*" in answer
    assert "Chapter 1: Low Water" in answer and "Chapter 3" not in answer


def test_a_file_opening_with_more_front_pages_than_any_book_keeps_them_as_text() -> None:
    """Two epigraphs and a dedication are notes; thousands of "Epigraph" pages are not front matter."""
    few = ["Dedication", "For Ana.", "Epigraph", *EPIGRAPH, "Epigraph", "“Salt keeps.”", "— a cook"]
    story = import_story(*text_file("md", few), max_bytes=LIMIT)
    assert len(story.meta.notes) == 3 and len(story.chapters) == 2
    many = [line for n in range(40) for line in ("Epigraph", f"“Salt keeps {n}.”", "— a cook")]
    story = import_story(*text_file("md", many), max_bytes=LIMIT)
    assert story.meta.notes == [] and "Salt keeps 39." in story.chapters[0].text
