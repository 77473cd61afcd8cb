"""The discussion post's count of readers: "No one has read this chapter yet", not "0 members have read
this chapter so far"; 1 and 2 agree with their verb; a chapter taken down counts the last one's readers."""

from __future__ import annotations

import pytest

from bot.discussions.compose import discussion_notice


def readers_line(caught_up: int, *, chapters: int | None = None) -> str:
    notice = discussion_notice(
        discussion_id=7,
        marker="dogear:discussion:7",
        title="Red Floors",
        chapter=4,
        warnings=[],
        caught_up=caught_up,
        prompts=[],
        role_id=None,
        late_since=None,
        chapters=chapters,
    )
    assert notice.embed is not None
    [line] = [line for line in notice.embed["description"].splitlines() if " read " in line and "mark" not in line]
    return line


@pytest.mark.parametrize(
    ("count", "line"),
    [
        (0, "No one has read this chapter yet."),
        (1, "1 member has read this chapter so far."),
        (2, "2 members have read this chapter so far."),
    ],
)
def test_the_readers_of_the_chapter_are_counted_as_said(count: int, line: str) -> None:
    assert readers_line(count) == line


@pytest.mark.parametrize(
    ("count", "line"),
    [
        (0, "No one has read chapter 3, the last, yet."),
        (1, "1 member has read chapter 3, the last, so far."),
        (2, "2 members have read chapter 3, the last, so far."),
    ],
)
def test_a_chapter_taken_down_counts_the_last_chapters_readers_as_said(count: int, line: str) -> None:
    assert readers_line(count, chapters=3) == line
