"""What word processors and book tools put around a story's words, each read wrongly before: an
empty paragraph after every paragraph with a longer run of them between scenes (one scene), a
chapter's subtitle spaced from its text by an empty paragraph (text and a scene break), a heading
decorated with emoji ("✨ Chapter 1 ✨" kept as its title), a drop cap drawn as a picture ("he
gulls"), and calibre's placeholders in the package ("Unknown", the file's name) over a document's
own title page (a first chapter, the author "Unknown")."""

from __future__ import annotations

import pytest

from bot.story.importer import import_story
from bot.story.model import Story
from tests.story.builders import epub_bytes, xhtml

BLANK = "<p>&nbsp;</p>"


def read(data: bytes | str, name: str) -> Story:
    return import_story(data.encode() if isinstance(data, str) else data, name, max_bytes=1 << 20)


def scenes(story: Story) -> list[list[list[str]]]:
    return [[scene.paragraphs for scene in chapter.scenes] for chapter in story.chapters]


def test_a_longer_run_of_empty_paragraphs_divides_scenes() -> None:
    body = BLANK.join(["<p>A.</p>", "<p>B.</p>", BLANK * 2 + "<p>C.</p>", "<p>D.</p>"])
    page = f"<html><body><h1>Chapter 1</h1>{body}<h1>Chapter 2</h1><p>E.</p>{BLANK}<p>F.</p></body></html>"
    assert scenes(read(page, "doc.html")) == [[["A.", "B."], ["C.", "D."]], [["E.", "F."]]]


def test_few_empty_paragraphs_still_each_divide_scenes() -> None:
    page = f"<html><body><h1>Chapter 1</h1><p>A.</p><p>B.</p><p>C.</p>{BLANK}<p>D.</p><p>E.</p><p>F.</p></body></html>"
    assert scenes(read(page, "doc.html")) == [[["A.", "B.", "C."], ["D.", "E.", "F."]]]


def test_a_subtitle_spaced_from_the_text_titles_the_chapter() -> None:
    page = (
        f"<html><body><h1>Chapter One</h1><p><b><i>The Reeds</i></b></p>{BLANK}<p>The reeds whispered.</p>"
        f"<p>He went down.</p><h1>Chapter Two</h1><p><b><i>The Crown</i></b></p>{BLANK}<p>He did not put it on.</p>"
        "</body></html>"
    )
    story = read(page, "doc.html")
    assert [chapter.title for chapter in story.chapters] == ["The Reeds", "The Crown"]
    assert scenes(story) == [[["The reeds whispered.", "He went down."]], [["He did not put it on."]]]


@pytest.mark.parametrize("mark", ["✨", "🌸", "❀", "⋆", "🖤"])
def test_emoji_around_a_chapter_heading_are_no_title(mark: str) -> None:
    text = f"## {mark} Chapter 1 {mark}\n\nThe village burned.\n\n## {mark} Chapter 2: The Flight {mark}\n\nShe ran.\n"
    story = read(text, "story.md")
    assert [chapter.title for chapter in story.chapters] == [None, "The Flight"]


def test_emoji_around_a_sentence_stay_text() -> None:
    text = "Chapter 1\n\nThe village burned.\n\n✨ she smiled ✨\n\nChapter 2\n\nShe ran."
    assert read(text, "story.txt").chapters[0].paragraphs == ["The village burned.", "✨ she smiled ✨"]


@pytest.mark.parametrize(
    "opening",
    [
        '<img class="dropcap" src="t.png" alt="T"/>he gulls had gone quiet.',
        '<span class="dropcap"><img src="t.png" alt="T"/></span>he gulls had gone quiet.',
    ],
)
def test_a_drop_cap_drawn_as_a_picture_is_its_letter(opening: str) -> None:
    docs = [(f"c{i}.xhtml", xhtml(f"<h1>Chapter {i}</h1><p>{opening}</p><p>She counted.</p>")) for i in (1, 2)]
    story = read(epub_bytes(docs, nav_points=[("Start", "c1.xhtml")]), "book.epub")
    assert [chapter.paragraphs for chapter in story.chapters] == [["The gulls had gone quiet.", "She counted."]] * 2


@pytest.mark.parametrize(
    ("title", "author"), [("salt_road_FINAL_v3", "Unknown"), ("Microsoft Word - salt road.docx", None)]
)
def test_a_converters_placeholders_give_way_to_the_title_page(title: str, author: str | None) -> None:
    page = xhtml(
        '<p class="calibre1">THE SALT ROAD</p><p class="calibre2">by Mara Quill</p>'
        "<h1>Chapter 1</h1><p>The gulls had gone quiet.</p><h1>Chapter 2</h1><p>She counted.</p>"
    )
    data = epub_bytes(
        [("index_split_000.html", page)], title=title, author=author, nav_points=[("Start", "index_split_000.html")]
    )
    story = read(data, "book.epub")
    assert (story.meta.title, story.meta.author) == ("THE SALT ROAD", "Mara Quill")
    assert [chapter.paragraphs for chapter in story.chapters] == [["The gulls had gone quiet."], ["She counted."]]


def test_a_handle_with_an_underscore_is_an_author() -> None:
    docs = [(f"c{i}.xhtml", xhtml(f"<h1>Chapter {i}</h1><p>Text.</p>")) for i in (1, 2)]
    story = read(
        epub_bytes(docs, title="Night Ferry", author="tiny_ferns", nav_points=[("Start", "c1.xhtml")]), "b.epub"
    )
    assert story.meta.author == "tiny_ferns"
