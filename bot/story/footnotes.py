"""Footnotes written as bare digits in a text or Markdown file: "The clock struck midnight.1" in the
story and, at the chapter's or the book's end, a numbered list ("1 In the old style, thirteen
chimes.", or "1. ..." in Markdown), maybe under a "Notes" line.

Posted as they are, a member reads "midnight.1" and the list as the chapter's closing paragraphs.
A digit glued to a word is not always a footnote ("mp3", "B12") and a numbered list is not always
notes, so both must be there and agree: the calls in the text, in order, are the list's numbers
one by one. Then each entry is a note of the chapter that calls it ("Footnote 1: ..."), the calls
are dropped and the list leaves the story. Otherwise the text is left as it is.
"""

from __future__ import annotations

import re

from bot.story.model import Chapter

# A call: digits right after a letter, or after a letter and a stop or closing quote ("midnight.1",
# "said,2", "“Run.”3"), and before a space, a stop or the paragraph's end.
_CALL = re.compile(r"(?:(?<=[^\W\d_])|(?<=[^\W\d_][.,;:!?’”\"')]))(\d{1,3})(?=[\s.,;:!?]|$)")
_ENTRY = re.compile(r"^[ \t]*(\d{1,3})(?:[.)][ \t]+|[ \t]+)(\S.*)$")
_LABELS = frozenset(("notes", "footnotes", "endnotes", "end notes", "translator's notes", "translation notes"))
MOST_ENTRIES = 200  # a list longer than this is the story's own, read no further


def pair_footnotes(chapters: list[Chapter]) -> None:
    """Read each chapter's closing list of footnotes against the calls in its text; a list at the
    last chapter's end that numbers the whole book's calls goes to the chapters that call them."""
    for index, chapter in enumerate(chapters):
        found = _closing_list(chapter)
        if found is None:
            continue
        entries, taken = found
        if _calls(chapter) == list(entries):
            _apply([chapter], entries, chapter, taken)
        elif index == len(chapters) - 1 and _story_calls(chapters) == list(entries):
            _apply(chapters, entries, chapter, taken)


def _closing_list(chapter: Chapter) -> tuple[dict[int, str], int] | None:
    """The numbered entries closing the chapter's last scene, counting up from one, and how many
    paragraphs (with a "Notes" label over them) they take; None when it does not close so."""
    if not chapter.scenes:
        return None
    paragraphs = chapter.scenes[-1].paragraphs
    lines: list[str] = []
    taken = 0
    for paragraph in reversed(paragraphs):
        block = paragraph.splitlines()
        if not all(_ENTRY.match(line) for line in block) or len(lines) + len(block) > MOST_ENTRIES:
            break
        lines[:0] = block
        taken += 1
    if not lines:
        return None
    numbers = [int(match.group(1)) for match in map(_ENTRY.match, lines) if match]
    if numbers != list(range(1, len(numbers) + 1)):
        return None
    if taken < len(paragraphs) and paragraphs[-1 - taken].strip().strip(":*_#").strip().lower() in _LABELS:
        taken += 1
    if taken == len(paragraphs) and len(chapter.scenes) == 1:
        return None  # nothing of the story would be left
    entries = {int(match.group(1)): match.group(2).strip() for match in map(_ENTRY.match, lines) if match}
    return entries, taken


def _text(chapter: Chapter, taken: int = 0) -> list[str]:
    return chapter.paragraphs[: len(chapter.paragraphs) - taken] if taken else chapter.paragraphs


def _calls(chapter: Chapter) -> list[int]:
    found = _closing_list(chapter)
    taken = found[1] if found else 0
    return [int(number) for paragraph in _text(chapter, taken) for number in _CALL.findall(paragraph)]


def _story_calls(chapters: list[Chapter]) -> list[int]:
    return [number for chapter in chapters for number in _calls(chapter)]


def _apply(scope: list[Chapter], entries: dict[int, str], listed: Chapter, taken: int) -> None:
    """Drop the list and the calls; each entry becomes a note of the chapter that calls it."""
    last = listed.scenes[-1].paragraphs
    del last[len(last) - taken :]
    if not last:
        listed.scenes.pop()
    for chapter in scope:
        for scene in chapter.scenes:
            for position, paragraph in enumerate(scene.paragraphs):
                numbers = [int(number) for number in _CALL.findall(paragraph)]
                chapter.notes.extend(f"Footnote {number}: {entries[number]}" for number in numbers)
                scene.paragraphs[position] = _CALL.sub("", paragraph)
