"""Real Project Gutenberg books, as clubs download them: opening and closing parts copied from public
repositories (chapter bodies shortened to a few real paragraphs; header, contents, front and back matter,
markers and the licence's opening as written), in tests/story/gutenberg/:

- pg71688.txt: The French Revolution 1789-1795 (eBook #71688, 2023 layout), read whole from the public
  code index (the copy holding the header; the stripped copy is gutenbergbooks/71688, 71688-0.txt):
  publisher's lists, "[Illustration: CENTRAL EUROPE 1789" with its caption over a blank line, a preface,
  "CONTENTS." with "CHAPTER I." / "FEUDALISM AND THE MONARCHY." / entries ending in their page numbers,
  "MAPS.", a calendar, "CHAPTER I." over its title, sidenotes, "INDEX." (its entries from "America" to "Clermont-Tonnerre"
  as printed, then a few from E, F, G and Y), the printer's lines, transcriber's notes, licence.
  Chapters kept: I and XI (XI opens at its "Expedition to Quibéron" sidenote, as shortened).
- pg1342.txt: Pride and Prejudice (eBook #1342, 2008 "THIS" layout, "Produced by"), KArcherSutherland/NLP_ngram,
  1342-0.txt.
- pg11.txt: Alice's Adventures in Wonderland (Millennium Fulcrum 3.0, as meagannguyen/ngram 11-0.txt keeps it,
  header already cut by its owner): "Contents" over "CHAPTER I.     Down the Rabbit-Hole" lines.
- pg1661.txt: The Adventures of Sherlock Holmes (eBook #1661, updated October 10, 2023), as
  farbodbj/llm-overflow pg1661.txt keeps it: header, "Contents" over "   I.     A Scandal in Bohemia"
  lines, "I. A SCANDAL IN BOHEMIA" over its parts "I.", "II.", "III." (each part's opening paragraphs
  and the close of part I as written), "II. THE RED-HEADED LEAGUE" and its first lines, end marker.
- pg46.txt: A Christmas Carol (eBook #46, 2021 layout), as a public test excerpt quotes its opening and
  close; its five "STAVE II:  THE FIRST OF THE THREE SPIRITS" headings as a public script matches them
  line by line, each stave's first sentence as public excerpts quote it.
"""

from __future__ import annotations

from pathlib import Path

from bot.story.importer import import_story
from bot.story.model import Story

BOOKS = Path(__file__).parent / "gutenberg"
LIMIT = 1 << 22


def read(name: str) -> Story:
    return import_story((BOOKS / name).read_bytes(), name, max_bytes=LIMIT)


def posted(story: Story) -> str:
    parts: list[str] = []
    for chapter in story.chapters:
        parts.append(chapter.title or "")
        parts.extend(chapter.paragraphs)
    return "\n".join(parts)


def assert_no_wrapper(story: Story) -> None:
    text = posted(story).casefold()
    for boilerplate in ("gutenberg", "license", "start of", "end of the", "produced by", "transcriber"):
        assert boilerplate not in text


def test_a_contents_list_with_page_numbers_after_the_front_matter_is_no_chapter() -> None:
    """eBook #71688: "CHAPTER I." / "FEUDALISM AND THE MONARCHY." / "The Monarchy in France   1" ...
    stood after a publisher's list, a title page and a preface the preamble stops at, so each listed
    chapter became a chapter of contents and the book counted six chapters for its two."""
    story = read("pg71688.txt")
    assert story.meta.title == "The French Revolution 1789-1795"
    assert story.meta.author == "Bertha Meriton Cordery Gardiner"
    titles = [chapter.title for chapter in story.chapters]
    assert titles == ["Preface", "FEUDALISM AND THE MONARCHY", "THE TREATY OF BASEL AND THE CONSTITUTION OF 1795"]
    text = posted(story)
    assert "The Monarchy in France" not in text.replace("♦The Monarchy in France.♦", "")
    assert "Conquest of Holland by Pichegru" not in text
    assert "CONTENTS" not in text
    assert_no_wrapper(story)
    first = next(chapter for chapter in story.chapters if chapter.title == "FEUDALISM AND THE MONARCHY")
    assert first.paragraphs[1].startswith("Like the rest of Western Europe")


def test_illustration_marks_read_as_the_image_lines_every_reader_gives() -> None:
    """ "[Illustration: QUIBERON BAY" / "E. Weller" / "]" was posted as three lines of story text."""
    story = read("pg71688.txt")
    text = posted(story)
    assert "[Illustration" not in text
    last = story.chapters[-1]
    assert "[Image: QUIBERON BAY E. Weller]" in last.paragraphs
    assert "[Image: CENTRAL EUROPE 1789 _Longmans, Green & Co., London, New York, Bombay, Calcutta & Madras._]" in text


def test_alices_contents_of_chapter_lines_is_no_refusal() -> None:
    """Alice: "Contents" over "CHAPTER I.     Down the Rabbit-Hole" ... after the edition line: the listed
    lines were headings with no text and the whole book was refused."""
    story = read("pg11.txt")
    assert story.meta.title == "Alice’s Adventures in Wonderland"
    assert story.meta.author == "Lewis Carroll"
    titles = [chapter.title for chapter in story.chapters if chapter.title]
    assert titles == ["Down the Rabbit-Hole", "The Pool of Tears"]
    assert "Advice from a Caterpillar" not in posted(story)


def test_pride_and_prejudice_older_layout() -> None:
    story = read("pg1342.txt")
    assert story.meta.title == "Pride and Prejudice"
    assert story.meta.author == "Jane Austen"
    assert len(story.chapters) == 3
    assert story.chapters[0].paragraphs[0].startswith("It is a truth universally acknowledged")
    assert story.chapters[-1].paragraphs[-1].endswith("had been the means of uniting them.")
    assert "Produced by Anonymous Volunteers" in story.meta.notes
    assert_no_wrapper(story)


def test_a_christmas_carol_header_is_read() -> None:
    story = read("pg46.txt")
    assert story.meta.title == "A Christmas Carol in Prose; Being a Ghost Story of Christmas"
    assert story.meta.author == "Charles Dickens"
    assert_no_wrapper(story)


def test_a_christmas_carols_staves_are_its_chapters() -> None:
    """eBook #46: "STAVE I:  MARLEY'S GHOST" ... "STAVE V:  THE END OF IT" were no headings, so the
    Carol was one chapter holding its title page, preface, contents and all five staves. Its
    contents' "Stave   I: Marley's Ghost" lines are a list, not the first stave's heading."""
    story = read("pg46.txt")
    titled = story.chapters[1:]  # after Dickens's preface
    assert [chapter.title for chapter in titled] == [
        "MARLEY'S GHOST",
        "THE FIRST OF THE THREE SPIRITS",
        "THE SECOND OF THE THREE SPIRITS",
        "THE LAST OF THE SPIRITS",
        "THE END OF IT",
    ]
    assert titled[0].paragraphs[0].startswith("MARLEY was dead: to begin with.")
    assert titled[1].paragraphs[0].startswith("WHEN Scrooge awoke, it was so dark")
    assert titled[-1].paragraphs[-1].endswith("God bless Us, Every One!")
    assert "Stave" not in posted(story) and "CONTENTS" not in posted(story)


def test_alices_roman_chapter_lines_with_small_words_are_headings() -> None:
    """Alice: "CHAPTER V.     Advice from a Caterpillar" was read as a sentence ("from" in lower case
    after a space), while "CHAPTER IV.    The Rabbit Sends in a Little Bill" was a heading: the stop
    after the numeral is the separator. Listed so, all twelve entries are the contents, dropped though
    the excerpt keeps two chapters; the edition line is a note and the three rows of spaced stars
    one divider, not text."""
    story = read("pg11.txt")
    assert [chapter.title for chapter in story.chapters] == ["Down the Rabbit-Hole", "The Pool of Tears"]
    assert "THE MILLENNIUM FULCRUM EDITION 3.0" in story.meta.notes
    text = posted(story)
    assert "*" not in text and "Advice from a Caterpillar" not in text and "Who Stole the Tarts" not in text


def test_a_christmas_carols_title_page_is_no_chapter_and_its_preface_is_one() -> None:
    """eBook #46: the title page sets the header's "A Christmas Carol in Prose; Being a Ghost Story of
    Christmas" over four lines ("A CHRISTMAS CAROL" / "IN PROSE" / "BEING" / "A Ghost Story of
    Christmas") and "PREFACE" was no heading, so title page and preface were an untitled chapter 1
    and "STAVE I" chapter 2. The preface is a chapter, as a foreword is; the title page is none."""
    story = read("pg46.txt")
    assert [chapter.title for chapter in story.chapters][:2] == ["Preface", "MARLEY'S GHOST"]
    assert len(story.chapters) == 6
    preface = story.chapters[0]
    assert preface.paragraphs[0].startswith("I HAVE endeavoured in this Ghostly little book")
    assert preface.paragraphs[-1].endswith("December, 1843.")
    text = posted(story)
    assert "A CHRISTMAS CAROL" not in text and "IN PROSE" not in text and "by Charles Dickens" not in text


def test_the_publishers_pages_before_the_preface_are_no_chapter() -> None:
    """eBook #71688: the publisher's lists ("HISTORICAL WORKS FOR SCHOOLS.", "EPOCHS OF ANCIENT
    HISTORY."), a half-title, the frontispiece, the title page ("THE" / "FRENCH REVOLUTION" /
    "1789–1795" / "BY" / "BERTHA MERITON GARDINER") and the imprint were an untitled chapter 1, and
    "PREFACE." no heading; the contents' last entry wrapped over two lines ("... Russia and" /
    "Austria   236") and the "MAPS." list after it stayed in the preface as text."""
    story = read("pg71688.txt")
    assert all(chapter.title for chapter in story.chapters)
    preface = story.chapters[0]
    assert preface.title == "Preface"
    assert preface.paragraphs[0].startswith("[Image: CENTRAL EUROPE 1789")  # the frontispiece stays
    assert preface.paragraphs[1].startswith("In writing this handbook on the French Revolution")
    text = posted(story)
    for gone in (
        "HISTORICAL WORKS FOR SCHOOLS",
        "EPOCHS OF ANCIENT HISTORY",
        "SIXTEENTH IMPRESSION",
        "All rights reserved",
    ):
        assert gone not in text
    assert "Foreign policy of Catherine" not in text and "Map of Quiberon" not in text


def test_a_printed_books_index_and_printers_lines_are_no_story_text() -> None:
    """eBook #71688: "INDEX." over "Army, the French, mutinies in, 73;" / "disorderly condition of,
    105;" ... (600 words here, thousands in the book) and "_Printed at_ THE BALLANTYNE PRESS" after
    the last chapter's last paragraph were posted as that chapter's end. They are back matter,
    known by the entries' page numbers, not by a length limit an index runs past."""
    story = read("pg71688.txt")
    last = story.chapters[-1]
    assert last.title == "THE TREATY OF BASEL AND THE CONSTITUTION OF 1795"
    assert last.paragraphs[-1].endswith("followed not by the Constitutional but by the Napoleonic age.")
    text = posted(story)
    for printed in ("INDEX", "mutinies in, 73", "_See_ Orleans", "Young, Arthur", "BALLANTYNE", "Colchester"):
        assert printed not in text
    assert len(story.chapters) == 3


def test_sherlock_holmes_stories_are_its_chapters_and_their_numbered_parts_scenes() -> None:
    """eBook #1661 (2023 layout): "I. A SCANDAL IN BOHEMIA" was no heading, so its lone part numbers
    "I.", "II.", "III." became untitled chapters, "II. THE RED-HEADED LEAGUE" a line of part III's
    text, and the contents an untitled chapter 1. Each story is a chapter, numbered as the book
    numbers it, its parts scenes; the contents ("VI.    The Man with the Twisted Lip") are no chapter."""
    story = read("pg1661.txt")
    assert story.meta.title == "The Adventures of Sherlock Holmes"
    assert story.meta.author == "Arthur Conan Doyle"
    assert [chapter.title for chapter in story.chapters] == ["A SCANDAL IN BOHEMIA", "THE RED-HEADED LEAGUE"]
    scandal, league = story.chapters
    assert [len(scene.paragraphs) for scene in scandal.scenes] == [3, 1, 3]
    assert scandal.paragraphs[0].startswith("To Sherlock Holmes she is always _the_ woman.")
    assert scandal.scenes[1].paragraphs[0].startswith("At three o’clock precisely I was at Baker Street")
    assert scandal.scenes[2].paragraphs[0].startswith("I slept at Baker Street that night")
    assert league.paragraphs[0].startswith("I had called upon my friend, Mr. Sherlock Holmes")
    text = posted(story)
    assert "I." not in story.chapters[0].paragraphs and "II." not in text.split("\n")
    assert "Contents" not in text and "Twisted Lip" not in text
    assert_no_wrapper(story)
