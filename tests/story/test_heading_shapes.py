"""Chapter headings and paragraphs in the shapes pasted stories use (bot/story/structure.py).

Lone numerals as headings, decorated and Unicode-styled headings, a chapter title on the line
under "Chapter N", paragraphs marked by indents instead of blank lines, Roman numerals in Part
headings; and, for each, the look-alike in ordinary prose that must stay story text.
"""

from __future__ import annotations

import pytest

from bot.story.importer import import_story
from bot.story.model import Story
from bot.story.structure import match_heading

LIMIT = 8 * 1024 * 1024


def read(text: str, filename: str = "story.txt") -> Story:
    return import_story(text.encode(), filename, max_bytes=LIMIT)


def shape(story: Story) -> list[tuple[str | None, list[str]]]:
    return [(chapter.title, chapter.paragraphs) for chapter in story.chapters]


# -- lone numerals ---------------------------------------------------------------------


@pytest.mark.parametrize("numerals", [["I.", "II.", "III."], ["1.", "2.", "3."], ["i", "ii", "iii"]])
def test_lone_numerals_counting_up_are_chapter_headings(numerals: list[str]) -> None:
    bodies = ["The kettle sang at six.", "Nobody came to the door.", "By nine the snow had stopped."]
    text = "".join(f"{numeral}\n\n{body}\n\n" for numeral, body in zip(numerals, bodies, strict=True))
    assert shape(read(text)) == [(None, [body]) for body in bodies]


@pytest.mark.parametrize(
    "text",
    [
        "She wrote a list.\n\n1.\n\nFlour and eggs.\n\nThen she went out.\n",  # one number alone
        "2.\n\nThe second thing.\n\n1.\n\nThe first thing.\n",  # not in order
        "Her list:\n\n1.\n\n2.\n\n3.\n\nShe left it blank.\n",  # numbers with nothing under them
        '"Who broke it?"\n\nI.\n\n"You did?"\n\nI nodded.\n\nII.\n\nShe laughed.\n\nIV.\n\nThe end.\n',
        "I.\n\nThe harbour froze.\n\n2.\n\nThe boats stayed in.\n",  # two kinds of number
        "I.\n\nThe harbour froze.\n\nII\n\nThe boats stayed in.\n",  # written two ways
    ],
)
def test_numbers_that_do_not_count_chapters_stay_text(text: str) -> None:
    story = read(text)
    assert len(story.chapters) == 1
    assert story.chapters[0].paragraphs == text.strip().split("\n\n")


def test_numbered_steps_inside_a_chapter_do_not_split_it() -> None:
    story = read("Chapter 1\n\nThe steps.\n\n1.\n\nClimb.\n\n2.\n\nRest.\n")
    assert shape(story) == [(None, ["The steps.", "1.", "Climb.", "2.", "Rest."])]


# -- decorated and styled headings -----------------------------------------------------


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("*** Chapter 1 ***", None),
        ("~~~ Chapter 2: The Well ~~~", "The Well"),
        ("----- Chapter 3 -----", None),
        ("== Chapter 4 ==", None),
        ("— Chapter 5 —", None),
        ("~ Prologue ~", "Prologue"),
        ("[Chapter 6]", None),
        ("**Chapter 7**", None),
        ("𝐂𝐡𝐚𝐩𝐭𝐞𝐫 𝟖: 𝐓𝐡𝐞 𝐋𝐚𝐬𝐭", "The Last"),
        ("~ 𝐂𝐡𝐚𝐩𝐭𝐞𝐫 𝟗 ~", None),
    ],
)
def test_decorated_and_styled_headings_start_chapters(line: str, title: str | None) -> None:
    story = read(f"The fog came in at dusk.\n\n{line}\n\nThe lamps went on one by one.\n")
    assert shape(story) == [(None, ["The fog came in at dusk."]), (title, ["The lamps went on one by one."])]


def test_a_divider_is_still_a_scene_break_beside_decorated_headings() -> None:
    text = "~~~ Chapter 1 ~~~\n\nThey rowed out.\n\n~~~\n\nThey rowed back.\n\n*** Chapter 2 ***\n\nDry land.\n"
    story = read(text)
    assert [[scene.paragraphs for scene in chapter.scenes] for chapter in story.chapters] == [
        [["They rowed out."], ["They rowed back."]],
        [["Dry land."]],
    ]


def test_a_decorated_sentence_is_not_a_heading() -> None:
    story = read("- Chapter 3 was the best part -\n\nShe said so twice.\n")
    assert shape(story) == [(None, ["- Chapter 3 was the best part -", "She said so twice."])]


# -- a chapter title on the next line --------------------------------------------------


def test_a_title_line_under_a_bare_chapter_heading_is_its_title() -> None:
    text = (
        "Chapter 1\nThe Cartographer's Daughter\n\nMaps were lies, her father said.\n\n"
        "CHAPTER TWO\n\nTERRA INCOGNITA\n\nThe ship had no name.\n"
    )
    assert shape(read(text)) == [
        ("The Cartographer's Daughter", ["Maps were lies, her father said."]),
        ("TERRA INCOGNITA", ["The ship had no name."]),
    ]


@pytest.mark.parametrize(
    "first",
    ["It was raining when she left.", "It was raining", '"Run!"', "Where are you going?", "Mara, wait"],
)
def test_a_first_sentence_under_a_bare_heading_stays_text(first: str) -> None:
    story = read(f"Chapter 1\n{first}\n\nShe did not look back.\n")
    assert shape(story) == [(None, [first, "She did not look back."])]


def test_a_title_like_line_with_no_text_after_it_stays_text() -> None:
    story = read("Chapter 1: Salt\n\nThe sea.\n\nChapter 2\nThe End\n")
    assert shape(story) == [("Salt", ["The sea."]), (None, ["The End"])]


# -- paragraphs marked by indents ------------------------------------------------------


def test_tab_indented_lines_are_paragraphs_and_lose_the_tab() -> None:
    text = (
        "Chapter 1\n\tThe tide came in.\n"
        '\t"Run," said Mara, and they ran up the shingle until their lungs hurt and the sea gave up.\n'
        "\tBehind them the castle dissolved.\n"
        "Chapter 2\n\tIn the morning there was a new castle. Neither of them had built it.\n"
        '\t"Well," said Mara.\n'
    )
    assert shape(read(text)) == [
        (
            None,
            [
                "The tide came in.",
                '"Run," said Mara, and they ran up the shingle until their lungs hurt and the sea gave up.',
                "Behind them the castle dissolved.",
            ],
        ),
        (None, ["In the morning there was a new castle. Neither of them had built it.", '"Well," said Mara.']),
    ]


def test_indented_hard_wrapped_paragraphs_join_their_lines() -> None:
    text = (
        "    The wind came off the moor in the kind of gusts that made the whole\n"
        "house lean and sigh like an old dog settling.\n"
        "    She kept the lamp low and the door bolted, and listened to the\n"
        "radio for the shipping forecast.\n"
        "    Nobody knocked.\n"
    )
    assert read(text).chapters[0].paragraphs == [
        "The wind came off the moor in the kind of gusts that made the whole house lean and sigh like an old dog "
        "settling.",
        "She kept the lamp low and the door bolted, and listened to the radio for the shipping forecast.",
        "Nobody knocked.",
    ]


def test_indented_verse_and_a_quoted_letter_keep_their_layout() -> None:
    verse = "Roses are red,\n  violets are blue,\nsugar is sweet,\n  and so are you.\n\nThe end.\n"
    assert read(verse).chapters[0].paragraphs == [
        "Roses are red,\n  violets are blue,\nsugar is sweet,\n  and so are you.",
        "The end.",
    ]
    letter = "She opened it.\n\n    Dear John,\n    I am writing from the front.\n    It is cold.\n\nShe folded it.\n"
    assert read(letter).chapters[0].paragraphs == [
        "She opened it.",
        "    Dear John,\n    I am writing from the front.\n    It is cold.",
        "She folded it.",
    ]


def test_hard_wrapped_text_without_indents_is_unchanged() -> None:
    text = (
        "The wind came off the moor in the kind of gusts that made the whole\n"
        "house lean and sigh like an old dog settling.\n\n"
        "She kept the lamp low and the door bolted, and she listened to the\n"
        "radio for the shipping forecast.\n"
    )
    assert read(text).chapters[0].paragraphs == [
        "The wind came off the moor in the kind of gusts that made the whole house lean and sigh like an old dog "
        "settling.",
        "She kept the lamp low and the door bolted, and she listened to the radio for the shipping forecast.",
    ]


# -- Part headings ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("Part II", "Part II"),
        ("Part iv: The Return", "Part IV: The Return"),
        ("PART XII", "Part XII"),
        ("Part Two", "Part Two"),
        ("Book 3", "Book 3"),
    ],
)
def test_part_headings_keep_roman_numerals_upper_case(line: str, title: str) -> None:
    story = read(f"{line}\n\nChapter 3\n\nYears later she came back.\n")
    assert shape(story) == [(title, ["Years later she came back."])]


@pytest.mark.parametrize(
    ("line", "title", "kind"),
    [
        ("STAVE I:  MARLEY'S GHOST", "MARLEY'S GHOST", "chapter"),  # A Christmas Carol, eBook #46
        ("ADVENTURE I. A SCANDAL IN BOHEMIA", "A SCANDAL IN BOHEMIA", "chapter"),  # eBook #1661
        ("CANTO I.", None, "chapter"),
        ("LETTER I.", None, "chapter"),  # Frankenstein's opening letters
        ("VOLUME I.", "Volume I", "part"),
        ("CHAPTER V.     Advice from a Caterpillar", "Advice from a Caterpillar", "chapter"),  # Alice
        ("CHAPTER XI.    Who Stole the Tarts?", "Who Stole the Tarts?", "chapter"),
        ("CHAPTER I. IN WHICH WE MEET.", "IN WHICH WE MEET", "chapter"),
    ],
)
def test_book_chapter_words_and_a_stop_after_the_numeral(line: str, title: str | None, kind: str) -> None:
    heading = match_heading(line)
    assert heading is not None
    assert (heading.title, heading.kind) == (title, kind)


@pytest.mark.parametrize(
    "line", ["Chapter 3. It was late.", "Letter 3 was never sent.", "Volume 2 of the set is lost."]
)
def test_a_sentence_opening_with_a_chapter_word_stays_text(line: str) -> None:
    assert match_heading(line) is None


def test_an_untitled_letter_keeps_its_name_as_the_chapter_title() -> None:
    from bot.story.textfile import parse_plain_text

    text = "LETTER I.\n\nYou will rejoice to hear that no disaster has accompanied the commencement.\n\n"
    text += "CHAPTER I.\n\nI am by birth a Genevese, and my family is one of the most distinguished.\n"
    story = parse_plain_text(text, "frankenstein.txt")
    assert [chapter.title for chapter in story.chapters] == ["Letter I", None]
