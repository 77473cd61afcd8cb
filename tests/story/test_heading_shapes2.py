"""More heading shapes (bot/story/structure.py, bot/story/decode.py): web serials, phone writers,
FanFicFare's numbered chapters, invisible characters, and chapter headings in other languages.

Each shape is paired with the look-alike in ordinary prose that must stay story text.
"""

from __future__ import annotations

import pytest

from bot.story.importer import import_story
from bot.story.model import Story

LIMIT = 8 * 1024 * 1024
BODIES = ["The kettle sang at six.", "Nobody came to the door.", "By nine the snow had stopped."]


def read(text: str, filename: str = "story.txt", encoding: str = "utf-8") -> Story:
    return import_story(text.encode(encoding), filename, max_bytes=LIMIT)


def shape(story: Story) -> list[tuple[str | None, list[str]]]:
    return [(chapter.title, chapter.paragraphs) for chapter in story.chapters]


def chapters_under(headings: list[str], separator: str = "\n\n") -> str:
    return "".join(f"{heading}{separator}{body}\n\n" for heading, body in zip(headings, BODIES, strict=False))


def all_text(text: str) -> list[str]:
    return text.strip().split("\n\n")


# -- web serials ------------------------------------------------------------------------


def test_number_dash_title_lines_counting_up_are_chapters() -> None:
    text = chapters_under(["1 - The Awakening", "2 – First Blood", "3 - The City"])
    assert shape(read(text)) == [
        (title, [body]) for title, body in zip(["The Awakening", "First Blood", "The City"], BODIES, strict=True)
    ]


def test_a_later_run_of_numbered_chapters_counts_too() -> None:
    story = read(chapters_under(["41 - The Awakening", "42 - First Blood"]))
    assert [chapter.title for chapter in story.chapters] == ["The Awakening", "First Blood"]


@pytest.mark.parametrize(
    "text",
    [
        "The score was close.\n\n1 - The Awakening\n\nThey lost anyway.\n",  # one alone
        "1 - The Awakening\n\nIt began.\n\n3 - The City\n\nIt ended.\n",  # not counting up
        "1 - we went to the shop\n\nIt was shut.\n\n2 - we went home\n\nIt was late.\n",  # not titles
        "1 - The Awakening.\n\nIt began.\n\n2 - The City.\n\nIt ended.\n",  # sentences
        "Her list:\n\n1 - Flour\n\n2 - Eggs\n\n3 - Butter\n\nShe left it on the table.\n",  # a list
    ],
)
def test_number_dash_lines_that_do_not_count_chapters_stay_text(text: str) -> None:
    story = read(text)
    assert len(story.chapters) == 1 and story.chapters[0].paragraphs == all_text(text)


def test_book_and_chapter_in_one_heading() -> None:
    """The first chapter of each book is headed by it, as a "Book 2" line over its heading heads it
    (tests/story/test_reader_gaps42.py); the others keep their own titles."""
    text = chapters_under(["Book 1, Chapter 1: Ashes", "Book 1, Chapter 2: Embers", "Book 2, Chapter 1: Sparks"])
    assert [chapter.title for chapter in read(text).chapters] == ["Book 1 — Ashes", "Embers", "Book 2 — Sparks"]


@pytest.mark.parametrize(
    ("heading", "title"),
    [
        ("Side Story: The Innkeeper", "Side Story: The Innkeeper"),
        ("Bonus chapter: Beach Episode", "Bonus Chapter: Beach Episode"),
        ("Extra: After the War", "Extra: After the War"),
        ("Special Chapter: New Year", "Special Chapter: New Year"),
        ("Side Story", "Side Story"),
    ],
)
def test_side_stories_and_extras_are_chapters(heading: str, title: str) -> None:
    text = f"Chapter 1: Ashes\n\n{BODIES[0]}\n\n{heading}\n\n{BODIES[1]}\n"
    assert shape(read(text)) == [("Ashes", [BODIES[0]]), (title, [BODIES[1]])]


@pytest.mark.parametrize("line", ["Extra: two eggs and a spoon of sugar.", "Extra", "Bonus: we got the day off."])
def test_the_words_extra_and_bonus_in_prose_stay_text(line: str) -> None:
    text = f"Chapter 1\n\n{BODIES[0]}\n\n{line}\n\n{BODIES[1]}\n"
    assert shape(read(text)) == [(None, [BODIES[0], line, BODIES[1]])]


# -- phone writers ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("headings", "titles"),
    [
        (["chapter 1 (the one where they meet)", "chapter 2 (groupchat)"], ["the one where they meet", "groupchat"]),
        (["Chapter 1 (Part 2)", "Chapter 2 (Part 1)"], ["Part 2", "Part 1"]),
    ],
)
def test_a_title_in_brackets_after_the_number(headings: list[str], titles: list[str]) -> None:
    assert [chapter.title for chapter in read(chapters_under(headings)).chapters] == titles


def test_a_sentence_with_brackets_after_chapter_stays_text() -> None:
    text = "Chapter 1\n\nIt began.\n\nChapter 3 (which I hated) was long.\n\nIt ended.\n"
    assert shape(read(text)) == [(None, ["It began.", "Chapter 3 (which I hated) was long.", "It ended."])]


@pytest.mark.parametrize(
    ("markers", "first_title"),
    [(["(1/3)", "(2/3)", "(3/3)"], None), (["1/3", "2/3", "3/3"], None), (["the keeper (1/5)", "(2/5)"], "the keeper")],
)
def test_part_markers_counting_up_are_chapters(markers: list[str], first_title: str | None) -> None:
    story = read(chapters_under(markers))
    assert shape(story) == [(first_title if index == 0 else None, [BODIES[index]]) for index in range(len(markers))]


@pytest.mark.parametrize(
    "text",
    [
        "(1/3)\n\nIt began.\n\n(2/4)\n\nIt went on.\n",  # different totals
        "1/3\n\nIt began.\n\n3/3\n\nIt ended.\n",  # not counting up
        "She ate 1/3 of it.\n\n2/3\n\nwas left for later.\n",  # one alone
    ],
)
def test_part_markers_that_do_not_count_stay_text(text: str) -> None:
    story = read(text)
    assert len(story.chapters) == 1 and story.chapters[0].paragraphs == all_text(text)


# -- FanFicFare -------------------------------------------------------------------------


@pytest.mark.parametrize("indent", ["", "\t"])
def test_fanficfare_numbered_chapters_with_a_contents_list(indent: str) -> None:
    contents = "1. Snowfall\n\n2. The Station\n\n3. Chapter 3\n\n\n"
    text = contents + chapters_under([f"{indent}1. Snowfall", f"{indent}2. The Station", f"{indent}3. Chapter 3"])
    chapters = read(text).chapters
    assert [(chapter.title, chapter.paragraphs) for chapter in chapters[-3:]] == [
        ("Snowfall", [BODIES[0]]),
        ("The Station", [BODIES[1]]),
        (None, [BODIES[2]]),
    ]


def test_a_numbered_list_of_sentences_stays_text() -> None:
    text = "Rules:\n\n1. Never go out after dark.\n\nShe meant it.\n\n2. Never open the door.\n\nShe meant that too.\n"
    story = read(text)
    assert len(story.chapters) == 1 and story.chapters[0].paragraphs == all_text(text)


# -- invisible characters ---------------------------------------------------------------


def test_a_stray_byte_order_mark_and_zero_width_spaces_are_removed() -> None:
    text = (
        "Chapter 1: Morning\n\nThe kettle whistled.\n\n\ufeffChapter 2: Noon\n\n\ufeffShe ate\u2060 lunch.\n"
        "\u200b\n\u200bThe family 👩\u200d👩\u200d👧 came home.\n"
    )
    assert shape(read(text)) == [
        ("Morning", ["The kettle whistled."]),
        ("Noon", ["She ate lunch.", "The family 👩\u200d👩\u200d👧 came home."]),
    ]


# -- other languages --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("headings", "titles", "encoding"),
    [
        (["Глава 1. Письмо", "Глава 2. Дорога"], ["Письмо", "Дорога"], "cp1251"),
        (["Глава 1", "Глава 2"], [None, None], "utf-8"),
        (["第一章\u3000はじまり", "第二章\u3000冬"], ["はじまり", "冬"], "shift_jis"),
        (["第一章 开始", "第12章", "第十二回 归来"], ["开始", None, "归来"], "utf-8"),
        (["Capítulo 3: El viaje", "Capítulo cuatro"], ["El viaje", None], "utf-8"),
        (["Chapitre 2 : La Gare", "Kapitel 4 Die Reise", "Capitolo 5"], ["La Gare", "Die Reise", None], "utf-8"),
        (["Rozdział 6", "Bölüm 7", "Bab 8"], [None, None, None], "utf-8"),
        (["Chương 9: Về nhà", "제1장 시작", "1화"], ["Về nhà", "시작", None], "utf-8"),
        (["Пролог", "Глава I", "Эпилог"], ["Пролог", None, "Эпилог"], "utf-8"),
    ],
)
def test_chapter_headings_in_other_languages(headings: list[str], titles: list[str | None], encoding: str) -> None:
    story = read(chapters_under(headings), encoding=encoding)
    assert shape(story) == [(title, [body]) for title, body in zip(titles, BODIES, strict=False)]


def test_a_part_heading_in_another_language_keeps_its_number() -> None:
    story = read(f"Часть 2\n\nГлава 1. Дорога\n\n{BODIES[0]}\n")
    assert [chapter.title for chapter in story.chapters] == ["Часть 2 — Дорога"]


@pytest.mark.parametrize(
    "line",
    [
        "Глава 1 была скучной.",
        "Capítulo 3 fue aburrido.",
        "Parte di Roma era vuota",
        "第一次见面的时候，她笑了。",
        "Kapitel 4 war lang.",
        "Babun",
    ],
)
def test_sentences_starting_like_a_heading_stay_text(line: str) -> None:
    text = f"Chapter 1\n\n{BODIES[0]}\n\n{line}\n\n{BODIES[1]}\n"
    assert shape(read(text)) == [(None, [BODIES[0], line, BODIES[1]])]


# -- small capitals and full-width dividers -----------------------------------------------


def test_small_capital_headings_are_chapters() -> None:
    """Text generators' small caps ("ᴄʜᴀᴘᴛᴇʀ"), which NFKC leaves as they are, read as capitals."""
    text = chapters_under(["ᴄʜᴀᴘᴛᴇʀ ᴏɴᴇ: ᴛʜᴇ ꜰᴏʀᴅ", "ᴄʜᴀᴘᴛᴇʀ ᴛᴡᴏ", "ᴇᴘɪʟᴏɢᴜᴇ"])
    story = read(text)
    assert [chapter.paragraphs for chapter in story.chapters] == [[body] for body in BODIES]
    assert story.chapters[0].title == "THE FORD"


def test_small_capitals_in_story_text_stay_as_written() -> None:
    text = "Title: T\n\nChapter 1\n\nThe sign said ᴏᴘᴇɴ in tiny letters.\n"
    assert read(text).chapters[0].paragraphs == ["The sign said ᴏᴘᴇɴ in tiny letters."]


@pytest.mark.parametrize("divider", ["＊＊＊", "～～～", "\u3000＊\u3000＊\u3000＊", "ｏ０ｏ", "＝＝＝"])
def test_full_width_dividers_split_scenes(divider: str) -> None:
    text = f"Title: T\n\nChapter 1\n\n{BODIES[0]}\n\n{divider}\n\n{BODIES[1]}\n"
    chapter = read(text).chapters[0]
    assert [scene.paragraphs for scene in chapter.scenes] == [[BODIES[0]], [BODIES[1]]]
