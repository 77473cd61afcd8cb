"""AO3's download format (HTML, and the same markup inside AO3's EPUBs).

The markup follows otwcode/otwarchive ``app/views/downloads/``: a ``div#preface`` with
the title (``p.message b`` and ``h1``), ``div.byline``, a ``dl.tags`` of dt/dd pairs
(Rating, Archive Warning(s), Category, Fandom(s), Relationship(s), Character(s),
Additional Tags, Language, Series, Stats), "Summary" and "Notes" paragraphs each followed
by ``blockquote.userstuff``; then ``div#chapters`` holding, per chapter, ``div.meta.group``
(``h2.heading`` plus chapter summary/notes), the text in ``div.userstuff`` and end notes in
``div#endnotesN``; a one-chapter work has just the ``div.userstuff``; ``div#afterword``
holds the work's end notes. Elements are read in document order rather than by strict
nesting, because calibre splits AO3's EPUBs into several files.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import islice

from bs4 import BeautifulSoup, Tag

from bot.story.errors import StoryFormatError
from bot.story.htmltext import element_text, html_items, image_lines
from bot.story.limits import DEFAULT_MAX_CHAPTERS, MAX_ANCESTORS, check_chapters
from bot.story.model import Chapter, Scene, Story, StoryMeta
from bot.story.plaintext import extract_declarations, title_from_filename
from bot.story.structure import Heading, Para, SceneBreak, match_heading

_TAG_FIELDS = {
    "rating": "rating",
    "ratings": "rating",
    "archive warning": "archive_warnings",
    "archive warnings": "archive_warnings",
    "warning": "archive_warnings",
    "warnings": "archive_warnings",
    "fandom": "fandoms",
    "fandoms": "fandoms",
    "relationship": "relationships",
    "relationships": "relationships",
    "character": "characters",
    "characters": "characters",
    "additional tag": "additional_tags",
    "additional tags": "additional_tags",
    "freeform": "additional_tags",
    "freeforms": "additional_tags",
}
_DT_CLASSES = {"rating": "rating", "warning": "archive_warnings", "fandom": "fandoms", "relationship": "relationships"}
_DT_CLASSES |= {"character": "characters", "freeform": "additional_tags"}


def is_ao3(soup: BeautifulSoup) -> bool:
    """AO3's download markup: a ``#preface``, a ``dl.tags`` or AO3's own message, in one pass over the tree."""
    for node in soup.descendants:
        if not isinstance(node, Tag):
            continue
        if node.get("id") == "preface" or (node.name == "dl" and has_class(node, "tags")):
            return True
        if node.name == "p" and has_class(node, "message") and "Archive of Our Own" in node.get_text():
            return True
    return False


def _classes(tag: Tag) -> list[str]:
    value = tag.get("class") or []
    return value.split() if isinstance(value, str) else list(value)


def has_class(tag: Tag, name: str) -> bool:
    return name in _classes(tag)


def _tag_values(dd: Tag) -> list[str]:
    links = [element_text(a) for a in dd.find_all("a")]
    values = [value for value in links if value]
    if values:
        return values
    return [part.strip() for part in element_text(dd).split(",") if part.strip()]


def read_tags(soup: BeautifulSoup) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for dl in soup.find_all("dl"):
        if not (has_class(dl, "tags") or (has_class(dl, "work") and has_class(dl, "meta"))):  # download, web page
            continue
        for dt in dl.find_all("dt"):
            label = element_text(dt).rstrip(":").strip().lower()
            key = _TAG_FIELDS.get(label)
            if key is None:
                key = next((_DT_CLASSES[c] for c in _classes(dt) if c in _DT_CLASSES), None)
            dd = dt.find_next_sibling("dd")
            if key is None or dd is None:
                continue
            found.setdefault(key, []).extend(_tag_values(dd))
    return found


def _labelled_blockquotes(container: Tag) -> dict[str, list[str]]:
    """'Summary' / 'Notes' / 'End Notes' paragraphs and the blockquotes after them."""
    found: dict[str, list[str]] = {}
    label = None
    for element in container.find_all(["p", "blockquote"]):
        if element.name == "p" and not any(parent.name == "blockquote" for parent in _ancestors(element)):
            text = element_text(element).rstrip(":").strip().lower()
            label = text if text in ("summary", "notes", "end notes", "chapter summary", "chapter notes") else label
            if text.startswith("chapter end notes"):
                label = "end notes"
        elif element.name == "blockquote" and has_class(element, "userstuff") and label and not _in_quote(element):
            text = block_text(element)
            if text:
                found.setdefault(label, []).append(text)
    return found


def block_text(element: Tag) -> str:
    parts = [item.text for item in html_items(element, headings=False) if isinstance(item, Para)]
    return "\n\n".join(parts)


def _preface_meta(soup: BeautifulSoup, filename: str) -> StoryMeta:
    preface = soup.find(id="preface") or soup
    title = None
    heading = preface.find("h1")
    if heading is not None:
        title = element_text(heading)
    if not title:
        message_b = preface.find("p", class_="message")
        bold = message_b.find("b") if message_b else None
        title = element_text(bold) if bold else None
    byline = preface.find("div", class_="byline")
    labelled = _labelled_blockquotes(preface) if preface is not soup else {}
    afterword = soup.find(id="afterword")
    end_notes = _labelled_blockquotes(afterword).get("end notes", []) if afterword is not None else []
    return work_meta(
        filename,
        title=title,
        author=element_text(byline) if byline is not None else None,
        tags=read_tags(soup),
        summary="\n\n".join(labelled.get("summary", [])) or None,
        notes=labelled.get("notes", []) + end_notes,
        page_title=element_text(soup.title) if soup.title else None,
    )


def work_meta(
    filename: str,
    *,
    title: str | None,
    author: str | None,
    tags: dict[str, list[str]],
    summary: str | None,
    notes: list[str],
    page_title: str | None,
) -> StoryMeta:
    """A work's metadata from what AO3 shows of it (a download's preface or the work page).

    The page's ``<title>`` ("Title - Chapter 1 - author - Fandom [Archive of Our Own]") stands in
    for a missing title; warnings declared in the summary and notes are the story's."""
    if not title and page_title:
        title = page_title.split(" - ")[0].strip()
    if author is not None:
        author = re.sub(r"^by\s+", "", author, flags=re.IGNORECASE).strip() or None
    declared: list[str] = []  # archive warnings stay in their own field
    for text in ([summary] if summary else []) + notes:
        declared.extend(extract_declarations(text)[0])
    return StoryMeta(
        title=title or title_from_filename(filename),
        author=author,
        summary=summary,
        rating=(tags.get("rating") or [None])[0],
        archive_warnings=tags.get("archive_warnings", []),
        fandoms=tags.get("fandoms", []),
        relationships=tags.get("relationships", []),
        characters=tags.get("characters", []),
        additional_tags=tags.get("additional_tags", []),
        declared_warnings=list(dict.fromkeys(declared)),
        notes=notes,
    )


def _ancestors(element: Tag) -> Iterator[Tag]:
    """The element's ancestors, nearest first, at most MAX_ANCESTORS of them.

    AO3's markup is a dozen levels deep; bounding the walk keeps a file nested thousands
    deep from costing depth x elements.
    """
    return (parent for parent in islice(element.parents, MAX_ANCESTORS) if isinstance(parent, Tag))


def _inside(element: Tag, element_id: str) -> bool:
    return any(parent.get("id") == element_id for parent in _ancestors(element))


def _in_quote(element: Tag) -> bool:
    """Inside another ``blockquote.userstuff``, whose text already includes this one's."""
    return any(parent.name == "blockquote" and has_class(parent, "userstuff") for parent in _ancestors(element))


def _is_chapter_content(div: Tag) -> bool:
    """A ``div.userstuff`` holding chapter text: not the ``#chapters`` wrapper, not a note."""
    if div.get("id") in ("chapters", "preface", "afterword"):
        return False
    for parent in _ancestors(div):
        if parent.get("id") == "chapters":
            continue
        if (
            parent.name == "blockquote"
            or parent.get("id") in ("preface", "afterword")
            or has_class(parent, "userstuff")
        ):
            return False
    return True


def _chapters(soup: BeautifulSoup) -> list[Chapter]:
    events: list[tuple[str, object]] = []
    for element in soup.find_all(["h2", "div", "blockquote"]):
        if element.name == "h2" and has_class(element, "heading") and not _inside(element, "preface"):
            events.append(("heading", element_text(element)))
        elif element.name == "div" and has_class(element, "userstuff") and _is_chapter_content(element):
            events.append(("content", element))
        elif (
            element.name == "blockquote"
            and has_class(element, "userstuff")
            and not _in_quote(element)
            and _in_chapter_meta(element)
        ):
            text = block_text(element)
            if text:
                events.append(("note", text))
    chapters: list[Chapter] = []
    title: str | None = None
    notes: list[str] = []
    started = False
    for kind, value in events:
        if kind == "heading":
            if started and notes and chapters:
                chapters[-1].notes.extend(notes)  # end notes of the previous chapter
                notes = []
            title = chapter_heading_title(str(value))
            started = True
        elif kind == "note":
            notes.append(str(value))
        else:
            assert isinstance(value, Tag)
            scenes = chapter_scenes(value)
            if not scenes:
                continue
            chapters.append(Chapter(len(chapters) + 1, title, scenes, notes))
            title, notes = None, []
    if notes and chapters:
        chapters[-1].notes.extend(notes)
    return chapters


def _in_chapter_meta(element: Tag) -> bool:
    if any(parent.get("id") in ("preface", "afterword") for parent in _ancestors(element)):
        return False
    for parent in _ancestors(element):
        if parent.name == "div" and (has_class(parent, "meta") or str(parent.get("id", "")).startswith("endnotes")):
            return True
    return False


def chapter_heading_title(text: str) -> str | None:
    heading = match_heading(text)
    if heading is not None:
        return heading.title
    return text or None


def chapter_scenes(content: Tag) -> list[Scene]:
    scenes: list[Scene] = [Scene([])]
    for item in html_items(content, headings=False):
        if isinstance(item, (SceneBreak, Heading)):
            if scenes[-1].paragraphs:
                scenes.append(Scene([]))
        elif isinstance(item, Para):
            scenes[-1].paragraphs.append(item.text)
    return [scene for scene in scenes if scene.paragraphs]


def parse_ao3(
    soup: BeautifulSoup, filename: str, source_format: str = "html", *, max_chapters: int = DEFAULT_MAX_CHAPTERS
) -> Story:
    image_lines(soup)
    meta = _preface_meta(soup, filename)
    chapters = _chapters(soup)
    check_chapters(len(chapters), max_chapters)
    if not chapters:
        if meta.notes:
            raise StoryFormatError(
                "The AO3 file holds only the work's notes and no chapter text; download the whole work again."
            )
        raise StoryFormatError("The AO3 file has no chapter text; download the whole work again from AO3.")
    return Story(meta, chapters, source_format)
