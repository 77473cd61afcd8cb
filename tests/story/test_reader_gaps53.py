"""Story files misread, found in the fifty-third session's twenty-second round of reading (files of the
shapes real tools and sites make, written for it; the probe files stay out of the repository):

- the clean-ups: one test of "a paragraph of prose" (`site_chrome.prose_paragraph`) for Wattpad's comment
  counts and a title page's lines over the text; a post head repeating its date on the line under it.

Each is paired with the file that looks like it and must still be read as before.
"""

from __future__ import annotations

import pytest

from bot.story import preamble, site_chrome
from bot.story.structure import Para
from tests.story.builders import paragraphs, read_text
from tests.story.test_reader_gaps47 import STORY

HEAD = "Salt Roads\nby Ada Quill\n\n"


# ---------------------------------------------------------------- the clean-ups read as before


def test_one_prose_test_serves_the_comment_counts_and_the_title_page() -> None:
    assert preamble.prose_paragraph is site_chrome.prose_paragraph
    assert site_chrome.prose_paragraph(Para("It rained."))
    assert site_chrome.prose_paragraph(Para("Wait… no"))
    assert site_chrome.prose_paragraph(Para("x" * site_chrome.PROSE_CHARS))
    assert not site_chrome.prose_paragraph(Para("The Ferry"))
    assert not site_chrome.prose_paragraph(Para("1.2K"))
    assert not site_chrome.prose_paragraph(Para("It rained.", note=True))


@pytest.mark.parametrize(
    ("text", "title", "author"),
    [
        ("Salt Roads\n\nThe Ferry\n\nAda Quill\n\n", "Salt Roads", "Ada Quill"),
        ("Salt Roads\n\nAda Quill\n\n", "Salt Roads", "Ada Quill"),
    ],
)
def test_a_title_page_of_paragraphs_reads_as_before(text: str, title: str, author: str) -> None:
    story = read_text(text + "\n\n".join(STORY) + "\n")
    assert (story.meta.title, story.meta.author) == (title, author)
    assert paragraphs(story) == STORY


def test_comment_counts_under_paragraphs_go_as_before() -> None:
    text = HEAD + "".join(
        f"{line}\n\n{count}\n\n" for line, count in zip(STORY, ("12", "1.2K", "3", "40"), strict=False)
    )
    assert paragraphs(read_text(text)) == STORY


@pytest.mark.parametrize(
    "head",
    [
        "Salt Roads\nAda Quill\nMar 1, 2024\nMar 1, 2024\nShare\n\n",
        "Salt Roads\n\nAda Quill\n\nMar 1, 2024 at 10:00 AM\n\nMar 1, 2024 at 10:00 AM\n\n",
    ],
)
def test_a_post_head_repeating_its_date_under_it_is_read(head: str) -> None:
    # (the check dropping a line equal to the one above never reached the date: two dates left the head unread)
    story = read_text(head + "\n\n".join(STORY) + "\n")
    assert (story.meta.title, story.meta.author) == ("Salt Roads", "Ada Quill")
    assert paragraphs(story) == STORY


def test_a_post_head_with_two_dates_apart_is_left_as_before() -> None:
    head = "Salt Roads\nAda Quill\nMar 1, 2024\nShare\nMar 2, 2024\n\n"
    assert read_text(head + "\n\n".join(STORY) + "\n").meta.author is None
