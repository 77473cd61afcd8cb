"""Marks writers' tools leave in a story's text and title page, each posted or read as they were
before: Japanese readings ("|司書《ししょ》", pixiv's "[[rb:司書 > ししょ]]"), pixiv's "[chapter:...]"
and "[newpage]", Obsidian's "author: [[Kit Rowan]]", and a reader's stars ("Rating: ★★★★") taken
as the story's content rating."""

from __future__ import annotations

import pytest

from bot.story.importer import import_story
from bot.story.model import Story
from bot.story.ruby import readings_in_brackets
from tests.story.builders import epub_bytes, xhtml


def read(data: bytes | str, name: str = "story.txt") -> Story:
    return import_story(data.encode() if isinstance(data, str) else data, name, max_bytes=1 << 20)


@pytest.mark.parametrize(
    ("text", "read_as"),
    [
        ("|司書《ししょ》の葵", "司書（ししょ）の葵"),
        ("司書《ししょ》の葵", "司書（ししょ）の葵"),
        ("[[rb:司書 > ししょ]]の葵", "司書（ししょ）の葵"),
        ("[[jumpuri:ここ > https://example.com]]を見て", "ここを見て"),
        ("他最喜欢的书是《红楼梦》。", "他最喜欢的书是《红楼梦》。"),  # a Chinese book title, no reading
    ],
)
def test_readings_in_brackets(text: str, read_as: str) -> None:
    assert readings_in_brackets(text) == read_as


def test_a_pixiv_novel() -> None:
    text = "[chapter:はじまり]\n\n　[[rb:司書 > ししょ]]の葵は見回りをしていた。\n\n[newpage]\n\n　翌朝。\n\n[chapter:再会]\n\n　少年は名乗った。\n"
    story = read(text)
    assert [chapter.title for chapter in story.chapters] == ["はじまり", "再会"]
    assert [scene.paragraphs for scene in story.chapters[0].scenes] == [
        ["司書（ししょ）の葵は見回りをしていた。"],
        ["翌朝。"],
    ]


def test_an_obsidian_author_link() -> None:
    text = '---\ntitle: Ember & Ash\nauthor: "[[Kit Rowan]]"\ntags: [wip]\n---\n\n#wip\n\n## Chapter 1\n\nIt burned.\n\n## Chapter 2\n\nShe ran.\n'
    story = read(text, "story.md")
    assert (story.meta.title, story.meta.author, story.meta.additional_tags) == ("Ember & Ash", "Kit Rowan", ["wip"])


@pytest.mark.parametrize("stars", ["★★★★", "★★★☆☆", "4/5", "4.5 stars"])
def test_a_readers_stars_are_no_content_rating(stars: str) -> None:
    jacket = xhtml(
        '<div class="cbj_banner"><div class="cbj_title">A Book</div><div class="cbj_author">A. Writer</div>'
        '<table class="cbj_header"><tr><td class="cbj_label">Tags:</td><td class="cbj_content">Fiction</td></tr>'
        f'<tr class="cbj_rating"><td class="cbj_label">Rating:</td><td class="cbj_content">{stars}</td></tr></table></div>'
    )
    docs = [("jacket.xhtml", jacket), *((f"c{i}.xhtml", xhtml(f"<h1>Chapter {i}</h1><p>Text.</p>")) for i in (1, 2))]
    story = read(epub_bytes(docs, nav_points=[("Chapter 1", "c1.xhtml"), ("Chapter 2", "c2.xhtml")]), "book.epub")
    assert story.meta.rating is None


def test_a_content_rating_stays() -> None:
    assert read("Rating: Mature\n\nChapter 1\n\nText.\n\nChapter 2\n\nMore.\n").meta.rating == "Mature"
