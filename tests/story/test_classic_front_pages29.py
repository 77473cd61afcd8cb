"""Classics as Project Gutenberg gives them, each read wrongly before: a collection's stories
titled in capitals were one chapter once the header's notice counted as text before the first (or
the first stood at the very top, or an "INTRODUCTION" came first); a title page's "Translated by"
line, "PRIDE AND PREJUDICE." with its stop, a frontispiece over the title page, and an edition line
were a first chapter; "PREFACE TO FIRST EDITION" was no heading."""

from __future__ import annotations

import pytest

from bot.story.importer import import_story
from bot.story.model import Story
from tests.story.builders import gutenberg_bytes

STORY = (
    "Mr. Utterson the lawyer was a man of a rugged countenance that was never lighted by a smile, cold and "
    "scanty and embarrassed in discourse, and yet somehow lovable.\n\nHe walked on in silence.\n"
)
NOTICE = (
    "This ebook is for the use of anyone anywhere in the United States and\nmost other parts of the world at no "
    "cost and with almost no restrictions\nwhatsoever.\n\n"
)


def read(data: bytes | str, name: str = "book.txt") -> Story:
    return import_story(data.encode() if isinstance(data, str) else data, name, max_bytes=1 << 20)


def titles(story: Story) -> list[str | None]:
    return [chapter.title for chapter in story.chapters]


STORIES = "".join(f"\n\n\n\n{title}\n\n\n{STORY}" for title in ["STORY OF THE DOOR", "SEARCH FOR MR. HYDE"])


def test_capital_titles_under_a_gutenberg_header_with_its_notice() -> None:
    page = f"STRANGE CASE OF DR. JEKYLL AND MR. HYDE\n\nby Robert Louis Stevenson\n{STORIES}"
    data = gutenberg_bytes(page, "The Strange Case of Dr. Jekyll and Mr. Hyde", "Robert Louis Stevenson")
    text = data.decode().replace("\n\nTitle:", f"\n\n{NOTICE}Title:", 1)
    assert titles(read(text)) == ["STORY OF THE DOOR", "SEARCH FOR MR. HYDE"]


def test_capital_titles_from_the_very_top() -> None:
    assert titles(read(STORIES.lstrip("\n"))) == ["STORY OF THE DOOR", "SEARCH FOR MR. HYDE"]


def test_capital_titles_after_an_introduction() -> None:
    text = f"INTRODUCTION\n\n{STORY * 3}{STORIES}"
    assert titles(read(text)) == ["Introduction", "STORY OF THE DOOR", "SEARCH FOR MR. HYDE"]


CHAPTERS = (
    "CHAPTER I.\n\nIt is a truth universally acknowledged.\n\nCHAPTER II.\n\nMr. Bennet was among the earliest.\n"
)


@pytest.mark.parametrize(
    ("page", "note"),
    [
        (
            "PRIDE AND PREJUDICE.\n\nBy Jane Austen\n\nTranslated from the French by Nobody Real\n\n\n\n",
            "Translated from the French by Nobody Real",
        ),
        ("PRIDE AND PREJUDICE.\n\n\n\n", None),
        ("[Illustration]\n\nPride and Prejudice\n\n[1894 Edition]\n\nby Jane Austen\n\n\n\n", "[1894 Edition]"),
    ],
)
def test_a_title_page_is_no_chapter(page: str, note: str | None) -> None:
    story = read(gutenberg_bytes(page + CHAPTERS, "Pride and Prejudice", "Jane Austen"))
    assert len(story.chapters) == 2
    assert story.chapters[0].paragraphs[-1] == "It is a truth universally acknowledged."
    if note is not None:
        assert note in story.meta.notes


def test_a_preface_to_an_edition_heads_a_chapter() -> None:
    text = f"PREFACE TO FIRST EDITION\n\nThis translation is intended to supplement a work of mine.\n\n{CHAPTERS}"
    assert titles(read(text)) == ["Preface", None, None]
