"""Heading shapes outside testers' story files run their chapters in that were read as text (the
thirty-seventh session's probe of files nobody on the project wrote):

- "§ 1." / "§ 2." (or "§ 1" / "§ 2"): a section sign before each chapter's number;
- "The Salt Road (pt 1)" / "(part 2)": each chapter the story's name and its part in brackets.

A series only where the whole text runs one: a lone "§ 2" citing a law, or one "(part 2)" aside,
stays text, as a lone "3." does.
"""

from __future__ import annotations

import pytest

from tests.story.builders import read_text as read

FIRST = "The kettle had boiled dry twice before Marguerite noticed, and by then the letter was already ash."
SECOND = "Nobody in the village of Harrow End kept clocks, which was how the trouble started that winter."
THIRD = "Her brother came home on the last ferry with a suitcase that ticked when it was set down."


def three(heads: list[str], top: str = "The Salt Road\nby Ines Okafor") -> str:
    return f"{top}\n\n" + "".join(
        f"{head}\n\n{text}\n\n" for head, text in zip(heads, [FIRST, SECOND, THIRD], strict=True)
    )


@pytest.mark.parametrize("stop", [".", ""])
def test_section_signs_run_as_a_series_are_chapters(stop: str) -> None:
    story = read(three([f"§ {number}{stop}" for number in (1, 2, 3)]))
    assert [chapter.paragraphs for chapter in story.chapters] == [[FIRST], [SECOND], [THIRD]]
    assert (story.meta.title, story.meta.author) == ("The Salt Road", "Ines Okafor")


def test_section_signs_set_close_to_the_number_are_chapters() -> None:
    story = read(three(["§1", "§2", "§3"]))
    assert len(story.chapters) == 3


def test_a_lone_section_sign_citing_a_law_stays_text() -> None:
    text = f"The Salt Road\n\nChapter 1\n\n{FIRST}\n\n§ 2\n\nThe clerk read it out twice.\n\nChapter 2\n\n{SECOND}\n"
    story = read(text)
    assert len(story.chapters) == 2
    assert "§ 2" in story.chapters[0].paragraphs


def test_section_signs_that_do_not_count_up_stay_text() -> None:
    story = read(three(["§ 4", "§ 9", "§ 2"]))
    assert len(story.chapters) == 1


@pytest.mark.parametrize("mark", ["pt", "part", "Part", "pt."])
def test_a_title_with_its_part_in_brackets_run_as_a_series_is_chapters(mark: str) -> None:
    story = read(three([f"The Salt Road ({mark} {number})" for number in (1, 2, 3)], top="The Salt Road"))
    assert [chapter.paragraphs for chapter in story.chapters] == [[FIRST], [SECOND], [THIRD]]
    assert [chapter.title for chapter in story.chapters] == [None, None, None]  # (the story's name each time)


def test_parts_with_titles_of_their_own_keep_them() -> None:
    story = read(three(["The Ferry (part 1)", "The Ferry (part 2)", "The Clock (part 3)"], top="Harrow End"))
    assert [chapter.title for chapter in story.chapters] == ["The Ferry", "The Ferry", "The Clock"]


def test_part_marks_in_square_brackets_are_chapters() -> None:
    story = read(three([f"Harrow End [part {number}]" for number in (1, 2, 3)], top="Harrow End"))
    assert len(story.chapters) == 3


def test_a_lone_part_aside_stays_text() -> None:
    text = f"The Salt Road\n\nChapter 1\n\n{FIRST}\n\nThe ferry (part 2)\n\n{SECOND}\n\nChapter 2\n\n{THIRD}\n"
    story = read(text)
    assert len(story.chapters) == 2
    assert "The ferry (part 2)" in story.chapters[0].paragraphs


# A journal's or a log's entries run as a series, and "[2/5]" part marks.


@pytest.mark.parametrize(
    ("heads", "names"),
    [
        (["Entry #1", "Entry #2", "Entry #3"], ["Entry 1", "Entry 2", "Entry 3"]),
        (["Log 1", "Log 2", "Log 3"], ["Log 1", "Log 2", "Log 3"]),
        (["Session 1", "Session 2", "Session 3"], ["Session 1", "Session 2", "Session 3"]),
        (["Letter #1", "Letter #2", "Letter #3"], ["Letter 1", "Letter 2", "Letter 3"]),
        (["LOG 4", "LOG 5", "LOG 6"], ["Log 4", "Log 5", "Log 6"]),
    ],
)
def test_a_journals_entries_run_as_a_series_are_chapters(heads: list[str], names: list[str]) -> None:
    story = read(three(heads))
    assert [chapter.paragraphs for chapter in story.chapters] == [[FIRST], [SECOND], [THIRD]]
    assert [chapter.title for chapter in story.chapters] == names


def test_an_entry_with_a_title_keeps_it() -> None:
    story = read(three(["Entry #1: The Ferry", "Entry #2: The Clock", "Entry #3: The Wires"]))
    assert [chapter.title for chapter in story.chapters] == ["The Ferry", "The Clock", "The Wires"]


def test_a_log_line_inside_a_chapter_stays_text() -> None:
    text = f"The Salt Road\n\nChapter 1\n\n{FIRST}\n\nLog 3\n\n{SECOND}\n\nChapter 2\n\n{THIRD}\n"
    story = read(text)
    assert len(story.chapters) == 2
    assert "Log 3" in story.chapters[0].paragraphs


@pytest.mark.parametrize("title", ["", "The Salt Road "])
def test_part_marks_in_square_brackets_counting_to_a_total_are_chapters(title: str) -> None:
    story = read(three([f"{title}[{number}/3]" for number in (1, 2, 3)], top="The Salt Road\nby Ines Okafor"))
    assert [chapter.paragraphs for chapter in story.chapters] == [[FIRST], [SECOND], [THIRD]]
    assert [chapter.title for chapter in story.chapters] == [None, None, None]  # (the story's name each time)


def test_a_lone_bracketed_count_in_the_text_stays_text() -> None:
    text = f"The Salt Road\n\nChapter 1\n\n{FIRST}\n\n[2/5]\n\n{SECOND}\n\nChapter 2\n\n{THIRD}\n"
    assert "[2/5]" in read(text).chapters[0].paragraphs


@pytest.mark.parametrize("mark", ["(pt {n})", "[{n}/3]"])
def test_parts_repeating_a_name_with_no_title_over_them_name_the_story(mark: str) -> None:
    text = "".join(
        f"The Salt Road {mark.format(n=n)}\n\n{body}\n\n"
        for n, body in zip((1, 2, 3), [FIRST, SECOND, THIRD], strict=True)
    )
    story = read(text, "upload.txt")
    assert story.meta.title == "The Salt Road"
    assert [chapter.paragraphs for chapter in story.chapters] == [[FIRST], [SECOND], [THIRD]]
