"""Web pages as readers save them, from the s33 probe of forty-odd files nobody on the project wrote,
each misread before: a page of prose writing "x < 3" and "<3" unescaped refused as too many elements;
a WordPress post refused outright for Jetpack's empty "Related" heading, its "← Part 1 | Masterlist |
Part 3 →" links titling its chapter; LiveJournal's and Dreamwidth's "Share Link 12 comments Reply"
and "Recent Entries" posted as story; a Tumblr header's "wc: 640" run into its warnings."""

from __future__ import annotations

import pytest

from bot.story.errors import StoryFormatError
from bot.story.importer import import_story
from bot.story.limits import MAX_HTML_ELEMENTS
from bot.story.model import Story
from bot.warnings.declared import map_texts


def _read(page: str, name: str = "page.html", max_bytes: int = 1 << 20) -> Story:
    return import_story(page.encode(), name, max_bytes=max_bytes)


def _text(story: Story) -> str:
    return "\n".join(paragraph for chapter in story.chapters for paragraph in chapter.paragraphs)


# -- "<" in prose -------------------------------------------------------------------------------

SUM = "Mira chalked it on the slate: if x < 3 the ferry waits, and 4 < 5 always <3"


def test_prose_full_of_unescaped_less_than_signs_is_read() -> None:
    """Each paragraph has three "<" that open no tag: with its <p>, 52,000 "<" passed the element budget."""
    paragraphs = "\n".join(f"<p>{SUM} ({index}).</p>" for index in range(13_000))
    story = _read(f"<html><head><title>Slate Sums</title></head><body>{paragraphs}</body></html>", max_bytes=4 << 20)
    assert story.meta.title == "Slate Sums"
    assert len(story.chapters[0].paragraphs) == 13_000
    assert story.chapters[0].paragraphs[0] == f"{SUM} (0)."


def test_a_page_of_more_elements_than_the_budget_is_still_refused() -> None:
    """Guard: the count that forgives prose's "<" still counts every tag, "<!--" comments too."""
    tags = "<span>a</span>" * (MAX_HTML_ELEMENTS // 2) + "<!-- c -->" * (MAX_HTML_ELEMENTS // 2 + 10)
    with pytest.raises(StoryFormatError, match="HTML elements and comments"):
        _read(f"<html><body><p>x < 3</p>{tags}</body></html>", max_bytes=4 << 20)


def test_a_page_mostly_of_comments_is_refused_naming_what_was_counted() -> None:
    """A page of a few paragraphs and 60,000 comments was refused for "more than 50,000 HTML
    elements": its author, who sees a dozen elements, could not tell what to remove."""
    page = "<html><body><p>Rain.</p>" + "<!-- draft -->" * (MAX_HTML_ELEMENTS + 10_000) + "</body></html>"
    with pytest.raises(StoryFormatError) as refused:
        _read(page, max_bytes=4 << 20)
    assert f"more than {MAX_HTML_ELEMENTS:,} HTML elements and comments" in str(refused.value)


# -- WordPress with Jetpack ---------------------------------------------------------------------

WORDPRESS = """<!DOCTYPE html><html lang="en-GB"><head><meta charset="UTF-8"><title>Small Hours, Part 2 &#8211; Kestrel Writes</title></head>
<body class="post-template-default single single-post"><div id="page" class="site">
<header id="masthead" class="site-header"><p class="site-title"><a href="/">Kestrel Writes</a></p><p class="site-description">fic, mostly</p></header>
<div id="content" class="site-content"><main id="main" class="site-main"><article id="post-812" class="post-812 post type-post hentry">
<header class="entry-header"><h1 class="entry-title">Small Hours, Part 2</h1>
<div class="entry-meta"><span class="posted-on">Posted on <time>January 9, 2024</time></span><span class="byline"> by <span class="author vcard"><a class="url fn n" href="/author/kestrel/">kestrel</a></span></span></div></header>
<div class="entry-content">
<p><strong>Rating:</strong> Teen<br><strong>Warnings:</strong> hospital setting, a parent&#8217;s illness<br><strong>Words:</strong> 1.2k</p>
<p><a href="/small-hours-part-1/">&larr; Part 1</a> | <a href="/small-hours/">Masterlist</a> | <a href="/small-hours-part-3/">Part 3 &rarr;</a></p>
<hr class="wp-block-separator">
<p>The ward lights dimmed at ten, and Jonah stayed, because nobody told him to go.</p>
<p>His father slept with his mouth open, the way he always had in his armchair at home.</p>
<div class="sharedaddy sd-sharing-enabled"><div class="robots-nocontent sd-block sd-social"><h3 class="sd-title">Share this:</h3><ul><li><a class="share-twitter">Twitter</a></li></ul></div></div>
<div id="jp-post-flair" class="sharedaddy sd-like-enabled"><div class="sharedaddy sd-block sd-like jetpack-likes-widget-wrapper"><h3 class="sd-title">Like this:</h3><div class="likes-widget-placeholder"><span class="loading">Loading...</span></div></div></div>
<div id="jp-relatedposts" class="jp-relatedposts"><h3 class="jp-relatedposts-headline"><em>Related</em></h3></div>
</div>
<footer class="entry-footer"><span class="cat-links">Posted in <a href="/category/fic/">fic</a></span></footer>
</article></main></div>
<footer id="colophon" class="site-footer">Proudly powered by WordPress</footer></div></body></html>"""

PARAGRAPHS = [
    "The ward lights dimmed at ten, and Jonah stayed, because nobody told him to go.",
    "His father slept with his mouth open, the way he always had in his armchair at home.",
]


def test_a_wordpress_post_with_jetpacks_boxes_is_read_without_them() -> None:
    story = _read(WORDPRESS)
    assert (story.meta.title, story.meta.author, story.meta.rating) == ("Small Hours, Part 2", "kestrel", "Teen")
    assert sorted(map_texts(story.meta.declared_warnings).ids) == ["procedures"]
    assert [(chapter.title, chapter.paragraphs) for chapter in story.chapters] == [(None, PARAGRAPHS)]


@pytest.mark.parametrize(
    ("line", "heads"),
    [
        ("&larr; Part 1 | Masterlist | Part 3 &rarr;", False),
        ("&laquo; Part 4 | Master List", False),
        ("Part 2 - Home", True),  # no arrow: a part's own heading
    ],
)
def test_a_line_of_links_between_parts_heads_no_chapter(line: str, heads: bool) -> None:
    page = (
        f"<html><body><h2>Part 1</h2><p>The kettle sang on the stove.</p><p>{line}</p>"
        "<p>Nobody came in for a long time.</p></body></html>"
    )
    story = _read(page)
    titles = [chapter.title for chapter in story.chapters]
    assert (len(titles) == 2) is heads, titles
    assert "Nobody came in for a long time." in _text(story)


# -- LiveJournal, Dreamwidth ---------------------------------------------------------------------

LIVEJOURNAL = """<!DOCTYPE html><html><head><title>quillandember: Fic: The Lamplighter's Daughter</title></head><body>
<div id="content"><dl class="entry hentry"><dt class="entry-title">Fic: The Lamplighter's Daughter</dt>
<dd class="entry-date"><abbr class="updated">Nov. 14th, 2009 at 9:03 PM</abbr></dd>
<dd class="entry-text"><div class="entry-content">
<b>Title:</b> The Lamplighter's Daughter<br /><b>Author:</b> quillandember<br /><b>Rating:</b> PG-13<br />
<b>Warnings:</b> character death (off-screen), grief<br /><b>Wordcount:</b> 1,200<br /><br />
Every evening at six Maren took the long pole from its hook by the door and went out into the fog.<br /><br />
There were forty lamps on Coil Street, and every winter she counted them again.
</div></dd>
<dd class="entry-management"><ul class="entry-interaction-links text-links">
<li class="first-item"><a href="#">Share</a></li><li><a href="/48213.html">Link</a></li>
<li><a href="/48213.html#comments">12 comments</a></li><li><a href="/48213.html?mode=reply">Reply</a></li></ul></dd>
</dl></div>
<div id="secondary"><div class="module-navlinks"><a href="#">Recent Entries</a> <a href="#">Archive</a></div></div>
</body></html>"""


def test_a_journal_entrys_links_and_sidebar_are_no_story() -> None:
    story = _read(LIVEJOURNAL)
    assert (story.meta.title, story.meta.author, story.meta.rating) == (
        "The Lamplighter's Daughter",
        "quillandember",
        "PG-13",
    )
    assert story.meta.notes == []  # the word count is no note of the author's
    assert story.chapters[0].paragraphs == [
        "Every evening at six Maren took the long pole from its hook by the door and went out into the fog.",
        "There were forty lamps on Coil Street, and every winter she counted them again.",
    ]


def test_a_paragraph_naming_the_interaction_links_stays() -> None:
    """Guard: only elements so named go; a sentence of the same words is story."""
    page = (
        '<html><body><div class="entry-content"><p>She hit Reply, then Share, then deleted it all.</p>'
        "<p>The link was dead anyway.</p></div></body></html>"
    )
    assert _read(page).chapters[0].paragraphs == [
        "She hit Reply, then Share, then deleted it all.",
        "The link was dead anyway.",
    ]


# -- Tumblr header ------------------------------------------------------------------------------

TUMBLR = """<!DOCTYPE html><html><head><title>the well at the end of the lane</title></head><body>
<article class="post text"><h2 class="post-title">the well at the end of the lane</h2><div class="post-body">
<p><b>pairing:</b> none (gen)<br><b>warnings:</b> a missing child (found safe), grief<br><b>wc:</b> 640</p>
<p>The well at the end of the lane had a lid on it, and a padlock on the lid.</p>
<p>They found her at dusk sitting on the lid, asking the well riddles.</p></div></article></body></html>"""


def test_a_word_count_line_in_a_header_is_no_part_of_the_warnings() -> None:
    story = _read(TUMBLR)
    assert story.meta.declared_warnings == ["warnings: a missing child (found safe), grief"]
    assert sorted(map_texts(story.meta.declared_warnings).ids) == ["grief"]
    assert story.chapters[0].paragraphs == [
        "The well at the end of the lane had a lid on it, and a padlock on the lid.",
        "They found her at dusk sitting on the lid, asking the well riddles.",
    ]


# -- the site's name in the page's <title> -------------------------------------------------------

SQUARESPACE = """<!doctype html><html lang="en-US"><head><meta charset="utf-8"><title>Night Ferry — Marisol Dunne Writes</title>
<meta property="og:site_name" content="Marisol Dunne Writes"></head><body class="collection-type-blog view-item">
<main class="Main"><article class="BlogItem hentry post-type-text"><div class="sqs-layout"><div class="sqs-block html-block">
<p>The last ferry left at eleven, and Tomas was always on it.</p><p>Tonight there was a woman on the deck in a wedding dress.</p>
</div></div></article></main></body></html>"""

BLOGGER = """<!DOCTYPE html><html><head><title>Thornfield Ink: The Orchard Wall</title><meta content='blogger' name='generator'/></head>
<body><div class="post hentry"><h3 class="post-title entry-title">The Orchard Wall</h3>
<div class="post-body entry-content">The wall round the orchard was older than the house.<br /><br />Only Teodor climbed it twice.</div>
</div></body></html>"""


def test_a_squarespace_posts_title_is_without_the_sites_name() -> None:
    assert _read(SQUARESPACE).meta.title == "Night Ferry"


def test_a_blogger_posts_title_is_without_the_blogs_name() -> None:
    assert _read(BLOGGER).meta.title == "The Orchard Wall"


@pytest.mark.parametrize(
    ("head", "title"),
    [
        # no site named: the title as it is
        ("<title>Night Ferry — Marisol Dunne Writes</title>", "Night Ferry — Marisol Dunne Writes"),
        # the site named but not in the title
        (
            '<title>Night Ferry: A Crossing</title><meta property="og:site_name" content="Lamplit">',
            "Night Ferry: A Crossing",
        ),
        # a title that is only the site's name is kept
        ('<title>Lamplit</title><meta property="og:site_name" content="Lamplit">', "Lamplit"),
        # not Blogger: "Part One: The Coast" keeps its colon
        ("<title>Part One: The Coast</title>", "Part One: The Coast"),
    ],
)
def test_a_pages_title_keeps_what_names_no_site(head: str, title: str) -> None:
    page = f"<html><head>{head}</head><body><p>The tide went out and did not come back for a week.</p></body></html>"
    assert _read(page).meta.title == title


# -- a blog post's author line ------------------------------------------------------------------

GHOST = """<!DOCTYPE html><html lang="en"><head><title>The Understudy</title><meta name="generator" content="Ghost 5.75"></head>
<body><main id="site-main"><article class="article post tag-fiction"><header class="article-header gh-canvas">
<h1 class="article-title">The Understudy</h1>
<div class="article-byline"><section class="article-byline-content"><div class="article-byline-meta"><h4 class="author-name"><a href="/author/clem/">Clementine Rowe</a></h4>
<div class="byline-meta-content"><time class="byline-meta-date">Mar 9, 2024</time><span class="byline-reading-time">3 min read</span></div></div></section></div></header>
<section class="gh-content gh-canvas"><p>For six weeks Ada sat in the wings with the script in her lap.</p><p>The lead never fell ill.</p></section>
</article></main></body></html>"""

SQUARESPACE_71 = """<!doctype html><html><head><title>The Salt Orchard — Wren Press</title><meta property="og:site_name" content="Wren Press"></head><body><main><article class="entry h-entry">
<div class="blog-item-top-wrapper"><div class="blog-item-title"><h1 class="entry-title">The Salt Orchard</h1></div>
<div class="blog-item-meta-wrapper"><div class="blog-meta-item blog-meta-item--author"><a href="/stories?author=abc" class="blog-author">Juno Halvorsen</a></div>
<time class="dt-published blog-meta-item blog-meta-item--date">March 3</time></div></div>
<div class="blog-item-content e-content"><div class="sqs-html-content"><p>The orchard grew on the cliff where nothing should grow.</p>
<p>Ilse picked its apples in October with her grandmother.</p></div></div></article></main></body></html>"""


@pytest.mark.parametrize(
    ("page", "title", "author", "first"),
    [
        (GHOST, "The Understudy", "Clementine Rowe", "For six weeks Ada sat in the wings with the script in her lap."),
        (
            SQUARESPACE_71,
            "The Salt Orchard",
            "Juno Halvorsen",
            "The orchard grew on the cliff where nothing should grow.",
        ),
    ],
)
def test_a_blog_posts_byline_names_the_author_and_is_no_story(page: str, title: str, author: str, first: str) -> None:
    story = _read(page)
    assert (story.meta.title, story.meta.author) == (title, author)
    assert len(story.chapters) == 1
    assert story.chapters[0].paragraphs[0] == first
    assert author not in _text(story)
