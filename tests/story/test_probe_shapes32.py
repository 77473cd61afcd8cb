"""Shapes from the s32 probe that misread: FanFicFare's HTML output (its title heading read as a
chapter 1 holding the story's metadata, "Warnings:" too)."""

from __future__ import annotations

from bot.story.importer import import_story
from bot.story.model import Story
from bot.warnings.declared import map_texts


def read(text: str, name: str = "story.txt") -> Story:
    return import_story(text.encode("utf-8"), name, max_bytes=1 << 20)


def ids(declared: list[str]) -> list[str]:
    return sorted(map_texts(declared).ids)


# -- FanFicFare's HTML: <h3><a>Title</a> by <a class="authorlink">Author</a></h3> over <b>Label:</b> lines


FANFICFARE_HTML = """<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Salt Wives by hollowmere</title></head>
<body>
<h3><a href="https://archiveofourown.org/works/77">Salt Wives</a> by <a class="authorlink"
 href="https://archiveofourown.org/users/hollowmere/pseuds/hollowmere">hollowmere</a></h3>
<div>
<b>Category:</b> F/F<br />
<b>Rating:</b> Mature<br />
<b>Warnings:</b> Major Character Death<br />
<b>Status:</b> Completed<br />
<b>Packaged:</b> 2024-03-01 10:00:00<br />
<b>Summary:</b> <p>Three widows keep a lighthouse on a rock with no name.</p><br />
</div>
<a name="section00001"><h2>1. The Rock</h2></a>
<div><p>The supply boat came once a month, if the sea let it.</p></div>
<a name="section00002"><h2>2. The Lamp</h2></a>
<div><p>Orla trimmed the wick and did not look at the water.</p></div>
</body></html>
"""


def test_fanficfare_html_title_page_is_the_storys_header_not_a_chapter() -> None:
    story = read(FANFICFARE_HTML, "salt_wives.html")
    assert (story.meta.title, story.meta.author, story.meta.rating) == ("Salt Wives", "hollowmere", "Mature")
    assert ids(story.meta.declared_warnings) == ["death"]
    assert story.meta.summary == "Three widows keep a lighthouse on a rock with no name."
    assert [(chapter.title, chapter.paragraphs) for chapter in story.chapters] == [
        ("The Rock", ["The supply boat came once a month, if the sea let it."]),
        ("The Lamp", ["Orla trimmed the wick and did not look at the water."]),
    ]


def test_a_heading_that_merely_says_by_is_still_a_heading() -> None:
    """Guard: only FanFicFare's two links with "by" between them are a title page's heading."""
    page = (
        "<html><body><h1>Stand By Me</h1><h2>Chapter 1</h2><p>The pier was empty.</p>"
        "<h2>Chapter 2</h2><p>The tide came in.</p></body></html>"
    )
    story = read(page, "stand.html")
    assert story.meta.title == "Stand By Me"
    assert [chapter.paragraphs for chapter in story.chapters] == [["The pier was empty."], ["The tide came in."]]
