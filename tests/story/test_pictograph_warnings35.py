"""Warnings an author gives as pictographs ("TW: 🔪 🩸"): the emoji were trimmed as the line's frame,
leaving "TW:", which declared nothing (session 35's hostile probe noticed it). They are the words of
the declaration, shown to members as the author wrote them; a frame of warning signs is still a frame."""

from __future__ import annotations

import pytest

from bot.story.importer import import_story
from bot.story.metadata_fields import trim_ornaments

LIMIT = 1 << 20


def _story(head: str) -> bytes:
    return (
        f"The Tide\nby Ann Marr\n{head}\n\nChapter 1\n\nThe boats went out at dawn and came back late.\n\n"
        "Chapter 2\n\nShe waited on the pier until the lamps were lit.\n"
    ).encode()


@pytest.mark.parametrize("head", ["TW: 🔪 🩸", "CW: 🔪", "✨ Warnings: 🩸 ✨"])
def test_pictographs_after_a_label_are_the_declaration(head: str) -> None:
    story = import_story(_story(head), "tide.txt", max_bytes=LIMIT)
    [declared] = story.meta.declared_warnings
    assert declared.endswith(("🩸", "🔪")), declared


@pytest.mark.parametrize(
    ("line", "expected"),
    [("⚠️ TW: blood ⚠️", "TW: blood"), ("⚠️ TW: ⚠️", "TW:"), ("✨ Title ✨", "Title"), ("TW: ~~~~", "TW:")],
)
def test_a_frame_is_still_trimmed(line: str, expected: str) -> None:
    """Guard: warning signs, sparkles and tildes around a line are no part of it."""
    assert trim_ornaments(line) == expected


def test_a_label_over_a_frame_alone_declares_nothing() -> None:
    story = import_story(_story("⚠️ TW: ⚠️"), "tide.txt", max_bytes=LIMIT)
    assert story.meta.declared_warnings == []
