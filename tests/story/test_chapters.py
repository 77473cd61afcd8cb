"""The one chapter-range check (bot/story/chapters.py): the rule and its one wording."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.errors import UserError
from bot.story.chapters import chapter_range_text, check_chapter


def test_the_wording_names_the_chapter_the_story_and_the_range() -> None:
    with pytest.raises(UserError) as caught:
        check_chapter(12, 9, "The Lighthouse")
    assert (
        str(caught.value)
        == "Chapter 12 is out of range: **The Lighthouse** has 9 chapters; pick a chapter from 1 to 9."
    )


def test_zero_is_offered_only_where_it_means_not_started() -> None:
    check_chapter(0, 9, "The Lighthouse", allow_zero=True)
    with pytest.raises(UserError, match=r"pick a chapter from 0 \(not started\) to 9\.$"):
        check_chapter(-1, 9, "The Lighthouse", allow_zero=True)
    with pytest.raises(UserError, match=r"pick a chapter from 1 to 9\.$"):
        check_chapter(0, 9, "The Lighthouse")


def test_one_chapter_is_singular_and_markdown_in_a_title_is_shown_as_text() -> None:
    assert chapter_range_text(2, 1, "A **Drabble**") == (
        "Chapter 2 is out of range: **A \\*\\*Drabble\\*\\*** has 1 chapter; pick chapter 1."
    )
    assert chapter_range_text(2, 1, "Drabble", allow_zero=True).endswith("has 1 chapter; pick 0 (not started) or 1.")
    with pytest.raises(UserError, match="the story has 5 chapters"):
        check_chapter(6, 5)


@given(st.integers(-10, 3000), st.integers(1, 2000), st.booleans())
def test_a_chapter_is_refused_exactly_when_the_story_lacks_it(chapter: int, count: int, allow_zero: bool) -> None:
    inside = (0 if allow_zero else 1) <= chapter <= count
    try:
        check_chapter(chapter, count, "T", allow_zero=allow_zero)
    except UserError as error:
        assert not inside
        assert f"Chapter {chapter} is out of range" in str(error) and str(error).endswith(f" {count}.")
    else:
        assert inside
