"""What a new version of a story changed: chapter by chapter, and whether it is the same story at all.

``/story update`` takes a new file for a story the club is reading (a work in progress gained a
chapter). The stored chapters and the new ones are compared here, in a worker (the stored text
is decoded from JSON, which is the size of the story): each chapter is unchanged or changed by
its text and title, chapters past the old end are new, and the share of the old text's
paragraphs the new file still holds says whether the file is the same story at all.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass

from bot.story.model import Chapter, Story

# A paragraph this short ("* * *", "Yes.", "The End") is found in any story: it says nothing
# about whether two texts are the same story.
MIN_TELLING_CHARS = 40
SAME_STORY_SHARE = 0.5  # at least this share of the old telling paragraphs is still in the file


@dataclass(frozen=True, slots=True)
class StoredChapter:
    """A chapter as the store holds it: its title and its scenes as the JSON text stored."""

    title: str | None
    scenes_json: str


@dataclass(frozen=True, slots=True)
class ChapterChanges:
    unchanged: list[int]
    changed: list[int]
    added: list[int]
    removed: list[int]
    kept_share: float | None  # share of the old telling paragraphs still there; None when it had none


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
    old_paragraphs = [_stored_paragraphs(chapter) for chapter in old]
    unchanged: list[int] = []
    changed: list[int] = []
    for index, chapter in enumerate(new.chapters[: len(old)]):
        same = chapter_digest(old[index].title, old_paragraphs[index]) == _digest(chapter)
        (unchanged if same else changed).append(index + 1)
    before, after = len(old), len(new.chapters)
    old_telling = set().union(*(_telling(paragraphs) for paragraphs in old_paragraphs))
    new_telling = set().union(*(_telling(chapter.paragraphs) for chapter in new.chapters))
    share = len(old_telling & new_telling) / len(old_telling) if old_telling else None
    return ChapterChanges(
        unchanged, changed, list(range(before + 1, after + 1)), list(range(after + 1, before + 1)), share
    )


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
