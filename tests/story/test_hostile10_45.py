"""Hostile uploads of session 45's tenth round: the passes this session added to the readers (Obsidian
comments, Notion callouts, property tables, Pandoc spans and divs, Reddit's chrome, skip links,
dedications, "End of Chapter N", a title over numbered lines), each given the shape that makes it work
hardest at the upload limit. Each is read within the budgets of :mod:`bot.story.limits` (CPU time; the
figures are in the commit)."""

from __future__ import annotations

import time

from bot.story.importer import import_story
from tests.story.test_hostile_shapes37 import MAX_BYTES

_PROSE = "The weir roared all night and nobody in the valley slept, for the river was rising fast."


def _chapters(opening: str, chapters: int = 1000, lines: int = 72) -> bytes:
    """``chapters`` chapters, each opening with ``lines`` lines of ``opening`` over a line of prose."""
    return "".join(f"Chapter {i}\n" + opening * lines + _PROSE + "\n" for i in range(1, chapters + 1)).encode()


def _cpu(data: bytes) -> float:
    start = time.process_time()
    import_story(data, "dedicated.txt", max_bytes=MAX_BYTES)
    return time.process_time() - start


def test_chapters_opening_with_dozens_of_dedications_cost_no_more_than_prose() -> None:
    """A chapter's opening dedication is its note (author_notes.dedication), asked after every other
    kind of opening note, each a pass of its own: 2,000 chapters opening with 72 "Dedicated to @r!"
    lines each (2.6 MB) took 5.4 s of CPU against 3.2 s for the same lines read as prose. Asked first
    (it is the cheapest), a dedication costs no more than a line of prose does. Measured against the
    same file of prose in the same minutes, so that a busy machine slows both."""
    dedicated = _chapters("Dedicated to @r!\n")
    prose = _chapters("Delivered to @r!\n")
    assert len(dedicated) == len(prose)
    _cpu(prose)  # (warm: the first import compiles the readers' patterns)
    assert _cpu(dedicated) < 1.3 * _cpu(prose)


def test_dedications_over_each_chapter_are_still_its_notes() -> None:
    """Guard: the dedications are each chapter's notes, the prose its text."""
    story = import_story(_chapters("Dedicated to @r!\n", chapters=3, lines=2), "dedicated.txt", max_bytes=MAX_BYTES)
    assert [chapter.paragraphs for chapter in story.chapters] == [[_PROSE]] * 3
    assert [chapter.notes for chapter in story.chapters] == [["Dedicated to @r!", "Dedicated to @r!"]] * 3
