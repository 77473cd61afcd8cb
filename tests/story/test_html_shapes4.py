"""A web serial's chapter page saved as HTML: the story's title, the chapter's and a by-line over the text."""

from __future__ import annotations

from bot.story.importer import import_story

LIMIT = 8 * 1024 * 1024
PROSE = "Ada crossed the river at dawn, and the water was colder than she had been told."


def _page(header: str) -> bytes:
    text = "".join(f"<p>{PROSE}</p>" for _ in range(3))
    return (
        "<!DOCTYPE html><html><head><title>Chapter 3: The Long Night | The Iron Lantern | Royal Road</title></head>"
        '<body><nav class="navbar">Home Browse Forums</nav><div class="fic-header">'
        f'{header}</div><div class="chapter-inner chapter-content">{text}</div>'
        '<div class="comments-container">first!</div></body></html>'
    ).encode()


ROYAL_ROAD_HEADER = (
    '<h2 class="font-white">The Iron Lantern</h2><h1 class="font-white">Chapter 3: The Long Night</h1>'
    '<h3 class="font-white"><span class="small">by </span><a href="/profile/1">Quillfeather</a></h3>'
)


def test_a_royal_road_chapter_page_reads_its_title_author_and_chapter() -> None:
    story = import_story(_page(ROYAL_ROAD_HEADER), "chapter.html", max_bytes=LIMIT)
    assert (story.meta.title, story.meta.author) == ("The Iron Lantern", "Quillfeather")
    assert [chapter.title for chapter in story.chapters] == ["The Long Night"]
    assert story.chapters[0].scenes[0].paragraphs == [PROSE] * 3


def test_a_by_line_heading_under_the_chapter_heading_is_the_author_not_the_title() -> None:
    header = "<h1>The Iron Lantern</h1><h2>Chapter 3: The Long Night</h2><h3>by Quill</h3>"
    story = import_story(_page(header), "chapter.html", max_bytes=LIMIT)
    assert story.meta.author == "Quill"
    assert [chapter.title for chapter in story.chapters] == ["The Long Night"]


def test_a_title_case_subtitle_starting_with_by_stays_a_heading() -> None:
    header = "<h1>The Iron Lantern</h1><h2>Chapter 3: The Long Night</h2><h3>By Moonlight</h3>"
    story = import_story(_page(header), "chapter.html", max_bytes=LIMIT)
    assert story.meta.author is None
    assert [chapter.title for chapter in story.chapters] == ["The Long Night — By Moonlight"]
