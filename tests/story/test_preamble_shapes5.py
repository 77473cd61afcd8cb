"""Metadata labelled in the story's own language, and Obsidian callouts above the story.

A plain-text or Markdown file in Russian, Chinese, German or French labels its title, author,
summary and warnings in that language ("Автор:", "作者：", "Auteur :"); read as text, those
lines were the story's chapter 1 and the warnings were never declared.
"""

from __future__ import annotations

import pytest

from bot.story.importer import import_story
from bot.story.model import Story

LIMIT = 8 * 1024 * 1024


def _read(text: str, name: str = "story.txt") -> Story:
    return import_story(text.encode(), name, max_bytes=LIMIT)


def _paragraphs(story: Story) -> list[list[str]]:
    return [[p for scene in chapter.scenes for p in scene.paragraphs] for chapter in story.chapters]


@pytest.mark.parametrize(
    ("header", "title", "author", "summary", "declared", "chapters"),
    [
        (
            "Название: Белые ночи\nАвтор: Иван Петров\nОписание: Повесть о разлуке.\nПредупреждения: насилие",
            "Белые ночи",
            "Иван Петров",
            "Повесть о разлуке.",
            ["Предупреждения: насилие"],
            "Глава 1. Начало\n\nОн вышел из дома рано утром.\n\nГлава 2. Встреча\n\nОна ждала его у моста.",
        ),
        (
            "标题：春夜\n作者：李明\n简介：一个关于离别的故事。",
            "春夜",
            "李明",
            "一个关于离别的故事。",
            [],
            "第一章 离别\n\n他站在门口，看着雨一直下。\n\n第二章 重逢\n\n十年后，他们再次相遇。",
        ),
        (
            "Titel: Der lange Winter\nAutor: Anna Schmidt\nZusammenfassung: Schnee und Verlust.\nWarnungen: Tod",
            "Der lange Winter",
            "Anna Schmidt",
            "Schnee und Verlust.",
            ["Warnungen: Tod"],
            "Kapitel 1: Der Anfang\n\nEs schneite seit drei Tagen.\n\nKapitel 2: Das Ende\n\nDer Frühling kam.",
        ),
        (
            "Titre : La maison du lac\nAuteur : Marie Dupont\nRésumé : Un secret.\nAvertissements : violence",
            "La maison du lac",
            "Marie Dupont",
            "Un secret.",
            ["Avertissements : violence"],
            "Chapitre 1 : L'arrivée\n\nNous sommes arrivés un mardi.\n\nChapitre 2 : Le secret\n\nMa grand-mère cachait tout.",
        ),
    ],
    ids=["russian", "chinese", "german", "french"],
)
def test_labels_in_the_story_language_are_metadata_not_chapter_one(
    header: str, title: str, author: str, summary: str, declared: list[str], chapters: str
) -> None:
    story = _read(f"{header}\n\n{chapters}\n")
    assert (story.meta.title, story.meta.author, story.meta.summary) == (title, author, summary)
    assert story.meta.declared_warnings == declared
    assert len(story.chapters) == 2
    assert all(chapter.title for chapter in story.chapters)
    assert not any(line in " ".join(map(" ".join, _paragraphs(story))) for line in header.split("\n"))


def test_a_label_in_another_language_needs_its_colon() -> None:
    """'Autor - ' or a dash after a foreign word is as likely to be a sentence as a label."""
    story = _read("Autor - so nannte man ihn im Dorf, und er hasste es.\n\nKapitel 1\n\nEs schneite.\n")
    assert story.meta.author is None
    assert _paragraphs(story)[0][0].startswith("Autor - so nannte")


def test_an_obsidian_warning_callout_above_the_story_is_declared() -> None:
    text = (
        "> [!warning] Content warnings\n> Self-harm, blood\n\n# The Quiet House\n\n"
        "## Chapter 1: Arrival\n\nMara arrived after dusk.\n\n## Chapter 2: The Cellar\n\nThe door was locked.\n"
    )
    story = _read(text, "story.md")
    assert story.meta.declared_warnings == ["Content warnings: Self-harm, blood"]
    assert story.meta.title == "The Quiet House"
    assert [chapter.title for chapter in story.chapters] == ["Arrival", "The Cellar"]
    assert _paragraphs(story) == [["Mara arrived after dusk."], ["The door was locked."]]


def test_a_callout_titled_by_a_label_or_kind_gives_that_field() -> None:
    text = (
        "> [!caution]- TW\n> Character death\n\n> [!abstract]\n> Two sisters, one winter.\n\n"
        "## Chapter 1\n\nThe funeral was on a Tuesday.\n"
    )
    story = _read(text, "story.md")
    assert story.meta.declared_warnings == ["TW: Character death"]
    assert story.meta.summary == "Two sisters, one winter."
    assert _paragraphs(story) == [["The funeral was on a Tuesday."]]


def test_a_callout_that_is_not_metadata_declares_nothing_and_is_kept() -> None:
    """A quote callout over the story is its epigraph, as a plain quote over its source is (a
    note the story's details show): its words are kept, and declare nothing."""
    text = "> [!quote] Old saying\n> The trees remember.\n\n## Chapter 1\n\nThe funeral was on a Tuesday.\n"
    story = _read(text, "story.md")
    assert story.meta.declared_warnings == []
    assert story.meta.notes == ["Epigraph: The trees remember.\n— Old saying"]
