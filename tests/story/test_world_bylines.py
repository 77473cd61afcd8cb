"""Bylines in the languages whose chapter headings Dogear reads ("von Anna Schmidt", "par
Camille Moreau"): the author is read as an English "by" line is, and a first paragraph that
only starts with the same word ("Von diesem Tag an ...") stays story text.
"""

from __future__ import annotations

import pytest

from bot.story.importer import import_story
from bot.story.model import Story

LIMIT = 8 * 1024 * 1024


def load(text: str, filename: str = "upload.txt") -> Story:
    return import_story(text.encode("utf-8"), filename, max_bytes=LIMIT)


@pytest.mark.parametrize(
    ("title", "byline", "author", "label"),
    [
        ("Der lange Weg", "von Anna Schmidt", "Anna Schmidt", "Kapitel"),
        ("Der lange Weg", "geschrieben von Anna Schmidt", "Anna Schmidt", "Kapitel"),
        ("La Maison du phare", "par Camille Moreau", "Camille Moreau", "Chapitre"),
        ("La casa del faro", "escrito por Lucía Vega", "Lucía Vega", "Capítulo"),
        ("La casa del faro", "de Ana de la Cruz", "Ana de la Cruz", "Capítulo"),
        ("Il lungo inverno", "di Giulia Neri", "Giulia Neri", "Capitolo"),
        ("De lange weg", "door Pieter van Dam", "Pieter van Dam", "Hoofdstuk"),
        ("Den långa vägen", "av Astrid Lind", "Astrid Lind", "Kapitel"),
        ("Den lange vej", "af Mette Holm", "Mette Holm", "Kapitel"),
        ("Długa droga", "przez Jan Nowak", "Jan Nowak", "Rozdział"),
        ("Dlouhá cesta", "od Jana Nováka", "Jana Nováka", "Kapitola"),
        ("Den långa vägen", "Författare: Astrid Lind", "Astrid Lind", "Kapitel"),
        ("Długa droga", "autor: Jan Nowak", "Jan Nowak", "Rozdział"),
        ("La casa del faro", "por @lunita_22", "lunita_22", "Capítulo"),
    ],
)
def test_a_byline_in_another_language_names_the_author(title: str, byline: str, author: str, label: str) -> None:
    text = f"{title}\n\n{byline}\n\n{label} 1\n\nIl pleuvait.\n\n{label} 2\n\nPersonne.\n"
    story = load(text)
    assert (story.meta.title, story.meta.author) == (title, author)
    assert [chapter.paragraphs for chapter in story.chapters] == [["Il pleuvait."], ["Personne."]]


def test_a_byline_on_the_line_under_the_title() -> None:
    story = load("La casa del faro\nescrito por Lucía Vega\n\nCapítulo 1\n\nEra de noche.\n\nCapítulo 2\n\nNadie.\n")
    assert (story.meta.title, story.meta.author) == ("La casa del faro", "Lucía Vega")
    assert story.chapters[0].paragraphs == ["Era de noche."]


def test_a_markdown_byline_in_emphasis() -> None:
    text = "# Der lange Weg\n\n*von Anna Schmidt*\n\n## Kapitel 1\n\nEs war kalt.\n\n## Kapitel 2\n\nNiemand kam.\n"
    story = load(text, "weg.md")
    assert (story.meta.title, story.meta.author) == ("Der lange Weg", "Anna Schmidt")
    assert [chapter.paragraphs for chapter in story.chapters] == [["Es war kalt."], ["Niemand kam."]]


@pytest.mark.parametrize(
    "first",
    [
        "Von diesem Tag an ging Lena jeden Morgen zum Bahnhof, auch wenn kein Zug kam.",
        "Par une nuit sans lune, le gardien monta l'escalier.",
        "Par une nuit sans lune",
        "De pronto todo cambió",
        "Di notte",
        "Von Herzen",
        "De Madrid a Moscú",
        "Von Anfang an",
    ],
)
def test_prose_starting_with_a_byline_word_stays_story_text(first: str) -> None:
    story = load(f"Der Weg\n\n{first}\n\nKapitel 1\n\nEs war kalt.\n\nKapitel 2\n\nNiemand kam.\n")
    assert story.meta.author is None
    assert first in story.chapters[0].paragraphs
