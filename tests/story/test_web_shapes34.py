"""Web pages as readers save them, from the s34 probe of files nobody on the project wrote: a
FanFiction.net or FictionPress chapter page (desktop or mobile) kept no chapter number of its own, so
"heads up, chapter 7 contains self-harm" in chapter 7's notes declared nothing; a Royal Road chapter
page under an unnumbered heading ("The Bell at Dawn") was titled "The Bell at Dawn - Beneath the
Glass City". Every page here is written for these tests."""

from __future__ import annotations

import pytest

from bot.story.errors import StoryFormatError
from bot.story.importer import import_story
from bot.story.model import Story
from bot.warnings.declared import map_texts


def _read(page: str, name: str = "page.html") -> Story:
    return import_story(page.encode(), name, max_bytes=1 << 20)


def _text(story: Story) -> str:
    return "\n".join(paragraph for chapter in story.chapters for paragraph in chapter.paragraphs)


# -- FanFiction.net's own chapter number ------------------------------------------------------------

FFN_MOBILE = """<!DOCTYPE html><html><head><title>Hollow Season Chapter 7: Ice Fog, a Legend of Zelda fanfic | FanFiction</title></head>
<body><div id="top"><a href="/">FanFiction</a></div>
<div id="content"><div style="text-align:center;"><b>Hollow Season</b> By: <a href="/u/90412/wrenfield">wrenfield</a><br/>
<span class="xcontrast_txt">Fiction T - English - Adventure - Chapters: 9 - Words: 31,207 - Reviews: 40 - Favs: 18 - Follows: 25 - Updated: 2/2/2023 - Published: 9/9/2022</span></div>
<div style="text-align:center;margin-top:10px;">{bar}</div>
<div id="storycontent" class="storycontent nocopy">
<p>A/N: Heads up, chapter 7 contains self-harm. It is brief, and the next chapter is gentler.</p>
<hr/>
<p>The fog came off the lake in sheets and hung in the reeds until noon.</p>
<p>Link kept the lantern lit though it showed him nothing but his own hand.</p>
</div>
<div style="text-align:center;"><a href="/s/4410/6/">&laquo; Prev</a> <a href="/s/4410/8/">Next &raquo;</a></div>
<div id="review"><a href="/r/4410/">Review</a></div></div></body></html>"""

BARS = {
    "numbered": '<a href="/s/4410/6/">&laquo; Prev</a> <b>Chapter 7: Ice Fog</b> <a href="/s/4410/8/">Next &raquo;</a>',
    "name only": '<a href="/s/4410/6/">&laquo; Prev</a> <b>Ice Fog</b> <a href="/s/4410/8/">Next &raquo;</a>',
    "links only": '<a href="/s/4410/6/">&laquo; Prev</a> <a href="/s/4410/8/">Next &raquo;</a>',
    "a list": '<select name="chapter"><option value="6">6. Thaw Line</option><option value="7" selected>7. Ice Fog</option></select>',
}


@pytest.mark.parametrize("bar", sorted(BARS))
def test_a_mobile_chapter_page_is_its_own_chapter_for_the_authors_notes(bar: str) -> None:
    story = _read(FFN_MOBILE.format(bar=BARS[bar]))
    (chapter,) = story.chapters
    assert (chapter.title, chapter.heading_number) == ("Ice Fog", 7)
    assert sorted(map_texts(chapter.declared_warnings).ids) == ["self-harm"]
    assert chapter.paragraphs == [
        "The fog came off the lake in sheets and hung in the reeds until noon.",
        "Link kept the lantern lit though it showed him nothing but his own hand.",
    ]


FFN_DESKTOP = """<!DOCTYPE html><html><head><title>Hollow Season Chapter 4: Reedbeds, a Legend of Zelda fanfic | FanFiction</title></head>
<body><div id="top"><a href="/">FanFiction</a></div><div id="content_parent">
<div id="profile_top"><b class="xcontrast_txt">Hollow Season</b> <span class="xcontrast_txt">By:</span> <a class="xcontrast_txt" href="/u/90412/wrenfield">wrenfield</a>
<div class="xcontrast_txt">A winter on the lake, and what walks on it.</div>
<span class="xgray xcontrast_txt">Rated: <a href="#">Fiction  T</a> - English - Adventure - Chapters: 9 - Words: 31,207</span></div>
<select id="chap_select" title="Chapter Navigation"><option value="3">3. Thin Ice<option value="4" selected>4. Reedbeds<option value="5">5. Thaw Line</select>
<div class="storytextp" id="storytextp"><div class="storytext xcontrast_txt nocopy" id="storytext">
<p>Author's note: heads up, chapter 4 contains a suicide attempt.</p><hr size="1" noshade="">
<p>The reeds grew taller than a man that year, and whispered when nobody moved them.</p>
</div></div></div></body></html>"""


def test_a_desktop_chapter_page_is_the_chapter_its_list_chooses() -> None:
    (chapter,) = _read(FFN_DESKTOP).chapters
    assert (chapter.title, chapter.heading_number) == ("Reedbeds", 4)
    assert chapter.declared_warnings == ["chapter 4 contains a suicide attempt"]


def test_a_note_naming_another_chapter_declares_nothing_here() -> None:
    """Guard: the page is chapter 4; the author's word on chapter 6 is not this chapter's."""
    page = FFN_DESKTOP.replace("chapter 4 contains a suicide attempt", "chapter 6 contains a suicide attempt")
    (chapter,) = _read(page).chapters
    assert chapter.heading_number == 4
    assert chapter.declared_warnings == []


AO3_CHAPTER = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Salt Glass - Chapter 2 - marramgrass - Original Work [Archive of Our Own]</title></head>
<body class="logged-out"><div id="outer" class="wrapper"><header id="header" class="region"><h1 class="heading"><a href="/">Archive of Our Own</a></h1></header>
<div id="main" class="works-show region" role="main"><div class="wrapper"><dl class="work meta group"><dt class="rating tags">Rating:</dt><dd class="rating tags"><ul class="commas"><li><a class="tag" href="/tags/Teen/works">Teen And Up Audiences</a></li></ul></dd>
<dt class="warning tags">Archive Warning:</dt><dd class="warning tags"><ul class="commas"><li><a class="tag" href="/tags/x/works">Creator Chose Not To Use Archive Warnings</a></li></ul></dd></dl></div>
<div id="workskin"><div class="preface group"><h2 class="title heading">Salt Glass</h2><h3 class="byline heading"><a rel="author" href="/users/marramgrass/pseuds/marramgrass">marramgrass</a></h3>
<div class="summary module"><h3 class="heading">Summary:</h3><blockquote class="userstuff"><p>Glassblowers on a windy coast, and the one who can’t stop breaking things.</p></blockquote></div></div>
<div id="chapters" role="article"><div class="chapter" id="chapter-2"><div class="chapter preface group" role="complementary"><h3 class="title"><a href="/works/1/chapters/2">Chapter 2</a>: Annealing</h3>
<div id="notes" class="notes module" role="complementary"><h3 class="heading">Notes:</h3><blockquote class="userstuff"><p>Heads up, chapter 2 contains self-harm.</p></blockquote></div></div>
<div class="userstuff module" role="article"><h3 class="landmark heading" id="work">Chapter Text</h3><p>The glass had to cool slowly or it would remember the heat and crack — that’s what Nan said.</p><p>Efa burned her palm on the punty and said nothing for a whole day.</p></div></div></div></div></div></div></body></html>"""


def test_an_ao3_chapter_page_is_its_own_chapter_for_the_authors_notes() -> None:
    """AO3's page of one chapter, as FanFiction.net's: "Chapter 2: Annealing" is chapter 2."""
    (chapter,) = _read(AO3_CHAPTER).chapters
    assert (chapter.title, chapter.heading_number) == ("Annealing", 2)
    assert chapter.declared_warnings == ["chapter 2 contains self-harm"]


# -- Royal Road under an unnumbered heading ---------------------------------------------------------

ROYAL_ROAD = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>The Bell at Dawn - Beneath the Glass City | Royal Road</title></head>
<body class="page-header-fixed chapter-page">
<div class="page-header navbar navbar-fixed-top"><a href="/home">Royal Road</a></div>
<div class="page-container"><div class="page-content">
<div class="fic-header"><div class="row"><div class="col-md-5 fic-title">
<h1 class="font-white break-word">The Bell at Dawn</h1>
<h2 class="font-white inline-block"><span>by</span> <a href="/profile/4412" class="font-white">Orla_Penrose</a></h2>
</div></div></div>
<div class="portlet light"><div class="row nav-buttons"><a class="btn btn-primary" href="/fiction/9/chapter/11">Previous Chapter</a><a class="btn btn-primary" href="/fiction/9/chapter/13">Next Chapter</a></div></div>
<div class="chapter-inner chapter-content">
<p>Someone rang the bell on the glass tower an hour before sunrise, and the whole city woke at once.</p>
<p>Tamsin was already dressed. She had not slept since the stair.</p>
</div>
<div class="portlet light"><div class="portlet-body"><a href="/fiction/9/chapter/11">Previous Chapter</a> <a href="/fiction/9/chapter/13">Next Chapter</a></div></div>
</div></div></body></html>"""


def test_a_chapter_page_under_an_unnumbered_heading_is_titled_by_its_story() -> None:
    story = _read(ROYAL_ROAD)
    assert (story.meta.title, story.meta.author) == ("Beneath the Glass City", "Orla_Penrose")
    assert [chapter.title for chapter in story.chapters] == ["The Bell at Dawn"]
    assert "Next Chapter" not in _text(story)


def test_a_post_with_post_links_keeps_its_title() -> None:
    """Guard: the same header with a blog's "Previous post" and "Next post" is no chapter page: its
    <title> is kept whole, not taken for a story "Gull Notes"."""
    page = (
        "<html><head><title>The Pier - Gull Notes</title></head><body><h1>The Pier</h1>"
        '<h2>by <a href="/profile/3">Wren</a></h2>'
        "<p>The pier was empty when she got there, and she waited anyway.</p>"
        '<nav><a href="/p/1">Previous post</a> <a href="/p/3">Next post</a></nav></body></html>'
    )
    assert _read(page).meta.title == "The Pier - Gull Notes"


# -- reading sites and blogs read as any page: their chrome, bylines and dates --------------------
# Each page is in the shape its site gives it (the markup's names and boxes), the story its own.

QUOTEV = """<!DOCTYPE html><html><head><title>The Moth House | Chapter 2: Dust - Quotev</title><meta property="og:site_name" content="Quotev"></head>
<body><div id="head"><a href="/">Quotev</a> <a href="/stories">Stories</a></div>
<div id="content"><div class="story"><h1 id="quizHeadTitle">The Moth House</h1><div class="quizHeadAuthor">by <a href="/thistlewick">thistlewick</a></div>
<div id="rdt"><select id="chSelect"><option value="1">Chapter 1: Moths</option><option value="2" selected>Chapter 2: Dust</option></select></div>
<h2 class="chTitle">Chapter 2: Dust</h2>
<div id="rtext"><div id="rtext_div">The dust in the moth house lay in drifts against the skirting boards.<br><br>Pia wrote her name in it and by morning it was gone.<br><br>Something in the house liked things tidy.</div></div>
<div class="storyActions"><a class="btn">Like</a><a class="btn">Favorite</a><a class="btn">Share</a></div>
<div id="comments"><h3>Comments (4)</h3><div class="comment">love this!!</div></div></div></div></body></html>"""

KINDLE_VELLA = """<!DOCTYPE html><html lang="en-us"><head><title>Episode 3: The Ledger | The Salt Clerk | Kindle Vella</title></head>
<body><div id="vella-header"><a href="/">Kindle Vella</a><a href="/browse">Browse</a></div>
<div class="story-header"><h2 class="story-title"><a href="/story/B0ABC">The Salt Clerk</a></h2><div class="author-name">By <a href="/author/x">Ines Varga</a></div></div>
<div class="episode-header"><h1 class="episode-title">Episode 3: The Ledger</h1><span class="episode-meta">Published Mar 4, 2022 · 9 min read</span></div>
<div class="episode-content"><p>The ledger did not balance, and Ottilie knew by the third page that it never had.</p><p>Someone had been adding salt that was never weighed.</p></div>
<div class="authors-note"><h3>Author's Note</h3><p>Thanks for reading! The next episode has a brief scene of violence.</p></div>
<div class="episode-actions"><button>Give a Thumbs Up</button><button>Fave</button><a href="/episode/4">Next Episode</a></div>
<div class="token-unlock"><p>Unlock the next episode with 21 tokens</p></div></body></html>"""

WIKIDOT = """<!DOCTYPE html><html><head><title>The Paper Crane Protocol - Hollowmark Wiki</title></head>
<body id="html-body"><div id="skrollr-body"><div id="container-wrap"><div id="container"><div id="header"><h1><a href="/"><span>Hollowmark Wiki</span></a></h1><h2><span>tales of the hollow</span></h2></div>
<div id="top-bar"><ul><li><a href="/tales">Tales</a></li><li><a href="/hubs">Hubs</a></li></ul></div>
<div id="content-wrap"><div id="side-bar"><div class="side-block"><a href="/main">Main</a><a href="/forum">Forum</a></div></div>
<div id="main-content"><div id="page-title">The Paper Crane Protocol</div>
<div id="page-content"><div class="rate-box-with-credit-button"><div class="page-rate-widget-box"><span class="rate-points">rating:&nbsp;<span class="number prw54353">+34</span></span><span class="rateup btn btn-default"><a title="I like it">+</a></span></div></div>
<div class="content-warning"><p><strong>Content warning:</strong> body horror, suicide mentioned.</p></div>
<p>By the time the cranes started folding themselves, Dr. Aldine had stopped sleeping.</p>
<p>She logged each one: size, colour, the hour it appeared on her desk.</p>
<div class="footer-wikiwalk-nav"><div style="text-align: center;"><p>« <a href="/hub">Hub</a> | <a href="/next">Part Two</a> »</p></div></div></div>
<div class="page-tags"><span><a href="/system:page-tags/tag/tale">tale</a><a href="/system:page-tags/tag/horror">horror</a></span></div>
<div id="page-info">page revision: 14, last edited: 02 Oct 2022 19:04</div>
<div id="page-options-bottom" class="page-options-bottom"><a id="edit-button">Edit</a><a id="pagerate-button">Rate (+34)</a><a id="tags-button">Tags</a><a id="history-button">History</a></div></div></div></div>
<div id="footer"><div class="options"><a href="/help">Help</a> | <a href="/tos">Terms of Service</a></div><div class="license-area">Unless otherwise stated, the content of this page is licensed under Creative Commons Attribution-ShareAlike 3.0 License</div></div></div></div></body></html>"""

GDOCS_PUBLISHED = """<!DOCTYPE html><html><head><meta content="text/html; charset=UTF-8" http-equiv="content-type"><title>Windbreak - Google Docs</title></head>
<body><div id="banners"><div id="publish-banner"><span id="publish-banner-text">Published using Google Docs</span><a href="#">Report abuse</a><span>Learn more</span></div><div id="title-banner"><div id="title">Windbreak</div><div id="interval">Updated automatically every 5 minutes</div></div></div>
<div id="contents"><style type="text/css">.c1{font-weight:700}.c2{text-align:center}</style><div class="doc-content">
<p class="c2 title"><span class="c1">Windbreak</span></p><p class="c2"><span>by Perrin Lasko</span></p>
<p class="c2"><span>TW: a car accident, hospital scenes</span></p>
<h1 class="c3"><span>One</span></h1><p class="c0"><span>The poplars stood in a line to stop the wind and the wind went round them.</span></p><p class="c0"><span>Dad said that was the point of trees: they tried.</span></p>
<h1 class="c3"><span>Two</span></h1><p class="c0"><span>The hospital had a row of poplars too, and Perrin hated them.</span></p></div></div>
<div id="footer"><div id="footer-contents">Published by <a href="#">Google Drive</a> – <a href="#">Report Abuse</a></div></div></body></html>"""

BLOGGER = """<!DOCTYPE html><html><head><meta content='blogger' name='generator'/><title>Thornwick Tales: The Orchard Gate (part 1)</title></head>
<body><div class='content'><header><div class='header-outer'><h1 class='title'><a href='https://thornwick.blogspot.com/'>Thornwick Tales</a></h1><p class='description'>stories from the hill farm</p></div></header>
<div class='main-inner'><div class='blog-posts hfeed'><div class='date-outer'><h2 class='date-header'><span>Tuesday, 14 May 2019</span></h2>
<div class='post-outer'><div class='post hentry'><h3 class='post-title entry-title'>The Orchard Gate (part 1)</h3>
<div class='post-header'><div class='post-header-line-1'></div></div>
<div class='post-body entry-content' id='post-body-771'>Content note: animal death (a lamb, off the page).<br /><br />The gate had been painted green once, and the green came off on your hands.<br /><br />Nell leaned on it every evening and watched the ewes.<br /><br /><i>to be continued</i></div>
<div class='post-footer'><div class='post-footer-line post-footer-line-1'><span class='post-author vcard'>Posted by <span class='fn'>Nell Garrow</span></span> <span class='post-timestamp'>at <a class='timestamp-link' href='#'>20:31</a></span> <span class='post-comment-link'><a class='comment-link' href='#'>2 comments:</a></span></div>
<div class='post-footer-line post-footer-line-2'><span class='post-labels'>Labels: <a href='https://thornwick.blogspot.com/search/label/fiction' rel='tag'>fiction</a>, <a href='https://thornwick.blogspot.com/search/label/orchard%20gate' rel='tag'>orchard gate</a></span></div>
<div class='post-share-buttons'><a class='share-button' href='#'>Email This</a><a class='share-button' href='#'>BlogThis!</a><a class='share-button' href='#'>Share to Twitter</a></div></div></div></div></div></div>
<div class='blog-pager' id='blog-pager'><a class='blog-pager-newer-link' href='#'>Newer Post</a> <a class='blog-pager-older-link' href='#'>Older Post</a> <a class='home-link' href='#'>Home</a></div>
<div class='post-feeds'>Subscribe to: <a href='#'>Post Comments (Atom)</a></div></div>
<div class='sidebar'><h2>Blog Archive</h2><ul><li>2019 (4)</li></ul><h2>About Me</h2><p>Nell Garrow</p></div></div></body></html>"""

WEBNOVEL = """<!DOCTYPE html><html><head><title>The Ninth Furnace Chapter 12 - The Cinder Road - Webnovel</title></head>
<body><div class="g_header"><a href="/">WEBNOVEL</a><a href="/stories/novel">Browse</a></div>
<div class="cha-wrap"><div class="cha-hd"><div class="cha-hd-mn"><h1 class="cha-tit"><span class="j_chapterName"><span class="mr8">Chapter 12</span>The Cinder Road</span></h1>
<div class="cha-hd-info"><span><a class="c_primary" href="/profile/1">Wen_Aster</a></span><span>1,704 words</span><span>Updated Jun 5, 2021</span></div></div></div>
<div class="cha-content"><div class="cha-words"><p class="cha-paragraph"><span class="content-wrap">Lin walked the cinder road with her shoes in her hands.</span></p><p class="cha-paragraph"><span class="content-wrap">The ash was still warm a hand's depth down.</span></p></div></div>
<div class="cha-ft"><div class="m-thou"><h4>Creation is hard, cheer me up!</h4><a class="j_vote_power">Vote with Power Stone</a></div><a class="j_report">Report chapter</a></div>
<div class="cha-bts"><a href="/c11">Previous Chapter</a><a href="/c13">Next Chapter</a></div></div></body></html>"""

PATREON = """<!DOCTYPE html><html lang="en"><head><title>The Weir, part 4 | Fen Calloway on Patreon</title><meta property="og:site_name" content="Patreon"></head>
<body><div id="renderPageContentWrapper"><header data-tag="nav"><a href="/home">Patreon</a><a href="/login">Log in</a></header>
<div data-tag="post-card"><div><span data-tag="post-published-at">Aug 2, 2022 at 9:02 PM</span></div><h1><span data-tag="post-title">The Weir, part 4</span></h1>
<div data-tag="post-content"><p>Content warning: a near-drowning.</p><p>Marta went into the weir after the dog, which was the stupidest thing she had done all year.</p><p>The water was not deep, only fast, and fast was enough.</p></div>
<div data-tag="post-tags"><a href="/c/fen/posts?filters[tag]=The%20Weir">The Weir</a></div>
<div data-tag="post-details"><button data-tag="like-button">Like</button><span data-tag="like-count">38</span><button data-tag="comment-post-icon">Comment</button></div></div>
<div data-tag="creator-public-page-recent-posts"><h2>More from Fen Calloway</h2></div></div></body></html>"""

SCRIBBLE_HUB = """<!DOCTYPE html><html lang="en-US"><head><title>The Lantern Eater - Chapter 5: Wicks | Scribble Hub</title></head>
<body class="chapter"><div id="page"><header id="masthead"><a href="/">Scribble Hub</a></header>
<div class="wi_fic_wrap chapter"><div class="chapter-title">Chapter 5: Wicks</div>
<div class="chp_byline"><a href="/profile/77/">Ysolde Marr</a></div>
<div id="chp_contents"><div id="chp_raw" class="chp_raw"><div class="wi_authornotes"><div class="wi_authornotes_body"><p>CW: this chapter has an implied suicide attempt. Skip to the break if you need to.</p></div></div>
<p>The creature ate the wick first, always the wick, as though the wax were an afterthought.</p><p>Roz fed it another candle and wrote down the time.</p></div></div>
<div class="prenext"><a class="btn-wi btn-prev" href="/4">Previous</a><a class="btn-wi btn-index" href="/series/1/">Index</a><a class="btn-wi btn-next" href="/6">Next</a></div>
<div class="chp_ad">Support me on Patreon!</div></div></div></body></html>"""

WRITE_AS = """<!DOCTYPE HTML><html><head><meta charset="utf-8"><title>Hinterland &mdash; moth notes</title><meta name="author" content="moth notes"><meta name="generator" content="WriteFreely"></head>
<body id="post"><header><h1 dir="auto" id="blog-title"><a href="/" class="h-card p-author">moth notes</a></h1><nav><a href="/">Home</a></nav></header>
<article id="post-body" class="norm h-entry e-content"><h2 id="title" class="p-name">Hinterland</h2><p>cw: alcohol, a parent's drinking</p>
<p>The bus stopped where the road stopped, and Iva got off with the other two.</p><p>There was a shop and a chapel and a field with a horse in it that did not look up.</p>
<p><a href="https://moth.write.as/tag:fiction" class="hashtag"><span>#</span><span class="p-category">fiction</span></a> <a href="https://moth.write.as/tag:hinterland" class="hashtag"><span>#</span><span class="p-category">hinterland</span></a></p></article>
<footer dir="ltr"><hr><nav><p style="font-size: 0.9em">published with <a class="home pubd" href="/">write.as</a></p></nav></footer></body></html>"""

READER_VIEW = """<!DOCTYPE html><html><head><meta content="text/html; charset=UTF-8" http-equiv="content-type"><meta name="viewport" content="width=device-width; user-scalable=0">
<link rel="stylesheet" href="chrome://global/skin/aboutReader.css" type="text/css"><title>Ferry Lines - Chapter 3 - petrelwing - Original Work [Archive of Our Own]</title></head>
<body class="light sans-serif loaded" dir="ltr"><div class="container" style="--font-size: 20px;">
<div class="header reader-header reader-show-element"><a class="domain reader-domain" href="https://archiveofourown.org/works/48812/chapters/12">archiveofourown.org</a>
<div class="domain-border"></div><h1 class="reader-title">Ferry Lines - Chapter 3 - petrelwing - Original Work [Archive of Our Own]</h1>
<div class="credits reader-credits"></div><div class="meta-data"><div class="reader-estimated-time">4-5 minutes</div></div></div><hr>
<div class="content"><div class="mozReaderContent readerShowElement"><div id="readability-page-1" class="page"><div id="chapters" role="article">
<h3><a href="https://archiveofourown.org/works/48812/chapters/12">Chapter 3</a>: Crossing</h3>
<div><h3>Notes:</h3><blockquote><p>Warning for a panic attack in the middle section.</p></blockquote></div>
<div role="article"><h3 id="work">Chapter Text</h3><p>The ferry left at six whether anyone was on it or not.</p><p>Noor was on it, gripping the rail, counting the bolts in the deck.</p><p>By the far shore she had counted all of them twice.</p></div>
</div></div></div></div>
<div><div class="reader-message"></div></div></div></body></html>"""

NEOCITIES = """<!DOCTYPE html><html><head><title>starling's shelf :: The Copper Hare</title><link rel="stylesheet" href="/style.css"></head>
<body><div id="container"><div id="header"><a href="/">~ starling's shelf ~</a></div><div id="navbar"><a href="/">home</a> | <a href="/fic.html">fic</a> | <a href="/links.html">links</a></div>
<div id="main"><h1>The Copper Hare</h1><p class="byline">by starling</p>
<details class="cw"><summary>content warnings (click to show)</summary><p>animal death, blood, a house fire</p></details>
<p class="summary"><b>summary:</b> A tinker's daughter trades for a hare made of copper, and it will not stop running.</p>
<h2>i. the fair</h2><p>The fair came in April with the mud still on its wheels.</p><p>Agnes traded her mother's thimble for the hare because it looked at her.</p>
<h2>ii. the fire</h2><p>The hare ran the night the barn burned, and Agnes ran after it.</p>
<p class="endnote"><a href="/fic.html">&larr; back to fic</a></p></div>
<div id="footer">made with love &amp; notepad++ | <a href="https://neocities.org">neocities</a> | <img src="counter.gif" alt="hit counter"></div></div></body></html>"""


def test_a_chapter_menu_set_as_a_select_is_no_heading() -> None:
    """Quotev's chapter menu (a <select>) ran its entries together into a heading over nothing: refused."""
    story = _read(QUOTEV)
    assert (story.meta.title, story.meta.author) == ("The Moth House", "thistlewick")
    assert [(chapter.title, chapter.heading_number) for chapter in story.chapters] == [("Dust", 2)]
    assert story.chapters[0].paragraphs[-1] == "Something in the house liked things tidy."


def test_a_sites_header_division_linking_home_is_chrome() -> None:
    """Kindle Vella's "vella-header" ("Kindle VellaBrowse") was a chapter of its own, and its
    "Published ... · 9 min read" line and "Next Episode" button story text."""
    story = _read(KINDLE_VELLA)
    assert (story.meta.title, story.meta.author) == ("The Salt Clerk", "Ines Varga")
    (chapter,) = story.chapters
    assert (chapter.title, chapter.heading_number) == ("The Ledger", 3)
    assert chapter.paragraphs[:2] == [
        "The ledger did not balance, and Ottilie knew by the third page that it never had.",
        "Someone had been adding salt that was never weighed.",
    ]
    assert not {"Kindle VellaBrowse", "Published Mar 4, 2022 · 9 min read"} & set(chapter.paragraphs)


def test_a_wiki_pages_header_menus_and_widgets_are_chrome_and_its_name_leaves_the_title() -> None:
    story = _read(WIKIDOT)
    assert story.meta.title == "The Paper Crane Protocol"
    assert sorted(map_texts(story.meta.declared_warnings).ids) == ["blood-gore", "suicide"]
    assert story.chapters[0].paragraphs == [
        "By the time the cranes started folding themselves, Dr. Aldine had stopped sleeping.",
        "She logged each one: size, colour, the hour it appeared on her desk.",
    ]


def test_a_hand_made_pages_header_linking_home_is_no_chapter() -> None:
    story = _read(NEOCITIES)
    assert (story.meta.title, story.meta.author) == ("The Copper Hare", "starling")
    assert story.meta.summary == "A tinker's daughter trades for a hare made of copper, and it will not stop running."
    assert [chapter.title for chapter in story.chapters] == ["the fair", "the fire"]


def test_a_published_google_doc_loses_its_banners() -> None:
    story = _read(GDOCS_PUBLISHED)
    assert (story.meta.title, story.meta.author) == ("Windbreak", "Perrin Lasko")
    assert sorted(map_texts(story.meta.declared_warnings).ids) == ["procedures"]
    assert [chapter.paragraphs[0] for chapter in story.chapters] == [
        "The poplars stood in a line to stop the wind and the wind went round them.",
        "The hospital had a row of poplars too, and Perrin hated them.",
    ]


def test_a_blogger_posts_posted_by_line_names_the_author() -> None:
    story = _read(BLOGGER)
    assert (story.meta.title, story.meta.author) == ("The Orchard Gate (part 1)", "Nell Garrow")


def test_a_web_novel_chapter_page_keeps_its_heading_and_loses_its_buttons() -> None:
    """Its label in a span of its own ran into the title ("Chapter 12The Cinder Road"), and its
    "Creation is hard, cheer me up!" heading over "Report chapter" refused the page."""
    story = _read(WEBNOVEL)
    assert (
        story.meta.title == "The Ninth Furnace"
    )  # its <title>, "The Ninth Furnace Chapter 12 - The Cinder Road - Webnovel"
    (chapter,) = story.chapters
    assert (chapter.title, chapter.heading_number) == ("The Cinder Road", 12)
    assert chapter.paragraphs[-2:] == [
        "Lin walked the cinder road with her shoes in her hands.",
        "The ash was still warm a hand's depth down.",
    ]


def test_a_posts_date_over_its_title_and_the_sites_closing_heading_are_no_story() -> None:
    """Patreon's date line titled the story, and "More from Fen Calloway" refused the page."""
    story = _read(PATREON)
    assert story.meta.title == "The Weir, part 4"
    assert story.meta.declared_warnings == ["Content warning: a near-drowning."]
    assert story.chapters[0].paragraphs[0].startswith("Marta went into the weir")


def test_a_byline_box_beside_the_chapter_title_names_the_author() -> None:
    story = _read(SCRIBBLE_HUB)
    assert (story.meta.title, story.meta.author) == ("The Lantern Eater", "Ysolde Marr")
    assert story.chapters[0].paragraphs[0].startswith("The creature ate the wick first")
    assert "Support me on Patreon!" not in _text(story)


def test_writefreely_hashtags_are_tags() -> None:
    story = _read(WRITE_AS)
    assert story.meta.additional_tags == ["fiction", "hinterland"]
    assert "#fiction #hinterland" not in _text(story)


def test_a_reader_view_page_loses_its_header() -> None:
    story = _read(READER_VIEW)
    assert (story.meta.title, story.meta.author) == ("Ferry Lines", "petrelwing")  # as AO3's <title> names them
    (chapter,) = story.chapters
    assert (chapter.title, chapter.heading_number) == ("Crossing", 3)
    assert chapter.declared_warnings == ["Warning for a panic attack in the middle section"]


AO3_SERIES = """<!DOCTYPE html><html lang="en"><head><title>The Lighthouse Years | Archive of Our Own</title></head>
<body class="logged-out"><div id="outer" class="wrapper"><header id="header" class="region"><h1 class="heading"><a href="/">Archive of Our Own</a></h1></header>
<div id="inner" class="wrapper"><div id="main" class="series-show region" role="main"><h2 class="heading">The Lighthouse Years</h2>
<div class="wrapper"><dl class="series meta group"><dt>Creator:</dt><dd><a rel="author" href="/users/sorrelhart/pseuds/sorrelhart">sorrelhart</a></dd><dt>Series Begun:</dt><dd>2024-02-11</dd><dt>Description:</dt><dd><blockquote class="userstuff"><p>Three stories about one lighthouse.</p></blockquote></dd>
<dt class="stats">Stats:</dt><dd class="stats"><dl class="stats"><dt>Words:</dt><dd>4,210</dd><dt>Works:</dt><dd>2</dd><dt>Complete:</dt><dd>No</dd></dl></dd></dl></div>
<h3 class="landmark heading">Listing Series</h3><ul class="series work index group">
<li id="work_55501234" class="work blurb group" role="article"><div class="header module"><h4 class="heading"><a href="/works/55501234">Lantern Weather</a> by <a rel="author" href="/users/sorrelhart/pseuds/sorrelhart">sorrelhart</a></h4>
<h5 class="fandoms heading"><span class="landmark">Fandoms:</span> <a class="tag" href="/tags/Original%20Work/works">Original Work</a></h5><ul class="required-tags"><li><span class="rating-mature rating"><span class="text">Mature</span></span></li></ul><p class="datetime">11 Feb 2024</p></div>
<h6 class="landmark heading">Tags</h6><ul class="tags commas"><li class="warnings"><strong><a class="tag" href="/tags/x/works">Major Character Death</a></strong></li></ul>
<h6 class="landmark heading">Summary</h6><blockquote class="userstuff summary"><p>The keeper's daughter keeps the light after the keeper is gone.</p></blockquote>
<h6 class="landmark heading">Series</h6><ul class="series"><li>Part <strong>1</strong> of <a href="/series/3001">The Lighthouse Years</a></li></ul>
<dl class="stats"><dt class="words">Words:</dt><dd class="words">812</dd><dt class="chapters">Chapters:</dt><dd class="chapters">2/2</dd></dl></li>
<li id="work_55509999" class="work blurb group" role="article"><div class="header module"><h4 class="heading"><a href="/works/55509999">Fog Signal</a> by <a rel="author" href="/users/sorrelhart/pseuds/sorrelhart">sorrelhart</a></h4></div>
<h6 class="landmark heading">Summary</h6><blockquote class="userstuff summary"><p>The horn sounds all night and the boats still come in wrong.</p></blockquote></li></ul>
</div></div></div></body></html>"""


def test_an_ao3_series_page_is_refused_as_a_list_of_works() -> None:
    """Read as a page, the series' two blurbs were one story's chapters ("Creator:", "Words:4,210Works:2")."""
    with pytest.raises(StoryFormatError, match=r"^This is an AO3 page listing works"):
        _read(AO3_SERIES)


def test_a_page_titled_by_someone_else_in_ao3s_shape_names_no_author_of_a_blog() -> None:
    """Guard: a page with a byline of its own keeps it; AO3's <title> only names an author nothing else does."""
    page = (
        "<html><head><title>Gulls - Chapter 1 - wren - Original Work [Archive of Our Own]</title></head><body>"
        '<div class="entry-meta">Posted by <span class="author">Mara Quill</span></div>'
        "<p>The gulls came in with the boats.</p></body></html>"
    )
    assert _read(page).meta.author == "Mara Quill"


WATTPAD = """<!DOCTYPE html><html lang="en-US"><head><title>Salt and Cinder - Chapter Four: The Kiln - Wattpad</title>
<meta property="og:site_name" content="Wattpad"><meta property="og:title" content="Salt and Cinder - Chapter Four: The Kiln"></head>
<body><div id="app-container"><header class="header"><nav><a href="/home">Wattpad</a><a href="/stories">Browse</a><a href="/login">Log in</a></nav></header>
<div class="story-part"><div class="part-header"><div class="story-info"><a class="story-info__title" href="/story/3341-salt-and-cinder">Salt and Cinder</a>
<span class="author-info"><a class="on-navigate" href="/user/marrowlight">by marrowlight</a></span></div>
<h1 class="h2">Chapter Four: The Kiln</h1><div class="story-stats"><span class="reads">Reads 12.4K</span><span class="votes">Votes 803</span><span class="comments">Parts 22</span></div></div>
<div class="part-content"><div class="page"><pre><p data-p-id="a1">The kiln had been cold for a year when Bea lit it again.</p><p data-p-id="a2">Her hands remembered the order of things before she did.</p><p data-p-id="a3">Wood, then coal, then waiting.</p></pre></div></div>
<div class="part-actions"><button class="vote">Vote</button><button class="comment">Comment</button><button class="share">Share</button></div>
<div class="next-part"><a href="/3341-salt-and-cinder-chapter-five">Continue to next part</a></div>
<div class="recommended"><h3>You'll also like</h3><ul><li><a href="/story/9">The Glass Orchard</a> <span>by someoneelse</span></li></ul></div></div></div></body></html>"""


def test_a_reading_bars_by_link_names_the_author() -> None:
    """Wattpad's "by marrowlight" is one link to the author's page, "by" and all: no author was read."""
    story = _read(WATTPAD)
    assert (story.meta.title, story.meta.author) == ("Salt and Cinder", "marrowlight")
    assert [(chapter.title, chapter.heading_number) for chapter in story.chapters] == [("The Kiln", 4)]
    assert story.chapters[0].paragraphs[-1] == "Wood, then coal, then waiting."


def test_a_link_saying_by_in_a_sentence_names_no_author() -> None:
    """Guard: a user's link in the story's text ("by wren's own hand") is no byline."""
    page = (
        "<html><head><title>Letters</title></head><body><h1>Letters</h1>"
        '<p>The letter was written <a href="/user/wren">by wren</a> herself, in pencil, on the back of a map.</p></body></html>'
    )
    story = _read(page)
    assert story.meta.author is None
    assert story.chapters[0].paragraphs == ["The letter was written by wren herself, in pencil, on the back of a map."]


# -- guards: what these rules must leave alone -------------------------------------------------------


def test_a_header_division_with_the_storys_heading_and_no_home_link_stays() -> None:
    page = (
        '<html><head><title>x</title></head><body><div id="header"><h1>The Flint Road</h1><p>by Ada Voss</p></div>'
        "<p>The road was flint for a mile and then it was nothing.</p></body></html>"
    )
    story = _read(page)
    assert (story.meta.title, story.meta.author) == ("The Flint Road", "Ada Voss")


def test_a_date_under_a_heading_stays() -> None:
    """Guard: only a date over the page's first heading is the post's; a diary's date under its day stays."""
    page = (
        "<html><body><h1>Ice Diary</h1><h2>Day One</h2><p>March 3, 1912</p>"
        "<p>We left the ship at dawn.</p><h2>Day Two</h2><p>The dogs would not pull.</p></body></html>"
    )
    first = _read(page).chapters[0]
    assert "March 3, 1912" in [first.title, *first.paragraphs]  # (read as the day's title, as before)
    assert first.paragraphs[-1] == "We left the ship at dawn."


def test_an_empty_chapter_heading_between_chapters_is_still_refused() -> None:
    """Guard: only headings naming no chapter close a page; an empty "Chapter 2" before more chapters is
    an error to report. (An empty last one, "Chapter 3" closing the page, is a serial's next chapter
    headed before it was written, and dropped: tests/story/test_reader_gaps37.py.)"""
    page = (
        "<html><body><h2>Chapter 1</h2><p>She ran.</p><h2>Chapter 2</h2><h2>Chapter 3</h2><p>She hid.</p></body></html>"
    )
    with pytest.raises(StoryFormatError, match="Chapter 2"):
        _read(page)


def test_a_link_in_a_sentence_with_a_buttons_words_stays() -> None:
    page = (
        "<html><body><h1>Gull</h1><p>The gull would not leave.</p>"
        '<div><p>She wrote it down.</p><a href="/c/2">Next chapter</a> was all the note said.</div></body></html>'
    )
    assert "Next chapter was all the note said." in _text(_read(page))


# -- a newsletter saved from the inbox -----------------------------------------------------------------

NEWSLETTER = b"""From: Hollis Vane <hollis@inkwater.example>
To: reader@example.com
Subject: The Cartographer's Apprentice, part 3
MIME-Version: 1.0
Content-Type: multipart/alternative; boundary="b1"

--b1
Content-Type: text/plain; charset="utf-8"

The Cartographer's Apprentice, part 3

--b1
Content-Type: text/html; charset="utf-8"

<html><body><table role="presentation"><tr><td><h1>The Cartographer's Apprentice, part 3</h1><p><em>Content warning: a fall from height.</em></p>
<p>Wren held the ladder while the old man climbed, and did not look up, because looking up made it worse.</p><p>The map at the top of the tower was older than the tower.</p>
<p style="font-size:12px;color:#777">You're receiving this because you subscribed to Inkwater. <a href="#">Unsubscribe</a> | <a href="#">View in browser</a></p></td></tr></table></body></html>
--b1--
"""


def test_a_newsletters_mailer_footer_is_no_story() -> None:
    story = import_story(NEWSLETTER, "part3.eml", max_bytes=1 << 20)
    assert story.meta.title == "The Cartographer's Apprentice, part 3"
    assert story.chapters[0].paragraphs == [
        "Wren held the ladder while the old man climbed, and did not look up, because looking up made it worse.",
        "The map at the top of the tower was older than the tower.",
    ]


def test_a_long_paragraph_with_an_unsubscribe_link_is_the_storys() -> None:
    """Guard: only a short block holding the mailer's link goes."""
    sentence = "She pressed <a href='#'>Unsubscribe</a> on every list she had ever joined, one by one, " * 6
    page = f"<html><body><h1>Inbox Zero</h1><p>{sentence}</p><p>Then it was quiet.</p></body></html>"
    assert _read(page).chapters[0].paragraphs[0].startswith("She pressed Unsubscribe on every list")


# -- a list of warnings under its label ----------------------------------------------------------------


def test_a_list_of_warnings_under_its_label_is_one_declaration() -> None:
    """Read item by item, the label took "suicide" and "grief", "a hospital stay" were a chapter of their own."""
    page = (
        "<html><body><h1>Still Water</h1><p>by Ines Calder</p><p><b>Trigger warnings:</b></p>"
        "<ul><li>suicide</li><li>grief</li><li>a hospital stay</li></ul>"
        "<h2>One</h2><p>The pond had no inlet.</p><h2>Two</h2><p>Warnings for this chapter:</p>"
        "<ol><li>self-harm</li><li>blood</li></ol><p>Ines sat by it.</p></body></html>"
    )
    story = _read(page)
    assert story.meta.declared_warnings == ["Trigger warnings: suicide, grief, a hospital stay"]
    assert [(chapter.paragraphs, chapter.declared_warnings) for chapter in story.chapters] == [
        (["The pond had no inlet."], []),
        (["Ines sat by it."], ["Warnings for this chapter: self-harm, blood"]),
    ]


def test_a_list_under_another_label_stays_the_storys() -> None:
    """Guard: only a label of warnings takes its list; a recipe's "Ingredients:" and its items are text."""
    page = (
        "<html><body><h1>Gran's Bread</h1><p>Ingredients:</p><ul><li>flour</li><li>salt</li></ul>"
        "<p>She never measured any of it.</p></body></html>"
    )
    assert _read(page).chapters[0].paragraphs == ["Ingredients:", "flour", "salt", "She never measured any of it."]


# -- blocks inside inline elements ---------------------------------------------------------------------

TUMBLR_DASHBOARD = """<!DOCTYPE html><html lang="en"><head><title>Tumblr: the marsh light (a short fic)</title><meta property="og:site_name" content="Tumblr"></head>
<body><div id="root"><div class="ZkG01"><nav aria-label="Main"><a href="/dashboard">Home</a><a href="/explore">Explore</a></nav>
<main><div class="Evcyl"><article class="FtjPK r0etU"><header class="BjErQ"><div class="ZJdm4"><a class="BSUG4" href="https://www.tumblr.com/fenwrites" title="fenwrites">fenwrites</a></div><button class="TRX6J">Follow</button></header>
<div class="GzjsW"><div class="Qb2zX"><div class="k31gt"><span class="BSUG4"><div class="VDRZ4"><h1>the marsh light (a short fic)</h1></div></span></div>
<div class="k31gt"><p>cw: drowning (implied)</p></div>
<div class="k31gt"><p>The marsh light moved when you looked away from it, and stopped when you looked back.</p></div>
<div class="k31gt"><p>Pell stopped looking back around midnight.</p></div></div></div>
<div class="hAFp3"><div class="mwjNz"><a class="tG3ih" href="https://www.tumblr.com/tagged/my%20fic">#my fic</a><a class="tG3ih" href="https://www.tumblr.com/tagged/cw%20drowning">#cw drowning</a></div></div>
<footer class="RYbnF"><div class="MCavR"><span class="EfZqS">214 notes</span><button aria-label="Reblog">Reblog</button><button aria-label="Like">Like</button></div></footer></article></div></main></div></div></body></html>"""


def test_a_heading_inside_a_span_is_a_heading() -> None:
    """Tumblr's dashboard sets a post's blocks inside spans (<div><span><div><h1>): the outer division
    was read whole, the title a line of text and "cw: drowning (implied)" story text under it."""
    story = _read(TUMBLR_DASHBOARD)
    assert (story.meta.title, story.meta.author) == ("the marsh light (a short fic)", "fenwrites")
    (chapter,) = story.chapters
    # Under the title of a one-chapter post, the story's or its chapter's: the same to a member.
    assert story.meta.declared_warnings + chapter.declared_warnings == ["cw: drowning (implied)"]
    assert chapter.paragraphs == [
        "The marsh light moved when you looked away from it, and stopped when you looked back.",
        "Pell stopped looking back around midnight.",
    ]


def test_inline_elements_in_a_paragraph_stay_one_line() -> None:
    """Guard: spans and links with no block inside them are the paragraph's words, as before."""
    page = (
        "<html><body><h1>Reeds</h1><div><span>The reeds</span> <a href='#'><b>bent</b></a> "
        "<span><em>all</em> one way</span>.</div><p>Then the <span>wind</span> dropped.</p></body></html>"
    )
    assert _read(page).chapters[0].paragraphs == ["The reeds bent all one way.", "Then the wind dropped."]


@pytest.mark.parametrize("title", ["The Last Chapter", "Chapter and Verse", "Summer Part 2"])
def test_a_pages_title_naming_no_numbered_chapter_is_kept(title: str) -> None:
    """Guard: only a chapter's label with its number ends the story's name in a <title> without a mark before it."""
    page = f"<html><head><title>{title}</title></head><body><p>The bells rang for an hour and then stopped.</p></body></html>"
    assert _read(page).meta.title == title


# -- an AO3 download re-saved by Word, an Obsidian Publish page --------------------------------------

WORD_RESAVED_AO3 = """<html><head><meta http-equiv=Content-Type content="text/html; charset=windows-1252"><meta name=Generator content="Microsoft Word 15 (filtered)"><title>Tern Island</title>
<style><!-- p.MsoNormal {margin:0in;} --></style></head>
<body lang=EN-GB style='word-wrap:break-word'><div class=WordSection1>
<p class=MsoTitle>Tern Island</p>
<p class=MsoNormal>Posted originally on the <a href="http://archiveofourown.org/">Archive of Our Own</a> at <a href="https://archiveofourown.org/works/909">https://archiveofourown.org/works/909</a>.</p>
<p class=MsoNormal><b>Rating:</b> Mature</p>
<p class=MsoNormal><b>Archive Warning:</b> Graphic Depictions Of Violence</p>
<p class=MsoNormal><b>Fandom:</b> Original Work</p>
<p class=MsoNormal><b>Additional Tags:</b> Islands, Birdwatching, Blood</p>
<p class=MsoNormal><b>Stats:</b> Published: 2022-05-05 Chapters: 2/2 Words: 1204</p>
<h2>Tern Island</h2>
<p class=MsoNormal>by <a href="https://archiveofourown.org/users/skua">skua</a></p>
<h3>Summary</h3>
<p class=MsoNormal>Two birders, one island, one boat that does not come back.</p>
<h2>Chapter 1</h2>
<p class=MsoNormal>The terns went up all at once when the boat came in, a white noise over the rocks.</p>
<p class=MsoNormal>Ffion counted them for the survey and got nine hundred and something.</p>
<h2>Chapter 2: The Gull Colony</h2>
<h3>Chapter Notes</h3>
<p class=MsoNormal>Warning for a fight that draws blood in this one.</p>
<p class=MsoNormal>The gulls were worse than the terns, and Dai was worse than the gulls.</p>
<h3>Afterword</h3>
<h3>End Notes</h3>
<p class=MsoNormal>Thanks for reading!</p>
</div></body></html>"""


def test_an_ao3_download_re_saved_by_word_keeps_its_title_page() -> None:
    """Its work title became an <h2> over "by skua" under the tags: the two field lines before it were
    taken for the title and author ("Additional Tags: ..." by "Stats: ..."), and the page refused."""
    story = import_story(WORD_RESAVED_AO3.encode("cp1252"), "Tern Island.htm", max_bytes=1 << 20)
    assert (story.meta.title, story.meta.author, story.meta.rating) == ("Tern Island", "skua", "Mature")
    assert story.meta.archive_warnings == ["Graphic Depictions Of Violence"]
    assert story.meta.summary == "Two birders, one island, one boat that does not come back."
    assert [(chapter.title, chapter.declared_warnings) for chapter in story.chapters] == [
        (None, []),
        ("The Gull Colony", ["Warning for a fight that draws blood in this one"]),
    ]


def test_a_copied_works_title_and_byline_lines_are_still_read() -> None:
    """Guard: AO3's title and by-line as two lines over the summary, as before."""
    text = (
        "Tern Island\nskua\n\nSummary:\n\nTwo birders, one island.\n\nChapter Text\n\nThe terns went up all at once.\n"
    )
    story = import_story(text.encode(), "tern.txt", max_bytes=1 << 20)
    assert (story.meta.title, story.meta.author) == ("Tern Island", "skua")


OBSIDIAN = """<!DOCTYPE html><html><head><title>The Ferry Clock - Wren's Garden</title><meta property="og:site_name" content="Wren's Garden"></head>
<body class="theme-light"><div class="published-container"><div class="site-body"><div class="site-body-left-column"><div class="nav-view-outer"><div class="tree-item">Stories</div></div></div>
<div class="site-body-center-column"><div class="render-container"><div class="markdown-preview-view markdown-rendered"><div class="markdown-preview-sizer markdown-preview-section">
<div class="mod-header"><div class="page-header">The Ferry Clock</div><div class="frontmatter-container"><div class="frontmatter-section mod-tags"><span class="frontmatter-section-label">Tags</span><div class="frontmatter-section-data"><a class="tag" href="#fiction">#fiction</a></div></div></div></div>
<div class="el-div"><div data-callout="warning" class="callout"><div class="callout-title"><div class="callout-icon"></div><div class="callout-title-inner">Content warnings</div></div><div class="callout-content"><p>grief, a drowning (past)</p></div></div></div>
<div class="el-h2"><h2 data-heading="One">One</h2></div>
<div class="el-p"><p>The ferry clock ran eleven minutes fast, and everyone on the island set their watches by it.</p></div>
<div class="el-h2"><h2 data-heading="Two">Two</h2></div>
<div class="el-p"><p>When Mara fixed it, the whole island was late for a week.</p></div>
<div class="mod-footer"><div class="backlinks">Links to this page</div></div></div></div></div></div>
<div class="site-footer"><a href="https://obsidian.md/publish">Powered by Obsidian Publish</a></div></div></div></body></html>"""


def test_an_obsidian_callout_of_warnings_and_its_tags_are_no_story() -> None:
    story = _read(OBSIDIAN)
    assert story.meta.title == "The Ferry Clock"
    assert story.meta.declared_warnings == ["Content warnings: grief, a drowning (past)"]
    assert story.meta.additional_tags == ["fiction"]
    assert [chapter.paragraphs for chapter in story.chapters] == [
        ["The ferry clock ran eleven minutes fast, and everyone on the island set their watches by it."],
        ["When Mara fixed it, the whole island was late for a week."],
    ]


def test_a_callout_titled_as_no_note_stays_text_under_its_title() -> None:
    """Guard: a callout titled "The Letter" is the story's, its title over its text."""
    page = (
        "<html><body><h1>Post</h1><p>She opened it at the table.</p><div class='callout'><div class='callout-title'>"
        "<div class='callout-title-inner'>The Letter</div></div><div class='callout-content'><p>Come home, the "
        "ferry is running again.</p></div></div><p>She did not go.</p></body></html>"
    )
    text = _text(_read(page))
    assert "Come home, the ferry is running again." in text and "She did not go." in text
