"""What a book's back holds after the story: "About the Author", "Also by Wren Hale", an excerpt of
another book, a printed book's index and its printer's lines. Not the story, in any format: an
EPUB's last pages (:mod:`bot.story.epub`), and a text's, Markdown's or single-file book's last
section or chapter (:func:`drop_back_matter`)."""

from __future__ import annotations

import re
from functools import lru_cache

from bot.story.model import Chapter, Scene
from bot.story.structure import HEADING_MAX_CHARS
from bot.story.words import count_words

__all__ = ["back_matter_title", "drop_back_matter"]

BACK_LABELS = frozenset(
    [
        "acknowledgments",
        "acknowledgements",
        "acknowledgment",
        "acknowledgement",
        "about the author",
        "about the authors",
        "about the illustrator",
        "meet the author",
        "also by the author",
        "also by this author",
        "also available",
        "books by the author",
        "other books by the author",
        "other books",
        "other titles",
        "more books",
        "newsletter",
        "join my newsletter",
        "sign up for my newsletter",
        "sign up for the newsletter",
        "join the newsletter",
        "update log",
        "thank you for reading",
        "thanks for reading",
        "a note to readers",
        "enjoyed this book?",
        "free book",
        "free books",
        "get a free book",
        "get a free story",
        "get your free book",
        "connect with me",
        "connect with the author",
        "stay in touch",
        "keep in touch",
        "find me online",
        "leave a review",
        "please leave a review",
        "discussion questions",
        "book club discussion questions",
        "questions for discussion",
        "reading group guide",
        "book club guide",
        "glossary",  # a fantasy book's words of its world, "Brine-wife: a woman who keeps the salt pans"
        "glossary of terms",
        "a glossary",
    ]
)
BACK_PREFIXES = ("also by ", "other books by ", "more books by ", "books by ", "more from ", "about ", "connect with ")
EXCERPT = re.compile(
    r"^(?:(?:read|enjoy|keep[ \t]+reading)(?:[ \t]+on)?(?:[ \t]+for)?[ \t]+)?(?:an?[ \t]+)?(?:excerpt|sneak[ \t]+peek|preview)"
    r"(?:[ \t]+(?:from|of|at)\b.*|[ \t]*[:\-–—][ \t]*\S.*)?$"  # "Sneak Peek: Driftwood Hearts"
)
_SPACE = re.compile(r"\s+")
_MAX_TITLE = 2 * HEADING_MAX_CHARS
# A section under such a title longer than this is read as the story's: losing story text is the
# worst outcome, and an "About the Author" page is a paragraph or two.
BACK_SECTION_MAX_WORDS = 400


# What a line inside the story's last chapter must say to open its back matter: only what no
# story's or author's note closes with ("Thanks for reading" and "Preview" may well).
_SECTION_LABELS = frozenset(
    [
        "about the author",
        "about the authors",
        "meet the author",
        "also by the author",
        "also by this author",
        "acknowledgments",
        "acknowledgements",
        "other books by the author",
        "books by the author",
        "glossary",
        "glossary of terms",
    ]
)
_SECTION_PREFIXES = ("also by ", "other books by ", "more books by ", "books by ")
_SECTION_FIRSTS = frozenset(label[0] for label in (*_SECTION_LABELS, *_SECTION_PREFIXES))


# A printed book's index: "INDEX." over entries each ending in its page numbers ("Army, the French,
# mutinies in, 73;" / "disorderly condition of, 105;") or sending the reader elsewhere ("Egalité,
# Philip. _See_ Orleans, Duke of"). It runs to thousands of words, so it is known by its entries'
# shape, not its length: every part of nearly every paragraph after the label so ends.
_INDEX_LABELS = frozenset(["index", "general index", "index of names", "index of subjects"])
_INDEX_FIRSTS = frozenset(label[0] for label in _INDEX_LABELS)
_PAGE = r"(?:\d{1,4}|[ivxlc]{1,7})(?:[ \t]*[-–—][ \t]*(?:\d{1,4}|[ivxlc]{1,7}))?"
_INDEX_ENTRY = re.compile(rf"^\D.*?,[ \t]*{_PAGE}(?:[ \t]*,[ \t]*{_PAGE})*[ \t]*[.;,]?$", re.IGNORECASE)
_INDEX_SEE = re.compile(r"[ \t.,;(_*]see(?:[ \t]+also)?[_*]?[ \t]+\S", re.IGNORECASE)
_INDEX_MIN_ENTRIES = 3
_INDEX_STRAY_SHARE = 0.1  # a letter heading or an odd line among the entries
# The printer's lines closing a printed book: "_Printed at_ THE BALLANTYNE PRESS" / "SPOTTISWOODE,
# BALLANTYNE & CO. LTD.", "PRINTED BY WILLIAM CLOWES AND SONS, LIMITED, LONDON". A line opening
# "Printed" and a printer's word, in a few short lines: a story's last line may well start "Printed".
_PRINTED = re.compile(r"^[ \t_*=]*printed(?:[ \t]+and[ \t]+bound)?[_*=]*[ \t]+(?:at|by|in|for)\b", re.IGNORECASE)
_PRINTER = re.compile(
    r"\b(?:press|printers?|limited|ltd|sons|co|great[ \t]+britain|england|london|u\.?s\.?a)\b", re.IGNORECASE
)
_PRINTER_LINES = 6
_PRINTER_LINE_CHARS = 80


def _key(text: str) -> str:
    if len(text) > _MAX_TITLE and sum(map(len, text.split())) - text.count(":") > _MAX_TITLE:
        # Too long for a title however its spaces collapse: each character that is neither a space
        # nor a colon stays in the key. (Folding and collapsing a paragraph of megabytes, a
        # one-paragraph upload's last, took 0.4 s to find it no title.)
        return ""
    key = _SPACE.sub(" ", text.casefold().replace("\u2019", "'")).strip().rstrip(":!.").strip()
    return "" if "\n" in key or len(key) > _MAX_TITLE else key


def back_matter_title(text: str, author: str | None) -> bool:
    """A heading that says exactly what the page is: "About the Author", "Also by Wren Hale",
    "Excerpt from ..."."""
    key = _key(text)
    if not key:
        return False
    if key in BACK_LABELS or EXCERPT.match(key):
        return True
    return key in _author_titles(author or "")


@lru_cache(maxsize=64)
def _author_titles(author: str) -> frozenset[str]:
    """The back-matter titles naming the author ("Also by Mara Quill", "Connect with Mara"), folded."""
    name = author.casefold()
    names = {name, name.split()[0]} if name.split() else set()
    return frozenset(prefix + each for prefix in BACK_PREFIXES for each in names)


def _opening_letter(text: str, edges: str = "") -> str:
    """The first character of ``text`` past its spaces (and ``edges``), folded as :func:`_key` folds
    it: where a label's first letter is not, no label is, and no key need be made (a story's last
    chapter of 176,000 short paragraphs was folded paragraph by paragraph, twice)."""
    for char in text:
        if not char.isspace() and char not in edges:
            return char.casefold()[:1]
    return ""


def _back_section_line(text: str, author: str | None) -> bool:
    """A line that opens the back matter at the end of a text: "About the Author", "Also by Wren Hale"."""
    if _opening_letter(text) not in _SECTION_FIRSTS:
        return False
    key = _key(text)
    name = (author or "").casefold()
    return key in _SECTION_LABELS or (bool(name) and any(key == prefix + name for prefix in _SECTION_PREFIXES))


def drop_back_matter(chapters: list[Chapter], author: str | None) -> list[Chapter]:
    """The chapters less the back matter after the story.

    A last chapter titled "About the Author" or "Also by Wren Hale" (a Markdown heading, a
    single-file book's ``<h2>``), and in the last chapter a line saying so with a short tail
    under it (a text file's "About the Author" / "J. R. Ashby writes in Maine."): they were read
    as a chapter of the story, or as its closing paragraphs. A first chapter is never dropped.
    """
    while len(chapters) > 1 and _back_chapter(chapters[-1], author):
        chapters.pop()
    if chapters:
        _cut_index(chapters[-1])
        _cut_back_section(chapters[-1], author)
    return chapters


def _back_chapter(chapter: Chapter, author: str | None) -> bool:
    if chapter.title is not None and _index_label(chapter.title):
        return _index_entries(_printed_off(chapter.paragraphs))
    return (
        chapter.title is not None
        and back_matter_title(chapter.title, author)
        and chapter.words <= BACK_SECTION_MAX_WORDS
    )


def _index_label(text: str) -> bool:
    return _opening_letter(text, ".*_=") in _INDEX_FIRSTS and _key(text).strip(" .*_=") in _INDEX_LABELS


def _index_entry(text: str) -> bool:
    """A paragraph of an index: each of its parts ends in page numbers or a "See ..." reference."""
    parts = [" ".join(part.split()) for part in text.split(";")]
    parts = [part for part in parts if part]
    return bool(parts) and all(_INDEX_ENTRY.match(part) or _INDEX_SEE.search(part) for part in parts)


def _index_entries(paragraphs: list[str]) -> bool:
    entries = sum(1 for text in paragraphs if _index_entry(text))
    return entries >= _INDEX_MIN_ENTRIES and len(paragraphs) - entries <= _INDEX_STRAY_SHARE * len(paragraphs)


def _printer_lines(text: str) -> bool:
    lines = [line.strip() for line in text.strip().split("\n")]
    return (
        len(lines) <= _PRINTER_LINES
        and all(len(line) <= _PRINTER_LINE_CHARS for line in lines)
        and any(_PRINTED.match(line) for line in lines)
        and _PRINTER.search(text) is not None
    )


def _printed_off(paragraphs: list[str]) -> list[str]:
    """``paragraphs`` less the printer's lines closing them."""
    end = len(paragraphs)
    while end and _printer_lines(paragraphs[end - 1]):
        end -= 1
    return paragraphs[:end]


def _cut_index(chapter: Chapter) -> None:
    """Cut a printed book's index and its printer's lines from the end of the last chapter, where a
    text file's "INDEX." line, no heading, ran them into the story; story text stays above them."""
    paragraphs = chapter.paragraphs
    end = len(_printed_off(paragraphs))
    label = next((i for i in range(end - 1, -1, -1) if _index_label(paragraphs[i])), None)
    if label is not None and label > 0 and _index_entries(paragraphs[label + 1 : end]):
        end = len(_printed_off(paragraphs[:label]))
    if 0 < end < len(paragraphs):
        _keep_first(chapter, end)


def _keep_first(chapter: Chapter, count: int) -> None:
    """Keep the chapter's first ``count`` paragraphs, dropping the scenes left empty."""
    scenes: list[Scene] = []
    for scene in chapter.scenes:
        if count <= 0:
            break
        scene.paragraphs = scene.paragraphs[:count]
        count -= len(scene.paragraphs)
        scenes.append(scene)
    chapter.scenes = scenes


def _cut_back_section(chapter: Chapter, author: str | None) -> None:
    """Cut the last scene's tail from a line that titles back matter, when short and story text stays above it."""
    scene: Scene = chapter.scenes[-1] if chapter.scenes else Scene([])
    for position, paragraph in enumerate(scene.paragraphs):
        if _back_section_line(paragraph, author):
            tail = scene.paragraphs[position + 1 :]
            kept = sum(len(s.paragraphs) for s in chapter.scenes[:-1]) + position
            if tail and kept and sum(count_words(text) for text in tail) <= BACK_SECTION_MAX_WORDS:
                del scene.paragraphs[position:]
                if not scene.paragraphs:
                    chapter.scenes.pop()
            return
