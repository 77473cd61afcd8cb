"""Title pages as books and exports write them, each read as a first chapter before: what the work
is under its title ("A Novel in Two Books", "Book One of the Ember Trilogy", "A Romance"), a by-line
naming the kind ("poems by Hollis Marr", "A play in one act by Agnes Teale"), and Google Docs'
Markdown, whose title is a "#" heading like the chapters', over a contents list of links. The
book's content warnings then reached only that false chapter, never the story's own."""

from __future__ import annotations

import pytest

from bot.story.importer import import_story
from bot.story.model import Story
from bot.warnings.declared import map_texts

CHAPTERS = (
    "Chapter One\n\nThe court of sparrows met on the rooftops above the chandlers' quarter.\n\n"
    "Chapter Two\n\nThe notice about the orphan levy went up on a Tuesday.\n"
)


def read(text: str, filename: str = "story.txt") -> Story:
    return import_story(text.encode(), filename, max_bytes=1 << 20)


@pytest.mark.parametrize(
    "kind",
    [
        "A Novel in Two Books",
        "Book One of the Ember Trilogy",
        "Volume 2 in the Saltmarsh Series",
        "A Romance",
        "A Fantasy Novel",
        "A Romance in Three Parts",
    ],
)
def test_what_the_work_is_under_its_title(kind: str) -> None:
    text = (
        f"THE SPARROW COURT\n{kind}\n\nby Delphine Ashcombe\n\n"
        f"Content warnings: self-harm, emotional abuse\n\n{CHAPTERS}"
    )
    story = read(text)
    assert (story.meta.title, story.meta.author) == ("THE SPARROW COURT", "Delphine Ashcombe")
    assert [chapter.title for chapter in story.chapters] == [None, None]
    assert sorted(map_texts(story.meta.declared_warnings).ids) == ["abuse", "self-harm"]


@pytest.mark.parametrize(
    ("byline", "author"),
    [("poems by Hollis Marr", "Hollis Marr"), ("A play in one act by Agnes Teale", "Agnes Teale")],
)
def test_a_by_line_naming_the_kind_of_work(byline: str, author: str) -> None:
    story = read(f"SALT AND CINDER\n{byline}\n\n{CHAPTERS}")
    assert (story.meta.title, story.meta.author) == ("SALT AND CINDER", author)
    assert len(story.chapters) == 2


def test_book_one_alone_is_still_a_part_heading() -> None:
    story = read(f"THE SPARROW COURT\n\nby Delphine Ashcombe\n\nBOOK ONE\n\n{CHAPTERS}")
    assert story.meta.title == "THE SPARROW COURT" and len(story.chapters) == 2


GDOCS = """# The Understudy

By Caro Lindqvist

Content warnings: eating disorder, emotional abuse

[Chapter One\t1](#chapter-one)

[Chapter Two: The Wings\t3](#chapter-two:-the-wings)

# Chapter One {#chapter-one}

Juno had understudied the role of Nora for eleven weeks and had never once gone on\\.

# Chapter Two: The Wings {#chapter-two:-the-wings}

The night the lead lost her voice, Juno was sitting in the wings\\.
"""


def test_google_docs_markdown_title_and_contents_links() -> None:
    story = read(GDOCS, "the-understudy.md")  # refused before: a contents entry was a heading with no text
    assert (story.meta.title, story.meta.author) == ("The Understudy", "Caro Lindqvist")
    assert [chapter.title for chapter in story.chapters] == [None, "The Wings"]
    assert sorted(map_texts(story.meta.declared_warnings).ids) == ["abuse", "eating-disorder"]


def test_a_first_heading_that_is_a_chapter_stays_one() -> None:
    text = "# Prologue\n\nThe sea was quiet.\n\n# Chapter One\n\nJuno woke early.\n"
    story = read(text, "tide.md")
    assert [chapter.title for chapter in story.chapters] == ["Prologue", None]


WATTPAD = """My Bodyguard Is a Vampire (And Other Problems)
by nightjarwrites

Completed
48.2K Reads 2.1K Votes 12 Parts

Seventeen-year-old Cass Moreno needs a bodyguard after her mum wins the lottery. She did not need one who sleeps in the pantry.

#romance #vampire #teenfiction

Table of Contents
1. The Lottery
2. The Pantry

1. The Lottery
1.2K Reads 88 Votes 14 Comments

Mum screamed so loudly the neighbour's dog started howling.

Vote / Comment / Share

2. The Pantry
980 Reads 75 Votes 9 Comments

A/N: TW for blood in this one, nothing too graphic

The bodyguard arrived at midnight, which should have been my first clue.
"""


def test_wattpad_parts_copied_into_one_text_file() -> None:
    """Each part's counts sat right under its title, so the title was a line of a paragraph and
    not a heading: three parts read as one chapter, and the title page was chapter 1."""
    story = read(WATTPAD)
    assert (story.meta.title, story.meta.author) == ("My Bodyguard Is a Vampire (And Other Problems)", "nightjarwrites")
    assert story.meta.summary is not None and story.meta.summary.startswith("Seventeen-year-old Cass Moreno")
    assert [chapter.title for chapter in story.chapters] == ["The Lottery", "The Pantry"]
    assert story.chapters[0].paragraphs == ["Mum screamed so loudly the neighbour's dog started howling."]
    assert sorted(map_texts(story.chapters[1].declared_warnings).ids) == ["blood-gore"]


def test_a_wrapped_sentence_ending_with_by_is_still_one_line() -> None:
    text = (
        "Chapter 1\n\nThe path along the cliffs was narrow and the wind pushed at them\n"
        "by turns from the sea and from the land.\n"
    )
    [chapter] = read(text).chapters
    assert chapter.paragraphs == [
        "The path along the cliffs was narrow and the wind pushed at them by turns from the sea and from the land."
    ]


def test_a_translators_credit_after_the_authors_name() -> None:
    story = read(f"The Notched Blade\nby Kurosaki Ren (translated by moonlit_tl)\n\n{CHAPTERS}")
    assert (story.meta.title, story.meta.author) == ("The Notched Blade", "Kurosaki Ren")


@pytest.mark.parametrize(
    ("chapter", "interlude"),
    [
        ("Глава 1", "Интерлюдия"),
        ("Capítulo 1", "Interludio"),
        ("Capítulo 1", "Interlúdio"),
        ("Kapitel 1", "Zwischenspiel"),
        ("Capitolo 1", "Intermezzo"),
    ],
)
def test_an_interlude_in_another_language_is_its_own_chapter(chapter: str, interlude: str) -> None:
    text = (
        f"{chapter}\n\nThe road was long.\n\n{interlude}\n\nMeanwhile, far away.\n\n{chapter[:-1]}2\n\nThey arrived.\n"
    )
    story = read(text)
    assert [c.title for c in story.chapters] == [None, interlude, None]


@pytest.mark.parametrize(
    ("headings", "titles"),
    [
        (["Chapter 1 of 3: Onions", "Chapter 2 of 3: Bread"], ["Onions", "Bread"]),
        (["Part 1 of 2", "Part 2 of 2"], ["Part 1 of 2", "Part 2 of 2"]),
        (["Chapter 1 (of 2)", "Chapter 2 (of 2)"], [None, None]),
    ],
)
def test_headings_that_say_how_many_there_are(headings: list[str], titles: list[str | None]) -> None:
    body = "The market opened before the sun, and Petra walked its rows with her basket on her hip."
    story = read("Market Days\nby petrichor_pen\n\n" + "".join(f"{heading}\n\n{body}\n\n" for heading in headings))
    assert [chapter.title for chapter in story.chapters] == titles


def test_a_closing_disclaimer_is_a_note_not_the_last_lines_of_the_story() -> None:
    text = (
        "Chapter 1\n\nThe sea was grey.\n\nChapter 2\n\nThe sea was blue.\n\n* * *\n\n"
        "Disclaimer: Sea Wardens belongs to M. R. Calloway. No profit is made from this work.\n"
    )
    last = read(text).chapters[-1]
    assert last.paragraphs == ["The sea was blue."]
    assert last.notes == ["Disclaimer: Sea Wardens belongs to M. R. Calloway. No profit is made from this work."]


DREAMWIDTH = """fic: Tidewrack (Sea Wardens, Oren/Lisbet, T)

Posted by saltmarsh_sings on March 3rd, 2022 at 09:14 pm

Title: Tidewrack
Author: saltmarsh_sings
Warnings: major character death (off-screen), grief
Summary: After the Long Storm, Lisbet walks the tideline every morning.

( Read more... )

Lisbet walked the tideline at first light, when the sand was still dark and hard.

Tags: fic, sea wardens, oren/lisbet, exchange: winter tides

7 comments | Leave a comment | Share | Link
"""


def test_a_dreamwidth_post_copied_into_text() -> None:
    """The post's subject and "Posted by" line made the header fields story text (its warnings
    undeclared); the cut, the tags and the comment links were the story's last lines."""
    story = read(DREAMWIDTH)
    assert (story.meta.title, story.meta.author) == ("Tidewrack", "saltmarsh_sings")
    assert sorted(map_texts(story.meta.declared_warnings).ids) == ["death", "grief"]
    [chapter] = story.chapters
    assert chapter.paragraphs == ["Lisbet walked the tideline at first light, when the sand was still dark and hard."]


def test_a_journal_posts_links_to_its_parts_are_no_heading() -> None:
    body = "Jem climbed the wall of the Harrow orchard on the first day of September."
    text = (
        "[fic] The Orchard Keeper - Part 1/3\n\nTitle: The Orchard Keeper\nAuthor: bramblewise\n\n"
        f"Part 1 | Part 2 | Part 3\n\n( Read more... )\n\nPart 1\n\n{body}\n\nPart 2\n\n{body}\n\nPart 3\n\n{body}\n"
    )
    story = read(text)
    assert [chapter.title for chapter in story.chapters] == ["Part 1", "Part 2", "Part 3"]
    assert all(chapter.paragraphs == [body] for chapter in story.chapters)


def test_a_chinese_title_in_its_book_title_marks() -> None:
    text = "《灯塔守望者》\n作者：林晚舟\n\n第一章 归来\n\n海角的灯塔已经熄灭了十年。\n\n第二章 风暴\n\n风暴来了。\n"
    story = read(text)
    assert (story.meta.title, story.meta.author) == ("灯塔守望者", "林晚舟")


def test_a_note_label_alone_over_its_note() -> None:
    """ "まえがき" (a foreword) on a line over its text was the first chapter; "後書き" over the
    closing thanks was the last chapter's last paragraph; "Author's Note" over a note the same."""
    text = (
        "灯台守の娘\n作者：水瀬しおり\n\nまえがき\nこの作品は短編です。\n\n第一章　帰郷\n\n岬の灯台に明かりが灯った。\n\n"
        "第二章　光\n\n千夏は灯台を降りなかった。\n\n後書き\n読んでいただきありがとうございました。\n"
    )
    story = read(text)
    assert story.meta.notes == ["この作品は短編です。"]
    assert [chapter.paragraphs for chapter in story.chapters] == [
        ["岬の灯台に明かりが灯った。"],
        ["千夏は灯台を降りなかった。"],
    ]
    assert story.chapters[1].notes == ["読んでいただきありがとうございました。"]
    english = read(f"Chapter 1\n\nThe sea was grey.\n\nAuthor's Note\nThanks for reading!\n\n{CHAPTERS}")
    assert english.chapters[0].notes == ["Thanks for reading!"]


def test_a_title_page_of_numbered_pairs_is_read_in_linear_time() -> None:
    """Every paragraph of a title page was tried as a chapter list against every other item, and a
    slice to the last paragraph was taken at each: 60 KB of "1. Foo / 2. Bar" took 4.4 s of CPU
    (400 KB, minutes). Now each item's keys are read once: a fraction of a second."""
    import time

    text = "Title: 1 Foo 2 Bar\n\n" + "1. Foo\n2. Bar\n\n" * 4000 + "Chapter 1\n\nThe lake was cold.\n"
    start = time.process_time()  # CPU time: the work done, which a busy machine does not stretch
    story = read(text)
    assert time.process_time() - start < 2.0
    assert story.chapters[-1].paragraphs == ["The lake was cold."]
