"""Chinese, Japanese and Korean declarations without a label: a marker after or before the warning words.

The most common Japanese forms put the word first and a marker after it ("※死ネタ注意", "死ネタあり",
"流血表現あり", "自傷描写を含みます") or list hashtags ("#死ネタ #流血"); Chinese writes "含死亡描写",
"有血腥描写慎入", "死亡预警"; Korean "자살 주의", "사망 묘사 있음", "자해 트리거 주의". Before, only a
label before the words ("注意：死ネタ") was read: these lines in a story's header, a chapter's notes or
an AO3 or EPUB note were plain notes, or posted as story text, and warned nobody. A sentence of the
story using the same words ("彼は死ネタが苦手だ": a reader's taste) still declares nothing.
"""

from __future__ import annotations

import pytest

from bot.story.importer import import_story
from bot.story.text_declarations import declaration_line, declaration_paragraph, extract_declarations
from bot.warnings.declared import map_texts, marked_list
from tests.story.builders import Ao3Chapter, Ao3Work, ao3_epub, ao3_html

LIMIT = 1 << 20

MARKED = [
    ("※死ネタ注意", {"death"}),
    ("死ネタあり", {"death"}),
    ("流血表現あり", {"blood-gore"}),
    ("暴力表現有り", {"violence"}),
    ("自傷描写を含みます", {"self-harm"}),
    ("モブレ注意", {"sexual-abuse"}),
    ("死ネタ・流血表現あり", {"death", "blood-gore"}),
    ("死ネタと流血表現があります。", {"death", "blood-gore"}),
    ("今回は流血表現あり", {"blood-gore"}),
    ("#死ネタ #流血", {"death", "blood-gore"}),
    ("＃自殺　＃自傷", {"suicide", "self-harm"}),
    ("含死亡描写", {"death"}),
    ("有血腥描写慎入", {"blood-gore"}),
    ("本章含死亡、血腥描写", {"death", "blood-gore"}),
    ("自杀和自残预警", {"suicide", "self-harm"}),
    ("死亡描寫慎入", {"death"}),
    ("자살 주의", {"suicide"}),
    ("사망 묘사 있음", {"death"}),
    ("이번 화에는 폭력 묘사 있음", {"violence"}),
    ("자살 및 자해 언급 주의", {"suicide", "self-harm"}),
    ("자해 트리거 주의", {"self-harm"}),
]


@pytest.mark.parametrize(("line", "expected"), MARKED)
def test_a_line_of_warning_words_and_markers_declares(line: str, expected: set[str]) -> None:
    assert marked_list(line)
    assert declaration_line(line)
    assert declaration_paragraph(line)
    declared = extract_declarations(line)[0]
    assert len(declared) == 1
    result = map_texts(declared)
    assert set(result.ids) == expected and result.unmapped == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("주의: 사망 묘사 있음", {"death"}),
        ("트리거 주의: 자해", {"self-harm"}),
        ("閲覧注意：グロ", {"blood-gore"}),
        ("下一章有血腥描写，慎入", {"blood-gore"}),
        ("流血表現があります。ご注意ください。", {"blood-gore"}),
    ],
)
def test_a_label_with_markers_or_a_marker_sentence_beside_it_is_a_whole_declaration(
    text: str, expected: set[str]
) -> None:
    """ "주의: 사망 묘사 있음" was read as a label over "사망 묘사 있음", two words too many for a list of
    warnings, so a chapter opening with it posted it as story text; "ご注意ください" alone adds nothing."""
    assert declaration_paragraph(text)
    assert set(map_texts(extract_declarations(text)[0]).ids) == expected


@pytest.mark.parametrize(
    ("prose", "declaration"),
    [
        ("注意して歩いた", "死ネタ注意"),
        ("彼は死ネタが苦手だ", "死ネタあり"),
        ("彼女は注意深く死体を見た。", "流血注意"),
        ("死ネタ地雷の人もいる", "死ネタ注意"),
        ("死亡描写", "死亡描写あり"),
        ("流血", "流血あり"),
        ("#死ネタ #ハピエン", "#死ネタ #流血"),
        ("他有死亡的恐惧。", "含死亡描写"),
        ("有毒品。", "含毒品"),
        ("有人死了。", "含死亡描写"),
        ("血腥味很重，他皱眉。", "血腥预警"),
        ("有暴力倾向的男人", "有暴力描写慎入"),
        ("注意一下", "自残注意"),
        ("그는 죽음을 두려워했다.", "죽음 주의"),
        ("사망했다.", "사망 묘사 있음"),
        ("주의하세요", "자살 주의"),
        ("트리거 주의", "자해 트리거 주의"),
    ],
)
def test_a_sentence_or_a_bare_word_with_the_same_words_declares_nothing(prose: str, declaration: str) -> None:
    """Every piece must be a warning word once its markers are off, and one marker must be there:
    a sentence keeps verbs and particles ("が苦手だ"), a bare "死亡描写" or "流血" may be a title, and
    a hashtag that is no warning ("#ハピエン") makes the line the author's tags, not a declaration.
    Beside each, the declaration with the same words that does declare."""
    assert extract_declarations(declaration)[0] == [declaration]
    assert not marked_list(prose)
    assert not declaration_line(prose)
    assert not declaration_paragraph(prose)
    assert extract_declarations(prose)[0] == []


def test_a_marked_sentence_in_a_summary_is_declared_and_the_rest_stays() -> None:
    declared, before, after = extract_declarations("灯台守の少女の話です。死ネタあり。よろしくお願いします。")
    assert (declared, before, after) == (["死ネタあり"], "灯台守の少女の話です。", "よろしくお願いします。")


def _chapter_ids(text: str, filename: str) -> list[set[str]]:
    story = import_story(text.encode(), filename, max_bytes=LIMIT)
    return [set(map_texts(chapter.declared_warnings).ids) for chapter in story.chapters]


JAPANESE = (
    "灯台守の夜\n作：山田花子\n\n第1話\n\nその夜、海は荒れていた。\n\n彼は死ネタが苦手だ。\n\n"
    "第2話\n\n※流血表現あり\n\n朝が来た。\n\n注意して歩いた。\n\n次回、自傷描写を含みます\n\n"
    "第3話\n\n夜になった。\n"
)
CHINESE = (
    "标题：灯塔\n作者：玛拉\n\n第一章\n\n她在春天来到岛上。\n\n第二章\n\n含死亡描写\n\n"
    "夜里暴风雨来了。他有死亡的恐惧。\n\n下一章有血腥描写，慎入\n\n第三章\n\n海很平静。\n"
)
KOREAN = (
    "제목: 등대\n작가: 마라\n\n제1화\n\n그녀는 봄에 섬에 왔다.\n\n제2화\n\n주의: 사망 묘사 있음\n\n"
    "밤에 폭풍이 왔다.\n\n제3화\n\n자해 트리거 주의\n\n바다는 잔잔했다.\n"
)


def test_japanese_chapter_declarations_in_a_text_file_warn_for_their_chapters() -> None:
    """ "※流血表現あり" opening chapter 2 warns for it, "次回、自傷描写を含みます" closing it for chapter 3;
    the sentences using the same words stay the story's."""
    assert _chapter_ids(JAPANESE, "todai.txt") == [set(), {"blood-gore"}, {"self-harm"}]
    story = import_story(JAPANESE.encode(), "todai.txt", max_bytes=LIMIT)
    assert story.chapters[0].paragraphs == ["その夜、海は荒れていた。", "彼は死ネタが苦手だ。"]
    assert story.chapters[1].paragraphs == ["朝が来た。", "注意して歩いた。"]


def test_chinese_chapter_declarations_in_a_text_file_warn_for_their_chapters() -> None:
    assert _chapter_ids(CHINESE, "dengta.txt") == [set(), {"death"}, {"blood-gore"}]
    story = import_story(CHINESE.encode(), "dengta.txt", max_bytes=LIMIT)
    assert story.chapters[1].paragraphs == ["夜里暴风雨来了。他有死亡的恐惧。"]


def test_korean_chapter_declarations_in_a_text_file_warn_for_their_chapters() -> None:
    assert _chapter_ids(KOREAN, "deungdae.txt") == [set(), {"death"}, {"self-harm"}]
    story = import_story(KOREAN.encode(), "deungdae.txt", max_bytes=LIMIT)
    assert [chapter.paragraphs for chapter in story.chapters] == [
        ["그녀는 봄에 섬에 왔다."],
        ["밤에 폭풍이 왔다."],
        ["바다는 잔잔했다."],
    ]


def test_a_hashtag_line_in_a_story_header_declares_for_the_story() -> None:
    text = "灯台守の夜\n作：山田花子\n\n#死ネタ #流血\n\n第1話\n\nその夜。\n\n第2話\n\n朝。\n"
    story = import_story(text.encode(), "todai.txt", max_bytes=LIMIT)
    assert set(map_texts(story.meta.declared_warnings).ids) == {"death", "blood-gore"}
    assert [chapter.paragraphs for chapter in story.chapters] == [["その夜。"], ["朝。"]]


def _marked_work() -> Ao3Work:
    return Ao3Work(
        title="灯台",
        author="hanako",
        archive_warnings=["No Archive Warnings Apply"],
        additional_tags=["Fluff"],
        summary="灯台守の話。死ネタあり。",
        notes=None,
        end_notes=None,
        chapters=[
            Ao3Chapter("Chapter 1", ["その夜、海は荒れていた。"]),
            Ao3Chapter(
                "Chapter 2", ["朝が来た。"], notes="※流血表現あり\n\nいつも読んでくださってありがとうございます。"
            ),
            Ao3Chapter("Chapter 3", ["夜になった。"]),
        ],
    )


@pytest.mark.parametrize("kind", ["html", "epub"])
def test_ao3_notes_with_marked_declarations_warn(kind: str) -> None:
    """The work's summary declares for the story, a chapter's note for its chapter, in the download
    and its EPUB alike."""
    work = _marked_work()
    data = ao3_html(work).encode() if kind == "html" else ao3_epub(work)
    story = import_story(data, f"work.{kind}", max_bytes=LIMIT)
    assert set(map_texts(story.meta.declared_warnings).ids) == {"death"}
    assert [set(map_texts(chapter.declared_warnings).ids) for chapter in story.chapters] == [
        set(),
        {"blood-gore"},
        set(),
    ]
