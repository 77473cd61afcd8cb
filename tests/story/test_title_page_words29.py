"""Title pages in other words than the ones read before: a rights line in the writer's language
under the title ("Todos los derechos reservados.") made the title page a first chapter and its
warnings that chapter's; "Summary" alone on its line over the summary; a one-word pen name after a
"by" in another language ("von Nachtfalter", "oleh senja_kelabu")."""

from __future__ import annotations

import pytest

from bot.story.importer import import_story
from bot.story.model import Story

CHAPTERS = "Capítulo 1\n\nEl faro.\n\nCapítulo 2\n\nEsa noche.\n"


def read(text: str) -> Story:
    return import_story(text.encode(), "story.txt", max_bytes=1 << 20)


@pytest.mark.parametrize("rights", ["Todos los derechos reservados.", "All rights reserved.", "Tous droits réservés."])
def test_a_rights_line_under_the_title(rights: str) -> None:
    story = read(f"LA CHICA DEL FARO\n\n{rights}\n\nAdvertencias: autolesiones.\n\n{CHAPTERS}")
    assert story.meta.title == "LA CHICA DEL FARO"
    assert story.meta.declared_warnings == ["Advertencias: autolesiones."]
    assert [chapter.paragraphs for chapter in story.chapters] == [["El faro."], ["Esa noche."]]
    assert story.chapters[0].declared_warnings == []


def test_a_summary_label_alone_over_its_text() -> None:
    story = read(f"Inquiry\nby yunshen\n\nSummary\n\n战后第十六年，含光君依旧每夜问灵。\n\n{CHAPTERS}")
    assert story.meta.summary == "战后第十六年，含光君依旧每夜问灵。"
    assert [chapter.paragraphs for chapter in story.chapters] == [["El faro."], ["Esa noche."]]


def test_summary_alone_in_a_story_stays_text() -> None:
    story = read("Capítulo 1\n\nEl faro.\n\nSummary\n\nThe lamp went out.\n\nCapítulo 2\n\nEsa noche.\n")
    assert story.chapters[0].paragraphs == ["El faro.", "Summary", "The lamp went out."]


@pytest.mark.parametrize(
    ("line", "author"), [("von Nachtfalter", "Nachtfalter"), ("oleh senja_kelabu", "senja_kelabu")]
)
def test_a_one_word_pen_name_after_a_by_in_another_language(line: str, author: str) -> None:
    story = read(f"Das Haus am See\n{line}\n\n{CHAPTERS}")
    assert (story.meta.title, story.meta.author) == ("Das Haus am See", author)


def test_a_dedication_that_opens_like_a_by_line_is_no_author() -> None:
    story = read(f"Das Haus am See\nVon Herzen\n\n{CHAPTERS}")
    assert story.meta.author is None
