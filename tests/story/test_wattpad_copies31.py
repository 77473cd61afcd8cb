"""Wattpad parts copied into one file as its readers copy them: lower-case chapter lines with an
emoji between the number and the title ("chapter one 🌙 the roof"), and the part's buttons a line
each ("Vote" / "Comment" / "Share"). The parts were one chapter, its one warning over the whole
story, and the buttons were posted as text three times."""

from __future__ import annotations

import pytest

from bot.story.importer import import_story
from bot.story.structure import match_heading
from bot.warnings.declared import map_texts

STORY = (
    "stars we borrowed 🌙\nby moonchild_writes\n\n"
    "chapter one 🌙 the roof\n\nVote\nComment\nShare\n\nthe roof of the dorm was the only place nobody looked for us.\n\n"
    "chapter two 🌙 the call\n\nVote\nComment\nShare\n\n⚠️ TW: suicide attempt, hospital\n\n"
    "the call came at four in the morning. i don't remember getting dressed.\n\n"
    "chapter three 🌙 kevin\n\nVote\nComment\nShare\n\nwe went back to the roof in june.\n"
)


def test_parts_with_an_emoji_between_number_and_title_are_chapters() -> None:
    story = import_story(STORY.encode(), "stars.txt", max_bytes=1 << 20)
    assert [chapter.title for chapter in story.chapters] == ["the roof", "the call", "kevin"]
    assert [set(map_texts(chapter.declared_warnings).ids) for chapter in story.chapters] == [
        set(),
        {"suicide", "procedures"},
        set(),
    ]
    assert all("Vote" not in paragraph for chapter in story.chapters for paragraph in chapter.paragraphs)


@pytest.mark.parametrize(
    ("line", "title"),
    [("Chapter 1 ✨ The Roof", "The Roof"), ("Chapter One ~ The Roof", "The Roof"), ("chapter 3 🌙 kevin", "kevin")],
)
def test_a_spaced_symbol_separates_number_and_title(line: str, title: str) -> None:
    heading = match_heading(line)
    assert heading is not None and heading.kind == "chapter" and heading.title == title


@pytest.mark.parametrize("line", ["I love you ❤️ so much", "The sky 🌙 was dark", "She said ~ nothing at all"])
def test_a_sentence_with_an_emoji_in_it_is_no_heading(line: str) -> None:
    assert match_heading(line) is None


def test_lines_of_button_words_in_a_story_sentence_stay() -> None:
    text = "T\nby a\n\nChapter 1\n\nShe would vote, comment and share it all.\n\nChapter 2\n\nThe end.\n"
    story = import_story(text.encode(), "t.txt", max_bytes=1 << 20)
    assert story.chapters[0].paragraphs == ["She would vote, comment and share it all."]


@pytest.mark.parametrize(
    "line", ["Part 1 | Part 2 | Part 3", "Part 1 ~ Part 2 ~ Part 3", "Chapter 1 🌙 Chapter 2 🌙 Chapter 3"]
)
def test_a_list_of_parts_between_symbols_is_no_heading(line: str) -> None:
    heading = match_heading(line)
    assert (
        heading is None or heading.title is None or ("Part 2" not in heading.title and "Chapter 2" not in heading.title)
    )


def test_an_authors_afterword_after_the_epilogue_is_a_note() -> None:
    text = (
        "The Clockmaker\nby Wilhelmina Strand\n\nPrologue\n\nThe clock had stopped.\n\nChapter 1\n\nPim fixed it.\n\n"
        "Epilogue\n\nThe clock has never stopped since.\n\nAuthor's Afterword\n\n"
        "Thank you for reading! This story started as a prompt from my writing group.\n"
    )
    story = import_story(text.encode(), "clock.txt", max_bytes=1 << 20)
    assert story.chapters[-1].paragraphs == ["The clock has never stopped since."]
    assert story.chapters[-1].notes == ["Thank you for reading! This story started as a prompt from my writing group."]
