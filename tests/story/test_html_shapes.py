"""HTML pages written by word processors: chapter headings set as plain paragraphs."""

from __future__ import annotations

from bot.story.importer import import_story

GOOGLE_DOCS = """<html><head><title>draft</title><style>.c1{font-weight:700}</style></head>
<body><p><span class="c1">Chapter One</span></p>
<p><span>Every night for two years he put on the costume and waited.</span></p>
<p><span>Then the lead broke his ankle on the stairs.</span></p>
<p><span class="c1">Chapter Two: Curtain</span></p>
<p><span>He went on. He forgot nothing.</span></p>
<p><span>Chapter 3 was, he said later, the part nobody believed.</span></p>
</body></html>"""


def test_a_paragraph_that_names_a_chapter_starts_one() -> None:
    story = import_story(GOOGLE_DOCS.encode(), "draft.html", max_bytes=1 << 20)
    assert [chapter.title for chapter in story.chapters] == [None, "Curtain"]
    first, second = story.chapters
    assert first.paragraphs[0].startswith("Every night")
    # A sentence that merely starts with "Chapter 3" stays story text.
    assert second.paragraphs == [
        "He went on. He forgot nothing.",
        "Chapter 3 was, he said later, the part nobody believed.",
    ]


def test_the_title_the_text_gives_itself_comes_before_the_page_title() -> None:
    """A Google Docs export's <title> is the document's name; the title and "by" line at the top
    of the text are the story's."""
    page = GOOGLE_DOCS.replace(
        '<body><p><span class="c1">Chapter One',
        '<body><p><span class="c1">The Understudy</span></p><p><span>by Felix Marchetti</span></p>'
        '<p><span></span></p><p><span class="c1">Chapter One',
    ).replace("<title>draft</title>", "<title>The Understudy - draft 3</title>")
    story = import_story(page.encode(), "draft.html", max_bytes=1 << 20)
    assert (story.meta.title, story.meta.author) == ("The Understudy", "Felix Marchetti")
    assert len(story.chapters) == 2 and story.chapters[0].paragraphs[0].startswith("Every night")
    untitled = GOOGLE_DOCS.replace("<title>draft</title>", "<title>The Understudy - draft 3</title>")
    assert import_story(untitled.encode(), "draft.html", max_bytes=1 << 20).meta.title == "The Understudy - draft 3"
