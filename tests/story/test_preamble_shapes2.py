"""Site furniture pasted with a story: FanFiction.net's stats line, chapter select and Prev/Next
lines, a dropdown pasted one entry a line, a converter's table of contents and "End file.".

None of it is story text and none of it is a chapter heading; the story around it must import
whole, and prose that only looks like it must stay.
"""

from __future__ import annotations

import time

import pytest

from bot.story.errors import StoryFormatError
from bot.story.importer import import_story
from bot.story.model import Story

LIMIT = 8 * 1024 * 1024


def load(text: str, filename: str = "upload.txt") -> Story:
    return import_story(text.encode("utf-8"), filename, max_bytes=LIMIT)


def paragraphs(story: Story) -> list[list[str]]:
    return [chapter.paragraphs for chapter in story.chapters]


STATS = (
    "Rated: Fiction K+ - English - Adventure/Hurt/Comfort - [Ada L., Brin T.] Cole M. - Chapters: 2 - "
    "Words: 2,468 - Reviews: 12 - Favs: 30 - Follows: 41 - Updated: 5/6/2019 - Published: 4/5/2019 - id: 424242"
)


def test_fanfiction_net_page_pasted_as_text() -> None:
    text = (
        "The Lighthouse Ledger\n\nBy: gullwing\n\n"
        "Two keepers share one lamp and a long winter.\n\n"
        f"{STATS}\n\n"
        "Chapter 1: First Light\n\n1. First Light\n2. The Ledger\n\n"
        "Disclaimer: The coast is not mine.\n\n"
        "A/N: My first story here, be kind!\n\n"
        "Ada trimmed the wick before dusk.\n\nBrin counted the ships.\n\n"
        "Chapter 2: The Ledger\n\n"
        "Disclaimer: Still not mine.\n\n"
        "The ledger had a page missing.\n\n"
        "The End.\n\n"
        "A/N: Thanks for reading!\n"
    )
    story = load(text)
    meta = story.meta
    assert (meta.title, meta.author) == ("The Lighthouse Ledger", "gullwing")
    assert meta.summary == "Two keepers share one lamp and a long winter."
    assert meta.rating == "K+"
    assert meta.additional_tags == ["Adventure", "Hurt/Comfort"]
    assert meta.relationships == ["Ada L./Brin T."]
    assert meta.characters == ["Ada L.", "Brin T.", "Cole M."]
    assert [chapter.title for chapter in story.chapters] == ["First Light", "The Ledger"]
    assert paragraphs(story) == [
        ["Ada trimmed the wick before dusk.", "Brin counted the ships."],
        ["The ledger had a page missing."],
    ]
    assert "Disclaimer: The coast is not mine." in story.chapters[0].notes
    assert "Disclaimer: Still not mine." in story.chapters[1].notes


def test_chapter_select_without_headings_is_confirmed_by_the_stats_chapter_count() -> None:
    text = (
        "The Lighthouse Ledger\n\nBy: gullwing\n\nTwo keepers share one lamp.\n\n"
        f"{STATS}\n\n1. First Light\n2. The Ledger\n\n"
        "Disclaimer: The coast is not mine.\n\n"
        "Ada trimmed the wick before dusk.\n\nBrin counted the ships.\n"
    )
    story = load(text)
    assert story.meta.summary == "Two keepers share one lamp."
    assert paragraphs(story) == [["Ada trimmed the wick before dusk.", "Brin counted the ships."]]
    assert "The coast is not mine." in " ".join(story.meta.notes + story.chapters[0].notes)


def test_rated_field_that_is_not_a_stats_line_is_still_a_rating() -> None:
    story = load("Rated: T - for language\n\nChapter 1\n\nThe bell rang.\n")
    assert story.meta.rating == "T - for language"
    assert paragraphs(story) == [["The bell rang."]]


@pytest.mark.parametrize(
    "opening",
    [
        "1. Never lie to the sea.\n2. Never count the gulls.",  # the story opens with a list
        "1. Rope\n2. Lamp oil",  # short entries, but no chapter is called that
    ],
)
def test_a_numbered_list_that_opens_a_chapter_stays_text(opening: str) -> None:
    text = f"Chapter 1\n\n{opening}\n\nAda read the rules twice.\n\nChapter 2\n\nBrin broke them.\n"
    story = load(text)
    assert paragraphs(story) == [[opening, "Ada read the rules twice."], ["Brin broke them."]]


def test_prev_and_next_lines_are_not_story() -> None:
    nav = "< Prev 1. First Light 2. The Ledger 3. Dark Water Next >"
    text = (
        "Chapter 1: First Light\n\n1. First Light 2. The Ledger 3. Dark Water Next >\n\n"
        "Ada trimmed the wick.\n\n"
        f"{nav}\n\nChapter 2: The Ledger\n\n{nav}\n\n"
        "The ledger had a page missing.\n\n"
        "Chapter 3: Dark Water\n\n< Prev 1. First Light 2. The Ledger 3. Dark Water\n\n"
        "The sea came in.\n\nShe said next > was the button to press.\n\n< Prev\n"
    )
    story = load(text)
    assert [chapter.title for chapter in story.chapters] == ["First Light", "The Ledger", "Dark Water"]
    assert paragraphs(story) == [
        ["Ada trimmed the wick."],
        ["The ledger had a page missing."],
        ["The sea came in.", "She said next > was the button to press."],
    ]


@pytest.mark.parametrize(
    "text",
    [
        # the dropdown right under the first chapter's heading
        "Chapter 1\n\nChapter 1\nChapter 2\nChapter 3\n\nAda trimmed the wick.\n\n"
        "Chapter 2\n\nBrin counted ships.\n\nChapter 3\n\nThe sea came in.\n",
        # the dropdown above it
        "Chapter 1\nChapter 2\nChapter 3\n\nChapter 1\n\nAda trimmed the wick.\n\n"
        "Chapter 2\n\nBrin counted ships.\n\nChapter 3\n\nThe sea came in.\n",
        # the dropdown alone, the first chapter's own heading not pasted
        "Chapter 1\nChapter 2\nChapter 3\n\nAda trimmed the wick.\n\n"
        "Chapter 2\n\nBrin counted ships.\n\nChapter 3\n\nThe sea came in.\n",
    ],
)
def test_a_dropdown_pasted_one_entry_a_line_is_not_headings(text: str) -> None:
    story = load(text)
    assert paragraphs(story) == [["Ada trimmed the wick."], ["Brin counted ships."], ["The sea came in."]]


def test_a_dropdown_above_a_later_chapter_keeps_that_chapter_heading() -> None:
    text = (
        "Chapter 1\n\nAda trimmed the wick.\n\n"
        "Chapter 1\nChapter 2\nChapter 3\n\nChapter 2\n\nBrin counted ships.\n\n"
        "Chapter 3\n\nThe sea came in.\n"
    )
    story = load(text)
    assert paragraphs(story) == [["Ada trimmed the wick."], ["Brin counted ships."], ["The sea came in."]]


def test_a_heading_with_no_text_under_it_is_still_refused() -> None:
    with pytest.raises(StoryFormatError, match="“Chapter 1” has no story text"):
        load("Chapter 1\n\nChapter 2\n\nAda trimmed the wick.\n\nChapter 3\n\nThe sea came in.\n")


FFF_HEAD = (
    "\n\n\nThe Long Thaw\n\nby Imre Sol\n\n\n\n"
    "Category: Original Work\nRating: Teen And Up Audiences\nChapters: 3\nWords: 900\n"
    "Summary: The river ice breaks early.\n\n\n\n\n\n"
)


def test_a_converters_table_of_contents_and_end_file_are_not_story() -> None:
    chapters = ["1. Ice", "2. The Ferry", "3. Spring"]
    bodies = ["The ice cracked at dawn.", "The ferry ran again.", "Spring came late."]
    text = FFF_HEAD + "TABLE OF CONTENTS\n\n\n\n" + "\n\n".join(chapters) + "\n\n\n\n"
    text += "".join(f"\t{title}\n\n{body}\n\n\n\n" for title, body in zip(chapters, bodies, strict=True))
    text += "End file.\n"
    story = load(text)
    assert story.meta.title == "The Long Thaw"
    posted = [paragraph for chapter in story.chapters for paragraph in chapter.paragraphs]
    seen = posted + [chapter.title or "" for chapter in story.chapters]
    assert "TABLE OF CONTENTS" not in posted
    assert "End file." not in posted
    assert all(sum(title in line for line in seen) <= 1 for title in chapters[1:])
    assert posted[-1] == "Spring came late."
    for body in bodies:
        assert body in posted


def test_a_contents_list_above_chapter_headings() -> None:
    text = (
        "Contents\n\nThe Ferry\nSpring Comes\n\n"
        "Chapter 1: The Ferry\n\nThe ferry ran again.\n\nChapter 2: Spring Comes\n\nSpring came late.\n"
    )
    story = load(text)
    assert paragraphs(story) == [["The ferry ran again."], ["Spring came late."]]


def test_a_contents_line_over_prose_stays_text() -> None:
    text = "Contents\n\nOf the box, nothing was left.\n\nShe closed the lid.\n"
    assert paragraphs(load(text)) == [["Contents", "Of the box, nothing was left.", "She closed the lid."]]


@pytest.mark.parametrize("marker", ["The End.", "THE END", "~fin~", "End file.", "-The End-"])
def test_a_closing_marker_at_the_very_end_is_not_story(marker: str) -> None:
    story = load(f"Chapter 1\n\nThe ice cracked.\n\nChapter 2\n\nSpring came late.\n\n{marker}\n")
    assert paragraphs(story) == [["The ice cracked."], ["Spring came late."]]


@pytest.mark.parametrize(
    "text",
    [
        "The ice cracked.\n\nSpring came late.\n\nThe end.\n",  # a sentence, not a marker
        "The ice cracked.\n\nSpring came late.\n\nThe End?\n",  # a sequel teased
        "The ice cracked.\n\nThe End.\n\nSpring came late.\n",  # not at the end
        "The End\n",  # nothing else to post
    ],
)
def test_closing_words_that_are_story_stay(text: str) -> None:
    assert paragraphs(load(text)) == [text.strip().split("\n\n")]


def test_a_disclaimer_inside_a_chapter_stays_text() -> None:
    text = "Chapter 1\n\nThe ice cracked.\n\nDisclaimer: the sign on the ferry said no refunds.\n"
    story = load(text)
    assert paragraphs(story) == [["The ice cracked.", "Disclaimer: the sign on the ferry said no refunds."]]


def test_long_navigation_is_read_in_bounded_time() -> None:
    entries = " ".join(f"{number}. Part {number}" for number in range(1, 2001))
    nav = f"< Prev {entries} Next >"
    dropdown = "\n".join(f"Chapter {number}" for number in range(1, 401))
    text = f"Chapter 1\n\n{dropdown}\n\n{nav}\n\n" + "The ice cracked again and again.\n\n" * 20_000
    start = time.process_time()  # CPU time: the work done, which a busy machine does not stretch
    story = load(text)
    assert time.process_time() - start < 10
    assert len(story.chapters) == 1
    assert nav not in story.chapters[0].paragraphs
