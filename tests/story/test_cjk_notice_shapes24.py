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


# Chinese (Lofter, Jinjiang, AO3's Chinese fics) and Korean (Postype, Naver) authors open a chapter
# with the same notices: "【避雷】", "雷者慎入", "不喜勿喷", "OOC属于我", "私设如山"; "열람 주의",
# "캐붕 주의", "트리거 워닝", "불호 시 뒤로가기".
STORY_ZH = ["雨下了一整夜。她没有带伞。", "她跑到了车站。"]
STORY_KO = ["비가 밤새 내렸다. 그녀는 우산이 없었다.", "역까지 뛰어갔다."]


def _opening_in(opening: str, language: str) -> Story:
    if language == "ko":
        text = f"1화. 비\n\n{opening}\n\n" + "\n\n".join(STORY_KO) + "\n\n2화. 맑음\n\n아침이 왔다.\n"
    else:
        text = f"第一章　雨\n\n{opening}\n\n" + "\n\n".join(STORY_ZH) + "\n\n第二章　晴\n\n早上到了。\n"
    return import_story(text.encode(), "rain.txt", max_bytes=1 << 20)


@pytest.mark.parametrize(
    ("opening", "language", "ids"),
    [
        ("慎入", "zh", set()),
        ("【慎入】", "zh", set()),
        ("雷者慎入", "zh", set()),
        ("OOC预警", "zh", set()),
        ("注意避雷", "zh", set()),
        ("不喜勿喷", "zh", set()),
        ("人物属于原作，OOC属于我", "zh", set()),
        ("预警：死亡、自残\n不喜勿喷", "zh", {"death", "self-harm"}),
        ("*预警：死亡\n*私设如山", "zh", {"death"}),
        ("【避雷】\n·角色死亡\n·私设如山", "zh", {"death"}),
        ("不喜勿噴，雷者慎入", "zh", set()),
        ("열람 주의", "ko", set()),
        ("캐붕 주의", "ko", set()),
        ("트리거 워닝", "ko", set()),
        ("열람에 주의 바랍니다", "ko", set()),
        ("주의: 사망 소재\n불호 시 뒤로가기", "ko", {"death"}),
        ("트리거 워닝: 자해, 사망\n캐붕 주의", "ko", {"death", "self-harm"}),
    ],
)
def test_chinese_and_korean_notices_are_notes_and_declare_what_they_name(
    opening: str, language: str, ids: set[str]
) -> None:
    story = _opening_in(opening, language)
    first = story.chapters[0]
    assert first.paragraphs == (STORY_KO if language == "ko" else STORY_ZH)
    assert first.notes == [opening]
    assert set(map_texts(first.declared_warnings).ids) == ids
    assert story.chapters[1].declared_warnings == []


@pytest.mark.parametrize(
    ("line", "language"),
    [
        ("「慎入」他说。", "zh"),
        ("他不喜欢这样。", "zh"),
        ("私设的规矩很多。", "zh"),
        ("手机上弹出了暴雨预警。", "zh"),
        ("발밑 주의", "ko"),
        ("그는 주의 깊게 보았다.", "ko"),
        ('"열람 주의"라고 적혀 있었다.', "ko"),
        ("뒤로 가기 버튼을 눌렀다.", "ko"),
    ],
)
def test_chinese_and_korean_story_lines_with_the_same_words_stay_text(line: str, language: str) -> None:
    first = _opening_in(line, language).chapters[0]
    assert first.paragraphs == [line, *(STORY_KO if language == "ko" else STORY_ZH)]
    assert first.notes == []
