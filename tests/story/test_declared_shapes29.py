"""Warnings authors declare the way fan fiction writers do, each missed or misread before: a chapter's
"TW: ..." line with a friendly word around it ("Stay safe!", "Hi everyone! Quick CW: ... Enjoy!"), a
bracketed aside inside the list, "Chapter warnings:", a label alone over its list (on the next line
or in the next paragraph), "next chapter contains ..." in a note, spellings written around filters
("su*cide", "s/h", "r*pe", "CSA"); and what is no warning: "no major character death" declared
death, "just fluff", "angst", "please mind the tags" were shown to members as warnings."""

from __future__ import annotations

import pytest

from bot.story.importer import import_story
from bot.story.model import Story
from bot.warnings.declared import map_texts

TEXT = "The kettle had been screaming for a full minute before Jun noticed it."


def read(text: str) -> Story:
    return import_story(text.encode(), "story.txt", max_bytes=1 << 20)


def chapter_ids(story: Story) -> list[list[str]]:
    return [sorted(map_texts(chapter.declared_warnings).ids) for chapter in story.chapters]


@pytest.mark.parametrize(
    ("opening", "ids"),
    [
        ("TW: self harm, suicidal ideation. Stay safe!", ["self-harm", "suicide"]),
        ("Hi everyone! Quick CW: vomiting and a hospital visit. Enjoy!", ["procedures", "vomit"]),
        ("tw // panic attacks, blood\nplease take care of yourselves <3", ["blood-gore", "mental-illness"]),
        ("CW: self-harm (brief), blood", ["blood-gore", "self-harm"]),
        ("Warning: this chapter contains a miscarriage (off-page) and grief.", ["grief", "miscarriage"]),
        ("Chapter warnings: MCD", ["death"]),
        ("Content warning for this chapter:\ngrief, alcohol, a funeral", ["addiction", "grief"]),
        ("Content warnings for this chapter:\n- blood\n- needles", ["blood-gore", "procedures"]),
        ("Content warning for this chapter:\n\nabuse, self harm", ["abuse", "self-harm"]),
    ],
)
def test_a_chapters_opening_declaration(opening: str, ids: list[str]) -> None:
    story = read(f"Chapter 1\n\n{opening}\n\n{TEXT}\n\nChapter 2\n\n{TEXT}\n")
    assert chapter_ids(story) == [ids, []]
    assert story.chapters[0].paragraphs == [TEXT]


def test_a_note_naming_what_the_next_chapter_holds() -> None:
    text = f"Chapter 1\n\n{TEXT}\n\nA/N: next chapter contains major character death. sorry!\n\nChapter 2\n\n{TEXT}\n"
    assert chapter_ids(read(text)) == [[], ["death"]]


def test_a_greeting_alone_is_story_text() -> None:
    story = read(f"Chapter 1\n\nHi everyone!\n\n{TEXT}\n\nChapter 2\n\n{TEXT}\n")
    assert story.chapters[0].paragraphs == ["Hi everyone!", TEXT]


@pytest.mark.parametrize(
    ("declared", "ids"),
    [
        ("TW: su*cide, s/h, s.h., su1c1de", ["self-harm", "suicide"]),
        ("CW: r*pe, ab*se, CSA", ["abuse", "child-abuse", "sexual-abuse"]),
        ("Warning: NSFW, 18+", ["sexual-content"]),
        ("CW: homophobic parents, cannibalism", ["blood-gore", "homophobia"]),
    ],
)
def test_spellings_around_filters_and_short_forms(declared: str, ids: list[str]) -> None:
    found = map_texts([declared])
    assert (sorted(found.ids), found.unmapped) == (ids, [])


@pytest.mark.parametrize(
    "declared",
    [
        "Warnings: angst, no major character death",
        "CW: none, just fluff",
        "TW: please mind the tags",
        "Warnings for individual chapters are in the chapter notes",
        "TW: spoilers for book 5",
    ],
)
def test_what_is_no_warning_declares_nothing(declared: str) -> None:
    found = map_texts([declared])
    assert (dict(found.ids), found.unmapped) == ({}, [])


def test_a_censored_word_with_two_readings_is_left_alone() -> None:
    assert map_texts(["TW: ****"]).ids == {}


@pytest.mark.parametrize(
    ("line", "ids"),
    [
        ("(tw: needles in this next scene)", ["procedures"]),
        ("[CW: blood in the scene below]", ["blood-gore"]),
        ("(Warning: the following scene contains a panic attack)", ["mental-illness"]),
    ],
)
def test_a_warning_set_before_a_scene_inside_the_chapter(line: str, ids: list[str]) -> None:
    story = read(f"Chapter 1\n\n{TEXT}\n\n{line}\n\n{TEXT}\n\nChapter 2\n\n{TEXT}\n")
    assert chapter_ids(story) == [ids, []]
    assert story.chapters[0].paragraphs == [TEXT, TEXT]


def test_warnings_between_warning_signs() -> None:
    story = read(f"Chapter 1\n\n⚠ self harm, needles ⚠\n\n{TEXT}\n\nChapter 2\n\n{TEXT}\n")
    assert chapter_ids(story) == [["procedures", "self-harm"], []]


@pytest.mark.parametrize("line", ['"TW: blood," she joked.', "(she left the scene below)", "⚠ Mind the gap ⚠"])
def test_lines_like_them_in_the_story_stay(line: str) -> None:
    story = read(f"Chapter 1\n\n{TEXT}\n\n{line}\n\n{TEXT}\n\nChapter 2\n\n{TEXT}\n")
    assert line in story.chapters[0].paragraphs


def test_a_title_page_saying_what_the_work_holds() -> None:
    text = (
        "Title: Quiet Water\nAuthor: inkwell_owl\nRating: Mature\n"
        "This fic contains depictions of self-harm and suicidal ideation, please take care of yourselves.\n"
        "DEAD DOVE DO NOT EAT: cannibalism, gore\nSpoken of elsewhere too.\n\n"
        f"Chapter 1\n\nThis chapter contains depictions of self-harm, please take care.\n\n{TEXT}\n\nChapter 2\n\n{TEXT}\n"
    )
    story = read(text)
    assert sorted(map_texts(story.meta.declared_warnings).ids) == ["blood-gore", "self-harm", "suicide"]
    assert story.meta.notes == ["Spoken of elsewhere too."]  # a line under the fields is kept, never lost
    assert chapter_ids(story) == [["self-harm"], []]
    assert story.chapters[0].paragraphs == [TEXT]


def test_a_box_warning_of_the_next_chapter() -> None:
    page = (
        "<html><body><h2>Chapter 1</h2><p>The frost came early.</p>"
        "<details><summary>CW for the next chapter (spoilers)</summary><p>major character death, funeral</p></details>"
        "<h2>Chapter 2</h2><p>They picked the orchard clean.</p></body></html>"
    )
    story = import_story(page.encode(), "page.html", max_bytes=1 << 20)
    assert chapter_ids(story) == [[], ["death", "grief"]]
    assert story.chapters[0].paragraphs == ["The frost came early."]
