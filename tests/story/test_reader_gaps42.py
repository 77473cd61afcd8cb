"""Story files misread, found in the forty-second session's ninth round of reading (files of the shapes
real exports take, written for it; the probe files stay out of the repository):

- a text copied out of a PDF with no chapter heading, each page's number beside its running head
  (the book's title or its author's name, "THE SALT MARSH" / "12", or on one line, "HELEN ROOK    13"):
  each number headed a chapter of its own titled by the running head; now one chapter, the numbers
  and heads dropped and a sentence the page cut joined again.

Each is paired with the file that looks like it and must still be read as before.
"""

from __future__ import annotations

import pytest

from bot.story.importer import import_story
from tests.story.test_reader_gaps40 import PROSE


def _read(text: str, name: str):
    return import_story(text.encode(), name, max_bytes=1 << 20)


# A PDF's text: page numbers beside running heads, no chapter heading.

PAGE = "\n\n".join(PROSE)


def _paged(furniture, top: str = "The Salt Marsh\n\nby Helen Rook\n\n") -> str:
    return top + "".join(f"{PAGE}\n\n{furniture(number)}\n\n" for number in range(1, 7))


@pytest.mark.parametrize(
    "furniture",
    [
        lambda number: f"{number}\n\nTHE SALT MARSH",
        lambda number: f"THE SALT MARSH\n{number}",
        lambda number: f"{number}\n\n{'HELEN ROOK' if number % 2 else 'THE SALT MARSH'}",
        lambda number: f"HELEN ROOK    {number}" if number % 2 else f"{number}    THE SALT MARSH",
    ],
    ids=["head-under", "head-over", "facing-pages", "one-line"],
)
@pytest.mark.parametrize("top", ["The Salt Marsh\n\nby Helen Rook\n\n", ""], ids=["title-page", "no-title-page"])
def test_page_numbers_beside_running_heads_are_dropped(furniture, top: str) -> None:
    story = _read(_paged(furniture, top), "marsh.txt")
    assert len(story.chapters) == 1
    assert story.chapters[0].paragraphs == PROSE * 6


def test_a_sentence_cut_by_a_page_is_joined() -> None:
    text = f"{PAGE}\n\n1\n\nTHE SALT MARSH\n\nShe walked down to the harbour where the boats were\n\n2\n\nTHE SALT MARSH\n\n"
    text += f"drawn up for the winter.\n\n3\n\nTHE SALT MARSH\n\n{PAGE}\n"
    story = _read(text, "marsh.txt")
    assert (
        "She walked down to the harbour where the boats were drawn up for the winter." in story.chapters[0].paragraphs
    )


def test_numbered_sections_with_a_repeated_line_that_does_not_count_up_stay() -> None:
    """Guard: numbers that do not count up beside a repeated line are no pages."""
    text = "".join(f"{number}\n\nThe Bell\n\n{PAGE}\n\n" for number in (3, 1, 2))
    story = _read(text, "bell.txt")
    assert (
        sum(paragraph == "The Bell" for chapter in story.chapters for paragraph in chapter.paragraphs)
        + sum(chapter.title == "The Bell" for chapter in story.chapters)
        >= 1
    )


def test_numbered_sections_without_running_heads_stay_chapters() -> None:
    """Guard: "1", "2", "3" over each section's prose, nothing repeated beside them: its chapters."""
    text = "The Bell\n\nby Ann Lee\n\n" + "".join(f"{number}\n\n{PAGE}\n\n" for number in (1, 2, 3))
    assert len(_read(text, "bell.txt").chapters) == 3
