"""Japanese authors' notices at a chapter's opening (Pixiv, Narou, Kakuyomu): "※注意※" or "【注意】"
over a list, "＊注意＊自傷、嘔吐", "地雷注意", "苦手な方はブラウザバック推奨" are the chapter's notes, never
story text; the warnings they name are declared, and a notice that names none ("キャラ崩壊",
"捏造過多") is a note only. The English shape, "Warnings:" over a list, reads the same way."""

from __future__ import annotations

import pytest

from bot.story.importer import import_story
from bot.story.model import Story
from bot.warnings.declared import map_texts

STORY = ["雨が降っていた。彼女は傘を持っていなかった。", "駅まで走った。"]


def _chapter_opening(opening: str) -> Story:
    text = f"第1話　雨の日\n\n{opening}\n\n" + "\n\n".join(STORY) + "\n\n第2話　晴れ\n\n朝が来た。\n"
    return import_story(text.encode(), "ame.txt", max_bytes=1 << 20)


@pytest.mark.parametrize(
    ("opening", "ids"),
    [
        ("※注意※\n死ネタを含みます。", {"death"}),
        ("【注意】\n・死ネタ\n・流血表現\n・捏造過多", {"death", "blood-gore"}),
        ("【注意】死ネタ、流血表現、捏造過多", {"death", "blood-gore"}),
        ("＊注意＊\n自傷、嘔吐", {"self-harm", "vomit"}),
        ("＊注意＊自傷、嘔吐", {"self-harm", "vomit"}),
        ("注意書き\n・流血表現あり\n・キャラ崩壊", {"blood-gore"}),
        ("【注意】死ネタ\n苦手な方はブラウザバック推奨", {"death"}),
        ("地雷注意", set()),
        ("苦手な方はブラウザバック推奨", set()),
        ("キャラ崩壊注意\n何でも許せる方向け", set()),
        ("【注意】\n・キャラ崩壊\n・捏造過多", set()),
    ],
)
def test_a_notice_opening_a_chapter_is_its_note_and_declares_what_it_names(opening: str, ids: set[str]) -> None:
    story = _chapter_opening(opening)
    first = story.chapters[0]
    assert first.paragraphs == STORY
    assert first.notes == [opening]
    assert set(map_texts(first.declared_warnings).ids) == ids
    assert story.chapters[1].declared_warnings == []


def test_an_english_label_over_a_list_is_read_the_same_way() -> None:
    text = "Chapter 1: Rain\n\nContent warnings:\n• self-harm\n• vomit\n\nIt was raining.\n\nChapter 2\n\nMorning.\n"
    story = import_story(text.encode(), "rain.txt", max_bytes=1 << 20)
    assert story.chapters[0].paragraphs == ["It was raining."]
    assert story.chapters[0].notes == ["Content warnings:\n• self-harm\n• vomit"]
    assert set(map_texts(story.chapters[0].declared_warnings).ids) == {"self-harm", "vomit"}


@pytest.mark.parametrize(
    "line", ["足元に注意", "注意して歩いた。", "「地雷注意」と書いてあった。", "【お知らせ】来週は休みます"]
)
def test_story_lines_with_the_same_words_stay_text(line: str) -> None:
    story = _chapter_opening(line)
    assert story.chapters[0].paragraphs == [line, *STORY]
    assert story.chapters[0].notes == []
