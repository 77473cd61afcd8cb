"""Footnotes the earlier readers left in the text: a numbered list under a Markdown "## Notes" or
"### Footnotes" heading, Markdown's own "[^1]" footnotes (Google Docs' "Download as Markdown",
Obsidian, Pandoc), and unlinked "<sup>1</sup>" calls over a plain ``<ol>`` in HTML and EPUB.
Paired, each entry is the calling chapter's note and the call leaves the text; unpaired, the
text stays as the author wrote it."""

from __future__ import annotations

from bot.story.importer import import_story
from bot.story.model import Story
from tests.story.builders import epub_bytes, xhtml

LIMIT = 1 << 20


def _import(text: str | bytes, name: str) -> Story:
    return import_story(text.encode() if isinstance(text, str) else text, name, max_bytes=LIMIT)


def _texts(story: Story) -> list[list[str]]:
    return [chapter.paragraphs for chapter in story.chapters]


def _notes(story: Story) -> list[list[str]]:
    return [chapter.notes for chapter in story.chapters]


def test_a_list_under_a_notes_heading_at_each_chapters_end_is_paired_with_its_calls() -> None:
    text = (
        "# The Clockmaker\n\n## Chapter 1\n\nThe clock struck midnight.1 Ada counted the chimes.\n\n"
        "It was 1893, and the town had 400 clocks.\n\n## Notes\n\n1. In the old style, thirteen chimes.\n\n"
        "## Chapter 2\n\nShe opened the case,1 and inside lay a letter.2\n\n"
        "### Footnotes\n\n1. Walnut, from her grandfather's shop.\n2. It was never posted.\n"
    )
    story = _import(text, "clockmaker.md")
    assert _texts(story) == [
        ["The clock struck midnight. Ada counted the chimes.", "It was 1893, and the town had 400 clocks."],
        ["She opened the case, and inside lay a letter."],
    ]
    assert _notes(story) == [
        ["Footnote 1: In the old style, thirteen chimes."],
        ["Footnote 1: Walnut, from her grandfather's shop.", "Footnote 2: It was never posted."],
    ]


def test_a_footnotes_heading_at_the_books_end_goes_to_the_chapters_calling_it() -> None:
    text = (
        "## Chapter 1\n\nThe clock struck midnight.[^1] Ada counted.\n\n"
        "## Chapter 2\n\nShe opened the case.[^2] Inside lay a letter.\n\n"
        "## Footnotes\n\n1. In the old style.\n2. Walnut.\n"
    )
    story = _import(text, "clock.md")
    assert _texts(story) == [["The clock struck midnight. Ada counted."], ["She opened the case. Inside lay a letter."]]
    assert _notes(story) == [["Footnote 1: In the old style."], ["Footnote 2: Walnut."]]


def test_markdown_footnotes_are_paired_by_label_wherever_they_are_defined() -> None:
    # Google Docs' "Download as Markdown" writes the definitions at the end of the file; Obsidian
    # writers put one right under its paragraph; a label may be a word.
    text = (
        "# The Wolf\n\n## Chapter 1\n\nThe wolf came at midnight.[^wolf] Ada ran for the door.\n\n"
        "[^wolf]: Grey wolves,\n    not the red kind.\n\nShe hid in the loft.[^1]\n\n"
        "## Chapter 2\n\nShe opened the case.[^2]\n\n"
        "[^1]: The loft over the forge.\n[^2]: Walnut.\n"
    )
    story = _import(text, "wolf.md")
    assert _texts(story) == [
        ["The wolf came at midnight. Ada ran for the door.", "She hid in the loft."],
        ["She opened the case."],
    ]
    assert _notes(story) == [
        ["Footnote 1: Grey wolves, not the red kind.", "Footnote 2: The loft over the forge."],
        ["Footnote 3: Walnut."],
    ]


def test_definitions_under_a_heading_of_their_own_are_no_chapter() -> None:
    text = (
        "# The Wolf\n\n## The Wolf\n\nThe wolf came.[^1]\n\n## The Loft\n\nShe hid.[^2]\n\n"
        "## References\n\n[^1]: Grey.\n[^2]: Over the forge.\n"
    )
    story = _import(text, "wolf.md")
    assert [(chapter.number, chapter.title) for chapter in story.chapters] == [(1, "The Wolf"), (2, "The Loft")]
    assert _texts(story) == [["The wolf came."], ["She hid."]]
    assert _notes(story) == [["Footnote 1: Grey."], ["Footnote 2: Over the forge."]]


def test_markdown_footnotes_numbered_in_each_chapter_keep_their_numbers() -> None:
    text = (
        "## Chapter 1\n\nThe clock struck midnight.[^1]\n\n[^1]: In the old style.\n\n"
        "## Chapter 2\n\nShe opened the case.[^1]\n\n[^1]: Walnut.\n\n[^2]: A note nothing calls.\n"
    )
    story = _import(text, "clock.md")
    assert _texts(story) == [["The clock struck midnight."], ["She opened the case."]]
    assert _notes(story) == [
        ["Footnote 1: In the old style."],
        ["Footnote 1: Walnut.", "Footnote 2: A note nothing calls."],
    ]


def test_lists_and_digits_that_do_not_pair_stay_as_written() -> None:
    text = (
        "## Chapter 1\n\nShe played the mp3 twice.1 Then she wrote it down.\n\n## Notes\n\n1. Loudly.\n\n"
        "## Chapter 2\n\nAda wrote her list.[^9]\n\n1. Eggs\n\n2. Milk\n"
    )
    story = _import(text, "lists.md")
    assert _texts(story) == [
        ["She played the mp3 twice.1 Then she wrote it down."],
        ["Ada wrote her list.[^9]", "1. Eggs", "2. Milk"],
    ]
    assert _notes(story) == [["1. Loudly."], []]  # under its heading a note, never story text


def test_a_text_files_bracketed_calls_pair_with_a_bracketed_list() -> None:
    text = (
        "Chapter 1\n\nThe clock struck midnight [1] and Ada counted.[2]\n\n"
        "Chapter 2\n\nShe opened the case.\n\nNotes\n\n[1] In the old style.\n[2] She always counted.\n"
    )
    story = _import(text, "clock.txt")
    assert _texts(story) == [["The clock struck midnight and Ada counted."], ["She opened the case."]]
    assert _notes(story) == [["Footnote 1: In the old style.", "Footnote 2: She always counted."], []]


HTML_BOOK_END = """<!DOCTYPE html><html><head><title>The Clock</title></head><body>
<h1>The Clock</h1>
<h2>Chapter 1</h2><p>The clock struck midnight.<sup>1</sup> Ada counted.</p><p>It was late.<sup>2</sup></p>
<h2>Chapter 2</h2><p>She opened the case.<sup>3</sup></p><p>Inside lay a letter.</p>
<hr/><p><b>Notes</b></p>
<ol><li>In the old style.</li><li>Her father was a clockmaker.</li><li>Walnut.</li></ol>
</body></html>"""


def test_unlinked_superscript_calls_pair_with_a_plain_list_at_the_books_end() -> None:
    story = _import(HTML_BOOK_END, "clock.html")
    assert _texts(story) == [
        ["The clock struck midnight. Ada counted.", "It was late."],
        ["She opened the case.", "Inside lay a letter."],
    ]
    assert _notes(story) == [
        ["Footnote 1: In the old style.", "Footnote 2: Her father was a clockmaker."],
        ["Footnote 3: Walnut."],
    ]


def test_unlinked_superscript_calls_in_an_epub_chapter_pair_with_its_list() -> None:
    chapter = xhtml(
        "<h1>Chapter One</h1><p>The clock struck midnight.<sup>1</sup> Ada counted the chimes, "
        "twice.<sup>2</sup></p><p>Then she slept.</p><h3>Notes</h3>"
        "<ol><li><p>In the old style.</p></li><li><p>As her father had taught her.</p></li></ol>"
    )
    second = xhtml("<h1>Chapter Two</h1><p>She woke at dawn.</p>")
    data = epub_bytes(
        [("c1.xhtml", chapter), ("c2.xhtml", second)],
        nav_points=[("Chapter One", "c1.xhtml"), ("Chapter Two", "c2.xhtml")],
    )
    story = _import(data, "clock.epub")
    assert _texts(story) == [
        ["The clock struck midnight. Ada counted the chimes, twice.", "Then she slept."],
        ["She woke at dawn."],
    ]
    assert _notes(story) == [["Footnote 1: In the old style.", "Footnote 2: As her father had taught her."], []]


def test_superscripts_that_are_no_calls_and_a_list_in_the_story_stay() -> None:
    page = """<html><body><h2>Chapter 1</h2><p>She had 2<sup>10</sup> coins.</p>
<p>Her list:</p><ol><li>Eggs</li><li>Milk</li></ol><h2>Chapter 2</h2><p>E=mc<sup>2</sup>, she wrote.</p>
<ol><li>Sums</li><li>Proofs</li></ol></body></html>"""
    story = _import(page, "sums.html")
    assert _texts(story) == [
        ["She had 210 coins.", "Her list:", "Eggs", "Milk"],
        ["E=mc2, she wrote.", "Sums", "Proofs"],
    ]
    assert _notes(story) == [[], []]


GOOGLE_DOCS = """<html><head><meta content="text/html; charset=UTF-8" http-equiv="content-type">
<style type="text/css">.c0{font-weight:400}.c1{padding-top:0pt}.title{font-size:26pt}</style></head>
<body class="c7 doc-content"><p class="c5 title" id="h.abc"><span class="c6">The Lighthouse</span></p>
<p class="c1"><span class="c0">by Mara Quill</span></p>
<h1 class="c3" id="h.ch1"><span class="c4">Chapter 1</span></h1>
<p class="c1"><span class="c0">The lamp had not been lit in years.</span><sup><a href="#ftnt1" id="ftnt_ref1">[1]</a></sup>
<span class="c0">&nbsp;Ada climbed the stairs anyway.</span></p>
<h1 class="c3" id="h.ch2"><span class="c4">Chapter 2</span></h1>
<p class="c1"><span class="c0">Morning came grey</span><sup><a href="#ftnt2" id="ftnt_ref2">[2]</a></sup><span class="c0">.</span></p>
<hr class="c9"><div><p class="c2"><a href="#ftnt_ref1" id="ftnt1">[1]</a><span class="c10">&nbsp;A Fresnel lens.</span></p></div>
<div><p class="c2"><a href="#ftnt_ref2" id="ftnt2">[2]</a><span class="c10">&nbsp;As mornings there always were.</span></p></div>
</body></html>"""

WORD = """<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta name=Generator content="Microsoft Word 15">
</head><body lang=EN-GB><div class=WordSection1><h1>Chapter 1</h1><p class=MsoNormal>The lamp had not been lit.
<a style='mso-footnote-id:ftn1' href="#_ftn1" name="_ftnref1" title=""><span class=MsoFootnoteReference>
<span class=MsoFootnoteReference>[1]</span></span></a> Ada climbed.</p>
<h1>Chapter 2</h1><p class=MsoNormal>Morning came grey.</p></div>
<div style='mso-element:footnote-list'><br clear=all><hr align=left size=1 width="33%">
<div style='mso-element:footnote' id=ftn1><p class=MsoFootnoteText><a style='mso-footnote-id:ftn1' href="#_ftnref1"
name="_ftn1" title=""><span class=MsoFootnoteReference><span class=MsoFootnoteReference>[1]</span></span></a>
A Fresnel lens.</p></div></div></body></html>"""


def test_google_docs_footnotes_are_the_calling_chapters_notes() -> None:
    story = _import(GOOGLE_DOCS, "lighthouse.html")
    assert (story.meta.title, story.meta.author) == ("The Lighthouse", "Mara Quill")
    assert _texts(story) == [
        ["The lamp had not been lit in years. Ada climbed the stairs anyway."],
        ["Morning came grey."],
    ]
    assert _notes(story) == [["Footnote 1: A Fresnel lens."], ["Footnote 2: As mornings there always were."]]


def test_word_footnotes_are_the_calling_chapters_notes() -> None:
    story = _import(WORD, "lighthouse.htm")
    assert _texts(story) == [["The lamp had not been lit. Ada climbed."], ["Morning came grey."]]
    assert _notes(story) == [["Footnote 1: A Fresnel lens."], []]
