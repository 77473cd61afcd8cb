"""Warnings an author gives in a sentence over the first chapter, with no "Warnings:" label, and a
chapter named by its number. Each declared nothing before: "This story contains self-harm ..."
and FanFiction.net's "Rated M for violence, gore ..." were posted as a chapter of their own
(every chapter number after it one too high), "A/N: this chapter contains self-harm" over
chapter 1 stayed a note, and "chapter 2 contains self-harm" (over the story, or in chapter 3's
end note about chapter 4) warned no chapter, or the wrong one."""

from __future__ import annotations

import pytest

from bot.story.importer import import_story
from bot.story.model import Story
from tests.story.builders import declared_ids as ids

CHAPTERS = (
    "Chapter 1: Reeds\n\nThe reeds along the canal were taller than Sam that summer, and he walked through "
    "them every evening to the lock.\n\n"
    "Chapter 2: Lock\n\nThe lock keeper found him on the gate at midnight and talked to him for an hour.\n\n"
    "Chapter 3: Eels\n\nIn the morning they went down to the weir to look at the eel traps together.\n"
)


def read(text: str) -> Story:
    return import_story(text.encode(), "story.txt", max_bytes=1 << 20)


def chapter_ids(story: Story) -> dict[int, set[str]]:
    return {chapter.number: ids(chapter.declared_warnings) for chapter in story.chapters}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("This story contains self-harm, blood and a suicide attempt.", {"self-harm", "blood-gore", "suicide"}),
        ("This fic deals with grief and suicide. Please take care of yourselves.", {"grief", "suicide"}),
        ("Rated M for violence, gore, and a major character death. Also some language.", {"violence", "death"}),
        ("Rated T for self-harm.", {"self-harm"}),
    ],
)
def test_a_sentence_over_the_first_chapter_declares_for_the_story(sentence: str, expected: set[str]) -> None:
    story = read(f"Still Water\nby heronsong\n\n{sentence}\n\n{CHAPTERS}")
    assert ids(story.meta.declared_warnings) >= expected
    assert [chapter.title for chapter in story.chapters] == ["Reeds", "Lock", "Eels"]
    assert all(sentence.split()[0] not in " ".join(chapter.paragraphs) for chapter in story.chapters)


def test_the_rating_given_with_its_reasons_is_the_storys_rating() -> None:
    story = read(f"Embers\nby greywolf_17\n\nRated M for violence and gore.\n\n{CHAPTERS}")
    assert story.meta.rating == "M"


def test_a_note_over_the_first_chapter_saying_this_chapter_warns_the_first_chapter() -> None:
    story = read(
        f"The Pottery Shed\nby clayandember\n\nA/N: this chapter contains self-harm. Please take care.\n\n{CHAPTERS}"
    )
    assert chapter_ids(story) == {1: {"self-harm"}, 2: set(), 3: set()}


def test_a_header_note_naming_a_chapter_by_number_warns_that_chapter() -> None:
    note = "A/N: Heads up, chapter 2 contains self-harm and blood. Chapter 3 is soft, I promise."
    story = read(f"Glass Orchard\nby fennwright\n\n{note}\n\n{CHAPTERS}")
    assert chapter_ids(story) == {1: set(), 2: {"self-harm", "blood-gore"}, 3: set()}


def test_an_unlabelled_header_sentence_naming_a_chapter_warns_that_chapter() -> None:
    story = read(f"Glass Orchard\nby fennwright\n\nChapter 3 has a suicide attempt (not graphic).\n\n{CHAPTERS}")
    assert chapter_ids(story) == {1: set(), 2: set(), 3: {"suicide"}}
    assert [chapter.title for chapter in story.chapters] == ["Reeds", "Lock", "Eels"]


def test_an_end_note_naming_a_later_chapter_by_number_warns_that_chapter() -> None:
    text = CHAPTERS.replace(
        "together.\n", "together.\n\nA/N: Heads up: chapter 4 contains a suicide attempt (not graphic).\n"
    ) + ("\nChapter 4: Bridge\n\nShe found him on the bridge in March, and they walked home the long way.\n")
    story = read(f"Still Water\nby heronsong\n\n{text}")
    assert chapter_ids(story) == {1: set(), 2: set(), 3: set(), 4: {"suicide"}}


def test_a_chapter_number_past_the_last_chapter_warns_none() -> None:
    story = read(f"Still Water\nby heronsong\n\nA/N: chapter 9 contains self-harm.\n\n{CHAPTERS}")
    assert chapter_ids(story) == {1: set(), 2: set(), 3: set()}


@pytest.mark.parametrize(
    "sentence",
    [
        "This story is about a summer on the canal.",  # names no warning
        "Rated M for a reason, folks.",
        "This story contains a lot of eels and one very patient lock keeper.",
    ],
)
def test_a_sentence_naming_no_warning_declares_nothing(sentence: str) -> None:
    story = read(f"Still Water\nby heronsong\n\n{sentence}\n\n{CHAPTERS}")
    assert story.meta.declared_warnings == []
    assert all(not chapter.declared_warnings for chapter in story.chapters)


def test_a_strip_of_tags_between_bars_declares_its_warnings() -> None:
    strip = "🔞 18+ | ⚠️ cw: gore, needles, torture | 🩹 hurt/comfort | ✨ happy ending"
    story = read(f"Cold Iron\nby wyrmwoodwrites\n\n{strip}\n\n{CHAPTERS}")
    assert ids(story.meta.declared_warnings) >= {"blood-gore", "procedures", "violence"}
    assert "hurt/comfort" in story.meta.additional_tags
    assert [chapter.title for chapter in story.chapters] == ["Reeds", "Lock", "Eels"]


def test_a_strip_with_a_sentence_among_its_parts_is_left_alone() -> None:
    strip = "Updated weekly | I hope you like it. It has gore, sorry | cw: gore"
    story = read(f"Cold Iron\nby wyrmwoodwrites\n\n{strip}\n\n{CHAPTERS}")
    assert story.meta.additional_tags == []


def test_emoji_for_bullets_under_a_warnings_label() -> None:
    text = "⚠️ TW:\n🩸 blood\n🔪 gore\n💊 overdose\n🚫 noncon (mentioned, not shown)"
    story = import_story(
        f"# Saltmarsh\n\nby wrenfeather\n\n{text}\n\n## One\n\nThe marsh went on forever.\n\n## Two\n\nHe found the boat.\n".encode(),
        "saltmarsh.md",
        max_bytes=1 << 20,
    )
    assert ids(story.meta.declared_warnings) >= {"blood-gore", "addiction", "sexual-abuse"}
    # ("## One" / "## Two" are chapters 1 and 2 with no title: test_reader_gaps37b)
    assert [(chapter.number, chapter.title) for chapter in story.chapters] == [(1, None), (2, None)]


def test_portuguese_trigger_warnings_label() -> None:
    line = "Avisos de gatilho: transtorno alimentar, ataques de pânico, automutilação"
    story = import_story(
        f"A Última Estação\npor Beatriz Mourão\n\n{line}\n\nCapítulo 1\n\nO comboio parava em todas as estações.\n\n"
        "Capítulo 2\n\nNa estação vazia, a porta abriu-se.\n".encode(),
        "estacao.txt",
        max_bytes=1 << 20,
    )
    assert ids(story.meta.declared_warnings) == {"eating-disorder", "mental-illness", "self-harm"}
    assert len(story.chapters) == 2


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "Advertencia: este capítulo contiene un intento de suicidio y ataques de pánico.",
            {"suicide", "mental-illness"},
        ),
        (
            "Avertissement : ce chapitre contient une tentative de suicide et des crises de panique.",
            {"suicide", "mental-illness"},
        ),
        ("Warnung: Selbstverletzung und Blut", {"self-harm", "blood-gore"}),
    ],
)
def test_a_chapters_warning_in_another_language_with_its_articles_and_its_and(line: str, expected: set[str]) -> None:
    """ "un", "une" beside a warning and "y", "et", "und" between two: the line was the chapter's text."""
    text = CHAPTERS.replace("Chapter 2: Lock\n\n", f"Chapter 2: Lock\n\n{line}\n\n")
    story = read(f"Still Water\nby heronsong\n\n{text}")
    assert chapter_ids(story)[2] == expected
    assert all(line not in chapter.paragraphs for chapter in story.chapters)


def test_warnings_kept_to_the_end_so_as_not_to_spoil_are_the_whole_storys() -> None:
    text = (
        "The Last Good Summer\nby Delphine Arkwright\n\n"
        "Note: the warnings for this story are at the very end, because they spoil it.\n\n"
        "Chapter 1\n\nThat summer the river was low enough to walk across.\n\n"
        "Chapter 2\n\nOn the last day of August he went across alone.\n\n"
        "Chapter 3\n\nI still walk across sometimes.\n\n---\n\nWarnings: major character death, suicide (implied), grief.\n"
    )
    story = read(text)
    assert ids(story.meta.declared_warnings) >= {"death", "suicide", "grief"}
    assert story.chapters[-1].paragraphs == ["I still walk across sometimes."]
    assert chapter_ids(story)[3] == set()


def test_a_last_chapters_own_warning_after_a_divider_stays_its_own() -> None:
    text = CHAPTERS.replace("together.\n", "together.\n\n---\n\nCW for this chapter: self-harm.\n")
    story = read(f"Still Water\nby heronsong\n\n{text}")
    assert chapter_ids(story)[3] == {"self-harm"}
    assert story.meta.declared_warnings == []


def test_a_field_of_its_own_under_the_warnings_is_no_more_of_them() -> None:
    """A Notion page's properties: "Created:" and "Last edited time:" under "Content Warnings:" were
    read as more of the warnings (the admin saw "... needles Created: March 3, 2024 10:14 AM")."""
    header = (
        "# Tidewater\n\nAuthor: Juniper Vale\nStatus: Complete\nContent Warnings: torture (implied), gore, needles\n"
        "Created: March 3, 2024 10:14 AM\nLast edited time: April 1, 2024 9:02 PM\n\n"
    )
    story = import_story(
        (header + "## Chapter One: Low Tide\n\nThe boat came in.\n\n## Chapter Two\n\nThe wound.\n").encode(),
        "tidewater.md",
        max_bytes=1 << 20,
    )
    assert story.meta.declared_warnings == ["Content Warnings: torture (implied), gore, needles"]
    assert "Created: March 3, 2024 10:14 AM" in story.meta.notes
