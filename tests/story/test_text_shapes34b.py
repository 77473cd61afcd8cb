"""More plain-text and Markdown shapes from the thirty-fourth session's probe (72 story files nobody
on the project wrote), each misread before:

- an AO3 work copied from the browser: its labels over their values ("Rating:" / "Mature"), the title
  over the author's name with no "by", "Summary:" over its text, "Kudos" / "Comment" under the story;
- "The Biscuit Tin by flourandfig" over the header's fields (the title was the whole line);
- Wattpad's app: the author's user name alone between the title and the first heading, "⭐ 214 💬 37"
  under each part; Quotev's "Updated ... · 2 chapters · 2,314 words · 1,020 reads" under the by-line;
- SpaceBattles' "Like x 45 Heart x 3" under a post; Tumblr's "Keep reading" link; Kindle Vella's
  "Give this episode a thumbs up if you enjoyed it!";
- chapters numbered "XIV", "XV", "XVI" (a serial's later file); paragraphs indented with tabs right
  under each heading, no blank line (the last chapter's paragraphs were run together);
- "[Thanks for reading! ...]" in brackets closing a chapter; "~*~ A/N ~*~" over a note;
- "CWs below:" and "TRIGGER WARNING!" over a list; "Warnings: None! Pure fluff.", "TW: nothing to warn
  for :)" (both reported as warnings Dogear could not place); "Please mind the tags!" and "y/n = your
  name" over the story; "Dedication:", "Prompt:" and "Setting:" fields; Tumblr's "tags: #wren #biscuit
  tin" under "~ fin ~"; a Tumblr post's lower-case title over its
  fields in one block; an Obsidian note's properties over its "# Title".

Each is paired with the prose that looks like it and must stay story text.
"""

from __future__ import annotations

import time

import pytest

from bot.story.importer import import_story
from bot.story.model import Story
from bot.warnings.declared import map_texts
from tests.story.builders import declared_ids as ids
from tests.story.builders import read_text as read

P1 = "Wren kept the bakery's books in a biscuit tin, because the ledger had been eaten by the dog in March."
P2 = "The dog, a grey lurcher called Admiral, showed no remorse and was given the crusts as usual."
P5 = "On the last night of the fair the tins were stolen, all of them, and the shelf with them."
P6 = "Admiral found the thief by the river the next morning, and would not let go of his trouser leg."


def texts(story: Story) -> list[list[str]]:
    return [chapter.paragraphs for chapter in story.chapters]


# An AO3 work copied from the browser.

AO3_COPY = f"""Rating:
Mature
Archive Warning:
Graphic Depictions Of Violence
Fandom:
Original Work
Additional Tags:
Angst, Theft, Dogs
Stats:
Published: 2023-04-02 Words: 2,345 Chapters: 2/2 Kudos: 88 Hits: 1,020

The Biscuit Tin
flourandfig

Summary:
A baker, a dog and a theft.

Chapter 1: Tins

{P1}

Chapter 2: The River

{P5}

Kudos
Comment
"""


def test_an_ao3_work_copied_from_the_browser() -> None:
    story = read(AO3_COPY)
    assert (story.meta.title, story.meta.author, story.meta.rating) == ("The Biscuit Tin", "flourandfig", "Mature")
    assert story.meta.summary == "A baker, a dog and a theft."
    assert story.meta.archive_warnings == ["Graphic Depictions Of Violence"]
    assert [chapter.title for chapter in story.chapters] == ["Tins", "The River"]
    assert texts(story) == [[P1], [P5]]


def test_two_lines_over_the_story_with_no_tags_above_are_not_a_title_and_name() -> None:
    """Guard: with no work's tags read above, a couplet of short lines is not taken for a title page."""
    story = read(f"Under the Pier\nsaltwater\n\n{P1}\n\n{P2}\n", "pier.txt")
    assert story.meta.author is None


@pytest.mark.parametrize("line", ["Kudos.", "Kudos to the baker, said the sign, and nobody argued."])
def test_kudos_in_a_story_stays_text(line: str) -> None:
    story = read(f"Chapter 1\n\n{P1}\n\n{line}\n\nChapter 2\n\n{P2}\n")
    assert story.chapters[0].paragraphs == [P1, line]


# A title line naming its author over the header's fields.


def test_a_title_by_a_user_name_over_fields() -> None:
    story = read(f"The Biscuit Tin by flourandfig\n\nRating: Teen And Up Audiences\n\n{P1}\n\n{P2}\n")
    assert (story.meta.title, story.meta.author) == ("The Biscuit Tin", "flourandfig")


@pytest.mark.parametrize("title", ["Kidnapped by pirates", "Stand by me", "The House by the sea"])
def test_a_title_with_by_in_it_stays_the_title(title: str) -> None:
    story = read(f"{title}\n\nRating: T\nWarnings: none\n\n{P1}\n\n{P2}\n")
    assert (story.meta.title, story.meta.author) == (title, None)


# Reading sites' and apps' lines.


def test_wattpads_user_name_and_counts_under_each_part() -> None:
    text = (
        f"The Biscuit Tin\n\nflourandfig\n\n12.4K Reads 1.1K Votes 23 Parts\n\nChapter 1 - Tins\n\n{P1}\n\n{P2}\n\n"
        f"⭐ 214   💬 37\n\nChapter 2 - The River\n\n{P5}\n\n{P6}\n\n⭐ 190   💬 22\n"
    )
    story = read(text, "tin.txt")
    assert (story.meta.title, story.meta.author) == ("The Biscuit Tin", "flourandfig")
    assert [chapter.title for chapter in story.chapters] == ["Tins", "The River"]
    assert texts(story) == [[P1, P2], [P5, P6]]


def test_a_sentence_with_icons_and_numbers_stays_text() -> None:
    line = "She gave the pie ⭐ 5 in her notebook and 💬 2 lines of praise."
    story = read(f"Chapter 1\n\n{P1}\n\n{line}\n\nChapter 2\n\n{P2}\n")
    assert story.chapters[0].paragraphs == [P1, line]


def test_a_prologue_under_the_title_is_no_user_name() -> None:
    story = read(f"The Biscuit Tin\n\nprologue\n\n{P1}\n\nChapter 1\n\n{P2}\n", "tin.txt")
    assert story.meta.author is None


def test_quotevs_stats_line_under_the_by_line() -> None:
    text = f"The Biscuit Tin\nby flourandfig\nUpdated Apr 9, 2023 · 2 chapters · 2,314 words · 1,020 reads\n\n{P1}\n\n{P2}\n"
    story = read(text, "tin.txt")
    assert (story.meta.title, story.meta.author) == ("The Biscuit Tin", "flourandfig")
    assert texts(story) == [[P1, P2]]


def test_a_forum_posts_reactions_are_no_story_text() -> None:
    text = (
        "The Biscuit Tin (Original, Slice of Life)\n"
        "Discussion in 'Creative Writing' started by flourandfig, Apr 2, 2023.\n\n"
        f"Threadmarks: 1. Tins\n\n{P1}\n\n{P2}\n\nLast edited: Apr 3, 2023\nLike x 45 Heart x 3\n\n"
        f"Threadmarks: 2. The River\n\n{P5}\n\n{P6}\n"
    )
    story = read(text)
    assert texts(story) == [[P1, P2], [P5, P6]]


def test_tumblrs_keep_reading_link_is_no_story_text() -> None:
    story = read(
        f"the biscuit tin\npairing: wren x reader\nwc: 1.4k\nwarnings: blood\n\n{P1}\n\nKeep reading\n\n{P2}\n"
    )
    assert story.meta.title == "the biscuit tin"
    assert ids(story.meta.declared_warnings) == {"blood-gore"}
    assert texts(story) == [[P1, P2]]


def test_keep_reading_in_a_sentence_stays_text() -> None:
    line = "Keep reading, she told herself, the ledger will make sense eventually."
    story = read(f"Chapter 1\n\n{P1}\n\n{line}\n\nChapter 2\n\n{P2}\n")
    assert story.chapters[0].paragraphs == [P1, line]


def test_kindle_vellas_ask_for_a_thumbs_up_is_a_note() -> None:
    ask = "Give this episode a thumbs up if you enjoyed it!"
    story = read(f"Episode 3: The River\n\n{P5}\n\n{P6}\n\n{ask}\n")
    assert texts(story) == [[P5, P6]]
    assert ask in story.chapters[0].notes


def test_a_thumbs_up_in_a_story_stays_text() -> None:
    line = "He gave the plan a thumbs up and went back to sleep."
    story = read(f"Chapter 1\n\n{P1}\n\n{line}\n\nChapter 2\n\n{P2}\n")
    assert story.chapters[0].paragraphs == [P1, line]


# Chapters and paragraphs.


def test_roman_numerals_counting_on_from_a_later_chapter() -> None:
    story = read(f"The Biscuit Tin\nby flourandfig\n\nXIV\n\n{P1}\n\nXV\n\n{P2}\n\nXVI\n\n{P5}\n")
    assert texts(story) == [[P1], [P2], [P5]]


def test_two_numbers_counting_on_stay_text() -> None:
    """Guard: two lone numbers past one are no series of chapters (three at least are asked)."""
    story = read(f"The Biscuit Tin\nby flourandfig\n\n3.\n\n{P1}\n\n4.\n\n{P2}\n")
    assert texts(story) == [["3.", P1, "4.", P2]]


def test_tab_indented_paragraphs_right_under_each_heading() -> None:
    story = read(f"The Biscuit Tin\nby flourandfig\n\nChapter 1\n\t{P1}\n\t{P2}\n\nChapter 2\n\t{P5}\n\t{P6}\n")
    assert texts(story) == [[P1, P2], [P5, P6]]


def test_tab_indented_verse_under_headings_keeps_its_lines() -> None:
    verse = "\tRoses are red,\n\tthe dog is grey,\n\tthe tins are gone\n\tand so is the day"
    story = read(f"Chapter 1\n{verse}\n\nChapter 2\n{verse}\n")
    assert [len(chapter.paragraphs) for chapter in story.chapters] == [1, 1]


def test_a_bracketed_word_to_readers_closing_a_chapter_is_a_note() -> None:
    note = "[Thanks for reading! This is the end, I hope you liked it.]"
    story = read(f"Chapter 1\n\n{P1}\n\nChapter 2\n\n{P5}\n\n{P6}\n\n{note}\n")
    assert texts(story) == [[P1], [P5, P6]]
    assert note in story.chapters[1].notes


def test_a_bracketed_line_of_the_story_stays_text() -> None:
    story = read(f"Chapter 1\n\n{P1}\n\n[The recording ends here.]\n\nChapter 2\n\n{P2}\n")
    assert story.chapters[0].paragraphs == [P1, "[The recording ends here.]"]


def test_a_note_label_between_ornaments_heads_its_note() -> None:
    text = f"Chapter 1\n\n{P1}\n\n~*~ A/N ~*~\ntw for the next chapter: self harm\n\nChapter 2\n\n{P5}\n"
    story = read(text)
    assert texts(story) == [[P1], [P5]]
    assert ids(story.chapters[1].declared_warnings) == {"self-harm"}


# Declarations and the author's words over the story.


@pytest.mark.parametrize(
    ("notice", "expected"),
    [
        ("CWs below:\n- drowning\n- death of a pet", {"animal-death"}),
        ("TRIGGER WARNING!\n• self harm\n• suicide attempt", {"self-harm", "suicide"}),
    ],
)
def test_a_label_saying_where_its_list_is_declares(notice: str, expected: set[str]) -> None:
    story = read(f"The Biscuit Tin\nby flourandfig\n\n{notice}\n\n{P1}\n\n{P2}\n")
    assert expected <= ids(story.meta.declared_warnings)
    assert texts(story) == [[P1, P2]]


def test_an_exclaimed_label_over_lines_naming_no_warning_stays_text() -> None:
    poem = "Heads up!\n- the sky\n- the sea"
    story = read(f"The Biscuit Tin\nby flourandfig\n\n{poem}\n\n{P1}\n")
    assert texts(story) == [[poem, P1]]
    assert story.meta.declared_warnings == []


@pytest.mark.parametrize(
    "line", ["Warnings: None! Pure fluff.", "TW: nothing to warn for :)", "Warnings: none!!! it's just fluff :)"]
)
def test_declaring_nothing_in_other_words(line: str) -> None:
    declared = map_texts([line])
    assert (declared.ids, declared.unmapped) == ({}, [])


def test_a_warning_after_a_none_is_still_read() -> None:
    assert set(map_texts(["TW: nothing. blood later"]).ids) == {"blood-gore"}


@pytest.mark.parametrize("note", ["Please mind the tags!", "y/n = your name\nl/n = last name"])
def test_the_authors_word_on_how_to_read_is_a_note(note: str) -> None:
    story = read(f"The Biscuit Tin\nby flourandfig\n\n{note}\n\n{P1}\n\n{P2}\n")
    assert story.meta.notes == [note]
    assert texts(story) == [[P1, P2]]


def test_a_sentence_about_tags_stays_text() -> None:
    line = "Mind the tags on the jars, Wren said, or you will bake with salt."
    story = read(f"The Biscuit Tin\nby flourandfig\n\n{line}\n\n{P1}\n")
    assert texts(story) == [[line, P1]]


@pytest.mark.parametrize(
    "field", ["Dedication: for Ros, who likes lurchers", 'Prompt: "a theft at the village fair"', "POV: Wren"]
)
def test_a_headers_other_fields_are_read_with_it(field: str) -> None:
    story = read(f"The Biscuit Tin\nby flourandfig\n{field}\n\n{P1}\n\n{P2}\n", "tin.txt")
    assert (story.meta.title, story.meta.author) == ("The Biscuit Tin", "flourandfig")
    assert texts(story) == [[P1, P2]]


def test_an_obsidian_notes_properties_over_its_title() -> None:
    text = (
        f"---\ntags:\n  - fiction\n  - wip\ncontent-warnings: [self-harm]\n---\n\n# The Biscuit Tin\n\n{P1}\n\n{P2}\n"
    )
    story = read(text, "tin.md")
    assert story.meta.title == "The Biscuit Tin"
    assert ids(story.meta.declared_warnings) == {"self-harm"}
    assert texts(story) == [[P1, P2]]


def test_a_setting_field_is_read_with_the_header() -> None:
    story = read(f"The Biscuit Tin\nby flourandfig\nSetting: a seaside village, 1950s\n\n{P1}\n\n{P2}\n", "tin.txt")
    assert (story.meta.title, story.meta.author) == ("The Biscuit Tin", "flourandfig")
    assert texts(story) == [[P1, P2]]


def test_tumblr_tags_under_the_closing_marker_are_no_story_text() -> None:
    story = read(f"The Biscuit Tin\nby flourandfig\n\n{P1}\n\n{P2}\n\n~ fin ~\n\ntags: #wren #admiral #biscuit tin\n")
    assert texts(story) == [[P1, P2]]


def test_a_line_of_numbers_after_a_tags_label_stays_text() -> None:
    line = "Tags: #1 was the dog and #2 was the thief"
    story = read(f"Chapter 1\n\n{P1}\n\n{line}\n\nChapter 2\n\n{P2}\n")
    assert texts(story) == [[P1, line], [P2]]


# What the new shapes cost on hostile input (CPU time, bounds several times what each takes now).


def _cpu_seconds(text: str) -> float:
    start = time.process_time()
    import_story(text.encode(), "story.txt", max_bytes=4 << 20)
    return time.process_time() - start


def test_an_icon_count_line_with_a_long_run_of_spaces_is_cheap() -> None:
    """The counts' runs are taken whole: given back a space at a time, 1,000 spaces took 5 s."""
    assert _cpu_seconds(f"The Biscuit Tin\n\n⭐1{' ' * 20_000}x\n\n{P1}\n") < 3


def test_a_forum_reaction_line_with_a_long_run_of_spaces_is_cheap() -> None:
    text = f"Threadmarks: 1. Tins\n\n{P1}\n\nLike x 1{' ' * 20_000}y\n\nThreadmarks: 2. The River\n\n{P5}\n"
    assert _cpu_seconds(text) < 3


def test_a_chapter_closing_on_thousands_of_bracketed_notes_is_cheap() -> None:
    """A few bracketed paragraphs close a chapter as notes; 20,000 of them read as notes took 5 s."""
    notes = "\n\n".join(["[Thanks for reading " + "x " * 30 + "]"] * 20_000)
    assert _cpu_seconds(f"Chapter 1\n\n{P1}\n\n{notes}\n") < 4
