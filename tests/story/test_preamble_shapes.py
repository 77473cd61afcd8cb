"""Plain-text preambles shaped the way authors paste them: title and "by" line on adjacent
lines, warning blocks in every spelling, Wattpad-style headers, "Warnings: none".

Whatever is read as metadata must not be posted; whatever is prose must stay story text.
"""

from __future__ import annotations

import time

import pytest

from bot.story.importer import import_story
from bot.story.model import Story
from bot.warnings.declared import map_declared

LIMIT = 8 * 1024 * 1024


def load(text: str, filename: str = "upload.txt") -> Story:
    return import_story(text.encode("utf-8"), filename, max_bytes=LIMIT)


def paragraphs(story: Story) -> list[list[str]]:
    return [chapter.paragraphs for chapter in story.chapters]


@pytest.mark.parametrize(
    ("header", "title", "author"),
    [
        ("The Copper Bell\nby Idris Vane", "The Copper Bell", "Idris Vane"),
        ("THE COPPER BELL\nBy Idris Vane", "THE COPPER BELL", "Idris Vane"),
        ("The Copper Bell\nwritten by J. K. Moss", "The Copper Bell", "J. K. Moss"),
        ("The Copper Bell\nby bellwright_77", "The Copper Bell", "bellwright_77"),
    ],
)
def test_title_with_the_by_line_directly_under_it(header: str, title: str, author: str) -> None:
    story = load(f"{header}\n\nChapter 1\n\nThe bell rang at noon.\n\nChapter 2\n\nNobody came.\n", "bell_draft.txt")
    assert (story.meta.title, story.meta.author) == (title, author)
    assert paragraphs(story) == [["The bell rang at noon."], ["Nobody came."]]


def test_title_block_before_a_story_without_headings() -> None:
    story = load("The Copper Bell\nby Idris Vane\n\nThe bell rang at noon.\n\nNobody came.\n")
    assert (story.meta.title, story.meta.author) == ("The Copper Bell", "Idris Vane")
    assert paragraphs(story) == [["The bell rang at noon.", "Nobody came."]]


def test_warning_block_under_an_adjacent_title_block() -> None:
    text = (
        "The Copper Bell\nby Idris Vane\n\n"
        "Content Warnings: grief, character death\ncw // alcoholism\nTW - violence\n\n"
        "Chapter 1\n\nThe bell rang at noon.\n\nChapter 2\n\nNobody came.\n"
    )
    story = load(text)
    assert (story.meta.title, story.meta.author) == ("The Copper Bell", "Idris Vane")
    assert story.meta.declared_warnings == [
        "Content Warnings: grief, character death",
        "cw // alcoholism",
        "TW - violence",
    ]
    assert paragraphs(story) == [["The bell rang at noon."], ["Nobody came."]]
    assert {"grief", "death", "addiction", "violence"} <= set(map_declared(story.meta).ids)


@pytest.mark.parametrize(
    ("line", "declared", "warning_id"),
    [
        ("tw// blood", "tw// blood", "blood-gore"),
        ("cw // blood", "cw // blood", "blood-gore"),
        ("tw: blood", "tw: blood", "blood-gore"),
        ("t/w: blood", "t/w: blood", "blood-gore"),
        ("C/W - blood", "C/W - blood", "blood-gore"),
        ("TW - blood", "TW - blood", "blood-gore"),
        ("TWs: blood", "TWs: blood", "blood-gore"),
        ("Trigger Warnings: blood", "Trigger Warnings: blood", "blood-gore"),
        ("trigger warning(s): blood", "trigger warning(s): blood", "blood-gore"),
        ("Content Warning(s) - blood", "Content Warning(s) - blood", "blood-gore"),
        ("⚠️ TW: blood ⚠️", "TW: blood", "blood-gore"),
        ("*CW: blood*", "CW: blood", "blood-gore"),
    ],
)
def test_warning_spellings_are_declarations(line: str, declared: str, warning_id: str) -> None:
    story = load(f"Iron Gate\n\n{line}\n\nThe gate was open.\n\nShe went in.\n")
    assert story.meta.declared_warnings == [declared]
    assert paragraphs(story) == [["The gate was open.", "She went in."]]
    mapped = map_declared(story.meta)
    assert warning_id in mapped.ids and mapped.unmapped == []


def test_a_block_of_mixed_spellings_starting_with_tw_slashes() -> None:
    text = (
        "Iron Gate\n\nby Noor Ellis\n\n"
        "tw// blood, needles\nC/W: eating disorder\n⚠️ Warning: vomiting ⚠️\n"
        "TRIGGER WARNINGS - hospitals\nWarnings: Major Character Death\n\n"
        "Chapter 1\n\nThe gate was open.\n\nChapter 2\n\nShe went in.\n"
    )
    story = load(text)
    assert story.meta.declared_warnings == [
        "tw// blood, needles",
        "C/W: eating disorder",
        "Warning: vomiting",
        "TRIGGER WARNINGS - hospitals",
        "Warnings: Major Character Death",
    ]
    assert paragraphs(story) == [["The gate was open."], ["She went in."]]
    assert {"blood-gore", "eating-disorder", "vomit", "death"} <= set(map_declared(story.meta).ids)


def test_wattpad_style_header_is_preamble() -> None:
    text = (
        "✦ Paper Moons ✦\na wattpad story by @inkhollow\n\n"
        "✧ all rights reserved ✧\nplease do not repost my work\n\n"
        "started: 01/02/2022\ncompleted: 09/10/2022\n\n"
        "⚠️ TW: self harm, suicide ⚠️\n\n"
        "Chapter 1\n\nJune moved schools in March.\n\nChapter 2\n\nThe lockers were blue.\n"
    )
    story = load(text)
    meta = story.meta
    assert (meta.title, meta.author) == ("✦ Paper Moons ✦", "inkhollow")
    assert meta.declared_warnings == ["TW: self harm, suicide"]
    assert meta.notes == ["✧ all rights reserved ✧\nplease do not repost my work"]
    assert paragraphs(story) == [["June moved schools in March."], ["The lockers were blue."]]
    assert {"self-harm", "suicide"} <= set(map_declared(meta).ids)


@pytest.mark.parametrize(
    "line",
    [
        "Warnings: none",
        "Warnings: None.",
        "TW: n/a",
        "CW: nothing",
        "Warnings: -",
        "Warnings: no warnings",
        "tw// none apply",
    ],
)
def test_declaring_nothing_is_not_an_unmapped_warning(line: str) -> None:
    story = load(f"Iron Gate\n\nby Noor Ellis\n\n{line}\n\nThe gate was open.\n\nShe went in.\n")
    assert paragraphs(story) == [["The gate was open.", "She went in."]]
    mapped = map_declared(story.meta)
    assert (mapped.ids, mapped.unmapped, mapped.unwarned) == ({}, [], False)


def test_nothing_next_to_a_real_warning_keeps_the_warning() -> None:
    story = load("Iron Gate\n\nWarnings: none, except blood\n\nThe gate was open.\n")
    mapped = map_declared(story.meta)
    assert (list(mapped.ids), mapped.unmapped) == (["blood-gore"], [])


@pytest.mark.parametrize(
    ("text", "first"),
    [
        (
            "By the time the sun rose, the village was awake.\n\nShe walked out.\n",
            "By the time the sun rose, the village was awake.",
        ),
        (
            "Dawn\nBy the time the sun rose, the village was awake.\n\nChapter 1\n\nShe walked out.\n",
            "Dawn\nBy the time the sun rose, the village was awake.",
        ),
        (
            "Warnings went unheeded in the village, as they always did.\n\nShe walked out.\n",
            "Warnings went unheeded in the village, as they always did.",
        ),
        ("The River\nby the old mill\n\nChapter 1\n\nShe walked out.\n", "The River\nby the old mill"),
        (
            "Iron Gate\nby Noor Ellis\nThe gate was open and nobody was there.\n\nShe walked out.\n",
            "Iron Gate\nby Noor Ellis\nThe gate was open and nobody was there.",
        ),
        ("Evening\nThe story by the fire went on.\n\nShe walked out.\n", "Evening\nThe story by the fire went on."),
        (
            "Copyright law bored her to tears.\nShe read it anyway.\n\nChapter 1\n\nShe walked out.\n",
            "Copyright law bored her to tears.\nShe read it anyway.",
        ),
    ],
)
def test_prose_openings_stay_story_text(text: str, first: str) -> None:
    story = load(text)
    assert story.chapters[0].paragraphs[0] == first
    assert story.meta.author is None and story.meta.declared_warnings == []


def test_a_by_sentence_after_a_title_is_not_an_author() -> None:
    story = load("Salt and Iron\n\nBy the time the sun rose, the village was awake.\n\nShe walked out.\n")
    assert story.meta.author is None
    assert "By the time the sun rose, the village was awake." in story.chapters[0].paragraphs


def test_a_declaration_followed_by_a_long_run_of_spaces_is_read_quickly() -> None:
    """The label's text is matched in one pass, not retried for every way to split the spaces."""
    text = "TW for" + " " * 30_000 + "(\n\nThe gate was open.\n"
    started = time.process_time()  # CPU time: the work done, which a busy machine does not stretch
    story = load(text)
    assert time.process_time() - started < 2
    assert story.chapters[-1].paragraphs[-1] == "The gate was open."
