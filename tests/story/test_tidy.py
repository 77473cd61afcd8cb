"""A story's one-line metadata is safe to show whatever the file claims (``bot/story/tidy.py``)."""

from __future__ import annotations

from bot.story.importer import import_story
from bot.story.limits import MAX_TITLE_CHARS
from bot.story.tidy import one_line
from tests.story.builders import epub_bytes, xhtml

LIMIT = 8 * 1024 * 1024
PROSE = "<p>" + "The tide came in over the flats and the birds went up all at once. " * 8 + "</p>"
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


def test_bidi_controls_are_removed_from_titles_authors_and_chapter_titles() -> None:
    data = epub_bytes(
        [(f"c{n}.xhtml", xhtml(f"<h1>Chapter {n}: \u202eHarbour\u2066</h1>{PROSE}")) for n in (1, 2)],
        title="\u202eThe Salt\u202c Roads\u2067",
        author="\u2066Mara Fen",
    )
    story = import_story(data, "salt.epub", max_bytes=LIMIT)
    shown = [story.meta.title, story.meta.author, *(chapter.title for chapter in story.chapters)]
    assert story.meta.title == "The Salt Roads" and story.meta.author == "Mara Fen"
    assert not any(ch in BIDI for value in shown for ch in value or "")
    assert [chapter.title for chapter in story.chapters] == ["Harbour", "Harbour"]


def test_a_title_with_nothing_visible_falls_back_to_the_file_name() -> None:
    data = epub_bytes(
        [(f"c{n}.xhtml", xhtml(f"<h1>Chapter {n}</h1>{PROSE}")) for n in (1, 2)],
        title="\u202e\u200b\u200d\ufeff \u2060",
        author="\u200b",
    )
    story = import_story(data, "salt_roads.epub", max_bytes=LIMIT)
    assert story.meta.title == "salt roads"
    assert story.meta.author is None


def test_a_title_of_thousands_of_characters_is_clipped_at_a_word() -> None:
    text = "Title: " + "Long " * 2000 + "\n\nChapter 1\n\n" + "The tide came in. " * 40
    story = import_story(text.encode(), "long.txt", max_bytes=LIMIT)
    assert len(story.meta.title) <= MAX_TITLE_CHARS
    assert story.meta.title.endswith("Long…")


def test_one_line_keeps_joiners_scripts_need_and_drops_invisible_ends() -> None:
    assert one_line("  a\tb\n c  ", 50) == "a b c"
    assert one_line("\u200bفاطمه\u200cها\u200b", 50) == "فاطمه\u200cها"  # Persian needs the non-joiner
    assert one_line("👩\u200d👩\u200d👧 family", 50) == "👩\u200d👩\u200d👧 family"
    assert one_line("\x1b[31mred\x07", 50) == "[31mred"
    assert one_line(" \u200b\u202e ", 50) is None
    assert one_line(None, 50) is None
