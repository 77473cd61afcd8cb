"""Hostile uploads of shapes no earlier bench case had (session 34's probe, see bench/bench_budgets.py):
each was over the import budget (issue 12: < 10 s and < 500 MB for any accepted file) or answered badly.

Where the point is cost, CPU time (not wall time) against a bound several times what the file takes
now and well under what it took before."""

from __future__ import annotations

import time

import pytest

from bot.story.errors import StoryFormatError
from bot.story.importer import import_story

MAX_BYTES = 4 << 20


def _paragraphs(story) -> list[str]:
    return [paragraph for chapter in story.chapters for paragraph in chapter.paragraphs]


def _page(body: str) -> bytes:
    return f"<!DOCTYPE html><html><head><title>The Weir</title></head><body>{body}</body></html>".encode()


_CHAPTERS = (
    "<h2>Chapter 1</h2><p>The weir roared all night.</p><p>Nobody on the bank slept.</p>"
    "<h2>Chapter 2</h2><p>By morning the water had gone down.</p>"
)


def test_tables_nested_a_thousand_deep_are_read_in_time_that_grows_with_them() -> None:
    """Each nested table was asked whether it is a contents table: it searched every row under it, then
    every link under each row (and then its fields and its cells), so 5,000 nested tables (a 173 KB page)
    took 52 s of CPU."""
    depth = 1000
    data = _page("<table><tr><td>" * depth + "<p>At the bottom.</p>" + "</td></tr></table>" * depth + _CHAPTERS)
    start = time.process_time()
    story = import_story(data, "weir.html", max_bytes=MAX_BYTES)
    assert time.process_time() - start < 2.0
    assert "At the bottom." in _paragraphs(story)
    assert "By morning the water had gone down." in _paragraphs(story)


def test_a_contents_table_inside_a_layout_table_is_still_left_out() -> None:
    """Guard: a page laid out in a table keeps reading a contents table in one of its cells as contents."""
    contents = (
        "<table><tr><th>Contents</th></tr>"
        '<tr><td><a href="#c1">Chapter 1</a></td></tr><tr><td><a href="#c2">Chapter 2</a></td></tr></table>'
    )
    body = (
        f"<table><tr><td>{contents}</td></tr></table>"
        '<h2 id="c1">Chapter 1</h2><p>The weir roared all night.</p>'
        '<h2 id="c2">Chapter 2</h2><p>By morning the water had gone down.</p>'
    )
    story = import_story(_page(body), "weir.html", max_bytes=MAX_BYTES)
    assert _paragraphs(story) == ["The weir roared all night.", "By morning the water had gone down."]


def _saved(parts: str) -> bytes:
    head = 'From: <Saved by Blink>\nMIME-Version: 1.0\nContent-Type: multipart/related; boundary="XX"\n\n'
    return (head + parts + "--XX--\n").encode()


def test_a_saved_page_with_no_html_part_is_refused_not_posted_as_its_headers_and_styles() -> None:
    """A saved page of a stylesheet and a picture only was read as a plain-text story: its MIME headers
    and its CSS were posted as chapter 1."""
    data = _saved(
        "--XX\nContent-Type: text/css\nContent-Location: http://example.org/site.css\n\n"
        + "p { margin: 0 0 1em; color: #333; }\n" * 50
        + "--XX\nContent-Type: image/png\nContent-Transfer-Encoding: base64\n\niVBORw0KGgo=\n"
    )
    with pytest.raises(StoryFormatError, match="no web page"):
        import_story(data, "weir.mhtml", max_bytes=MAX_BYTES)


def test_a_saved_page_with_its_html_part_is_still_read() -> None:
    """Guard: the same page with its HTML part reads as before."""
    data = _saved(
        "--XX\nContent-Type: text/css\n\np { margin: 0; }\n"
        f"--XX\nContent-Type: text/html; charset=utf-8\n\n{_page(_CHAPTERS).decode()}\n"
    )
    story = import_story(data, "weir.mhtml", max_bytes=MAX_BYTES)
    assert _paragraphs(story)[-1] == "By morning the water had gone down."


def test_a_story_opening_with_a_letter_header_is_still_text() -> None:
    """Guard: a story told in letters opens "From:" like a saved page does, and is no MIME message of parts."""
    text = (
        "From: Agnes Pell\nTo: Her Brother\n\nDear Tom,\n\nThe weir roared all night and nobody slept.\n\n"
        "Your sister,\nAgnes\n"
    )
    story = import_story(text.encode(), "letters.txt", max_bytes=MAX_BYTES)
    assert "The weir roared all night and nobody slept." in _paragraphs(story)
