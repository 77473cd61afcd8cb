"""HTML as fan-fiction tools save it: AO3 chapter notes and art chapters, FanFicFare and FicHub
pages, FanFiction.net's chapter navigation pasted into a page."""

from __future__ import annotations

from bot.story.importer import import_story
from bot.story.markdown import parse_markdown
from bot.warnings.declared import map_declared, map_texts
from tests.story.builders import Ao3Chapter, Ao3Work, ao3_html

LIMIT = 1 << 20


def _import(page: str, name: str = "story.html"):
    return import_story(page.encode(), name, max_bytes=LIMIT)


def _work(chapters: list[Ao3Chapter]) -> Ao3Work:
    return Ao3Work(
        title="Harbour Lights",
        author="saltmarsh",
        archive_warnings=["Creator Chose Not To Use Archive Warnings"],
        additional_tags=["Angst"],
        summary="Two sisters and a lighthouse.",
        notes=None,
        end_notes=None,
        chapters=chapters,
    )


def test_a_chapter_notes_warning_is_declared_and_the_notes_stay_notes() -> None:
    work = _work(
        [
            Ao3Chapter("Chapter 1: Fog", ["The fog came in early that year."]),
            Ao3Chapter(
                "Chapter 2: Rocks",
                ["Nell did not come home that night.", "Her sister waited by the lamp."],
                summary="Things fall apart.",
                notes="TW for this chapter: self-harm and a suicide attempt. Look after yourselves.",
                end_notes="Thank you for reading this far.",
            ),
            Ao3Chapter("Chapter 3: Dawn", ["The lamp was still burning at dawn."]),
        ]
    )
    story = _import(ao3_html(work))
    assert [chapter.title for chapter in story.chapters] == ["Fog", "Rocks", "Dawn"]
    second = story.chapters[1]
    assert second.paragraphs == ["Nell did not come home that night.", "Her sister waited by the lamp."]
    assert second.notes[0] == "Things fall apart."
    assert any("self-harm" in note for note in second.notes)
    assert second.notes[-1] == "Thank you for reading this far."
    # The declaration in the chapter's notes is that chapter's, not the whole story's.
    assert second.declared_warnings == ["TW for this chapter: self-harm and a suicide attempt"]
    assert story.meta.declared_warnings == []
    assert {"self-harm", "suicide"} <= set(map_texts(second.declared_warnings).ids)
    assert map_declared(story.meta).unwarned  # AO3's "chose not to warn" is still there
    # AO3's pointer to the end notes is neither story nor a note.
    everything = [p for chapter in story.chapters for p in chapter.paragraphs + chapter.notes]
    assert not any("See the end of the chapter" in text for text in everything)


def test_an_art_chapter_keeps_its_place_as_an_image_line() -> None:
    work = _work(
        [
            Ao3Chapter("Chapter 1: Before", ["She painted all night."]),
            Ao3Chapter("Chapter 2: Art by a friend", ["ART-HERE"], notes="This chapter is fanart!"),
            Ao3Chapter("Chapter 3: After", ["In the morning the painting was gone."]),
        ]
    )
    page = ao3_html(work).replace(
        "<p>ART-HERE</p>",
        '<p><img src="https://example.org/a.png" alt="Two sisters under  the lamp" /></p>'
        '<p><img src="https://example.org/b.png" /></p>',
    )
    story = _import(page)
    assert [chapter.number for chapter in story.chapters] == [1, 2, 3]
    assert story.chapters[1].title == "Art by a friend"
    assert story.chapters[1].paragraphs == ["[Image: Two sisters under the lamp]", "[Image]"]


def test_an_image_in_a_page_is_a_line_of_its_own_and_reads_as_in_markdown() -> None:
    page = (
        "<html><body><h1>Kites</h1><p>by Ola Brandt</p>"
        '<p><img src="cover.jpg" alt="Cover"></p>'
        "<h2>Chapter 1</h2><p>The wind rose at noon.</p>"
        '<p>She drew this: <img src="kite.png" alt="a red kite"> and went out.</p>'
        "<h2>Chapter 2</h2><p><img src='x.png' alt='The kite in the tree'></p></body></html>"
    )
    story = _import(page)
    assert (story.meta.title, story.meta.author) == ("Kites", "Ola Brandt")
    first, second = story.chapters
    assert first.paragraphs == ["The wind rose at noon.", "She drew this:\n[Image: a red kite]\nand went out."]
    assert second.paragraphs == ["[Image: The kite in the tree]"]
    markdown = parse_markdown("# Kites\n\n## Chapter 1\n\n![The kite in the tree](x.png)\n", "k.md")
    assert markdown.chapters[0].paragraphs == second.paragraphs


FANFICFARE = """<!DOCTYPE html>
<html><head><meta charset="UTF-8"><title>Salt Roads by M. Okafor</title></head>
<body>
<h1><a href="https://archiveofourown.org/works/42">Salt Roads</a> by <a class="authorlink"
 href="https://archiveofourown.org/users/mokafor/pseuds/mokafor">M. Okafor</a></h1>
<table class="full">
<tr><td><b>Category:</b></td><td>Gen</td></tr>
<tr><td><b>Fandom:</b></td><td>Original Work</td></tr>
<tr><td><b>Packaged:</b></td><td>2024-02-02 10:00:00</td></tr>
<tr><td><b>Rating:</b></td><td>Teen And Up Audiences</td></tr>
<tr><td><b>Warnings:</b></td><td>Major Character Death</td></tr>
<tr><td><b>Summary:</b></td><td><p>A caravan crosses the salt flats.</p><p>Not all of it arrives.</p></td></tr>
</table>
<a name="TOCTOP"><h2>Table of Contents</h2></a>
<p>
<a href="#section0001">1. The Flats</a><br />
<a href="#section0002">2. The Well</a><br />
</p>
<a name="section0001"><h2>1. The Flats</h2></a>
<div class="userstuff module"><p>The camels would not drink. Idris said it meant rain.</p></div>
<a name="section0002"><h2>2. The Well</h2></a>
<div class="userstuff module"><p>The well was dry, and the map was wrong.</p></div>
</body></html>"""


def test_a_fanficfare_page_splits_into_its_chapters_with_its_metadata() -> None:
    story = _import(FANFICFARE, "salt.html")
    meta = story.meta
    assert (meta.title, meta.author, meta.rating) == ("Salt Roads", "M. Okafor", "Teen And Up Audiences")
    assert meta.summary == "A caravan crosses the salt flats.\nNot all of it arrives."
    assert meta.fandoms == ["Original Work"]
    assert meta.declared_warnings == ["Warnings: Major Character Death"]
    assert set(map_declared(meta).ids) == {"death"}
    assert [chapter.title for chapter in story.chapters] == ["The Flats", "The Well"]
    assert story.chapters[0].paragraphs == ["The camels would not drink. Idris said it meant rain."]
    texts = [p for chapter in story.chapters for p in chapter.paragraphs]
    assert not any("Category" in text or "Contents" in text or "2. The Well" in text for text in texts)


def test_a_title_with_by_in_it_is_not_split() -> None:
    page = FANFICFARE.replace(
        """<h1><a href="https://archiveofourown.org/works/42">Salt Roads</a> by <a class="authorlink"
 href="https://archiveofourown.org/users/mokafor/pseuds/mokafor">M. Okafor</a></h1>""",
        "<h1>Stand by Me</h1>",
    )
    story = _import(page, "salt.html")
    assert (story.meta.title, story.meta.author) == ("Stand by Me", None)


FICHUB = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"/><title>North Wind by fenwick</title></head>
<body>
<h1>North Wind</h1>
<p>by fenwick</p>
<nav id="toc"><ol><li><a href="#chap_1">Chapter 1: The Pass</a></li>
<li><a href="#chap_2">Chapter 2: The Inn</a></li></ol></nav>
<div id="chap_1" class="chapter"><h2>Chapter 1: The Pass</h2><p>Snow closed the pass behind them.</p></div>
<div id="chap_2" class="chapter"><h2>Chapter 2: The Inn</h2><p>The innkeeper knew their names already.</p></div>
</body></html>"""


def test_a_nav_table_of_contents_is_neither_story_nor_headings() -> None:
    story = _import(FICHUB, "north.html")
    assert [chapter.title for chapter in story.chapters] == ["The Pass", "The Inn"]
    assert story.chapters[0].paragraphs == ["Snow closed the pass behind them."]
    # The same list of links to the page's anchors without <nav> is navigation too.
    bare = FICHUB.replace('<nav id="toc">', "").replace("</nav>", "")
    assert [chapter.paragraphs for chapter in _import(bare, "north.html").chapters] == [
        ["Snow closed the pass behind them."],
        ["The innkeeper knew their names already."],
    ]


def test_a_list_with_text_or_outside_links_stays_story() -> None:
    page = (
        "<html><body><h2>Chapter 1</h2><p>She kept a list.</p>"
        '<ul><li><a href="#a">Bread</a></li><li>Milk, and <a href="#b">eggs</a></li></ul>'
        '<p><a href="https://example.org/one">one</a> <a href="https://example.org/two">two</a></p>'
        "</body></html>"
    )
    story = _import(page)
    assert story.chapters[0].paragraphs == ["She kept a list.", "Bread", "Milk, and eggs", "one two"]


def test_fanfiction_net_chapter_navigation_pasted_into_a_page_is_not_story() -> None:
    page = (
        "<html><body><h2>Chapter 1: The Letter</h2>"
        "<p>1. The Letter 2. The Burrow 3. Goodbye Next &gt;</p>"
        "<p>The owl came at breakfast.</p>"
        "<h2>Chapter 2: The Burrow</h2>"
        "<p>&lt; Prev 1. The Letter 2. The Burrow 3. Goodbye Next &gt;</p>"
        "<p>The Burrow was crooked.<br>&lt; Prev 1. The Letter 2. The Burrow 3. Goodbye Next &gt;</p>"
        "<select><option>1. The Letter</option><option>2. The Burrow</option></select>"
        "<h2>Chapter 3: Goodbye</h2><p>&lt; Prev 1. The Letter 2. The Burrow 3. Goodbye</p>"
        "<p>Summer ended. Her list read: 1. pack 2. leave. Next, the train.</p>"
        "</body></html>"
    )
    story = _import(page)
    assert [chapter.paragraphs for chapter in story.chapters] == [
        ["The owl came at breakfast."],
        ["The Burrow was crooked."],
        ["Summer ended. Her list read: 1. pack 2. leave. Next, the train."],
    ]


def test_fichub_html_introduction_is_metadata_not_a_chapter() -> None:
    """FicHub's page opens with title, by-line, address, blurb, a rule and FanFiction.net's stats
    line; it was imported as a chapter 1 of its own."""
    page = (
        "<html><head><title>Salt Roads by tidewell</title></head><body>"
        '<div id="introduction"><h1>Salt Roads</h1>'
        '<p>by <a href="https://www.fanfiction.net/u/42/tidewell">tidewell</a></p>'
        '<p><a href="https://www.fanfiction.net/s/4242/1/">https://www.fanfiction.net/s/4242/1/</a></p>'
        "<p>Two cousins walk the coast road to the fair and argue the whole way.</p><hr/>"
        "<p>Rated: Fiction K+ - English - Humor/Family - Chapters: 2 - Words: 3,210 - Status: Complete - id: 4242</p>"
        "</div>"
        '<div id="chap_1"><h2>Chapter 1: Gulls</h2><p>The gulls followed them for a mile.</p></div>'
        '<div id="chap_2"><h2>Chapter 2: The Fair</h2><p>The fair was smaller than promised.</p></div>'
        "</body></html>"
    )
    story = _import(page)
    assert (story.meta.title, story.meta.author, story.meta.rating) == ("Salt Roads", "tidewell", "K+")
    assert story.meta.summary == "Two cousins walk the coast road to the fair and argue the whole way."
    assert [(c.title, c.paragraphs) for c in story.chapters] == [
        ("Gulls", ["The gulls followed them for a mile."]),
        ("The Fair", ["The fair was smaller than promised."]),
    ]


def test_an_address_in_the_story_text_stays_story_text() -> None:
    page = (
        "<html><body><h1>Links</h1><p>by someone</p>"
        "<h2>Chapter 1</h2><p>She typed the address twice.</p><p>https://example.com/door</p>"
        "<p>The page was blank.</p></body></html>"
    )
    assert _import(page).chapters[0].paragraphs == [
        "She typed the address twice.",
        "https://example.com/door",
        "The page was blank.",
    ]
