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
from bot.story.note_headings import note_sections
from bot.story.plaintext import notes_in_text, title_from_filename
from bot.story.structure import HEADING_MAX_CHARS, Heading, Para, SceneBreak, match_heading, within_part_titles
from bot.story.text_declarations import extract_declarations

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
    """AO3's download markup: a ``dl.tags``, AO3's own message or a ``div#preface`` holding its
    by-line, in one pass over the tree. A Project Gutenberg book's ``<a id="preface">`` over its
    Preface is no AO3 work: read as one, the book was refused as having no chapter text."""
    for node in soup.descendants:
        if not isinstance(node, Tag):
            continue
        if node.name == "dl" and has_class(node, "tags"):
            return True
        if node.name == "div" and node.get("id") == "preface" and node.find("div", class_="byline") is not None:
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


# AO3's own values, in English whatever the interface's language: they name a rating, an
# archive warning or a category however the label over them is written.
_RATINGS = frozenset(["general audiences", "teen and up audiences", "mature", "explicit", "not rated"])
_ARCHIVE_WARNINGS = frozenset(
    [
        "creator chose not to use archive warnings",
        "choose not to use archive warnings",
        "no archive warnings apply",
        "graphic depictions of violence",
        "major character death",
        "rape/non-con",
        "underage",
        "underage sex",
    ]
)
_CATEGORIES = frozenset(["f/f", "f/m", "gen", "m/m", "multi", "other"])
# The tag groups after those, in the order AO3 lists them (Tag::VISIBLE); each may be missing.
_LATER_GROUPS = ("fandoms", "relationships", "characters", "additional_tags")


def read_tags(soup: BeautifulSoup) -> dict[str, list[str]]:
    """The work's tags from its ``dl.tags`` (download) or ``dl.work.meta`` (web page).

    A label AO3 wrote in another language ("Einstufung", "Archivwarnungen") is read by what
    the group holds and where it stands (see :func:`_unlabelled_groups`).
    """
    found: dict[str, list[str]] = {}
    for dl in soup.find_all("dl"):
        if not (has_class(dl, "tags") or (has_class(dl, "work") and has_class(dl, "meta"))):  # download, web page
            continue
        groups: list[tuple[str | None, Tag]] = []
        for dt in dl.find_all("dt"):
            label = element_text(dt).rstrip(":").strip().lower()
            key = _TAG_FIELDS.get(label)
            if key is None:
                key = next((_DT_CLASSES[c] for c in _classes(dt) if c in _DT_CLASSES), None)
            dd = dt.find_next_sibling("dd")
            if dd is not None:
                groups.append((key, dd))
        for key, dd in _unlabelled_groups(groups):
            found.setdefault(key, []).extend(_tag_values(dd))
    return found


def _unlabelled_groups(groups: list[tuple[str | None, Tag]]) -> Iterator[tuple[str, Tag]]:
    """Each tag group with its field, the labelled ones as labelled and the others by structure.

    An unlabelled group of AO3's own values is the rating, the warnings or the category; one of
    links to tags after those is the next of fandoms, relationships ("A/B", "A & B"),
    characters and additional tags in AO3's order, the last such group being the additional tags
    (the warnings an author tags are there). A group without tag links (language, stats) is no tag.
    """
    position = 0
    for index, (key, dd) in enumerate(groups):
        if key is None:
            key = _group_by_values(dd, position, groups[index + 1 :])
        if key is None:
            continue
        if key in _LATER_GROUPS:
            position = max(position, _LATER_GROUPS.index(key) + 1)
        if key:
            yield key, dd


def _group_by_values(dd: Tag, position: int, rest: list[tuple[str | None, Tag]]) -> str | None:
    """The field of an unlabelled group: "" for a category, None for no tags at all."""
    values = {value.lower() for value in _tag_values(dd)}
    for known, key in ((_RATINGS, "rating"), (_ARCHIVE_WARNINGS, "archive_warnings"), (_CATEGORIES, "")):
        if values and values <= known:
            return key
    if not _links_to_tags(dd) or position >= len(_LATER_GROUPS):
        return None
    if position == 0:
        return "fandoms"
    if position == 1 and all("/" in value or " & " in value for value in values):
        return "relationships"
    later = any(key is None and _links_to_tags(other) for key, other in rest)
    return "characters" if later and position <= 2 else "additional_tags"


def _links_to_tags(dd: Tag) -> bool:
    return any("/tags/" in str(a.get("href") or "") for a in dd.find_all("a"))


# "Summary" and "Notes" as AO3's interface writes them in other languages.
_SUMMARY_LABELS = frozenset(
    [
        "summary",
        "zusammenfassung",
        "résumé",
        "resume",
        "resumen",
        "resumo",
        "riassunto",
        "sommario",
        "streszczenie",
        "samenvatting",
        "sammanfattning",
        "resumé",
        "sammendrag",
        "yhteenveto",
        "shrnutí",
        "zhrnutie",
        "özet",
        "összefoglaló",
        "rezumat",
        "sažetak",
        "santrauka",
        "kopsavilkums",
        "kokkuvõte",
        "περίληψη",
        "описание",
        "аннотация",
        "резюме",
        "опис",
        "анотація",
        "摘要",
        "简介",
        "簡介",
        "概要",
        "あらすじ",
        "요약",
    ]
)
_NOTES_LABELS = frozenset(
    [
        "notes",
        "anmerkungen",
        "notizen",
        "remarques",
        "notas",
        "note",
        "uwagi",
        "notatki",
        "notities",
        "opmerkingen",
        "anteckningar",
        "noter",
        "merknader",
        "huomautukset",
        "muistiinpanot",
        "poznámky",
        "poznámka",
        "notlar",
        "megjegyzések",
        "jegyzetek",
        "bilješke",
        "pastabos",
        "piezīmes",
        "märkmed",
        "σημειώσεις",
        "примечания",
        "заметки",
        "примітки",
        "注释",
        "注釋",
        "备注",
        "備註",
        "注記",
        "メモ",
        "노트",
        "메모",
    ]
)


def _labelled_blockquotes(container: Tag) -> dict[str, list[str]]:
    """'Summary' / 'Notes' / 'End Notes' paragraphs and the blockquotes after them.

    A label in a language not listed is read by the preface's order: AO3 puts the summary
    before the notes, so of two such groups the first is the summary and the second the notes;
    a lone one is the notes when an end-note link follows it, else the summary. Either way its
    text and the warnings it declares are kept.
    """
    found: dict[str, list[str]] = {}
    groups: list[tuple[str, list[str], bool]] = []  # label as written, texts, end-note link after it
    for element in container.find_all(["p", "blockquote", "div"]):
        if element.name == "p" and not has_class(element, "message") and not _in_any_quote(element):
            groups.append((element_text(element).rstrip(":").strip().lower(), [], False))
        elif element.name == "div" and has_class(element, "endnote-link") and groups:
            label, texts, _ = groups[-1]
            groups[-1] = (label, texts, True)
        elif element.name == "blockquote" and has_class(element, "userstuff") and groups and not _in_quote(element):
            text = block_text(element)
            if text:
                groups[-1][1].append(text)
    unknown = [index for index, (label, texts, _) in enumerate(groups) if texts and _preface_label(label) is None]
    for index, (label, texts, endnote_link) in enumerate(groups):
        if not texts:
            continue
        key = _preface_label(label)
        if key is None:
            first = index == unknown[0] and (len(unknown) > 1 or not endnote_link)
            key = "summary" if first else "notes"
        found.setdefault(key, []).extend(texts)
    return found


def _preface_label(label: str) -> str | None:
    if label in ("summary", "notes", "end notes", "chapter summary", "chapter notes"):
        return label
    if label.startswith("chapter end notes"):
        return "end notes"
    if label in _SUMMARY_LABELS:
        return "summary"
    if label in _NOTES_LABELS:
        return "notes"
    return None


def _in_any_quote(element: Tag) -> bool:
    return any(parent.name == "blockquote" for parent in _ancestors(element))


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
    return work_meta(
        filename,
        title=title,
        author=_byline_author(byline) if byline is not None else None,
        tags=read_tags(soup),
        summary="\n\n".join(labelled.get("summary", [])) or None,
        notes=labelled.get("notes", []) + _work_end_notes(soup),
        page_title=element_text(soup.title) if soup.title else None,
    )


def _byline_author(byline: Tag) -> str | None:
    """The authors the byline links to (``a[rel=author]``), whatever word AO3 put before them ("by", "von")."""
    names = [element_text(link) for link in byline.find_all("a", rel="author")]
    names = [name for name in names if name]
    return ", ".join(names) if names else element_text(byline)


def _work_end_notes(soup: BeautifulSoup) -> list[str]:
    """The work's end notes: ``div#endnotes`` in the afterword, whatever its label says."""
    afterword = soup.find(id="afterword")
    if afterword is None:
        return []
    holder = afterword.find(id="endnotes")
    if holder is None:
        return _labelled_blockquotes(afterword).get("end notes", [])
    quotes = [
        quote for quote in holder.find_all("blockquote") if has_class(quote, "userstuff") and not _in_quote(quote)
    ]
    return [text for text in (block_text(quote) for quote in quotes) if text]


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
    previous = ""
    for kind, value in events:
        if kind == "content" and previous == "content" and chapters and not notes:
            assert isinstance(value, Tag)
            more = chapter_scenes(value, chapters[-1].notes)  # a chapter split over files: its text goes on
            if more and chapters[-1].scenes:
                chapters[-1].scenes[-1].paragraphs.extend(more[0].paragraphs)
                chapters[-1].scenes.extend(more[1:])
            continue
        previous = kind
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
            scenes = chapter_scenes(value, notes)
            title = _without_own_heading(scenes, len(chapters) + 1, title)
            if not scenes:
                continue
            chapters.append(Chapter(len(chapters) + 1, title, scenes, notes))
            title, notes = None, []
    if notes and chapters:
        chapters[-1].notes.extend(notes)
    for chapter, title in zip(chapters, within_part_titles([chapter.title for chapter in chapters]), strict=True):
        chapter.title = title
    return chapters


_NUMBERED_USERSTUFF = re.compile(r"^userstuff\d+$")


def undo_calibre_classes(soup: BeautifulSoup) -> None:
    """AO3's EPUB as calibre writes it, back in the download's shape.

    calibre makes AO3's EPUBs from the HTML download and renames every class it styles after the
    first one ("userstuff" as "userstuff1", "userstuff2"; a chapter's "meta group" as "calibre1"),
    and splits the preface and long chapters over files: read by the download's names, the book had
    no chapter text. Here the numbered "userstuff" classes are "userstuff" again, the block holding a
    chapter's ``h2.heading`` is its "meta" again, and the preface's and afterword's pieces are one
    each (a chapter's pieces are read as one by :func:`_chapters`).
    """
    for tag in soup.find_all(class_=_NUMBERED_USERSTUFF):
        tag["class"] = ["userstuff" if _NUMBERED_USERSTUFF.match(name) else name for name in _classes(tag)]
    for heading in soup.find_all("h2", class_="heading"):
        holder = heading.parent
        plain = isinstance(holder, Tag) and holder.name == "div" and not has_class(holder, "meta")
        if plain and not _inside(heading, "preface") and holder.get("id") != "chapters":
            holder["class"] = [*_classes(holder), "meta"]
    for name in ("preface", "afterword"):
        pieces = soup.find_all("div", id=name)
        for piece in pieces[1:]:
            for child in list(piece.children):
                pieces[0].append(child.extract())
            piece.decompose()


def _without_own_heading(scenes: list[Scene], number: int, title: str | None) -> str | None:
    """The chapter's title, its text less a first line that only says its heading again ("Chapter One:
    The Ford" pasted from the author's document over the text AO3 heads "Chapter 1"): that line was
    posted as the chapter's first paragraph. AO3's title stands; the line's is used where AO3 gave none."""
    first = scenes[0].paragraphs[0] if scenes and scenes[0].paragraphs else ""
    heading = match_heading(first) if first and len(first) <= HEADING_MAX_CHARS and "\n" not in first else None
    if heading is None or heading.kind != "chapter" or heading.number != number:
        return title
    del scenes[0].paragraphs[0]
    if not scenes[0].paragraphs:
        del scenes[0]
    return title or heading.title


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


def chapter_heading_number(text: str) -> int | None:
    """The number a chapter's heading gives it ("Chapter 2: Annealing" is 2): a page of one chapter
    is that chapter to its notes' "chapter 2 contains ...", not the story's first."""
    heading = match_heading(text)
    return heading.number if heading is not None and heading.kind == "chapter" else None


def chapter_scenes(content: Tag, notes: list[str]) -> list[Scene]:
    """A chapter's text as scenes; the paragraphs under a note heading inside it ("<h3>Author's
    Note</h3>", "<h3>Warnings</h3>") go to ``notes`` (see :mod:`bot.story.note_headings`).

    AO3 gives a chapter its heading and notes outside its text, so any other heading or line
    that reads as one inside the text is story (a letter's "Part Two", an author's own title)."""
    scenes: list[Scene] = [Scene([])]
    items = note_sections(html_items(content, headings=False, note_headings=True), title_heading=False)
    for item in items:
        if isinstance(item, (SceneBreak, Heading)):
            if scenes[-1].paragraphs:
                scenes.append(Scene([]))
        elif item.note:
            notes.append(item.text)
        else:
            scenes[-1].paragraphs.append(item.text)
    return [scene for scene in scenes if scene.paragraphs]


# The line AO3's download opens each work with, as a copy of it in text keeps it.
_POSTED_ORIGINALLY = re.compile(
    r"posted[ \t]+originally[ \t]+on[ \t]+the[ \t]+archive[ \t]+of[ \t]+our[ \t]+own[ \t]+at[ \t]+<?"
    r"https?://(?:www\.)?archiveofourown\.org/works/(?P<work>\d{1,12})",
    re.IGNORECASE,
)
TEXT_WORKS_MOST = 100  # works counted in a text; past them it is many, said as what it is


def ao3_works_in_text(text: str) -> int:
    """How many AO3 works a text copied from AO3's downloads holds, by the distinct works its "Posted
    originally on the Archive of Our Own at .../works/N" lines name (one the same work's download
    twice is one). Two downloads pasted into one text file were read as one story, the second's
    title page a chapter of the first's."""
    if "rchive of " not in text:
        return 0
    works = set()
    for found in _POSTED_ORIGINALLY.finditer(text):
        works.add(found.group("work"))
        if len(works) >= TEXT_WORKS_MOST:
            break
    return len(works)


def _first_work_only(soup: BeautifulSoup) -> int:
    """How many works the file holds by their prefaces (a ``div#preface`` with a by-line each), the
    file cut to the first: two downloads joined into one file ("cat" or a paste) were read as one work
    whose chapters ran on into the second's, its title page a chapter. Everything from the second
    preface on, in the document's order, is taken out."""
    prefaces = [div for div in soup.find_all("div", id="preface") if div.find("div", class_="byline") is not None]
    if len(prefaces) < 2:
        return len(prefaces)
    node: Tag | None = prefaces[1]
    cut = node
    while isinstance(node, Tag) and node is not soup:
        for sibling in list(node.next_siblings):
            sibling.extract()
        parent = node.parent
        if node is cut:
            node.extract()
        node = parent
    return len(prefaces)


def parse_ao3(
    soup: BeautifulSoup, filename: str, source_format: str = "html", *, max_chapters: int = DEFAULT_MAX_CHAPTERS
) -> Story:
    image_lines(soup)
    works = _first_work_only(soup)
    meta = _preface_meta(soup, filename)
    if works > 1:
        meta.notes.append(
            f"This file held {works} AO3 works one after another; only the first, {meta.title}, was read. "
            "Download each work on its own to add the others."
        )
    chapters = _chapters(soup)
    check_chapters(len(chapters), max_chapters)
    notes_in_text(chapters)
    if not chapters:
        if meta.notes:
            raise StoryFormatError(
                "The AO3 file holds only the work's notes and no chapter text; download the whole work again."
            )
        raise StoryFormatError("The AO3 file has no chapter text; download the whole work again from AO3.")
    return Story(meta, chapters, source_format)
