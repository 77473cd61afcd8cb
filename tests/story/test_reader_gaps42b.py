"""Story files misread, found in the forty-second session's tenth round of reading (files of the shapes
real exports take, written for it; the probe files stay out of the repository):

- a web serial's contents page saved with its chapters after it: titled "Table of Contents" (its
  <title>, "Table of Contents | Pale Tides", less the site's name), no author (the site's tagline,
  "A web serial by Rowan Vey"), and a chapter of the list and the arcs' names; now the site's name
  titles it, the tagline names the author, the list goes;
- a FanFicFare EPUB of a SpaceBattles or Sufficient Velocity thread kept the thread's tag in its title
  ("Tide Runner (Worm AU)"): the tag is the fandom, as on a threadmarked page and a copied thread.
- a Wattpad copy's buttons with their icons under each part ("★ Vote  💬 Comment") and its closing
  "You've reached the end of published parts." were story text.

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


# A serial's contents page, its chapters saved after it.


def _serial_page(listing: str, title: str = "Table of Contents | Pale Tides") -> str:
    header = (
        "<header class='site-header'><p class='site-title'><a href='/'>Pale Tides</a></p>"
        "<p class='site-description'>A web serial by Rowan Vey</p></header>"
    )
    chapters = "".join(
        f"<article><h1 class='entry-title'>1.{n}</h1><div class='entry-content'>{BODY}</div></article>" for n in (1, 2)
    )
    contents = (
        f"<article><h1 class='entry-title'>Table of Contents</h1><div class='entry-content'>{listing}</div></article>"
    )
    return f"<html><head><title>{title}</title></head><body>{header}<main>{contents}{chapters}</main></body></html>"


LISTING = (
    "<p><strong>Arc 1: Low Water</strong></p><ul><li><a href='/1-1/'>1.1</a></li><li><a href='/1-2/'>1.2</a></li></ul>"
)


@pytest.mark.parametrize("listing", [LISTING, "<p><a href='/1-1/'>1.1</a><br/><a href='/1-2/'>1.2</a></p>"])
def test_a_serials_contents_page_over_its_chapters(listing: str) -> None:
    story = _read(_serial_page(listing), "pale.html")
    assert (story.meta.title, story.meta.author) == ("Pale Tides", "Rowan Vey")
    assert [chapter.title for chapter in story.chapters] == ["1.1", "1.2"]
    assert all(chapter.paragraphs == PROSE for chapter in story.chapters)


def test_a_contents_heading_over_prose_stays() -> None:
    """A chapter called "Table of Contents" (its text sentences with a link in them) is the story's."""
    listing = "<p>She read the <a href='/1-1/'>first</a> page twice.</p><p>Then <a href='/1-2/'>the next</a> one.</p>"
    story = _read(_serial_page(listing, "Pale Tides"), "pale.html")
    assert len(story.chapters) == 3
    assert story.chapters[0].paragraphs == ["She read the first page twice.", "Then the next one."]


# A Wattpad copy's buttons with their icons, and its closing line.


@pytest.mark.parametrize("buttons", ["★ Vote  💬 Comment", "☆ Vote 💬 Comment ↗ Share", "Vote / Comment / Share"])
def test_a_wattpad_copys_buttons_and_closing_line_are_no_story_text(buttons: str) -> None:
    text = "Hollow Crown\nBy nightjar_writes\n\n" + "".join(
        f"Chapter {n}\n\n" + "\n\n".join(PROSE) + f"\n\n{buttons}\n\n" for n in (1, 2)
    )
    story = _read(text + "You've reached the end of published parts.\n", "crown.txt")
    assert [chapter.paragraphs for chapter in story.chapters] == [PROSE, PROSE]


def test_a_sentence_about_reaching_the_end_stays() -> None:
    text = "Chapter 1\n\n" + "\n\n".join(PROSE) + "\n\nYou've reached the end of the road, she said.\n"
    assert _read(text, "road.txt").chapters[0].paragraphs[-1] == "You've reached the end of the road, she said."
