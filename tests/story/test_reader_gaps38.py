"""Story files outside testers sent that were misread (the thirty-eighth session's probe of files
nobody on the project wrote):

- a first line whose title holds " by <word>", "Lost At Sea by night": read as the title "Lost At Sea"
  by "night"; a one-word name after "by" is a handle only when it is no word English sets after "by"
  in a phrase of its own ("by night", "by heart", "by you"), so the whole line is the title.

Each is paired with the file that looks like it and must still be read as before.
"""

from __future__ import annotations

import pytest

from tests.story.builders import read_text as read

FIRST = "The harbour lights went out one by one, and Maren counted them the way her father had taught her."
SECOND = "By morning the boat had drifted past the breakwater, and the gulls followed it as if it owed them."


def chapters() -> str:
    return f"Chapter 1\n\n{FIRST}\n\nChapter 2\n\n{SECOND}\n"


# A title holding " by <word>" on the first line.


@pytest.mark.parametrize(
    "title", ["Lost At Sea by night", "Saved by Moonlight", "Known by Heart", "Saved by you", "Led by Starlight"]
)
def test_a_title_holding_by_and_a_common_word_is_the_whole_title(title: str) -> None:
    story = read(f"{title}\n\n{chapters()}")
    assert (story.meta.title, story.meta.author) == (title, None)
    assert [chapter.paragraphs for chapter in story.chapters] == [[FIRST], [SECOND]]


@pytest.mark.parametrize(
    ("line", "title", "author"),
    [
        ("Low Water by marrowbird", "Low Water", "marrowbird"),
        ("Lost At Sea by nightjar", "Lost At Sea", "nightjar"),
        ("Lost At Sea by night_owl", "Lost At Sea", "night_owl"),
        ("Salt And Iron by wren", "Salt And Iron", "wren"),
    ],
)
def test_a_title_by_a_handle_still_names_the_author(line: str, title: str, author: str) -> None:
    story = read(f"{line}\n\n{chapters()}")
    assert (story.meta.title, story.meta.author) == (title, author)


def test_a_title_by_a_common_word_over_a_by_line_keeps_the_by_line_author() -> None:
    story = read(f"Lost At Sea by night\nby marrowbird\n\n{chapters()}")
    assert (story.meta.title, story.meta.author) == ("Lost At Sea by night", "marrowbird")
