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

Chapters are paired by what they say, not by their number (``align_chapters``): an author who adds
a prologue, or takes out an "Author's note: on hiatus" chapter, moves every later chapter's number.
Identical chapters are paired first, in order (difflib over their digests); between them, the old
and new chapters left are paired by the telling paragraphs only they share (an edited chapter keeps
most of its own), in order, and those still left by their title when only they hold it there (a
chapter rewritten from the first word beside one added or taken out keeps its title), then by
position (a chapter rewritten in place is that chapter changed), the rest being new or taken out. ``moves`` maps each old number
that is not the new one to where it went: another number, or None for a chapter gone from the
middle of the story (or now a note), whose number another chapter now holds. A chapter taken out
after the last one kept moves past the new end with the chapter before it, so it is still "a
chapter the story no longer has" (its discussions still post and its reports wait, as before).
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from bot.story.front_pages import front_label, front_notes
from bot.story.model import Chapter, Story

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
    # Old chapter number -> its new number, or None (taken out of the middle, or now a note), for
    # every old chapter whose number changes; empty when nothing moves.
    moves: dict[int, int | None] = field(default_factory=dict)

    def moved_chapters(self) -> list[tuple[list[int], int]]:
        """Runs of old chapters that moved by the same step, as (old numbers, step): what an admin is told."""
        runs: list[tuple[list[int], int]] = []
        for old, new in sorted(self.moves.items()):
            if new is None or old in self.removed:
                continue
            step = new - old
            if runs and runs[-1][1] == step and runs[-1][0][-1] == old - 1:
                runs[-1][0].append(old)
            else:
                runs.append(([old], step))
        return runs


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
    kept, old_paragraphs = old[shifted:], all_paragraphs[shifted:]
    old_digests = [chapter_digest(c.title, paragraphs) for c, paragraphs in zip(kept, old_paragraphs, strict=True)]
    new_digests = [_digest(chapter) for chapter in new.chapters]
    pairs = align_chapters(
        old_digests, new_digests, old_paragraphs, [c.paragraphs for c in new.chapters],
        [c.title for c in kept], [c.title for c in new.chapters],
    )  # fmt: skip
    unchanged: list[int] = []
    changed: list[int] = []
    declared: list[DeclaredChange] = []
    notes_changed: list[int] = []
    paired: set[int] = set()
    for index, target in enumerate(pairs):
        if target is None:
            continue
        chapter, number = new.chapters[target], target + 1
        paired.add(number)
        if json.loads(kept[index].notes_json) != chapter.notes:
            notes_changed.append(number)
        difference = _declared_change(number, json.loads(kept[index].declared_json), chapter.declared_warnings)
        if difference is not None:
            declared.append(difference)
        same = old_digests[index] == new_digests[target] and difference is None
        (unchanged if same else changed).append(number)
    moves = chapter_moves(shifted, pairs, len(new.chapters))
    old_telling = set().union(*(_telling(paragraphs) for paragraphs in old_paragraphs))
    new_telling = set().union(*(_telling(chapter.paragraphs) for chapter in new.chapters))
    share = len(old_telling & new_telling) / len(old_telling) if old_telling else None
    return ChapterChanges(
        sorted(unchanged), sorted(changed), [n for n in range(1, len(new.chapters) + 1) if n not in paired],
        [shifted + index + 1 for index, target in enumerate(pairs) if target is None], share,
        sorted(declared, key=lambda change: change.chapter), shifted, now_notes, sorted(notes_changed), moves,
    )  # fmt: skip


def chapter_moves(shifted: int, pairs: Sequence[int | None], new_count: int) -> dict[int, int | None]:
    """Old number -> new number (None: gone) for every old chapter whose number changes.

    ``pairs`` holds, for each old chapter after the ``shifted`` ones now notes, the index of the new
    chapter it is (None: taken out). A chapter taken out after the last one kept moves past the new
    end with the chapter before it (``new_count`` plus its distance from that chapter), so its
    number is held by no chapter; one taken out before a kept chapter is gone (None).
    """
    moves: dict[int, int | None] = {number: None for number in range(1, shifted + 1)}
    last_kept = max((index for index, target in enumerate(pairs) if target is not None), default=-1)
    for index, target in enumerate(pairs):
        number = shifted + index + 1
        if target is not None:
            now: int | None = target + 1
        elif index > last_kept:
            now = new_count + index - last_kept
        else:
            now = None
        if now != number:
            moves[number] = now
    return moves


def align_chapters(
    old_digests: Sequence[str],
    new_digests: Sequence[str],
    old_paragraphs: Sequence[list[str]],
    new_paragraphs: Sequence[list[str]],
    old_titles: Sequence[str | None] | None = None,
    new_titles: Sequence[str | None] | None = None,
) -> list[int | None]:
    """For each old chapter, the index of the new chapter it is, or None when it was taken out;
    in order (a later old chapter is never paired with an earlier new one).

    Identical chapters pair first (the longest runs, as difflib finds them); in each stretch between
    them, chapters pair by the telling paragraphs only they share there, as many as an order allows;
    the chapters still left between those by a title only they hold there (``old_titles``,
    ``new_titles``: a chapter rewritten whole, beside one added, shares no paragraph), and the rest
    by position, the old ones past the new left over.
    """
    no_titles: list[str | None] = []
    pairs: list[int | None] = [None] * len(old_digests)
    matcher = SequenceMatcher(None, list(old_digests), list(new_digests), autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for offset in range(i2 - i1):
                pairs[i1 + offset] = j1 + offset
        elif tag == "replace":
            titles = (old_titles[i1:i2], new_titles[j1:j2]) if old_titles and new_titles else (no_titles, no_titles)
            for i, j in _pair_stretch(old_paragraphs[i1:i2], new_paragraphs[j1:j2], *titles):
                pairs[i1 + i] = j1 + j
    return pairs


def _pair_stretch(
    old: Sequence[list[str]],
    new: Sequence[list[str]],
    old_titles: Sequence[str | None] = (),
    new_titles: Sequence[str | None] = (),
) -> list[tuple[int, int]]:
    """Old and new chapters between two identical ones, paired: by shared paragraphs, then in each gap
    between those by a title only they hold there, then by position."""
    anchors = _shared_paragraph_pairs(old, new)
    pairs: list[tuple[int, int]] = []
    previous = (-1, -1)
    for anchor in [*anchors, (len(old), len(new))]:
        olds, news = range(previous[0] + 1, anchor[0]), range(previous[1] + 1, anchor[1])
        titled = _title_pairs(olds, news, old_titles, new_titles)
        before = (olds.start - 1, news.start - 1)
        for pair in [*titled, (olds.stop, news.stop)]:
            pairs += list(zip(range(before[0] + 1, pair[0]), range(before[1] + 1, pair[1]), strict=False))
            if pair != (olds.stop, news.stop):
                pairs.append(pair)
            before = pair
        if anchor != (len(old), len(new)):
            pairs.append(anchor)
        previous = anchor
    return pairs


def _title_pairs(
    olds: range, news: range, old_titles: Sequence[str | None], new_titles: Sequence[str | None]
) -> list[tuple[int, int]]:
    """Old and new chapters of a gap holding the same title, one that no other chapter of the gap on
    either side holds and that says more than a number, in order (a pair out of order is left)."""
    if not old_titles or not new_titles or not olds or not news:
        return []

    def by_title(indices: range, titles: Sequence[str | None]) -> dict[tuple[str, ...], int | None]:
        found: dict[tuple[str, ...], int | None] = {}
        for index in indices:
            words = tuple(_title_words(titles[index] or ""))
            if any(not word.isdigit() for word in words):
                found[words] = None if words in found else index  # held twice: pairs nothing
        return found

    in_new = by_title(news, new_titles)
    pairs: list[tuple[int, int]] = []
    for words, i in sorted(by_title(olds, old_titles).items(), key=lambda item: item[1] or -1):
        j = in_new.get(words)
        if i is not None and j is not None and (not pairs or j > pairs[-1][1]):
            pairs.append((i, j))
    return pairs


def _shared_paragraph_pairs(old: Sequence[list[str]], new: Sequence[list[str]]) -> list[tuple[int, int]]:
    """The ordered pairing of old and new chapters sharing the most telling paragraphs, counting only
    paragraphs found in one old and one new chapter of the stretch (a sign-off repeated under every
    chapter pairs nothing). A heaviest increasing chain over the pairs sharing any, by a Fenwick tree
    of running maxima, so a long rewritten story costs its pairs' count times a logarithm."""
    where_old = _only_chapter(old)
    where_new = _only_chapter(new)
    weights: dict[tuple[int, int], int] = {}
    for key, i in where_old.items():
        j = where_new.get(key)
        if j is not None:
            weights[(i, j)] = weights.get((i, j), 0) + 1
    if not weights:
        return []
    size = len(new)
    tree: list[tuple[int, int]] = [(0, -1)] * (size + 1)  # (best chain weight, index of its last pair)

    def best_before(j: int) -> tuple[int, int]:  # the heaviest chain over pairs with a new index below j
        found, position = (0, -1), j
        while position > 0:
            found = max(found, tree[position])
            position -= position & -position
        return found

    def record(j: int, value: tuple[int, int]) -> None:
        position = j + 1
        while position <= size:
            tree[position] = max(tree[position], value)
            position += position & -position

    ordered = sorted(weights)
    parents: list[int] = []
    totals: list[int] = []
    starts = [i for i, _ in ordered]
    for i in sorted(set(starts)):
        group = range(bisect_left(starts, i), bisect_left(starts, i + 1))
        found = [best_before(ordered[k][1]) for k in group]  # all read before any of this old chapter is recorded
        for k, (weight, parent) in zip(group, found, strict=True):
            parents.append(parent)
            totals.append(weight + weights[ordered[k]])
        for k in group:
            record(ordered[k][1], (totals[k], k))
    chain: list[tuple[int, int]] = []
    k = max(range(len(ordered)), key=lambda index: (totals[index], -index))
    while k >= 0:
        chain.append(ordered[k])
        k = parents[k]
    return chain[::-1]


def _only_chapter(chapters: Sequence[list[str]]) -> dict[str, int]:
    """Each telling paragraph found in exactly one of these chapters -> that chapter's index."""
    found: dict[str, int] = {}
    repeated: set[str] = set()
    for index, paragraphs in enumerate(chapters):
        for key in _telling(paragraphs):
            if key in found and found[key] != index:
                repeated.add(key)
            found.setdefault(key, index)
    return {key: index for key, index in found.items() if key not in repeated}


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
