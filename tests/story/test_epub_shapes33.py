"""EPUBs as book tools make them, from the s33 probe: a Google Docs book in one file opens with its
title, its author and the author's "CW:" line over the first chapter's heading. The block was read
as chapter 1 ("Fen Lantern" / "Ruth Abernathy" / "CW: drowning, hypothermia"): every chapter's
number was one too high and the warning declared nothing."""

from __future__ import annotations

from bot.story.importer import import_story
from bot.story.model import Story
from bot.warnings.declared import map_texts
from tests.story.builders import epub_bytes, xhtml

CHAPTERS = (
    '<h1 class="c7" id="h.1"><span>Chapter One</span></h1>'
    '<p class="c2"><span>The fen froze once in a lifetime, and this was the year.</span></p>'
    '<h1 class="c7" id="h.2"><span>Chapter Two</span></h1>'
    '<p class="c2"><span>Ruthie went out past the reeds where the ice turned grey.</span></p>'
)
NAV = [("Chapter One", "FenLantern.xhtml#h.1"), ("Chapter Two", "FenLantern.xhtml#h.2")]


def _book(front: str) -> Story:
    data = epub_bytes(
        [("FenLantern.xhtml", xhtml(front + CHAPTERS, "Fen Lantern"))],
        title="Fen Lantern",
        author="Ruth Abernathy",
        nav_points=NAV,
    )
    return import_story(data, "fen.epub", max_bytes=1 << 20)


TITLE = '<p class="c6 title"><span>Fen Lantern</span></p><p class="c6 subtitle"><span>Ruth Abernathy</span></p>'


def test_a_title_block_with_the_authors_warning_line_is_no_chapter() -> None:
    story = _book(TITLE + '<p class="c2"><span>CW: drowning, self-harm</span></p>')
    assert [chapter.paragraphs for chapter in story.chapters] == [
        ["The fen froze once in a lifetime, and this was the year."],
        ["Ruthie went out past the reeds where the ice turned grey."],
    ]
    assert sorted(map_texts(story.meta.declared_warnings).ids) == ["self-harm"]


def test_a_title_block_with_a_rating_line_gives_the_rating() -> None:
    story = _book(TITLE + "<p>Rating: Teen</p>")
    assert (story.meta.rating, len(story.chapters)) == ("Teen", 2)


def test_a_prologue_of_prose_over_the_first_heading_stays_a_chapter() -> None:
    """Guard: only header lines join the title block; a sentence under the title is story."""
    story = _book(TITLE + "<p>The ice had a voice that winter, and everyone in the village heard it.</p>")
    assert "The ice had a voice that winter, and everyone in the village heard it." in story.chapters[0].paragraphs
    assert len(story.chapters) == 3
