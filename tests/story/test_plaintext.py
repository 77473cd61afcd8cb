"""Plain text: metadata, notes, declared warnings, titles, chapters and scenes."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.story.importer import import_story
from bot.story.structure import is_scene_break, match_heading
from bot.story.textfile import parse_plain_text

LIMIT = 8 * 1024 * 1024


def read(corpus_dir: Path, name: str):
    path = next(corpus_dir.glob(f"{name}_*.txt"))
    return import_story(path.read_bytes(), path.name, max_bytes=LIMIT), path.read_text(encoding="utf-8")


def test_corpus_001(corpus_dir: Path) -> None:
    story, _raw = read(corpus_dir, "001")
    meta = story.meta
    assert meta.title == "A Life Left Behind"
    assert meta.summary is not None
    assert meta.summary.startswith("Maybe she imagines it, but Sakura thinks")
    assert meta.summary.endswith("replaced by a cruel emptiness.")
    assert meta.declared_warnings == ["TW for miscarriage"]
    assert any("Permission to end me" in note for note in meta.notes)
    assert len(story.chapters) == 1
    chapter = story.chapters[0]
    assert len(chapter.scenes) == 7
    assert chapter.paragraphs[0].startswith("The sun shines on her back")
    assert chapter.paragraphs[-1].startswith('"We\'ll be alright," Kakashi says')
    text = chapter.text
    assert "Summary:" not in text and "A Life Left Behind" not in text and "TW for" not in text
    assert "\"It''s the baby,\" Sakura gasps" in text  # the doubled-quote typo survives untouched


def test_corpus_000(corpus_dir: Path) -> None:
    story, _raw = read(corpus_dir, "000")
    meta = story.meta
    assert len(meta.notes) == 1 and meta.notes[0].startswith("Hey everyone Phenix here")
    assert meta.summary == (
        "After the death of Sasuke Sakura slips into despair, Kakashi brings her back only to lose her and gain "
        "something more."
    )
    assert meta.title == "000 15709c5523125502"  # no title line: from the file name
    assert len(story.chapters) == 1
    chapter = story.chapters[0]
    assert len(chapter.scenes) == 3
    assert "Phenix" not in chapter.text and "review" not in chapter.text.lower()
    assert chapter.paragraphs[0].startswith("Sakura stood there numb.")
    assert "'Yes they are exactly like Naruto's.' Kakashi thought" in chapter.text
    assert chapter.paragraphs[-1].endswith("he had received more than he bargained for.")


def test_corpus_paragraphs_are_all_kept(corpus_dir: Path) -> None:
    """Every paragraph of the file is story text, metadata or a note: nothing dropped."""
    for name in ("000", "001"):
        story, raw = read(corpus_dir, name)
        kept = [*story.chapters[0].paragraphs, *story.meta.notes]
        blocks = [block.strip() for block in raw.split("\n\n") if block.strip()]
        body = " ".join(" ".join(kept).split())
        for block in blocks[3:]:
            assert " ".join(block.split()) in body


def test_metadata_lines() -> None:
    text = """Title: The Long Way Round
Author: Jo March
Rating: Teen And Up Audiences
Archive Warnings: Major Character Death, Graphic Depictions Of Violence
Fandom: Little Women
Relationships: Jo/Laurie
Characters: Jo March, Laurie
Additional Tags: Angst, Hurt/Comfort
TW: death, blood
Summary: Jo walks home the long way.
Notes: Written for a prompt.

It was raining in Concord.

Jo did not mind.
"""
    story = parse_plain_text(text, "x.txt")
    meta = story.meta
    assert meta.title == "The Long Way Round"
    assert meta.author == "Jo March"
    assert meta.rating == "Teen And Up Audiences"
    assert meta.archive_warnings == ["Major Character Death", "Graphic Depictions Of Violence"]
    assert meta.fandoms == ["Little Women"]
    assert meta.relationships == ["Jo/Laurie"]
    assert meta.characters == ["Jo March", "Laurie"]
    assert meta.additional_tags == ["Angst", "Hurt/Comfort"]
    assert meta.summary == "Jo walks home the long way."
    assert meta.notes == ["Written for a prompt."]
    assert meta.declared_warnings == ["TW: death, blood"]  # archive warnings keep their own field
    assert story.chapters[0].paragraphs == ["It was raining in Concord.", "Jo did not mind."]


@pytest.mark.parametrize(
    ("line", "declared"),
    [
        ("TW for miscarriage", "TW for miscarriage"),
        ("TW: death, blood", "TW: death, blood"),
        ("CW - self harm, suicide", "CW - self harm, suicide"),
        ("Warnings: MCD", "Warnings: MCD"),
        ("Content Warning: animal death", "Content Warning: animal death"),
    ],
)
def test_declared_warnings_forms(line: str, declared: str) -> None:
    story = parse_plain_text(f"Title: Rain\n{line}\n\nIt rained all day.\n\nThen it stopped.\n", "x.txt")
    assert story.meta.declared_warnings == [declared]
    assert "It rained all day." in story.chapters[0].paragraphs[0]


def test_inline_declaration_in_a_summary_line() -> None:
    story = parse_plain_text("Summary: A quiet story. CW: grief. Enjoy!\n\nShe sat by the window.\n", "x.txt")
    assert story.meta.summary == "A quiet story."
    assert story.meta.declared_warnings == ["CW: grief"]
    assert story.meta.notes == ["Enjoy!"]


@pytest.mark.parametrize("label", ["A/N:", "Author's Note:", "AN:", "Note:"])
def test_authors_notes_are_notes(label: str) -> None:
    text = f"{label} thanks for reading!\n\nThe ship left at dawn.\n\nChapter 2\n\n{label} sorry for the wait.\n\nThe ship came back.\n\n{label} see you next time"
    story = parse_plain_text(text, "x.txt")
    assert story.meta.notes == ["thanks for reading!"]
    assert [c.paragraphs for c in story.chapters] == [["The ship left at dawn."], ["The ship came back."]]
    assert story.chapters[1].notes == ["sorry for the wait.", "see you next time"]


def test_title_from_first_short_line() -> None:
    story = parse_plain_text("Salt and Iron\n\n\nThe forge was cold that morning.\n\nNobody spoke.\n", "draft.txt")
    assert story.meta.title == "Salt and Iron"
    assert story.chapters[0].paragraphs == ["The forge was cold that morning.", "Nobody spoke."]


def test_title_from_file_name_when_first_line_is_prose() -> None:
    story = parse_plain_text("The forge was cold that morning.\n\nNobody spoke.\n", "salt_and_iron.txt")
    assert story.meta.title == "salt and iron"
    assert story.chapters[0].paragraphs[0] == "The forge was cold that morning."


def test_by_line_after_title() -> None:
    story = parse_plain_text("Salt and Iron\n\nby Mara Fen\n\nThe forge was cold.\n", "x.txt")
    assert (story.meta.title, story.meta.author) == ("Salt and Iron", "Mara Fen")
    assert story.chapters[0].paragraphs == ["The forge was cold."]


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("Chapter 3", None),
        ("Chapter 3: The Ford", "The Ford"),
        ("Chapter 3 - The Ford", "The Ford"),
        ("CHAPTER III", None),
        ("Chapter Twenty-One", None),
        ("Prologue", "Prologue"),
        ("Epilogue", "Epilogue"),
        ("Part Two", "Part Two"),
        ("# The Beginning", "The Beginning"),
        ("## Chapter 4: Rain", "Rain"),
        ("**Chapter 5**", None),
    ],
)
def test_headings(line: str, title: str | None) -> None:
    heading = match_heading(line)
    assert heading is not None
    assert heading.title == title


@pytest.mark.parametrize(
    "line",
    [
        "Chapter 3 was the best part of the book.",
        "Part 1 of the story, told plainly.",
        "Book 2 was where it all went wrong.",
        "Chi",
        "Parting is such sweet sorrow",
        "The prologue was long.",
        "#hashtag",
    ],
)
def test_sentences_are_not_headings(line: str) -> None:
    assert match_heading(line) is None


@pytest.mark.parametrize("line", ["***", "* * *", "~~~", "---", "o0o", "#", "- - -", "~*~", "xXx", "⁂", "==="])
def test_scene_break_lines(line: str) -> None:
    assert is_scene_break(line)


@pytest.mark.parametrize("line", ["-", "**", "Oh.", "ooh", "- A list item"])
def test_not_scene_breaks(line: str) -> None:
    assert not is_scene_break(line)


def test_chapters_and_scene_breaks() -> None:
    text = """Prologue

It began with a letter.

Chapter 1: The Ford

Ada waded in.

***

Bram followed.

o0o

Night.

CHAPTER II

The river was quiet.



Years later, the ford was a bridge.

Epilogue

They remembered.
"""
    story = parse_plain_text(text, "x.txt")
    assert [c.title for c in story.chapters] == ["Prologue", "The Ford", None, "Epilogue"]
    assert [c.number for c in story.chapters] == [1, 2, 3, 4]
    assert [[s.paragraphs for s in c.scenes] for c in story.chapters] == [
        [["It began with a letter."]],
        [["Ada waded in."], ["Bram followed."], ["Night."]],
        [["The river was quiet."], ["Years later, the ford was a bridge."]],
        [["They remembered."]],
    ]


def test_part_heading_groups_the_chapter_after_it() -> None:
    story = parse_plain_text("Part One\n\nChapter 1\n\nText one.\n\nPart Two\n\nMore text.\n", "x.txt")
    assert [c.title for c in story.chapters] == ["Part One", "Part Two"]
    assert story.chapters[0].paragraphs == ["Text one."]


def test_no_headings_means_one_chapter() -> None:
    story = parse_plain_text("One.\n\nTwo.\n\nThree.\n", "x.txt")
    assert len(story.chapters) == 1 and story.chapters[0].paragraphs == ["One.", "Two.", "Three."]


def test_hard_wrapped_prose_is_joined_and_verse_kept() -> None:
    wrapped = (
        "The forge had been cold for three days when the smith finally came\n"
        "back from the hills, carrying nothing but a sack of charcoal and a\n"
        "story nobody believed.\n\n"
        "Roses are red,\nviolets are blue.\n"
    )
    story = parse_plain_text(wrapped, "x.txt")
    assert story.chapters[0].paragraphs == [
        "The forge had been cold for three days when the smith finally came back from the hills, carrying nothing "
        "but a sack of charcoal and a story nobody believed.",
        "Roses are red,\nviolets are blue.",
    ]


def test_one_line_per_paragraph_files() -> None:
    para = "She walked along the river for a long time, thinking about everything that had happened, and about what would come next for all of them. "
    lines = [f"{para}{i}." for i in range(10)]
    text = "\n".join(lines[:5]) + "\n\n" + "\n".join(lines[5:])
    story = parse_plain_text(text, "x.txt")
    assert [len(s.paragraphs) for s in story.chapters[0].scenes] == [5, 5]


WORDS = ["river", "stone", "light", "she", "ran", "quiet", "night", "é", "don't", "the", "sea", "1.", "-", "—"]


@settings(max_examples=60)
@given(
    st.lists(
        st.tuples(
            st.lists(st.sampled_from(WORDS), min_size=1, max_size=40)
            .map(" ".join)
            .filter(lambda p: not is_scene_break(p)),
            st.integers(1, 4),
        ),
        min_size=1,
        max_size=12,
    )
)
def test_plain_prose_is_never_lost_or_reordered(blocks: list[tuple[str, int]]) -> None:
    text = "".join(paragraph + "\n" * (gap + 1) for paragraph, gap in blocks)
    story = parse_plain_text(text, "x.txt")
    kept = " ".join(p for c in story.chapters for p in c.paragraphs).split()
    assert kept == " ".join(paragraph for paragraph, _ in blocks).split()
