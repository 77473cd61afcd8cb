"""Stories in other languages and classics as clubs get them, each read wrongly before: a Japanese
"【注意】" list over the first chapter vanished (its warnings with it); Chinese "作者有话要说",
Portuguese "Notas Iniciais:" / "Notas Finais:" were story text; a Narou arc over its first episode
("第一章" over "第一話") got the file refused; a Ficbook header with "Фэндом" and "Бета" was a
first chapter; Project Gutenberg's HTML with an ``<a id="preface">`` was refused as an AO3 file,
its page numbers ran into the text, its contents table got it refused and its list of
illustrations was a chapter."""

from __future__ import annotations

import pytest

from tests.story.builders import read_text as read


def test_a_notice_list_over_the_first_chapter_declares_its_warnings() -> None:
    text = "星降る夜の図書館\n作者：月見里しおり\n\n【注意】\n・死ネタ\n・流血表現\n\n第一話　来訪者\n\n午前零時。\n\n第二話　少年\n\n少年は名乗った。\n"
    story = read(text)
    assert story.meta.declared_warnings == ["注意: 死ネタ, 流血表現"]
    assert [chapter.paragraphs for chapter in story.chapters] == [["午前零時。"], ["少年は名乗った。"]]


@pytest.mark.parametrize(
    ("text", "notes"),
    [
        ("第一章 破庙\n\n雨下得很大。\n\n作者有话要说：开新文啦！\n\n第二章 刺客\n\n男人醒来了。\n", ["开新文啦！"]),
        (
            "Capítulo 1\n\nNotas Iniciais: Oi gente!\n\nA casa cheirava a sal.\n\nNotas Finais: Até logo!\n\nCapítulo 2\n\nChoveu.\n",
            ["Oi gente!", "Até logo!"],
        ),
    ],
)
def test_notes_under_their_own_languages_labels(text: str, notes: list[str]) -> None:
    story = read(text)
    assert story.chapters[0].notes == notes
    assert len(story.chapters[0].paragraphs) == 1


def test_an_arc_over_its_first_episode_is_no_empty_chapter() -> None:
    text = "第一章　はじまり\n\n第一話　来訪者\n\n午前零時。\n\n第二話　少年\n\n少年は名乗った。\n"
    assert [chapter.title for chapter in read(text).chapters] == ["はじまり — 来訪者", "少年"]


def test_an_empty_chapter_heading_is_still_refused() -> None:
    with pytest.raises(Exception, match="no story text under it"):
        read("Chapter 1\n\nChapter 2\n\nText.\n")


def test_a_ficbook_header() -> None:
    text = (
        "Последний трамвай\nНаправленность: Джен\nАвтор: СеверныйВетер\nБета: Лисичка_17\nФэндом: Ориджиналы\n"
        "Рейтинг: R\nПредупреждения: Насилие\n\nОписание:\nМальчик ищет брата.\n\nГлава 1. Депо\n\nТрамвай пришёл.\n\n"
        "Глава 2. Конечная\n\nКонец.\n"
    )
    story = read(text)
    assert (story.meta.title, story.meta.author, story.meta.rating) == ("Последний трамвай", "СеверныйВетер", "R")
    assert story.meta.summary == "Мальчик ищет брата."
    assert story.meta.declared_warnings == ["Предупреждения: Насилие"]
    assert [chapter.title for chapter in story.chapters] == ["Депо", "Конечная"]


GUTENBERG_HTML = """<html><body><h1>THE ADVENTURES OF TOM SAWYER</h1>
<div class="chapter"><h2><a id="toc"></a>CONTENTS</h2><table summary="Contents">
<tr><td><a href="#preface">PREFACE</a></td><td class="tdr"><a href="#Page_5">5</a></td></tr>
<tr><td><a href="#chap01">CHAPTER I.</a> Y-o-u-u Tom</td><td class="tdr"><a href="#Page_17">17</a></td></tr>
<tr><td><a href="#chap02">CHAPTER II.</a> Strong Temptations</td><td class="tdr"><a href="#Page_27">27</a></td></tr>
</table></div>
<div class="chapter"><h2><a id="illus"></a>ILLUSTRATIONS</h2><ul><li><a href="#i_001">Tom Sawyer</a></li>
<li><a href="#i_002">Tom at Home</a></li></ul></div>
<div class="chapter"><h2><a id="preface"></a>PREFACE</h2><p>Most of the adventures recorded in this book really occurred.</p></div>
<div class="chapter"><h2><a id="chap01"></a>CHAPTER I.</h2>
<p><span class="pagenum"><a id="Page_17">[Pg 17]</a></span>“TOM!”</p>
<p>She turned just in<span class="pagenum"><a id="Page_18">[Pg 18]</a></span> time.</p></div>
<div class="chapter"><h2><a id="chap02"></a>CHAPTER II.</h2><p>Saturday morning was come.</p></div>
</body></html>"""


def test_a_gutenberg_html_book() -> None:
    story = read(GUTENBERG_HTML, "tom.html")
    assert [chapter.title for chapter in story.chapters] == ["Preface", None, None]
    assert [chapter.paragraphs for chapter in story.chapters][1:] == [
        ["“TOM!”", "She turned just in time."],
        ["Saturday morning was come."],
    ]


@pytest.mark.parametrize(
    "text",
    [
        "الفصل الأول\n\nكانت الشمس تغيب خلف المآذن.\n\nالفصل الثاني\n\nفي السوق القديم سألت كل بائع.\n",
        "פרק ראשון\n\nהבית עמד על הצוק.\n\nפרק שני\n\nהים היה שקט באותו לילה.\n",
    ],
)
def test_arabic_and_hebrew_chapters_in_words(text: str) -> None:
    story = read(text)
    assert len(story.chapters) == 2
    assert all(len(chapter.paragraphs) == 1 for chapter in story.chapters)
