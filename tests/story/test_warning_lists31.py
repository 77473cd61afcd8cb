"""A title page's warnings listed chapter by chapter, and FanFiction.net's chapter select copied over
and under one chapter. Read as text, "Chapter 2: blood, self-harm" was a chapter heading with nothing
under it: the real chapters were numbered one too high and carried none of their warnings, and a
chapter select's first entry left the whole file refused ("The heading ... has no story text")."""

from __future__ import annotations

import pytest

from bot.story.importer import import_story
from bot.story.model import Story
from bot.story.warning_lists import take_warning_lists
from bot.warnings.declared import map_texts

CHAPTERS = (
    "Chapter 1: The Shore\n\nEvery spring the seals came back to the cove, and every spring Morwen counted them.\n\n"
    "Chapter 2: The Skin\n\nShe found the sealskin in the roof beams, folded small and wrapped in oilcloth.\n\n"
    "Chapter 3: The Water\n\nShe walked into the sea in her nightgown with the skin held in her arms.\n"
)


def read(text: str, filename: str = "salt.txt") -> Story:
    return import_story(text.encode(), filename, max_bytes=1 << 20)


def chapter_ids(story: Story) -> dict[int, set[str]]:
    return {chapter.number: set(map_texts(chapter.declared_warnings).ids) for chapter in story.chapters}


@pytest.mark.parametrize(
    "listing",
    [
        "CONTENT WARNINGS BY CHAPTER\nChapter 1: none\nChapter 2: blood, self-harm\nChapter 3: suicide attempt",
        "Warnings per chapter:\n\nCh. 1 - none\nCh. 2 - blood, self-harm\nCh. 3 - suicide attempt",
        "Chapter warnings by chapter:\n- Chapter 2 — blood, self-harm\n- Chapter 3 — suicide attempt.",
    ],
)
def test_each_chapter_carries_what_the_list_gives_it(listing: str) -> None:
    story = read(f"The Salt Wife\nby Isolde Marrack\n\n{listing}\n\n{CHAPTERS}")
    assert [chapter.title for chapter in story.chapters] == ["The Shore", "The Skin", "The Water"]
    assert chapter_ids(story) == {1: set(), 2: {"blood-gore", "self-harm"}, 3: {"suicide"}}
    assert any("blood, self-harm" in note for note in story.meta.notes)  # the list stays, as the author's note
    assert story.meta.author == "Isolde Marrack"


def test_the_list_in_markdown_under_bold_and_bullets() -> None:
    text = (
        "# Ninefold\n\nby Calla Everly\n\n**Warnings, by chapter:**\n\n- Ch. 1 — none\n- Ch. 2 — gore, torture\n\n"
        "## Chapter 1: The Knot\n\nNinefold was the name of the house.\n\n## Chapter 2: The Cellar\n\nWhat they kept there.\n"
    )
    story = read(text, "ninefold.md")
    assert [chapter.title for chapter in story.chapters] == ["The Knot", "The Cellar"]
    assert chapter_ids(story) == {1: set(), 2: {"blood-gore", "violence"}}


def test_chapter_headings_after_a_plain_label_are_left_alone() -> None:
    """Only a label that says its list goes chapter by chapter takes the lines under it."""
    text = "Warnings:\nChapter 1: The Shore\nChapter 2: The Skin\n"
    assert take_warning_lists(text)[0] == text


def test_a_chapter_select_over_and_under_the_text_is_no_chapter() -> None:
    select = "Chapter 1. The Snow\nChapter 2. The Thaw"
    text = (
        "Winter Kings\nFollow/Fav\nBy: ravenwing88\n\nThe boy who would not be king.\n\n"
        "Rated: Fiction T - English - Drama/Family - Chapters: 2 - Words: 612 - Reviews: 8 - Favs: 15\n\n"
        f"{select}\n\nNext >\n\nThe snow came early that year, the way the old women had said it would.\n\n"
        f"When his brother found him there he did not say anything at all.\n\nNext >\n\n{select}\n"
    )
    story = read(text, "winter.txt")
    assert story.meta.title == "Winter Kings"
    assert story.meta.author == "ravenwing88"
    assert len(story.chapters) == 1
    assert story.chapters[0].paragraphs[0].startswith("The snow came early")
    assert not any("Chapter 2" in paragraph for paragraph in story.chapters[0].paragraphs)
