"""Story files misread, found in the fifty-first session's twentieth round of reading (files of the
shapes real tools and sites make, written for it; the probe files stay out of the repository):

- a word count under a chapter's heading or under its text in a shape only one of the three tests of a
  word-count line knew ("(2,140 words)", "Approx. 3,000 words", "~2.3k words" under the heading;
  "Length: ~1200" under the text): the chapter's first or last paragraph. One test serves every reader
  now (`metadata_fields.word_count_line`), as one pattern reads a contents entry's page number after its
  dot leaders or a run of spaces (`structure.PAGE_AFTER_ENTRY`).

Each is paired with the file that looks like it and must still be read as before.
"""

from __future__ import annotations

import pytest

from bot.story import contents_lists, preamble, structure
from bot.story.metadata_fields import word_count_line
from tests.story.builders import paragraphs, read_text
from tests.story.test_reader_gaps47 import STORY

HEAD = "Salt Roads\nby Ada Quill\n\n"


def _two(first: str = "", under: str = "") -> str:
    def chapter(number: int, text: list[str]) -> str:
        head = f"Chapter {number}\n\n" + (f"{first}\n\n" if first else "")
        return head + "\n\n".join(text) + (f"\n\n{under}" if under else "") + "\n\n"

    return HEAD + chapter(1, STORY[:2]) + chapter(2, STORY[2:])


# ---------------------------------------------------------------- one test of a word-count line


@pytest.mark.parametrize(
    "line", ["(2,140 words)", "Approx. 3,000 words", "~2.3k words", "Length: ~1200", "Words: 1234", "*WC: 850*"]
)
def test_a_word_count_under_a_heading_or_the_text_is_the_chapters_note(line: str) -> None:
    for text in (_two(first=line), _two(under=line)):
        story = read_text(text)
        assert [chapter.title for chapter in story.chapters] == [None, None]
        assert [chapter.notes for chapter in story.chapters] == [[line], [line]]
        assert paragraphs(story) == STORY


@pytest.mark.parametrize(
    "line", ["Words Unspoken", "12 Days", "(Two Thousand Words)", "Words: twelve", "2024", "Length of Days"]
)
def test_a_title_or_a_number_is_no_word_count(line: str) -> None:
    assert not word_count_line(line)


def test_the_readers_share_one_word_count_test_and_one_page_pattern() -> None:
    for module in (structure, preamble, contents_lists):
        assert not {"_WORD_COUNT_FIELD", "_WORD_COUNT_LINE", "_COUNT_KEYS", "_ENTRY_PAGE", "_PAGE_LEADER"} & set(
            vars(module)
        )
    assert contents_lists.entry_text("The Moth ........ 12") == "The Moth"
    assert contents_lists.entry_text("Chapter 1\tThe Gate\t7") == "Chapter 1\tThe Gate"
    assert contents_lists.entry_text("The Moth    12") == "The Moth"


@pytest.mark.parametrize(
    ("line", "title"), [("Chapter 2 ........ 10", None), ("Chapter 1: The Gate . . . . 3", "The Gate")]
)
def test_a_heading_drops_the_dot_leaders_to_its_page(line: str, title: str | None) -> None:
    heading = structure.match_heading(line, markdown=False)
    assert heading is not None
    assert heading.title == title
