"""A Wattpad reader page saved from the browser (its markup as far as we know it): the reader's bar
names the story and its author, the page's <title> names the part, and only the part's text is story."""

from __future__ import annotations

import pytest

from bot.story.importer import import_story

PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{part} - Golden Hour - Wattpad</title>
<meta property="og:site_name" content="Wattpad">
</head><body>
<div id="app-container">
<header id="header"><nav class="header-nav"><a href="/home" class="logo">Wattpad</a>
 <a href="/stories">Browse</a><a href="/login">Log in</a></nav></header>
<div id="story-reading" class="route-story-part">
 <div id="funbar-container"><div class="funbar-story">
  <div class="toc-header">
   <a class="on-navigate" href="/story/331224-golden-hour"><img class="cover" src="cover.jpg" alt=""></a>
   <div class="info"><a class="on-navigate title" href="/story/331224-golden-hour">Golden Hour</a><span class="author">by <a class="on-navigate" href="/user/moonlitpages">moonlitpages</a></span></div>
  </div>
  <ul class="table-of-contents"><li><a href="/1001-chapter-1">Chapter 1</a></li><li><a href="/1002-chapter-2">Chapter 2</a></li><li><a href="/1003-chapter-3">Chapter 3</a></li><li class="active"><a href="/1004-chapter-4">{part}</a></li></ul>
 </div></div>
 <div class="container">
  <div class="part-header"><div class="panel panel-reading text-center">
   <h1 class="h2">{part}</h1>
   <div class="story-stats"><span class="reads">12.4K</span><span class="votes">1.1K</span><span class="comments">214</span></div>
  </div></div>
  <div class="row part-content"><div class="col-xs-10 col-xs-offset-1 panel panel-reading" dir="ltr">
   <pre><p data-p-id="a1f0">The light came in low over the field, the colour of honey.<span class="num-comment">12</span></p><p data-p-id="b2e1">Wren shaded her eyes and waited for the bus that never came on time.</p><p data-p-id="c3d2">"You're late," she told it anyway, when it finally rattled round the bend.</p></pre>
  </div></div>
  <div class="part-footer">
   <button class="vote-button">Vote</button><button class="comment-button">Comment</button><button class="share-button">Share</button>
   <a class="on-navigate next-part-link" href="/1005-chapter-5">Continue reading next part</a>
  </div>
 </div>
</div>
</div>
</body></html>"""

TEXT = [
    "The light came in low over the field, the colour of honey.",
    "Wren shaded her eyes and waited for the bus that never came on time.",
    '"You\'re late," she told it anyway, when it finally rattled round the bend.',
]


@pytest.mark.parametrize("part, chapter_title", [("Sunflowers", "Sunflowers"), ("Chapter 4", None)])
def test_a_saved_wattpad_part_is_its_story_its_author_and_the_parts_text(part: str, chapter_title: str | None) -> None:
    """The bar's "Golden Hour" and "by moonlitpages" ran together into a first chapter
    "Golden Hourby moonlitpages", and the page's title, the part's, was the story's."""
    page = PAGE.format(part=part)
    story = import_story(page.encode(), f"{part} - Golden Hour - Wattpad.html", max_bytes=1 << 20)
    assert (story.meta.title, story.meta.author) == ("Golden Hour", "moonlitpages")
    [chapter] = story.chapters
    assert chapter.title == chapter_title
    assert chapter.paragraphs == TEXT


def test_a_fanfiction_title_heading_naming_its_author_stays_the_headings() -> None:
    """FanFicFare's one-element title heading is read as before, not as a reader's bar."""
    page = """<html><head><title>x</title></head><body>
    <h1><a href="/s/1">The Ferry</a> by <a href="/u/9/odile">Odile Marsh</a></h1>
    <h2>Chapter 1</h2><p>The ferry left at dawn.</p></body></html>"""
    story = import_story(page.encode(), "ferry.html", max_bytes=1 << 20)
    assert (story.meta.title, story.meta.author) == ("The Ferry", "Odile Marsh")


# Wattpad's reader heads a part with a <header> of its own, the part's title over its counts and a
# link back to the first part (the selectors "header > .meta", "header > .restart-part" and "h1.h2"
# of the Better Wattpad Interface userscript, Myst1cX/better-wattpad-interface, read for this shape).
PART_HEADER = """  <header class="panel panel-reading text-center">
   <h1 class="h2">{part}</h1>
   <div class="meta"><span class="reads">12.4K</span><span class="votes">1.1K</span><span class="comments">214</span></div>
   <div class="restart-part"><a href="/1001-chapter-1">Start from the beginning</a></div>
  </header>"""


def test_a_wattpad_part_title_in_its_header_is_the_chapters_title() -> None:
    """The part's <header> was dropped as the page's, and its title with it."""
    start = PAGE.index('  <div class="part-header">')
    end = PAGE.index("  </div></div>", start) + len("  </div></div>")
    page = (PAGE[:start] + PART_HEADER + PAGE[end:]).format(part="Sunflowers")
    story = import_story(page.encode(), "Sunflowers - Golden Hour - Wattpad.html", max_bytes=1 << 20)
    assert (story.meta.title, story.meta.author) == ("Golden Hour", "moonlitpages")
    [chapter] = story.chapters
    assert chapter.title == "Sunflowers"
    assert chapter.paragraphs == TEXT  # not "12.4K" nor "Start from the beginning"
    # The site's own header (a menu, a link home) is still the site's.
    assert "Browse" not in " ".join(chapter.paragraphs + chapter.notes)
