"""What a new version of a story changed: chapter by chapter, and whether it is the same story at all.

``/story update`` takes a new file for a story the club is reading (a work in progress gained a
chapter). The stored chapters and the new ones are compared here, in a worker (the stored text
is decoded from JSON, which is the size of the story): each chapter is unchanged or changed by
its text and title, chapters past the old end are new, and the share of the old text's
paragraphs the new file still holds says whether the file is the same story at all.

A chapter's declared warnings ("CW for this chapter: ..." in its notes) are part of what it says:
a chapter whose text is the same but whose author's warnings are not has changed.

A story imported by a Dogear that read a dedication or an epigraph before the first chapter as
chapter 1 has that page as its first chapter; the same file read now has it among the story's
notes and one chapter fewer. Old leading chapters whose words are those notes' words are matched
to them (``now_notes``), and the chapters after them compare with the new ones from chapter 1:
``shifted`` says how many numbers everything keyed by chapter moves down.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass, field

from bot.story.model import Chapter, Story
from bot.story.plaintext import front_label, front_notes

# A paragraph this short ("* * *", "Yes.", "The End") is found in any story: it says nothing
# about whether two texts are the same story.
MIN_TELLING_CHARS = 40
SAME_STORY_SHARE = 0.5  # at least this share of the old telling paragraphs is still in the file


@dataclass(frozen=True, slots=True)
class StoredChapter:
    """A chapter as the store holds it: its title, its scenes and its declared warnings as the JSON text stored."""

    title: str | None
    scenes_json: str
    declared_json: str = "[]"
    notes_json: str = "[]"


@dataclass(frozen=True, slots=True)
class DeclaredChange:
    """A chapter whose author's warnings are not the ones stored: what it declares now and no longer."""

    chapter: int
    added: list[str]
    dropped: list[str]


@dataclass(frozen=True, slots=True)
class ChapterChanges:
    unchanged: list[int]
    changed: list[int]
    added: list[int]
    removed: list[int]
    kept_share: float | None  # share of the old telling paragraphs still there; None when it had none
    declared: list[DeclaredChange] = field(default_factory=list)  # compared chapters whose declared warnings differ
    shifted: int = 0  # old leading chapters that are the new file's notes: chapter numbers move down by this
    now_notes: list[str] = field(default_factory=list)  # the labels of those notes ("Dedication", "Epigraph")
    notes_changed: list[int] = field(default_factory=list)  # compared chapters whose author's notes differ


def _paragraph_key(paragraph: str) -> str:
    return " ".join(paragraph.split())


def chapter_digest(title: str | None, paragraphs: list[str]) -> str:
    """One chapter's title and text, hashed; spacing aside, the same chapter hashes the same."""
    digest = hashlib.sha256(b"\x1etitle\x1f" + (title or "").encode())
    for paragraph in paragraphs:
        digest.update(b"\x1f" + _paragraph_key(paragraph).encode())
    return digest.hexdigest()


def _stored_paragraphs(chapter: StoredChapter) -> list[str]:
    return [paragraph for scene in json.loads(chapter.scenes_json) for paragraph in scene]


def _telling(paragraphs: list[str]) -> set[str]:
    keys = (_paragraph_key(paragraph) for paragraph in paragraphs)
    return {key for key in keys if len(key) >= MIN_TELLING_CHARS}


def compare_chapters(old: list[StoredChapter], new: Story) -> ChapterChanges:
    """The stored chapters (in order, numbered from 1) against the new file's; runs in a worker."""
    all_paragraphs = [_stored_paragraphs(chapter) for chapter in old]
    shifted, now_notes = _now_notes(old, all_paragraphs, new.meta.notes)
    old, old_paragraphs = old[shifted:], all_paragraphs[shifted:]
    unchanged: list[int] = []
    changed: list[int] = []
    declared: list[DeclaredChange] = []
    notes_changed: list[int] = []
    for index, chapter in enumerate(new.chapters[: len(old)]):
        number = index + 1
        if json.loads(old[index].notes_json) != chapter.notes:
            notes_changed.append(number)
        difference = _declared_change(number, json.loads(old[index].declared_json), chapter.declared_warnings)
        if difference is not None:
            declared.append(difference)
        same = chapter_digest(old[index].title, old_paragraphs[index]) == _digest(chapter) and difference is None
        (unchanged if same else changed).append(number)
    before, after = len(old), len(new.chapters)
    old_telling = set().union(*(_telling(paragraphs) for paragraphs in old_paragraphs))
    new_telling = set().union(*(_telling(chapter.paragraphs) for chapter in new.chapters))
    share = len(old_telling & new_telling) / len(old_telling) if old_telling else None
    return ChapterChanges(
        unchanged, changed, list(range(before + 1, after + 1)), list(range(after + 1, before + 1)), share,
        declared, shifted, now_notes, notes_changed,
    )  # fmt: skip


def _declared_key(warning: str) -> str:
    return " ".join(warning.split()).casefold()


def _declared_change(number: int, before: list[str], after: list[str]) -> DeclaredChange | None:
    """What the author's warnings for one chapter gained and lost, spacing and case aside; None when the same."""
    had = {_declared_key(warning) for warning in before}
    has = {_declared_key(warning) for warning in after}
    added = [warning for warning in after if _declared_key(warning) not in had]
    dropped = [warning for warning in before if _declared_key(warning) not in has]
    return DeclaredChange(number, added, dropped) if added or dropped else None


def _now_notes(old: list[StoredChapter], paragraphs: list[list[str]], notes: list[str]) -> tuple[int, list[str]]:
    """How many leading old chapters hold, word for word, the new file's dedications and epigraphs
    (one chapter may hold two pages: a dedication, then an epigraph), and the labels of those notes.

    The old chapter's own "Dedication" heading or line is not in the note's words, and is left out;
    at least one old chapter is left to be the story.
    """
    pages = [(label, words.split()) for label, words in front_notes(notes)]
    shifted, used, labels = 0, 0, []
    while shifted < len(old) - 1 and used < len(pages):
        words = _front_words(old[shifted].title, paragraphs[shifted])
        taken = _pages_matching(words, [page for _, page in pages[used:]])
        if not taken:
            break
        labels += [label for label, _ in pages[used : used + taken]]
        shifted, used = shifted + 1, used + taken
    return shifted, labels


def _front_words(title: str | None, paragraphs: list[str]) -> list[str]:
    """An old chapter's words, without a title or line that only says "Dedication" or "Epigraph"."""
    kept = [text for text in [title or "", *paragraphs] if front_label(text) is None]
    return " ".join(kept).split()


def _pages_matching(words: list[str], pages: list[list[str]]) -> int:
    """How many of the first pages, one after another, are exactly ``words``; 0 when none are."""
    joined: list[str] = []
    for count, page in enumerate(pages, start=1):
        joined += page
        if joined == words:
            return count
        if len(joined) >= len(words) or words[: len(joined)] != joined:
            return 0
    return 0


def _digest(chapter: Chapter) -> str:
    return chapter_digest(chapter.title, chapter.paragraphs)


def _title_words(title: str) -> list[str]:
    folded = unicodedata.normalize("NFKD", title.casefold())
    return re.findall(r"\w+", "".join(ch for ch in folded if not unicodedata.combining(ch)))


def same_title(one: str, other: str) -> bool:
    """The same title, case, accents and punctuation aside, or one holding the other's words in
    order ("The Ford" and "The Ford (WIP)"): a title that differs clearly answers False.

    One word inside a longer title is not enough ("Home" and "Finding Home", "Story" and "A Ghost
    Story", a file named "story.txt"): the caller then checks how much of the text is kept instead.
    """
    a, b = _title_words(one), _title_words(other)
    if not a or not b:
        return False
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    if len(shorter) == 1:
        return shorter == longer
    return any(longer[i : i + len(shorter)] == shorter for i in range(len(longer) - len(shorter) + 1))
