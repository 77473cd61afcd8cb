"""A chapter saved from FanFiction.net, a WordPress serial and a Blogger post: each was read as any
page, the site's menus, chapter list, date lines and feeds posted as story, the story titled with
the page's ``<title>`` and its author unknown."""

from __future__ import annotations

import pytest

from bot.story.importer import import_story
from bot.story.model import Story

FFN = """<!DOCTYPE html><html><head><title>The Long Winter Chapter 2: Snowbound, a harry potter fanfic | FanFiction</title></head>
<body><div id="top"><div class="zmenu"><a href="/">FanFiction</a> <a href="/j/0/0/0/">Just In</a> <a href="/community/">Community</a></div></div>
<div id="content_parent"><div id="pre_story_links"><a href="/book/">Books</a> <a href="/book/Harry-Potter/">Harry Potter</a></div>
<div id="profile_top"><button class="btn" type="button">Follow/Fav</button><b class="xcontrast_txt">The Long Winter</b>
<span class="xcontrast_txt">By:</span> <a class="xcontrast_txt" href="/u/123/frostquill">frostquill</a>
<div class="xcontrast_txt">Hogwarts is snowed in for a week.</div>
<span class="xgray xcontrast_txt">Rated: <a href="#">Fiction  K+</a> - English - Friendship - Hermione G., Luna L. - Chapters: 3 - Words: 6,204 - id: 1234567</span></div>
<select id="chap_select" title="Chapter Navigation"><option value="1">1. First Snow<option value="2" selected>2. Snowbound<option value="3">3. Thaw</select>
<div class="storytextp" id="storytextp"><div class="storytext xcontrast_txt nocopy" id="storytext">
<p><strong>A/N: Thanks for all the reviews!</strong></p><hr size="1" noshade="">
<p>The snow had reached the second-floor windows by Tuesday.</p><p>"It's <em>beautiful</em>," said Luna.</p>
</div></div>
<select id="chap_select" title="Chapter Navigation"><option value="1">1. First Snow<option value="2" selected>2. Snowbound</select>
<div id="review"><textarea placeholder="Type your review for Chapter 2: Snowbound here."></textarea></div>
<div id="bottom"><a href="/tos/">Terms of Service</a> | <a href="/privacy/">Privacy</a> &copy; 2024 FanFiction</div></div></body></html>"""

WORDPRESS = """<html><head><title>Chapter 12 &#8211; The Glass Tower &#8211; Ashen Roads</title></head><body>
<header class="site-header"><p class="site-title"><a href="/">Ashen Roads</a></p></header>
<main><article class="post"><header class="entry-header"><h1 class="entry-title">Chapter 12 &#8211; The Glass Tower</h1>
<div class="entry-meta"><span class="posted-on">Posted on <time>March 5, 2021</time></span>
<span class="byline"> by <span class="author vcard"><a href="/author/kestrel/">kestrelwrites</a></span></span></div></header>
<div class="entry-content"><p><a href="/11">Previous Chapter</a> | <a href="/toc">Table of Contents</a> | <a href="/13">Next Chapter</a></p>
<p>The tower caught the sunrise like a prism.</p><p>Tamsin shaded her eyes.</p>
<p><a href="/13">Next Chapter</a></p></div>
<footer class="entry-footer"><span class="cat-links">Posted in <a href="#">Arc 2</a></span></footer></article></main></body></html>"""

BLOGGER = """<html><head><title>Moth &amp; Flame: Part 3: The Letter</title></head><body>
<div class="date-outer"><h2 class="date-header"><span>Sunday, October 8, 2017</span></h2>
<div class="post hentry"><h3 class="post-title entry-title">Part 3: The Letter</h3>
<div class="post-header"><div class="post-header-line-1">by R. Lindqvist</div></div>
<div class="post-body entry-content"><p>The letter arrived on a Tuesday.</p><p>Nobody wrote letters anymore.</p>
<p>&lt;&lt; Part 2 | Part 4 &gt;&gt;</p></div></div></div>
<div class="post-feeds"><div class="feed-links">Subscribe to: <a class="feed-link" href="#">Post Comments (Atom)</a></div></div>
</body></html>"""


def read(page: str, name: str = "page.html") -> Story:
    return import_story(page.encode(), name, max_bytes=1 << 20)


def test_a_fanfiction_net_chapter_page() -> None:
    story = read(FFN)
    assert (story.meta.title, story.meta.author, story.meta.rating) == ("The Long Winter", "frostquill", "K+")
    assert story.meta.summary == "Hogwarts is snowed in for a week."
    assert [(chapter.title, chapter.paragraphs, chapter.notes) for chapter in story.chapters] == [
        (
            "Snowbound",
            ["The snow had reached the second-floor windows by Tuesday.", '"It\'s beautiful," said Luna.'],
            ["Thanks for all the reviews!"],
        )
    ]


def test_a_wordpress_serial_chapter() -> None:
    story = read(WORDPRESS)
    assert (story.meta.title, story.meta.author) == ("Ashen Roads", "kestrelwrites")
    assert [(chapter.title, chapter.paragraphs) for chapter in story.chapters] == [
        ("The Glass Tower", ["The tower caught the sunrise like a prism.", "Tamsin shaded her eyes."])
    ]


def test_a_blogger_post() -> None:
    story = read(BLOGGER)
    assert story.meta.author == "R. Lindqvist"
    assert [(chapter.title, chapter.paragraphs) for chapter in story.chapters] == [
        ("Part 3: The Letter", ["The letter arrived on a Tuesday.", "Nobody wrote letters anymore."])
    ]


SCRIBBLE_HUB = """<html><head><title>My Roommate Is a Dragon - Chapter 3 - The Hoard | Scribble Hub</title></head><body>
<div class="main_header"><a href="/">Scribble Hub</a><div class="menu"><a href="/latest-series/">Latest</a></div></div>
<div class="chapter_title_wrap"><div class="chp_byauthor">by <a href="/profile/1/">sleepy_wyrm</a></div>
<div class="chapter-title">Chapter 3 - The Hoard</div></div>
<div class="prenext"><a href="#">Previous</a><a href="#">Index</a><a href="#">Next</a></div>
<div id="chp_raw"><p>The hoard was in the living room.</p><p>"You can't just put gold on the couch," I said.</p></div>
<div class="prenext"><a href="#">Previous</a><a href="#">Index</a><a href="#">Next</a></div>
<div class="wi_news"><div class="wi_news_title">Support sleepy_wyrm</div><a href="#">Ko-fi</a></div>
</body></html>"""


def test_a_scribble_hub_chapter() -> None:
    story = read(SCRIBBLE_HUB)
    assert (story.meta.title, story.meta.author) == ("My Roommate Is a Dragon", "sleepy_wyrm")
    assert [(chapter.title, chapter.paragraphs) for chapter in story.chapters] == [
        ("The Hoard", ["The hoard was in the living room.", '"You can\'t just put gold on the couch," I said.'])
    ]


@pytest.mark.parametrize(
    "line", ['Support "The Hollow Crown"', "DonatePatreon", "Patreon | Ko-fi", "PreviousIndexNext"]
)
def test_a_serials_support_box_and_run_together_links_are_no_text(line: str) -> None:
    text = f"Chapter 1\n\nThe fire had burned out.\n\n{line}\n\nChapter 2\n\nKael swore the oath.\n"
    assert import_story(text.encode(), "serial.txt", max_bytes=1 << 20).chapters[0].paragraphs == [
        "The fire had burned out."
    ]


@pytest.mark.parametrize("line", ["Support came too late.", "Donate blood, she said."])
def test_sentences_with_the_same_words_stay(line: str) -> None:
    text = f"Chapter 1\n\nThe fire had burned out.\n\n{line}\n\nChapter 2\n\nKael swore the oath.\n"
    assert line in import_story(text.encode(), "serial.txt", max_bytes=1 << 20).chapters[0].paragraphs
