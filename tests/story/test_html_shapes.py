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
