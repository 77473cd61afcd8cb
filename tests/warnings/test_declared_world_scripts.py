"""Declarations in languages beyond Europe's: Russian, Ukrainian, Turkish, Chinese (simplified and
traditional), Japanese, Korean, Indonesian and Vietnamese.

Before, "Предупреждения: смерть" was read as a header field but its words showed as unknown, and
a Chinese or Japanese declaration was not read at all: the reader asked for a Latin colon after the
label ("CW：死亡" has a full-width one), a word boundary around every label and warning word
(Chinese and Japanese put no space between words: "本章预警", "流血表現あり") and split items at
Latin commas only ("死亡、自杀"). Turkish "UYARILAR: İNTİHAR" lower-cased to other letters than
the list holds. An ordinary sentence opening with the same label word still declares nothing.
"""

from __future__ import annotations

import unicodedata

import pytest

from bot.story.importer import import_story
from bot.story.text_declarations import declaration_line, declaration_paragraph, extract_declarations
from bot.warnings.declared import map_texts

# One declaration per language, what it maps to, and an ordinary sentence opening with a label word.
CASES = {
    "ru": (
        "Предупреждения: смерть персонажа, изнасилование, селфхарм",
        {"death", "sexual-abuse", "self-harm"},
        "Предупреждение: глава выйдет поздно",
    ),
    "uk": (
        "Попередження: смерть, зґвалтування, самоушкодження",
        {"death", "sexual-abuse", "self-harm"},
        "Увага: розділ дуже довгий",
    ),
    "tr": ("Uyarılar: ölüm, tecavüz, intihar", {"death", "sexual-abuse", "suicide"}, "Uyarı: bölüm çok uzun"),
    "zh-hans": ("预警：死亡、强奸、自残", {"death", "sexual-abuse", "self-harm"}, "注意：本章很长，请慢慢看"),
    "zh-hant": ("預警：死亡、強姦、自殘", {"death", "sexual-abuse", "self-harm"}, "警告：這是一個長篇故事"),
    "ja": ("注意：死ネタ、流血表現、自傷", {"death", "blood-gore", "self-harm"}, "注意：この話は長いです"),
    "ko": ("경고: 죽음, 강간, 자해", {"death", "sexual-abuse", "self-harm"}, "경고: 이번 화는 길어요"),
    "id": (
        "Peringatan: kematian, pemerkosaan, bunuh diri",
        {"death", "sexual-abuse", "suicide"},
        "Peringatan: chapter ini panjang",
    ),
    "vi": ("Cảnh báo: cái chết, hiếp dâm, tự tử", {"death", "sexual-abuse", "suicide"}, "Cảnh báo: chương này dài"),
}


@pytest.mark.parametrize("language", sorted(CASES))
def test_a_declaration_in_the_language_maps_and_an_ordinary_sentence_does_not(language: str) -> None:
    text, expected, sentence = CASES[language]
    assert declaration_line(text)
    result = map_texts(extract_declarations(text)[0])
    assert set(result.ids) == expected and result.unmapped == []
    assert not declaration_line(sentence)
    assert extract_declarations(sentence)[0] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("CW：死亡", {"death"}),
        ("TW：自杀；血腥", {"suicide", "blood-gore"}),
        ("本章预警：死亡，自残。", {"death", "self-harm"}),
        ("注意：死ネタ・流血表現あり", {"death", "blood-gore"}),
        ("TW: смерть, суицид", {"death", "suicide"}),
        ("UYARILAR: ÖLÜM, İNTİHAR", {"death", "suicide"}),
    ],
)
def test_full_width_marks_and_words_inside_phrases_map(text: str, expected: set[str]) -> None:
    """The colon, commas and semicolons of Chinese and Japanese, a warning word inside a phrase
    ("流血表現あり": blood shown), and Turkish capitals ("İNTİHAR") all declare."""
    declared = extract_declarations(text)[0]
    assert declared
    assert set(map_texts(declared).ids) == expected


def test_a_paragraph_naming_this_chapter_in_chinese_is_a_declaration() -> None:
    assert declaration_paragraph("本章预警：死亡，自残。")
    assert not declaration_paragraph("她在本章结尾时很害怕死亡。")


def test_a_decomposed_accent_maps_as_a_composed_one() -> None:
    """A file saved decomposed (macOS) writes "ö" as "o" and a combining mark."""
    text = unicodedata.normalize("NFD", "TW: ölüm, tự tử")
    assert set(map_texts([text]).ids) == {"death", "suicide"}


@pytest.mark.parametrize("text", ["Предупреждения: нет", "预警：无", "注意：なし", "Uyarılar: yok"])
def test_none_in_the_language_declares_nothing(text: str) -> None:
    result = map_texts([text])
    assert result.ids == {} and result.unmapped == []


RUSSIAN = (
    "Название: Маяк\nАвтор: Мара Квилл\n\nГлава 1\n\nОна приехала на остров весной.\n\nОна распаковала книги.\n\n"
    "Глава 2\n\nПримечание автора: Предупреждения к этой главе: селфхарм, суицидальные мысли. Берегите себя.\n\n"
    "Ночью пришёл шторм.\n\nУтром лодок не было.\n\nГлава 3\n\nМоре было спокойным. Она пошла в порт.\n"
)
CHINESE = (
    "标题：灯塔\n作者：玛拉\n\n第一章\n\n她在春天来到岛上。\n\n她打开了书。\n\n下一章预警：自残，自杀倾向。\n\n"
    "第二章\n\n夜里暴风雨来了。\n\n早上船都不见了。\n\n第三章\n\n作者的话：本章预警：死亡。谢谢阅读！\n\n海很平静。她去了港口。\n"
)


def test_a_russian_chapter_declaration_in_a_text_file_warns_for_that_chapter() -> None:
    story = import_story(RUSSIAN.encode(), "mayak.txt", max_bytes=1 << 20)
    assert [chapter.declared_warnings for chapter in story.chapters] == [
        [],
        ["Предупреждения к этой главе: селфхарм, суицидальные мысли"],
        [],
    ]
    assert set(map_texts(story.chapters[1].declared_warnings).ids) == {"self-harm", "suicide"}
    assert "Ночью пришёл шторм." in story.chapters[1].paragraphs


def test_chinese_chapter_declarations_in_a_text_file_warn_for_the_chapters_they_name() -> None:
    """ "下一章预警" closing chapter 1 warns of chapter 2; "作者的话：本章预警" is chapter 3's note."""
    story = import_story(CHINESE.encode(), "dengta.txt", max_bytes=1 << 20)
    assert len(story.chapters) == 3
    ids = [set(map_texts(chapter.declared_warnings).ids) for chapter in story.chapters]
    assert ids == [set(), {"self-harm", "suicide"}, {"death"}]
    assert story.chapters[2].paragraphs == ["海很平静。她去了港口。"]
    assert all("预警" not in paragraph for chapter in story.chapters for paragraph in chapter.paragraphs)


@pytest.mark.parametrize(
    "prose", ["彼は地雷：踏んだら終わりだ", "他警告：别去那里！", "Он услышал предупреждение: смерть близко"]
)
def test_a_label_word_inside_a_sentence_of_the_story_is_prose(prose: str) -> None:
    """ "地雷" is also a landmine and "警告" a plain "warned": only a label opening a sentence declares."""
    assert extract_declarations(prose)[0] == []
