"""Markdown's inline markup is taken off in time linear in the line (bot.story.inline_markup), with
the answers of the regular expressions it replaced, which are kept here to compare on generated lines
(they are correct, only quadratic on a long line of openers that never close)."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.story import markdown
from bot.story.front_pages import image_line
from bot.story.markdown import strip_inline_markup

_ALT = markdown._ALT


def _old_image(match: regex.Match[str]) -> str:
    return image_line(match.group(1))


def _old_html_image(match: regex.Match[str]) -> str:
    alt = _ALT.search(match.group(0))
    return image_line(alt and (alt.group("dq") or alt.group("sq") or alt.group("bare")))


# Session 38's table, pattern for pattern in the order of markdown._INLINE.
OLD: tuple[tuple[regex.Pattern[str], str | Callable[[regex.Match[str]], str]], ...] = (
    (regex.compile(r"<!--.*?-->", regex.DOTALL), ""),
    (regex.compile(r"%%.*?%%"), ""),
    # (session 52: Ulysses's "++comments++", with a space after, and Ulysses's and Bear's "::highlights::")
    (regex.compile(r"(?<![\w+])\+\+(?=[^\s+]).*?(?<=[^\s+])\+\+(?![\w+])[ \t]?", regex.DOTALL), ""),
    (regex.compile(r"(?<![\w:])::(?=[^\s:])(.+?)(?<=[^\s:])::(?![\w:])"), r"\1"),
    # (session 44: an image embed keeps its alt text, a note embed is said where it stood)
    (
        regex.compile(
            r"!\[\[[^\[\]\n|]*?\.(?:png|jpe?g|gif|webp|svg|bmp|avif)(?:\|(?P<shown>[^\[\]\n]*))?\]\]", regex.IGNORECASE
        ),
        markdown._wiki_image,
    ),
    (regex.compile(r"!\[\[(?P<target>[^\[\]\n|]*)(?:\|[^\[\]\n]*)?\]\]"), markdown._wiki_embed),
    (regex.compile(r"\[\[[^\[\]\n|]*\|([^\[\]\n]+)\]\]"), r"\1"),
    (regex.compile(r"\[\[(?:[^\[\]\n|/]*/)*([^\[\]\n|/#]+)[^\[\]\n|]*\]\]"), r"\1"),
    (regex.compile(r"\[\[#([^\[\]\n|#^]{1,200})\]\]"), r"\1"),  # (session 46: a heading of the same note)
    (regex.compile(r"^[ \t]*\[![\w-]+\][+-]?[ \t]*"), ""),
    # (session 46: an Obsidian block id closing a paragraph)
    (regex.compile(r"(?<=\S)[ \t]+\^(?=[0-9-]{0,63}[A-Za-z])[A-Za-z0-9][A-Za-z0-9-]{0,63}[ \t]*$"), ""),
    # (session 45: a heading's classes too, "{.unnumbered}", "{-}"; Pandoc's bracketed spans and an image's
    # attributes after it)
    (regex.compile(r"[ \t]+\{(?:[#.]|-(?=[ \t}]))[^{}\n]*\}[ \t]*$"), ""),
    (regex.compile(r"\[([^\[\]\n]*+)\]\{(?:[#.]|[\w-]++=)[^{}\n]*+\}"), r"\1"),
    (regex.compile(r"(?<=\))\{(?:[#.]|[\w-]++=)[^{}\n]*+\}"), ""),
    (regex.compile(r"(?<!\S)\[(?!\^)[^\]\n]+\]:[ \t]+\S+.*$", regex.MULTILINE), ""),
    (regex.compile(r"\[!\[([^\]\n]*)\]\([^)\n]*\)\]\([^)\n]*\)"), _old_image),
    (regex.compile(r"!\[([^\]\n]*)\]\([^)\n]*\)"), _old_image),
    (regex.compile(r"!\[([^\]\n]*)\]\[[^\]\n]*\]"), _old_image),
    (regex.compile(r"<img\b[^>\n]*>", regex.IGNORECASE), _old_html_image),
    (regex.compile(r"\[([^\]\n]+)\]\([^)\n]*\)"), r"\1"),
    (regex.compile(r"\[([^\]\n]+)\]\[(?!\^)[^\]\n]*\]"), r"\1"),
    (regex.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),
    (regex.compile(r"(?<![\w*\\])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\w*])"), r"\1"),
    (regex.compile(r"(?<![\w\\])_(?=[^\s_])(.+?)(?<=[^\s_])_(?!\w)"), r"\1"),
    (regex.compile(r"~~(?=\S)(.+?)(?<=\S)~~"), r"\1"),
    (regex.compile(r"`([^`\n]+)`"), r"\1"),
    (
        regex.compile(r"^[ \t]*<h([1-6])\b[^>\n]*+>([^<\n]*+)</h\1>[ \t]*$", regex.IGNORECASE),
        lambda match: "#" * int(match.group(1)) + " " + match.group(2).strip() if match.group(2).strip() else "",
    ),
    (regex.compile(r"<br\s*/?>", regex.IGNORECASE), "\n"),
    # (the elements' list grew in session 39: see test_html_that_wraps_words_in_markdown_keeps_the_words)
    (regex.compile(rf"</?(?:{'|'.join(sorted(markdown._INLINE_TAGS))})\b[^>]*>", regex.IGNORECASE), ""),
    (regex.compile(r"\\([\\`*_{}\[\]()#+\-.!|~>])"), r"\1"),
)

TOKENS = [
    "*", "**", "***", "_", "__", "~~", "~", "`", "[", "]", "(", ")", "![", "[![", "](", "][", "]:", "[[", "]]", "|",
    "/", "#", "{#", "{", "}", "<!--", "-->", "-", "%%", "<img", "<IMG", "<img src='a.png' alt=\"x\">", ">", "<em>",
    "</em>", "<strong ", "<b>", "<big>", "<Span>", "<br>", "<br/>", "<", " ", "  ", "\t", "a", "word", "x.png", "\\",
    ":", "^", "!", "1", "é", "\u00a0", "\n", "<h2>", "</h2>", ".", "[!note]", "{.", "{-", "]{", "){", "=",
    "+", "++", "::", "C++",
]  # fmt: skip

lines = st.lists(st.sampled_from(TOKENS), max_size=40).map("".join)
PASSES = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def test_the_passes_are_the_old_patterns_one_for_one() -> None:
    assert len(markdown._INLINE) == len(OLD)


@PASSES
@given(lines)
def test_each_pass_answers_as_its_regular_expression_did(line: str) -> None:
    for number, (new, (pattern, replacement)) in enumerate(zip(markdown._INLINE, OLD, strict=True)):
        assert new(line) == pattern.sub(replacement, line), (number, pattern.pattern)


@PASSES
@given(st.lists(lines, min_size=1, max_size=4))
def test_whole_lines_are_stripped_as_before(texts: list[str]) -> None:
    text = "\n".join(texts)
    expected = []
    lines = text.split("\n")
    for index, line in enumerate(lines):
        if line.endswith("\\") and not line.endswith("\\\\") and index + 1 < len(lines):
            line = line[:-1]  # a hard line break (session 43): the backslash goes, the break stays
        if markdown.is_scene_break(line):
            expected.append(line)
            continue
        if markdown._CALLOUT_ONLY.match(line):
            continue
        for pattern, replacement in OLD:
            line = pattern.sub(replacement, line)
        expected.append(line)
    assert strip_inline_markup(text) == "\n".join(expected)


def test_ordinary_markdown_keeps_its_answers() -> None:
    """Guard: the markup a story uses comes off as it did."""
    text = (
        "**Bold** and __bold__, *it* and _it_, ~~gone~~ and `code`; a [link](http://x.org) and [ref][1].\n"
        "![A map](map.png) <img src=\"p.png\" alt='The pier'> [![alt](i.png)](u) <em>so</em> <br> 2 * 3 * 4\n"
        "snake_case_name and a_b, [[Notes/Chapter 1#Scene]] [[page|Shown]] %%hidden%% <!-- gone -->\n"
        "## Chapter 1 {#chapter-1}\n[1]: http://example.org\n\\*kept\\* [^1] and [text][^2]"
    )
    assert strip_inline_markup(text).split("\n") == [
        "Bold and bold, it and it, gone and code; a link and ref.",
        f"{image_line('A map')} {image_line('The pier')} {image_line('alt')} so ",
        " 2 * 3 * 4",
        "snake_case_name and a_b, Chapter 1 Shown  ",
        "## Chapter 1",
        "",
        "*kept* [^1] and [text][^2]",
    ]


@pytest.mark.parametrize(
    "opener",
    [
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
        "[a]{.",
        "a){w=",
    ],
)
def test_a_line_of_openers_that_never_close_is_read_in_linear_time(opener: str) -> None:
    """One line of 29 KB of "*a " took 9.7 s (each opener's lazy span read the rest of the line), and
    the file's 1 s wall-clock budget then kept the markup of every line after it, more of them the
    more loaded the machine. A 2 MB line of any opener is now read to its end in a second or two of CPU."""
    line = "x " + opener * (2_000_000 // len(opener)) + " *tail*"
    started = time.process_time()
    out = strip_inline_markup(line)
    assert time.process_time() - started < 3.0
    assert out.endswith("tail")  # the line was read to its end: its last emphasis came off too


def test_long_wiki_names_and_blank_runs_are_read_once() -> None:
    """A wiki link's name of 20,000 characters took 1.5 s (every way to split it at a "/" was tried),
    and 20,000 blanks before "{#" 0.6 s (tried from each blank): 2 MB of each is quick now."""
    for line in ["[[" + "a" * 2_000_000, "[[" + "a/" * 1_000_000 + "]]", "x" + " " * 2_000_000 + "{#a", "[[a"]:
        started = time.process_time()
        strip_inline_markup(line)
        assert time.process_time() - started < 3.0


def test_html_that_wraps_words_in_markdown_keeps_the_words() -> None:
    """A link's, a font's or a deletion's tags in a Markdown story were posted as text, escaped."""
    text = 'She said <a href="x">left</a>. <font color=red>Red</font>, <del>no</del> <q>yes</q> <code>x</code>.'
    assert strip_inline_markup(text) == "She said left. Red, no yes x."
    assert strip_inline_markup("<table><tr><td>a</td></tr></table> <aside>x</aside>") == (
        "<table><tr><td>a</td></tr></table> <aside>x</aside>"
    )  # blocks are not words' wrappers: left to the readers that know their shape
