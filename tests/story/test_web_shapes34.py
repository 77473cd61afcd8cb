"""Web pages as readers save them, from the s34 probe of files nobody on the project wrote: a
FanFiction.net or FictionPress chapter page (desktop or mobile) kept no chapter number of its own, so
"heads up, chapter 7 contains self-harm" in chapter 7's notes declared nothing; a Royal Road chapter
page under an unnumbered heading ("The Bell at Dawn") was titled "The Bell at Dawn - Beneath the
Glass City". Every page here is written for these tests."""

from __future__ import annotations

import pytest

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
