"""Web pages as readers save them, from the s35 probe of files nobody on the project wrote:
LibreOffice's HTML export sets each table cell's text in a <p>, so its "Content warnings" | "Death
of a parent; alcohol" table was two paragraphs of a chapter before chapter one, declaring nothing.
Every page here is written for these tests."""

from __future__ import annotations

import io
import zipfile

import pytest

from bot.story.errors import StoryFormatError
from bot.story.importer import import_story
from bot.story.model import Story
from bot.warnings.declared import map_texts


def _read(page: str, name: str = "page.html") -> Story:
    return import_story(page.encode(), name, max_bytes=1 << 20)


def _ids(texts: list[str]) -> list[str]:
    return sorted(map_texts(texts).ids)


def _text(story: Story) -> str:
    return "\n".join(paragraph for chapter in story.chapters for paragraph in chapter.paragraphs)


LIBREOFFICE = """<!DOCTYPE html PUBLIC "-//W3C//DTD HTML 4.0 Transitional//EN"><html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"/><title></title><meta name="generator" content="LibreOffice 7.4.2.3 (Linux)"/><meta name="author" content="Beatrix Hollis"/></head>
<body lang="en-GB" dir="ltr"><p class="western" align="center"><font size="6" style="font-size: 26pt">The Cartwright Inheritance</font></p>
<p class="western" align="center">Beatrix Hollis</p>
<table width="100%" cellpadding="4" cellspacing="0">{rows}</table>
<h1 class="western">One</h1><p class="western">The will was read in the back parlour, where the clock had stopped.</p><p class="western">Nobody wound it.</p>
<h1 class="western" style="page-break-before: always">Two</h1><p class="western">Alys took the clock home in a pillowcase.</p></body></html>"""


def test_a_word_processors_field_table_with_its_cells_in_paragraphs_declares() -> None:
    rows = (
        '<tr><td><p class="western"><b>Content warnings</b></p></td>'
        '<td><p class="western">Death of a parent; financial abuse; alcohol</p></td></tr>'
    )
    story = _read(LIBREOFFICE.format(rows=rows), "cartwright.html")
    assert story.meta.title == "The Cartwright Inheritance"
    assert [chapter.heading_number for chapter in story.chapters] == [1, 2]
    assert _ids(story.meta.declared_warnings) == ["abuse", "addiction", "death"]
    assert story.chapters[0].paragraphs[0].startswith("The will was read")


def test_a_table_of_paragraphs_that_is_no_field_table_stays_text() -> None:
    """Guard: a two-column table of sentences (a letter and its reply) is not a label and a value."""
    rows = (
        "<tr><td><p>My dear Alys, the clock is yours if you want it.</p><p>Your aunt.</p></td>"
        "<td><p>Dear aunt, I do.</p></td></tr>"
    )
    story = _read(LIBREOFFICE.format(rows=rows), "cartwright.html")
    assert story.meta.declared_warnings == []
    assert "My dear Alys, the clock is yours if you want it." in _text(story)


WAYBACK = """<!DOCTYPE html><html><head><title>Glasswing - Chapter 1 | Lantern Fics</title></head><body>
<!-- BEGIN WAYBACK TOOLBAR INSERT -->
<div id="wm-ipp-base" lang="en" style="display:none;direction:ltr;"></div>
<div id="wm-ipp" style="position:fixed;top:0"><div id="wm-ipp-inside"><table><tr><td class="c"><a href="https://web.archive.org/web/">Wayback Machine</a></td>
<td><a href="#">2 captures</a><div>12 Jun 2009 - 30 Aug 2011</div></td><td><a>JUN</a> <a>AUG</a> <a>SEP</a></td></tr></table>
<div id="wm-capinfo"><div>About this capture</div></div></div></div>
{end}
<center><h1>Glasswing</h1><h3>by Petra Vance</h3></center>
<p><i>Rating: PG-13. Warnings: character death, blood.</i></p>
<hr><h2>Chapter 1: Furnace</h2>
<p>The furnace was never let go out, not even at Christmas.</p><p>Orla fed it before she fed herself.</p>
</body></html>"""


def test_an_archived_copys_inserted_toolbar_is_no_chapter() -> None:
    """The Wayback Machine's toolbar, between its BEGIN and END INSERT comments, was chapter one
    ("Wayback Machine", "2 captures"), the page's title and byline a chapter of their own, and the
    warnings under them declared nothing."""
    story = _read(WAYBACK.format(end="<!-- END WAYBACK TOOLBAR INSERT -->"))
    assert (story.meta.title, story.meta.author, story.meta.rating) == ("Glasswing", "Petra Vance", "PG-13")
    assert _ids(story.meta.declared_warnings) == ["blood-gore", "death"]
    assert [chapter.title for chapter in story.chapters] == ["Furnace"]
    assert story.chapters[0].paragraphs[0] == "The furnace was never let go out, not even at Christmas."


def test_a_begin_comment_with_no_end_takes_nothing_out() -> None:
    """Guard: only what lies between a tool's two marks goes."""
    story = _read(WAYBACK.format(end="").replace("Wayback Machine", "The Lantern Archive"))
    assert "The Lantern Archive" in _text(story)


WORD_FILTERED = """<html><head><meta http-equiv=Content-Type content="text/html; charset=windows-1252"><meta name=Generator content="Microsoft Word 15 (filtered)"><title>The Lighthouse Keeper's Ledger</title></head>
<body lang=EN-GB><div class=WordSection1>
<p class=MsoTitle>The Lighthouse Keeper's Ledger</p><p class=MsoNormal align=center style='text-align:center'>{name}</p>
<p class=MsoNormal>&nbsp;</p><p class=MsoNormal>{under}</p>
<p class=MsoToc1><a href="#_Toc1">January<span>1</span></a></p><p class=MsoToc1><a href="#_Toc2">February<span>4</span></a></p></div>
<div class=WordSection2><h1><a name="_Toc1"></a>January</h1><p class=MsoNormal>The light failed twice in the first week, both times in fog.</p>
<h1><a name="_Toc2"></a>February</h1><p class=MsoNormal>The supply boat did not come.</p></div></body></html>"""


def test_a_name_under_the_title_over_the_warnings_is_the_author() -> None:
    """Word's title page, "Agathe Penrose" and a spacing paragraph over "Content warnings: ...":
    the name was a chapter before chapter one, and the warnings that chapter's alone."""
    page = WORD_FILTERED.format(name="Agathe Penrose", under="<b>Content warnings:</b> alcoholism; a death at sea")
    story = _read(page, "ledger.htm")
    assert (story.meta.title, story.meta.author) == ("The Lighthouse Keeper's Ledger", "Agathe Penrose")
    assert [chapter.title for chapter in story.chapters] == ["January", "February"]
    assert _ids(story.meta.declared_warnings) == ["addiction", "death"]
    assert all(chapter.declared_warnings == [] for chapter in story.chapters)


def test_a_line_over_story_text_is_no_author() -> None:
    """Guard: a short line under the title over the story's prose is the story's."""
    page = WORD_FILTERED.format(name="Agathe Penrose", under="The fog came in before the supply boat could.")
    story = _read(page, "ledger.htm")
    assert story.meta.author is None
    assert "Agathe Penrose" in _text(story)


VELLA = """<!DOCTYPE html><html lang="en-us"><head><title>Episode 1: Tallow | The Chandler's Daughter | Kindle Vella</title></head>
<body><div id="vella-header"><a href="/">Kindle Vella</a><a href="/browse">Browse</a></div>
<div class="story-header"><h2 class="story-title"><a href="/story/B0X">The Chandler's Daughter</a></h2><div class="author-name">By <a href="/author/y">Mira Kell</a></div></div>
<div class="episode-header"><h1 class="episode-title">Episode 1: Tallow</h1></div>
<div class="episode-content"><p>The tallow vats had to be stirred every hour through the night.</p><p>Wenna slept in the chair between.</p></div>
<div class="token-unlock"><p>The first three episodes are free. Unlock episode 4 with 18 tokens.</p></div></body></html>"""

PATREON = """<!DOCTYPE html><html lang="en"><head><title>Lantern Road, chapter 9 | Tove Haller on Patreon</title></head>
<body><div id="renderPageContentWrapper"><header data-tag="nav"><a href="/home">Patreon</a></header>
<div data-tag="post-card"><h1><span data-tag="post-title">Lantern Road, chapter 9</span></h1>
<div data-tag="post-content"><p>The road was lit by lanterns nobody owned.</p><p>Ilse counted them as she walked.</p></div>
<div data-tag="post-tags"><a href="/c/tove/posts?filters[tag]=Lantern%20Road">Lantern Road</a><a href="/c/tove/posts?filters[tag]=fiction">fiction</a></div>
</div></div></body></html>"""

FORUM_POST = """<!DOCTYPE html><html><head><title>Tidewrack (Original Fiction) | SpaceBattles</title></head><body>
<h1 class="p-title-value">Tidewrack (Original Fiction)</h1>
<article class="message message--post" data-author="Halyard"><div class="message-cell message-cell--main">
<div class="message-content"><article class="message-body"><div class="bbWrapper">The tide left things on the shingle every morning, and Jenny sorted them.<br><br>Rope, bottle, boot, a dead gull.</div></article></div>
<div class="{name}"><div class="bbWrapper">My other quest: <a href="/threads/x">The Salt Road</a> | Discord: halyard#0001</div></div>
</div></article></body></html>"""


def test_a_paid_serials_offer_to_unlock_the_next_episode_is_no_story() -> None:
    story = _read(VELLA)
    assert story.chapters[0].paragraphs == [
        "The tallow vats had to be stirred every hour through the night.",
        "Wenna slept in the chair between.",
    ]


def test_an_element_named_by_a_data_tag_is_chrome_by_that_name() -> None:
    """Patreon names its elements by data-tag, not class: its "post-tags" links were story text."""
    story = _read(PATREON)
    assert story.chapters[0].paragraphs == [
        "The road was lit by lanterns nobody owned.",
        "Ilse counted them as she walked.",
    ]


def test_a_forum_posts_signature_is_no_story() -> None:
    story = _read(FORUM_POST.format(name="message-signature"))
    assert "My other quest" not in _text(story)
    assert story.chapters[0].paragraphs[-1] == "Rope, bottle, boot, a dead gull."


def test_a_division_with_no_chrome_name_under_a_post_stays_text() -> None:
    """Guard: the same division named for what it holds ("message-postscript") is the post's."""
    story = _read(FORUM_POST.format(name="message-postscript"))
    assert "My other quest: The Salt Road | Discord: halyard#0001" in _text(story)


PANDOC = """<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" lang="en" xml:lang="en"><head><meta charset="utf-8" /><meta name="generator" content="pandoc" />
<meta name="author" content="Hester Quayle" /><title>The Weather Station</title></head><body>
<header id="title-block-header"><h1 class="title">The Weather Station</h1><p class="author">Hester Quayle</p><p class="date">2023</p>
<div class="abstract"><div class="abstract-title">Abstract</div><p>{abstract}</p></div></header>
<h1 id="pressure">Pressure</h1><p>The barometer dropped four millibars before lunch.</p><p>Aud tapped the glass as if that would help.</p>
<h1 id="front">Front</h1><p>The front came in sideways and took the anemometer with it.</p></body></html>"""


def test_pandocs_abstract_is_the_summary() -> None:
    story = _read(PANDOC.format(abstract="Two meteorologists on an island, one barometer, and a long winter."))
    assert story.meta.summary == "Two meteorologists on an island, one barometer, and a long winter."
    assert [chapter.title for chapter in story.chapters] == ["Pressure", "Front"]
    assert "Abstract" not in _text(story)


def test_an_abstract_as_long_as_a_chapter_is_no_summary() -> None:
    """Guard: past a blurb's length, the abstract is left as it was (the title block's, not the story's)."""
    story = _read(PANDOC.format(abstract="The barometer fell. " * 120))
    assert story.meta.summary is None
    assert [chapter.title for chapter in story.chapters][-2:] == ["Pressure", "Front"]


def _zipped(members: dict[str, bytes | str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


GDOCS_ZIPPED = """<html><head><meta content="text/html; charset=UTF-8" http-equiv="content-type"><title>The Quarryman</title></head>
<body class="c4 doc-content"><p class="c3 title" id="h.x"><span class="c1">The Quarryman</span></p><p class="c0"><span>by Elin Rowe</span></p>
<p class="c0"><span>CW: a quarry accident; death</span></p>
<h1 id="h.1"><span>The Hill</span></h1><p class="c0"><span>The stone came out of the hill in blocks the size of cottages.</span></p>
<p class="c0"><span><img src="images/image1.png" style="width: 200px"></span></p>
<h1 id="h.2"><span>The Chain</span></h1><p class="c0"><span>Dai was under the third block when the chain went.</span></p></body></html>"""
PICTURE = b"\x89PNG\r\n\x1a\n" + bytes(64)


def test_google_docs_zipped_web_page_is_read_as_the_page() -> None:
    """Google Docs saves HTML only as a zip of the page and its pictures: it was refused as a zip archive."""
    data = _zipped({"TheQuarryman.html": GDOCS_ZIPPED, "images/image1.png": PICTURE})
    story = import_story(data, "TheQuarryman.zip", max_bytes=1 << 20)
    assert (story.meta.title, story.meta.author) == ("The Quarryman", "Elin Rowe")
    assert [chapter.title for chapter in story.chapters] == ["The Hill", "The Chain"]
    assert _ids(story.meta.declared_warnings) == ["death"]


@pytest.mark.parametrize(
    "members",
    [
        {"a.html": GDOCS_ZIPPED, "b.html": GDOCS_ZIPPED},  # two pages: a site, not a story's page
        {"story.html": GDOCS_ZIPPED, "run.exe": b"MZ"},  # something besides pictures
        {"pages/story.html": GDOCS_ZIPPED},  # the page in a folder: no export's shape
    ],
)
def test_other_zips_holding_pages_are_still_refused(members: dict[str, bytes | str]) -> None:
    with pytest.raises(StoryFormatError, match="zip archive"):
        import_story(_zipped(members), "site.zip", max_bytes=1 << 20)


def test_a_zipped_page_past_the_size_limit_is_refused_for_its_size() -> None:
    """The page is unpacked to the limit and no further, whatever its entry says."""
    page = GDOCS_ZIPPED.replace("</body>", "<p>" + "stone " * 40_000 + "</p></body>")
    with pytest.raises(StoryFormatError, match="larger than the 98 KiB limit"):
        import_story(_zipped({"story.html": page}), "story.zip", max_bytes=100_000)


WEBNOVEL = """<!DOCTYPE html><html><head><title>Ember Court Chapter 3 - Soot - Webnovel</title></head>
<body><div class="g_header"><a href="/">WEBNOVEL</a><a href="/stories/novel">Browse</a></div>
<div class="cha-wrap"><div class="cha-hd"><div class="cha-hd-mn"><h1 class="cha-tit"><span class="j_chapterName"><span class="mr8">Chapter 3</span>Soot</span></h1>
<div class="cha-hd-info"><span><a class="c_primary" href="/profile/1">Kestrel_Vane</a></span>{rest}</div></div></div>
<div class="cha-content"><div class="cha-words"><p class="cha-paragraph"><span class="content-wrap">Soot lay on every sill in the Ember Court.</span></p><p class="cha-paragraph"><span class="content-wrap">The maids wiped it and it came back by noon.</span></p></div></div></div></body></html>"""


def test_a_row_opening_with_the_users_link_over_the_chapters_counts_names_the_author() -> None:
    """Webnovel's row "Kestrel_Vane1,210 wordsUpdated Feb 5, 2022" was the chapter's first paragraph."""
    story = _read(WEBNOVEL.format(rest="<span>1,210 words</span><span>Updated Feb 5, 2022</span>"))
    assert story.meta.author == "Kestrel_Vane"
    assert story.chapters[0].paragraphs == [
        "Soot lay on every sill in the Ember Court.",
        "The maids wiped it and it came back by noon.",
    ]


def test_a_users_link_beside_words_that_are_no_counts_stays_text() -> None:
    """Guard: "Kestrel_Vane" beside a sentence is no byline row."""
    story = _read(WEBNOVEL.format(rest="<span>kept the furnace lit all winter.</span>"))
    assert story.meta.author != "Kestrel_Vane"
    assert "kept the furnace lit all winter." in _text(story)


TAPAS = """<!DOCTYPE html><html lang="en"><head><title>{title}</title></head><body>
<div id="header" class="header"><a class="logo" href="/">TAPAS</a><a href="/novels">Novels</a></div>
<div class="viewer-section"><article class="viewer__body"><div class="ep-epub-contents"><p>The second key was smaller than the first and warmer.</p><p>Hedda turned it over twice and put it in her apron.</p></div></article></div></body></html>"""


def test_an_episodes_label_and_title_before_the_bar_leave_the_storys_name() -> None:
    """Tapas titles a page "Ep. 14 - The Second Key | The Lockmaker's Widow | Tapas Novels"; the story was
    titled "Ep. 14 - The Second Key | The Lockmaker's Widow"."""
    story = _read(TAPAS.format(title="Ep. 14 - The Second Key | The Lockmaker's Widow | Tapas Novels"))
    assert story.meta.title == "The Lockmaker's Widow"


def test_a_title_opening_with_a_chapter_word_and_no_number_keeps_it() -> None:
    """Guard: "Chapter House | Ferryman Tales" names no chapter."""
    story = _read(TAPAS.format(title="Chapter House | Ferryman Tales | Tapas Novels"))
    assert story.meta.title == "Chapter House | Ferryman Tales"


BLOG_POST = """<html><head><meta charset="utf-8"><title>{heading} &#8211; Marginalia</title><meta name="generator" content="WordPress 6.2"></head><body class="single single-post">
<header id="masthead" class="site-header"><p class="site-title"><a href="/" rel="home">Marginalia</a></p></header>
<main id="main"><article class="post type-post"><header class="entry-header"><h1 class="entry-title">{heading}</h1><div class="entry-meta"><span class="posted-on">Posted on <time class="entry-date published">June 3, 2021</time></span><span class="byline"> by <span class="author vcard"><a class="url fn n" href="/author/rhian/">Rhian Tate</a></span></span></div></header>
<div class="entry-content"><p>The kestrel hung over the same patch of hill every afternoon.</p><p>Ffion timed it with her father's watch.</p></div></article></main></body></html>"""


def test_a_blog_post_under_a_title_of_its_own_is_not_titled_with_the_blogs_name() -> None:
    story = _read(BLOG_POST.format(heading="Kestrel Hill"))
    assert (story.meta.title, story.meta.author) == ("Kestrel Hill", "Rhian Tate")


def test_a_blog_post_heading_a_chapter_is_the_blogs_serial() -> None:
    """Guard: "Chapter 4 – The Hide" on a serial's blog is a chapter of the story the blog names."""
    story = _read(BLOG_POST.format(heading="Chapter 4 &#8211; The Hide"))
    assert story.meta.title == "Marginalia"
    assert [chapter.title for chapter in story.chapters] == ["The Hide"]


EFICTION_PAGE = """<!DOCTYPE html><html><head><title>The Quiet Mill by hollowfen</title></head>
<body><div id="header"><a href="index.php">Hearthside Archive</a></div>
<div id="menu"><a href="index.php">Home</a> <a href="browse.php">Browse</a> <a href="search.php">Search</a></div>
<div id="pagetitle"><a href="viewstory.php?sid=812">The Quiet Mill</a> by <a href="viewuser.php?uid=77">hollowfen</a></div>
<div class="jumpmenu"><form name="jump"><select name="chapter"><option value="1">1. Millrace</option><option value="2" selected>2. The Wheel</option></select></form></div>
<div id="notes"><div class="title">Story Notes:</div>Warnings: suicide; grief</div>
<div class="chaptertitle">The Wheel by <a href="viewuser.php?uid=77">hollowfen</a></div>
<div id="story"><p>The wheel turned whether the mill ground or not.</p><p>Ada oiled it on Sundays.</p></div>
<div class="jumpmenu"><a href="reviews.php?type=ST&amp;item=812">Reviews (3)</a></div>
<div id="footer">Hearthside Archive &copy; 2009</div></body></html>"""

EFICTION_PRINTABLE = """<html><head><title>Hearthside Archive: The Salt Orchard</title></head><body>
<div id="pagetitle"><a href="viewstory.php?sid=99">The Salt Orchard</a> by <a href="viewuser.php?uid=3">Maud Ilsley</a></div>
<div class="content"><span class="label">Rated:</span> Teen<br /><span class="label">Warnings:</span> Character Death<br /></div>
<div class="chaptertitle">1. Brine</div>
<div class="chapter"><p>The orchard stood in salt water to its knees.</p><p>Nobody could say why it lived.</p></div>
<div class="chaptertitle">2. The Graft</div>
<div class="notes"><span class="label">Chapter Notes:</span> TW for this chapter: self-harm (brief).</div>
<div class="chapter"><p>The graft took, which nobody had expected.</p></div></body></html>"""


def test_an_efiction_chapter_page_names_its_story_author_and_warnings() -> None:
    """eFiction's "The Quiet Mill by hollowfen" (two links) was the title, its header, menus and
    "Reviews (3)" story text, and its "Story Notes:" over the warnings a chapter of its own."""
    story = _read(EFICTION_PAGE)
    assert (story.meta.title, story.meta.author) == ("The Quiet Mill", "hollowfen")
    assert _ids(story.meta.declared_warnings) == ["grief", "suicide"]
    assert [(chapter.title, chapter.paragraphs) for chapter in story.chapters] == [
        ("The Wheel", ["The wheel turned whether the mill ground or not.", "Ada oiled it on Sundays."])
    ]


def test_an_efiction_printable_story_is_read_chapter_by_chapter() -> None:
    """Its chapters' titles in ``div.chaptertitle`` were lines: one chapter, the second's warning the first's."""
    story = _read(EFICTION_PRINTABLE)
    assert (story.meta.title, story.meta.author, story.meta.rating) == ("The Salt Orchard", "Maud Ilsley", "Teen")
    assert [chapter.title for chapter in story.chapters] == ["Brine", "The Graft"]
    assert [_ids(chapter.declared_warnings) for chapter in story.chapters] == [[], ["self-harm"]]


def test_a_sentence_linking_a_story_and_its_writer_stays_text() -> None:
    """Guard: "<a>The Quiet Mill</a> by <a>hollowfen</a>" inside a sentence is no title line."""
    page = EFICTION_PRINTABLE.replace(
        "<p>Nobody could say why it lived.</p>",
        '<p>I loved <a href="viewstory.php?sid=1">The Quiet Mill</a> by <a href="viewuser.php?uid=77">hollowfen</a>, read it.</p>',
    )
    story = _read(page)
    assert "I loved The Quiet Mill by hollowfen, read it." in _text(story)


ASIDE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>The Night Ferry</title><meta name="author" content="Caius Wren"></head><body>
<main><h1>The Night Ferry</h1>
<section class="chapter"><h2>I. Boarding</h2><p>The ferry left at midnight and nobody on it had a ticket.</p></section>
<section class="chapter"><h2>II. The Crossing</h2><aside class="cw"><p>{aside}</p></aside><p>Halfway over, a man went into the water.</p></section>
<section class="chapter"><h2>III. Landing</h2><p>They landed in fog.</p></section></main></body></html>"""


def test_a_warning_set_aside_beside_a_chapter_is_that_chapters() -> None:
    """An <aside> is chrome: the chapter's "CW: drowning, a death." went with it, declaring nothing."""
    story = _read(ASIDE.format(aside="CW: drowning, a death."))
    assert [chapter.title for chapter in story.chapters] == ["Boarding", "The Crossing", "Landing"]
    assert [_ids(chapter.declared_warnings) for chapter in story.chapters] == [[], ["death"], []]
    assert "CW: drowning, a death." not in _text(story)


def test_an_aside_of_other_words_is_still_chrome() -> None:
    """Guard: "Read more from Caius Wren" beside the text goes, as before."""
    story = _read(ASIDE.format(aside="Read more from Caius Wren: The Salt Year, Northlight."))
    assert "Read more from Caius Wren" not in _text(story)


WORD_PAGE = """<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns="http://www.w3.org/TR/REC-html40">
<head><meta http-equiv=Content-Type content="text/html; charset=utf-8"><meta name=Generator content="Microsoft Word 15"><title>The Tollkeeper</title></head>
<body lang=EN-US><div class=WordSection1>
<p class=MsoNormal align=center style='text-align:center'><b><span style='font-size:20.0pt'>The Tollkeeper<o:p></o:p></span></b></p>
<p class=MsoNormal align=center style='text-align:center'>Rowan Achterberg<o:p></o:p></p>
<p class=MsoNormal><o:p>&nbsp;</o:p></p>
<p class=MsoNormal><i>TW: a road accident; death of a child<o:p></o:p></i></p>
<p class=MsoNormal><o:p>&nbsp;</o:p></p>
<p class=MsoNormal align=center style='text-align:center'><b>Chapter One<o:p></o:p></b></p>
<p class=MsoNormal>The toll was a penny and had been a penny for a hundred years.<o:p></o:p></p>
<p class=MsoNormal align=center style='text-align:center'><b>Chapter Two<o:p></o:p></b></p>
<p class=MsoNormal>The motorcar did not stop for the gate.<o:p></o:p></p></div></body></html>"""


def test_a_title_and_name_over_a_spacing_paragraph_and_the_warnings_are_the_title_page() -> None:
    """Word's title page set in paragraphs, a blank one between the name and the warnings: the title,
    name and warnings were a chapter before chapter one, the warnings that chapter's alone."""
    story = _read(WORD_PAGE, "tollkeeper.htm")
    assert (story.meta.title, story.meta.author) == ("The Tollkeeper", "Rowan Achterberg")
    assert _ids(story.meta.declared_warnings) == ["death"]
    assert [chapter.paragraphs[0] for chapter in story.chapters] == [
        "The toll was a penny and had been a penny for a hundred years.",
        "The motorcar did not stop for the gate.",
    ]


NOTION = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"/><title>The Salt Mine</title></head><body><article id="a1" class="page sans"><header><h1 class="page-title">The Salt Mine</h1></header><div class="page-body">
<figure class="block-color-yellow_background callout" style="white-space:pre-wrap;display:flex" id="c1"><div style="font-size:1.5em"><span class="icon">⚠️</span></div><div style="width:100%">{callout}</div></figure>
<h2 id="h1">Part One</h2><p id="p1">The lift went down four hundred feet and the air got older on the way.</p>
<h2 id="h2">Part Two</h2><p id="p3">The second shift never came up.</p></div></article></body></html>"""


def test_a_callouts_warning_sign_over_its_warnings_keeps_them_the_storys() -> None:
    """Notion's callout: its icon "⚠️" alone, read as a divider, ended the header, and its "Content
    warnings:" line was a chapter before chapter one, declaring for that chapter alone."""
    story = _read(NOTION.format(callout="<strong>Content warnings:</strong> a cave-in, injury"))
    assert _ids(story.meta.declared_warnings) == ["blood-gore"]
    assert [chapter.title for chapter in story.chapters] == ["Part One", "Part Two"]


def test_a_callout_of_story_text_under_a_warning_sign_stays_text() -> None:
    """Guard: a sign over a line of the story's is no header."""
    story = _read(NOTION.format(callout="The mine had been closed since the flood."))
    assert story.meta.declared_warnings == []
    assert "The mine had been closed since the flood." in _text(story)


def _phpbb_post(number: int, poster: str, body: str) -> str:
    return f"""<div id="p{number}" class="post has-profile bg2"><div class="inner"><dl class="postprofile"><dt><a href="./memberlist.php?mode=viewprofile&amp;u={number}" class="username">{poster}</a></dt><dd class="profile-rank">Storyteller</dd><dd class="profile-posts"><strong>Posts:</strong> 212</dd></dl>
<div class="postbody"><h3 class="first"><a href="#p{number}">The Ferrywoman</a></h3>
<p class="author">by <strong><a href="./memberlist.php?mode=viewprofile&amp;u={number}" class="username">{poster}</a></strong> &raquo; Sun Mar 05, 2023 8:14 pm</p>
<div class="content">{body}</div></div></div></div>"""


PHPBB = """<!DOCTYPE html><html dir="ltr" lang="en-gb"><head><title>The Ferrywoman - Quill &amp; Lantern Writers</title></head><body id="phpbb">
<div id="page-body" class="page-body"><h2 class="topic-title"><a href="./viewtopic.php?t=9">The Ferrywoman</a></h2>{posts}</div></body></html>"""
STORY_POST = (
    "<span style='font-weight: bold'>Rating:</span> 12+<br><span style='font-weight: bold'>Warnings:</span> character death, grief"
    "<br><br>The ferrywoman took coins from the living and nothing from the dead.<br><br>Her boat was older than the river's name."
)


def test_a_forum_threads_replies_by_others_are_no_story() -> None:
    """phpBB: a reader's "Beautiful and sad." was story text, the poster boxes ("Posts: 212") and the
    "by ... » date" line too, and the post's subject under the thread's title made the header fields
    chapter text, declaring nothing."""
    posts = _phpbb_post(41, "tarn_and_heather", STORY_POST) + _phpbb_post(
        44, "wrenfeather", "Beautiful and sad. Well done."
    )
    story = _read(PHPBB.format(posts=posts))
    assert (story.meta.title, story.meta.author, story.meta.rating) == ("The Ferrywoman", "tarn_and_heather", "12+")
    assert _ids(story.meta.declared_warnings) == ["death", "grief"]
    assert _text(story).split("\n") == [
        "The ferrywoman took coins from the living and nothing from the dead.",
        "Her boat was older than the river's name.",
    ]


def test_the_authors_own_later_posts_stay() -> None:
    """Guard: the author's second post, the story's next part, is kept."""
    posts = _phpbb_post(41, "tarn_and_heather", STORY_POST) + _phpbb_post(
        47, "tarn_and_heather", "The river froze that winter, for the first time in a hundred years."
    )
    story = _read(PHPBB.format(posts=posts))
    assert "The river froze that winter, for the first time in a hundred years." in _text(story)


DISCOURSE = """<!DOCTYPE html><html lang="en"><head><title>The Cartographer's Apprentice - Writing - Inkwell Forum</title></head><body>
<div id="main-outlet"><h1><a class="fancy-title" href="/t/81">The Cartographer's Apprentice</a></h1>
<div class="topic-post"><article id="post_1" class="boxed onscreen-post" data-post-id="401"><div class="topic-body"><div class="topic-meta-data"><div class="names"><span class="first username"><a href="/u/inkmoth">inkmoth</a></span></div><div class="post-infos"><a class="post-date"><span title="Jan 3, 2024">Jan 3</span></a></div></div>
<div class="regular contents"><div class="cooked"><h2>Chapter One: Soundings</h2><p>The apprentice learned to measure the river.</p><h2>Chapter Two: Charts</h2><p>The charts were wrong, and her master knew it.</p></div></div></div></article></div>
<div class="topic-post"><article id="post_2" class="boxed onscreen-post" data-post-id="402"><div class="topic-body"><div class="topic-meta-data"><div class="names"><span class="first username"><a href="/u/reedwarbler">reedwarbler</a></span></div></div>
<div class="regular contents"><div class="cooked"><p>This is wonderful, can't wait for more!</p></div></div></div></article></div></div></body></html>"""


def test_a_discourse_topics_replies_and_post_headers_are_no_story() -> None:
    story = _read(DISCOURSE)
    assert story.meta.author == "inkmoth"
    assert [(chapter.title, chapter.paragraphs) for chapter in story.chapters] == [
        ("Soundings", ["The apprentice learned to measure the river."]),
        ("Charts", ["The charts were wrong, and her master knew it."]),
    ]


HUGO = """<!DOCTYPE html><html lang="en-gb"><head><meta name="generator" content="Hugo 0.111.3"><title>The Ropewalk | Fernhouse Fiction</title></head>
<body><header class="site-header"><nav><a class="site-title" href="/">Fernhouse Fiction</a></nav></header>
<main><article class="post"><header class="post-header"><h1 class="post-title">The Ropewalk</h1>
<div class="post-meta">{meta}</div></header>
<div class="post-content"><p>The ropewalk was a quarter mile long and never warm.</p><p>Jory walked it backwards all day.</p></div></article></main></body></html>"""


@pytest.mark.parametrize(
    ("meta", "author"),
    [
        ("<time datetime='2022-09-01'>September 1, 2022</time> · 4 min · Ada Fernhouse", "Ada Fernhouse"),
        ('<a href="/@adafernhouse">Ada Fernhouse</a><div>Sep 1, 2022</div>', "Ada Fernhouse"),
        ('<a href="/@adaf">adaf</a><div>Sep 1, 2022</div><div>4 min read</div>', "adaf"),
    ],
)
def test_the_one_name_among_a_posts_date_and_counts_is_its_author(meta: str, author: str) -> None:
    """Hugo's "September 1, 2022 · 4 min · Ada Fernhouse" (and a byline of a link and a date) named no author."""
    story = _read(HUGO.format(meta=meta))
    assert story.meta.author == author
    assert story.chapters[0].paragraphs[0] == "The ropewalk was a quarter mile long and never warm."


@pytest.mark.parametrize(
    "meta", ["September 1, 2022 · 4 min · Fiction", "September 1, 2022 · 4 min · filed under short fiction"]
)
def test_a_category_among_a_posts_date_and_counts_is_no_author(meta: str) -> None:
    """Guard: a single unlinked word or a phrase in lower case is the post's category, not its writer."""
    assert _read(HUGO.format(meta=meta)).meta.author is None


TOGGLE = """<!DOCTYPE html><html><head><title>The Bell Jar Garden</title><style>.cw-body {{ display: none; }} .cw-open .cw-body {{ display: block; }} .x9f {{ display: none; }}</style></head><body>
<div id="main"><h1>The Bell Jar Garden</h1><p class="byline">by mothlantern</p>
<div class="cw"><button class="cw-toggle">{button}</button><div class="cw-body"><p>self-harm, an eating disorder</p></div></div>
<p>The bell jars stood in rows along the wall, each with a fern under it.</p><p class="x9f">This story was stolen from its author; read it at the source.</p>
<p>Mira lifted one and the fern inside sighed.</p></div></body></html>"""


def test_warnings_hidden_for_a_reader_to_open_are_read() -> None:
    """A page's warnings hidden behind "content warnings (click to show)" were taken out as unseen text."""
    story = _read(TOGGLE.format(button="content warnings (click to show)"))
    assert _ids(story.meta.declared_warnings + story.chapters[0].declared_warnings) == ["eating-disorder", "self-harm"]
    assert "This story was stolen from its author; read it at the source." not in _text(story)


def test_other_hidden_lists_stay_unseen() -> None:
    """Guard: under a button that is no warnings label, the hidden list is still no text."""
    story = _read(TOGGLE.format(button="show playlist"))
    assert story.meta.declared_warnings == [] and story.chapters[0].declared_warnings == []
    assert "self-harm, an eating disorder" not in _text(story)


DEFINITIONS = """<!DOCTYPE html><html><head><title>The Glass Orchard</title><meta name="author" content="Pell Oduya"></head><body>
<h1>The Glass Orchard</h1>
<h2>One</h2><p>The orchard was glass from root to twig.</p>
<h2>Two</h2><dl class="chapter-meta">{terms}</dl><p>The glass cut her hands.</p></body></html>"""


def test_a_definition_list_of_a_chapters_fields_declares_its_warnings() -> None:
    """The term "Chapter warnings" over its value "self-harm, blood" were two paragraphs of the chapter."""
    story = _read(DEFINITIONS.format(terms="<dt>Chapter warnings</dt><dd>self-harm, blood</dd>"))
    assert [_ids(chapter.declared_warnings) for chapter in story.chapters] == [[], ["blood-gore", "self-harm"]]
    assert story.chapters[1].paragraphs == ["The glass cut her hands."]


def test_a_glossary_stays_text() -> None:
    """Guard: a list of terms and their sentences is the story's."""
    terms = "<dt>Scion</dt><dd>A cutting grafted onto a rootstock, which grows into the tree above the join.</dd><dd>Also a child.</dd>"
    story = _read(DEFINITIONS.format(terms=terms))
    assert "A cutting grafted onto a rootstock, which grows into the tree above the join." in _text(story)


BOX = """<html><head><meta content="text/html; charset=UTF-8" http-equiv="content-type"><title>Low Tide</title></head><body class="doc-content">
<p class="c3 title"><span>Low Tide</span></p><p class="c1"><span>by Nia Owusu</span></p>
<table class="c9"><tr class="c5"><td class="c8" colspan="1" rowspan="1"><p class="c1"><span class="c2">{label}</span></p><p class="c1"><span>{listed}</span></p></td></tr></table>
<h1 class="c4"><span>One</span></h1><p>The lake was still in the mornings.</p><h1 class="c4"><span>Two</span></h1><p>The funeral was on a Tuesday.</p></body></html>"""


def test_a_warnings_label_over_its_list_in_a_paragraph_of_its_own_declares() -> None:
    """Google Docs' box (a one-cell table) of "Content warnings" over "drowning, grief, a funeral" was
    a chapter before chapter one, declaring nothing."""
    story = _read(BOX.format(label="Content warnings", listed="drowning, grief, a funeral"))
    assert _ids(story.meta.declared_warnings) == ["grief"]
    assert [chapter.heading_number for chapter in story.chapters] == [1, 2]


def test_a_warnings_label_over_a_sentence_declares_nothing() -> None:
    """Guard: "Warnings" over "Nobody heeded them. The tide came in anyway." is the story's."""
    story = _read(BOX.format(label="Warnings", listed="Nobody heeded them. The tide came in anyway."))
    assert story.meta.declared_warnings == []
    assert "Nobody heeded them. The tide came in anyway." in _text(story)


def test_a_hand_made_sites_back_to_index_links_are_no_story() -> None:
    """ "Back to Index | Next Chapter" under a chapter of a hand-made site was its last paragraph."""
    page = WAYBACK.format(end="<!-- END WAYBACK TOOLBAR INSERT -->").replace(
        "</body>", '<hr><p><a href="index.html">Back to Index</a> | <a href="2.html">Next Chapter</a></p></body>'
    )
    story = _read(page)
    assert story.chapters[-1].paragraphs[-1] == "Orla fed it before she fed herself."


def test_a_sentence_going_back_to_a_place_stays() -> None:
    """Guard: "Back to the house, then." closing the chapter is the story's."""
    page = WAYBACK.format(end="<!-- END WAYBACK TOOLBAR INSERT -->").replace(
        "</body>", "<p>Back to the house, then.</p></body>"
    )
    assert _read(page).chapters[-1].paragraphs[-1] == "Back to the house, then."


def test_an_efiction_chapters_end_notes_label_glued_to_its_text_is_a_note() -> None:
    """ "<span class="label">Chapter End Notes:</span>Thanks ..." read "Chapter End Notes:Thanks ...", story text."""
    page = EFICTION_PRINTABLE.replace(
        '<div class="chaptertitle">2. The Graft</div>',
        '<div class="notes"><span class="label">Chapter End Notes:</span>Thanks to everyone who reviewed.</div>'
        '<div class="chaptertitle">2. The Graft</div>',
    )
    story = _read(page)
    assert story.chapters[0].paragraphs == [
        "The orchard stood in salt water to its knees.",
        "Nobody could say why it lived.",
    ]
    assert "Thanks to everyone who reviewed." in story.chapters[0].notes


def test_a_time_set_in_bold_keeps_its_colon() -> None:
    """Guard: "<b>12:</b>30" is a time, not a label to space."""
    page = EFICTION_PRINTABLE.replace(
        "<p>Nobody could say why it lived.</p>", "<p>The train left at <b>12:</b>30 sharp.</p>"
    )
    assert "The train left at 12:30 sharp." in _text(_read(page))
