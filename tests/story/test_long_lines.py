"""A line far longer than any heading or divider is read as text without being read through."""

from __future__ import annotations

import pytest

from bot.story.structure import RAW_MARK_CHARS, is_scene_break, match_heading


def test_a_heading_padded_with_invisible_characters_within_the_bound_is_still_one() -> None:
    """Zero-width spaces pasted from a web page are dropped before the heading is read."""
    line = "Chapter 1: The Ford" + "\u200b" * (RAW_MARK_CHARS - 40)
    heading = match_heading(line)
    assert heading is not None
    assert heading.title == "The Ford"


@pytest.mark.parametrize("padding", ["\u200b", "\u00ad"])
def test_a_line_past_the_raw_bound_is_no_heading_however_little_it_shows(padding: str) -> None:
    line = "Chapter 1: The Ford" + padding * RAW_MARK_CHARS
    assert match_heading(line) is None


def test_a_divider_past_the_raw_bound_is_no_scene_break() -> None:
    assert is_scene_break("* * *")
    assert not is_scene_break("*" * (RAW_MARK_CHARS + 1))
