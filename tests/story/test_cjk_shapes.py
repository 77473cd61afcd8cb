"""Stories in Chinese, Japanese and Korean read as the same story in English does: a title over
its byline ("灯塔" / "作者：玛拉", "夏目漱石 著", "김하늘 지음") is the title and the author, asides
set off by reference marks ("※注意※ 死ネタあり") are notes and declarations, and a chapter title in
brackets straight after its number ("第二章「清晨」") or a numbered side story ("番外1", "외전 2")
is a heading. A short first paragraph of the story stays story text.
"""

from __future__ import annotations

import pytest

from bot.story.importer import import_story
from bot.story.model import Story

LIMIT = 8 * 1024 * 1024


def load(text: str, filename: str = "upload.txt") -> Story:
    return import_story(text.encode("utf-8"), filename, max_bytes=LIMIT)


def md(text: str) -> str:
    """The same story in Markdown: each chapter heading a level-two heading."""
    return "\n".join(f"## {line}" if line.startswith(("第", "제", "1화", "2화")) else line for line in text.split("\n"))


BYLINES = [
    ("灯塔", "作者：玛拉", "玛拉", "第一章", "第二章"),
    ("灯塔", "文/玛拉", "玛拉", "第一章", "第二章"),
    ("灯台守の夜", "作：山田花子", "山田花子", "第1話", "第2話"),
    ("灯台守の夜", "著：山田 花子", "山田 花子", "第1話", "第2話"),
    ("こころ", "夏目漱石 著", "夏目漱石", "第一章", "第二章"),
    ("등대", "작가: 김하늘", "김하늘", "제1화", "제2화"),
    ("등대", "글: 김하늘", "김하늘", "1화", "2화"),
    ("등대", "김하늘 지음", "김하늘", "제1장", "제2장"),
]


@pytest.mark.parametrize("gap", ["\n", "\n\n"])
@pytest.mark.parametrize("markdown", [False, True])
@pytest.mark.parametrize(("title", "byline", "author", "first", "second"), BYLINES)
def test_a_title_over_its_byline_is_the_title_and_the_author(
    title: str, byline: str, author: str, first: str, second: str, gap: str, markdown: bool
) -> None:
    text = f"{title}{gap}{byline}\n\n{first}\n\n那天晚上，海上起了风暴。\n\n{second}\n\n天亮了。\n"
    story = load(md(text), "story.md") if markdown else load(text)
    assert (story.meta.title, story.meta.author) == (title, author)
    assert [chapter.paragraphs for chapter in story.chapters] == [["那天晚上，海上起了风暴。"], ["天亮了。"]]


def test_a_title_in_sentence_case_over_an_author_field() -> None:
    story = load("The lantern keeper\nAuthor: Mara Quill\n\nChapter 1\n\nIt rained.\n\nChapter 2\n\nNobody came.\n")
    assert (story.meta.title, story.meta.author) == ("The lantern keeper", "Mara Quill")
    assert story.chapters[0].paragraphs == ["It rained."]


@pytest.mark.parametrize(
    "first",
    [
        "他醒了。",
        "他说：“走吧。”\n作者：玛拉",
        "바다는 조용했다.",
    ],  # "雨夜" alone is a title (test_title_over_chapter34)
)
def test_a_short_first_paragraph_stays_story_text(first: str) -> None:
    story = load(f"{first}\n\n第一章\n\n那天晚上。\n\n第二章\n\n天亮了。\n")
    assert story.meta.author is None
    assert story.chapters[0].paragraphs == [first]


JAPANESE = """灯台守の夜
作：山田花子

※この作品はフィクションです。実在の人物・団体とは関係ありません。
※無断転載禁止

※注意※ 死ネタあり

第1話　嵐の夜

※注意※ 今回は流血表現あり

その夜、海は荒れていた。

第2話　朝

※今回は短めです。

朝が来た。

※次回は来週です。
"""


@pytest.mark.parametrize("markdown", [False, True])
def test_asides_set_off_by_reference_marks_are_notes_and_declarations(markdown: bool) -> None:
    story = load(md(JAPANESE), "story.md") if markdown else load(JAPANESE)
    assert (story.meta.title, story.meta.author) == ("灯台守の夜", "山田花子")
    assert story.meta.notes == ["※この作品はフィクションです。実在の人物・団体とは関係ありません。\n※無断転載禁止"]
    assert [warning.split()[-1] for warning in story.meta.declared_warnings] == ["死ネタあり"]
    first, second = story.chapters
    assert (first.title, first.paragraphs, first.notes) == (
        "嵐の夜",
        ["その夜、海は荒れていた。"],
        ["※注意※ 今回は流血表現あり"],
    )
    assert first.declared_warnings
    assert (second.paragraphs, second.notes) == (["朝が来た。"], ["※今回は短めです。", "※次回は来週です。"])


@pytest.mark.parametrize("line", ["【注意】死ネタあり", "※注意※ 死ネタ、流血表現", "※ 注意：流血表現あり ※"])
def test_a_label_framed_by_reference_marks_or_brackets_declares(line: str) -> None:
    story = load(f"灯塔\n作者：玛拉\n\n{line}\n\n第一章\n\n那天晚上。\n\n第二章\n\n天亮了。\n")
    assert story.meta.declared_warnings
    assert [chapter.paragraphs for chapter in story.chapters] == [["那天晚上。"], ["天亮了。"]]


def test_a_framed_label_over_no_warning_stays_story_text() -> None:
    story = load("第一章\n\n【注意】この先は階段が急です\n\n那天晚上。\n\n第二章\n\n天亮了。\n")
    assert story.chapters[0].paragraphs == ["【注意】この先は階段が急です", "那天晚上。"]
    assert not story.chapters[0].declared_warnings


HEADINGS = """序章

海は静かだった。

第二章「清晨」

天亮了。

第3話【朝】

朝が来た。

제4화〈귀환〉

그가 돌아왔다.

第５章　雪の夜

雪が降った。

番外1　ある日の午後

おまけ。

외전 2. 어느 오후

덤.
"""


@pytest.mark.parametrize("markdown", [False, True])
def test_cjk_headings_with_bracketed_titles_and_numbered_side_stories(markdown: bool) -> None:
    story = load(md(HEADINGS), "story.md") if markdown else load(HEADINGS)
    titles = [chapter.title for chapter in story.chapters]
    assert titles == ["序章", "清晨", "朝", "귀환", "雪の夜", "番外 1: ある日の午後", "외전 2: 어느 오후"]
    assert [len(chapter.paragraphs) for chapter in story.chapters] == [1] * 7


@pytest.mark.parametrize("line", ["番外一个人走了很远", "閑話休題", "1화에서 그는 떠났다"])
def test_a_sentence_starting_like_a_heading_stays_text(line: str) -> None:
    story = load(f"第一章\n\n那天晚上。\n\n{line}\n\n第二章\n\n天亮了。\n")
    assert story.chapters[0].paragraphs == ["那天晚上。", line]
