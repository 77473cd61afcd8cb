"""Web pages the s33 probe left misread, in the shapes of the sites readers save them from: Substack's
post header (its title and subtitle taken out with the byline), an old Tumblr reblog, Royal Road's
chapter page, FanFiction.net's and FictionPress's mobile page, a LibreOffice export's author line,
Dreamwidth's, Tumblr's and Inkitt's bylines, a Notion export's tags, a hand-made page's chrome.
Every page here is written for these tests."""

from __future__ import annotations

from bot.story.importer import import_story
from bot.story.model import Story
from bot.warnings.declared import map_texts


def _read(page: str, name: str = "page.html") -> Story:
    return import_story(page.encode(), name, max_bytes=1 << 20)


def _text(story: Story) -> str:
    return "\n".join(paragraph for chapter in story.chapters for paragraph in chapter.paragraphs)


# -- Substack ---------------------------------------------------------------------------------

SUBSTACK = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Salt in the Lamp - by Odile Marchetti - The Lamp Room</title><meta name="author" content="Odile Marchetti">
</head><body>
<div class="main-menu"><div class="topbar"><a class="navbar-title-link" href="https://lamproom.substack.com/">The Lamp Room</a><button>Subscribe</button></div></div>
<div class="single-post-container"><div class="container"><div class="single-post"><article class="typography newsletter-post post">
<div class="post-header">
<h1 dir="auto" class="post-title published title-Q1">Salt in the Lamp</h1>
<h3 dir="auto" class="subtitle subtitle-Q2">Part two, where the keeper counts the boats that do not come back</h3>
<div class="post-meta"><div class="pencraft"><a href="https://substack.com/@odilem">Odile Marchetti</a></div><div class="pencraft">Mar 11, 2025</div>
<div class="post-ufi"><a class="like-button">12</a><a class="post-ufi-button">3</a><a class="post-ufi-button">Share</a></div></div></div>
<div class="available-content"><div dir="auto" class="body markup">
<p>The keeper trimmed the wick at dusk and again at midnight, and wrote both times in the book.</p>
<p>Four boats went out on Tuesday. The book had room for four names, and she left it so.</p>
</div></div>
<div class="post-footer"><div class="post-ufi"><a class="like-button">12</a></div></div></article>
<div class="comments-section"><h4>Discussion about this post</h4></div>
</div></div></div>
<div class="footer-wrap"><div class="footer">© 2025 Odile Marchetti</div></div>
</body></html>"""


def test_substack_post_header_keeps_its_title_and_subtitle() -> None:
    story = _read(SUBSTACK)
    assert story.meta.title == "Salt in the Lamp"
    assert story.meta.author == "Odile Marchetti"
    assert story.meta.summary == "Part two, where the keeper counts the boats that do not come back"
    assert story.chapters[0].paragraphs[0].startswith("The keeper trimmed the wick")
    assert "Mar 11, 2025" not in _text(story) and "Share" not in _text(story)


def test_substack_title_tag_loses_the_byline_and_publication() -> None:
    """No heading over the post: the <title> titles it, without " - by Author - Publication"."""
    page = SUBSTACK.replace('<h1 dir="auto" class="post-title published title-Q1">Salt in the Lamp</h1>', "")
    page = page.replace(
        '<h3 dir="auto" class="subtitle subtitle-Q2">Part two, where the keeper counts the boats that do not come back</h3>',
        "",
    )
    assert _read(page).meta.title == "Salt in the Lamp"


def test_title_with_by_not_naming_the_author_is_kept() -> None:
    """Guard: "- by" in a <title> is a byline only when it names the page's author."""
    page = (
        '<html><head><title>Waiting - by the Sea</title><meta name="author" content="Tomas Reyes"></head>'
        "<body><p>The tide came in at six and went out again, and nobody noticed but the gulls.</p></body></html>"
    )
    assert _read(page).meta.title == "Waiting - by the Sea"


def test_blog_post_meta_line_without_heading_still_goes() -> None:
    """Guard: a post's date line holding no heading is taken out as before, its author read."""
    page = (
        "<html><head><title>Small Lanterns</title></head><body><article>"
        '<h1 class="entry-title">Small Lanterns</h1>'
        '<div class="entry-meta">Posted on May 2, 2024 by <span class="author"><a href="/author/ivo/">ivo</a></span></div>'
        '<div class="entry-content"><p>The lanterns were small because the children who carried them were small.</p>'
        "<p>Nobody minded. The river was wide enough for all of them.</p></div></article></body></html>"
    )
    story = _read(page)
    assert story.meta.author == "ivo"
    assert "Posted on" not in _text(story)


# -- an old-style Tumblr reblog ------------------------------------------------------------------

REBLOG = """<!DOCTYPE html><html><head><title>Moth Lantern Blog — the ferryman's daughter</title></head><body>
<div id="header"><h1><a href="/">Moth Lantern Blog</a></h1><p class="description">mostly other people's words</p></div>
<div id="content"><div class="post text"><div class="post-content">
<h2 class="title">the ferryman's daughter</h2>
<p><a class="tumblr_blog" href="https://quillhollow.tumblr.com/post/5512/the-ferrymans-daughter">quillhollow</a>:</p>
<blockquote>
<p><a class="tumblr_blog" href="https://saltgrass.tumblr.com/post/4401/the-ferrymans-daughter">saltgrass</a>:</p>
<blockquote>
<p>The ferryman's daughter rowed the last crossing every night, when her father's hands had gone stiff.</p>
<p>She charged the dead a coin and the living a song, and nobody ever asked which she preferred.</p>
</blockquote>
<p>adding this to my favourites list forever</p>
</blockquote>
<p>me too honestly</p>
</div>
<div class="post-meta"><a href="/post/9911">Posted 2 years ago</a> · <a href="/post/9911#notes">57 notes</a></div>
</div></div><div id="footer">Theme by nobody</div></body></html>"""


def test_old_tumblr_reblog_is_the_original_posters_story() -> None:
    story = _read(REBLOG)
    assert story.meta.title == "the ferryman's daughter"
    assert story.meta.author == "saltgrass"
    assert len(story.chapters) == 1
    assert story.chapters[0].paragraphs == [
        "The ferryman's daughter rowed the last crossing every night, when her father's hands had gone stiff.",
        "She charged the dead a coin and the living a song, and nobody ever asked which she preferred.",
    ]


def test_a_post_quoting_a_poem_is_not_a_reblog() -> None:
    """Guard: a blockquote under a line that is no reblog link and colon is the post's own text."""
    page = (
        "<html><head><title>Tide Tables</title></head><body><article class='post'><h2>Tide Tables</h2>"
        "<p>My grandmother kept a verse by the door:</p><blockquote><p>Low water, slow water.</p></blockquote>"
        "<p>She read it every morning and went out anyway, whatever the water was doing.</p></article></body></html>"
    )
    text = _text(_read(page))
    assert "My grandmother kept a verse by the door:" in text
    assert "She read it every morning" in text


# -- Royal Road ---------------------------------------------------------------------------------

ROYAL_ROAD = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Chapter 7 - The Copper Stair - Beneath the Glass City | Royal Road</title>
<meta name="twitter:creator" content="Orla_Penrose"></head>
<body class="page-header-fixed chapter-page">
<div class="page-header navbar navbar-fixed-top"><a href="/home">Royal Road</a></div>
<div class="page-container"><div class="page-content">
<div class="fic-header"><div class="row"><div class="col-md-5 fic-title">
<h1 class="font-white break-word">The Copper Stair</h1>
<h2 class="font-white inline-block"><span>by</span> <a href="/profile/4412" class="font-white">Orla_Penrose</a></h2>
</div></div></div>
<div class="portlet light"><div class="row nav-buttons"><a class="btn btn-primary" href="/fiction/9/chapter/6">Previous Chapter</a><a class="btn btn-primary" href="/fiction/9/chapter/8">Next Chapter</a></div></div>
<div class="chapter-inner chapter-content">
<p>The stair went down farther than the map said, each step green with old copper.</p>
<p>Tamsin counted two hundred and then stopped counting, because the numbers had begun to frighten her.</p>
</div>
<div class="portlet light"><div class="portlet-title"><div class="caption"><span class="caption-subject">Support "The Copper Stair"</span></div></div><div class="portlet-body"><a href="/fiction/9/follow">Follow</a> <a href="/fiction/9/favorite">Favorite</a></div></div>
<div class="portlet light comments-container"><h3>Comments (2)</h3><div class="comment"><p>Creepy!</p></div></div>
</div></div></body></html>"""


def test_royal_road_chapter_page_is_titled_by_its_story_and_loses_its_buttons() -> None:
    story = _read(ROYAL_ROAD)
    assert story.meta.title == "Beneath the Glass City"
    assert story.chapters[0].title == "The Copper Stair"
    assert story.chapters[0].paragraphs == [
        "The stair went down farther than the map said, each step green with old copper.",
        "Tamsin counted two hundred and then stopped counting, because the numbers had begun to frighten her.",
    ]


def test_links_in_a_sentence_are_no_buttons() -> None:
    """Guard: a paragraph with words besides its "Follow" link is the story's."""
    page = (
        "<html><head><title>Gull Notes</title></head><body><h1>Gull Notes</h1>"
        "<p>The gull would not leave the windowsill.</p>"
        '<p><a href="/tag/follow">Follow</a> the gull, said the sign, and so she did.</p></body></html>'
    )
    assert "Follow the gull, said the sign, and so she did." in _text(_read(page))


def test_a_posts_title_over_its_heading_keeps_the_blog_name() -> None:
    """Guard: only a chapter's label opening the <title> makes the rest the story's name."""
    page = (
        "<html><head><title>The Pier - Gull Notes</title></head><body><h1>The Pier</h1>"
        "<p>The pier was empty when she got there.</p><p>She waited anyway.</p></body></html>"
    )
    assert _read(page).meta.title != "Gull Notes"


# -- FanFiction.net's and FictionPress's mobile page -------------------------------------------

FFN_MOBILE = """<!DOCTYPE html><html><head><title>Orchard Weather Chapter 3: Frost, an original fanfic | FictionPress</title></head>
<body><div id="top"><a href="/">FictionPress</a></div>
<div id="content"><div style="text-align:center;"><b>Orchard Weather</b> By: <a href="/u/55120/pell-ashby">pell-ashby</a><br/>
<span class="xcontrast_txt">Fiction K+ - English - Family - Chapters: 5 - Words: 9,310 - Reviews: 4 - Favs: 2 - Follows: 6 - Updated: 8/9/2022 - Published: 6/1/2022</span></div>
<div style="text-align:center;margin-top:10px;"><a href="/s/777/2/">&laquo; Prev</a> <b>Chapter 3: Frost</b> <a href="/s/777/4/">Next &raquo;</a></div>
<div id="storycontent" class="storycontent nocopy" style="padding:10px;">
<p>The frost came early that year and silvered every apple still on the branch.</p>
<p>Grandad said they would be sweeter for it, and for once he was right.</p>
</div>
<div style="text-align:center;"><a href="/s/777/2/">&laquo; Prev</a> <a href="/s/777/4/">Next &raquo;</a></div>
<div id="review"><a href="/r/777/">Review</a></div></div>
<div id="footer">Help - Privacy - Terms of Service</div></body></html>"""


def test_ffn_mobile_page_is_read_as_fanfiction_net() -> None:
    story = _read(FFN_MOBILE)
    assert (story.meta.title, story.meta.author, story.meta.rating) == ("Orchard Weather", "pell-ashby", "K+")
    assert story.chapters[0].title == "Frost"
    assert story.chapters[0].paragraphs == [
        "The frost came early that year and silvered every apple still on the branch.",
        "Grandad said they would be sweeter for it, and for once he was right.",
    ]


def test_a_page_with_a_storycontent_box_and_no_byline_is_read_as_any_page() -> None:
    """Guard: the mobile shape needs its "By:" line and the author's link."""
    page = (
        "<html><head><title>Hedge School</title></head><body><h1>Hedge School</h1>"
        '<div id="storycontent"><p>Lessons were held under the hawthorn when it was not raining.</p>'
        "<p>It was usually raining.</p></div></body></html>"
    )
    story = _read(page)
    assert story.meta.title == "Hedge School"
    assert "It was usually raining." in _text(story)


# -- a LibreOffice export's author line ------------------------------------------------------------

LIBREOFFICE = """<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.0 Transitional//EN">
<html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"/><title>Kiln Hours</title>
<meta name="generator" content="LibreOffice 7.5.2.2 (Windows)"/><meta name="author" content="Wilhelmina Crane"/>
<style type="text/css">p { line-height: 115%; margin-bottom: 0.25cm } h1.western { font-size: 24pt }</style></head>
<body lang="en-GB" dir="ltr"><p class="western" align="center" style="margin-bottom: 0cm"><font size="5"><b>Kiln Hours</b></font></p>
<p class="western" align="center" style="margin-bottom: 0cm"><br/></p>
<p class="western" align="center" style="margin-bottom: 0cm">Wilhelmina Crane</p>
<p class="western" style="margin-bottom: 0cm"><br/></p>
<h1 class="western">Chapter 1</h1>
<p class="western" style="margin-bottom: 0cm">The kiln took a whole day to cool, and Agnes sat by it the whole day.</p>
<p class="western" style="margin-bottom: 0cm">She did not open the door early. Her mother had, once.</p>
<h1 class="western">Chapter 2</h1>
<p class="western" style="margin-bottom: 0cm">Every bowl came out whole but one, and that one she kept.</p>
</body></html>"""


def test_libreoffice_author_line_over_the_first_chapter_is_the_author() -> None:
    story = _read(LIBREOFFICE)
    assert (story.meta.title, story.meta.author) == ("Kiln Hours", "Wilhelmina Crane")
    assert [chapter.paragraphs for chapter in story.chapters] == [
        [
            "The kiln took a whole day to cool, and Agnes sat by it the whole day.",
            "She did not open the door early. Her mother had, once.",
        ],
        ["Every bowl came out whole but one, and that one she kept."],
    ]


def test_a_name_line_not_the_documents_author_stays() -> None:
    """Guard: only the line naming the document's own author goes."""
    page = LIBREOFFICE.replace('content="Wilhelmina Crane"', 'content="W. Crane"')
    assert "Wilhelmina Crane" in [paragraph for chapter in _read(page).chapters for paragraph in chapter.paragraphs]


# -- who wrote it: Dreamwidth's poster, a Tumblr theme's header, Inkitt's author name -------------

DREAMWIDTH = """<!DOCTYPE html><html lang="en"><head><title>fic: Lamplighter's Round</title></head>
<body class="page-entry"><div id="canvas"><div id="header"><h1 id="title"><span>Quiet Lanes</span></h1></div>
<div id="content"><div class="entry-wrapper has-subject" id="entry-wrapper-4210"><div class="entry" id="entry-4210">
<div class="header"><h3 class="entry-title"><a href="https://juniperwick.dreamwidth.org/4210.html">fic: Lamplighter's Round</a></h3>
<span class="datetime">Oct. 2nd, 2023 08:00 pm</span></div>
<div class="contents"><div class="poster-container"><span class="poster entry-poster"><span lj:user="juniperwick" class="ljuser"><a href="https://juniperwick.dreamwidth.org/profile"><img src="user.png" alt="[personal profile] " /></a><a href="https://juniperwick.dreamwidth.org/"><b>juniperwick</b></a></span></span></div>
<div class="entry-content">
<b>Title:</b> Lamplighter's Round<br /><b>Rating:</b> General<br /><b>Summary:</b> Forty lamps, one ladder, and a boy who is afraid of heights.<br /><br />
Oskar lit the lamps on Mill Street from the top of a ladder, eyes shut, counting rungs.<br /><br />
Thanks to <span lj:user="brackenfold" class="ljuser"><a href="https://brackenfold.dreamwidth.org/"><b>brackenfold</b></a></span> for the idea, he said to nobody.
</div></div></div></div></div></div></body></html>"""

TUMBLR_NEW = """<!DOCTYPE html><html><head><title>Fernhollow Writes — the lighthouse cat</title></head><body>
<header id="header"><h1 class="blog-title"><a href="https://fernhollow.tumblr.com/">Fernhollow Writes</a></h1><div class="description">small fics for small hours</div></header>
<main><article class="post text" id="post-5521"><h2 class="post-title">the lighthouse cat</h2>
<div class="post-body"><p><b>warnings:</b> none<br><b>wc:</b> 310</p>
<p>The lighthouse cat slept in the lamp room because it was the warmest place in the county.</p>
<p>When the keeper retired, the cat stayed, and the new keeper learned to step around her.</p></div>
<div class="post-footer"><div class="post-notes-count"><a href="/post/5521#notes">12 notes</a></div></div></article></main></body></html>"""

INKITT = """<!DOCTYPE html><html><head><title>The Salt Clock - Chapter 1 - Rosalind Oyelaran - Inkitt</title></head><body>
<div class="navbar navbar-default"><a href="/">Inkitt</a></div>
<div class="story-page"><div class="story-header"><h1 class="story-title">The Salt Clock</h1><div class="author-name"><a href="/rosoyelaran">Rosalind Oyelaran</a></div></div>
<article id="chapterText" class="chapter-text"><h2 class="chapter-head-title">Chapter 1: Low Tide</h2>
<p>The clock in the harbour master's office ran on salt water and was never wrong about the tide.</p>
<p>It was wrong about everything else, which is why nobody trusted it with the hour.</p></article>
<div class="story-rating-box"><span>Rate this story</span></div></div></body></html>"""


def test_dreamwidth_entry_names_its_poster_not_a_user_in_the_text() -> None:
    story = _read(DREAMWIDTH)
    assert (story.meta.title, story.meta.author) == ("Lamplighter's Round", "juniperwick")


def test_new_tumblr_theme_header_names_the_blog() -> None:
    story = _read(TUMBLR_NEW)
    assert (story.meta.title, story.meta.author) == ("the lighthouse cat", "fernhollow")


def test_inkitt_author_name_beside_the_title_is_the_author() -> None:
    story = _read(INKITT)
    assert (story.meta.title, story.meta.author) == ("The Salt Clock", "Rosalind Oyelaran")


def test_users_and_blogs_named_in_the_text_are_no_author() -> None:
    """Guard: a user link in the story and a blog linked from the text, not the page's header or poster box."""
    page = (
        "<html><head><title>Borrowed Words</title></head><body><h1>Borrowed Words</h1>"
        '<p>Prompt from <span lj:user="brackenfold" class="ljuser"><b>brackenfold</b></span>, with thanks.</p>'
        '<p>Also see <a href="https://fernhollow.tumblr.com/">fernhollow</a> for the first part.</p>'
        "<p>The words were borrowed, and she gave them back a little worn.</p></body></html>"
    )
    assert _read(page).meta.author is None


# -- a Notion export's multi-select tags -----------------------------------------------------------

NOTION = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"/><title>The Night Ward</title></head>
<body><article id="f00d" class="page sans"><header><h1 class="page-title">The Night Ward</h1>
<table class="properties"><tbody><tr class="property-row property-row-text"><th>Author</th><td>Ines Albarran</td></tr>
<tr class="property-row property-row-multi_select"><th>CW</th><td><span class="selected-value select-value-color-red">grief</span><span class="selected-value select-value-color-blue">hospital</span></td></tr></tbody></table></header>
<div class="page-body"><h2 id="c1">One</h2><p>The night nurse hummed the same three bars of a song she never finished.</p>
<h2 id="c2">Two</h2><p>On his last night Teo finished it for her, badly, and she laughed.</p></div></article></body></html>"""


def test_notion_multi_select_values_are_separate_tags() -> None:
    story = _read(NOTION)
    assert story.meta.declared_warnings == ["CW: grief, hospital"]
    assert "grief" in map_texts(story.meta.declared_warnings).ids


def test_a_single_notion_value_gains_no_comma() -> None:
    """Guard: one chip alone is read as it is."""
    page = NOTION.replace('<span class="selected-value select-value-color-blue">hospital</span>', "")
    assert _read(page).meta.declared_warnings == ["CW: grief"]


# -- a hand-made page (Neocities) --------------------------------------------------------------

NEOCITIES = """<html><head><title>~ the lantern fish ~</title></head>
<body bgcolor="#101830" text="#d8e0f0"><center>
<font face="Georgia" size="5"><b>the lantern fish</b></font><br>
<font size="2">a story by <a href="index.html">minnowgate</a></font><br><br>
<img src="stars.gif" alt="*~*~*"><br><br>
<font size="2"><i>warnings: drowning mention</i></font>
</center><br>
<table width="600" align="center"><tr><td><font face="Georgia">
&nbsp;&nbsp;The lantern fish carried its light down where the sun had never been, and was not lonely about it.<br><br>
&nbsp;&nbsp;A diver came down once, and nearly drowned, and the fish showed her the way up.<br><br>
<img src="stars.gif" alt="*~*~*"><br><br>
&nbsp;&nbsp;Years later she came back with a lamp of her own, and the fish was not surprised at all.<br><br>
</font></td></tr></table>
<center><a href="stories.html">&lt;&lt; back to stories</a> | <a href="index.html">home</a><br>
<img src="https://counter.example/hits.gif" alt="visitor counter"><br>
<font size="1">best viewed in 1024x768 ~ last updated 3/4/2024</font></center>
</body></html>"""


def test_hand_made_page_divider_and_closing_links_are_no_story() -> None:
    story = _read(NEOCITIES)
    assert (story.meta.title, story.meta.author) == ("the lantern fish", "minnowgate")
    assert story.meta.declared_warnings == ["warnings: drowning mention"]
    chapter = story.chapters[0]
    assert [scene.paragraphs for scene in chapter.scenes] == [
        [
            "The lantern fish carried its light down where the sun had never been, and was not lonely about it.",
            "A diver came down once, and nearly drowned, and the fish showed her the way up.",
        ],
        ["Years later she came back with a lamp of her own, and the fish was not surprised at all."],
    ]


def test_a_closing_line_with_words_of_the_story_and_a_pictured_image_stay() -> None:
    """Guard: a last paragraph with a link in a sentence, and an image with words for its alt, are the story's."""
    page = (
        "<html><head><title>Ferry Songs</title></head><body><p>The ferry sang when the wind was right, "
        "and the passengers pretended not to hear it, every one of them.</p>"
        '<p><img src="ferry.png" alt="the ferry at dusk"></p>'
        '<center>Part two <a href="two.html">comes next week</a>, if the ferry allows it.</center></body></html>'
    )
    text = _text(_read(page))
    assert "[Image: the ferry at dusk]" in text
    assert "Part two comes next week, if the ferry allows it." in text


def test_a_closing_line_of_links_alone_stays() -> None:
    """Guard: links with no counter or "best viewed in" line by them may be the story's own. (A "back to
    stories" link is a fan site's navigation wherever it stands: test_reader_gaps37b.)"""
    page = NEOCITIES.replace('<img src="https://counter.example/hits.gif" alt="visitor counter"><br>', "").replace(
        '<font size="1">best viewed in 1024x768 ~ last updated 3/4/2024</font>', ""
    )
    page = page.replace(
        '&lt;&lt; back to stories</a> | <a href="index.html">home', 'the letters</a> | <a href="index.html">the map'
    )
    assert "the letters | the map" in _text(_read(page))
