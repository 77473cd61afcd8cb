"""Story files misread, found in the forty-second session's tenth round of reading (files of the shapes
real exports take, written for it; the probe files stay out of the repository):

- a FanFicFare EPUB of a SpaceBattles or Sufficient Velocity thread kept the thread's tag in its title
  ("Tide Runner (Worm AU)"): the tag is the fandom, as on a threadmarked page and a copied thread.

Each is paired with the file that looks like it and must still be read as before.
"""

from __future__ import annotations

import pytest

from bot.story.importer import import_story
from tests.story.builders import epub_bytes, xhtml
from tests.story.test_reader_gaps40 import PROSE

BODY = "".join(f"<p>{line}</p>" for line in PROSE)


def _read(text: str, name: str):
    return import_story(text.encode(), name, max_bytes=1 << 20)


# FanFicFare's EPUB of a forum thread: its title page links the title to the thread.


def _thread_epub(title: str, address: str) -> bytes:
    title_page = (
        f"<h3><a href='{address}'>{title}</a> by <a href='https://forums.example.com/members/3/'>Kestrel</a></h3>"
        "<div><b>Status:</b> In-Progress<br/></div>"
    )
    documents = [("title_page.xhtml", xhtml(title_page))]
    documents += [(f"file{n}.xhtml", xhtml(f"<h3>Flood 1.{n}</h3>{BODY}")) for n in (1, 2)]
    return epub_bytes(documents, title=title, author="Kestrel", nav_points=[])


@pytest.mark.parametrize(
    ("title", "fandoms"),
    [
        ("Tide Runner (Worm AU)", ["Worm AU"]),
        ("Tide Runner [Worm/Pokemon]", ["Worm/Pokemon"]),
        ("Tide Runner [Complete]", []),
    ],
    ids=["round", "square", "status"],
)
@pytest.mark.parametrize("site", ["forums.spacebattles.com", "forums.sufficientvelocity.com"])
def test_a_forum_threads_epub_title_drops_the_threads_tag(title: str, fandoms: list[str], site: str) -> None:
    story = import_story(_thread_epub(title, f"https://{site}/threads/tide-runner.1/"), "tide.epub", max_bytes=1 << 20)
    assert story.meta.title == "Tide Runner"
    assert story.meta.fandoms == fandoms
    assert [chapter.title for chapter in story.chapters] == ["Flood 1.1", "Flood 1.2"]


def test_a_books_title_in_brackets_stays_when_it_is_no_threads() -> None:
    """The same book from a story site (FanFiction.net's address): its brackets are the author's title."""
    story = import_story(
        _thread_epub("Tide Runner (Revised)", "https://www.fanfiction.net/s/1/1/"), "tide.epub", max_bytes=1 << 20
    )
    assert story.meta.title == "Tide Runner (Revised)"
