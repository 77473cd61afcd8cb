"""AO3's work page as a browser saves it: "Entire Work", one chapter, or a one-shot.

Not the download (:mod:`bot.story.ao3_html`): the page follows otwarchive's ``works/show`` and
``chapters/_chapter`` views. The tags are a ``dl.work.meta`` (``dt``/``dd`` pairs with classes
``rating``, ``warning``, ``fandom``, ... whatever language the labels are in), the work's preface
is ``div#workskin > div.preface`` (``h2.title``, ``h3.byline``, ``div.summary`` and ``div.notes``
each holding a ``blockquote.userstuff``), ``div#chapters`` holds one ``div.chapter`` per chapter:
a ``div.chapter.preface`` (``h3.title``, the chapter's summary and notes), the text in
``div.userstuff`` after an ``h3.landmark`` ("Chapter Text"), then another preface with its end
notes; a one-shot has the ``div.userstuff`` right in ``div#chapters``. The work's end notes are in
``div.afterword``. Everything else on the page (menus, kudos, comments, the footer) is the site's
and never read: only those elements are.
"""

from __future__ import annotations

from itertools import islice

from bs4 import BeautifulSoup, Tag

from bot.story.ao3_html import (
    block_text,
    chapter_heading_number,
    chapter_heading_title,
    chapter_scenes,
    has_class,
    read_tags,
    work_meta,
)
from bot.story.errors import StoryFormatError
from bot.story.htmltext import element_text, image_lines
from bot.story.limits import DEFAULT_MAX_CHAPTERS, MAX_ANCESTORS, check_chapters
from bot.story.model import Chapter, Story
from bot.story.plaintext import notes_in_text
from bot.story.structure import within_part_titles


def is_ao3_page(soup: BeautifulSoup) -> bool:
    """AO3's work page: its ``div#workskin``, or its ``dl.work.meta`` beside a ``div#chapters``."""
    if soup.find(id="workskin") is not None:
        return True
    return soup.find("dl", class_="work") is not None and soup.find(id="chapters") is not None


def is_ao3_listing(soup: BeautifulSoup) -> bool:
    """An AO3 page listing works, not holding one: a series page, a tag's or a user's works, bookmarks.
    Each work is a ``li.work.blurb`` (its title, tags and summary) and no work's text is there: read
    as a page, the series' blurbs were posted as one story's chapters."""
    if soup.find(id="workskin") is not None or soup.find(id="chapters") is not None:
        return False
    blurb = soup.find("li", class_="blurb")
    return isinstance(blurb, Tag) and (has_class(blurb, "work") or has_class(blurb, "bookmark"))


def _work_preface(soup: BeautifulSoup) -> Tag | None:
    """The work's own preface, not a chapter's nor the afterword."""
    for div in soup.find_all("div", class_="preface"):
        if not (has_class(div, "chapter") or has_class(div, "afterword")):
            return div
    return None


def _module_texts(root: Tag | None, module: str) -> list[str]:
    """The texts of the ``blockquote.userstuff`` in each ``div.<module>`` under ``root``."""
    if root is None:
        return []
    texts = []
    for div in root.find_all("div", class_=module):
        for quote in div.find_all("blockquote", class_="userstuff", recursive=False):
            text = block_text(quote)
            if text:
                texts.append(text)
    return texts


def _chapter_notes(chapter: Tag) -> list[str]:
    """A chapter's summary, notes and end notes, from its preface divs (never its text)."""
    notes: list[str] = []
    for preface in chapter.find_all("div", class_="preface"):
        for quote in preface.find_all("blockquote", class_="userstuff"):
            text = block_text(quote)
            if text:
                notes.append(text)
    return notes


def _chapter_text(root: Tag) -> Tag | None:
    """The ``div.userstuff`` with a chapter's text, its "Chapter Text" landmark taken out."""
    for div in root.find_all("div", class_="userstuff"):
        if not any(has_class(parent, "preface") for parent in islice(div.parents, MAX_ANCESTORS)):
            for landmark in div.find_all(["h3", "h2"], class_="landmark"):
                landmark.decompose()
            return div
    return None


def _chapters(soup: BeautifulSoup) -> list[Chapter]:
    container = soup.find(id="chapters")
    if not isinstance(container, Tag):
        return []
    # Each chapter is a child of div#chapters: one pass over each, however the text inside nests.
    parts = [
        div
        for div in container.find_all("div", class_="chapter", recursive=False)
        if str(div.get("id", "")).startswith("chapter-")
    ]
    chapters: list[Chapter] = []
    for part in parts or [container]:
        content = _chapter_text(part)
        notes = _chapter_notes(part) if parts else []
        scenes = chapter_scenes(content, notes) if content is not None else []
        if not scenes:
            continue
        heading = part.find(["h3", "h2"], class_="title") if parts else None
        title = chapter_heading_title(element_text(heading)) if heading is not None else None
        chapter = Chapter(len(chapters) + 1, title, scenes, notes)
        chapter.heading_number = chapter_heading_number(element_text(heading)) if heading is not None else None
        chapters.append(chapter)
    for chapter, title in zip(chapters, within_part_titles([chapter.title for chapter in chapters]), strict=True):
        chapter.title = title  # "Book Two - Chapter 4: The Ford" as AO3's title: "Book Two — The Ford"
    return chapters


def parse_ao3_page(soup: BeautifulSoup, filename: str, *, max_chapters: int = DEFAULT_MAX_CHAPTERS) -> Story:
    """A saved AO3 work page as a story: the work's tags, preface and notes, and its chapters."""
    image_lines(soup)
    preface = _work_preface(soup)
    title = preface.find(["h2", "h1"], class_="title") if preface is not None else None
    byline = preface.find(class_="byline") if preface is not None else None
    afterword = soup.find("div", class_="afterword")
    summary = "\n\n".join(_module_texts(preface, "summary")) or None
    meta = work_meta(
        filename,
        title=element_text(title) if title is not None else None,
        author=element_text(byline) if byline is not None else None,
        tags=read_tags(soup),
        summary=summary,
        notes=_module_texts(preface, "notes") + _module_texts(afterword, "notes"),
        page_title=element_text(soup.title) if soup.title else None,
    )
    chapters = _chapters(soup)
    check_chapters(len(chapters), max_chapters)
    notes_in_text(chapters)
    if not chapters:
        raise StoryFormatError("The saved AO3 page has no chapter text; save the work's page again, or download it.")
    return Story(meta, chapters, "html")
