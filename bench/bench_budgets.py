"""Hostile uploads against the import budgets (issue 12, point 1).

Every case is GENERATED here (no stored files), at the size of the largest accepted upload
(``MAX_UPLOAD_BYTES``, 4 MiB by default), and run in a subprocess of its own doing what the
bot's worker does for ``/story add`` plus what posting does: import, scan with the default
rules, render every chapter. The child reports its wall time and peak RSS (VmHWM); a scan that
forks a copy of the process (bot.warnings.forked) has the copy's private memory added, sampled
every 50 ms. The budgets are < 10 s and < 500 MB per file on this 2-core machine.
An accepted file and a clear refusal both count as a pass; only time, memory or a crash fail.

The baseline, measured in the same run the same way, is a benign novel of the same size,
so each ratio says how much more a hostile file costs than an honest one.

``python -m bench budgets`` runs them all; ``python -m bench.bench_budgets CASE`` runs one
in this process (no subprocess) for profiling.
"""

from __future__ import annotations

import html
import io
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

from bench.procfs import proc_kb
from bot.settings import DEFAULT_MAX_UPLOAD_BYTES

ROOT = Path(__file__).resolve().parent.parent
UPLOAD = DEFAULT_MAX_UPLOAD_BYTES
TIME_BUDGET_S = 10.0
MEMORY_BUDGET_MB = 500.0

# -- generators: each takes a target size in bytes and returns (filename, data) -----------

_WORDS = [
    "the",
    "river",
    "ran",
    "cold",
    "past",
    "the",
    "ford",
    "and",
    "she",
    "watched",
    "the",
    "light",
    "go",
    "out",
    "of",
    "the",
    "sky",
    "while",
    "bram",
    "counted",
    "the",
    "boats",
    "one",
    "by",
    "one",
    "then",
    "turned",
    "away",
    "laughing",
    "at",
    "something",
    "only",
    "he",
    "could",
    "hear",
]


def _prose(rng: random.Random, words: int, vocabulary: list[str] = _WORDS) -> str:
    return " ".join(rng.choice(vocabulary) for _ in range(words)).capitalize() + "."


def _novel(size: int, title: str, vocabulary: list[str], seed: int, *, scene_breaks: bool) -> bytes:
    """Chapters of 40 paragraphs of 30-140 words of ``vocabulary`` in random order."""
    rng = random.Random(seed)
    parts = [f"Title: {title}\nAuthor: Bench\n"]
    total = len(parts[0])
    chapter = 0
    while total < size:
        chapter += 1
        block = [f"Chapter {chapter}"]
        for n in range(40):
            if scene_breaks and n and n % 10 == 0:
                block.append("* * *")
            block.append(_prose(rng, rng.randrange(30, 140), vocabulary))
        chunk = "\n\n".join(block) + "\n\n"
        parts.append(chunk)
        total += len(chunk)
    return "\n".join(parts).encode()[:size]


def benign_novel(size: int) -> tuple[str, bytes]:
    """The baseline: chapters of ordinary paragraphs with scene breaks."""
    return "novel.txt", _novel(size, "A Long Honest Book", _WORDS, 1, scene_breaks=True)


def rule_vocabulary() -> list[str]:
    """Every word of two letters or more in the shipped rules' phrases (the tests use it too)."""
    from bot.warnings.rules import default_ruleset

    return sorted({w for rule in default_ruleset().rules for w in re.findall(r"[a-z]{2,}", rule.source or "")})


def rule_words(size: int) -> tuple[str, bytes]:
    """The benign novel's shape, written in the words the shipped rules look for, in random
    order: text no scan has seen, which keeps every set of the matcher building its automaton
    (the costliest text for the scan there is, short of an exact copy of the rules)."""
    return "words.txt", _novel(size, "Every Word They Watch For", rule_vocabulary(), 3, scene_breaks=False)


def rule_word_lines(size: int) -> tuple[str, bytes]:
    """Paragraphs of six of the rules' words each, in one chapter: a call per short paragraph
    per set, each of them matching (a chat log written to be costly)."""
    words = rule_vocabulary()
    rng = random.Random(5)
    lines: list[str] = []
    total = 0
    while total < size:
        line = " ".join(rng.choice(words) for _ in range(6)) + ".\n\n"
        lines.append(line)
        total += len(line)
    return "lines.txt", "".join(lines).encode()[:size]


def heavy_passages() -> list[str]:
    """The labelled fan fiction passages that carry a warning: real prose full of heavy scenes,
    by a dozen writers, which fires hundreds of different rules and their exact checks."""
    from bench.bench_warnings import LABELLED
    from bot.tools.evaluate import read_examples
    from bot.warnings.rules import default_ruleset

    ruleset = default_ruleset()
    return [
        text
        for path in sorted(LABELLED.glob("fanfic-*.jsonl"))
        for _, text, labels in read_examples(path, ruleset)
        if labels
    ]


def _heavy(size: int, separator: str, seed: int, *, negations: bool = False) -> bytes:
    """Labelled heavy passages in random order up to ``size``; with ``negations``, a negation cue
    before one word in seven."""
    rng = random.Random(seed)
    passages = heavy_passages()
    cues = ("didn't", "nobody", "never", "wasn't", "no one")
    out: list[str] = []
    total = 0
    while total < size:
        passage = rng.choice(passages)
        if negations:
            passage = " ".join(
                f"{rng.choice(cues)} {word}" if rng.random() < 1 / 7 else word for word in passage.split(" ")
            )
        out.append(passage)
        total += len(passage.encode()) + len(separator)
    return separator.join(out).encode()[:size]


def heavy_scenes(size: int) -> tuple[str, bytes]:
    """Heavy scenes one after another, a blank line between them: a long dark story."""
    return "heavy.txt", _heavy(size, "\n\n", 7)


def _in_chapters(passages: list[str], count: int) -> list[list[str]]:
    """``passages`` in order, in at most ``count`` chapters of equal length (the last shorter)."""
    per_chapter = -(-len(passages) // count)
    return [passages[start : start + per_chapter] for start in range(0, len(passages), per_chapter)]


def heavy_scenes_in_chapters(size: int) -> tuple[str, bytes]:
    """The same as a Markdown story of 200 chapters, negation cues throughout: every chapter
    needs hundreds of exact checks, so a pattern compiled again per chapter would show."""
    passages = _heavy(size - 8000, "\n\n", 41, negations=True).decode("utf-8", "ignore").split("\n\n")
    chapters = [
        f"# Chapter {number}\n\n" + "\n\n".join(chapter)
        for number, chapter in enumerate(_in_chapters(passages, 200), start=1)
    ]
    return "chapters.md", "\n\n".join(chapters).encode()


def heavy_scenes_one_line(size: int) -> tuple[str, bytes]:
    """The same with no line break at all: every rule's exact check runs over long stretches."""
    return "heavy-line.txt", _heavy(size, " ", 8)


def heavy_negated_one_line(size: int) -> tuple[str, bytes]:
    """One line of heavy scenes with negation cues throughout: every rule that fires needs its
    exact check (is it negated?), and long stretches keep every compiled pattern busy."""
    return "heavy-negated.txt", _heavy(size, " ", 11, negations=True)


def heavy_ao3_one_paragraph(size: int) -> tuple[str, bytes]:
    """The same in AO3's markup, all in one ``<p>``: the parser's tree on top of the scan's work."""
    head = b'<html><body><div id="preface"><h1>T</h1></div><div id="chapters"><div class="userstuff"><p>'
    tail = b"</p></div></div></body></html>"
    body = html.escape(_heavy(size - len(head) - len(tail), " ", 21, negations=True).decode("utf-8", "ignore"))
    return "heavy.html", head + body.encode()[: size - len(head) - len(tail)].rsplit(b" ", 1)[0] + tail


def heavy_epub_one_paragraph(size: int) -> tuple[str, bytes]:
    """The same as one ``<p>`` of an EPUB chapter: the upload's size in text, compressed to less."""
    body = html.escape(_heavy(size - 400, " ", 23, negations=True).decode("utf-8", "ignore"))
    return "heavy.epub", _epub({"c1.xhtml": _chapter_xhtml("One", f"<p>{body}</p>")}, ["c1.xhtml"])


def epub_heavy_text(size: int) -> tuple[str, bytes]:
    """An EPUB within the upload limit that unpacks to more than twice the limit in heavy scenes:
    compression lets an EPUB hold more text than a plain-text upload may, and the scan costs by
    the text (its chapters are paragraphs of the labelled passages)."""
    passages = _heavy(int(size * 2.3), "\n\n", 31).decode("utf-8", "ignore").split("\n\n")
    documents = {
        f"c{number}.xhtml": _chapter_xhtml(f"Chapter {number}", "".join(f"<p>{html.escape(p)}</p>" for p in chapter))
        for number, chapter in enumerate(_in_chapters(passages, 40), start=1)
    }
    return "heavy-text.epub", _epub(documents, list(documents))


def one_paragraph(size: int) -> tuple[str, bytes]:
    """No blank line anywhere: one paragraph of ``size`` bytes of prose lines."""
    rng = random.Random(2)
    lines = []
    total = 0
    while total < size:
        line = _prose(rng, 15)
        lines.append(line)
        total += len(line) + 1
    return "wall.txt", "\n".join(lines).encode()[:size]


def one_line(size: int) -> tuple[str, bytes]:
    """One single line of prose, no newline at all."""
    rng = random.Random(3)
    text = " ".join(rng.choice(_WORDS) for _ in range(size // 4))
    return "line.txt", text.encode()[:size]


def one_word(size: int) -> tuple[str, bytes]:
    """Not even a space: nothing to cut at but characters."""
    return "word.txt", b"a" * size


def combining_marks(size: int) -> tuple[str, bytes]:
    """Grapheme clusters of thousands of combining marks (each 2 bytes in UTF-8)."""
    cluster = "e" + "\u0301" * 5000
    text = (cluster + " ") * (size // (len(cluster.encode()) + 1))
    return "zalgo.txt", text.encode()


def tiny_paragraphs(size: int) -> tuple[str, bytes]:
    """Millions of one-letter paragraphs."""
    return "tiny.txt", b"Once upon a time.\n\n" + b"a\n\n" * (size // 3 - 7)


def tiny_lines(size: int) -> tuple[str, bytes]:
    """Millions of one-letter lines with no blank line."""
    return "lines.txt", b"a\n" * (size // 2)


def many_chapters(size: int) -> tuple[str, bytes]:
    """A heading and a sentence, over and over: far more chapters than any book, few lines."""
    rng = random.Random(6)
    out = io.BytesIO()
    number = 0
    while out.tell() < size - 1000:
        number += 1
        out.write(b"Chapter %d\n\n%s\n\n" % (number, _prose(rng, 60).encode()))
    return "chapters.txt", out.getvalue()


def lines_at_limit(size: int) -> tuple[str, bytes]:
    """One-letter paragraphs, as many as the line budget lets through."""
    from bot.story.limits import MAX_LINES

    count = min(size // 3, (MAX_LINES - 10) // 2)
    return "short.txt", b"Once upon a time.\n\n" + b"a\n\n" * count


def _different_paragraphs_at_limit(size: int, head: bytes, paragraph: bytes, tail: bytes = b"") -> bytes:
    """``head``, then ``paragraph`` with a number each time (so no two are the same), as many as the
    line budget and ``size`` let through, then ``tail``."""
    from bot.story.limits import MAX_LINES

    out = io.BytesIO()
    out.write(head)
    for number in range((MAX_LINES - 10) // 2):
        if out.tell() >= size - 64 - len(tail):
            break
        out.write(paragraph % number)
    out.write(tail)
    return out.getvalue()


def heavy_lines_at_limit(size: int) -> tuple[str, bytes]:
    """Short paragraphs of violence, each one different, as many as the line budget lets through:
    every paragraph goes through every check the readers have and every rule, none read twice."""
    return "blows.txt", _different_paragraphs_at_limit(size, b"Once upon a time.\n\n", b"He hit her %d times.\n\n")


def declarations_at_limit(size: int) -> tuple[str, bytes]:
    """A header of declarations, each one different ("TW: blood 17"), as many as the line budget lets
    through, over a line of story: once kept and compared all with all (minutes of CPU)."""
    story = b"She walked into the lake and the water was cold.\n"
    return "declared.txt", _different_paragraphs_at_limit(size, b"The Lake\n\n", b"TW: blood %d\n\n", story)


def forum_quotes_at_limit(size: int) -> tuple[str, bytes]:
    """A forum thread copied as text, its posts "X said:" over a line and "Click to expand...", as many
    as the line budget lets through, under one threadmark: each is asked whether it heads a post
    or a quote (bot/story/forum_text.py)."""
    from bot.story.limits import MAX_LINES

    out = io.BytesIO()
    out.write(b"Salt and Iron\n\nThreadmarks: Chapter 1\n\nAuthor said:\nOnce upon a time.\n\n")
    for number in range((MAX_LINES - 10) // 3):
        if out.tell() >= size - 64:
            break
        out.write(b"Reader%d said:\nthe forge was cold\nClick to expand...\n" % number)
    return "thread.txt", out.getvalue()


def dated_entries_at_limit(size: int) -> tuple[str, bytes]:
    """Dates alone over a sentence each, as a journal heads its entries, as many as the line budget
    lets through: each is a candidate heading the whole text decides on (bot/story/structure.py)."""
    from bot.story.limits import MAX_LINES

    out = io.BytesIO()
    out.write(b"The Winter\n\n")
    for number in range((MAX_LINES - 10) // 4):
        if out.tell() >= size - 96:
            break
        date = b"March %d, %d" % (number % 28 + 1, 1000 + number // 28)
        out.write(b"%s\n\nShe wrote it down, and then she went back to bed.\n\n" % date)
    return "journal.txt", out.getvalue()


def many_markdown_headings(size: int) -> tuple[str, bytes]:
    return "headings.md", b"# a\n\nb\n\n" * (size // 8)


def empty_chapters(size: int) -> tuple[str, bytes]:
    """Headings with nothing under them, then one line of text."""
    return "empty.md", b"# a\n\n" * (size // 5 - 10) + b"text\n"


def empty_chapters_at_limit(size: int) -> tuple[str, bytes]:
    """Empty headings, as many as the line budget lets through, then one line of text."""
    from bot.story.limits import MAX_LINES

    count = min(size // 5, (MAX_LINES - 10) // 2)
    return "empty.md", b"# a\n\n" * count + b"text\n"


def scene_breaks_at_limit(size: int) -> tuple[str, bytes]:
    """Scene breaks between one-word paragraphs, as many as the line budget lets through."""
    from bot.story.limits import MAX_LINES

    count = min(size // 12, (MAX_LINES - 10) // 4)
    return "breaks.txt", b"Once upon a time.\n\n" + b"word\n\n* * *\n\n" * count


def markdown_emphasis(size: int) -> tuple[str, bytes]:
    """Unclosed emphasis markers on one long line: where a lazy regex turns quadratic."""
    return "stars.md", b"**a _b ~~c `d [e](" * (size // 18)


def deep_html(size: int) -> tuple[str, bytes]:
    """Nested <div>s and <blockquote>s as deep as the size allows."""
    depth = size // 40
    return "deep.html", (
        b"<html><body>" + b"<div><blockquote>" * depth + b"text" + b"</blockquote></div>" * depth + b"</body></html>"
    )


def deep_page_chrome(size: int) -> tuple[str, bytes]:
    """A saved web page whose story sits thousands deep in divisions named like site chrome
    ("comments"): each is looked inside, since it holds most of the page (bot/story/webpage.py)."""
    open_tag, close_tag = b'<div class="comments">', b"</div>"
    depth = min((size // 2) // (len(open_tag) + len(close_tag)), 90_000)  # under the element limit
    text = b"<p>" + b"word " * ((size - depth * (len(open_tag) + len(close_tag)) - 40) // 5) + b"</p>"
    return "page.html", b"<html><body>" + open_tag * depth + text + close_tag * depth + b"</body></html>"


def deep_ao3(size: int) -> tuple[str, bytes]:
    """AO3's markup with the chapter text nested thousands deep."""
    depth = size // 40
    return "ao3.html", (
        b'<html><body><div id="preface"><h1>T</h1></div><div id="chapters"><div class="userstuff">'
        + b"<div><blockquote>" * depth
        + b"<p>text</p>"
        + b"</blockquote></div>" * depth
        + b"</div></div></body></html>"
    )


def tiny_elements(size: int) -> tuple[str, bytes]:
    """Millions of tiny elements: the most tree a parser can be made to build."""
    return "tags.html", b"<html><body>" + b"<p>a<i>b</i></p>" * (size // 16 - 2) + b"</body></html>"


def elements_at_limit(size: int) -> tuple[str, bytes]:
    """Tiny elements, as many as the element budget lets through."""
    from bot.story.limits import MAX_HTML_ELEMENTS

    count = min(size // 16, (MAX_HTML_ELEMENTS - 10) // 2)
    return "tags.html", b"<html><body>" + b"<p>a<i>b</i></p>" * count + b"</body></html>"


def deep_at_limit(size: int) -> tuple[str, bytes]:
    """Nested <div>s and <blockquote>s, as deep as the element budget lets through."""
    from bot.story.limits import MAX_HTML_ELEMENTS

    depth = min(size // 40, (MAX_HTML_ELEMENTS - 10) // 2)
    return "deep.html", (
        b"<html><body>" + b"<div><blockquote>" * depth + b"text" + b"</blockquote></div>" * depth + b"</body></html>"
    )


def huge_attribute(size: int) -> tuple[str, bytes]:
    return "attr.html", b'<html><body><p title="' + b"x" * (size - 50) + b'">text</p></body></html>'


def invalid_utf8(size: int) -> tuple[str, bytes]:
    """Text that is almost UTF-8, with a stray byte in it, at full size (legacy-encoding detection)."""
    rng = random.Random(4)
    text = " ".join(rng.choice(_WORDS) for _ in range(size // 6)).encode()
    return "latin.txt", text[: size - 1] + b"\xe9"


def random_bytes(size: int) -> tuple[str, bytes]:
    rng = random.Random(5)
    return "noise.txt", bytes(rng.randrange(128, 256) for _ in range(size))


def nul_bytes(size: int) -> tuple[str, bytes]:
    return "nul.txt", b"text\x00" * (size // 5)


def _epub(
    documents: dict[str, bytes],
    spine: list[str],
    *,
    manifest: dict[str, str] | None = None,
    extra: dict[str, bytes] | None = None,
    metadata: str = "<dc:title>Book</dc:title>",
) -> bytes:
    """An EPUB with the given documents; ``spine`` lists manifest ids, ``manifest`` maps id -> href,
    ``extra`` holds members the package does not list (``META-INF/encryption.xml``, a font),
    ``metadata`` is the package's metadata markup."""
    manifest = manifest or {name: name for name in documents}
    items = "".join(
        f'<item id="{item_id}" href="{href}" media-type="application/xhtml+xml"/>' for item_id, href in manifest.items()
    )
    refs = "".join(f'<itemref idref="{item_id}"/>' for item_id in spine)
    opf = (
        '<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0">'
        f'<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">{metadata}</metadata>'
        f"<manifest>{items}</manifest><spine>{refs}</spine></package>"
    )
    container = (
        '<?xml version="1.0"?><container xmlns="urn:oasis:names:tc:opendocument:xmlns:container" version="1.0">'
        '<rootfiles><rootfile full-path="content.opf" media-type="application/oebps-package+xml"/></rootfiles>'
        "</container>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip")
        archive.writestr("META-INF/container.xml", container)
        archive.writestr("content.opf", opf)
        for name, data in {**documents, **(extra or {})}.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _chapter_xhtml(title: str, body: str) -> bytes:
    return (
        '<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>c</title></head>'
        f"<body><h1>{title}</h1>{body}</body></html>"
    ).encode()


def epub_repeated_spine(size: int) -> tuple[str, bytes]:
    """One document, listed in the spine tens of thousands of times (1.3 KB that became 20,000 chapters)."""
    doc = _chapter_xhtml("Chapter", "<p>" + " ".join(_WORDS) + "</p>")
    return "repeat.epub", _epub({"c.xhtml": doc}, ["c"] * max(100, size // 400), manifest={"c": "c.xhtml"})


def epub_aliased_spine(size: int) -> tuple[str, bytes]:
    """Thousands of manifest ids, all naming the same document."""
    count = max(100, size // 800)
    manifest = {f"i{n}": "c.xhtml" for n in range(count)}
    doc = _chapter_xhtml("Chapter", "<p>" + " ".join(_WORDS) + "</p>")
    return "alias.epub", _epub({"c.xhtml": doc}, list(manifest), manifest=manifest)


def epub_many_documents(size: int) -> tuple[str, bytes]:
    """As many tiny chapter documents as a zip may hold."""
    count = min(4900, max(50, size // 300))
    docs = {f"c{n}.xhtml": _chapter_xhtml(f"Chapter {n}", "<p>word</p>") for n in range(count)}
    return "many.epub", _epub(docs, list(docs))


def epub_bomb(size: int) -> tuple[str, bytes]:
    """A chapter that inflates far past anything its upload justifies."""
    base = _epub({}, ["c"], manifest={"c": "c.xhtml"})
    buffer = io.BytesIO(base)
    with zipfile.ZipFile(buffer, "a", zipfile.ZIP_DEFLATED) as archive, archive.open("c.xhtml", "w") as member:
        member.write(b'<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body><p>')
        block = b"a" * (1024 * 1024)
        for _ in range(64 * size // len(block)):
            member.write(block)
        member.write(b"</p></body></html>")
    return "bomb.epub", buffer.getvalue()


def epub_billion_laughs(size: int) -> tuple[str, bytes]:
    """Entity expansion (billion laughs) plus an external entity (XXE) in a chapter's DOCTYPE."""
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{n} "{("&lol" + (str(n - 1) if n > 1 else "") + ";") * 10}">' for n in range(1, 10)
    )
    doc = (
        f'<?xml version="1.0"?><!DOCTYPE html [{entities}<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        '<html xmlns="http://www.w3.org/1999/xhtml"><body><h1>Chapter 1</h1><p>Before &lol9; &xxe; after.</p>'
        "<p>The river ran cold.</p></body></html>"
    ).encode()
    return "laughs.epub", _epub({"c.xhtml": doc}, ["c.xhtml"])


def epub_deep(size: int) -> tuple[str, bytes]:
    """A chapter document nested 20,000 deep (40,000 elements, within the element budget)."""
    depth = min(size // 40, 20_000)
    body = "<div><blockquote>" * depth + "<p>text</p>" + "</blockquote></div>" * depth
    return "deep.epub", _epub({"c.xhtml": _chapter_xhtml("Chapter 1", body)}, ["c.xhtml"])


def epub_tiny_elements(size: int) -> tuple[str, bytes]:
    """Tiny elements up to the element budget, spread over the unpacked budget's floor."""
    body = "<p>a<i>b</i></p>" * min(size // 16, 49_000)
    return "tags.epub", _epub({"c.xhtml": _chapter_xhtml("Chapter 1", body)}, ["c.xhtml"])


def declaration_like_paragraphs(size: int) -> tuple[str, bytes]:
    """Paragraphs of prose opening as a declaration does ("Tw", "Cw", "Warning"): each is asked
    whether it lists warnings, which once tried every alias at every character (35 µs each)."""
    rng = random.Random(43)
    out = io.BytesIO()
    out.write(b"Title: Heads Up\n\n")
    while out.tell() < size:
        label = rng.choice(("Tw", "Cw", "TW", "Warning", "Tw the"))
        out.write(f"{label} {_prose(rng, rng.randrange(8, 45))}\n\n".encode())
    return "heads-up.txt", out.getvalue()[:size]


def warnings_heading_over_one_paragraph(size: int) -> tuple[str, bytes]:
    """A "Content Warnings" heading whose second paragraph is the rest of the file with no comma or
    "and" in it: asked whether it lists warnings as one piece."""
    head = b"# Title\n\n## Chapter 1\n\n### Content Warnings\n\nblood\n\n"
    words = [word for word in _WORDS if word != "and"]
    rng = random.Random(47)
    body = " ".join(rng.choice(words) for _ in range(size // 5))
    return "warned.md", head + body.encode()[: size - len(head)]


def breaks_at_element_limit(size: int) -> tuple[str, bytes]:
    """One paragraph of short lines set apart by ``<br>``, as many as the element budget lets
    through: each ``<br>`` replaced in turn once read the paragraph's children from the first."""
    from bot.story.limits import MAX_HTML_ELEMENTS

    count = min(size // 6, MAX_HTML_ELEMENTS - 10)
    return "lines.html", b"<html><body><p>" + b"line<br>" * count + b"</p></body></html>"


def images_at_element_limit(size: int) -> tuple[str, bytes]:
    """One paragraph of ``<img>`` and comments, as many as the element budget lets through."""
    from bot.story.limits import MAX_HTML_ELEMENTS

    count = min(size // 30, (MAX_HTML_ELEMENTS - 10) // 2)
    return "gallery.html", b"<html><body><p>" + b'a<img alt="art"><!-- c -->' * count + b"</p></body></html>"


def epub_breaks(size: int) -> tuple[str, bytes]:
    """An EPUB chapter of one paragraph of ``<br>`` lines, within the element budget."""
    body = "<p>" + "line<br/>" * min(size // 9, 49_000) + "</p>"
    return "lines.epub", _epub({"c.xhtml": _chapter_xhtml("Chapter 1", body)}, ["c.xhtml"])


def spaces_in_a_header_line(size: int) -> tuple[str, bytes]:
    """A .txt whose first line is "x", spaces to the size and "y": every header pattern reads the run."""
    return "spaces.txt", b"x" + b" " * (size - 40) + b"y\n\nThe lake was cold.\n"


def spaces_in_a_byline(size: int) -> tuple[str, bytes]:
    """A title, then "by", spaces to the size and a name: the by-line patterns' run of spaces."""
    return "byline.txt", b"The Lake\n\nby" + b" " * (size - 60) + b"Mara\n\nThe lake was cold.\n"


def spaces_in_a_quoted_heading(size: int) -> tuple[str, bytes]:
    """A Markdown quote of a heading with a run of spaces in it: its closing "#" looked for in the run."""
    return "quoted.md", b"# T\n\nText.\n\n> # Q" + b" " * (size - 60) + b"x\n\nThe lake was cold.\n"


def spaces_in_front_matter(size: int) -> tuple[str, bytes]:
    """A Markdown front matter line of "x", spaces to the size and "y": a key read up to a colon."""
    return "front.md", b"---\nx" + b" " * (size - 60) + b"y\n---\n\n# T\n\nThe lake was cold.\n"


def strung_separators(size: int) -> tuple[str, bytes]:
    """A header line of "Rating: T." and "a." to the size: a field looked for after each separator."""
    return "strung.txt", b"Rating: T. " + b"a. " * (size // 3 - 20) + b"\n\nThe lake was cold.\n"


def unclosed_emphasis_line(size: int) -> tuple[str, bytes]:
    """A Markdown line of "*_" to the size: each note label tried at each of its characters."""
    return "stars.md", b"# T\n\n" + b"*_" * (size // 2 - 4)


def a_line_of_bars(size: int) -> tuple[str, bytes]:
    """A line of "|" to the size: every one an ornament, trimmed a character at a time by five readers."""
    return "bars.txt", b"T\n\n" + b"|" * (size - 4)


def details_over_spaces(size: int) -> tuple[str, bytes]:
    """A Markdown "<details>" and a run of spaces: every split of the run tried before a "<summary>"."""
    return "details.md", b"# T\n\n<details>" + b" " * (size - 40) + b"x\n\nThe lake was cold.\n"


def gutenberg_footnotes(size: int) -> tuple[str, bytes]:
    """Chapters of short paragraphs each calling a note ("...[12]"), the chapter's "[Footnote 12: ...]"
    notes after it, numbered again in each chapter as Gutenberg's annotated books do: every call
    paired with its note, every note read for a declaration."""
    rng = random.Random(47)
    out = io.BytesIO()
    out.write(b"Title: Annotated\n\n")
    chapter = 0
    while out.tell() < size:
        chapter += 1
        calls = "".join(f"{_prose(rng, 10)}[{number}]\n\n" for number in range(1, 201))
        notes = "".join(f"[Footnote {number}: {_prose(rng, 6)}]\n\n" for number in range(1, 201))
        out.write(f"CHAPTER {chapter}.\n\n{calls}{notes}".encode())
    return "notes.txt", out.getvalue()[:size]


def deflated_mimetype(size: int) -> tuple[str, bytes]:
    """A zip whose "mimetype" member is half a gigabyte of zeros deflated to half a megabyte, named
    .txt: what the file is was told by reading that member whole, before any of the EPUB reader's
    budgets (at the upload limit, 4 GB of zeros took 4 GB of memory and 20 s)."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive,
        archive.open("mimetype", "w", force_zip64=True) as member,
    ):
        for _ in range(min(512, size // 2048)):
            member.write(bytes(1 << 20))
    return "story.txt", out.getvalue()


def saved_page(parts: str, header: str = 'multipart/related; boundary="XX"') -> bytes:
    """A "Webpage, Single File" (.mhtml) of ``parts`` and then the page."""
    return (
        f"From: <Saved by Blink>\nMIME-Version: 1.0\nContent-Type: {header}\n\n{parts}"
        "--XX\nContent-Type: text/html\n\n<html><body><h1>Chapter 1</h1><p>The lake was cold.</p></body></html>\n"
        "--XX--\n"
    ).encode()


def saved_page_of_many_parts(size: int) -> tuple[str, bytes]:
    """A saved page of one-line parts (a picture each) to the size: every part's headers were parsed
    into objects, half a millisecond a part (70,000 ran past 90 s)."""
    count = (size - 400) // 40
    return "page.mhtml", saved_page("".join(f"--XX\nContent-Type: image/png\n\n{n % 10}\n" for n in range(count)))


def saved_page_header_of_comments(size: int) -> tuple[str, bytes]:
    """A saved page whose Content-Type runs on in nested comments: the email package's header parser
    recursed into them (2 GB, then a RecursionError)."""
    depth = (size - 400) // 2
    return "page.mhtml", saved_page("", 'multipart/related; boundary="XX" ' + "(" * depth + ")" * depth)


def front_matter_tags(size: int) -> tuple[str, bytes]:
    """A Markdown front matter listing tags to the size: each item was added to the whole line so far
    and compared with every tag before it (140,000 ran past 90 s); as many as the line budget lets through."""
    from bot.story.limits import MAX_LINES

    tags = io.BytesIO()
    number = 0
    while tags.tell() < size - 200 and number < MAX_LINES - 20:
        tags.write(b"  - tag %d\n" % number)
        number += 1
    return "tags.md", b"---\ntitle: T\ntags:\n" + tags.getvalue() + b"---\n\n# T\n\nThe lake was cold.\n"


def tag_lines_at_limit(size: int) -> tuple[str, bytes]:
    """A header of "Tags: tag N" lines, each one different, as many as the line budget lets through:
    each tag was compared with every one before it (80,000 took 78 s)."""
    story = b"\nChapter 1\n\nThe lake was cold.\n"
    return "tags.txt", _different_paragraphs_at_limit(size, b"The Lake\n\n", b"Tags: tag %d\n", story)


def note_boxes_at_element_limit(size: int) -> tuple[str, bytes]:
    """``<details>`` boxes titled "CW", as many as the element budget lets through: each box titled
    as a note was read on its own (33,000 took 20 s); the first MAX_NOTE_BOXES are notes now."""
    from bot.story.limits import MAX_HTML_ELEMENTS

    box = b"<details><summary>CW</summary><p>the lake</p></details>"
    count = min(size // len(box), (MAX_HTML_ELEMENTS - 20) // 3)
    return "boxes.html", b"<html><body><h1>Chapter 1</h1><p>The lake was cold.</p>" + box * count + b"</body></html>"


def a_line_of_tabs_and_spaces(size: int) -> tuple[str, bytes]:
    """A line of tabs and spaces to the size: two runs of spaces side by side in one pattern split it
    every way there is (60 KB took 31 s)."""
    return "tabs.txt", b"T\n\n\t" + b"\t \t" * (size // 3 - 10) + b"x\n"


def unclosed_divisions_at_element_limit(size: int) -> tuple[str, bytes]:
    """``<div>a`` never closed, as many as the element budget lets through: a tree 100,000 deep, each
    division a paragraph (18 s of CPU in session 32: every whole-tree pass of the HTML reader, some
    40, walks the depth; over budget, kept here to be measured)."""
    from bot.story.limits import MAX_HTML_ELEMENTS

    count = min(size // 6, MAX_HTML_ELEMENTS - 20)
    return "unclosed.html", b"<html><body>" + b"<div>a" * count + b"</body></html>"


def epub_notes_in_every_document(size: int) -> tuple[str, bytes]:
    """An EPUB of 1,000 chapters of twenty paragraphs, each calling a note in a notes document of
    20,000 (13 s of CPU in session 32, over budget: every document is read for its notes, asked
    whether it is a notes page and read again; kept here to be measured)."""
    documents: dict[str, bytes] = {}
    number = 0
    for chapter in range(1000):
        calls = []
        for _ in range(20):
            calls.append(f'<p>Text {number}<a epub:type="noteref" href="notes.xhtml#n{number}">{number}</a></p>')
            number += 1
        documents[f"c{chapter}.xhtml"] = _chapter_xhtml(f"Chapter {chapter + 1}", "".join(calls))
    notes = "".join(f'<aside epub:type="footnote" id="n{n}"><p>Note {n}</p></aside>' for n in range(number))
    documents["notes.xhtml"] = _chapter_xhtml("Notes", notes)
    return "notes.epub", _epub(documents, list(documents))


def html_headings_at_element_limit(size: int) -> tuple[str, bytes]:
    """An ``<h2>`` chapter heading and a paragraph, as many as the element budget lets through: read
    whole (16 s) before the chapter budget refused them; the headings are counted on the markup now."""
    from bot.story.limits import MAX_HTML_ELEMENTS

    count = (MAX_HTML_ELEMENTS - 20) // 2
    chapters = b"".join(b"<h2>Chapter %d</h2><p>text</p>" % number for number in range(count))
    return "headings.html", b"<html><body>" + chapters[: size - 40] + b"</body></html>"


_WARNING_WORDS = ("blood", "death", "self-harm", "violence", "abuse", "suicide", "gore", "drowning", "torture")


def warnings_line_of_items(size: int) -> tuple[str, bytes]:
    """A "Warnings:" line of different items ("blood 17", "gore 18" ...) to half the size, then a story:
    each item no warning matched was looked for again in the whole line (100,000 items took 27 s of
    CPU, 400,000 of the same nine words ran past 150 s)."""
    items, total, number = [], 0, 0
    while total < size // 2:
        item = f"{_WARNING_WORDS[number % len(_WARNING_WORDS)]} {number}"
        items.append(item)
        total += len(item) + 2
        number += 1
    head = f"The Lake\nby Bench\n\nWarnings: {', '.join(items)}\n\n"
    return "warned.txt", (head + _novel(size - len(head), "x", _WORDS, 45, scene_breaks=True).decode()).encode()[:size]


def front_matter_list_of_warnings(size: int) -> tuple[str, bytes]:
    """A Markdown front matter listing warnings, as many as the line budget lets through: read as one
    declaration line (the same cost: 100,000 items ran past 150 s)."""
    from bot.story.limits import MAX_LINES

    out = io.StringIO()
    out.write("---\ntitle: The Lake\nwarnings:\n")
    number = 0
    while out.tell() < size - 200 and number < MAX_LINES - 1000:
        out.write(f"  - {_WARNING_WORDS[number % len(_WARNING_WORDS)]} {number}\n")
        number += 1
    out.write("---\n\n# Chapter 1\n\nThe lake was cold.\n")
    return "warned.md", out.getvalue().encode()


def double_spaced_novel(size: int) -> tuple[str, bytes]:
    """The benign novel with two blank lines between paragraphs: every paragraph was a scene of its
    own, posted apart (11,000 messages where the novel takes 2,700)."""
    return "double.txt", _novel(size, "Double Spaced", _WORDS, 47, scene_breaks=False).replace(b"\n\n", b"\n\n\n")[
        :size
    ]


def epub_chapters_at_limit(size: int) -> tuple[str, bytes]:
    """An EPUB of as many chapter documents as MAX_CHAPTERS lets through (2,000), each a few paragraphs:
    the readers' work per document (about 2.7 ms: 5.3 s of CPU to import, 7.5 s with the scan)."""
    from bot.story.limits import DEFAULT_MAX_CHAPTERS

    rng = random.Random(49)
    per = size // DEFAULT_MAX_CHAPTERS
    documents = {}
    for number in range(1, DEFAULT_MAX_CHAPTERS + 1):
        paragraphs, length = [], 0
        while length < per - 400:
            paragraph = f"<p>{_prose(rng, 40)}</p>"
            paragraphs.append(paragraph)
            length += len(paragraph)
        documents[f"c{number}.xhtml"] = _chapter_xhtml(f"Chapter {number}", "".join(paragraphs))
    return "chapters.epub", _epub(documents, list(documents))


def saved_page_of_word_parts(size: int) -> tuple[str, bytes]:
    """A saved page whose one-letter boundary stands between every word of its text: some 400,000
    parts, each parsed by the email package (5.8 s of CPU, 413 MB) before the page was found; now
    counted at their delimiter lines and refused (MAX_PAGE_PARTS)."""
    rng = random.Random(51)
    words = "\n--a\n".join(rng.choice(_WORDS) for _ in range(size // 9))
    page = (
        'MIME-Version: 1.0\nContent-Type: multipart/related; boundary="a"\n\n--a\nContent-Type: text/html\n\n'
        "<html><body><h1>Chapter 1</h1><p>The lake was cold.</p></body></html>\n--a\n"
    )
    return "parts.mhtml", (page + words).encode()[:size]


def rule_words_in_chapters_of_one_line(size: int) -> tuple[str, bytes]:
    """The rules' words in random order as 2,000 Markdown chapters of one line each: the scan of text
    no scan has seen, chapter by chapter (6.9 s of CPU of scan)."""
    from bot.story.limits import DEFAULT_MAX_CHAPTERS

    words = rule_vocabulary()
    rng = random.Random(53)
    per = size // DEFAULT_MAX_CHAPTERS - 20
    chapters = []
    for number in range(1, DEFAULT_MAX_CHAPTERS + 1):
        line, length = [], 0
        while length < per:
            word = rng.choice(words)
            line.append(word)
            length += len(word) + 1
        chapters.append(f"# Chapter {number}\n\n{' '.join(line)}\n\n")
    return "one-line-chapters.md", "".join(chapters).encode()[:size]


def negations_at_line_limit(size: int) -> tuple[str, bytes]:
    """A short negated sentence per paragraph ("Nobody died that day 17."), as many as the line budget lets
    through: the readers' work per paragraph and the scan's negation checks (7.7 s of CPU)."""
    from bot.story.limits import MAX_LINES

    sentences = ("He did not hurt her", "Nobody died that day", "She never cut herself", "No one was killed")
    paragraphs = [f"{sentences[number % len(sentences)]} {number}." for number in range(MAX_LINES // 2 - 1000)]
    return "negations.txt", "\n\n".join(paragraphs).encode()[:size]


def disguised_label_lines(size: int) -> tuple[str, bytes]:
    """Short lines that may be labels in disguise, as many as the line budget lets through: an accented
    word and a colon ("Été 17 :"), full-width letters ("Ｗａｒｎ 17："), a lookalike in a Latin word, one
    in four a real disguised label ("Ｗａｒｎｉｎｇｓ： blood 17"): each is folded and asked whether it is
    a label before any reader looks (session 35, :mod:`bot.story.lookalikes`)."""
    from bot.story.limits import MAX_LINES

    shapes = ("Été {0} :", "Ｗａｒｎ {0}：", "Wаrm {0}:", "Ｗａｒｎｉｎｇｓ： blood {0}")
    lines = [shapes[number % 4].format(number) for number in range(MAX_LINES // 2 - 1000)]
    return "labels.txt", ("The Weir\n\n" + "\n\n".join(lines)).encode()[:size]


def heading_lines_at_line_limit(size: int) -> tuple[str, bytes]:
    """A line "# N" as many times as the line budget lets through: each was read as a chapter heading
    (7.2 s of CPU, 233 MB) before the empty chapters refused the file (session 35); now they are
    counted at C speed first, as an HTML file's headings are."""
    from bot.story.limits import MAX_LINES

    return "headings.txt", ("The Weir\n" + "\n".join(f"# {number}" for number in range(MAX_LINES - 1000))).encode()[
        :size
    ]


def nested_tables(size: int) -> tuple[str, bytes]:
    """Tables nested as deep as the element budget lets them, a cell each, a story after them: each
    table was asked whether it is a book's contents, searching every row and link under it (5,000 deep
    took 52 s of CPU)."""
    from bot.story.limits import MAX_HTML_ELEMENTS

    depth = min(size // 30, MAX_HTML_ELEMENTS // 3 - 500)
    story = "".join(f"<h2>Chapter {number}</h2><p>{' '.join(_WORDS)}</p>" for number in range(1, 4))
    return "tables.html", (
        b"<html><body>" + b"<table><tr><td>" * depth + b"<p>x</p>" + b"</td></tr></table>" * depth
    ) + story.encode() + b"</body></html>"


def a_paragraph_of_flags(size: int) -> tuple[str, bytes]:
    """One paragraph of flags (each a pair of regional indicators, four bytes each): every message cut
    looked back over all the indicators before it, and the render ran past 90 s."""
    head = b"Title: Flags\n\nChapter 1\n\n"
    return "flags.txt", head + "🇬🇧🇫🇷".encode() * ((size - len(head)) // 16)


def one_markdown_footnote_called_throughout(size: int) -> tuple[str, bytes]:
    """A Markdown line of "a[^1] " to the size and the one definition: each call was a note of its own,
    every note read for declarations (600,000 took 24 s of CPU); a definition called again is one note."""
    tail = b"\n\n[^1]: In the old style.\n"
    head = b"# Chapter 1\n\n"
    return "calls.md", head + b"a[^1] " * ((size - len(head) - len(tail)) // 6) + tail


def undefined_markdown_footnotes_in_chapters(size: int) -> tuple[str, bytes]:
    """1,500 Markdown chapters of "[^x]" calls nothing defines, one definition at the end: each call
    looked for its definition in every chapter (24 s of CPU)."""
    per = (size - 60_000) // 1500 // 4
    chapters = b"".join(b"# Chapter %d\n\nThe weir" % number + b"[^x]" * per + b"\n\n" for number in range(1, 1501))
    return "undefined.md", chapters + b"[^1]: A note nothing calls.\n"


def unclosed_wayback_toolbars_at_element_limit(size: int) -> tuple[str, bytes]:
    """A Wayback Machine "BEGIN WAYBACK TOOLBAR INSERT" comment over a paragraph, never ended, as many as
    the element budget lets through: each walked every sibling after it for its END (20,000 ran past 90 s)."""
    from bot.story.limits import MAX_HTML_ELEMENTS

    insert = b"<!-- BEGIN WAYBACK TOOLBAR INSERT --><p>tb</p>"
    count = min(size // len(insert), (MAX_HTML_ELEMENTS - 20) // 3)
    return (
        "wayback.html",
        b"<html><body><h1>Chapter 1</h1><p>The lake was cold.</p>" + insert * count + b"</body></html>",
    )


def nested_asides(size: int) -> tuple[str, bytes]:
    """Asides nested as deep as the element budget lets them, a word each: each of the first 2,000 was
    read whole, down the depth under it, to ask whether it only warns (20,000 deep: 11.5 s of CPU)."""
    from bot.story.limits import MAX_HTML_ELEMENTS

    depth = min(size // 16, MAX_HTML_ELEMENTS // 2 - 500)
    story = b"<h1>Chapter 1</h1><p>The lake was cold.</p>"
    return "asides.html", b"<html><body>" + story + b"<aside>a" * depth + b"</aside>" * depth + b"</body></html>"


def nested_callouts(size: int) -> tuple[str, bytes]:
    """Obsidian callouts (``div.callout``, a note box) nested as deep as the element budget lets them: each
    note box read the notes of all those inside it again (8,000 deep: 11 s of CPU)."""
    from bot.story.limits import MAX_HTML_ELEMENTS

    callout = b'<div class="callout"><div class="callout-title">Note</div><div class="callout-content">a'
    depth = min(size // (len(callout) + 12), MAX_HTML_ELEMENTS // 3 - 500)
    story = b"<h1>Chapter 1</h1><p>The lake was cold.</p>"
    return "callouts.html", b"<html><body>" + story + callout * depth + b"</div></div>" * depth + b"</body></html>"


def leading_markdown_callouts(size: int) -> tuple[str, bytes]:
    """ "> [!note]" callouts over the story, as many as the line budget lets through: each was spliced into
    the file's lines and the lines after it copied (45,000 took 10 s of CPU)."""
    from bot.story.limits import MAX_LINES

    callout = b"> [!note]\n> Drafted in May.\n\n"
    count = min(size // len(callout), MAX_LINES // 3 - 100)
    return "callouts.md", callout * count + b"# Chapter 1\n\nThe lake was cold.\n"


def tag_links_in_a_paragraph(size: int) -> tuple[str, bytes]:
    """Obsidian tag links ("#tag17") in one paragraph with a few words, as many as the element budget lets
    through: each asked whether the paragraph holds only tags, reading its text a word at a time, then
    whether it is alone in it (1,000 took 4.6 s of CPU, 30,000 ran past 90 s)."""
    from bot.story.limits import MAX_HTML_ELEMENTS

    count = min(size // 48, MAX_HTML_ELEMENTS - 200)
    links = " ".join(f'<a class="tag" href="#tag{number}">#tag{number}</a>' for number in range(count))
    story = "<h2>Chapter 1</h2><p>The lake was cold.</p>"
    return "tags.html", f"<html><body><h1>The Lake</h1><p>{links} and more.</p>{story}</body></html>".encode()


def spaces_in_a_warning_line(size: int) -> tuple[str, bytes]:
    """A chapter's "CW:" line, spaces to the size and "blood": a contents entry's pattern and a page's line of
    counts let their text end anywhere in the run and read the rest of it from each place (a megabyte took
    6.4 s of CPU, the upload limit 42 s)."""
    head, tail = b"The Lake\n\nChapter 1\n\nCW:", b"blood\n\nThe lake was cold.\n"
    return "cw.txt", head + b" " * (size - len(head) - len(tail)) + tail


def a_note_of_stops(size: int) -> tuple[str, bytes]:
    """A chapter's "A/N:" and ". " to the size: a million sentences of a stop each, every one read for
    declarations (2 MB took 4.3 s of CPU)."""
    head, tail = b"The Lake\n\nChapter 1\n\nA/N: ", b"x\n\nThe lake was cold.\n"
    return "stops.txt", head + b". " * ((size - len(head) - len(tail)) // 2) + tail


def a_note_of_numbered_sentences(size: int) -> tuple[str, bytes]:
    """A chapter's "A/N:" and "1. 2. 3. ..." to the size: half a million different sentences, every one read
    for declarations (3.9 MB took 5.4 s of CPU); a note is read to MAX_NOTE_SENTENCES now."""
    head, tail = "The Lake\n\nChapter 1\n\nA/N:", "x\n\nThe lake was cold.\n"
    out, number = io.StringIO(), 1
    while out.tell() < size - len(head) - len(tail) - 10:
        out.write(f" {number}.")
        number += 1
    return "sentences.txt", f"{head}{out.getvalue()} {tail}".encode()


def notes_of_numbered_sentences(size: int) -> tuple[str, bytes]:
    """ "A/N:" paragraphs of 199 different sentences each ("1. 2. 3. ..."), under the cap of one note, to the
    size: every sentence read (2,500 of them took 4.9 s of CPU); the story's notes are read to a budget now."""
    out, number = io.StringIO(), 1
    out.write("The Lake\n\nChapter 1\n\n")
    while out.tell() < size - 3_000:
        out.write("A/N: " + " ".join(f"{number + step}." for step in range(199)) + " x\n\n")
        number += 199
    out.write("The lake was cold.\n")
    return "notes.txt", out.getvalue().encode()


def a_warnings_label_of_spaces(size: int) -> tuple[str, bytes]:
    """ "CWs", spaces to the size and "below!" over a list: a label of warnings by chapter looked for with
    two runs of spaces side by side, which split the run every way there is (20,000 spaces took 5 s)."""
    head, tail = b"The Lake\n\nChapter 1\n\nCWs", b"below!\n- blood\n\nThe lake was cold.\n"
    return "label.txt", head + b" " * (size - len(head) - len(tail)) + tail


def spaces_under_a_table_head(size: int) -> tuple[str, bytes]:
    """A Markdown table's head row over a line of spaces to the size and "x ---": the table rule's runs of
    spaces side by side split the run every way there is (20,000 spaces took 3 s of CPU)."""
    head, tail = b"# Chapter 1\n\n| a | b |\n", b"x ---\n\nThe lake was cold.\n"
    return "table.md", head + b" " * (size - len(head) - len(tail)) + tail


def spaces_in_a_declaring_title(size: int) -> tuple[str, bytes]:
    """A "Title:" of spaces to the size before "(TW: suicide)": the dangling aside before a title's
    declaration was looked for from every space of the run (20,000 spaces took 1.6 s of CPU), and the
    title read for declarations whole (4 MB, 2.4 s); a title past what is shown of it declares nothing now."""
    head, tail = b"Title: The Lake", b"x (TW: suicide)\n\nChapter 1\n\nThe lake was cold.\n"
    return "title.txt", head + b" " * (size - len(head) - len(tail)) + tail


def a_line_of_blockquote_markers(size: int) -> tuple[str, bytes]:
    """A Markdown line of ">" to the size: the blockquote markers' repeated group kept the way back
    through every one of them (700 MB at 4 MiB; session 38)."""
    head, tail = b"# Chapter 1\n\nThe lake was cold.\n\n", b"deep\n\nMore.\n"
    return "quotes.md", head + b">" * (size - len(head) - len(tail)) + tail


def epub_package_of_metadata(size: int) -> tuple[str, bytes]:
    """An EPUB whose package file holds ``<meta>`` entries of different made-up words, three times the
    size of XML (about half the size packed): the package was parsed whole into a tree, 300,000 entries
    took 272 MB (session 38); its elements are counted first now, a package past MAX_PACKAGE_ELEMENTS
    refused."""
    rng = random.Random(55)
    metas, length = [], 0
    while length < 3 * size:
        word = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(3, 9)))
        metas.append(f'<meta name="x" content="{word}"/>')
        length += len(metas[-1])
    documents = {"c.xhtml": _chapter_xhtml("Chapter 1", "<p>The lake was cold.</p>")}
    return "metadata.epub", _epub(documents, ["c.xhtml"], metadata="<dc:title>Book</dc:title>" + "".join(metas))


def a_markdown_line_of_comments(size: int) -> tuple[str, bytes]:
    """One Markdown line of HTML comments ("<!-- CW: blood -->") to the size: each comment read its line
    back to the start and on to the end (200,000 took 73 s of CPU; session 38)."""
    head, tail, comment = b"# Chapter 1\n\nThe lake", b" was cold.\n", b"<!-- CW: blood -->"
    return "comments.md", head + comment * ((size - len(head) - len(tail)) // len(comment)) + tail


def a_markdown_line_of_details_tags(size: int) -> tuple[str, bytes]:
    """One Markdown line of "<details>" to the size: each looked for its line's start again to ask
    whether it opens its line (400,000 took 15.7 s of CPU; session 38)."""
    head, tail = b"# Chapter 1\n\nThe lake was cold.", b"\n"
    return "details.md", head + b"<details>" * ((size - len(head) - len(tail)) // 9) + tail


def an_asciidoc_section_line_of_spaces(size: int) -> tuple[str, bytes]:
    """An AsciiDoc file whose last section line is "== A", spaces to the size and ".": the section's title
    ended where only spaces were left, asked at each space and read on to the run's end (60,000 spaces
    took 7 s of CPU, the upload limit's hours; session 38)."""
    head, tail = b"= The Lake\n\n== Chapter 1\n\nThe lake was cold.\n\n== A", b".\n\nMore.\n"
    return "lake.adoc", head + b" " * (size - len(head) - len(tail)) + tail


def a_notes_bare_warning_over_spaces(size: int) -> tuple[str, bytes]:
    """A chapter's note "A/N: TW blood", spaces to the size and "x": "in this chapter" was looked for at
    the end of the bare "TW" from every space of the run (40,000 spaces took 23 s of CPU; session 38)."""
    head, tail = b"The Lake\n\nChapter 1\n\nA/N: TW blood", b"x\n\nThe lake was cold.\n"
    return "note.txt", head + b" " * (size - len(head) - len(tail)) + tail


def a_markdown_line_of_unclosed_openers(size: int) -> tuple[str, bytes]:
    """One Markdown line of every kind of inline opener in random order, none closing: each kind's
    pattern read the rest of the line from each of its openers (29 KB of "*a " took 9.7 s), held by
    a 1 s wall-clock budget that then kept the file's markup (session 39)."""
    openers = (
        "*a ",
        "_a ",
        "**a ",
        "__a ",
        "~~a ",
        "`a ",
        "[a ",
        "![a ",
        "[a](",
        "[a][",
        "<img a ",
        "<em a ",
        "<!--a ",
    )
    rng = random.Random(39)
    parts: list[str] = []
    total = 0
    while total < size - 20:
        opener = rng.choice(openers)
        parts.append(opener)
        total += len(opener)
    return "openers.md", ("# T\n\n" + "".join(parts)).encode()[:size]


def declaration_lines_in_one_chapter(size: int) -> tuple[str, bytes]:
    """Different "TW: death, blood, self-harm 17" paragraphs in one chapter: each was read against the
    taxonomy as a declaration over a scene (70,000 took 10 s of CPU; session 39)."""
    from bot.story.limits import MAX_LINES

    paragraphs = [f"TW: death, blood, self-harm {number}" for number in range(MAX_LINES // 2 - 1000)]
    return "declarations.txt", ("The Lake\n\nChapter 1\n\n" + "\n\n".join(paragraphs)).encode()[:size]


CASES: dict[str, Callable[[int], tuple[str, bytes]]] = {
    "the rules' own words in random order": rule_words,
    "the rules' words, six to a paragraph": rule_word_lines,
    "heavy scenes of real prose": heavy_scenes,
    "heavy scenes of real prose, one line": heavy_scenes_one_line,
    "heavy scenes in 200 chapters, negations throughout": heavy_scenes_in_chapters,
    "heavy scenes, one line, negations throughout": heavy_negated_one_line,
    "the same in one AO3 paragraph": heavy_ao3_one_paragraph,
    "the same in one EPUB paragraph": heavy_epub_one_paragraph,
    "one paragraph (no blank line)": one_paragraph,
    "one line": one_line,
    "one word": one_word,
    "combining marks": combining_marks,
    "tiny paragraphs": tiny_paragraphs,
    "tiny lines": tiny_lines,
    "one-letter paragraphs at the line limit": lines_at_limit,
    "different short paragraphs of violence at the line limit": heavy_lines_at_limit,
    "different declarations at the line limit": declarations_at_limit,
    "many chapters": many_chapters,
    "many markdown headings": many_markdown_headings,
    "empty chapters": empty_chapters,
    "empty chapters at the line limit": empty_chapters_at_limit,
    "scene breaks at the line limit": scene_breaks_at_limit,
    "a forum thread's quotes at the line limit": forum_quotes_at_limit,
    "dated entries at the line limit": dated_entries_at_limit,
    "markdown emphasis": markdown_emphasis,
    "deep HTML": deep_html,
    "deep AO3 HTML": deep_ao3,
    "deep page chrome": deep_page_chrome,
    "tiny HTML elements": tiny_elements,
    "tiny HTML elements at the element limit": elements_at_limit,
    "deep HTML at the element limit": deep_at_limit,
    "huge attribute": huge_attribute,
    "invalid UTF-8": invalid_utf8,
    "random bytes": random_bytes,
    "NUL bytes": nul_bytes,
    "EPUB repeated spine": epub_repeated_spine,
    "EPUB aliased spine": epub_aliased_spine,
    "EPUB many documents": epub_many_documents,
    "EPUB zip bomb": epub_bomb,
    "EPUB billion laughs + XXE": epub_billion_laughs,
    "EPUB deep nesting": epub_deep,
    "EPUB tiny elements": epub_tiny_elements,
    "EPUB with twice the upload in heavy text": epub_heavy_text,
    "prose paragraphs opening like declarations": declaration_like_paragraphs,
    "a warnings heading over one long paragraph": warnings_heading_over_one_paragraph,
    "<br> lines at the element limit": breaks_at_element_limit,
    "images and comments at the element limit": images_at_element_limit,
    "EPUB chapter of <br> lines": epub_breaks,
    "a header line of spaces": spaces_in_a_header_line,
    "a by-line of spaces": spaces_in_a_byline,
    "a quoted Markdown heading of spaces": spaces_in_a_quoted_heading,
    "a front matter line of spaces": spaces_in_front_matter,
    "a header line of separators": strung_separators,
    "a Markdown line of unclosed emphasis": unclosed_emphasis_line,
    "a line of bars": a_line_of_bars,
    "a <details> over a run of spaces": details_over_spaces,
    "Gutenberg footnotes, 200 to a chapter": gutenberg_footnotes,
    "a zip's mimetype deflated from half a gigabyte": deflated_mimetype,
    "a saved page of one-line parts": saved_page_of_many_parts,
    "a saved page's header of nested comments": saved_page_header_of_comments,
    "a front matter list of tags": front_matter_tags,
    "a header of different tags at the line limit": tag_lines_at_limit,
    "<details> note boxes at the element limit": note_boxes_at_element_limit,
    "a line of tabs and spaces": a_line_of_tabs_and_spaces,
    "HTML chapter headings at the element limit": html_headings_at_element_limit,
    "unclosed <div>s at the element limit": unclosed_divisions_at_element_limit,
    "EPUB notes called from every document": epub_notes_in_every_document,
    "a Warnings: line of different items": warnings_line_of_items,
    "a front matter list of warnings": front_matter_list_of_warnings,
    "a double-spaced novel": double_spaced_novel,
    "EPUB chapters at the chapter limit": epub_chapters_at_limit,
    "a saved page with a part per word": saved_page_of_word_parts,
    "the rules' words in 2,000 chapters of one line": rule_words_in_chapters_of_one_line,
    "a negation per paragraph at the line limit": negations_at_line_limit,
    "tables nested to the element limit": nested_tables,
    "a paragraph of flags": a_paragraph_of_flags,
    "disguised label lines at the line limit": disguised_label_lines,
    "heading lines at the line limit": heading_lines_at_line_limit,
    "one Markdown footnote called throughout": one_markdown_footnote_called_throughout,
    "undefined Markdown footnotes called in 1,500 chapters": undefined_markdown_footnotes_in_chapters,
    "unclosed Wayback toolbar comments at the element limit": unclosed_wayback_toolbars_at_element_limit,
    "asides nested to the element limit": nested_asides,
    "Obsidian callouts nested to the element limit": nested_callouts,
    "Markdown callouts over the story at the line limit": leading_markdown_callouts,
    "tag links in a paragraph at the element limit": tag_links_in_a_paragraph,
    "a warning line of spaces": spaces_in_a_warning_line,
    "a note of stops": a_note_of_stops,
    "a warnings label over a run of spaces": a_warnings_label_of_spaces,
    "a note of 500,000 different sentences": a_note_of_numbered_sentences,
    "notes of 199 different sentences each": notes_of_numbered_sentences,
    "a line of spaces under a Markdown table's head": spaces_under_a_table_head,
    "a title of spaces before its warning": spaces_in_a_declaring_title,
    "a Markdown line of blockquote markers": a_line_of_blockquote_markers,
    "an EPUB package of metadata entries": epub_package_of_metadata,
    "a Markdown line of HTML comments": a_markdown_line_of_comments,
    "a Markdown line of <details> tags": a_markdown_line_of_details_tags,
    "an AsciiDoc section line of spaces": an_asciidoc_section_line_of_spaces,
    "a note's bare TW over a run of spaces": a_notes_bare_warning_over_spaces,
    "a Markdown line of unclosed openers": a_markdown_line_of_unclosed_openers,
    "declaration lines in one chapter": declaration_lines_in_one_chapter,
}


# -- the measured work -----------------------------------------------------------------


def pipeline(filename: str, data: bytes, max_bytes: int = UPLOAD) -> tuple[str, int]:
    """What the bot does with an upload: import and scan (the worker job), then render every chapter.

    Returns ("accepted" or the refusal, messages rendered).
    """
    from bot.errors import UserError
    from bot.story.jobs import import_and_scan
    from bot.story.render import render_chapter
    from bot.warnings.rules import default_ruleset

    try:
        result = import_and_scan(data, filename, max_bytes=max_bytes, ruleset=default_ruleset())
    except UserError as error:
        return str(error), 0
    messages = 0
    for chapter in result.story.chapters:
        messages += len(render_chapter(result.story.meta, chapter))
    return "accepted", messages


def _peak_rss_mb() -> float:
    """This process's peak resident memory (VmHWM: unlike ``ru_maxrss`` it starts afresh at exec)."""
    peak_kb = proc_kb("self", "status", ("VmHWM",))
    if peak_kb is not None:
        return peak_kb / 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _child(path: str) -> None:
    """Subprocess entry: run the pipeline on one generated file, print the figures as JSON."""
    from bot.story.jobs import warm_up

    warm_up()  # the default rules are compiled once per worker in the bot, not per file: outside the timing
    data = Path(path).read_bytes()
    filename = Path(path).name.split("-", 1)[1]
    start = time.perf_counter()
    outcome, messages = pipeline(filename, data)
    seconds = time.perf_counter() - start
    peak_mb = _peak_rss_mb()
    print(json.dumps({"seconds": seconds, "peak_mb": peak_mb, "outcome": outcome, "messages": messages}))


def measure(name: str, generator: Callable[[int], tuple[str, bytes]], size: int = UPLOAD) -> dict[str, object]:
    filename, data = generator(size)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"case-{filename}"
        path.write_bytes(data)
        started = time.perf_counter()
        try:
            done, tree_peak_mb = _run_sampling_memory(
                [sys.executable, "-m", "bench.bench_budgets", "--child", str(path)], timeout=120
            )
        except subprocess.TimeoutExpired:
            return {
                "name": name,
                "bytes": len(data),
                "seconds": time.perf_counter() - started,
                "peak_mb": float("nan"),
                "outcome": "killed after 120 s",
                "messages": 0,
            }
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["?"])[-1]
        return {
            "name": name,
            "bytes": len(data),
            "seconds": time.perf_counter() - started,
            "peak_mb": float("nan"),
            "outcome": f"crashed: {last[:120]}",
            "messages": 0,
        }
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    figures["peak_mb"] = max(figures["peak_mb"], tree_peak_mb)
    return {"name": name, "bytes": len(data), **figures}


def _run_sampling_memory(command: list[str], timeout: float) -> tuple[subprocess.CompletedProcess[str], float]:
    """Run ``command`` like ``subprocess.run``, sampling every 50 ms the memory of its whole process
    tree: its own resident memory plus what each process it forked holds privately (a scan's forked
    copy, bot.warnings.forked, shares most of its pages with its parent until either writes them).
    Returns the finished process and the largest total sampled, in MB. (The parent's share is read
    from /proc/PID/status, which is cheap; reading a process's smaps stalls its page faults, so
    only the short-lived copies are read that way, and not often.)"""
    process = subprocess.Popen(
        command,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONHASHSEED": "0"},
    )
    outputs: list[str] = []
    reader = threading.Thread(target=lambda: outputs.extend(process.communicate()), daemon=True)
    reader.start()
    deadline = time.monotonic() + timeout
    peak_kb = 0
    while reader.is_alive():
        if time.monotonic() > deadline:
            process.kill()
            reader.join()
            raise subprocess.TimeoutExpired(command, timeout)
        peak_kb = max(peak_kb, _tree_memory_kb(process.pid))
        reader.join(0.05)
    done = subprocess.CompletedProcess(command, process.returncode, outputs[0], outputs[1])
    return done, peak_kb / 1024


def _tree_memory_kb(pid: int) -> int:
    """Resident memory of ``pid`` plus the private memory of every process under it (0 once gone)."""
    total = proc_kb(pid, "status", ("VmRSS",)) or 0
    pending = _children(pid)
    while pending:
        child = pending.pop()
        total += proc_kb(child, "smaps_rollup", ("Private_Clean", "Private_Dirty")) or 0
        pending += _children(child)
    return total


def _children(pid: int) -> list[int]:
    found: list[int] = []
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            found += [int(child) for child in (task / "children").read_text().split()]
    except OSError:
        pass
    return found


def _passes(row: dict[str, object]) -> bool:
    seconds, peak = float(row["seconds"]), float(row["peak_mb"])  # type: ignore[arg-type]
    outcome = str(row["outcome"])
    return seconds < TIME_BUDGET_S and peak < MEMORY_BUDGET_MB and not outcome.startswith(("crashed", "killed"))


def main() -> str:
    baseline = measure("benign novel (baseline)", benign_novel)
    rows = [measure(name, generator) for name, generator in CASES.items()]
    base_s = max(float(baseline["seconds"]), 1e-6)  # type: ignore[arg-type]
    lines = [
        "## Hostile uploads against the import budgets (issue 12)",
        "",
        f"Each case is generated at the upload limit ({UPLOAD // (1024 * 1024)} MiB unless the format cannot "
        "reach it) and run in its own subprocess: import + scan (default rules) + render of every chapter, "
        f"budget < {TIME_BUDGET_S:g} s and < {MEMORY_BUDGET_MB:g} MB peak RSS (the interpreter, parsers and "
        "the compiled default rules included; with a scan's forked copy, what the copy holds of its own, "
        "sampled every 50 ms). Baseline: a benign plain-text novel of the same size, "
        "through the same pipeline. A clear refusal is a pass.",
        "",
        "| case | file size | time | peak RSS | time vs baseline | outcome | result |",
        "|---|---:|---:|---:|---:|---|---|",
    ]
    for row in [baseline, *rows]:
        seconds = float(row["seconds"])  # type: ignore[arg-type]
        outcome = str(row["outcome"])
        if outcome == "accepted":
            outcome = f"accepted, {int(row['messages']):,} messages"  # type: ignore[call-overload]
        lines.append(
            f"| {row['name']} | {int(row['bytes']) / 1024:,.0f} KiB | {seconds:.2f} s | "  # type: ignore[call-overload]
            f"{float(row['peak_mb']):.0f} MB | {seconds / base_s:.2f}x | {outcome[:110]} | "  # type: ignore[arg-type]
            f"{'pass' if _passes(row) else 'FAIL'} |"
        )
    failed = sum(not _passes(row) for row in rows)
    lines += ["", f"{len(rows) - failed} of {len(rows)} hostile cases within budget.", ""]
    return "\n".join(lines)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        _child(sys.argv[2])
    elif len(sys.argv) > 1:
        for wanted in sys.argv[1:]:
            filename, payload = CASES[wanted](UPLOAD)
            began = time.perf_counter()
            print(wanted, pipeline(filename, payload), f"{time.perf_counter() - began:.2f} s")
    else:
        print(main())
