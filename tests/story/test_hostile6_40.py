"""Hostile uploads of session 40's sixth round: HTML blocks inside a Markdown file, and the shapes
past rounds did not try. Each is a shape a file within the upload limit may take; each is read
within the budgets of :mod:`bot.story.limits`, and shown to readers as the honest file of its shape is."""

from __future__ import annotations

import random
import re

import pytest

from bot.story.errors import StoryFormatError
from bot.story.importer import import_story
from bot.warnings.declared import Declared
from bot.warnings.rules import default_ruleset
from tests.story.test_hostile_shapes37 import MAX_BYTES
from tests.story.test_hostile_shapes39 import _bare, _one_chapter


def _paragraphs(story) -> list[str]:
    return [paragraph for chapter in story.chapters for paragraph in chapter.paragraphs]


def _html_and_markdown(body: str) -> tuple[list[str], list[str]]:
    """The paragraphs the HTML reader and the Markdown reader give of one body under one heading."""
    page = f"<html><body><h1>The Weir</h1><h2>Chapter 1</h2>{body}</body></html>"
    from_html = _paragraphs(import_story(page.encode(), "a.html", max_bytes=MAX_BYTES))
    text = f"# The Weir\n\n## Chapter 1\n\n{body}\n"
    from_markdown = _paragraphs(import_story(text.encode(), "a.md", max_bytes=MAX_BYTES))
    return from_html, from_markdown


# -- HTML tables, lists and quotes inside a Markdown file ---------------------------------------------

_BLOCKS = {
    "table": "<table>\n<tr><th>Name</th><th>Age</th></tr>\n<tr><td>Mara</td><td>17</td></tr>\n</table>",
    "list": "<ul>\n<li>one</li>\n<li>two <em>x</em></li>\n</ul>",
    "ordered list": "<ol><li>first</li><li>second</li></ol>",
    "quote": "<blockquote>The weir roared.</blockquote>",
    "quote of paragraphs": "<blockquote>\n<p>Quoted one.</p>\n<p>Quoted two.</p>\n</blockquote>",
    "definitions": "<dl><dt>Weir</dt><dd>a low dam</dd></dl>",
}


@pytest.mark.parametrize("name", list(_BLOCKS))
def test_an_html_block_in_markdown_reads_as_the_html_reader_reads_it(name: str) -> None:
    """A Markdown file's ``<table>``, ``<ul>``, ``<ol>`` or ``<blockquote>`` was posted as its tags,
    escaped ("<table>", "<li>"): it is read as the HTML reader reads it, rows and items a line or a
    paragraph each, a quote's paragraphs as paragraphs, no tag left."""
    body = f"The weir roared.\n\n{_BLOCKS[name]}\n\nThe rain came."
    from_html, from_markdown = _html_and_markdown(body)
    assert from_markdown == from_html
    assert not any("<" in paragraph for paragraph in from_markdown)
    assert from_markdown[0] == "The weir roared." and from_markdown[-1] == "The rain came."


def test_html_blocks_past_the_element_limit_are_refused_in_a_sentence() -> None:
    """Bounded: a Markdown file's HTML blocks are counted as an HTML file's elements are, and a file of
    more than any story holds is refused in a sentence, not parsed into a tree of millions of nodes."""
    rows = "".join(f"<tr><td>Row {number}</td><td>weir</td></tr>\n" for number in range(30_000))
    data = f"# The Weir\n\n## Chapter 1\n\n<table>\n{rows}</table>\n\nThe rain came.\n".encode()
    assert len(data) < MAX_BYTES
    with pytest.raises(StoryFormatError) as refused:
        import_story(data, "a.md", max_bytes=MAX_BYTES)
    assert "HTML elements" in str(refused.value)


def test_angle_brackets_in_prose_are_no_html_block() -> None:
    """Guard: a line that opens with "<" but no block tag, and a tag named in a sentence, stay text."""
    text = "# The Weir\n\n## Chapter 1\n\n<3 the weir roared.\n\nShe typed <table> and laughed.\n"
    paragraphs = _paragraphs(import_story(text.encode(), "a.md", max_bytes=MAX_BYTES))
    assert paragraphs == ["<3 the weir roared.", "She typed <table> and laughed."]


# -- the warning scan of a line of megabytes of the rules' own phrases ----------------------------------


def _rule_phrases_line(size: int) -> str:
    """The shipped rules' own phrases (each group's first alternative) shuffled on one line: a paragraph
    of ``size`` characters read in pieces, text the sets have never seen, firing most rules early."""
    phrases: list[str] = []
    for rule in default_ruleset().rules:
        source = rule.source or ""
        while (plain := re.sub(r"\(([^()|]*)(?:\|[^()]*)?\)\??", r"\1", source)) != source:
            source = plain
        for part in source.split("|"):
            words = " ".join(re.sub(r"[~*?#@]|\.\.\.\d|\b_\b", " ", part).split())
            if words:
                phrases.append(words)
    rng = random.Random(40)
    line: list[str] = []
    length = 0
    while length < size:
        line.append(rng.choice(phrases))
        length += len(line[-1]) + 1
    return " ".join(line)


def test_the_sets_read_a_giant_paragraphs_later_pieces_for_what_can_still_fire(monkeypatch) -> None:
    """Every set read every piece of a paragraph of megabytes, though a rule counts once per paragraph:
    the rules' phrases shuffled on one 4 MB line had 57 sets build states through all 4 MB (7.2 s of
    the scan's 9.1). After the first round of pieces the sets look only for the parts of the rules that
    have not fired in it, and for their guards only in pieces where one of those has its parts."""
    from bot.warnings import matcher as matcher_module
    from bot.warnings.engine import scan, scan_pieces

    paragraph = _rule_phrases_line(1_200_000)
    assert len(scan_pieces(paragraph)) > 100
    read = 0
    compile_set = matcher_module._SetGroup._compile

    def counted(self) -> object:
        match = compile_set(self)

        def reading(data: bytes) -> list[int]:
            nonlocal read
            read += len(data) * sum(map(len, self._patterns))  # a set's cost on new text grows with both
            return match(data)

        return reading

    monkeypatch.setattr(matcher_module._SetGroup, "_compile", counted)
    ruleset = _bare()
    matcher = matcher_module.matcher_for(ruleset)
    read = 0
    report = scan(_one_chapter(paragraph), ruleset, declared=Declared())
    assert len(report.chapters[0].warnings) >= 10
    every_set_throughout = len(paragraph.encode()) * sum(map(len, matcher.patterns))
    assert read * 2 < every_set_throughout  # 0.38 of it, 1.09 before


def test_a_giant_paragraph_read_in_rounds_finds_what_one_pass_finds(monkeypatch) -> None:
    """Guard: read in rounds, each after the first looking for less, a paragraph of megabytes fires the
    same rules at the same places as one pass of every set over all its pieces."""
    from bot.warnings import matcher as matcher_module
    from bot.warnings.engine import scan_pieces

    pieces = scan_pieces(_rule_phrases_line(800_000))
    paragraphs = [0] * len(pieces)
    ruleset = _bare()
    in_rounds = matcher_module.Matcher(ruleset).fire(pieces, paragraphs)
    monkeypatch.setattr(matcher_module, "ROUND_PIECES", len(pieces))
    one_pass = matcher_module.Matcher(ruleset).fire(pieces, paragraphs)
    assert sum(map(len, in_rounds.rules)) >= 10
    assert [[rule.id for rule in rules] for rules in in_rounds.rules] == [
        [rule.id for rule in rules] for rules in one_pass.rules
    ]
    hits = [(index, rule.id) for index, rules in enumerate(one_pass.rules) for rule in rules]
    texts = pieces
    assert [in_rounds.hit(i, in_rounds._by_id[r].rule, texts[i]).span for i, r in hits] == [
        one_pass.hit(i, one_pass._by_id[r].rule, texts[i]).span for i, r in hits
    ]


# -- a chapter of 74,000 different declaration lines ------------------------------------------------------


def test_a_chapter_of_declaration_lines_is_read_as_notes_only_up_to_what_a_story_declares(monkeypatch) -> None:
    """A chapter of tens of thousands of "TW: death, blood, self-harm 17" paragraphs (74,000 took 7.9 s
    of CPU) had every one read as an opening note, and again as a last chapter's sign-off, to find it
    was text: its opening notes are read up to MAX_DECLARATIONS paragraphs (past that they are its
    text, as inside a chapter), and its closing words up to the first that is not one."""
    from bot.story.limits import MAX_DECLARATIONS
    from tests.story.patching import patch_everywhere, story_function

    calls = {"declaration_paragraph": 0, "closing_words": 0}
    for name in calls:
        original = story_function(name)

        def counted(text: str, *, _name: str = name, _original=original) -> bool:
            calls[_name] += 1
            return _original(text)

        patch_everywhere(monkeypatch, name, counted)
    paragraphs = [f"TW: death, blood, self-harm {number}" for number in range(20_000)]
    data = ("The Lake\n\nChapter 1\n\n" + "\n\n".join(paragraphs) + "\n").encode()
    story = import_story(data, "a.txt", max_bytes=MAX_BYTES)
    assert sum(len(chapter.paragraphs) for chapter in story.chapters) == len(paragraphs)  # its text, as before
    assert calls["declaration_paragraph"] <= 3 * MAX_DECLARATIONS
    assert calls["closing_words"] <= 10


def test_a_chapter_opening_with_a_few_declarations_still_has_them_as_notes() -> None:
    """Guard: a few declaration paragraphs over a chapter's story are its notes, as before."""
    data = (
        b"The Lake\n\nChapter 1\n\nTW: blood\n\nCW: self-harm\n\nThe lake was still.\n\nChapter 2\n\nThe rain came.\n"
    )
    story = import_story(data, "a.txt", max_bytes=MAX_BYTES)
    assert story.chapters[0].notes == ["TW: blood", "CW: self-harm"]
    assert story.chapters[0].paragraphs == ["The lake was still."]


# -- zalgo in an EPUB's title and chapter names ------------------------------------------------------------


def _zalgo(word: str, marks: int) -> str:
    rng = random.Random(6)
    return "".join(letter + "".join(chr(rng.randint(0x300, 0x36F)) for _ in range(marks)) for letter in word)


def _letters(text: str | None) -> str:
    return "".join(character for character in text or "" if not 0x300 <= ord(character) <= 0x36F)


def test_a_zalgo_title_and_chapter_names_keep_their_words_in_every_format() -> None:
    """An EPUB's title of 3,000 marks a letter was shown as its first letter ("T̞̦̍") and a chapter's
    "Chapter" of 200 a letter as "Chap": the value was cut to a few lines' worth before its stacked
    marks were kept to three a letter. It is read as a text file's title is, every word kept."""
    from tests.story.builders import epub_bytes, xhtml

    documents = [
        (f"c{n}.xhtml", xhtml(f"<h1>{_zalgo('Chapter', 200)}</h1><p>The weir roared {n}.</p>")) for n in (1, 2)
    ]
    data = epub_bytes(documents, title=_zalgo("The Weir", 3000))
    story = import_story(data, "a.epub", max_bytes=MAX_BYTES)
    assert _letters(story.meta.title) == "The Weir"
    assert [_letters(chapter.title) for chapter in story.chapters] == ["Chapter", "Chapter"]


# -- character references in a Markdown file ------------------------------------------------------------


def test_a_markdown_files_character_references_are_shown_as_their_characters() -> None:
    """A Markdown file's "&amp;", "&mdash;" and "&#233;" were posted as written ("Tom &amp; Jerry"), and
    350,000 "&amp;#8212;" as 2,000 messages of "&amp;\\#8212;": they are the characters they stand for, as
    a Markdown preview shows them; an escaped tag is shown as a tag, a bare "&" and an unknown name stay."""
    text = "# T\n\n## C\n\nTom &amp; Jerry &mdash; caf&#233; &#x2014; &lt;em&gt;yes&lt;/em&gt; R&D &madeup; x\n"
    paragraphs = _paragraphs(import_story(text.encode(), "a.md", max_bytes=MAX_BYTES))
    assert paragraphs == ["Tom & Jerry — café — <em>yes</em> R&D &madeup; x"]


# -- a line of megabytes of combining marks over one letter ----------------------------------------------


@pytest.mark.parametrize("kind", ["html", "md", "txt"])
def test_millions_of_marks_on_one_letter_are_cut_to_a_pile_a_reader_can_see(kind: str) -> None:
    """2,000,000 combining marks over one letter of an HTML paragraph were posted as 1,005 messages of
    one glyph (a text file's line short but for them was cut, a longer one was not): a letter of story
    text carries MAX_MARKS_PER_LETTER at most, in every format; a zalgo word of a dozen a letter stays."""
    from bot.story.limits import MAX_MARKS_PER_LETTER

    pile = "a" + "\u0301" * 2_000_000
    zalgo = _zalgo("weir", 12)
    prose = "The rain came down over the whole valley all night, and nobody slept. " * 6  # a long line as written
    sentence = f"{prose}The {zalgo} roared and {pile} fell."
    if kind == "html":
        data, name = f"<html><body><h1>The Weir</h1><p>{sentence}</p></body></html>".encode(), "a.html"
    else:
        data, name = f"The Weir\n\nChapter 1\n\n{sentence}\n".encode(), f"a.{kind}"
    paragraphs = _paragraphs(import_story(data, name, max_bytes=MAX_BYTES))
    assert paragraphs == [f"{prose}The {zalgo} roared and a{chr(0x301) * MAX_MARKS_PER_LETTER} fell."]


# -- NUL bytes between the letters of one line of a UTF-8 file -------------------------------------------


def test_a_utf8_file_with_a_line_of_nul_separated_letters_is_no_utf16_story() -> None:
    """A UTF-8 file with one line of letters set apart by NUL bytes (NULs in half its byte pairs, all on
    one side) was read as UTF-16 without a mark: a story of CJK-looking nonsense titled by its file
    name ("a"). UTF-16 is read so only when NULs fill three pairs in four; this file is refused in a
    sentence, as other binary-looking text is."""
    line = "\x00".join("The weir roared all night.")
    data = f"The Weir\n\nChapter 1\n\n{line}\n\nThe rain came.\n".encode()
    with pytest.raises(StoryFormatError) as refused:
        import_story(data, "a.txt", max_bytes=MAX_BYTES)
    assert "readable text" in str(refused.value)


def test_utf16_without_a_mark_is_still_read() -> None:
    """Guard: Latin text saved as UTF-16 without a mark, curly quotes and all, reads as before."""
    text = "The Weir\n\nChapter 1\n\n" + "\u201cThe weir roared,\u201d she said \u2014 all night.\n\n" * 200
    for encoding in ("utf-16-le", "utf-16-be"):
        story = import_story(text.encode(encoding), "a.txt", max_bytes=MAX_BYTES)
        assert story.meta.title == "The Weir" and story.chapters[0].paragraphs[0].startswith("\u201cThe weir")


# -- Markdown list markers nested on one line -------------------------------------------------------------


def test_list_markers_nested_on_one_line_are_one_item() -> None:
    """100,000 "- " before a line's words (a list nested 100,000 deep on one line) were posted as 150
    messages of dashes: the item is its text under one marker. A line of marks alone is still a divider."""
    text = "# T\n\n## C\n\n" + "- " * 100_000 + "the weir\n\n  * + - deep\n\n- - -\n\n- one\n- two\n"
    story = import_story(text.encode(), "a.md", max_bytes=MAX_BYTES)
    assert _paragraphs(story) == ["- the weir", "* deep", "- one\n- two"]
    assert len(story.chapters[0].scenes) == 2


# -- surrogates written as UTF-8 ----------------------------------------------------------------------------


def test_surrogates_written_as_utf8_are_the_character_or_a_mark_of_one_lost() -> None:
    """A lone surrogate written as UTF-8 bytes ("\\xed\\xa0\\x80") was read as three stray cp1252 bytes,
    "í\\xa0€", in the story's text, and a CESU-8 emoji as six: a pair is the character it makes, one alone
    U+FFFD, as a browser shows it."""
    data = b"The Weir\n\nChapter 1\n\nThe weir \xed\xa0\x80 roared.\n\nA smile \xed\xa0\xbd\xed\xb8\x80 there.\n"
    paragraphs = _paragraphs(import_story(data, "a.txt", max_bytes=MAX_BYTES))
    assert paragraphs == ["The weir \ufffd roared.", "A smile \U0001f600 there."]
