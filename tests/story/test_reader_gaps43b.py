"""Story files misread, found in the forty-third session's twelfth round of reading (files of the shapes
real saves take from book tools, blogs and writing apps, written for it; the probe files stay out of
the repository):

- Markdown footnote definitions on consecutive lines, as Ulysses, iA Writer and Obsidian export them
  ("[^1]: ..." / "[^2]: ..." with no blank line between): the lines were joined into one paragraph,
  read as the first definition, so every later call stayed in the text as "[^2]" and the first
  note carried all the others;
- a text's chapters headed by a number in brackets or after a number sign, alone or before a title
  ("[1]", "(1)", "(1) The Kettle", "[1] The Kettle", "#1: The Kettle") or by a part of a whole before a
  title ("1/3 - The Kettle"), as phone writers and Tumblr posts number them: no chapter was found,
  the whole story one chapter with the numbers in its text; now read as "1" and "1. The Kettle" are;
- a blog post (WordPress, Blogger) whose byline line names its author under the post's heading: the
  heading stayed the one chapter's title, the story's title printed again over its text; a one-chapter
  story's chapter titled as the story is untitled now;
- an EPUB's copyright page with the dedication on it, as Kindle Create and Word-made books set them
  ("Copyright" over its notice, then "For my mother"): the page was the first chapter, "Copyright";
  now its notice goes as a copyright page's does and its dedication is the story's note;
- a text's first line a title in Title Case over paragraphs shorter than 200 characters ("Low Tide" over
  a story's opening): the title was the story's first paragraph and the file's name titled it; now
  three paragraphs of sentences under it make it the title;

Each is paired with the file that looks like it and must still be read as before.
"""

from __future__ import annotations

import pytest

from bot.story.importer import import_story
from tests.story.builders import epub_bytes, xhtml

PROSE = [
    "The kettle had been boiling for some time before Anna noticed it, and the kitchen was thick with steam.",
    "She wiped the window with her sleeve and looked out at the yard, where the hens sheltered under the cart.",
]
NAMES = ["The Kettle", "The Gate", "The Rain"]


def _read(text: str, name: str = "gate.txt"):
    return import_story(text.encode(), name, max_bytes=1 << 20)


def _footnoted(separator: str) -> str:
    text = "# The Long Gate\n\n"
    for number, title in enumerate(NAMES, 1):
        text += f"## {title}\n\n{PROSE[0][:-1]}[^{number}].\n\n{PROSE[1]}\n\n"
    return (
        text
        + separator.join(
            f"[^{n}]: The gate is the one at the {word} farm." for n, word in [(1, "north"), (2, "east"), (3, "west")]
        )
        + "\n"
    )


def test_markdown_footnote_definitions_on_consecutive_lines_are_each_a_note() -> None:
    story = _read(_footnoted("\n"), "gate.md")
    assert [chapter.title for chapter in story.chapters] == NAMES
    assert [chapter.notes for chapter in story.chapters] == [
        [f"Footnote {n}: The gate is the one at the {word} farm."]
        for n, word in [(1, "north"), (2, "east"), (3, "west")]
    ]
    assert all(chapter.paragraphs == PROSE for chapter in story.chapters)


def test_markdown_footnote_definitions_in_blocks_read_as_before() -> None:
    story = _read(_footnoted("\n\n"), "gate.md")
    assert [len(chapter.notes) for chapter in story.chapters] == [1, 1, 1]
    assert all(chapter.paragraphs == PROSE for chapter in story.chapters)


def _numbered(heading: str, body: list[str] = PROSE) -> str:
    text = "The Long Gate\nby Wren Holloway\n\n"
    for number, title in enumerate(NAMES, 1):
        text += heading.format(n=number, title=title) + "\n\n" + "\n\n".join(body) + "\n\n"
    return text


@pytest.mark.parametrize("heading", ["[{n}]", "({n})", "[ {n} ]"])
def test_a_number_in_brackets_alone_heads_each_chapter(heading: str) -> None:
    story = _read(_numbered(heading))
    assert [chapter.title for chapter in story.chapters] == [None, None, None]
    assert all(chapter.paragraphs == PROSE for chapter in story.chapters)


@pytest.mark.parametrize(
    "heading",
    ["({n}) {title}", "[{n}] {title}", "#{n}: {title}", "#{n} - {title}", "{n}/3 - {title}", "{n}/3: {title}"],
)
def test_a_marked_number_before_a_title_heads_each_chapter(heading: str) -> None:
    story = _read(_numbered(heading))
    assert [chapter.title for chapter in story.chapters] == NAMES
    assert all(chapter.paragraphs == PROSE for chapter in story.chapters)


@pytest.mark.parametrize("heading", ["## #{n}", "## [{n}]", "## ({n})"])
def test_a_markdown_heading_of_a_marked_number_alone_is_untitled(heading: str) -> None:
    text = "# The Long Gate\n\n" + "".join(
        heading.format(n=n) + "\n\n" + "\n\n".join(PROSE) + "\n\n" for n in (1, 2, 3)
    )
    story = _read(text, "gate.md")
    assert [chapter.title for chapter in story.chapters] == [None, None, None]
    assert all(chapter.paragraphs == PROSE for chapter in story.chapters)


def test_a_numbered_list_inside_the_story_stays_text() -> None:
    rules = "\n\n".join(f"({n}) {rule}" for n, rule in enumerate(["Never Lie", "Never Steal", "Never Run"], 1))
    text = "The Long Gate\n\n" + "\n\n".join(PROSE * 3) + "\n\nThe rules were these:\n\n" + rules + "\n\n" + PROSE[0]
    story = _read(text)
    assert len(story.chapters) == 1
    assert "(2) Never Steal" in story.chapters[0].paragraphs


def test_one_bracketed_number_stays_text() -> None:
    story = _read("The Long Gate\n\n" + "\n\n".join(PROSE) + "\n\n[1]\n\n" + "\n\n".join(PROSE))
    assert len(story.chapters) == 1
    assert "[1]" in story.chapters[0].paragraphs


def _blog_post(heading: str) -> bytes:
    body = "".join(f"<p>{paragraph}</p>" for paragraph in PROSE)
    return (
        "<html><head><title>The Long Gate</title></head><body><article class='post'><header class='entry-header'>"
        f"<h1 class='entry-title'>{heading}</h1><div class='entry-meta'><span class='byline'> by <span class='author vcard'>"
        f"<a>Wren Holloway</a></span></span></div></header><div class='entry-content'>{body}</div></article></body></html>"
    ).encode()


def test_a_blog_posts_one_chapter_is_not_titled_as_the_story_again() -> None:
    story = import_story(_blog_post("The Long Gate"), "gate.html", max_bytes=1 << 20)
    assert (story.meta.title, story.meta.author) == ("The Long Gate", "Wren Holloway")
    assert [chapter.title for chapter in story.chapters] == [None]
    assert story.chapters[0].paragraphs == PROSE


def test_a_blog_posts_chapter_heading_of_its_own_stays() -> None:
    story = import_story(_blog_post("Chapter 2: The Rain"), "gate.html", max_bytes=1 << 20)
    assert [chapter.title for chapter in story.chapters] == ["The Rain"]


NOTICE = (
    "<h2>Copyright</h2><p>Copyright © 2024 by Wren Holloway. All rights reserved.</p>"
    "<p>No part of this book may be reproduced without written permission.</p><p>ISBN 978-1-23456-789-0</p>"
)


def _book(front: str) -> bytes:
    chapters = [
        (f"c{n}.xhtml", xhtml(f"<h1>Chapter {n}</h1><h2>{title}</h2>" + "".join(f"<p>{p}</p>" for p in PROSE)))
        for n, title in enumerate(NAMES, 1)
    ]
    return epub_bytes(
        [("front.xhtml", xhtml(front)), *chapters],
        title="The Long Gate",
        author="Wren Holloway",
        nav_points=[(title, f"c{n}.xhtml") for n, title in enumerate(NAMES, 1)],
    )


@pytest.mark.parametrize(
    "front",
    [
        NOTICE + "<p class='dedication'>For my mother, who read everything first.</p>",
        "<p class='dedication'>For my mother, who read everything first.</p>" + NOTICE,
    ],
    ids=["after", "before"],
)
def test_a_copyright_page_with_its_dedication_is_no_chapter(front: str) -> None:
    story = import_story(_book(front), "gate.epub", max_bytes=1 << 20)
    assert [chapter.title for chapter in story.chapters] == NAMES
    assert all(chapter.paragraphs == PROSE for chapter in story.chapters)
    assert "Dedication: For my mother, who read everything first." in story.meta.notes
    assert not any("All rights reserved" in note for note in story.meta.notes)


def test_a_copyright_page_over_a_story_opening_stays_a_chapter() -> None:
    opening = "".join(f"<p>{p}</p>" for p in PROSE * 2)
    story = import_story(_book(NOTICE + opening), "gate.epub", max_bytes=1 << 20)
    assert len(story.chapters) == 4
    assert story.chapters[0].paragraphs[-len(PROSE * 2) :] == PROSE * 2


@pytest.mark.parametrize("separator", ["\n\n", "\r\n\r\n", "\n\n\n"], ids=["blank-line", "crlf", "two-blank-lines"])
def test_a_title_line_over_short_paragraphs_titles_the_story(separator: str) -> None:
    story = _read(separator.join(["The Long Gate", *PROSE, *PROSE]) + separator)
    assert story.meta.title == "The Long Gate"
    assert story.chapters[0].paragraphs == PROSE * 2


@pytest.mark.parametrize("mark", ["❧", "⁂", "* * *"])
def test_a_title_line_over_a_short_scene_and_a_break_titles_the_story(mark: str) -> None:
    story = _read("\n\n".join(["The Long Gate", *PROSE, mark, *PROSE]) + "\n")
    assert story.meta.title == "The Long Gate"
    assert [scene.paragraphs for scene in story.chapters[0].scenes] == [PROSE, PROSE]


@pytest.mark.parametrize(
    "first", ["The Long Gate", "Morning came slowly", "Snow."], ids=["one-paragraph", "sentence", "stop"]
)
def test_an_opening_line_that_is_no_title_stays_text(first: str) -> None:
    body = PROSE[:1] if first == "The Long Gate" else PROSE * 2
    story = _read("\n\n".join([first, *body]) + "\n", "gate.txt")
    assert story.meta.title == "gate"
    assert story.chapters[0].paragraphs[0] == first
