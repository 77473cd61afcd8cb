"""Plain-text shapes whose author's warnings were lost (the thirty-third session's second probe):

- a Tumblr text post copied as text: a lower-case "title | a short fic" over a block of fields
  ("pairing: ..." / "wc: ..." / "warnings: ...") with the blog's links line among them
  ("masterlist | ao3 | ko-fi") was all story text, its warnings lost;
- a story sent as a newsletter's issue: its masthead ("The Paper Kite — Issue 7") was story text, the
  greeting over the story ("Hi friends! ... Content warning: ...") declared nothing and the sign-off
  ("Reply to this email to say hi.") was the story's last line;
- a note naming a chapter in other words than "chapter 3 contains ..." ("the violence is in chapter 2",
  "chapter 3 is where the self-harm is", "Chapter 2 has the violence, so skip it if you need to") tied
  its warning to no chapter;

Each is paired with the prose that looks like it and must stay story text.
"""

from __future__ import annotations

import pytest

from bot.story.model import Story
from tests.story.builders import declared_ids as ids
from tests.story.builders import read_text as read

TEXT = "The tide came in over the causeway twice a day, and twice a day the postman waited on the far side."
MORE = "In winter he stopped waiting and learned to row, badly at first and then rather well."


def story_text(story: Story) -> str:
    return "\n".join(
        paragraph for chapter in story.chapters for scene in chapter.scenes for paragraph in scene.paragraphs
    )


# A Tumblr text post copied as text.

TUMBLR_POST = (
    "the postman of the causeway | a short fic\n\n"
    "pairing: none, gen\nwc: 900\nwarnings: major character death, grief\nmasterlist | ao3 | ko-fi\n\n"
    f"{TEXT}\n\n{MORE}\n\nreblogs are appreciated!! <3\n"
)


def test_tumblr_post_title_over_its_fields_declares() -> None:
    story = read(TUMBLR_POST)
    assert story.meta.title == "the postman of the causeway"
    assert {"death", "grief"} <= ids(story.meta.declared_warnings)
    assert not any("masterlist" in warning for warning in story.meta.declared_warnings)
    text = story_text(story)
    assert text.startswith(TEXT)
    assert "masterlist" not in text and "pairing" not in text
    assert text.endswith(MORE)  # the ask for reblogs under it is the blog writer's


def test_reblogs_in_closing_dialogue_stay_text() -> None:
    line = '"Reblogs are appreciated," she read off the screen, and laughed.'
    story = read(f"The Causeway\n\n{TEXT}\n\n{MORE}\n\n{line}\n")
    assert story_text(story).endswith(line)


def test_tumblr_post_fields_without_links_line() -> None:
    story = read(
        f"the postman of the causeway\n\npairing: none, gen\nwarnings: major character death\n\n{TEXT}\n\n{MORE}\n"
    )
    assert story.meta.title == "the postman of the causeway"
    assert "death" in ids(story.meta.declared_warnings)


def test_lower_case_line_over_one_field_stays_text() -> None:
    """A story's opening line over a single "Note: ..." line is no title over a header."""
    story = read(f"the tide was late that day\n\nNote: the causeway was closed\n\n{TEXT}\n\n{MORE}\n")
    assert story.meta.title != "the tide was late that day"
    assert "the tide was late that day" in story_text(story)


def test_blog_links_in_prose_stay_text() -> None:
    """The words of a blog's links in a sentence are the story's."""
    line = "She posted it to tumblr, then to ao3, and then she deleted both."
    story = read(f"The Causeway\n\n{TEXT}\n\n{line}\n\n{MORE}\n")
    assert line in story_text(story)


# A note naming the chapter a warning is for.


def chaptered(note: str, second: str = MORE) -> str:
    return (
        f"The Causeway\nby tidewriter\n\nA/N: {note}\n\n"
        f"Chapter 1\n\n{TEXT}\n\nChapter 2\n\n{second}\n\nChapter 3\n\n{TEXT}\n"
    )


@pytest.mark.parametrize(
    ("note", "at", "warning"),
    [
        ("The violence is in chapter 2.", 1, "violence"),
        ("Heads up, the self-harm happens in ch 3!", 2, "self-harm"),
        ("Chapter 3 is where the self-harm is.", 2, "self-harm"),
        ("chapter 2 is where the violence happens, sorry", 1, "violence"),
        ("Chapter 2 has the violence, so skip it if you need to.", 1, "violence"),
        ("ch 3 has the self-harm stuff. Enjoy!", 2, "self-harm"),
        ("Thanks for reading! The blood is mostly in chapter 3.", 2, "blood-gore"),
    ],
)
def test_note_names_the_chapter_a_warning_is_in(note: str, at: int, warning: str) -> None:
    story = read(chaptered(note))
    assert [warning in ids(chapter.declared_warnings) for chapter in story.chapters] == [
        index == at for index in range(3)
    ]


def test_end_note_names_a_later_chapter() -> None:
    text = (
        f"The Causeway\nby tidewriter\n\nChapter 1\n\n{TEXT}\n\nA/N: the violence is in chapter 3, just so you know.\n\n"
        f"Chapter 2\n\n{MORE}\n\nChapter 3\n\n{TEXT}\n"
    )
    story = read(text)
    assert [("violence" in ids(chapter.declared_warnings)) for chapter in story.chapters] == [False, False, True]


@pytest.mark.parametrize(
    "note",
    [
        "The best bit is in chapter 2.",
        "Chapter 3 is where it all comes together.",
        "Chapter 2 has the best ending, I think.",
    ],
)
def test_note_naming_a_chapter_without_a_warning_declares_nothing(note: str) -> None:
    story = read(chaptered(note))
    assert not any(chapter.declared_warnings for chapter in story.chapters)


@pytest.mark.parametrize(
    "line",
    [
        '"Chapter 2 has the violence," she said, and shut the book.',
        '"The violence is in chapter 2," the librarian said.',
    ],
)
def test_dialogue_naming_a_chapter_stays_story_text(line: str) -> None:
    story = read(chaptered("Thanks for reading!", second=f"{line}\n\n{MORE}"))
    assert not any(chapter.declared_warnings for chapter in story.chapters)
    assert line in story_text(story)


def test_opening_dialogue_naming_a_chapter_stays_story_text() -> None:
    """Under the by-line, a story that opens on such a line of dialogue: its opening, no header note."""
    line = '"The violence is in chapter 2," the librarian said, and tapped the cover.'
    story = read(f"The Causeway\nby tidewriter\n\n{line}\n\n{TEXT}\n\n{MORE}\n")
    assert line in story_text(story)
    assert not story.meta.notes


# A story sent as a newsletter's issue.

GREETING = "Hi friends! Here is this month's story. Content warning: a major character death."
SIGN_OFF = "Thanks for reading! Reply to this email to say hi."


def test_newsletter_greeting_declares_and_sign_off_goes() -> None:
    text = (
        f"View this email in your browser\n\nThe Paper Kite — Issue 7\n\n{GREETING}\n\n{TEXT}\n\n{MORE}\n\n"
        f"{SIGN_OFF}\n\nUnsubscribe | Update your preferences\n"
    )
    story = read(text)
    assert "death" in ids(story.meta.declared_warnings)
    assert "The Paper Kite — Issue 7" in story.meta.notes
    body = story_text(story)
    assert body.startswith(TEXT) and body.endswith(MORE)
    assert "Issue 7" not in body and "Reply to this email" not in body


def test_title_over_a_greeting_that_declares() -> None:
    story = read(f"The Causeway Post\n\n{GREETING}\n\n{TEXT}\n\n{MORE}\n")
    assert story.meta.title == "The Causeway Post"
    assert "death" in ids(story.meta.declared_warnings)
    assert story_text(story).startswith(TEXT)


@pytest.mark.parametrize(
    "opening",
    [
        '"Hi friends!" she called from the jetty. Content warning: her voice was hoarse.',
        "Hi friends, the postman thought, and then thought better of it.",
        "Issue 7 of the parish paper was late again.",
    ],
)
def test_story_opening_like_a_newsletter_stays_text(opening: str) -> None:
    story = read(f"{opening}\n\n{TEXT}\n\n{MORE}\n")
    assert story_text(story).startswith(opening)
    assert not story.meta.declared_warnings


def test_reply_in_prose_stays_text() -> None:
    line = "She never did reply to this email, or to the next one."
    story = read(f"The Causeway\n\n{TEXT}\n\n{MORE}\n\n{line}\n")
    assert story_text(story).endswith(line)
