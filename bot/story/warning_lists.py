"""A title page's warnings given chapter by chapter, as a list under its own label:

    CONTENT WARNINGS BY CHAPTER
    Chapter 1: none
    Chapter 2: blood, self-harm

Read as text, each entry was a chapter heading with nothing under it: the real chapters were
numbered one too high (or the file refused) and no chapter carried its warnings. The list is taken
out before the text is read (:func:`take_warning_lists`) and each entry given to the chapter it
names once the chapters are known (:func:`give_warning_lists`); the list itself stays a note.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.story.model import Story
from bot.story.text_declarations import ChaptersByNumber

# Lines from the top of a file a title page's list may start in: a header, a summary and notes.
HEAD_LINES = 300
MAX_ENTRIES = 2000  # an entry a chapter, and no story has more chapters (limits.DEFAULT_MAX_CHAPTERS)

_WARNINGS = r"(?:warnings?|cws?|tws?|content[ \t]+notes?)"
# (or the chapter word before it: "Chapter warnings:", "Per-chapter CWs:", "Chapter-by-chapter warnings")
# (Each run of spaces taken whole, "*+": two runs side by side split a line of spaces every way there
# is, "CWs", 20,000 spaces and "below!" took 5 s.)
_LABEL = re.compile(
    rf"[ \t>#*_]*(?:(?:(?:content|trigger|chapter)[ \t]+)?{_WARNINGS}[ \t]*+,?[ \t]*+"
    r"(?:by|per|for[ \t]+each)[ \t]+chapters?"
    r"|(?:per[ \t]*+-?[ \t]*+chapter|chapter(?:[ \t]*+-?[ \t]*+by[ \t]*+-?[ \t]*+chapter)?)[ \t]+(?:(?:content|trigger)[ \t]+)?"
    rf"{_WARNINGS})"
    r"[ \t]*+(?:\([^()\n]{1,40}\)[ \t]*+)?:?[ \t*_]*",  # "(spoilers!)"
    re.IGNORECASE,
)
_ENTRY = re.compile(
    r"[ \t]*(?:[-*+•][ \t]*)?(?:chapter|chap\.?|ch\.?|part)[ \t]*(?P<number>\d{1,4})[ \t]*(?:[:—–]|-(?=[ \t]))"
    r"[ \t]*(?P<what>\S[^\n]{0,300})",
    re.IGNORECASE,
)
_NONE = re.compile(r"(?:none|nothing|no[ \t]+warnings?|n/?a|[-—–]+)\b", re.IGNORECASE)


@dataclass(slots=True)
class WarningLists:
    by_chapter: dict[int, list[str]] = field(default_factory=dict)  # chapter number -> declarations
    note: str | None = None  # the list as the author wrote it


def take_warning_lists(text: str) -> tuple[str, WarningLists]:
    """``text`` without a list of warnings by chapter in its first or last lines (a title page's, or
    one after the story where a spoiler-shy author puts it), and what the list declares."""
    lines = text.split("\n", HEAD_LINES)
    found = _take(lines, range(min(len(lines), HEAD_LINES)))
    if found is None and len(lines) > HEAD_LINES:
        lines = text.rsplit("\n", HEAD_LINES)
        found = _take(lines, range(1, len(lines)))
    return found or (text, WarningLists())


def _take(lines: list[str], starts: range) -> tuple[str, WarningLists] | None:
    """The lines joined without the first list under a label starting in ``starts``, and the list."""
    for index in starts:
        line = lines[index]
        if _LABEL.fullmatch(line.rstrip()) is None:
            continue
        start = index + 1
        if start < len(lines) and not lines[start].strip():
            start += 1  # a blank line between the label and its list
        entries = []
        end = start
        while end < len(lines) and len(entries) < MAX_ENTRIES and (found := _ENTRY.fullmatch(lines[end].rstrip())):
            entries.append(found)
            end += 1
        if len(entries) < 2:
            continue
        found_lists = _lists(entries, "\n".join(line.strip() for line in lines[index:end] if line.strip()))
        return "\n".join([*lines[:index], *lines[end:]]), found_lists
    return None


def page_warning_lists(label: str, lines: list[str]) -> WarningLists | None:
    """A book's page of warnings (its heading ``label``, "Content Warnings") read as a list by
    chapter when every line of it is an entry naming its chapter ("Chapter 2: drowning"), two at
    least; None for any other page, whose lines declare for the whole book as before."""
    entries = [_ENTRY.fullmatch(line.strip()) for line in lines[:MAX_ENTRIES] if line.strip()]
    if len(entries) < 2 or len(lines) > MAX_ENTRIES or not all(entries):
        return None
    return _lists([entry for entry in entries if entry], "\n".join([label, *(line.strip() for line in lines)]))


def _lists(entries: list[re.Match[str]], note: str) -> WarningLists:
    found = WarningLists(note=note)
    for entry in entries:
        what = entry.group("what").strip().rstrip(".")
        if not _NONE.match(what):
            found.by_chapter.setdefault(int(entry.group("number")), []).append(f"Warnings: {what}")
    return found


def give_warning_lists(story: Story, lists: WarningLists) -> Story:
    """Each chapter the declarations a list gives it (the author's "Chapter 2", as a note's "chapter 2
    contains ..." names it: :class:`bot.story.text_declarations.ChaptersByNumber`), the list itself the
    story's note. Returned for chaining."""
    named = ChaptersByNumber(story.chapters)
    for number, declared in lists.by_chapter.items():
        if (at := named.index(number)) is not None:
            story.chapters[at].declared_warnings.extend(declared)
    if lists.note:
        story.meta.notes.append(lists.note)
    return story
