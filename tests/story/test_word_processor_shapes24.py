"""Stories saved as HTML by word processors, byte for byte as they write them: Google Docs'
"Download > Web page" (reviewers' comments after the text, a table of contents of "#h." links,
headings styled or only bold, hidden page breaks), Word's "Web Page, Filtered" and LibreOffice's
"Save as HTML" (a Title-styled paragraph, a chapter's title centred on the line under "Chapter
One", empty paragraphs spacing the title page), and the header lines that string several fields
on one line ("Rating: T. CW: grief")."""

from __future__ import annotations

from bot.story.importer import import_story
from bot.story.model import Story
from bot.warnings.declared import map_texts

_GDOCS_STYLE = (
    '<style type="text/css">ol{margin:0;padding:0}.c1{color:#000000;font-weight:400;font-size:11pt;'
    'font-family:"Arial"}.c5{font-size:20pt}.c2{padding-top:0pt;line-height:1.15;text-align:left}'
    ".c3{padding-top:0pt;line-height:1.15;text-align:left;height:11pt}.c4{color:inherit;text-decoration:inherit}"
    ".c6{text-decoration:underline;color:#1155cc}.c10{text-align:center}.c11{background-color:#ffffff;"
    "max-width:468pt}.c12{font-size:26pt}.title{padding-top:0pt;font-size:26pt}</style>"
)
GOOGLE_DOCS = (
    '<html><head><meta content="text/html; charset=UTF-8" http-equiv="content-type">'
    + _GDOCS_STYLE
    + '</head><body class="c11 doc-content"><p class="c8 title" id="h.4x7mq0wa2m3e"><span class="c12">The Salt Road'
    '</span></p><p class="c2"><span class="c1">by wren_ashby</span></p><p class="c3"><span class="c1"></span></p>'
    '<p class="c2"><span class="c6"><a class="c4" href="#h.gjdgxs">Chapter One: The Ferry</a></span></p>'
    '<p class="c2"><span class="c6"><a class="c4" href="#h.30j0zll">Chapter Two: Low Tide</a></span></p>'
    '<p class="c3"><span class="c1"></span></p><hr style="page-break-before:always;display:none;">'
    '<h1 class="c9" id="h.gjdgxs"><span class="c5">Chapter One: The Ferry</span></h1>'
    '<p class="c2"><span class="c1">CW: death of a parent</span></p><p class="c3"><span class="c1"></span></p>'
    '<p class="c2"><span class="c1">The ferry left at six whether anyone was on it or not. Ines had learned that '
    'the summer her father stopped coming home</span><sup><a href="#cmnt1" id="cmnt_ref1">[a]</a></sup>'
    '<span class="c1">.</span></p><p class="c3"><span class="c1"></span></p><p class="c10"><span class="c1">'
    '* * *</span></p><p class="c3"><span class="c1"></span></p><p class="c2"><span class="c1">The island was '
    'smaller than she remembered</span><sup><a href="#cmnt2" id="cmnt_ref2">[b]</a></sup><span class="c1">. '
    'Everything was.</span><sup><a href="#ftnt1" id="ftnt_ref1">[1]</a></sup></p>'
    '<hr style="page-break-before:always;display:none;"><h1 class="c9" id="h.30j0zll"><span class="c5">Chapter '
    'Two: Low Tide</span></h1><p class="c2"><span class="c1">At low tide the causeway rose out of the water.'
    '</span></p><p class="c3"><span class="c1"></span></p><p class="c2"><span class="c1">&ldquo;Don&rsquo;t,'
    '&rdquo; said the woman at the harbour.</span></p><hr class="c13"><div><p class="c2"><a href="#ftnt_ref1" '
    'id="ftnt1">[1]</a><span class="c1">&nbsp;Inishmore, more or less.</span></p></div>'
    '<div class="c7"><p class="c2"><a href="#cmnt_ref1" id="cmnt1">[a]</a><span class="c1">is this too on the '
    'nose? -M</span></p><p class="c2"><span class="c1">no, keep it</span></p></div><div class="c7"><p class="c2">'
    '<a href="#cmnt_ref2" id="cmnt2">[b]</a><span class="c1">love this line</span></p></div></body></html>'
)


def _import(page: str, name: str) -> Story:
    return import_story(page.encode(), name, max_bytes=1 << 20)


def _texts(story: Story) -> list[list[str]]:
    return [chapter.paragraphs for chapter in story.chapters]


def test_google_docs_reviewers_comments_vanish_and_the_rest_reads_right() -> None:
    story = _import(GOOGLE_DOCS, "The Salt Road.html")
    assert (story.meta.title, story.meta.author) == ("The Salt Road", "wren_ashby")
    assert [chapter.title for chapter in story.chapters] == ["The Ferry", "Low Tide"]
    assert _texts(story) == [
        [
            "The ferry left at six whether anyone was on it or not. Ines had learned that the summer her "
            "father stopped coming home.",
            "The island was smaller than she remembered. Everything was.",
        ],
        ["At low tide the causeway rose out of the water.", "“Don’t,” said the woman at the harbour."],
    ]
    assert len(story.chapters[0].scenes) == 2
    # The comments are the reviewers', posted nowhere; the footnote is the chapter's note.
    assert story.chapters[0].notes == ["CW: death of a parent", "Footnote 1: Inishmore, more or less."]
    assert set(map_texts(story.chapters[0].declared_warnings).ids) == {"death"}
    assert story.chapters[1].notes == []


WORD_COMMENTS = """<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns="http://www.w3.org/TR/REC-html40">
<head><meta http-equiv=Content-Type content="text/html; charset=utf-8"><meta name=Generator content="Microsoft Word 15">
<title>The Glass Orchard</title></head>
<body lang=EN-US style='tab-interval:.5in;word-wrap:break-word'><div class=WordSection1>
<h1>Chapter One<o:p></o:p></h1>
<p class=MsoNormal>Mira found the key under the third flowerpot.<span class=MsoCommentReference><a
class=msocomanchor id="_anchor_2" onmouseover="msoCommentShow('_anchor_2','_com_2')"
onmouseout="msoCommentHide('_com_2')" href="#_msocom_2" language=JavaScript
name="_msoanchor_2">[PN2]</a></span><o:p></o:p></p>
<h1>Chapter Two<o:p></o:p></h1>
<p class=MsoNormal>There were eleven hives behind the greenhouse.<o:p></o:p></p>
</div>
<div style='mso-element:comment-list'><![if !supportAnnotations]>
<hr class=msocomoff align=left size=1 width="33%">
<![endif]>
<div style='mso-element:comment'><![if !supportAnnotations]>
<div id="_com_2" class=msocomtxt language=JavaScript onmouseover="msoCommentShow('_anchor_2','_com_2')"
onmouseout="msoCommentHide('_com_2')"><![endif]><span style='mso-comment-author:"Priya Natarajan"'><![if
!supportAnnotations]><a name="_msocom_2"></a><![endif]></span>
<p class=MsoCommentText><span class=MsoCommentReference><span style='font-size:8.0pt'><span
style='mso-special-character:comment'>&nbsp;<![if !supportAnnotations]><a href="#_msoanchor_2"
class=msocomoff>[PN2]</a><![endif]></span></span></span> check this against the map</p>
<![if !supportAnnotations]></div>
<![endif]></div>
</div>
</body>
</html>"""


def test_word_comments_vanish() -> None:
    """Word's comments go with the page's chrome (their classes name comments): pinned."""
    story = _import(WORD_COMMENTS, "orchard.htm")
    assert _texts(story) == [
        ["Mira found the key under the third flowerpot."],
        ["There were eleven hives behind the greenhouse."],
    ]
    assert [chapter.notes for chapter in story.chapters] == [[], []]


GOOGLE_DOCS_BOLD = (
    '<html><head><meta content="text/html; charset=UTF-8" http-equiv="content-type"><style type="text/css">'
    '.c0{font-weight:400;font-size:12pt;font-family:"Times New Roman"}.c4{font-weight:700;font-size:16pt}'
    ".c1{line-height:2.0;text-indent:36pt;text-align:left}.c2{line-height:2.0;text-align:center}"
    '.c3{line-height:2.0;text-align:left;height:12pt}</style></head><body class="c5 doc-content">'
    '<p class="c2"><span class="c4">Where the Orchard Ends</span></p><p class="c2"><span class="c0">a Haikyuu!! '
    'fic by kestrelwing</span></p><p class="c3"><span class="c0"></span></p><p class="c1"><span class="c0">'
    'Rating: T. CW: grief, hospitals.</span></p><p class="c3"><span class="c0"></span></p>'
    '<p class="c2"><span class="c4">Part One</span></p><p class="c3"><span class="c0"></span></p>'
    '<p class="c1"><span class="c0">The orchard had been his grandmother&rsquo;s, and then nobody&rsquo;s.'
    '</span></p><p class="c1"><span class="c0">Forty-one trees. Last year it had been forty-four.</span></p>'
    '<hr style="page-break-before:always;display:none;"><p class="c2"><span class="c4">Part Two</span></p>'
    '<p class="c1"><span class="c0">The hospital smelled of oranges, which was wrong.</span></p></body></html>'
)


def test_google_docs_without_heading_styles_and_a_header_stringing_fields() -> None:
    """The title and "a Haikyuu!! fic by kestrelwing" were the first chapter's text, and "Rating: T.
    CW: grief, hospitals." was read as a rating of "T. CW: grief, hospitals.", its warnings lost."""
    story = _import(GOOGLE_DOCS_BOLD, "orchard.html")
    assert (story.meta.title, story.meta.author, story.meta.rating) == ("Where the Orchard Ends", "kestrelwing", "T")
    assert set(map_texts(story.meta.declared_warnings).ids) == {"grief", "procedures"}
    assert [chapter.title for chapter in story.chapters] == ["Part One", "Part Two"]
    assert _texts(story) == [
        [
            "The orchard had been his grandmother’s, and then nobody’s.",
            "Forty-one trees. Last year it had been forty-four.",
        ],
        ["The hospital smelled of oranges, which was wrong."],
    ]


WORD_FILTERED = """<html>

<head>
<meta http-equiv=Content-Type content="text/html; charset=windows-1252">
<meta name=Generator content="Microsoft Word 15 (filtered)">
<style>
<!--
 p.MsoNormal, li.MsoNormal, div.MsoNormal
	{margin-top:0in;
	margin-bottom:8.0pt;
	font-size:11.0pt;
	font-family:"Calibri",sans-serif;}
p.MsoTitle, li.MsoTitle, div.MsoTitle
	{margin:0in;
	font-size:28.0pt;
	font-family:"Calibri Light",sans-serif;}
-->
</style>

</head>

<body lang=EN-US style='word-wrap:break-word'>

<div class=WordSection1>

<p class=MsoTitle>The Glass Orchard</p>

<p class=MsoNormal>a Stardew Valley fic</p>

<p class=MsoNormal>&nbsp;</p>

<p class=MsoNormal align=center style='text-align:center'><b><span
style='font-size:14.0pt;line-height:107%'>Chapter One</span></b></p>

<p class=MsoNormal align=center style='text-align:center'><b><span
style='font-size:14.0pt;line-height:107%'>The Greenhouse</span></b></p>

<p class=MsoNormal style='text-indent:.5in'>The greenhouse had been built by a
man who loved glass more than plants.</p>

<p class=MsoNormal style='text-indent:.5in'>Mira found the key under the third
flowerpot.</p>

<b><span style='font-size:11.0pt;line-height:107%;font-family:"Calibri",sans-serif'><br
clear=all style='page-break-before:always'>
</span></b>

<p class=MsoNormal align=center style='text-align:center'><b><span
style='font-size:14.0pt;line-height:107%'>Chapter Two</span></b></p>

<p class=MsoNormal align=center style='text-align:center'><b><span
style='font-size:14.0pt;line-height:107%'>The Bees</span></b></p>

<p class=MsoNormal style='text-indent:.5in'>There were eleven hives behind the
greenhouse, and all of them were humming.</p>

</div>

</body>

</html>
"""


def test_word_title_style_and_chapter_titles_on_the_line_under_the_heading() -> None:
    """The chapter's title centred on the line under "Chapter One" was its first paragraph, and the
    Title-styled paragraph over "a Stardew Valley fic" the opening of a chapter of its own."""
    story = import_story(WORD_FILTERED.encode("cp1252"), "orchard.htm", max_bytes=1 << 20)
    assert story.meta.title == "The Glass Orchard"
    assert story.meta.notes == ["Subtitle: a Stardew Valley fic"]
    assert [chapter.title for chapter in story.chapters] == ["The Greenhouse", "The Bees"]
    assert _texts(story) == [
        [
            "The greenhouse had been built by a man who loved glass more than plants.",
            "Mira found the key under the third flowerpot.",
        ],
        ["There were eleven hives behind the greenhouse, and all of them were humming."],
    ]


LIBREOFFICE = """<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.0 Transitional//EN">
<html>
<head>
	<meta http-equiv="content-type" content="text/html; charset=utf-8"/>
	<title></title>
	<meta name="generator" content="LibreOffice 7.3.7.2 (Linux)"/>
	<style type="text/css">
		@page { size: 8.27in 11.69in; margin: 0.79in }
		p { margin-bottom: 0.1in; line-height: 115%; background: transparent }
		h1.western { font-family: "Liberation Serif", serif; font-size: 24pt; font-weight: bold }
		p.western { font-family: "Liberation Serif", serif; font-size: 12pt }
	</style>
</head>
<body lang="en-GB" link="#000080" vlink="#800000" dir="ltr"><p class="title-western" align="center" style="margin-top: 0.17in; margin-bottom: 0.08in; line-height: 100%; page-break-after: avoid">
<font face="Liberation Sans, sans-serif"><font size="7" style="font-size: 28pt"><b>Salt and Iron</b></font></font></p>
<p class="western" align="center" style="margin-bottom: 0in; line-height: 100%">
<font size="4" style="font-size: 14pt"><i>a Witcher fic</i></font></p>
<p class="western" align="center" style="margin-bottom: 0in; line-height: 100%"><br/>

</p>
<p class="western" style="margin-bottom: 0in; line-height: 100%"><b>Warnings:</b>
blood, violence, character death</p>
<p class="western" style="margin-bottom: 0in; line-height: 100%"><br/>

</p>
<h1 class="western" align="center">Chapter 1</h1>
<p class="western" style="margin-bottom: 0in; line-height: 100%">	The
road out of Oxenfurt was mud to the knee, and Geralt had walked
worse.</p>
<p class="western" align="center" style="margin-bottom: 0in; line-height: 100%">
* * *</p>
<p class="western" style="margin-bottom: 0in; line-height: 100%">	By
nightfall they reached the ferry, and the ferryman was dead.</p>
<h1 class="western" align="center" style="page-break-before: always">Chapter
2</h1>
<p class="western" style="margin-bottom: 0in; line-height: 100%">	The
ferryman&rsquo;s daughter had his ledger and none of his
patience.</p>
</body>
</html>
"""


def test_libreoffice_title_page_spaced_by_empty_paragraphs() -> None:
    """The empty paragraphs spacing the title page ended it: "Warnings:" under them was read as a
    chapter of its own, warning for it alone."""
    story = _import(LIBREOFFICE, "salt.html")
    assert story.meta.title == "Salt and Iron"
    assert set(map_texts(story.meta.declared_warnings).ids) == {"blood-gore", "violence", "death"}
    assert _texts(story) == [
        [
            "The road out of Oxenfurt was mud to the knee, and Geralt had walked worse.",
            "By nightfall they reached the ferry, and the ferryman was dead.",
        ],
        ["The ferryman’s daughter had his ledger and none of his patience."],
    ]
    assert [len(chapter.scenes) for chapter in story.chapters] == [2, 1]
    assert [chapter.declared_warnings for chapter in story.chapters] == [[], []]


SCRIVENER = """Where the Orchard Ends
by Kestrel Wing

Rating: T | Fandom: Haikyuu!! | Warnings: grief, hospitals


Chapter 1
The Orchard

The orchard had been his grandmother's, and then nobody's.

#

Noya called at nine.


Chapter 2
The Hospital

The hospital smelled of oranges, which was wrong.
"""


def test_scrivener_compiled_text() -> None:
    """Scrivener's "Compile" to plain text: the chapter's title on the line under its number,
    "#" between scenes, a header line of fields set apart by bars."""
    story = _import(SCRIVENER, "orchard.txt")
    assert (story.meta.title, story.meta.author, story.meta.rating) == ("Where the Orchard Ends", "Kestrel Wing", "T")
    assert story.meta.fandoms == ["Haikyuu!!"]
    assert set(map_texts(story.meta.declared_warnings).ids) == {"grief", "procedures"}
    assert [chapter.title for chapter in story.chapters] == ["The Orchard", "The Hospital"]
    assert [len(chapter.scenes) for chapter in story.chapters] == [2, 1]


def test_fields_strung_on_one_line_are_each_read() -> None:
    def meta(line: str) -> tuple[str | None, list[str], list[str]]:
        text = f"The Orchard\n\nby kestrelwing\n\n{line}\n\nChapter 1\n\nThe orchard.\n\nChapter 2\n\nRain.\n"
        story = _import(text, "orchard.txt")
        assert story.chapters[0].paragraphs == ["The orchard."]
        return story.meta.rating, story.meta.declared_warnings, story.meta.relationships

    assert meta("Rating: T. CW: grief, hospitals.") == ("T", ["CW: grief, hospitals."], [])
    assert meta("Rating: M / TW: self harm") == ("M", ["TW: self harm"], [])
    assert meta("Pairing: Bucky x Reader • Word count: 2.3k • Warnings: angst, death") == (
        None,
        ["Warnings: angst, death"],
        ["Bucky x Reader"],
    )
    assert meta("Warnings: death, Rating: T") == ("T", ["Warnings: death"], [])
    # A value with a dash or a sentence after it, and no label after them, stays whole.
    assert meta("Rating: T. Mostly fluff.") == ("T. Mostly fluff.", [], [])
    text = "Title: Love - Hate\n\nby kestrelwing\n\nChapter 1\n\nThe orchard.\n\nChapter 2\n\nRain.\n"
    assert _import(text, "love.txt").meta.title == "Love - Hate"
