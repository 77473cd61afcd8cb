"""A FanFiction.net chapter saved from the browser: the story's box over its text, the site around both.

The page holds one chapter: ``div#storytext`` is its text, ``div#profile_top`` names the story, its
author and its blurb over the stats line ("Rated: Fiction K+ - English - Friendship - Chapters: 3
..."), and ``select#chap_select`` names the chapter ("2. Snowbound"). Read as any page, the box,
the menus, the chapter list (twice) and the footer were posted as story text, and the story was
titled "The Long Winter Chapter 2: Snowbound, a harry potter fanfic | FanFiction".
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, NavigableString, Tag

from bot.story.htmltext import element_text, html_items, image_lines, numbered_heading
from bot.story.limits import DEFAULT_MAX_CHAPTERS
from bot.story.model import Story
from bot.story.note_headings import note_sections
from bot.story.plaintext import build_story
from bot.story.structure import Heading, Item, Para, match_heading, titles_from_next_line


def is_ffn_page(soup: BeautifulSoup) -> bool:
    return _parts(soup) is not None


def parse_ffn_page(soup: BeautifulSoup, filename: str, *, max_chapters: int = DEFAULT_MAX_CHAPTERS) -> Story:
    """The chapter the page holds, under its story's title page lines."""
    parts = _parts(soup)
    assert parts is not None
    text, box, mobile = parts
    image_lines(text)
    items = note_sections(titles_from_next_line(html_items(text)))
    heading = _mobile_chapter_heading(text) if mobile else _chapter_heading(soup)
    if heading.number is None and (chapter := _page_chapter(soup) or _numbered_line(heading)) is not None:
        number, name = chapter
        heading = Heading(heading.title or name, "chapter", heading.level, heading.raw, number=number)
    elif heading.number is None and mobile and (count := _chapter_count_line(text)) is not None:
        heading = Heading(heading.title, "chapter", heading.level, heading.raw, number=count)
    return build_story([*_title_page(box, mobile), heading, *items], filename, "html", max_chapters=max_chapters)


_AUTHORS_MOST = 20  # links to a user's page looked at for the mobile page's "By:" line


def _parts(soup: BeautifulSoup) -> tuple[Tag, Tag, bool] | None:
    """The chapter's text, the story's box and whether the page is the mobile site's.

    The mobile site (m.fanfiction.net, m.fictionpress.com) has no ``profile_top``: its story box is a
    centred block of the title in bold, "By:" and the author's link, the stats line under them, over
    ``div#storycontent``. Read as any page, the stats line, the "« Prev Chapter 2: Harvest Next »"
    line and "Review" were story text, and no author was named. As a phone saves it the box may read
    "<b>Title</b> by <a>" with no colon."""
    text, box = soup.find("div", id="storytext"), soup.find("div", id="profile_top")
    if isinstance(text, Tag) and isinstance(box, Tag):
        return text, box, False
    text = soup.find("div", id="storycontent")
    if not isinstance(text, Tag):
        return None
    for link in soup.find_all("a", href=_user_page, limit=_AUTHORS_MOST):
        before = link.previous_sibling
        box = link.parent
        if (
            isinstance(before, NavigableString)
            and before.strip().casefold() in ("by:", "by")  # "<b>Title</b> by <a>...": a phone's saved page
            and isinstance(box, Tag)
            and isinstance(box.find("b"), Tag)
        ):
            return text, box, True
    return None


def _user_page(href: object) -> bool:
    return isinstance(href, str) and href.startswith("/u/")


def _title_page(box: Tag, mobile: bool = False) -> list[Item]:
    """The story box's title, author, blurb and stats line, as a text file's title page gives them."""
    fields: list[Item] = []
    title = box.find("b")
    if isinstance(title, Tag) and element_text(title):
        fields.append(Para(f"Title: {element_text(title)}", 0))
    author = box.find("a", href=lambda href: isinstance(href, str) and href.startswith("/u/"))
    if isinstance(author, Tag) and element_text(author):
        fields.append(Para(f"Author: {element_text(author)}", 0))
    blurb = None if mobile else box.find("div", class_="xcontrast_txt")
    if isinstance(blurb, Tag) and element_text(blurb):
        fields.append(Para(f"Summary: {' '.join(element_text(blurb).split())}", 0))
    stats = box.find("span", class_="xcontrast_txt" if mobile else "xgray")
    if isinstance(stats, Tag) and element_text(stats):
        line = " ".join(element_text(stats).split())
        if mobile and not line.casefold().startswith("rated:"):
            line = f"Rated: {line}"  # the mobile line opens on the rating without its label
        fields.append(Para(line, 0))  # read by preamble.ffn_stats
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


_BAR_WORDS = ("prev", "next")  # the mobile bar's links either side of the chapter's name


def _mobile_chapter_heading(text: Tag) -> Heading:
    """The chapter the mobile page holds, as its bar over the text names it in bold between the
    "« Prev" and "Next »" links ("Chapter 2: Harvest")."""
    for bar in text.find_all_previous("div", limit=_AUTHORS_MOST):
        if any(parent is bar for parent in text.parents):
            continue  # (the page around the text)
        links = [squeezed for link in bar.find_all("a") if (squeezed := element_text(link).strip())]
        label = bar.find("b")
        if isinstance(label, Tag) and any(word in link.casefold() for link in links for word in _BAR_WORDS):
            name = " ".join(element_text(label).split())
            heading = (numbered_heading(name) or match_heading(name, markdown=False)) if name else None
            if heading is None and name:
                heading = Heading(name, "markdown", 2, name)
            if heading is not None:
                return heading
    return _lone_chapter_line(text) or Heading(None, "document", 2, "section")


def _lone_chapter_line(text: Tag) -> Heading | None:
    """The chapter's name alone on the line over its text, as a phone saves the page ("2. Snowbound"
    in a centred block, no bar around it): its heading. Read as story text, it opened chapter 1."""
    before = text.find_previous_sibling()
    if not isinstance(before, Tag) or before.find(["a", "select", "b"]) is not None:
        return None
    name = " ".join(element_text(before).split())
    return numbered_heading(name) if name else None


def _numbered_line(heading: Heading) -> tuple[int, str | None] | None:
    """The number of a chapter line read as its name ("2. Snowbound" alone over the text): the line
    titled the chapter and its number was lost, so "chapter 2 contains ..." in its notes named none."""
    match = _OPTION_NUMBER.match(heading.raw) if heading.kind != "document" else None
    return (int(match.group("number")), match.group("name")) if match is not None else None


# The line under a phone's saved page's text that says which chapter it holds: "Chapter 2 of 9".
_CHAPTER_OF = re.compile(r"\s*chapter[ \t]+(?P<number>\d{1,4})[ \t]+of[ \t]+\d{1,4}\s*", re.IGNORECASE)


def _chapter_count_line(text: Tag) -> int | None:
    """The chapter's number as the line after the text gives it ("Chapter 2 of 9")."""
    for line in text.find_next_siblings("div", limit=_AUTHORS_MOST):
        if (match := _CHAPTER_OF.fullmatch(element_text(line))) is not None:
            return int(match.group("number"))
    return None


# The page's own chapter: its chapter list's chosen entry ("7. Frost"), or the page's <title>
# ("Orchard Weather Chapter 7: Frost, an original fanfic | FictionPress").
_OPTION_NUMBER = re.compile(r"^\s*(?P<number>\d{1,4})(?:[.):]?\s+(?P<name>\S.*?))?\s*$")
_TITLE_NUMBER = re.compile(
    r"\bChapter[ \t]+(?P<number>\d{1,4})\b(?::[ \t]+(?P<name>[^|]+?),[ \t]+an?[ \t][^,|]*\bfanfic\b)?", re.IGNORECASE
)
_CHOOSERS_MOST = 4  # the page's chapter lists: one over the text and one under it


def _page_chapter(soup: BeautifulSoup) -> tuple[int, str | None] | None:
    """The number and name of the chapter the page holds, where its heading gives no number: the
    desktop list names it "7. Frost", the mobile bar "Frost" alone or nothing. Left unknown, the page
    was its story's chapter 1 to the author's notes, and "heads up, chapter 7 contains self-harm"
    in chapter 7's notes named no chapter and declared nothing."""
    for chooser in soup.find_all("select", limit=_CHOOSERS_MOST):
        chosen = chooser.find("option", selected=True)
        match = _OPTION_NUMBER.match(element_text(chosen)) if isinstance(chosen, Tag) else None
        if match is not None:
            return int(match.group("number")), match.group("name")
    title = soup.find("title")
    match = _TITLE_NUMBER.search(element_text(title)) if isinstance(title, Tag) else None
    return (int(match.group("number")), match.group("name")) if match is not None else None
