"""A chapter's number and its title as book tools set them in HTML and EPUB chapters: in one
heading ("1<br>Low Water", "III. Spring Tide", "4 – Slack Water"), the number alone in a paragraph
over the title heading, or the heading only a number that the contents names in full ("<h1>Chapter
1</h1>" listed as "Chapter 1: Low Water"). The titles kept the number, were lost, or the number was
posted as a paragraph (or a chapter) of its own."""

from __future__ import annotations

import pytest

from bot.story.importer import import_story
from bot.story.model import Story
from tests.story.builders import epub_bytes, xhtml

TEXT = "<p>The gulls had gone quiet by the harbour wall.</p><p>She counted the boats twice.</p>"
NAMES = ["Low Water", "The Net Loft", "Spring Tide"]


def read_epub(headings: list[str], labels: list[str] | None = None) -> Story:
    docs = [(f"c{i}.xhtml", xhtml(f"{heading}{TEXT}")) for i, heading in enumerate(headings, 1)]
    points = [(label, f"c{i}.xhtml") for i, label in enumerate(labels or ["Start"], 1)]
    return import_story(epub_bytes(docs, nav_points=points), "book.epub", max_bytes=1 << 20)


def titles(story: Story) -> list[str | None]:
    return [chapter.title for chapter in story.chapters]


@pytest.mark.parametrize(
    "headings",
    [
        ["<h1>1<br/>Low Water</h1>", "<h1>2<br/>The Net Loft</h1>", "<h1>3<br/>Spring Tide</h1>"],
        [
            "<h1><span>ONE</span><br/><span>Low Water</span></h1>",
            "<h1>TWO<br/>The Net Loft</h1>",
            "<h1>Three<br/>Spring Tide</h1>",
        ],
        ["<h1>I. Low Water</h1>", "<h1>II. The Net Loft</h1>", "<h1>III. Spring Tide</h1>"],
        ["<h1>1 – Low Water</h1>", "<h1>2 – The Net Loft</h1>", "<h1>3 – Spring Tide</h1>"],
        [
            '<p class="chapter-number">1</p><h1>Low Water</h1>',
            "<p>2</p><h1>The Net Loft</h1>",
            "<p>3</p><h1>Spring Tide</h1>",
        ],
    ],
)
def test_the_number_is_no_part_of_the_title(headings: list[str]) -> None:
    story = read_epub(headings)
    assert titles(story) == NAMES
    assert all(chapter.paragraphs[0].startswith("The gulls") for chapter in story.chapters)
    assert all(len(chapter.paragraphs) == 2 for chapter in story.chapters)


def test_a_heading_that_only_numbers_takes_the_contents_title() -> None:
    headings = ["<h1>Chapter 1</h1>", "<h1>2</h1>", "<h1>THREE</h1>"]
    story = read_epub(headings, [f"Chapter {i}: {name}" for i, name in enumerate(NAMES, 1)])
    assert titles(story) == NAMES


def test_a_title_that_opens_with_a_number_word_keeps_it() -> None:
    headings = ["<h1>One Last Summer</h1>", "<h1>Three Days Later</h1>"]
    assert titles(read_epub(headings)) == ["One Last Summer", "Three Days Later"]


def test_a_web_page_number_over_its_title_heading() -> None:
    page = f"<html><body><p>1</p><h2>Low Water</h2>{TEXT}<p>2</p><h2>The Net Loft</h2>{TEXT}</body></html>"
    story = import_story(page.encode(), "book.html", max_bytes=1 << 20)
    assert titles(story) == NAMES[:2]
    assert all(len(chapter.paragraphs) == 2 for chapter in story.chapters)
