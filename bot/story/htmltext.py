"""HTML to story items: paragraphs, headings and scene breaks, never anything executable.

HTML is only ever parsed (BeautifulSoup over lxml): scripts, styles and embedded objects
are removed before any text is read, and nothing in the document is fetched or run.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator

from bs4 import BeautifulSoup, Comment, NavigableString, PageElement, Tag, XMLParsedAsHTMLWarning

from bot.story.errors import StoryFormatError
from bot.story.limits import DEFAULT_MAX_CHAPTERS, MAX_HTML_ELEMENTS
from bot.story.model import Story
from bot.story.plaintext import build_story
from bot.story.structure import Heading, Item, Para, SceneBreak, is_scene_break, match_heading

DANGEROUS = ("script", "style", "noscript", "iframe", "object", "embed", "template", "svg", "math", "form")
_BLOCKS = frozenset(
    [
        "p",
        "div",
        "blockquote",
        "section",
        "article",
        "main",
        "header",
        "footer",
        "aside",
        "center",
        "ul",
        "ol",
        "li",
        "dl",
        "dt",
        "dd",
        "table",
        "tbody",
        "thead",
        "tr",
        "td",
        "th",
        "pre",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "figure",
        "figcaption",
        "address",
        "details",
        "summary",
        "body",
        "html",
        "nav",
    ]
)
_HEADINGS = frozenset(["h1", "h2", "h3", "h4", "h5", "h6"])
_SPACE = re.compile(r"[ \t\n\r\f\v\u00a0]+")
_BR = "\u2028"  # stands in for <br> while whitespace is collapsed


def make_soup(markup: str | bytes) -> BeautifulSoup:
    """Parsed, with everything executable removed and ``<br>`` marked, in one pass over the tree.

    The caller checks :func:`check_markup` first: the tree costs tens of microseconds per element.
    """
    markup = strip_doctype(markup)
    with warnings.catch_warnings():
        # XHTML from EPUBs is read with the HTML parser on purpose: it forgives broken markup.
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        soup = BeautifulSoup(markup, "lxml")
    dangerous: list[Tag] = []
    comments: list[Comment] = []
    breaks: list[Tag] = []
    for node in soup.descendants:
        if isinstance(node, Tag):
            if node.name in DANGEROUS:
                dangerous.append(node)
            elif node.name == "br":
                breaks.append(node)
        elif isinstance(node, Comment):
            comments.append(node)
    for tag in dangerous:
        tag.decompose()
    for comment in comments:
        if not comment.decomposed:  # not inside a removed element
            comment.extract()
    for br in breaks:
        if not br.decomposed:
            br.replace_with(_BR)
    return soup


_DOCTYPE = re.compile(r"\A(\s*(?:<\?xml[^>]{0,500}>\s*)?)<!DOCTYPE(?:[^\[>]|\[[^\]]*\])*>", re.IGNORECASE)
_DOCTYPE_BYTES = re.compile(_DOCTYPE.pattern.encode(), re.IGNORECASE)


def strip_doctype(markup: str | bytes) -> str | bytes:
    """The markup without its DOCTYPE, internal subset included.

    The HTML parser does not read a DOCTYPE's internal subset (``[<!ENTITY ...>]``): it would
    end the DOCTYPE at the first ``>`` and show the rest, down to ``]>``, as story text. No
    entity it declares is ever expanded (billion laughs) or fetched (XXE): they stay as text.
    The pattern is anchored at the start, so it costs one pass at most.
    """
    pattern = _DOCTYPE if isinstance(markup, str) else _DOCTYPE_BYTES
    match = pattern.match(markup)  # type: ignore[arg-type]
    return markup if match is None else markup[: match.end(1)] + markup[match.end() :]


def check_markup(markup: str | bytes, *, spent: int = 0) -> int:
    """Refuse markup with more elements than any story needs; returns the elements counted.

    Counted on the text at C speed (an opening ``<`` that is not ``</``), before any tree is
    built; ``spent`` is what earlier documents of the same book already used.
    """
    opening = "<" if isinstance(markup, str) else b"<"
    closing = "</" if isinstance(markup, str) else b"</"
    elements = spent + markup.count(opening) - markup.count(closing)  # type: ignore[arg-type]
    if elements > MAX_HTML_ELEMENTS:
        raise StoryFormatError(
            f"The file has more than {MAX_HTML_ELEMENTS:,} HTML elements, far more than any story needs; "
            "save it as plain text or split it."
        )
    return elements


def clean_text(text: str) -> str:
    """Collapse HTML whitespace; <br> becomes a line break."""
    lines = [_SPACE.sub(" ", line).strip() for line in text.split(_BR)]
    return "\n".join(lines).strip("\n").strip()


def element_text(element: Tag) -> str:
    return clean_text(element.get_text())


def html_items(container: Tag, *, headings: bool = True) -> list[Item]:
    """Walk block elements in order; inline runs between blocks become paragraphs."""
    raw: list[Item | None] = []  # None marks an empty paragraph (a deliberate blank line)
    _walk(container, raw, headings)
    return _resolve_blanks(raw)


def _walk(root: Tag, out: list[Item | None], headings: bool) -> None:
    """Blocks in document order, with an explicit stack: nesting depth costs no recursion."""
    stack: list[tuple[Iterator[PageElement], list[str]]] = [(iter(root.children), [])]
    while stack:
        children, inline = stack[-1]
        for child in children:
            if isinstance(child, NavigableString):
                inline.append(str(child))
                continue
            if not isinstance(child, Tag):
                continue
            name = child.name
            if name not in _BLOCKS:
                inline.append(child.get_text())
                continue
            _flush(inline, out)
            if name == "hr":
                out.append(SceneBreak("<hr>"))
            elif name in _HEADINGS:
                _heading(child, out, headings)
            elif name == "pre":
                text = child.get_text().replace(_BR, "\n").strip("\n")
                if text.strip():
                    out.append(Para(text))
            elif name in ("p", "li", "dt", "dd", "figcaption", "summary") or not _has_block_child(child):
                text = element_text(child)
                out.append(_paragraph(text, headings=headings) if text else None)
            else:
                stack.append((iter(child.children), []))
                break  # walk the child's blocks first, then come back to this element's next child
        else:
            _flush(inline, out)
            stack.pop()


def _flush(inline: list[str], out: list[Item | None]) -> None:
    """Inline text gathered between blocks becomes one paragraph."""
    text = clean_text("".join(inline))
    inline.clear()
    if text:
        out.append(_paragraph(text))


def _heading(tag: Tag, out: list[Item | None], headings: bool) -> None:
    text = element_text(tag)
    if not text:
        return
    if headings:
        heading = match_heading(text) or Heading(text, "markdown", int(tag.name[1]), text)
        heading.level = int(tag.name[1])
        out.append(heading)
    else:
        out.append(_paragraph(text))


def _has_block_child(tag: Tag) -> bool:
    return any(isinstance(child, Tag) and child.name in _BLOCKS for child in tag.children)


def _paragraph(text: str, *, headings: bool = False) -> Item:
    """A paragraph, a scene break, or (where the page's headings count) a chapter heading set as
    a plain paragraph: Google Docs, Word and many converted EPUBs write "Chapter One" as a bold
    <p>, not an <h2>. Only a whole paragraph that names a chapter, part or prologue counts, as a
    line alone does in plain text."""
    if is_scene_break(text):
        return SceneBreak(text)
    if headings and "\n" not in text:
        heading = match_heading(text, markdown=False)
        if heading is not None and heading.kind != "markdown":
            return heading
    return Para(text)


def _resolve_blanks(raw: list[Item | None]) -> list[Item]:
    """Empty paragraphs mark scenes, unless the author put one between every paragraph."""
    paragraphs = sum(1 for item in raw if isinstance(item, Para))
    blanks = sum(1 for item in raw if item is None)
    blanks_are_breaks = blanks > 0 and blanks * 2 < paragraphs
    items: list[Item] = []
    pending_blank = False
    for item in raw:
        if item is None:
            pending_blank = True
            continue
        if pending_blank and blanks_are_breaks and items and isinstance(item, Para):
            items.append(SceneBreak(""))
        pending_blank = False
        items.append(item)
    return items


def parse_generic_html(
    soup: BeautifulSoup, filename: str, source_format: str = "html", *, max_chapters: int = DEFAULT_MAX_CHAPTERS
) -> Story:
    """Any HTML page: <h1>-<h6> headings as chapters, paragraphs as text, <hr> as scenes."""
    body = soup.body or soup
    items = html_items(body)
    title = soup.find("title")
    meta_author = soup.find("meta", attrs={"name": "author"})
    prefix: list[Item] = []
    if meta_author and meta_author.get("content"):
        prefix.append(Para(f"Author: {meta_author['content']}", 0))
    # The page's <title> is often the document's file name ("The Understudy - draft 3"): a title
    # the text gives itself (an <h1>, a title line over a "by" line) comes first.
    fallback = element_text(title) if title else None
    return build_story(
        prefix + items, filename, source_format, max_chapters=max_chapters, fallback_title=fallback or None
    )
