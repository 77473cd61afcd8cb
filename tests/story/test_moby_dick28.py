"""Moby-Dick as Project Gutenberg sets it (eBook #2701): "CHAPTER 1. Loomings." headings whose
title ends with a stop, a contents list opening with "ETYMOLOGY." and "EXTRACTS (...)." and ending
with "Epilogue", and the transcriber's notes after it. Read before, the book was three chapters:
the contents, "Epilogue" over everything up to the last, and the epilogue."""

from __future__ import annotations

from bot.story.importer import import_story
from bot.story.structure import match_heading
from tests.story.builders import gutenberg_bytes

BODY = """MOBY-DICK;

or, THE WHALE.

By Herman Melville



CONTENTS

ETYMOLOGY.

EXTRACTS (Supplied by a Sub-Sub-Librarian).

CHAPTER 1. Loomings.

CHAPTER 2. The Carpet-Bag.

CHAPTER 3. The Spouter-Inn.

Epilogue




Original Transcriber’s Notes:

This text is a combination of etexts, one from the now-defunct ERIS project at Virginia Tech.




ETYMOLOGY.

(Supplied by a Late Consumptive Usher to a Grammar School.)

The pale Usher—threadbare in coat, heart, body, and brain; I see him now.




EXTRACTS. (Supplied by a Sub-Sub-Librarian).

It will be seen that this mere painstaking burrower and grub-worm of a poor devil.




CHAPTER 1. Loomings.

Call me Ishmael. Some years ago—never mind how long precisely—having little or no money in my purse.

There now is your insular city of the Manhattoes.




CHAPTER 2. The Carpet-Bag.

I stuffed a shirt or two into my old carpet-bag, tucked it under my arm, and started for Cape Horn.




CHAPTER 3. The Spouter-Inn.

Entering that gable-ended Spouter-Inn, you found yourself in a wide, low, straggling entry.




Epilogue

“AND I ONLY AM ESCAPED ALONE TO TELL THEE” Job.

The drama’s done. Why then here does any one step forth?—Because one did survive the wreck.
"""


def moby() -> bytes:
    return gutenberg_bytes(BODY, "Moby Dick; Or, The Whale", "Herman Melville")


def test_moby_dick_reads_as_its_chapters() -> None:
    data = moby()
    story = import_story(data, "pg2701.txt", max_bytes=len(data) + 1)
    assert (story.meta.title, story.meta.author) == ("Moby Dick; Or, The Whale", "Herman Melville")
    titles = [chapter.title for chapter in story.chapters]
    assert titles == [None, "Loomings", "The Carpet-Bag", "The Spouter-Inn", "Epilogue"]
    assert story.chapters[0].paragraphs[0] == "ETYMOLOGY."  # the book's own front sections, read as it prints them
    assert story.chapters[1].paragraphs[0].startswith("Call me Ishmael.")
    assert any(note.startswith("This text is a combination of etexts") for note in story.meta.notes)


def test_a_chapter_title_in_title_case_may_end_with_its_stop() -> None:
    for line, title in (
        ("CHAPTER 2. The Carpet-Bag.", "The Carpet-Bag"),
        ("CHAPTER 54. The Town-Ho’s Story.", "The Town-Ho’s Story"),
    ):
        heading = match_heading(line)
        assert heading is not None and heading.title == title
    for sentence in ("Chapter 3. It was late.", "Chapter 4. She ran home.", "Chapter 2. The end came. Then more."):
        assert match_heading(sentence) is None
    # A play's "ACT I.  The Garden at the Manor House." lists its scenes under "THE SCENES OF THE PLAY".
    assert match_heading("ACT II.  The Garden at the Manor House, Woolton.") is None


def test_a_chapter_title_keeps_its_abbreviations_stops() -> None:
    for line, title in (
        ("CHAPTER I. Mrs. Rachel Lynde is Surprised", "Mrs. Rachel Lynde is Surprised"),  # Anne of Green Gables
        ("CHAPTER I. MR. SHERLOCK HOLMES.", "MR. SHERLOCK HOLMES"),  # A Study in Scarlet
        ("CHAPTER XXVII. Mr. Bingley Arrives.", "Mr. Bingley Arrives"),
    ):
        heading = match_heading(line)
        assert heading is not None and heading.title == title
    for sentence in ("Chapter 4. Mr. Jones was late.", "Chapter 2. Mr. Smith left. Then rain."):
        assert match_heading(sentence) is None
