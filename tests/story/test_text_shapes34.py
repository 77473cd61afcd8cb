"""Plain-text and Markdown shapes real writers post that were misread (the thirty-fourth session's
probe of story files nobody on the project wrote):

- a newsletter issue's greeting ("Hi friends! Here is this month's story.") over the story's title
  line: the greeting was the story's first paragraph, the title its second, the file's name the title;
- "Warnings are at the end of the story." (or "see end notes for warnings", or a field "Warnings: see
  end notes") over the story: the pointer was a chapter 1 of its own or declared "see end notes", and
  the warnings at the end were the last chapter's alone, not the story's;
- a title line straight over "Chapter 2 contains violence." with no by-line: both were story text.

Each is paired with the prose that looks like it and must stay story text.
"""

from __future__ import annotations

import pytest

from bot.story.model import Story
from bot.warnings.declared import map_texts
from tests.story.builders import declared_ids as ids
from tests.story.builders import read_text as read

TEXT = "The ferry to Skellan ran twice a week, and the second run was always the one with the cows."
MORE = "Nobody on the island minded the cows, except the schoolteacher, who minded everything."


def story_text(story: Story) -> str:
    return "\n\n".join(paragraph for chapter in story.chapters for paragraph in chapter.paragraphs)


# A newsletter's greeting over the story's title line.


@pytest.mark.parametrize(
    "greeting",
    [
        "Hi friends! Welcome to issue 12. This month's story is a short one about a ferry.",
        "Hello readers! Thanks for subscribing, here is the story I promised.",
        "Hey everyone, here's the piece I mentioned last week.",
        "Dear subscribers, this one is for the islanders among you.",
    ],
)
def test_a_greeting_over_the_title_line_is_a_note_and_the_title_is_the_title(greeting: str) -> None:
    story = read(f"{greeting}\n\nThe Cow Ferry\n\n{TEXT}\n\n{MORE}\n", "issue12.txt")
    assert story.meta.title == "The Cow Ferry"
    assert story.meta.notes == [greeting]
    assert story_text(story) == f"{TEXT}\n\n{MORE}"


def test_a_greeting_over_a_title_and_by_line_in_paragraphs_of_their_own() -> None:
    text = f"Hi friends! Welcome to issue 12.\n\nThe Cow Ferry\n\nby Isla Mackay\n\n{TEXT}\n\n{MORE}\n"
    story = read(text, "issue12.txt")
    assert (story.meta.title, story.meta.author) == ("The Cow Ferry", "Isla Mackay")
    assert story_text(story) == f"{TEXT}\n\n{MORE}"


def test_a_greeting_that_declares_over_the_title_line_still_declares() -> None:
    greeting = "Hi friends! Here is this month's story. Content warning: a drowning."
    story = read(f"{greeting}\n\nThe Cow Ferry\n\n{TEXT}\n\n{MORE}\n", "issue12.txt")
    assert story.meta.title == "The Cow Ferry"
    assert map_texts(story.meta.declared_warnings).unmapped == ["a drowning"]


@pytest.mark.parametrize(
    "opening",
    [
        "Hi friends, the ferryman thought, and then thought better of saying it.",
        '"Hello everyone!" the captain called over the rail.',
        "Dear Mara, the ferry is late again.",
        "Hello. I am the ferry, and I have a story for you.",
    ],
)
def test_a_story_opening_on_a_greeting_over_a_short_line_stays_text(opening: str) -> None:
    text = f"{opening}\n\nNobody Answered\n\n{TEXT}\n\n{MORE}\n"
    story = read(text, "ferry.txt")
    assert story.meta.title == "ferry"
    assert story_text(story) == f"{opening}\n\nNobody Answered\n\n{TEXT}\n\n{MORE}"


# "Warnings are at the end of the story."

BODY = f"Chapter 1\n\n{TEXT}\n\nChapter 2\n\n{MORE}\n\n"


@pytest.mark.parametrize(
    "pointer",
    [
        "Warnings are at the end of the story.",
        "(see end notes for warnings)",
        "CW at the end of the fic to avoid spoilers!",
        "Content warnings can be found at the bottom.",
        "Please check the end notes for warnings. Stay safe!",
        "For warnings, see the end notes.",
        "Warnings: see end notes",
        "Warnings: at the end (spoilers)",
    ],
)
@pytest.mark.parametrize(
    "closing",
    [
        "Warnings: major character death, suicide",
        "End Notes\n\nTW: major character death, suicide",
        "End notes: Warnings: major character death, suicide",
        "Thanks for reading!\n\nWarnings: major character death, suicide",
    ],
)
def test_warnings_pointed_to_at_the_end_are_the_storys(pointer: str, closing: str) -> None:
    story = read(f"The Cow Ferry\nby Isla Mackay\n\n{pointer}\n\n{BODY}{closing}\n")
    assert ids(story.meta.declared_warnings) == {"death", "suicide"}
    assert map_texts(story.meta.declared_warnings).unmapped == []
    assert [chapter.paragraphs for chapter in story.chapters] == [[TEXT], [MORE]]
    assert [chapter.declared_warnings for chapter in story.chapters] == [[], []]
    assert story.meta.notes[0] == pointer


def test_warnings_pointed_to_at_the_end_of_a_one_shot() -> None:
    story = read(f"The Cow Ferry\nby Isla Mackay\n\nWarnings at the end.\n\n{TEXT}\n\n{MORE}\n\nWarnings: suicide\n")
    assert ids(story.meta.declared_warnings) == {"suicide"}
    assert story.chapters[0].paragraphs == [TEXT, MORE]


def test_a_pointer_in_the_first_chapters_note_sends_the_end_to_the_story() -> None:
    text = f"Chapter 1\n\nA/N: hi all! Warnings in the end notes.\n\n{TEXT}\n\nChapter 2\n\n{MORE}\n\nTW: suicide\n"
    story = read(text)
    assert ids(story.meta.declared_warnings) == {"suicide"}
    assert story.chapters[-1].declared_warnings == []


def test_without_a_pointer_a_closing_note_stays_the_last_chapters() -> None:
    story = read(f"The Cow Ferry\nby Isla Mackay\n\n{BODY}End notes: TW for this chapter: suicide\n")
    assert ids(story.chapters[-1].declared_warnings) == {"suicide"}
    assert story.meta.declared_warnings == []


def test_a_pointer_takes_nothing_from_a_chapter_of_declarations_alone() -> None:
    """A last chapter holding nothing but a declaration keeps it: taken, the chapter was left empty."""
    story = read(f"The Cow Ferry\nby Isla Mackay\n\nWarnings at the end.\n\n{BODY}Chapter 3\n\nTW: suicide\n")
    assert story.chapters[-1].paragraphs == ["TW: suicide"]


@pytest.mark.parametrize(
    "line",
    [
        "The warnings were at the end of the hall, painted on the wall in red.",
        "Warnings at the end of the road said the bridge was out.",
    ],
)
def test_prose_about_warnings_at_an_end_stays_text(line: str) -> None:
    story = read(f"The Cow Ferry\nby Isla Mackay\n\nChapter 1\n\n{line}\n\n{BODY[11:]}Warnings: suicide\n")
    assert story.chapters[0].paragraphs == [line, TEXT]
    assert ids(story.chapters[-1].declared_warnings) == {"suicide"}


# A title line over a note naming a chapter, with no by-line.


@pytest.mark.parametrize(
    ("note", "warned"),
    [
        ("Chapter 2 contains violence.", {"violence"}),
        ("Heads up, chapter 2 contains self-harm.", {"self-harm"}),
    ],
)
def test_a_title_over_a_chapter_note_with_no_by_line(note: str, warned: set[str]) -> None:
    story = read(f"The Cow Ferry\n\n{note}\n\n{BODY}")
    assert story.meta.title == "The Cow Ferry"
    assert [chapter.paragraphs for chapter in story.chapters] == [[TEXT], [MORE]]
    assert ids(story.chapters[1].declared_warnings) == warned


def test_a_title_over_a_sentence_holding_the_story_declares() -> None:
    story = read(f"The Cow Ferry\n\nThis story contains animal death.\n\n{TEXT}\n\n{MORE}\n")
    assert story.meta.title == "The Cow Ferry"
    assert ids(story.meta.declared_warnings) == {"animal-death"}
    assert story_text(story) == f"{TEXT}\n\n{MORE}"


def test_a_short_line_over_dialogue_naming_a_chapter_stays_text() -> None:
    line = '"Chapter 2 contains violence," the librarian warned, and shut the book.'
    story = read(f"Closing Time\n\n{line}\n\n{TEXT}\n", "library.txt")
    assert story.meta.title == "library"
    assert story_text(story).startswith(f"Closing Time\n\n{line}")
