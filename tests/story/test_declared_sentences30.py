"""A note's sentence saying what a chapter or the work holds, the way authors chat it: "this chapter
has some smut in it lol", "a bit of self harm and a lot of blood, so be careful", "the next chapter
has some heavy stuff, including suicidal ideation". Each declared nothing before: the amount words,
the lead-in and the chat after the list made it read as a sentence, not a list of warnings."""

from __future__ import annotations

import pytest

from bot.story.bylines import work_holds
from bot.warnings.declared import map_texts
from tests.story.test_declared_shapes29 import TEXT, chapter_ids, read


@pytest.mark.parametrize(
    ("note", "ids"),
    [
        ("A/N: this chapter has some smut in it lol.", [["sexual-content"], []]),
        (
            "Author's note: heads up, this chapter has a bit of self harm and a lot of blood, so be careful.",
            [["blood-gore", "self-harm"], []],
        ),
        ("A/N: the next chapter has some heavy stuff, including suicidal ideation.", [[], ["suicide"]]),
        ("A/N: this chapter contains a little violence here, oops", [["violence"], []]),
    ],
)
def test_a_notes_chatty_sentence_declares_its_chapter(note: str, ids: list[list[str]]) -> None:
    story = read(f"Chapter 1\n\n{note}\n\n{TEXT}\n\nChapter 2\n\n{TEXT}\n")
    assert chapter_ids(story) == ids
    assert story.chapters[0].paragraphs == [TEXT]


@pytest.mark.parametrize(
    "sentence",
    [
        "This chapter has a lot of heart in it lol",
        "This chapter has some light fluff, like hand holding",
        "this chapter has a bit of everything, so be careful",
    ],
)
def test_what_names_no_warning_declares_nothing(sentence: str) -> None:
    story = read(f"Chapter 1\n\nA/N: {sentence}\n\n{TEXT}\n\nChapter 2\n\n{TEXT}\n")
    assert chapter_ids(story) == [[], []]


def test_a_title_pages_sentence_keeps_only_its_list() -> None:
    line = "This story contains a bit of everything, including major character death and gore, so be careful!"
    assert work_holds(line) == ["This story contains major character death and gore"]


@pytest.mark.parametrize(
    ("note", "ids"),
    [
        ("A/N: NSFW chapter!", ["sexual-content"]),
        ("Author's note: smut chapter ahead. Thanks for reading!", ["sexual-content"]),
        ("A/N: another angst chapter, sorry", []),
        ("A/N: the last chapter! Thank you all so much.", []),
    ],
)
def test_a_note_naming_its_chapter_by_what_it_holds(note: str, ids: list[str]) -> None:
    story = read(f"Chapter 1\n\n{note}\n\n{TEXT}\n\nChapter 2\n\n{TEXT}\n")
    assert chapter_ids(story) == [ids, []]


@pytest.mark.parametrize(
    ("aside", "ids"),
    [
        ("(spoilers: character death)", ["death"]),
        ("(TW: character death)", ["death"]),
        ("[CW: self harm]", ["self-harm"]),
    ],
)
def test_a_declaration_in_brackets_after_the_summary(aside: str, ids: list[str]) -> None:
    text = f"Title: Salt Roads\nAuthor: wren\nSummary: Two sisters walk the coast road home. {aside}\n\nChapter 1\n\n{TEXT}\n"
    story = read(text)
    assert story.meta.summary == "Two sisters walk the coast road home."
    assert sorted(map_texts(story.meta.declared_warnings).ids) == ids
    assert story.meta.notes == []


@pytest.mark.parametrize(
    "line",
    ["Spoilers: the butler did it in the end.", "Spoilers for season 3 ahead!", "He laughed (spoilers: he wins)."],
)
def test_spoilers_over_no_warning_declare_nothing(line: str) -> None:
    story = read(f"Chapter 1\n\n{line}\n\n{TEXT}\n")
    assert chapter_ids(story) == [[]]
    assert story.meta.declared_warnings == []


def test_spoilers_inside_a_warnings_list_stay_no_warning() -> None:
    assert map_texts(["Warnings: spoilers for book 5, blood"]).unmapped == []


def test_an_end_notes_next_chapter_with_a_colon() -> None:
    text = f"Chapter 1\n\n{TEXT}\n\nA/N: Next chapter: major character death.\n\nChapter 2\n\n{TEXT}\n"
    assert chapter_ids(read(text)) == [[], ["death"]]


def test_a_dead_animal_is_an_animals_death() -> None:
    assert map_texts(["Warnings: a dead animal"]).ids.keys() == {"animal-death"}


@pytest.mark.parametrize(
    ("heading", "title", "ids"),
    [
        ("Chapter 2: The Fall (TW: suicide)", "The Fall", ["suicide"]),
        ("Chapter 2: The Fall [CW: blood, self harm]", "The Fall", ["blood-gore", "self-harm"]),
        ("Chapter 2 - TW: major character death", None, ["death"]),
        ("Chapter 2: Warning Signs", "Warning Signs", []),
    ],
)
def test_a_chapter_titles_declaration_is_the_chapters(heading: str, title: str | None, ids: list[str]) -> None:
    """Members saw "The Fall (TW: suicide)" as a title and nothing else: a member avoiding suicide
    was not asked before reading it."""
    story = read(f"Chapter 1\n\n{TEXT}\n\n{heading}\n\n{TEXT}\n")
    assert story.chapters[1].title == title
    assert chapter_ids(story) == [[], ids]


def test_a_drabbles_rating_and_warnings_after_its_title() -> None:
    body = "The bed was made with hospital corners, and Sam sat on the edge of it and did not wrinkle it."
    heads = ["1. Kettle (G)", "2. Hospital Corners (T, CW: hospital, implied character death)", "3. Spring (G)"]
    story = read("Small Hours\nby nightowl_writes\n\n" + "".join(f"{head}\n\n{body}\n\n" for head in heads))
    assert [chapter.title for chapter in story.chapters] == ["Kettle (G)", "Hospital Corners", "Spring (G)"]
    assert chapter_ids(story) == [[], ["death", "procedures"], []]


def test_a_posts_word_count_after_its_warnings_is_no_warning() -> None:
    declared = map_texts(["Warnings: major character death, drowning | 1.1k words"])
    assert declared.ids.keys() == {"death"} and "1.1k words" not in declared.unmapped
