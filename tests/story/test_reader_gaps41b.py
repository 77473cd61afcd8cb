"""Story files misread, found in the forty-first session's eighth round of reading (files of the shapes
real exports take, written for it; the probe files stay out of the repository):

- a text file whose first line is its title in lower case ("the long way home") over the author's
  labelled note and "Chapter 1": the title a chapter 1 of one line, every chapter number after it
  one too high and the note's declared warnings that chapter's alone; now the title, the warnings
  the story's;
- a Markdown file's "# Title" and blurb over chapter headings at the title's level numbered as a
  series ("# I. The Camp", "# 2. The River"): the title and blurb a chapter 1; now the title and
  the summary;
- FanFiction.net's chapter page as a phone saves it ("<b>Title</b> by <a href='/u/...'>", no colon,
  the chapter's name "2. Snowbound" alone over the text): read as any page, that line the chapter's
  first paragraph; now the site's page, the line its heading;
- a Wattpad part copied with the part's title over the story's title and by-line ("Part 3 — Ashes" /
  "Ember Road" / "by kestrel_k"): the chapter's first paragraph, the file's name the title; now the
  title and author;
- a forum thread copied as text, its title's bracket ("[Worm/Pokemon]", "(Worm AU)"): a tag; now
  the fandom, as a saved thread page's is, and a status ("[Complete]") nothing.

Each is paired with the file that looks like it and must still be read as before.
"""

from __future__ import annotations

import pytest

from bot.story.importer import import_story
from tests.story.test_reader_gaps40 import CHAPTER_TEXT, PROSE
from tests.story.test_text_shapes32 import THREAD


def _read(text: str, name: str):
    return import_story(text.encode(), name, max_bytes=1 << 20)


# A lower-case title over the author's note.

NOTE = "Author's note: Thanks for reading! Warnings: major character death, self-harm."


def _noted(top: str, note: str = NOTE) -> str:
    return f"{top}\n\n{note}\n\n" + "".join(f"Chapter {number}\n\n{CHAPTER_TEXT}\n\n" for number in range(1, 6))


@pytest.mark.parametrize("top", ["the long way home", "salt and iron", "Долгая дорога домой"])
def test_a_lower_case_first_line_over_a_labelled_note_is_the_title(top: str) -> None:
    story = _read(_noted(top), "story.txt")
    assert story.meta.title == top
    assert len(story.chapters) == 5
    assert story.chapters[0].paragraphs[0] == PROSE[0]
    assert story.meta.declared_warnings and not any(chapter.declared_warnings for chapter in story.chapters)


def test_a_sentence_over_a_labelled_note_stays_story_text() -> None:
    """Guard: a first line that ends a sentence is no title, note or not."""
    story = _read(_noted("the rain had not stopped for three days."), "story.txt")
    assert story.meta.title == "story"


# A title and blurb over headings numbered as a series, at the title's level.

BLURB = "Two sisters walk home across a country at war, and find it changed."


@pytest.mark.parametrize("numbers", [["I", "II", "III"], ["1", "2", "3"]], ids=["roman", "arabic"])
def test_a_title_and_blurb_over_numbered_headings_at_its_level(numbers: list[str]) -> None:
    names = ["The Camp", "The River", "The Bridge"]
    text = f"# The Long Way Home\n\n{BLURB}\n\n" + "".join(
        f"# {number}. {name}\n\n{CHAPTER_TEXT}\n\n" for number, name in zip(numbers, names, strict=True)
    )
    story = _read(text, "story.md")
    assert (story.meta.title, story.meta.summary) == ("The Long Way Home", BLURB)
    assert [chapter.title for chapter in story.chapters] == [
        f"{n}. {name}" for n, name in zip(numbers, names, strict=True)
    ]


def test_headings_not_numbered_as_a_series_keep_the_first_a_chapter() -> None:
    """Guard: "# The Camp", "# The River" name no chapter: the first heading is one of them."""
    text = "".join(f"# {name}\n\n{CHAPTER_TEXT}\n\n" for name in ["The Long Way Home", "The Camp", "The River"])
    story = _read(text, "story.md")
    assert len(story.chapters) == 3


# FanFiction.net's chapter page as a phone saves it: the chapter's name alone over its text.

PAGE_TEXT = "".join(f"<p>{text}</p>" for text in PROSE)
BY_LINE = "<div align='center'><b>The Long Winter</b> by <a href='/u/77812/snowfall_scribe'>snowfall_scribe</a></div>"


def _phone_page(name_line: str, title: str = "The Long Winter Chapter 2: Snowbound, a harry potter fanfic") -> bytes:
    return (
        f"<html><head><title>{title} | FanFiction</title></head><body><div id='content'>{BY_LINE}{name_line}"
        f"<div class='storycontent nocopy' id='storycontent'>{PAGE_TEXT}</div>"
        "<div align='center'><a href='/s/123/3/'>Next »</a></div><div align='center'>Chapter 2 of 9</div>"
        "</div></body></html>"
    ).encode()


@pytest.mark.parametrize("title", ["The Long Winter Chapter 2: Snowbound, a harry potter fanfic", "The Long Winter"])
def test_a_phone_pages_lone_numbered_line_over_the_text_is_the_chapters_heading(title: str) -> None:
    story = import_story(_phone_page("<div align='center'>2. Snowbound</div>", title), "winter.html", max_bytes=1 << 20)
    assert (story.meta.title, story.meta.author) == ("The Long Winter", "snowfall_scribe")
    assert [chapter.title for chapter in story.chapters] == ["Snowbound"]
    assert story.chapters[0].paragraphs == PROSE


def test_a_phone_pages_line_of_words_over_the_text_names_no_chapter() -> None:
    """Guard: a line over the text that is no numbered name ("Posted in winter") heads nothing."""
    story = import_story(
        _phone_page("<div align='center'>Posted in winter</div>", "The Long Winter"), "winter.html", max_bytes=1 << 20
    )
    assert story.chapters[0].title is None
    assert story.chapters[0].paragraphs[-len(PROSE) :] == PROSE


# A Wattpad part copied from the browser: the part's title over the story's title and by-line.


@pytest.mark.parametrize(
    "top",
    [
        "Part 3 — Ashes\nEmber Road\nby kestrel_k",
        "Part 3 — Ashes\n\nEmber Road\nby kestrel_k",
        "Chapter 3: Ashes\n\nEmber Road\n\nby kestrel_k",
    ],
)
def test_the_storys_title_and_by_line_under_the_parts_heading(top: str) -> None:
    story = _read(f"{top}\n\n{CHAPTER_TEXT}\n", "copy.txt")
    assert (story.meta.title, story.meta.author) == ("Ember Road", "kestrel_k")
    assert len(story.chapters) == 1
    assert story.chapters[0].paragraphs == PROSE


def test_a_chapters_opening_lines_under_its_heading_stay_its_text() -> None:
    """Guard: two lines of the story under the heading, the second no by-line, are its text."""
    story = _read(f"Chapter 3\n\nEmber Road\nBy morning the fire was out.\n\n{CHAPTER_TEXT}\n", "copy.txt")
    assert story.meta.author is None
    assert story.chapters[0].paragraphs[0] == "Ember Road\nBy morning the fire was out."


# A forum thread copied as text: the tag in its title's brackets.


@pytest.mark.parametrize(
    ("top", "fandoms"),
    [
        ("Brockton Bay Ranger [Worm/Pokemon]", ["Worm/Pokemon"]),
        ("Brockton Bay Ranger (Worm AU)", ["Worm AU"]),
        ("Brockton Bay Ranger [Original, Low Fantasy]", ["Original", "Low Fantasy"]),
        ("Brockton Bay Ranger [Complete]", []),
    ],
)
def test_a_copied_threads_title_tag_is_its_fandom(top: str, fandoms: list[str]) -> None:
    story = _read(THREAD.replace("Ashes of Wren [Original, Low Fantasy]", top), "thread.txt")
    assert story.meta.title == "Brockton Bay Ranger"
    assert (story.meta.fandoms, story.meta.additional_tags) == (fandoms, [])
