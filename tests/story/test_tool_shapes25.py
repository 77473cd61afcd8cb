"""Files as the tools clubs use write them, built from the tools' own templates (read in their
repositories, named at each builder): Pandoc's HTML5 and FanFicFare's EPUB."""

from __future__ import annotations

import io
import zipfile

import pytest

from bot.story.importer import import_story
from bot.warnings.declared import map_declared

LIMIT = 1 << 22


# -- Pandoc ------------------------------------------------------------------------------
# jgm/pandoc data/templates/default.html5 (the title block in a <header>, the TOC in a <nav>) and
# its HTML writer's notes: calls '<a href="#fn1" class="footnote-ref" id="fnref1" role="doc-noteref">
# <sup>1</sup></a>', and with the default --reference-location=document every chapter's notes in one
# '<section id="footnotes" class="footnotes footnotes-end-of-document" role="doc-endnotes">' after
# the last chapter, each '<li id="fn1">' closing with its "↩︎" link back.
def pandoc_page(*, sections: bool, toc: bool) -> str:
    def chapter(anchor: str, title: str, body: str) -> str:
        if sections:
            return f'<section id="{anchor}" class="level1">\n<h1>{title}</h1>\n{body}\n</section>'
        return f'<h1 id="{anchor}">{title}</h1>\n{body}'

    contents = (
        '<nav id="TOC" role="doc-toc">\n<ul>\n<li><a href="#harbour" id="toc-harbour">Harbour</a></li>\n'
        '<li><a href="#sails" id="toc-sails">Sails</a></li>\n</ul>\n</nav>\n'
        if toc
        else ""
    )
    one = chapter(
        "harbour",
        "Harbour",
        '<p>The gulls came first.<a href="#fn1" class="footnote-ref" id="fnref1" role="doc-noteref"><sup>1</sup></a></p>\n'
        "<p>Then the boats.</p>",
    )
    two = chapter(
        "sails",
        "Sails",
        '<p>Mara counted the sails.<a href="#fn2" class="footnote-ref" id="fnref2" role="doc-noteref"><sup>2</sup></a></p>',
    )
    return f"""<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" lang="en" xml:lang="en">
<head>
  <meta charset="utf-8" />
  <meta name="generator" content="pandoc" />
  <meta name="viewport" content="width=device-width, initial-scale=1.0, user-scalable=yes" />
  <meta name="author" content="Mara Fen" />
  <title>Salt Roads</title>
  <style>code{{white-space: pre-wrap;}}</style>
</head>
<body>
<header id="title-block-header">
<h1 class="title">Salt Roads</h1>
<p class="author">Mara Fen</p>
<p class="date">2024</p>
</header>
{contents}{one}
{two}
<section id="footnotes" class="footnotes footnotes-end-of-document" role="doc-endnotes">
<hr />
<ol>
<li id="fn1"><p>Herring gulls, mostly.<a href="#fnref1" class="footnote-back" role="doc-backlink">↩︎</a></p></li>
<li id="fn2"><p>CW: drowning.<a href="#fnref2" class="footnote-back" role="doc-backlink">↩︎</a></p></li>
</ol>
</section>
</body>
</html>
"""


@pytest.mark.parametrize("sections", [True, False])
@pytest.mark.parametrize("toc", [True, False])
def test_pandoc_notes_at_the_end_of_the_document_go_to_the_chapters_calling_them(sections: bool, toc: bool) -> None:
    """Every note was the last chapter's: the block they stand in is after it."""
    story = import_story(pandoc_page(sections=sections, toc=toc).encode(), "salt-roads.html", max_bytes=LIMIT)
    assert (story.meta.title, story.meta.author) == ("Salt Roads", "Mara Fen")
    assert [chapter.title for chapter in story.chapters] == ["Harbour", "Sails"]
    one, two = story.chapters
    assert one.paragraphs == ["The gulls came first.", "Then the boats."]
    assert two.paragraphs == ["Mara counted the sails."]
    assert one.notes == ["Footnote 1: Herring gulls, mostly."]
    assert two.notes == ["Footnote 2: CW: drowning."]
    assert (one.declared_warnings, two.declared_warnings) == ([], ["CW: drowning"])


# -- FanFicFare --------------------------------------------------------------------------
# JimmXinu/FanFicFare fanficfare/writers/writer_epub.py: EPUB_TITLE_PAGE_START (or the _TABLE_
# variant, titlepage_use_table), EPUB_TITLE_ENTRY "<b>${label}:</b> ${value}<br />", EPUB_TOC_PAGE_START
# and EPUB_TOC_ENTRY, EPUB_CHAPTER_START with its <meta name="chapter..."> and
# '<h3 class="fff_chapter_title">'; content.opf at the zip's root, the pages under OEBPS/, an EPUB 2
# with toc.ncx. Title page entries and labels are fanficfare/defaults.ini's (titlepage_entries,
# description_label:Summary, warnings_label:Warnings, ships_label:Relationships ...).
FFF_ENTRIES = [
    ("Category", "Harry Potter"),
    ("Genre", "Angst, Hurt/Comfort"),
    ("Language", "English"),
    ("Characters", "Hermione G., Draco M."),
    ("Relationships", "Draco M./Hermione G."),
    ("Status", "Completed"),
    ("Published", "2021-03-04"),
    ("Updated", "2021-05-06"),
    ("Packaged", "2024-01-02 10:11:12"),
    ("Rating", "Fiction T"),
    ("Warnings", "Major Character Death, drowning"),
    ("Chapters", "2"),
    ("Words", "1,234"),
    ("Publisher", "www.fanfiction.net"),
    ("Summary", "Two travellers and one river. TW: blood/spiders"),
]
FFF_TITLES = ["1. The Ford", "2. The Far Bank"]
FFF_TEXT = [["Ada reached the river at dusk.", "The water was high."], ["Bram went in first.", "He did not come back."]]


def _fff_head(title: str, body_class: str) -> str:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<title>{title}</title>
<link href="stylesheet.css" type="text/css" rel="stylesheet"/>
</head>
<body class="{body_class}">
"""


def fff_title_page(*, table: bool) -> str:
    page = _fff_head("The Ferry by odilemarsh", "fff_titlepage")
    page += '<h3><a href="https://www.fanfiction.net/s/1/1/">The Ferry</a> by <a class="authorlink" href="https://www.fanfiction.net/u/9/">odilemarsh</a></h3>\n'
    if table:
        rows = "".join(
            f'\n<tr><td colspan="2"><b>{label}:</b> {value}</td></tr>\n'
            if label == "Summary"
            else f"\n<tr><td><b>{label}:</b></td><td>{value}</td></tr>\n"
            for label, value in FFF_ENTRIES
        )
        return page + f'<table class="full">\n{rows}\n</table>\n\n</body>\n</html>\n'
    entries = "".join(f"\n<b>{label}:</b> {value}<br />\n" for label, value in FFF_ENTRIES)
    return page + f"<div>\n{entries}\n</div>\n\n</body>\n</html>\n"


def fff_epub(*, table: bool) -> bytes:
    toc = _fff_head("The Ferry by odilemarsh", "fff_tocpage") + "<div>\n<h3>Table of Contents</h3>\n"
    toc += "".join(f'\n<a href="file{i:04d}.xhtml">{title}</a><br />\n' for i, title in enumerate(FFF_TITLES, 1))
    toc += "\n</div>\n</body>\n</html>\n"
    pages = [("title_page", "Title Page", fff_title_page(table=table)), ("toc_page", "Table of Contents", toc)]
    for i, (title, text) in enumerate(zip(FFF_TITLES, FFF_TEXT, strict=True), 1):
        paragraphs = "".join(f"<p>{line}</p>\n" for line in text)
        page = _fff_head(title, "fff_chapter").replace(
            "</head>",
            f'<meta name="chapterurl" content="https://www.fanfiction.net/s/1/{i}/" />\n'
            f'<meta name="chaptertitle" content="{title}" />\n</head>',
        )
        page += f'<h3 class="fff_chapter_title">{title}</h3>\n<div class="storytext" id="storytext">{paragraphs}</div>\n</body>\n</html>\n'
        pages.append((f"file{i:04d}", title, page))
    manifest = "".join(
        f'<item id="{ident}" href="OEBPS/{ident}.xhtml" media-type="application/xhtml+xml"/>' for ident, _, _ in pages
    )
    spine = "".join(f'<itemref idref="{ident}" linear="yes"/>' for ident, _, _ in pages)
    opf = (
        '<?xml version="1.0" encoding="utf-8"?><package version="2.0" xmlns="http://www.idpf.org/2007/opf" '
        'unique-identifier="fanficfare-uid"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:opf="http://www.idpf.org/2007/opf"><dc:identifier id="fanficfare-uid">fanficfare-uid:ffnet-u9-s1'
        '</dc:identifier><dc:title id="id">The Ferry</dc:title><dc:creator opf:role="aut">odilemarsh</dc:creator>'
        '<dc:contributor id="id-2">FanFicFare [https://github.com/JimmXinu/FanFicFare]</dc:contributor>'
        "<dc:language>en</dc:language><dc:description>Two travellers and one river. TW: blood/spiders</dc:description>"
        "<dc:subject>FanFiction</dc:subject><dc:publisher>www.fanfiction.net</dc:publisher></metadata>"
        f'<manifest><item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>{manifest}</manifest>'
        f'<spine toc="ncx">{spine}</spine></package>'
    )
    points = "".join(
        f'<navPoint id="{ident}" playOrder="{n}"><navLabel><text>{label}</text></navLabel>'
        f'<content src="OEBPS/{ident}.xhtml"/></navPoint>'
        for n, (ident, label, _) in enumerate(pages)
    )
    ncx = (
        '<?xml version="1.0" encoding="utf-8"?><ncx version="2005-1" xmlns="http://www.daisy.org/z3986/2005/ncx/">'
        f"<head/><docTitle><text>The Ferry</text></docTitle><navMap>{points}</navMap></ncx>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        archive.writestr(
            "META-INF/container.xml",
            '<?xml version="1.0" encoding="utf-8"?><container version="1.0" '
            'xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles>'
            '<rootfile full-path="content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>',
        )
        archive.writestr("content.opf", opf)
        archive.writestr("toc.ncx", ncx)
        for ident, _, page in pages:
            archive.writestr(f"OEBPS/{ident}.xhtml", page)
    return buffer.getvalue()


@pytest.mark.parametrize("table", [False, True])
def test_fanficfare_epub_reads_its_title_page_fields_and_chapters(table: bool) -> None:
    story = import_story(fff_epub(table=table), "The Ferry-ffnet_1.epub", max_bytes=LIMIT)
    meta = story.meta
    assert (meta.title, meta.author, meta.rating) == ("The Ferry", "odilemarsh", "T")
    assert meta.summary == "Two travellers and one river."
    assert [chapter.title for chapter in story.chapters] == ["The Ford", "The Far Bank"]
    assert [chapter.paragraphs for chapter in story.chapters] == FFF_TEXT
    assert all(chapter.notes == [] for chapter in story.chapters)
    declared = map_declared(meta)
    assert {"death", "blood-gore"} <= set(declared.ids)
    assert declared.unmapped == ["drowning", "spiders"]  # "blood/spiders" split at its slash
