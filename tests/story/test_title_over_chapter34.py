"""A file's first line straight over its first chapter heading is the title, in any case or script.

A Title Case line there was always the title ("Snow by the River" over "Chapter 1"); a title in
sentence case ("Снег у реки", "La casa del río", "the weight of small things") or in a script
without capitals ("雨夜", "ثلج عند النهر") stayed a chapter of one line before the first one.
A line that ends as a sentence does, or one with more lines, is still story text.
"""

from __future__ import annotations

import pytest

from bot.story.importer import import_story

LIMIT = 1 << 20


def _load(text: str, name: str = "story.txt"):
    return import_story(text.encode("utf-8"), name, max_bytes=LIMIT)


@pytest.mark.parametrize(
    ("title", "first", "second"),
    [
        ("Снег у реки", "Глава 1", "Глава 2"),
        ("La casa del río", "Capítulo 1", "Capítulo 2"),
        ("the weight of small things", "Chapter 1", "Chapter 2"),
        ("雨夜", "第一章", "第二章"),
        ("川辺の雪", "第一章", "第二章"),
        ("ثلج عند النهر", "الفصل 1", "الفصل 2"),
    ],
)
def test_the_first_line_over_a_chapter_heading_is_the_title(title: str, first: str, second: str) -> None:
    story = _load(f"{title}\n\n{first}\n\nThe first chapter's text.\n\n{second}\n\nThe second chapter's text.\n")
    assert story.meta.title == title
    assert [chapter.paragraphs for chapter in story.chapters] == [
        ["The first chapter's text."],
        ["The second chapter's text."],
    ]


@pytest.mark.parametrize(
    "first",
    [
        "It rained all night.",  # a sentence
        "他醒了。",
        "“Wait,” she said",  # a line of dialogue
        "The rain came\nand nobody answered",  # two lines: verse, not a title
    ],
)
def test_a_sentence_over_the_first_chapter_heading_stays_text(first: str) -> None:
    story = _load(f"{first}\n\nChapter 1\n\nThe first chapter's text.\n\nChapter 2\n\nThe second chapter's text.\n")
    assert story.meta.title == "story"
    assert story.chapters[0].paragraphs == [first]


def test_a_line_over_text_is_not_taken_for_a_title() -> None:
    story = _load("雨夜\n\n那天晚上，海上起了风暴。\n\n第一章\n\n天亮了。\n")
    assert story.meta.title == "story"
