"""Story files misread, found in the thirty-eighth session's fourth round of reading (small files
written for it, each in the shape a member's upload takes):

- a text's chapters headed "I. The Crossing" / "II. The Shore" on the line straight over their prose
  (no blank line under the heading, as a phone's notes app or a pasted document sets them): read as
  one chapter, its headings story text, however many there were; now chapters, as when a blank line
  parts them (a numbered list's "I. Be Kind" inside the story stays text);
- a last chapter's end note warning of the next one, "A/N: tw for self harm in the next one": the
  warning landed on the last chapter itself, though nothing in it is self-harm and the chapter it
  warns of is not posted yet; now it is declared for no chapter (the note stays the chapter's note,
  and `/story update` with the next chapter places it there). "in the next one" is the next chapter
  between chapters too: it warned the chapter it closed;
- a part heading in capitals over its title in capitals ("PART ONE" / "WINTER", "PART ONE: WINTER"):
  the first chapter was titled "Part One: WINTER", the label's case changed and the author's words'
  not; now a heading written wholly in capitals reads as written, "PART ONE: WINTER" (the code keeps
  a title's case everywhere, "THE CROSSING" too); a part's label alone, or over a title in another
  case, is still "Part One" ("Part One: Winter");
- a page Firefox's Reader View saved whose <title> is only the chapter's heading ("Chapter 3: The
  Lantern Keeper"): that heading was the story's title and the chapter had none; now the chapter is
  headed so and the story's title is the one its header's link to the page names
  (starlitscrolls.net/stories/salt-and-iron/chapter-3: "Salt and Iron"), or the file's name.

Each is paired with the file that looks like it and must still be read as before.
"""

from __future__ import annotations

import pytest

from bot.story.importer import import_story
from bot.tools.preview import chapter_warnings
from tests.story.builders import read_text as read
from tests.story.test_reader_gaps38 import reader_view

FIRST = "The ferry left before dawn, and the river was black under it, wide as a field and twice as cold."
SECOND = "On the far shore the reeds stood taller than a man, and something moved in them that was not wind."
THIRD = "By noon the fog had lifted, and Maren could see the ferry again, small and patient on the water."


def _ids(text: str) -> dict[int, set[str]]:
    story = read(text)
    return {number: {warning.id for warning in shown} for number, shown in chapter_warnings(story).items()}


# A warning for a next chapter that does not exist yet.


@pytest.mark.parametrize(
    "note",
    [
        "A/N: tw for self harm in the next one",
        "A/N: CW for the next chapter: self-harm",
        "A/N: next chapter contains self harm, please be careful",
    ],
)
def test_a_warning_for_the_next_chapter_under_the_last_one_lands_on_no_chapter(note: str) -> None:
    ids = _ids(f"Chapter 1\n\n{FIRST}\n\nChapter 2\n\n{SECOND}\n\n{note}\n")
    assert "self-harm" not in ids[1] | ids[2]


def test_the_note_warning_of_a_next_chapter_not_posted_stays_a_note() -> None:
    story = read(f"Chapter 1\n\n{FIRST}\n\nChapter 2\n\n{SECOND}\n\nA/N: tw for self harm in the next one\n")
    assert story.chapters[1].notes == ["tw for self harm in the next one"]
    assert story.chapters[1].paragraphs == [SECOND]


@pytest.mark.parametrize("note", ["A/N: tw for self harm in the next one", "A/N: CW for the next chapter: self-harm"])
def test_a_warning_for_the_next_one_between_chapters_warns_the_next(note: str) -> None:
    ids = _ids(f"Chapter 1\n\n{FIRST}\n\n{note}\n\nChapter 2\n\n{SECOND}\n\nChapter 3\n\n{THIRD}\n")
    assert ("self-harm" in ids[1], "self-harm" in ids[2], "self-harm" in ids[3]) == (False, True, False)


@pytest.mark.parametrize("note", ["A/N: tw for self harm in this one", "A/N: TW: self harm"])
def test_a_last_chapter_warning_for_itself_still_warns_it(note: str) -> None:
    """Guard: a last chapter's own warning, or one naming no chapter, stays the last chapter's."""
    ids = _ids(f"Chapter 1\n\n{FIRST}\n\nChapter 2\n\n{SECOND}\n\n{note}\n")
    assert "self-harm" in ids[2]
    assert "self-harm" not in ids[1]


# A part heading in capitals over its title in capitals.


@pytest.mark.parametrize(
    "heading",
    ["PART ONE\nWINTER", "PART ONE\n\nWINTER", "PART ONE: WINTER", "PART ONE\n\n\nWINTER"],
)
def test_a_part_heading_in_capitals_keeps_its_case(heading: str) -> None:
    text = f"{heading}\n\nChapter 1\n\n{FIRST}\n\nChapter 2\n\n{SECOND}\n\nPART TWO\nSPRING\n\nChapter 3\n\n{THIRD}\n"
    story = read(text)
    assert [chapter.title for chapter in story.chapters] == ["PART ONE: WINTER", None, "PART TWO: SPRING"]


@pytest.mark.parametrize(
    ("heading", "title"),
    [
        ("PART ONE", "Part One"),
        ("PART ONE\nWinter", "Part One: Winter"),
        ("Part One\nWINTER", "Part One: WINTER"),
        ("Part One: Winter", "Part One: Winter"),
        ("PART 1: THE FROST", "PART 1: THE FROST"),
    ],
)
def test_a_part_heading_in_another_case_reads_as_before(heading: str, title: str) -> None:
    """Guard: a bare label in capitals still reads "Part One"; a heading in mixed case is unchanged."""
    story = read(f"{heading}\n\nChapter 1\n\n{FIRST}\n\nChapter 2\n\n{SECOND}\n")
    assert story.chapters[0].title == title


# A Reader View page whose <title> is only the chapter's heading.


@pytest.mark.parametrize(
    ("href", "title"),
    [
        ("https://starlitscrolls.net/stories/salt-and-iron/chapter-3", "Salt and Iron"),
        ("https://starlitscrolls.net/stories/salt-and-iron", "Salt and Iron"),
        ("https://starlitscrolls.net/salt_and_iron/3", "Salt and Iron"),
        ("https://starlitscrolls.net/fiction/1234/salt-and-iron/chapter/5678/the-lantern-keeper", "Salt and Iron"),
        ("https://starlitscrolls.net/read/12345", "page"),
        ("https://starlitscrolls.net/chapter-3-the-lantern-keeper", "page"),
    ],
)
def test_a_reader_view_page_titled_only_by_its_chapter_takes_the_storys_title_from_its_link(
    href: str, title: str
) -> None:
    page = reader_view("Chapter 3: The Lantern Keeper", "starlitscrolls.net", f"<p>{FIRST}</p><p>{SECOND}</p>")
    page = page.replace(b"https://starlitscrolls.net/stories/salt-and-iron", href.encode())
    story = import_story(page, "page.html", max_bytes=1 << 20)
    assert (story.meta.title, story.meta.author) == (title, "Oriel Fenn")
    (chapter,) = story.chapters
    assert (chapter.title, chapter.heading_number, chapter.paragraphs) == ("The Lantern Keeper", 3, [FIRST, SECOND])


def test_a_reader_view_page_titled_by_the_story_keeps_that_title() -> None:
    """Guard: a <title> that is no chapter's heading is the story's, whatever the link says."""
    page = reader_view("The Lantern Keeper", "starlitscrolls.net", f"<p>{FIRST}</p>")
    page = page.replace(b"/stories/salt-and-iron", b"/stories/salt-and-iron/chapter-3")
    story = import_story(page, "page.html", max_bytes=1 << 20)
    assert story.meta.title == "The Lantern Keeper"
    assert story.chapters[0].paragraphs == [FIRST]


# Roman-numbered headings straight over their prose.

OPENING = [
    "The ferry left before dawn, and the river was black under it, wide as a field and twice as cold.",
    '"You\'ll want your coat," the ferryman said. He had a lantern hooked to the prow and a pipe he never lit.',
    "She did want her coat. She had left it on the hook by the kitchen door, next to the key she had taken.",
]
SHORE = [
    "On the far shore the reeds stood taller than a man, and something moved in them that was not wind.",
    "Maren stepped off the ferry into mud that took her boot to the ankle, and the ferryman pushed off.",
]


@pytest.mark.parametrize("gap", ["\n", "\n\n"])
@pytest.mark.parametrize("top", ["", "The River Book\n\n", "The River Book\nby Ada Wren\n\n"])
def test_roman_headings_straight_over_their_prose_are_chapters(gap: str, top: str) -> None:
    text = f"{top}I. The Crossing\n" + "\n".join(OPENING) + f"{gap}II. The Shore\n" + "\n".join(SHORE) + "\n"
    story = read(text)
    # (how the prose lines are joined into paragraphs is the text's own reading, as under "Chapter 1")
    assert [(chapter.title, chapter.text.split()) for chapter in story.chapters] == [
        ("The Crossing", " ".join(OPENING).split()),
        ("The Shore", " ".join(SHORE).split()),
    ]


def test_a_list_numbered_so_inside_a_story_stays_text() -> None:
    """Guard: after the story's own opening, "I. Be Kind" / "II. Be Brave" are its text."""
    rules = ["I. Be Kind\nTo everyone you meet on the road.", "II. Be Brave\nEven when the river is cold."]
    text = "The River Book\n\n" + "\n".join(OPENING) + "\n\n" + "\n\n".join(rules) + "\n"
    story = read(text)
    assert len(story.chapters) == 1
    assert "I. Be Kind" in story.chapters[0].text
