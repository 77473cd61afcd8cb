"""Story files outside testers sent that were misread (the thirty-seventh session's probe of files
nobody on the project wrote):

- a last chapter heading with nothing under it ("Chapter 12" and the end of the file, a serial's
  next chapter announced before it was written): the upload was refused as an empty chapter;
- a placeholder last chapter ("Coming soon!", "TBC", "To be continued...", or a heading that says so,
  "Chapter 5: coming soon"): posted as a chapter of its own, or refused; now the story's note.

Each is paired with the file that looks like it and must still be read as before.
"""

from __future__ import annotations

import pytest

from bot.story.errors import StoryFormatError
from tests.story.builders import read_text as read

FIRST = "The kettle had boiled dry twice before Marguerite noticed, and by then the letter was already ash."
SECOND = "Nobody in the village of Harrow End kept clocks, which was how the trouble started that winter."
THIRD = "Her brother came home on the last ferry with a suitcase that ticked when it was set down."


def two_chapters(after: str = "") -> str:
    return f"The Salt Road\nby Ines Okafor\n\nChapter 1\n\n{FIRST}\n\nChapter 2\n\n{SECOND}\n{after}"


# A last heading with nothing under it.


@pytest.mark.parametrize("tail", ["\nChapter 3\n", "\n\nChapter 3\n\n\n", "\n* * *\n\nChapter 3\n\n* * *\n"])
def test_a_last_heading_with_nothing_under_it_is_dropped(tail: str) -> None:
    story = read(two_chapters(tail))
    assert [chapter.paragraphs for chapter in story.chapters] == [[FIRST], [SECOND]]
    assert story.chapters[-1].notes == []


def test_a_last_heading_with_nothing_under_it_in_markdown_is_dropped() -> None:
    text = f"# The Salt Road\n\n## Chapter 1\n\n{FIRST}\n\n## Chapter 2\n\n{SECOND}\n\n## Chapter 3\n"
    story = read(text, "salt.md")
    assert [chapter.paragraphs for chapter in story.chapters] == [[FIRST], [SECOND]]


def test_a_heading_with_nothing_under_it_between_chapters_is_still_refused() -> None:
    with pytest.raises(StoryFormatError, match='"Chapter 2" has no story text under it'):
        read(f"Chapter 1\n\n{FIRST}\n\nChapter 2\n\nChapter 3\n\n{SECOND}\n")


def test_a_file_of_one_heading_alone_is_still_refused() -> None:
    with pytest.raises(StoryFormatError, match="has no story text under it"):
        read("Chapter 12\n")


# A placeholder last chapter.


@pytest.mark.parametrize("placeholder", ["Coming soon!", "TBC", "To be continued...", "(more coming soon!)"])
def test_a_placeholder_last_chapter_is_a_note(placeholder: str) -> None:
    story = read(two_chapters(f"\nChapter 3\n\n{placeholder}\n"))
    assert [chapter.paragraphs for chapter in story.chapters] == [[FIRST], [SECOND]]
    assert placeholder in story.chapters[-1].notes


def test_a_placeholder_heading_at_the_end_is_a_note() -> None:
    story = read(two_chapters("\nChapter 3: coming soon\n"))
    assert [chapter.paragraphs for chapter in story.chapters] == [[FIRST], [SECOND]]
    assert "Chapter 3: coming soon" in story.chapters[-1].notes


def test_a_last_chapter_that_goes_on_after_saying_to_be_continued_is_a_chapter() -> None:
    story = read(two_chapters(f"\nChapter 3\n\nTo be continued, she had written, and then nothing.\n\n{THIRD}\n"))
    assert len(story.chapters) == 3
    assert story.chapters[2].paragraphs[-1] == THIRD


def test_a_chapter_titled_coming_soon_with_text_under_it_is_a_chapter() -> None:
    story = read(two_chapters(f"\nChapter 3: Coming Soon\n\n{THIRD}\n"))
    assert [chapter.title for chapter in story.chapters][-1] == "Coming Soon"
    assert story.chapters[2].paragraphs == [THIRD]


def test_a_last_heading_with_nothing_under_it_on_a_page_is_dropped() -> None:
    page = (
        f"<html><body><h2>Chapter 1</h2><p>{FIRST}</p><h2>Chapter 2</h2><p>{SECOND}</p><h2>Chapter 3</h2></body></html>"
    )
    story = read(page, "salt.html")
    assert [chapter.paragraphs for chapter in story.chapters] == [[FIRST], [SECOND]]
