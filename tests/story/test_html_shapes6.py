"""AO3's work page as a browser saves it ("Entire Work", one chapter, a one-shot), not the download.

Before, such a page was refused ("The heading ... has no story text under it"): nothing in it is
the download's ``#preface`` or ``dl.tags``. The page's markup follows otwarchive's ``works/show``
and ``chapters/_chapter`` views; the site around the work (menus, kudos, comments) is never text.
"""

from __future__ import annotations

from html import escape

from bot.story.importer import import_story
from bot.tools.preview import chapter_warnings
from bot.warnings.declared import map_declared

LIMIT = 1 << 20
SITE_TOP = """<header id="header" class="region"><h1 class="heading"><a href="/"><span>Archive of Our Own</span></a></h1>
<nav aria-label="Site"><ul class="primary navigation actions"><li><a href="/menu/fandoms">Fandoms</a></li></ul></nav></header>
<ul class="work navigation actions" role="menu"><li class="chapter entire"><a href="/works/1?view_full_work=false">Chapter by Chapter</a></li>
<li class="download"><a href="#">Download</a><ul class="expandable secondary"><li><a href="/downloads/1/a.epub">EPUB</a></li></ul></li></ul>"""
SITE_BOTTOM = """<div id="feedback" class="feedback" role="navigation"><h3 class="landmark heading">Actions</h3>
<ul class="actions"><li><form class="new_kudo" action="/kudos" method="post"><input type="submit" value="Kudos ♥" /></form></li></ul>
<div id="kudos"><p class="kudos">ana and 41 more users left kudos on this work!</p></div>
<div id="comments_placeholder"><h3 class="heading">Comments</h3><ol class="thread"><li class="comment"><h4 class="heading byline">reader1</h4>
<blockquote class="userstuff"><p>I cried when she died and there was so much blood.</p></blockquote></li></ol></div></div>
<footer id="footer" role="contentinfo" class="region"><h3 class="landmark heading">Footer</h3><ul><li>About the Archive</li></ul></footer>"""
CHAPTERS = [
    ("Fog", ["The fog came in early that year.", "Nell lit the lamp and waited for the boats."], None),
    (
        "Rocks",
        ["Nell sat by the window all night.", "Morning came grey over the rocks."],
        "CW for this chapter: self-harm.",
    ),
    ("Dawn", ["The lamp was still burning at dawn.", "Her sister came home with the tide."], None),
]


def _dd(kind: str, label: str, values: list[str]) -> str:
    links = "".join(f'<li><a class="tag" href="/tags/{escape(v)}/works">{escape(v)}</a></li>' for v in values)
    return f'<dt class="{kind} tags">{label}:</dt><dd class="{kind} tags"><ul class="commas">{links}</ul></dd>'


def _chapter(number: int, title: str, paragraphs: list[str], note: str | None, landmark: str) -> str:
    notes = ""
    if note:
        notes = (
            f'<div id="notes" class="notes module" role="note"><h3 class="heading">Notes:</h3>'
            f'<blockquote class="userstuff"><p>{escape(note)}</p></blockquote>'
            f'<p class="jump">(See the end of the chapter for <a href="#chapter_{number}_endnotes">more notes</a>.)</p></div>'
        )
    end = (
        f'<div class="chapter preface group" role="complementary"><div id="chapter_{number}_endnotes" class="end notes module">'
        '<h3 class="heading">Notes:</h3><blockquote class="userstuff"><p>Thank you for reading.</p></blockquote></div></div>'
    )
    text = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return (
        f'<div class="chapter" id="chapter-{number}" role="article">'
        f'<div class="chapter preface group" role="complementary"><h3 class="title">'
        f'<a href="/works/1/chapters/{10 + number}">Chapter {number}</a>: {escape(title)}</h3>{notes}</div>'
        f'<div class="userstuff module" role="article"><h3 class="landmark heading" id="work">{landmark}</h3>{text}</div>'
        f"{end}</div>"
    )


def work_page(
    chapters: list[int] | None = None,
    *,
    labels: tuple[str, str, str] = ("Rating", "Archive Warning", "Additional Tags"),
    modules: tuple[str, str] = ("Summary", "Notes"),
    landmark: str = "Chapter Text",
    warning: str = "No Archive Warnings Apply",
    one_shot: str | None = None,
) -> str:
    """The saved page: every chapter ("Entire Work"), the ones listed (a chapter's page), or a one-shot."""
    rating, warn, freeform = labels
    summary, notes = modules
    tags = (
        _dd("rating", rating, ["Teen And Up Audiences"])
        + _dd("warning", warn, [warning])
        + _dd("fandom", "Fandom", ["Original Work"])
        + _dd("freeform", freeform, ["Fluff", "Sisters"])
        + '<dt class="language">Language:</dt><dd class="language" lang="en">English</dd>'
        + '<dt class="series">Series:</dt><dd class="series"><span class="series"><span class="position">'
        + 'Part 2 of <a href="/series/9">The Salt Roads</a></span></span></dd>'
        + '<dt class="stats">Stats:</dt><dd class="stats"><dl class="stats"><dt class="words">Words:</dt>'
        + '<dd class="words">1,234</dd><dt class="chapters">Chapters:</dt><dd class="chapters">3/3</dd></dl></dd>'
    )
    if one_shot is not None:
        body = f'<h3 class="landmark heading">Work Text:</h3><div class="userstuff">{one_shot}</div>'
    else:
        numbers = chapters or [1, 2, 3]
        body = "".join(_chapter(n, *CHAPTERS[n - 1], landmark) for n in numbers)
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Harbour Lights - Chapter 1 - saltmarsh - Original Work [Archive of Our Own]</title>
<style type="text/css">#workskin .letter {{ font-family: cursive; }}</style></head>
<body><div id="outer" class="wrapper">{SITE_TOP}<div id="main" class="works-show region" role="main"><div class="work">
<div class="wrapper"><dl class="work meta group">{tags}</dl></div>
<div id="workskin"><div class="preface group"><h2 class="title heading">Harbour Lights</h2>
<h3 class="byline heading"><a rel="author" href="/users/saltmarsh">saltmarsh</a></h3>
<div class="summary module"><h3 class="heading">{summary}:</h3><blockquote class="userstuff"><p>Two sisters and a lighthouse.</p></blockquote></div>
<div class="notes module"><h3 class="heading">{notes}:</h3><blockquote class="userstuff"><p>Thanks to my beta!</p></blockquote></div></div>
<div id="chapters" role="article">{body}</div>
<div class="afterword preface group"><div id="work_endnotes" class="end notes module"><h3 class="heading">End {notes}:</h3>
<blockquote class="userstuff"><p>Comments are loved.</p></blockquote></div></div></div>
{SITE_BOTTOM}</div></div></div></body></html>"""


def _import(page: str):
    return import_story(page.encode(), "Harbour Lights - Chapter 1.html", max_bytes=LIMIT)


def test_the_entire_work_page_reads_as_the_work() -> None:
    story = _import(work_page())
    meta = story.meta
    assert (meta.title, meta.author, meta.rating) == ("Harbour Lights", "saltmarsh", "Teen And Up Audiences")
    assert meta.summary == "Two sisters and a lighthouse."
    assert meta.notes == ["Thanks to my beta!", "Comments are loved."]
    assert meta.archive_warnings == ["No Archive Warnings Apply"] and meta.additional_tags == ["Fluff", "Sisters"]
    assert [c.title for c in story.chapters] == ["Fog", "Rocks", "Dawn"]
    assert [c.paragraphs for c in story.chapters] == [paragraphs for _, paragraphs, _ in CHAPTERS]
    assert story.chapters[1].notes == ["CW for this chapter: self-harm.", "Thank you for reading."]
    # The site around the work is no text: no menu, landmark, series link, kudos or comment.
    everything = " ".join(p for c in story.chapters for p in c.paragraphs + c.notes)
    for site in ("Chapter Text", "Kudos", "Salt Roads", "cried", "Download", "Fandoms", "Footer"):
        assert site not in everything
    # The chapter's own warning is that chapter's; the readers' comments warn nothing.
    assert {n: [w.id for w in shown] for n, shown in chapter_warnings(story).items()} == {
        1: [],
        2: ["self-harm"],
        3: [],
    }


def test_one_chapter_saved_from_its_page_is_a_one_chapter_story() -> None:
    story = _import(work_page([2]))
    assert [(c.number, c.title, c.paragraphs) for c in story.chapters] == [(1, "Rocks", CHAPTERS[1][1])]
    assert story.chapters[0].declared_warnings == ["CW for this chapter: self-harm"]


def test_a_one_shot_page_with_an_image_keeps_its_text() -> None:
    text = '<div class="letter"><p>The fog came in early.</p></div><p><img src="a.png" alt="the lamp"/></p><p>Nell slept.</p>'
    story = _import(work_page(one_shot=text))
    assert [c.paragraphs for c in story.chapters] == [["The fog came in early.", "[Image: the lamp]", "Nell slept."]]
    assert story.chapters[0].title is None


def test_a_page_in_another_interface_language_keeps_its_tags_by_their_classes() -> None:
    page = work_page(
        labels=("Clasificación", "Advertencias de archivo", "Etiquetas adicionales"),
        modules=("Resumen", "Notas"),
        landmark="Texto del capítulo",
        warning="Creator Chose Not To Use Archive Warnings",
    )
    story = _import(page)
    assert story.meta.rating == "Teen And Up Audiences"
    assert map_declared(story.meta).unwarned  # "chose not to warn" read under the Spanish label
    assert story.meta.summary == "Two sisters and a lighthouse."
    assert "Texto del capítulo" not in story.chapters[0].paragraphs
