"""A FanFiction.net chapter saved from the browser: the story's box over its text, the site around both.

The page holds one chapter: ``div#storytext`` is its text, ``div#profile_top`` names the story, its
author and its blurb over the stats line ("Rated: Fiction K+ - English - Friendship - Chapters: 3
..."), and ``select#chap_select`` names the chapter ("2. Snowbound"). Read as any page, the box,
the menus, the chapter list (twice) and the footer were posted as story text, and the story was
titled "The Long Winter Chapter 2: Snowbound, a harry potter fanfic | FanFiction".
"""

from __future__ import annotations

from bs4 import BeautifulSoup, Tag

from bot.story.htmltext import element_text, html_items, image_lines, numbered_heading
from bot.story.limits import DEFAULT_MAX_CHAPTERS
from bot.story.model import Story
from bot.story.note_headings import note_sections
from bot.story.plaintext import build_story
from bot.story.structure import Heading, Item, Para, titles_from_next_line


def is_ffn_page(soup: BeautifulSoup) -> bool:
    return isinstance(soup.find("div", id="storytext"), Tag) and isinstance(soup.find("div", id="profile_top"), Tag)


def parse_ffn_page(soup: BeautifulSoup, filename: str, *, max_chapters: int = DEFAULT_MAX_CHAPTERS) -> Story:
    """The chapter the page holds, under its story's title page lines."""
    text = soup.find("div", id="storytext")
    box = soup.find("div", id="profile_top")
    assert isinstance(text, Tag) and isinstance(box, Tag)
    image_lines(text)
    items = note_sections(titles_from_next_line(html_items(text)))
    return build_story([*_title_page(box), _chapter_heading(soup), *items], filename, "html", max_chapters=max_chapters)


def _title_page(box: Tag) -> list[Item]:
    """The story box's title, author, blurb and stats line, as a text file's title page gives them."""
    fields: list[Item] = []
    title = box.find("b")
    if isinstance(title, Tag) and element_text(title):
        fields.append(Para(f"Title: {element_text(title)}", 0))
    author = box.find("a", href=lambda href: isinstance(href, str) and href.startswith("/u/"))
    if isinstance(author, Tag) and element_text(author):
        fields.append(Para(f"Author: {element_text(author)}", 0))
    blurb = box.find("div", class_="xcontrast_txt")
    if isinstance(blurb, Tag) and element_text(blurb):
        fields.append(Para(f"Summary: {' '.join(element_text(blurb).split())}", 0))
    stats = box.find("span", class_="xgray")
    if isinstance(stats, Tag) and element_text(stats):
        fields.append(Para(" ".join(element_text(stats).split()), 0))  # read by plaintext.ffn_stats
    return fields


def _chapter_heading(soup: BeautifulSoup) -> Heading:
    """The chapter the page holds, as its chapter list names it ("2. Snowbound": "Snowbound")."""
    chosen = None
    chooser = soup.find("select", id="chap_select")
    if isinstance(chooser, Tag):
        chosen = chooser.find("option", selected=True)
    label = element_text(chosen) if isinstance(chosen, Tag) else ""
    heading = numbered_heading(label) if label else None
    if heading is None and label:
        heading = Heading(label, "markdown", 2, label)
    return heading or Heading(None, "document", 2, "section")
