"""A table in a story's text (a list a character reads out) was posted as Markdown's raw rows and
rule, or cell by cell as paragraphs; a printed dedication set over three lines ("TO" / "MY DEAR
FRIEND" / "HOMMY-BEG") was a first chapter."""

from __future__ import annotations

import pytest

from bot.story.importer import import_story
from bot.story.model import Story

ROWS = "Item | Qty\nSocks | 4\nTea | 1 tin"


def read(text: str, name: str) -> Story:
    return import_story(text.encode(), name, max_bytes=1 << 20)


def test_a_markdown_table_is_its_rows() -> None:
    text = "# Inventory\n\nHe handed over the list.\n\n| Item  | Qty   |\n|-------|-------|\n| Socks | 4     |\n| Tea   | 1 tin |\n\nBea counted twice.\n"
    assert read(text, "story.md").chapters[0].paragraphs == ["He handed over the list.", ROWS, "Bea counted twice."]


def test_a_line_between_bars_is_text() -> None:
    text = "He wrote:\n\n| never again |\n\nand left.\n"
    assert "| never again |" in read(text, "story.md").chapters[0].paragraphs


def test_an_html_table_is_its_rows() -> None:
    page = (
        "<html><body><h1>Inventory</h1><p>He handed over the list.</p><table><tr><th>Item</th><th>Qty</th></tr>"
        "<tr><td>Socks</td><td>4</td></tr><tr><td>Tea</td><td>1 tin</td></tr></table><p>Bea counted twice.</p></body></html>"
    )
    assert read(page, "page.html").chapters[0].paragraphs == ["He handed over the list.", ROWS, "Bea counted twice."]


def test_a_table_laying_out_the_page_is_read_as_before() -> None:
    page = "<html><body><table><tr><td><p>The first paragraph.</p><p>The second.</p></td></tr></table></body></html>"
    assert read(page, "page.html").chapters[0].paragraphs == ["The first paragraph.", "The second."]


@pytest.mark.parametrize("lines", [["TO", "MY DEAR FRIEND", "HOMMY-BEG"], ["For", "my mother"]])
def test_a_dedication_set_over_lines(lines: list[str]) -> None:
    text = (
        "DRACULA\n\nBY\n\nBRAM STOKER\n\n\n\n"
        + "\n\n".join(lines)
        + "\n\n\n\nCHAPTER I\n\nLeft Munich.\n\nCHAPTER II\n\nThe castle.\n"
    )
    story = read(text, "book.txt")
    assert [chapter.paragraphs for chapter in story.chapters] == [["Left Munich."], ["The castle."]]
    assert any(note.startswith("Dedication:") for note in story.meta.notes)
