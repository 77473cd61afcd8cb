"""An EPUB chapter numbered in one heading and titled in the next (``<h2>Chapter One</h2><h3>Salt</h3>``)
whose contents entry reads "Chapter One: Salt": the title came from the contents and the ``<h3>``
stayed as the chapter's first line, so every chapter opened with its own title again."""

from __future__ import annotations

from bot.story.importer import import_story
from tests.story.builders import epub_bytes, xhtml


def test_a_title_under_the_number_is_not_the_first_line_when_the_contents_give_it() -> None:
    documents = [
        (f"c{n}.xhtml", xhtml(f"<h2>Chapter {word}</h2><h3>{title}</h3><p>{text}</p>", f"Chapter {n}"))
        for n, word, title, text in (
            (1, "One", "Salt", "Mara came to Vell with a suitcase."),
            (2, "Two", "Rope", "The second instruction was about rope."),
        )
    ]
    nav = [("Chapter One: Salt", "c1.xhtml"), ("Chapter Two: Rope", "c2.xhtml")]
    story = import_story(epub_bytes(documents, nav_points=nav), "vell.epub", max_bytes=1 << 20)
    assert [(chapter.title, chapter.paragraphs) for chapter in story.chapters] == [
        ("Salt", ["Mara came to Vell with a suitcase."]),
        ("Rope", ["The second instruction was about rope."]),
    ]
