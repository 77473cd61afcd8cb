"""Footnotes written out in a text or Markdown file, as the chapters' notes.

Two shapes:

- Bare digits: "The clock struck midnight.1" (or "midnight[1]") in the story and, at the chapter's or
  the book's end, a numbered list ("1 In the old style, thirteen chimes.", "1. ...", "[1] ..."),
  maybe under a "Notes" line, or under a "## Notes" / "### Footnotes" heading, which
  :mod:`bot.story.note_headings` has already made the chapter's notes. A digit glued to a word is
  not always a footnote ("mp3", "B12") and a numbered list is not always notes, so both must be
  there and agree: the calls in the text, in order, are the list's numbers one by one.
- Markdown's own footnotes: "midnight[^1]" and a definition "[^1]: In the old style." wherever
  it stands (after the paragraph, at the chapter's end, at the book's). The syntax says what they
  are, so each call is paired with the definition of its label: the chapter's own, else the one
  other chapters share (a book's definitions at its end). A definition no call names is still no
  story text, and one a chapter calls again is still one note of it (as Markdown shows it).

- Project Gutenberg's, as Distributed Proofreaders format them: "[Footnote 1: In the old style.]" (or
  "[Footnote A: ...]"), a paragraph of its own, or several, the last closing the bracket, after the
  paragraph that calls it or at the chapter's or the book's end, and the call "midnight[1]" or "[A]"
  in the text. The syntax says what they are: each call is paired with the first such note of its
  key after it (a book's keys repeat, most of them "A"), and a note nothing calls is still no story
  text.

Paired, each entry is a note of the chapter that calls it ("Footnote 1: ..."), the calls are
dropped and the list leaves the story. Otherwise the text is left as it is.
"""

from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass, field

from bot.story.model import Chapter

# A call: digits right after a letter, or after a letter and a stop or closing quote ("midnight.1",
# "said,2", "“Run.”3"), and before a space, a stop or the paragraph's end; or the digits in
# brackets ("midnight[1]", "midnight. [2]").
_AFTER_WORD = r"(?:(?<=[^\W\d_])|(?<=[^\W\d_][.,;:!?’”\"')]))"
_CALL = re.compile(
    rf"{_AFTER_WORD}(?P<bare>\d{{1,3}})(?=[\s.,;:!?]|$)|{_AFTER_WORD} ?\[\^?(?P<bracket>\d{{1,3}})\](?=[\s.,;:!?’”\"')]|$)"
)
_ENTRY = re.compile(r"^[ \t]*(?:(\d{1,3})(?:[.)][ \t]+|[ \t]+)|\[(\d{1,3})\]:?[ \t]+)(\S.*)$")
FOOTNOTE_LABELS = frozenset(("notes", "footnotes", "endnotes", "end notes", "translator's notes", "translation notes"))
MOST_ENTRIES = 200  # a list longer than this is the story's own, read no further

# Markdown's footnotes: "[^1]" or "[^wolf]" called, "[^1]: text" defined at a line's start.
_MD_CALL = re.compile(r" ?\[\^(?P<label>[^\]\s]{1,40})\](?!:)")
_MD_DEFINITION = re.compile(r"^[ \t]{0,3}\[\^(?P<label>[^\]\s]{1,40})\]:[ \t]*(?P<text>.*)$")
# Where a definition's paragraph had its lines joined ("[^1]: North. [^2]: East.", as Ulysses and iA
# Writer write them one a line, with no blank line between): "[^2]:" there opens the next definition
# (a call is never followed by a colon).
_MD_JOINED_DEFINITION = re.compile(r"(?<![ \t])[ \t]+(?=\[\^[^\]\s]{1,40}\]:)")


# Project Gutenberg's footnotes: "[Footnote 1: " opening a paragraph; the key is digits or letters.
_PG_OPEN = re.compile(r"^[ \t]*\[(?i:footnote)[ \t]+(?P<key>\d{1,3}|[A-Za-z]{1,4})[ \t]*:[ \t]*")
# A note over more paragraphs or characters than these is no note: its text stays (and a text of
# unclosed "[Footnote 1:" paragraphs costs each of them no more than this to read).
_PG_MOST_PARAGRAPHS = 12
_PG_MOST_CHARS = 6000
_PG_MOST_BRACKETS = 64  # inside one note: "[Greek: ...]", a call of a note of its own
_BRACKET = re.compile(r"[\[\]]")


def pair_footnotes(chapters: list[Chapter]) -> None:
    """Markdown's and Project Gutenberg's footnotes with their calls, then each chapter's closing list
    of footnotes against the calls in its text; a list at the last chapter's end that numbers the
    whole book's calls goes to the chapters that call them."""
    _markdown_footnotes(chapters)
    _gutenberg_footnotes(chapters)
    for index, chapter in enumerate(chapters):
        found = _closing_list(chapter)
        if found is None:
            continue
        if _calls(chapter, found) == list(found.entries):
            _apply([chapter], found, chapter)
        elif index == len(chapters) - 1 and _story_calls(chapters, found) == list(found.entries):
            _apply(chapters, found, chapter)


@dataclass(slots=True)
class _List:
    """A numbered list of footnotes and where it stands: the closing paragraphs of the chapter's
    last scene (``taken`` of them), or a run of its notes (``notes``, their indexes)."""

    entries: dict[int, str]
    taken: int = 0
    notes: list[int] = field(default_factory=list)


def _entries(lines: list[str]) -> dict[int, str] | None:
    """The lines as a list numbered from one (a line that opens no entry goes on the one above), or None."""
    entries: dict[int, str] = {}
    for line in lines:
        match = _ENTRY.match(line)
        number = int(match.group(1) or match.group(2)) if match else None
        if match and number == len(entries) + 1:
            entries[number] = match.group(3).strip()
        elif entries and line.strip() and not (match and number == 1):
            entries[len(entries)] += " " + line.strip()
        else:
            return None
    return entries or None


def _closing_list(chapter: Chapter) -> _List | None:
    """The numbered entries closing the chapter's last scene, counting up from one, and how many
    paragraphs (with a "Notes" label over them) they take; else a run of the chapter's notes that
    is such a list (under a "## Notes" heading); None when there is neither."""
    return _closing_paragraphs(chapter) or _listed_notes(chapter)


def _closing_paragraphs(chapter: Chapter) -> _List | None:
    if not chapter.scenes:
        return None
    paragraphs = chapter.scenes[-1].paragraphs
    lines: list[str] = []
    taken = 0
    for paragraph in reversed(paragraphs):
        block = paragraph.splitlines()
        opening = _ENTRY.match(block[0]) if block else None
        if opening is None or len(lines) + len(block) > MOST_ENTRIES:
            break
        lines[:0] = block
        taken += 1
        if (opening.group(1) or opening.group(2)) == "1":
            break  # the list's first entry: what is above it is the story
    entries = _entries(lines) if lines else None
    if entries is None:
        return None
    if taken < len(paragraphs) and paragraphs[-1 - taken].strip().strip(":*_#").strip().lower() in FOOTNOTE_LABELS:
        taken += 1
    if taken == len(paragraphs) and len(chapter.scenes) == 1:
        return None  # nothing of the story would be left
    return _List(entries, taken=taken)


def _listed_notes(chapter: Chapter) -> _List | None:
    """The chapter's notes that together are one numbered list, each a paragraph of it."""
    run: list[int] = []
    for index, note in enumerate(chapter.notes):
        first = note.splitlines()[0] if note.strip() else ""
        match = _ENTRY.match(first)
        if match is None:
            if run:
                break
            continue
        if not run and (match.group(1) or match.group(2)) != "1":
            continue
        run.append(index)
    lines = [line for index in run for line in chapter.notes[index].splitlines()]
    entries = _entries(lines) if lines and len(lines) <= MOST_ENTRIES else None
    return _List(entries, notes=run) if entries else None


def _text(chapter: Chapter, found: _List | None) -> list[str]:
    taken = found.taken if found else 0
    return chapter.paragraphs[: len(chapter.paragraphs) - taken] if taken else chapter.paragraphs


def _numbers(paragraph: str) -> list[int]:
    return [int(match.group("bare") or match.group("bracket")) for match in _CALL.finditer(paragraph)]


def _calls(chapter: Chapter, found: _List | None = None) -> list[int]:
    found = found if found is not None else _closing_list(chapter)
    return [number for paragraph in _text(chapter, found) for number in _numbers(paragraph)]


def _story_calls(chapters: list[Chapter], found: _List) -> list[int]:
    return [number for chapter in chapters[:-1] for number in _calls(chapter)] + _calls(chapters[-1], found)


def _apply(scope: list[Chapter], found: _List, listed: Chapter) -> None:
    """Drop the list and the calls; each entry becomes a note of the chapter that calls it."""
    if found.taken:
        last = listed.scenes[-1].paragraphs
        del last[len(last) - found.taken :]
        if not last:
            listed.scenes.pop()
    if found.notes:
        listed.notes = [note for index, note in enumerate(listed.notes) if index not in found.notes]
    for chapter in scope:
        for scene in chapter.scenes:
            for position, paragraph in enumerate(scene.paragraphs):
                numbers = _numbers(paragraph)
                chapter.notes.extend(f"Footnote {number}: {found.entries[number]}" for number in numbers)
                scene.paragraphs[position] = _CALL.sub("", paragraph)


def _definitions(text: str) -> list[tuple[str, str]] | None:
    """A paragraph (or note) that is Markdown footnote definitions only, as (label, text) pairs;
    a line that opens none goes on the definition above (a definition's next lines)."""
    found: list[tuple[str, str]] = []
    for line in _MD_JOINED_DEFINITION.sub("\n", text).splitlines():
        match = _MD_DEFINITION.match(line)
        if match:
            found.append((match.group("label"), match.group("text").strip()))
        elif found and line.strip():
            label, body = found[-1]
            found[-1] = (label, f"{body} {line.strip()}".strip())
        elif line.strip():
            return None
    return found or None


def _take_definitions(texts: list[str], defined: dict[str, str]) -> list[str]:
    """``texts`` without the paragraphs that are "[^label]: text" definitions, which go to ``defined``."""
    kept = []
    for text in texts:
        found = _definitions(text)
        if found is None:
            kept.append(text)
        else:
            defined.update((label, note) for label, note in reversed(found))
    return kept


def _markdown_footnotes(chapters: list[Chapter]) -> None:
    """Markdown's "[^label]" calls paired with their "[^label]: text" definitions (see the module docstring)."""
    own: list[dict[str, str]] = []
    for chapter in chapters:
        defined: dict[str, str] = {}
        for scene in chapter.scenes:
            scene.paragraphs = _take_definitions(scene.paragraphs, defined)
        chapter.notes = _take_definitions(chapter.notes, defined)
        own.append(defined)
    if not any(own):
        return
    called = [
        match.group("label") for chapter in chapters for p in chapter.paragraphs for match in _MD_CALL.finditer(p)
    ]
    as_written = all(label.isdigit() for label in called)  # else numbered in order, as Markdown shows them
    last_defining = {label: index for index, defined in enumerate(own) for label in defined}  # a book's: its end
    used: set[tuple[int, str]] = set()
    count = 0
    for index, chapter in enumerate(chapters):
        noted: set[tuple[int, str]] = set()  # a definition called again is one note, as Markdown shows it
        for scene in chapter.scenes:
            for position, paragraph in enumerate(scene.paragraphs):
                pieces: list[str] = []
                kept = 0
                for match in _MD_CALL.finditer(paragraph):
                    label = match.group("label")
                    owner = index if label in own[index] else last_defining.get(label)
                    if owner is None:
                        continue
                    used.add((owner, label))
                    if (owner, label) not in noted:
                        noted.add((owner, label))
                        count += 1
                        chapter.notes.append(f"Footnote {label if as_written else count}: {own[owner][label]}")
                    pieces.append(paragraph[kept : match.start()])
                    kept = match.end()
                scene.paragraphs[position] = "".join(pieces) + paragraph[kept:]
        chapter.scenes = [scene for scene in chapter.scenes if scene.paragraphs]
    for index, chapter in enumerate(chapters):  # a definition nothing calls is still no story text
        chapter.notes.extend(
            f"Footnote {label}: {text}" for label, text in own[index].items() if (index, label) not in used
        )
    _drop_emptied(chapters)


def _drop_emptied(chapters: list[Chapter]) -> None:
    """A chapter that held only definitions (a "## References" heading over them) is no chapter:
    what notes it keeps go to the chapter before it."""
    kept: list[Chapter] = []
    for chapter in chapters:
        if chapter.scenes or not kept:
            kept.append(chapter)
        else:
            kept[-1].notes.extend(chapter.notes)
    if kept and not kept[0].scenes and len(kept) > 1:
        kept[1].notes[:0] = kept.pop(0).notes
    for number, chapter in enumerate(kept, 1):
        chapter.number = number
    chapters[:] = kept


@dataclass(frozen=True, slots=True)
class _PgNote:
    """A Gutenberg note where it stood among its scene's paragraphs, while its calls are paired."""

    key: str
    text: str


def _pg_note(paragraphs: list[str], start: int) -> tuple[_PgNote, int] | None:
    """The note a "[Footnote 1: ..." paragraph opens and how many paragraphs it spans, up to the one
    whose closing bracket ends it; None when no bracket closes it within a few paragraphs and
    characters, or text follows it."""
    first = paragraphs[start]
    opening = _PG_OPEN.match(first)
    if opening is None:
        return None
    body = first.rstrip()
    if body.endswith("]") and body.count("[") == 1 and body.count("]") == 1:  # most notes: no brackets inside
        return _PgNote(opening.group("key"), " ".join(body[opening.end() : -1].split())), 1
    depth = 0
    brackets = 0
    pieces: list[str] = []
    read = 0
    for index in range(start, min(len(paragraphs), start + _PG_MOST_PARAGRAPHS)):
        text = paragraphs[index][opening.end() :] if index == start else paragraphs[index]
        text = text[: _PG_MOST_CHARS - read]
        read += len(text)
        for bracket in _BRACKET.finditer(text):
            brackets += 1
            if brackets > _PG_MOST_BRACKETS:
                return None
            if bracket.group() == "[":
                depth += 1
            elif depth:
                depth -= 1
            elif text[bracket.end() :].strip():
                return None
            else:
                pieces.append(text[: bracket.start()])
                return _PgNote(opening.group("key"), " ".join(" ".join(pieces).split())), index - start + 1
        pieces.append(text)
        if read >= _PG_MOST_CHARS:
            return None
    return None


def _gutenberg_footnotes(chapters: list[Chapter]) -> None:
    """Project Gutenberg's "[Footnote 1: ...]" notes paired with their "[1]" calls (see the module docstring)."""
    if not any(_PG_OPEN.match(paragraph) for chapter in chapters for paragraph in chapter.paragraphs):
        return
    layout = [[_pg_layout(scene.paragraphs) for scene in chapter.scenes] for chapter in chapters]
    keys = {piece.key for scenes in layout for pieces in scenes for piece in pieces if isinstance(piece, _PgNote)}
    if not keys:
        return
    call = re.compile(r"\[(?P<key>" + "|".join(sorted(map(re.escape, keys), key=len, reverse=True)) + r")\]")
    pending: dict[str, deque[tuple[int, int, int, re.Match[str]]]] = {}
    paired: dict[tuple[int, int, int], list[re.Match[str]]] = {}
    for index, scenes in enumerate(layout):
        for scene_index, pieces in enumerate(scenes):
            for position, piece in enumerate(pieces):
                if isinstance(piece, str):
                    for match in call.finditer(piece):
                        pending.setdefault(match.group("key"), deque()).append((index, scene_index, position, match))
                    continue
                calls = pending.get(piece.key)
                called = calls.popleft() if calls else None  # a key's notes follow its calls in order
                if called is not None:
                    paired.setdefault(called[:3], []).append(called[3])
                chapters[called[0] if called else index].notes.append(f"Footnote {piece.key}: {piece.text}")
    for index, (chapter, scenes) in enumerate(zip(chapters, layout, strict=True)):
        for scene_index, (scene, pieces) in enumerate(zip(chapter.scenes, scenes, strict=True)):
            scene.paragraphs = [
                _without_calls(piece, paired.get((index, scene_index, position), []))
                for position, piece in enumerate(pieces)
                if isinstance(piece, str)
            ]
        chapter.scenes = [scene for scene in chapter.scenes if scene.paragraphs]
    _drop_emptied(chapters)


def _pg_layout(paragraphs: list[str]) -> list[str | _PgNote]:
    """A scene's paragraphs, each run of them that is one Gutenberg note as that note."""
    pieces: list[str | _PgNote] = []
    position = 0
    while position < len(paragraphs):
        found = _pg_note(paragraphs, position)
        if found is None:
            pieces.append(paragraphs[position])
            position += 1
        else:
            pieces.append(found[0])
            position += found[1]
    return pieces


def _without_calls(paragraph: str, calls: list[re.Match[str]]) -> str:
    for match in sorted(calls, key=lambda found: found.start(), reverse=True):
        paragraph = paragraph[: match.start()] + paragraph[match.end() :]
    return paragraph
