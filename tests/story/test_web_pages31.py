"""Web pages as readers save them, each misread before: a Blogger post (the classic template), whose
blog description under its name was posted as a first chapter (every chapter number after it one too
high), the story titled with the blog's name, and "Posted by Mara Quill at 3:14 PM" under the post
naming no author; a Royal Road chapter's "Support" box; Standard Ebooks' single-page edition; a
Wikisource page."""

from __future__ import annotations

from bot.story.importer import import_story
from bot.warnings.declared import map_texts

PAGE = """<!DOCTYPE html><html><head><title>Quill and Kettle: The Seventh Stair</title></head><body>
<div class="header-outer"><div class="header section" id="header"><h1 class="title"><a href="/">Quill and Kettle</a></h1>
<p class="description">short fiction, mostly ghosts, occasionally tea</p></div></div>
<div class="main-outer"><div class="main section" id="main"><div class="date-outer">
<h2 class="date-header"><span>Tuesday, 14 October 2014</span></h2><div class="date-posts"><div class="post-outer">
<div class="post hentry"><h3 class="post-title entry-title">The Seventh Stair</h3>
<div class="post-header"><div class="post-header-line-1"></div></div>
<div class="post-body entry-content"><i>Content warning: suicide attempt (off-page, referenced), hospital setting.</i>
<br /><br />The seventh stair in my grandmother's house has always creaked.<br /><br />
In March I found him sitting on it, at three in the morning.<br /><br /></div>
<div class="post-footer"><div class="post-footer-line post-footer-line-1">
<span class="post-author vcard">Posted by <span class="fn"><a href="https://www.blogger.com/profile/0123" rel="author">
<span>Mara Quill</span></a></span></span> <span class="post-timestamp">at <a href="#">3:14 PM</a></span></div></div>
</div></div></div></div></div></div>
<div class="footer-outer">Powered by <a href="https://www.blogger.com">Blogger</a>.</div></body></html>"""


def test_a_blogger_post_is_its_story_by_its_poster() -> None:
    story = import_story(PAGE.encode(), "post.html", max_bytes=1 << 20)
    assert (story.meta.title, story.meta.author) == ("The Seventh Stair", "Mara Quill")
    assert len(story.chapters) == 1
    assert story.chapters[0].paragraphs[0] == "The seventh stair in my grandmother's house has always creaked."
    assert set(map_texts(story.meta.declared_warnings).ids) >= {"suicide", "procedures"}
    assert not any("ghosts" in paragraph for paragraph in story.chapters[0].paragraphs)


ROYAL_ROAD = """<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Chapter 7 - The Bone Orchard - Ember Reach | Royal Road</title>
<meta property="og:title" content="Chapter 7 - The Bone Orchard"><meta name="twitter:creator" content="thornquill">
<style>
.cnzmxhpcXZjXZRvdv{
display: none;
speak: never;
}
</style></head>
<body class="page-chapter">
<div class="page-container"><div class="navbar"><a href="/home">Royal Road</a><a href="/fictions/search">Search</a><a href="/account/login">Log in</a></div>
<div class="fic-header"><div class="row"><div class="col-md-5"><a href="/fiction/77777/ember-reach"><h2 class="font-white inline-block">Ember Reach</h2></a>
<h1 class="font-white break-word">Chapter 7 - The Bone Orchard</h1><h3 class="font-white inline-block">by <a href="/profile/1234" class="font-white">thornquill</a></h3></div></div></div>
<div class="portlet-body"><div class="row nav-buttons"><a class="btn btn-primary" href="#">Previous Chapter</a><a class="btn btn-primary" href="#">Index</a><a class="btn btn-primary" href="#">Next Chapter</a></div>
<div class="portlet solid author-note-portlet"><div class="portlet-title"><div class="caption"><span class="caption-subject bold uppercase">A note from thornquill</span></div></div>
<div class="portlet-body author-note"><p>TW: gore, torture (brief), and a character's death. It's a grim one, folks.</p><p>Also, the Patreon is now 12 chapters ahead!</p></div></div>
<div class="chapter-inner chapter-content">
<p>The orchard grew on the battlefield, which was why its apples were red all the way through. Nobody in Harrowgate would eat them. The crows had no such scruples.</p>
<p>Sera found the captain among the trees, or what the Wardens had left of him. They had taken their time. She made herself look, and counted the wounds, because someone would have to say it aloud at the inquiry, and it might as well be her.</p>
<p>He died before the cart came. She held his hand until it was just a hand.</p>
<p class="cnzmxhpcXZjXZRvdv">A case of content theft: this narrative is not rightfully on Amazon; if you spot it, report the violation.</p>
</div>
<div class="portlet solid author-note-portlet"><div class="portlet-title"><div class="caption"><span class="caption-subject bold uppercase">A note from thornquill</span></div></div>
<div class="portlet-body author-note"><p>Next chapter is a breather, I promise. Vote on Top Web Fiction if you're enjoying it!</p></div></div>
<div class="row nav-buttons"><a class="btn btn-primary" href="#">Previous Chapter</a><a class="btn btn-primary" href="#">Index</a><a class="btn btn-primary" href="#">Next Chapter</a></div>
<div class="portlet"><h4>Support "Ember Reach"</h4><a class="btn" href="#">Follow</a><a class="btn" href="#">Favorite</a><a class="btn" href="#">Rate</a></div>
<div class="comments-container"><h3>Comments(23)</h3><div class="comment"><div class="username">gritreader</div><p>thanks for the chapter</p></div></div>
</div></div>
<footer><p>© 2024 Royal Road. All rights reserved.</p></footer>
</body>
</html>
"""


def test_a_royal_road_chapters_support_box_is_no_chapter() -> None:
    """Its "Support \"Ember Reach\"" box, an <h4> over "Follow" "Favorite" "Rate" run together, was a
    second chapter whose text was "FollowFavoriteRate"."""
    story = import_story(ROYAL_ROAD.encode(), "chapter.html", max_bytes=1 << 20)
    assert len(story.chapters) == 1
    assert story.chapters[0].title == "The Bone Orchard"
    assert (
        story.chapters[0].paragraphs[-1] == "He died before the cart came. She held his hand until it was just a hand."
    )


STANDARD_EBOOK = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" epub:prefix="z3998: http://www.daisy.org/z3998/2012/vocab/structure/, se: https://standardebooks.org/vocab/1.0" xml:lang="en-GB">
<head>
<title>The Cartographer’s Apprentice, by Helena Voss</title>
<meta charset="utf-8"/>
</head>
<body epub:type="frontmatter bodymatter backmatter">
<section id="titlepage" epub:type="titlepage">
<h1 epub:type="title">The Cartographer’s Apprentice</h1>
<p>By <b epub:type="z3998:author">Helena Voss</b>.</p>
<img alt="" src="../images/titlepage.svg" epub:type="z3998:publisher-logo se:image.color-depth.black-on-transparent"/>
</section>
<section id="imprint" epub:type="imprint">
<header><h2 epub:type="title">Imprint</h2></header>
<p>This ebook is the product of many hours of hard work by volunteers for <a href="https://standardebooks.org">Standard Ebooks</a>, and builds on the hard work of other literature lovers made possible by the public domain.</p>
<p>This particular ebook is based on a transcription produced for <a href="https://www.gutenberg.org">Project Gutenberg</a> and on digital scans available at the <a href="https://archive.org">Internet Archive</a>.</p>
<p>The source text and artwork in this ebook are believed to be in the United States public domain.</p>
</section>
<section id="chapter-1" epub:type="chapter">
<h2 epub:type="title z3998:roman">I</h2>
<p>The shop stood at the corner of Lantern Street, its window crowded with globes that had not turned in years. Tobias pressed his nose to the glass and counted the continents he did not know.</p>
<p>Master Orrin found him there on the third morning and, instead of sending him off, handed him a broom.</p>
</section>
<section id="chapter-2" epub:type="chapter">
<hgroup>
<h2 epub:type="ordinal z3998:roman">II</h2>
<p epub:type="title">The Blank Margin</p>
</hgroup>
<p>Every map, Orrin said, had a blank margin where the maker had stopped knowing. “The honest ones leave it white,” he said. “The others draw sea serpents.”</p>
<p>Tobias spent the winter learning to leave things white.</p>
</section>
<section id="chapter-3" epub:type="chapter">
<hgroup>
<h2 epub:type="ordinal z3998:roman">III</h2>
<p epub:type="title">Terra Incognita</p>
</hgroup>
<p>When the old man died, he left Tobias the shop and one unfinished chart, its eastern half still empty.</p>
<p>Tobias framed it as it was.</p>
</section>
<section id="colophon" epub:type="colophon">
<header><h2 epub:type="title">Colophon</h2></header>
<p><i epub:type="se:name.publication.book">The Cartographer’s Apprentice</i><br/> was written in 1911 by<br/> <a href="https://en.wikipedia.org/wiki/x">Helena Voss</a>.</p>
<p>This ebook was produced for<br/> <a href="https://standardebooks.org">Standard Ebooks</a><br/> by<br/> <a href="https://example.org">A. Volunteer</a>.</p>
<p>The cover page is adapted from<br/> a painting completed in 1890.</p>
</section>
<section id="uncopyright" epub:type="copyright-page">
<header><h2 epub:type="title">Uncopyright</h2></header>
<p>May you do good and not evil.<br/> May you find forgiveness for yourself and forgive others.<br/> May you share freely, never taking more than you give.</p>
<p>Copyright pages exist to tell you who owns the copyright. Standard Ebooks releases this ebook edition into the public domain.</p>
</section>
</body>
</html>
"""


def test_a_book_made_as_one_page_leaves_its_imprint_and_colophon_out() -> None:
    """Standard Ebooks' single-page edition: its imprint was the first chapter, its colophon and
    licence the last chapter's end, and its title page's "By Helena Voss." named no author."""
    story = import_story(STANDARD_EBOOK.encode(), "book.xhtml", max_bytes=1 << 20)
    assert (story.meta.title, story.meta.author) == ("The Cartographer’s Apprentice", "Helena Voss")
    assert len(story.chapters) == 3
    assert story.chapters[0].paragraphs[0].startswith("The shop stood at the corner of Lantern Street")
    assert story.chapters[-1].paragraphs[-1] == "Tobias framed it as it was."
    text = " ".join(paragraph for chapter in story.chapters for paragraph in chapter.paragraphs)
    assert "Standard Ebooks" not in text and "public domain" not in text


WIKISOURCE = """<!DOCTYPE html>
<html class="client-nojs" lang="en" dir="ltr">
<head>
<meta charset="UTF-8">
<title>The Bellringer of Ashby - Wikisource, the free online library</title>
</head>
<body class="mediawiki ltr sitedir-ltr mw-hide-empty-elt ns-0 page-The_Bellringer_of_Ashby skin-vector">
<div id="mw-page-base" class="noprint"></div>
<div id="content" class="mw-body" role="main">
<h1 id="firstHeading" class="firstHeading mw-first-heading"><span class="mw-page-title-main">The Bellringer of Ashby</span></h1>
<div id="bodyContent" class="vector-body">
<div id="siteSub" class="noprint">From Wikisource</div>
<div id="contentSub"></div>
<div id="jump-to-nav"></div>
<a class="mw-jump-link" href="#mw-head">Jump to navigation</a>
<a class="mw-jump-link" href="#searchInput">Jump to search</a>
<div id="mw-content-text" class="mw-body-content mw-content-ltr" lang="en" dir="ltr"><div class="mw-parser-output">
<div class="ws-noexport noprint" id="headertemplate">
<div class="wst-header-mainblock header">
<div class="wst-header-left header-prev"></div>
<div class="wst-header-central header-title"><span id="header-title-text"><b>The Bellringer of Ashby</b></span><br>by <a href="/wiki/Author:Margaret_Penhallow" title="Author:Margaret Penhallow">Margaret Penhallow</a></div>
<div class="wst-header-right header-next"></div>
</div>
<div class="wst-header-notes header-notes">Published in <i>The Quiver</i>, 1889. </div>
</div>
<div class="prp-pages-output" lang="en">
<div class="mw-heading mw-heading2"><h2 id="I.">I.</h2><span class="mw-editsection"><span class="mw-editsection-bracket">[</span><a href="/w/index.php?title=The_Bellringer_of_Ashby&amp;action=edit&amp;section=1" title="Edit section: I.">edit</a><span class="mw-editsection-bracket">]</span></span></div>
<p><span><a class="pagenum ws-pagenum" id="1" data-page-number="1" title="Page:The Quiver 1889.djvu/45"></a></span>Old Samuel Thorne had rung the bells of Ashby church for forty-one years, and in all that time he had never once been late, not for a wedding nor a burial nor the coming of the new year.</p>
<p>The village said you could set the sun by him, and some said the sun had learned it from him.</p>
<div class="mw-heading mw-heading2"><h2 id="II.">II.</h2><span class="mw-editsection"><span class="mw-editsection-bracket">[</span><a href="/w/index.php?title=The_Bellringer_of_Ashby&amp;action=edit&amp;section=2" title="Edit section: II.">edit</a><span class="mw-editsection-bracket">]</span></span></div>
<p>But on the morning of the Michaelmas fair the tower stood silent. The people gathered in the <span><a class="pagenum ws-pagenum" id="2" data-page-number="2" title="Page:The Quiver 1889.djvu/46"></a></span>churchyard, looking up, and no one liked to be the first to climb.</p>
<p>It was the smith's girl, Hetty, who went at last, and found him sitting beneath the great bell with his hand upon the rope, asleep, and smiling.</p>
<div class="mw-heading mw-heading2"><h2 id="III.">III.</h2><span class="mw-editsection"><span class="mw-editsection-bracket">[</span><a href="/w/index.php?title=The_Bellringer_of_Ashby&amp;action=edit&amp;section=3" title="Edit section: III.">edit</a><span class="mw-editsection-bracket">]</span></span></div>
<p>Hetty rang the bells that day, and the next, and for forty-one years after.</p>
</div>
<div class="licenseContainer licenseBanner dummyBanner" style="text-align:center;">
<table class="licenseContainer" role="presentation"><tr><td><div class="licenseBanner-text">This work was published before January 1, 1929, and is in the <b>public domain</b> worldwide because the author died at least 100 years ago.</div></td></tr></table>
</div>
</div>
<noscript><img src="https://login.wikimedia.org/wiki/Special:CentralAutoLogin/start?type=1x1" alt="" width="1" height="1" style="border: none; position: absolute;"></noscript>
<div class="printfooter" data-nosnippet="">Retrieved from "<a dir="ltr" href="https://en.wikisource.org/w/index.php?title=The_Bellringer_of_Ashby&amp;oldid=1234567">https://en.wikisource.org/w/index.php?title=The_Bellringer_of_Ashby&amp;oldid=1234567</a>"</div></div>
<div id="catlinks" class="catlinks" data-mw="interface"><div id="mw-normal-catlinks" class="mw-normal-catlinks"><a href="/wiki/Special:Categories" title="Special:Categories">Categories</a>: <ul><li><a href="/wiki/Category:Short_stories" title="Category:Short stories">Short stories</a></li><li><a href="/wiki/Category:PD-old" title="Category:PD-old">PD-old</a></li></ul></div></div>
</div>
</div>
<div id="mw-navigation"><h2>Navigation menu</h2><div id="mw-head"><nav id="p-personal" class="vector-menu" aria-labelledby="p-personal-label" role="navigation"><h3 id="p-personal-label">Personal tools</h3><ul><li id="pt-login"><a href="/w/index.php?title=Special:UserLogin">Log in</a></li></ul></nav></div>
<div id="mw-panel"><nav id="p-navigation" class="vector-menu portal" role="navigation"><h3>Navigation</h3><ul><li><a href="/wiki/Main_Page">Main Page</a></li><li><a href="/wiki/Special:Random">Random work</a></li></ul></nav></div></div>
<footer id="footer" class="mw-footer" role="contentinfo"><ul id="footer-info"><li id="footer-info-lastmod"> This page was last edited on 14 March 2021, at 09:12.</li><li id="footer-info-copyright">Text is available under the <a href="//creativecommons.org/licenses/by-sa/4.0/">Creative Commons Attribution-ShareAlike License</a>; additional terms may apply.</li></ul></footer>
</body>
</html>
"""


def test_a_wikisource_page_is_its_story_without_the_wikis_chrome() -> None:
    """ "From Wikisource", "Jump to navigation", an "[edit]" over each chapter, the licence banner,
    "Retrieved from ..." and the categories were posted as text, and no author was named."""
    story = import_story(WIKISOURCE.encode(), "bellringer.html", max_bytes=1 << 20)
    assert (story.meta.title, story.meta.author) == ("The Bellringer of Ashby", "Margaret Penhallow")
    assert len(story.chapters) == 3
    text = [paragraph for chapter in story.chapters for paragraph in chapter.paragraphs]
    assert text[0].startswith("Old Samuel Thorne had rung the bells")
    for chrome in ("Wikisource", "[edit]", "Jump to", "public domain", "Retrieved from", "Categories"):
        assert not any(chrome in paragraph for paragraph in text), chrome
