"""A story copied from a reading site's reader carries the site's chrome as lines of its own:
Wattpad's "48.2K Reads 2.1K Votes 314 Part Story", "Vote / Comment / Share", "Continue reading next
part" and the "You'll also like" list of other writers' stories after the text, Tumblr's "1,234 notes".
None of it is story text; the story's sentences with the same words stay."""

from __future__ import annotations

import pytest

from bot.story.importer import import_story
from bot.story.model import Story
from bot.warnings.declared import map_declared

WATTPAD_COPY = """Golden Hour

48.2K Reads 2.1K Votes 314 Part Story

by moonlitpages

Chapter 4 - The Pier

The pier was empty by the time she got there.

Vote / Comment / Share

She sat on the last post and waited for the boat.

It never came.

Continue reading next part

You'll also like

Summer of Salt
12.4K Reads
A girl, a lighthouse, a secret.
"""


def _import(text: str, name: str = "golden.txt") -> Story:
    return import_story(text.encode(), name, max_bytes=1 << 20)


def test_text_copied_from_wattpads_reader_is_the_story_alone() -> None:
    story = _import(WATTPAD_COPY)
    assert (story.meta.title, story.meta.author) == ("Golden Hour", "moonlitpages")
    assert [chapter.title for chapter in story.chapters] == ["The Pier"]
    assert story.chapters[0].paragraphs == [
        "The pier was empty by the time she got there.",
        "She sat on the last post and waited for the boat.",
        "It never came.",
    ]


@pytest.mark.parametrize(
    "line",
    ["1,234 notes", "12 comments • 40 likes", "3.1M Reads", "Vote | Comment | Share", "Reblog Like", "Add to library"],
)
def test_a_sites_counts_and_buttons_are_no_text(line: str) -> None:
    story = _import(f"Chapter 1\n\nThe lake was cold.\n\n{line}\n\nShe swam anyway.\n")
    assert story.chapters[0].paragraphs == ["The lake was cold.", "She swam anyway."]


@pytest.mark.parametrize(
    "line",
    [
        "Vote.",
        "She left a comment and a like.",
        "Three votes were enough.",
        "“You’ll also like this one,” she said.",
        "Continue reading, she told herself.",
        "Like I said.",
    ],
)
def test_story_lines_with_the_same_words_stay(line: str) -> None:
    story = _import(f"Chapter 1\n\nThe lake was cold.\n\n{line}\n\nShe swam anyway.\n")
    assert line in story.chapters[0].paragraphs


def test_you_will_also_like_before_a_later_chapter_ends_nothing() -> None:
    story = _import("Chapter 1\n\nShe swam.\n\nYou'll also like\n\nthe lake, he said.\n\nChapter 2\n\nMorning.\n")
    assert [chapter.paragraphs for chapter in story.chapters][1] == ["Morning."]
    assert "the lake, he said." in story.chapters[0].paragraphs


TUMBLR_POST = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>moonlitpages — Golden Hour</title>
<link rel="canonical" href="https://moonlitpages.tumblr.com/post/718203948120/golden-hour"></head>
<body class="index-page">
<header id="header"><h1 class="blog-title"><a href="/">moonlitpages</a></h1><div class="description">writing blog | requests closed</div>
<nav><a href="/ask">ask</a> <a href="/masterlist">masterlist</a> <a href="/archive">archive</a></nav></header>
<main id="posts">
<article class="post text" id="post-718203948120">
<div class="post-wrapper"><div class="post-content">
<h2 class="title">Golden Hour</h2>
<div class="body-text">
<p>Pairing: Bucky Barnes x Reader | Warnings: angst, character death | Word count: 1.2k</p>
<p>Summary: The last evening before he ships out.</p>
<hr>
<p>The light came in low over the water, the way it did every evening that summer.</p>
<p>He was already on the porch when you got there, cap in his hands.</p>
<p>"Stay for supper," you said. He didn't answer.</p>
<hr>
<p>Taglist: @bluebirdreads @sergeantsbarnes</p>
</div>
</div>
<div class="post-footer">
<div class="post-tags"><a class="tag" href="https://moonlitpages.tumblr.com/tagged/tw-death">#tw death</a> <a class="tag" href="https://moonlitpages.tumblr.com/tagged/cw-self-harm">#cw self harm</a> <a class="tag" href="https://moonlitpages.tumblr.com/tagged/angst">#angst</a> <a class="tag" href="https://moonlitpages.tumblr.com/tagged/bucky-x-reader">#bucky x reader</a></div>
<div class="post-meta"><a class="post-date" href="https://moonlitpages.tumblr.com/post/718203948120/golden-hour">May 3rd, 2023</a>
<a class="post-notes" href="https://moonlitpages.tumblr.com/post/718203948120/golden-hour#notes">1,234 notes</a></div>
<div class="reblog-links"><a href="https://www.tumblr.com/reblog/718203948120/x7Ab">Reblog</a> <a href="https://www.tumblr.com/like">Like</a></div>
</div></div>
</article>
<ol class="notes"><li class="note reblog">bluebirdreads reblogged this from moonlitpages</li><li class="note like">sergeantsbarnes liked this</li></ol>
</main>
<footer><a href="https://www.tumblr.com/theme/1">Theme</a> by pixel</footer>
</body></html>"""


def test_a_tumblr_post_saved_as_html_reads_its_header_and_its_warning_tags() -> None:
    story = _import(TUMBLR_POST, "Golden Hour.html")
    assert story.meta.title == "Golden Hour"
    assert story.meta.summary == "The last evening before he ships out."
    assert [chapter.title for chapter in story.chapters] == [None]
    assert story.chapters[0].paragraphs == [
        "The light came in low over the water, the way it did every evening that summer.",
        "He was already on the porch when you got there, cap in his hands.",
        '"Stay for supper," you said. He didn\'t answer.',
    ]
    # The blog's name is its writer's; the readers tagged on each part are a note, not the story's end.
    assert story.meta.author == "moonlitpages"
    assert story.chapters[0].notes == ["Taglist: @bluebirdreads @sergeantsbarnes"]
    # The tags naming warnings declare them; "#angst" and the pairing's tag declare nothing.
    declared = map_declared(story.meta)
    assert set(declared.ids) == {"death", "self-harm"}
    assert declared.unmapped == []  # the header's "Warnings: angst, character death": "angst" is a mood, no warning
    assert "moonlitpages" not in " ".join(story.chapters[0].paragraphs)


def test_a_pages_only_heading_over_story_text_stays_its_chapter() -> None:
    page = "<html><body><h2>The Pier</h2><p>The pier was empty.</p><p>She waited.</p></body></html>"
    story = _import(page, "pier.html")
    assert [chapter.title for chapter in story.chapters] == ["The Pier"]
    assert story.chapters[0].paragraphs == ["The pier was empty.", "She waited."]


def test_a_tumblr_post_on_the_new_addresses_names_its_blog_and_a_reblog_names_none() -> None:
    new_address = TUMBLR_POST.replace(
        'href="https://moonlitpages.tumblr.com/post/718203948120/golden-hour"></head>',
        'href="https://www.tumblr.com/moonlitpages/718203948120/golden-hour"></head>',
    )
    assert _import(new_address, "Golden Hour.html").meta.author == "moonlitpages"
    # Reblogged onto another blog: the post is the quoted blog's writing, so the page's blog is nobody's name here.
    reblog = TUMBLR_POST.replace(
        '<div class="body-text">',
        '<div class="body-text"><p><a class="tumblr_blog" href="https://quillandink.tumblr.com/post/1">quillandink</a>:</p>',
    )
    assert _import(reblog, "Golden Hour.html").meta.author != "moonlitpages"


@pytest.mark.parametrize(
    ("line", "note"),
    [
        ("Perma taglist (open!): @bluebirdreads, @sergeantsbarnes and @m0onrise", True),
        ("tagging: @bluebirdreads @sergeantsbarnes", True),
        ("Tags: angst", False),
        ("The taglist was long that summer.", False),
    ],
)
def test_a_taglist_closing_a_story_is_a_note(line: str, note: bool) -> None:
    story = _import(f"Chapter 1\n\nShe swam out to the buoy.\n\nThe water was cold.\n\n{line}\n")
    assert (line in story.chapters[0].notes) is note
    assert (line in story.chapters[0].paragraphs) is not note
