"""Markdown, AO3 HTML, AO3 EPUB, generic EPUB and generic HTML, built like the real files."""

from __future__ import annotations

from bot.story.importer import content_hash, import_story

from .builders import Ao3Chapter, Ao3Work, ao3_epub, ao3_html, generic_epub, two_chapter_work

LIMIT = 8 * 1024 * 1024


def test_markdown_with_front_matter_and_headings() -> None:
    text = """---
title: "Salt Roads"
author: Mara Fen
rating: General Audiences
tags:
  - Sea
  - Found Family
layout: post
---

# Salt Roads

## Chapter 1: Harbour

The **gulls** came _first_, then the [boats](https://example.com).

* * *

At night the harbour `slept`.

## Chapter 2

Mara counted the sails.
"""
    story = import_story(text.encode(), "salt.md", max_bytes=LIMIT)
    assert story.source_format == "md"
    assert story.meta.title == "Salt Roads"
    assert story.meta.author == "Mara Fen"
    assert story.meta.rating == "General Audiences"
    assert story.meta.additional_tags == ["Sea", "Found Family"]
    assert [c.title for c in story.chapters] == ["Harbour", None]
    assert [[s.paragraphs for s in c.scenes] for c in story.chapters] == [
        [["The gulls came first, then the boats."], ["At night the harbour slept."]],
        [["Mara counted the sails."]],
    ]


def test_markdown_setext_and_single_title_heading() -> None:
    text = "# The Lighthouse\n\nThe lamp went out at nine.\n\nNobody noticed.\n"
    story = import_story(text.encode(), "x.md", max_bytes=LIMIT)
    assert story.meta.title == "The Lighthouse"
    assert story.chapters[0].paragraphs == ["The lamp went out at nine.", "Nobody noticed."]
    setext = "Chapter One\n===========\n\nFirst.\n\nChapter Two\n-----------\n\nSecond.\n"
    story = import_story(setext.encode(), "y.md", max_bytes=LIMIT)
    assert [c.paragraphs for c in story.chapters] == [["First."], ["Second."]]


def test_ao3_html_multi_chapter() -> None:
    story = import_story(ao3_html(two_chapter_work()).encode(), "The_Ford.html", max_bytes=LIMIT)
    meta = story.meta
    assert story.source_format == "html"
    assert meta.title == "The Ford"
    assert meta.author == "riverwriter"
    assert meta.rating == "Mature"
    assert meta.archive_warnings == ["Major Character Death"]
    assert meta.fandoms == ["Original Work"]
    assert meta.relationships == ["Ada/Bram"]
    assert meta.characters == ["Ada", "Bram"]
    assert meta.additional_tags == ["Angst", "Implied/Referenced Self-Harm"]
    assert meta.summary == "Two travellers and one river. TW: drowning"
    assert meta.notes == ["Thanks to my beta!", "Comments are loved."]
    assert meta.declared_warnings == ["TW: drowning"]
    first, second = story.chapters
    assert (first.number, first.title, second.number, second.title) == (1, "The Ford", 2, None)
    assert [s.paragraphs for s in first.scenes] == [
        ["Ada reached the river at dusk.", "The water was high and brown."],
        ["Morning came grey."],
    ]
    assert first.notes == ["They arrive.", "This chapter is short.", "More soon!"]
    assert second.paragraphs == ["Bram went in first.", "He did not come back up."]
    assert second.notes == []


def test_ao3_html_single_chapter() -> None:
    work = Ao3Work(summary=None, notes=None, end_notes=None, chapters=[Ao3Chapter("Chapter 1", ["Only one.", "Two."])])
    story = import_story(ao3_html(work).encode(), "one.html", max_bytes=LIMIT)
    assert story.meta.summary is None and story.meta.notes == []
    assert len(story.chapters) == 1 and story.chapters[0].paragraphs == ["Only one.", "Two."]


def test_ao3_html_scripts_and_styles_are_dropped_never_run() -> None:
    work = two_chapter_work()
    work.chapters[0].paragraphs[0] = "Ada reached the river."
    html = ao3_html(work, extra_head="<script>window.stolen = document.cookie</script><style>p{color:red}</style>")
    html = html.replace(
        "<p>Ada reached the river.</p>",
        "<p>Ada reached the river.</p><script>alert('x')</script><noscript>enable js</noscript><style>.x{}</style>",
    )
    story = import_story(html.encode(), "x.html", max_bytes=LIMIT)
    everything = " ".join(c.text for c in story.chapters) + " ".join(story.meta.notes)
    for bad in ("alert", "cookie", "color", "enable js", ".x{}"):
        assert bad not in everything
    assert story.chapters[0].paragraphs[0] == "Ada reached the river."


def test_ao3_epub_matches_ao3_html() -> None:
    work = two_chapter_work()
    from_html = import_story(ao3_html(work).encode(), "w.html", max_bytes=LIMIT)
    from_epub = import_story(ao3_epub(work), "w.epub", max_bytes=LIMIT)
    assert from_epub.source_format == "epub"
    assert from_epub.meta == from_html.meta
    assert [(c.title, [s.paragraphs for s in c.scenes], c.notes) for c in from_epub.chapters] == [
        (c.title, [s.paragraphs for s in c.scenes], c.notes) for c in from_html.chapters
    ]
    assert content_hash(from_epub) == content_hash(from_html)


def test_generic_epub() -> None:
    story = import_story(generic_epub(), "salt.epub", max_bytes=LIMIT)
    assert story.meta.title == "Salt Roads"
    assert story.meta.author == "Mara Fen"
    assert story.meta.summary == "A sea story."
    assert [c.title for c in story.chapters] == ["Harbour", None]
    assert [[s.paragraphs for s in c.scenes] for c in story.chapters] == [
        [["The gulls came first.", "Then the boats."], ["At night the harbour slept."]],
        [["Mara counted the sails.", "There were nine."]],
    ]


def test_generic_html() -> None:
    html = """<html><head><title>Night Ferry</title><meta name="author" content="K. Lund"></head>
    <body><h2>Chapter 1</h2><p>The ferry left at <em>midnight</em>.<br>Nobody waved.</p><p>&nbsp;</p>
    <p>Morning.</p><p>Fog.</p><p>Gulls.</p><h2>Chapter 2</h2><div>Rain, all day.</div></body></html>"""
    story = import_story(html.encode(), "ferry.htm", max_bytes=LIMIT)
    assert story.meta.title == "Night Ferry" and story.meta.author == "K. Lund"
    assert [[s.paragraphs for s in c.scenes] for c in story.chapters] == [
        [["The ferry left at midnight.\nNobody waved."], ["Morning.", "Fog.", "Gulls."]],
        [["Rain, all day."]],
    ]


def test_html_saved_as_txt_is_read_as_html() -> None:
    story = import_story(ao3_html(two_chapter_work()).encode(), "download.txt", max_bytes=LIMIT)
    assert story.meta.title == "The Ford" and len(story.chapters) == 2


def test_same_story_different_newlines_hash_the_same() -> None:
    text = "Title: X\n\nOne.\n\nTwo.\n"
    a = import_story(text.encode(), "a.txt", max_bytes=LIMIT)
    b = import_story(text.replace("\n", "\r\n").encode("utf-16"), "b.txt", max_bytes=LIMIT)
    c = import_story(text.replace("Two", "Three").encode(), "c.txt", max_bytes=LIMIT)
    assert content_hash(a) == content_hash(b) != content_hash(c)
