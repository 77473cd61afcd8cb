"""HTML to story items: paragraphs, headings and scene breaks, never anything executable.

HTML is only ever parsed (BeautifulSoup over lxml): scripts, styles and embedded objects
are removed before any text is read, and nothing in the document is fetched or run.
"""

from __future__ import annotations

import itertools
import re
import warnings
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from itertools import groupby

from bs4 import (
    BeautifulSoup,
    Comment,
    NavigableString,
    PageElement,
    ResultSet,
    SoupStrainer,
    Tag,
    XMLParsedAsHTMLWarning,
)

from bot.story.bylines import by_line_author
from bot.story.contents_lists import contents_label
from bot.story.errors import StoryFormatError
from bot.story.footnotes import FOOTNOTE_LABELS
from bot.story.front_pages import IMAGE, image_line
from bot.story.limits import DEFAULT_MAX_CHAPTERS, MAX_HTML_ELEMENTS, MAX_NOTE_BOX_DEPTH, MAX_NOTE_BOXES
from bot.story.lookalikes import undisguise_labels
from bot.story.metadata_fields import parse_field, strung_fields
from bot.story.model import Story
from bot.story.note_headings import WARNINGS, box_note, heading_label, note_sections, note_title
from bot.story.plaintext import build_story
from bot.story.site_chrome import arrowed_nav
from bot.story.structure import (
    HEADING_MAX_CHARS,
    Heading,
    Item,
    Para,
    SceneBreak,
    bare_number_heading,
    date_entry,
    is_scene_break,
    lesser_headings_as_text,
    lone_number,
    lone_number_headings,
    match_heading,
    titles_from_next_line,
)
from bot.story.tag_index import Indexed, Subtree, matching_tags, tag_removed
from bot.story.text_declarations import declaration_line, is_labelled_note, strip_note_label
from bot.story.webpage import (
    AUTHOR_HREF,
    TEXT_ONLY,
    address_byline,
    ao3_title_author,
    blog_chatter,
    blog_post_byline,
    box_title,
    chapter_heading_alone,
    chapter_links,
    chapter_title_blocks,
    closing_site_block,
    contents_page,
    date_line,
    divider_images,
    forum_author,
    forum_replies,
    names_author_note,
    newsletter_notes,
    own_line,
    page_author,
    post_subtitle,
    reader_view_domain,
    reader_view_header,
    reader_view_story,
    separate_chips,
    site_header_name,
    spoiler_boxes,
    squeezed_text,
    stats_line,
    story_byline,
    story_link_heading,
    strip_page_chrome,
    tagline_author,
    title_blog_author,
    title_by_author,
    tumblr_blog,
    tumblr_reblog,
    wikisource_author,
    without_author_line,
    without_chapter_heading,
    without_domain_name,
    without_form_suffix,
    without_site_name,
    without_title_by,
)

DANGEROUS = ("script", "style", "noscript", "iframe", "object", "embed", "template", "svg", "math", "form")
BLOCKS = frozenset(
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
# Blocks the walk reads whole whatever stands inside them (each is in BLOCKS, and none in _TOC_BLOCKS but "p").
_WHOLE_BLOCKS = frozenset(["p", "li", "dt", "dd", "figcaption", "summary"])
_SPACE = re.compile(r"[ \t\n\r\f\v\u00a0]+")
_BR = "\u2028"  # stands in for <br> while whitespace is collapsed
LINE_BREAK = _BR  # what make_soup puts where a <br> was, for markup added to its tree
_SOFT_BR = "\u2029"  # a line break only where the text has none already: either side of an image line
# Never story: a page's navigation, and a dropdown's options (FanFiction.net's chapter select).
_SKIPPED = frozenset(["nav", "select"])
# A list, nav or paragraph of links to anchors in the page is a table of contents; these
# are the blocks checked, and the labels of a heading just before one.
_TOC_BLOCKS = frozenset(["p", "div", "ul", "ol", "td", "center"])
_LISTS = frozenset(["ul", "ol", "dl", "nav"])
_CONTENTS_LABELS = frozenset(
    [
        *("contents", "table of contents", "toc", "chapters", "chapter list", "index"),
        *("illustrations", "list of illustrations", "list of plates", "plates", "maps"),  # a printed book's lists
    ]
)
_LINK_FILLER = " \t\n\r\f\v\u00a0" + _BR + _SOFT_BR + "|·•-–—,;/()[]"
TOC_MAX_NODES = 20_000  # a contents list longer than this is read as text: a bounded check
# What may stand beside a contents entry's link: its page number, dot leaders.
_PAGE_NUMBERS = re.compile(r"(?:[\d.\u2026 \t\u00a0]*|[ivxlc]{1,6})", re.IGNORECASE)
# A "Label: value" table row: a short first cell, closed by a colon (or a header cell).
_LABEL_MAX_CHARS = 40


class _FastFind:
    """Beautiful Soup's searches (``find_all``, ``find``, ``find_parent``, ``find_next_sibling`` ...)
    with the same answers at a fraction of the cost per element passed over.

    Since 4.13 every search but one by a single name sends each element through a general filter
    (a generator step, a match and a rule per name), some 20 us each: the readers' fifteen
    searches of the whole tree cost more than building it (a 780 KB file of 100,000 tiny
    elements took 12 s to read). Here the search's rules are built once by the same
    ``SoupStrainer``, and an element is handed to them only when it is a tag with one of the
    names asked for and every attribute a rule needs present (an absent attribute fails every
    rule but a function or ``False``); what passes is matched by the strainer itself. A search of
    all inside an element reads only the tags the page's index says could match
    (:mod:`bot.story.tag_index`). A search for text, or with a rule these checks cannot tell (a
    ``limit`` of 0), is Beautiful Soup's own.
    """

    def _find_all(self, name, attrs, string, limit, generator, **kwargs):  # type: ignore[no-untyped-def]
        root = generator.root if isinstance(generator, Subtree) else None
        if root is not None:
            generator = root.descendants  # the walk, for whatever the index cannot answer
        if string is not None or limit == 0 or "text" in kwargs or "_class" in kwargs or not _plain_query(name):
            return super()._find_all(name, attrs, string, limit, generator, **kwargs)  # type: ignore[misc]
        strainer = SoupStrainer(name, attrs, None, **kwargs)
        if not (strainer.name_rules or strainer.attribute_rules):
            return super()._find_all(name, attrs, string, limit, generator, **kwargs)  # type: ignore[misc]
        return ResultSet(strainer, matching_tags(strainer, generator, limit, root))


def _plain_query(name: object) -> bool:
    """A name Beautiful Soup reads as name rules (no filter object of its own)."""
    return name is None or isinstance(name, (str, bool, list, tuple, set, frozenset, re.Pattern)) or callable(name)


class _Soup(_FastFind, Indexed, BeautifulSoup):
    """The document: its searches are :class:`_FastFind`'s, as its elements' are."""


class _Tag(_FastFind, Indexed, Tag):
    """A tag that looks for a child from where it last found one.

    Taking an element out of the tree or putting one beside it (``extract``, ``decompose``,
    ``replace_with``, ``insert_before``) first finds its place among its parent's children, which
    Beautiful Soup does by reading them from the first: every ``<br>`` of a paragraph of fifty
    thousand replaced in turn read 1.25 billion children (a 120 KB EPUB chapter took 3 s, twice
    that size five times as long). The readers change elements in the order they come, so each
    look starts beside the last place found and reads outward: the same place, found in steps.
    """

    _last_index = 0
    # Beautiful Soup reads an attribute a tag lacks as a search of what is inside it: "is it
    # decomposed?" cost a search per element asked.
    _decomposed = False

    def index(self, element: PageElement) -> int:
        contents = self.contents
        size = len(contents)
        start = min(self._last_index, size)
        for distance in range(max(start, size - start) + 1):
            for position in (start + distance, start - distance - 1):
                if 0 <= position < size and contents[position] is element:
                    self._last_index = position
                    return position
        raise ValueError("Tag.index: element not in tag")


def new_soup(markup: str | bytes) -> BeautifulSoup:
    """Markup parsed by the HTML parser into :class:`_Tag` elements; every reader's tree is made here."""
    with warnings.catch_warnings():
        # XHTML from EPUBs is read with the HTML parser on purpose: it forgives broken markup.
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        return _Soup(markup, "lxml", element_classes={Tag: _Tag})


def make_soup(markup: str | bytes) -> BeautifulSoup:
    """Parsed, with everything executable removed and ``<br>`` marked, in one pass over the tree.

    The caller checks :func:`check_markup` first: the tree costs tens of microseconds per element.
    """
    if isinstance(markup, str):
        markup = undisguise_labels(markup)  # "<p>Ｗａｒｎｉｎｇｓ： ..." declares as "<p>Warnings: ..." does
    soup = new_soup(strip_doctype(markup))
    dangerous: list[Tag] = []
    comments: list[Comment] = []
    breaks: list[Tag] = []
    hidden_classes: set[str] = set()
    reveals = [_REVEALS_MOST]  # hidden warnings a page may show: a few boxes, not thousands
    kept_forms: list[Tag] = []  # forms holding story text, and every form inside one
    form_end: PageElement | None = None  # the last node of the outermost form being walked
    form_kept = False
    for node in soup.descendants:
        if isinstance(node, Tag):
            if node.name == "style":
                hidden_classes.update(_hidden_classes(node.get_text()))
            if node.name == "form":
                if form_end is None:
                    form_end, form_kept = _last_node(node), _holds_prose(node)
                    (kept_forms if form_kept else dangerous).append(node)
                elif form_kept:
                    kept_forms.append(node)
            elif _taken_out(node, form_kept, reveals):
                dangerous.append(node)
            elif node.name == "br":
                breaks.append(node)
        elif isinstance(node, Comment):
            comments.append(node)
        if node is form_end:
            form_end, form_kept = None, False
    inserted = _tool_inserts(comments)
    if hidden_classes or inserted:
        if hidden_classes:
            classed = soup.find_all(class_=lambda names: names in hidden_classes)
            dangerous.extend(tag for tag in classed if not _revealed_warning(tag, reveals))
        dangerous.extend(inserted)
        order = {id(node): index for index, node in enumerate(soup.descendants)}
        dangerous.sort(key=lambda tag: order[id(tag)])
    take_out(dangerous)
    take_out(comments)  # but those inside a removed element
    for form in kept_forms:
        if not form.decomposed:
            form.unwrap()
    for br in breaks:
        if not br.decomposed:
            _swap(br, NavigableString(_BR))
    return soup


# A form's own controls, taken out of a form kept for the text it holds.
_FORM_CONTROLS = frozenset(["input", "textarea", "select", "option", "button", "label"])
# The text a form holds outside its controls for it to be a page's story: old Reddit sets a post's
# text in <form class="usertext">, and an ASP.NET page sets its whole body in one form. A login,
# search or comment box holds a few labels ("Your email address will not be published.").
_FORM_PROSE = 300
_CONTROL_DEPTH = 3  # a string's nearest ancestors looked at for a control: a button's <span> in it


def _taken_out(node: Tag, in_kept_form: bool, reveals: list[int]) -> bool:
    """Whether make_soup takes an element out: what runs or embeds, a kept form's controls, and
    what the page hides but the author's warnings hidden for a reader to open."""
    if node.name in DANGEROUS or (in_kept_form and node.name in _FORM_CONTROLS):
        return True
    return _hidden(node) and not _revealed_warning(node, reveals)


def _holds_prose(form: Tag) -> bool:
    """Whether a form holds story text: ``_FORM_PROSE`` characters at least outside its controls.

    Forms were taken out whole as a login or comment box is, and with them the text of an old
    Reddit post (its story a paragraph of "submitted 3 years ago by ..." alone) and of any page
    whose body is one form. Each string's few nearest ancestors are looked at; the walk stops at
    the count, and forms inside the outermost one are never walked again: they go or stay with it
    (make_soup)."""
    count = 0
    for node in form.descendants:
        if not isinstance(node, NavigableString) or isinstance(node, Comment):
            continue
        parent, depth = node.parent, 0
        while parent is not None and parent is not form and depth < _CONTROL_DEPTH:
            if parent.name in _FORM_CONTROLS:
                break
            parent, depth = parent.parent, depth + 1
        else:
            count += len(node.strip())
            if count >= _FORM_PROSE:
                return True
    return False


def _last_node(tag: Tag) -> PageElement:
    """The last node inside ``tag`` in the document's order (the tag itself when it is empty)."""
    last: PageElement = tag
    while isinstance(last, Tag) and last.contents:
        last = last.contents[-1]
    return last


# What an archiving tool wraps the block it adds to a saved page in: the Wayback Machine's
# "<!-- BEGIN WAYBACK TOOLBAR INSERT -->" ... "<!-- END WAYBACK TOOLBAR INSERT -->" around its toolbar
# ("Wayback Machine", "2 captures", its calendar's months), which was a chapter before the story's.
_INSERT_MARK = re.compile(r"\s*(BEGIN|END)\s+([A-Z][A-Z0-9 _-]{0,40}?)\s+INSERT\s*")


def _tool_inserts(comments: list[Comment]) -> list[PageElement]:
    """The nodes between a tool's BEGIN ... INSERT comment and its END comment among the same
    parent's children; none where the END is not found there (a comment alone removes nothing).

    Each parent holding a BEGIN has its children walked once, every BEGIN still open waiting for its
    END: 20,000 BEGIN comments with no END each walked the siblings after them (over 90 s)."""
    parents: dict[int, Tag] = {}
    for comment in comments:
        mark = _INSERT_MARK.fullmatch(comment)
        if mark is not None and mark.group(1) == "BEGIN" and comment.parent is not None:
            parents.setdefault(id(comment.parent), comment.parent)
    found: list[PageElement] = []
    for parent in parents.values():
        opened: dict[str, int] = {}  # each tool's first BEGIN not yet closed, by where it stands
        children = parent.contents
        for position, child in enumerate(children):
            mark = _INSERT_MARK.fullmatch(child) if isinstance(child, Comment) else None
            if mark is None:
                continue
            if mark.group(1) == "BEGIN":
                opened.setdefault(mark.group(2), position)
            elif (begin := opened.pop(mark.group(2), None)) is not None:
                found.extend(node for node in children[begin + 1 : position] if not isinstance(node, Comment))
    return found


_REVEAL_CHARS = 400  # a warnings box a reader opens: a line or two
_REVEAL_NODES = 40
_REVEALS_MOST = 50  # hidden elements looked at as warnings on one page
_BRACKETED_TAIL = re.compile(r"\s*[(\[][^()\[\]]*[)\]]\s*$")


def _revealed_warning(tag: Tag, left: list[int]) -> bool:
    """Whether a hidden element is the author's warnings, hidden for a reader to open: its own text
    declares ("Content warning: a suicide attempt."), or it lists what follows a button or label
    saying so ("content warnings (click to show)" over "self-harm, an eating disorder"), which then
    leads its text. Taken out as unseen, the story's warnings were lost. A small element only."""
    if left[0] <= 0 or tag.name in DANGEROUS:
        return False
    if len(list(itertools.islice(tag.descendants, _REVEAL_NODES))) >= _REVEAL_NODES:
        return False
    text = " ".join(tag.get_text(" ").split())
    if not text or len(text) > _REVEAL_CHARS:
        return False
    left[0] -= 1
    if declaration_line(text):
        return True
    label = tag.find_previous_sibling()
    label_text = _BRACKETED_TAIL.sub("", " ".join(label.get_text(" ").split())) if isinstance(label, Tag) else ""
    if not label_text or len(label_text) > _LABEL_MAX_CHARS:
        return False
    found = heading_label(Heading(label_text, "markdown", 1, label_text))
    if found is None or found.kind != WARNINGS:
        return False
    tag.insert(0, NavigableString(f"{label_text.rstrip(':')}: "))
    return True


def take_out(nodes: list[PageElement]) -> None:
    """Each node in the tree, with all inside it, taken out of it and decomposed, as ``decompose``
    takes one, but its parent's children rewritten once for all of them: one at a time, each was
    looked for among them and the later ones moved, the square of their number (99,000 comments
    in one paragraph took 6 s). ``nodes`` come in the document's order; one inside another
    taken out is passed over."""
    emptied: dict[int, tuple[Tag, set[int]]] = {}
    for node in nodes:
        if node.decomposed:  # inside one taken out before it: a string decomposed has no parent left to read
            continue
        parent = node.parent
        if parent is None:
            continue
        last = node
        while isinstance(last, Tag) and last.contents:
            last = last.contents[-1]
        before, after = node.previous_element, last.next_element
        if before is not None:
            before.next_element = after
        if after is not None:
            after.previous_element = before
        if node.previous_sibling is not None:
            node.previous_sibling.next_sibling = node.next_sibling
        if node.next_sibling is not None:
            node.next_sibling.previous_sibling = node.previous_sibling
        emptied.setdefault(id(parent), (parent, set()))[1].add(id(node))
        node.parent = node.previous_element = node.previous_sibling = node.next_sibling = None
        last.next_element = None
        node.decompose()  # now out of the tree: marks all inside it, so none is taken out twice
    for parent, gone in emptied.values():
        parent.contents[:] = [child for child in parent.contents if id(child) not in gone]


def _swap(old: Tag, new: NavigableString) -> None:
    """``old.replace_with(new)``, in place for an element with nothing inside it (a ``<br>``).

    Beautiful Soup takes the old element out of its parent's children and puts the new one in,
    moving every later child twice: the ``<br>`` of one long paragraph cost the square of their
    number (99,000 took 10 s). Here the new one takes the old one's place and its links.
    """
    parent = old.parent
    if parent is None or old.contents:
        old.replace_with(new)
        return
    position = parent.index(old)
    tag_removed(old)
    new.parent = parent
    new.previous_element, new.next_element = old.previous_element, old.next_element
    new.previous_sibling, new.next_sibling = old.previous_sibling, old.next_sibling
    if new.previous_element is not None:
        new.previous_element.next_element = new
    if new.next_element is not None:
        new.next_element.previous_element = new
    if new.previous_sibling is not None:
        new.previous_sibling.next_sibling = new
    if new.next_sibling is not None:
        new.next_sibling.previous_sibling = new
    parent.contents[position] = new
    old.parent = old.previous_element = old.next_element = old.previous_sibling = old.next_sibling = None


_HIDDEN_STYLE = re.compile(r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b", re.IGNORECASE)
# A stylesheet rule hiding one class: ".cjZm...{display: none; speak: never;}" (Royal Road hides
# a line of its own in every chapter this way, for copies taken from the site).
_HIDDEN_RULE = re.compile(
    r"(?:^|[}\s,])\.([\w-]{1,100})\s*\{[^{}]{0,500}?(?:display\s*:\s*none|visibility\s*:\s*hidden)", re.IGNORECASE
)
STYLE_SCAN_CHARS = 200_000  # a stylesheet read for hidden classes is read this far


def _hidden(tag: Tag) -> bool:
    """Text no reader of the page sees: the ``hidden`` attribute, or an inline style hiding it; and
    a printed book's page numbers set in the margin (Project Gutenberg's ``<span class="pagenum">[Pg
    17]</span>``, in the middle of a sentence as often as not), which are no words of the book."""
    style = tag.get("style")
    if tag.has_attr("hidden") or (isinstance(style, str) and _HIDDEN_STYLE.search(style) is not None):
        return True
    return tag.name == "span" and _has_any_class(tag, _PAGE_NUMBER_CLASSES)


_PAGE_NUMBER_CLASSES = frozenset(["pagenum", "pageno", "page-number", "pagenumber", "pgnum"])


def _has_any_class(tag: Tag, names: frozenset[str]) -> bool:
    value = tag.get("class")
    classes = value.split() if isinstance(value, str) else value or []
    return any(name in names for name in classes)


def _hidden_classes(stylesheet: str) -> set[str]:
    """The classes a stylesheet hides with a rule of their own (a class alone as its selector)."""
    return {match.group(1) for match in _HIDDEN_RULE.finditer(stylesheet[:STYLE_SCAN_CHARS])}


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


# A "<" that opens a tag or a comment, as a parser reads it: a letter, "!" or "?" follows it.
_TAG_OPENING = re.compile(r"<[A-Za-z!?]")
_TAG_OPENING_BYTES = re.compile(rb"<[A-Za-z!?]")


def check_markup(markup: str | bytes, *, spent: int = 0) -> int:
    """Refuse markup with more elements than any story needs; returns the elements counted.

    Counted on the text at C speed (an opening ``<`` that is not ``</``), before any tree is
    built; ``spent`` is what earlier documents of the same book already used.
    """
    opening = "<" if isinstance(markup, str) else b"<"
    closing = "</" if isinstance(markup, str) else b"</"
    elements = spent + markup.count(opening) - markup.count(closing)  # type: ignore[arg-type]
    if elements > MAX_HTML_ELEMENTS:
        # Over by the quick count: count again, only the "<" that open a tag. A page of prose may
        # write "x < 3" or "<3" unescaped, which a parser reads as text, not as an element.
        pattern = _TAG_OPENING if isinstance(markup, str) else _TAG_OPENING_BYTES
        elements = spent + sum(1 for _ in pattern.finditer(markup))  # type: ignore[arg-type]
    if elements > MAX_HTML_ELEMENTS:
        raise StoryFormatError(
            # Named as counted: a page of a dozen elements and 60,000 comments, refused for "HTML
            # elements", left its author looking for elements to remove.
            f"The file has more than {MAX_HTML_ELEMENTS:,} HTML elements and comments, far more than any story needs; "
            "save it as plain text or split it."
        )
    return elements


def clean_text(text: str) -> str:
    """Collapse HTML whitespace; <br> becomes a line break, and an image line stands alone.

    A blank line two <br> make is the author's; the breaks around image lines never add one.
    """
    lines: list[str] = []
    for line in text.split(_BR):
        if _SOFT_BR not in line:
            lines.append(_SPACE.sub(" ", line).strip())
            continue
        parts = [part for part in (_SPACE.sub(" ", piece).strip() for piece in line.split(_SOFT_BR)) if part]
        lines.extend(parts or [""])
    return "\n".join(lines).strip("\n").strip()


def element_text(element: Tag) -> str:
    return clean_text(element.get_text())


def image_lines(root: Tag) -> None:
    """Every ``<img>`` under ``root`` becomes its "[Image: alt]" line, in one pass.

    A chapter that is only fanart then keeps its place (and AO3's numbering) instead of
    vanishing as an empty chapter. The line stands alone: line breaks go either side of it.
    """
    drop_cap_images(root)
    for img in root.find_all("img"):
        alt = img.get("alt")
        line = image_line(alt if isinstance(alt, str) else None)
        _swap(img, NavigableString(f"{_SOFT_BR}{line}{_SOFT_BR}"))


_TEXT_IMAGES_MOST = 2000  # images looked at in one book's document


def text_image_lines(root: Tag) -> None:
    """Each ``<img>`` under ``root`` that stands after some of its text becomes its "[Image: alt]"
    line, as :func:`image_lines` makes every one of a page's: an EPUB's map or letter inside a
    chapter left no trace, though the HTML and Markdown readers show one. An image before any text
    (a cover, a title page's art, a chapter's head-piece) is the book's dress, and goes as before;
    so does one whose ``alt`` is empty (marked as decoration), and a divider's marks are a scene
    break (:func:`divider_images`). One pass over the document, in order."""
    divider_images(root, decorative=True)
    seen_text = False
    images: list[Tag] = []
    for node in root.descendants:
        if type(node) is NavigableString:  # (not a comment's text)
            seen_text = seen_text or bool(node.strip())
        elif isinstance(node, Tag) and node.name == "img" and seen_text:
            images.append(node)
            if len(images) >= _TEXT_IMAGES_MOST:
                break
    for img in images:
        alt = img.get("alt")
        if isinstance(alt, str) and not alt.strip():
            continue
        line = image_line(alt if isinstance(alt, str) else None)
        _swap(img, NavigableString(f"{_SOFT_BR}{line}{_SOFT_BR}"))


def drop_cap_images(root: Tag) -> None:
    """An image of one letter (a drop cap drawn as a picture: ``<img class="dropcap" alt="T"/>he
    gulls ...``) becomes that letter: left out, the chapter opened "he gulls"."""
    for img in root.find_all("img"):
        alt = img.get("alt")
        if isinstance(alt, str) and len(alt.strip()) == 1 and alt.strip().isalpha():
            _swap(img, NavigableString(alt.strip()))


def html_items(container: Tag, *, headings: bool = True, note_headings: bool = False) -> list[Item]:
    """Walk block elements in order; inline runs between blocks become paragraphs.

    Without ``headings`` every heading element is a paragraph, except, with ``note_headings``,
    one whose whole text labels notes ("<h3>Author's Note</h3>"), kept for
    :func:`bot.story.note_headings.note_sections` to read: AO3's chapter text has no chapter
    headings of its own, yet an author's note section inside it is still a note."""
    raw: list[Item | None] = []  # None marks an empty paragraph (a deliberate blank line)
    _drop_contents_runs(container)
    _lists_under_warning_labels(container)
    _walk(container, raw, headings, note_headings)
    items = _without_numbers_over_titles(_resolve_blanks(raw))
    if headings:
        lone_number_headings(items)  # "<p><b>One</b></p>" over each chapter of a word processor's page
    lesser_headings_as_text(items)  # a "<p>Letter 2</p>" inside a fic's "Chapter 1" is its text
    return items


_LISTS_MOST = 500  # lists looked at in one part of a page or book
_LISTED_MOST = 40  # items of a list of warnings
_LISTED_CHARS = 80  # one warning, as a list item gives it


def _lists_under_warning_labels(root: Tag) -> None:
    """A list of warnings under its label ("<p><b>Trigger warnings:</b></p><ul><li>suicide</li>
    <li>grief</li></ul>") joined to the label, one line: read item by item, the label took the first
    ("Trigger warnings: suicide") and the rest were story text (a chapter "grief" before chapter one).
    Only a label of warnings alone in its block, ending in a colon, over a list of short items."""
    for listing in root.find_all(["ul", "ol"], limit=_LISTS_MOST):
        label = listing.find_previous_sibling()
        if not isinstance(label, Tag) or label.name not in _LABEL_BLOCKS or listing.parent is None:
            continue
        text = _short_text(label, _LABEL_CHARS)
        found = heading_label(Heading(text, "markdown", 3, text)) if text.endswith((":", "：")) else None
        if found is None or found.kind != WARNINGS:
            continue
        items = [" ".join(item.get_text(" ").split()) for item in listing.find_all("li", recursive=False)]
        if not items or len(items) > _LISTED_MOST or any(not item or len(item) > _LISTED_CHARS for item in items):
            continue
        label.clear()
        label.append(NavigableString(f"{text} {', '.join(items)}"))
        listing.decompose()


_LABEL_BLOCKS = frozenset(["p", "div", "h2", "h3", "h4", "h5", "h6"])
_LABEL_CHARS = 80


def _short_text(element: Tag, most: int) -> str:
    """An element's text on one line, or "" once it runs past ``most`` characters: only so much of
    it is read (a division of a whole chapter before a list is no label, and is not read whole)."""
    pieces: list[str] = []
    size = 0
    for piece in element.strings:
        size += len(piece)
        if size > most * 4:
            return ""
        pieces.append(piece)
    text = " ".join(" ".join(pieces).split())
    return text if len(text) <= most else ""


def _without_numbers_over_titles(items: list[Item]) -> list[Item]:
    """The items less a chapter's number set in a paragraph over its title heading (``<p
    class="chapter-number">1</p><h1>Low Water</h1>``, as book tools lay out a chapter's opening): read
    as text, the "1" was a paragraph at the end of the chapter before, or a chapter of its own."""
    return [
        item
        for index, item in enumerate(items)
        if not (
            isinstance(item, Para)
            and index + 1 < len(items)
            and isinstance(following := items[index + 1], Heading)
            and following.title is not None
            and lone_number(item.text)
        )
    ]


def _walk(root: Tag, out: list[Item | None], headings: bool, note_headings: bool = False) -> None:
    """Blocks in document order, with an explicit stack: nesting depth costs no recursion.

    Each frame also says whether it is inside a list: only the outermost list is checked for
    being a table of contents, so no element is read by more than one such check; and whether
    its lines may be headings: not inside an element marked :data:`TEXT_ONLY` (a threadmarked
    forum post, whose chapter the threadmark names).
    """
    stack: list[tuple[Iterator[PageElement], list[str], bool, bool]] = [(iter(root.children), [], False, headings)]
    lists = 0  # contents lists dropped
    while stack:
        children, inline, in_list, headings = stack[-1]
        for child in children:
            if isinstance(child, NavigableString):
                inline.append(str(child))
                continue
            if not isinstance(child, Tag) or child.name in _SKIPPED:
                continue
            name = child.name
            # Whether blocks stand inside it, asked once (it was asked up to three times an element); a
            # block read whole by its name is never asked.
            has_blocks = name not in _WHOLE_BLOCKS and _has_block_child(child)
            if name not in BLOCKS and not has_blocks:
                inline.append(child.get_text())
                continue
            _flush(inline, out, headings)
            inner_headings = headings and not child.has_attr(TEXT_ONLY)
            table = name == "table" and not _holds_table(child)
            if not in_list and (
                (_contents_candidate(child, has_blocks) and _is_contents(child)) or (table and _contents_table(child))
            ):
                _drop_contents_heading(out)
                lists += 1
                if lists <= _HEADED_LISTS_MOST:
                    _head_untitled_sections(_anchor_entries(child.find_all("a", href=True)), root)
            elif name == "hr":
                out.append(SceneBreak("<hr>"))
            elif name in _HEADINGS and not inner_headings and note_headings and _note_heading(child, out):
                pass
            elif name in _HEADINGS:
                _heading(child, out, inner_headings)
            elif name == "pre" and not has_blocks:  # Wattpad puts its <p>s in a <pre>
                text = child.get_text().replace(_BR, "\n").replace(_SOFT_BR, "\n").strip("\n")
                if text.strip():
                    out.append(Para(text))
            elif (table and (fields := _field_table(child))) or (name == "dl" and (fields := _field_list(child))):
                out.append(Para(fields))
            elif table and (rows := _data_table(child)):
                out.append(Para(rows))
            elif name in _WHOLE_BLOCKS or not has_blocks:
                whole = element_text(child)
                text = _without_navigation(whole)
                if text:
                    out.extend(_paragraphs(text, headings=inner_headings))
                elif not whole:
                    out.append(None)
            else:
                # An inline element around blocks (FanFicFare's <a name=...><h2>) is walked as one.
                stack.append((iter(child.children), [], in_list or name in _LISTS, inner_headings))
                break  # walk the child's blocks first, then come back to this element's next child
        else:
            _flush(inline, out, headings)
            stack.pop()


_SECTIONS = frozenset(["div", "section", "article"])
_HEADED_SECTIONS_MOST = 2000  # a contents list's entries whose sections are looked at
_HEADED_LISTS_MOST = 4  # contents lists on a page whose sections are looked at


def _anchor_entries(links: Iterable[Tag]) -> list[tuple[str, str]]:
    """The anchor each of a contents list's links points at in the page, with the link's text."""
    return [
        (href[1:], element_text(link))
        for link in itertools.islice(links, _HEADED_SECTIONS_MOST)
        if isinstance(href := link.get("href"), str) and href.startswith("#")
    ]


def _head_untitled_sections(entries: list[tuple[str, str]], root: Tag) -> None:
    """Each section a contents list links to that holds no heading is headed by its entry: FicHub's
    export sets each chapter in ``<div id="chap_2">`` under a list of links to them, the chapter's
    text with no heading of its own, and the book read as one chapter. Only divisions of blocks side by
    side are headed (a Gutenberg book's links point at an anchor over or in its chapter's heading), and
    only where two at least have none. The page's ids are gathered once a list (a page's first
    :data:`_HEADED_LISTS_MOST` lists are asked), each section read once: they share a parent, so none
    holds another."""
    entries = entries[:_HEADED_SECTIONS_MOST]
    wanted = {target for target, _ in entries}
    if len(wanted) < 2:
        return
    found: dict[str, Tag] = {}
    for element in root.find_all(id=True):
        target = element.get("id")
        if isinstance(target, str) and target in wanted and target not in found:
            found[target] = element
    # each section once, by its first entry (a page may list its chapters over and under them)
    sections = [(section, label) for target, label in entries if label and (section := found.pop(target, None))]
    parent = sections[0][0].parent if sections else None
    headless = [
        (section, label)
        for section, label in sections
        if section.parent is parent
        and section.name in _SECTIONS
        and _has_block_child(section)
        and section.find(_HEADINGS) is None
    ]
    if len(headless) < 2:
        return
    for section, label in headless:
        heading = Tag(name="h2")
        heading.append(NavigableString(label))
        section.insert(0, heading)


def _contents_candidate(tag: Tag, has_blocks: bool) -> bool:
    """A list, or a block the walk reads whole: checking only these reads no element twice."""
    return tag.name in ("ul", "ol", "p") or (tag.name in _TOC_BLOCKS and not has_blocks)


def _is_contents(block: Tag, minimum: int = 2) -> bool:
    """A block made only of links to anchors in the page (two or more): a table of contents.

    Separators and line breaks between the links are allowed; any other text, or a link
    elsewhere, makes it story. The walk skips each link's inside and stops at TOC_MAX_NODES.
    """
    links = 0
    seen = 0
    stack: list[Iterator[PageElement]] = [iter(block.children)]
    while stack:
        for node in stack[-1]:
            seen += 1
            if seen > TOC_MAX_NODES:
                return False
            if isinstance(node, NavigableString):
                if not _PAGE_NUMBERS.fullmatch(str(node).strip(_LINK_FILLER)):
                    return False
            elif isinstance(node, Tag):
                if node.name == "a":
                    href = node.get("href")
                    if not (isinstance(href, str) and len(href) > 1 and href.startswith("#")):
                        return False
                    links += 1
                else:
                    stack.append(iter(node.children))
                    break
        else:
            stack.pop()
    return links >= minimum


_CONTENTS_TABLE_ROWS = 2000


def _holds_table(table: Tag) -> bool:
    """Whether a table has a table inside: a page's layout, never a book's contents, a list of fields or
    a table of data. Asked, those three searched every row and cell under each table of a nest: 5,000
    nested tables (a 173 KB page) took 52 s of CPU. A walk down the children that stops at the first
    table, a few elements down in a nest (a search, or ``descendants``, first finds the table's last
    element: all of the nest under it, again for each table)."""
    stack: list[Iterator[PageElement]] = [iter(table.children)]
    while stack:
        for node in stack[-1]:
            if isinstance(node, Tag):
                if node.name == "table":
                    return True
                stack.append(iter(node.children))
                break
        else:
            stack.pop()
    return False


def _contents_table(table: Tag) -> bool:
    """A table whose every row but a header links into the page (two rows or more): a printed book's
    contents set as a table, each chapter's link, its title and its page (Project Gutenberg's HTML).
    Read as text, its heading had nothing under it and the book was refused. Never asked of a table
    holding a table (:func:`_holds_table`)."""
    rows = table.find_all("tr", limit=_CONTENTS_TABLE_ROWS + 1)
    if not 2 <= len(rows) <= _CONTENTS_TABLE_ROWS:
        return False
    linked = 0
    for row in rows:
        hrefs = [link.get("href") for link in row.find_all("a", href=True)]
        if any(not (isinstance(href, str) and href.startswith("#")) for href in hrefs):
            return False  # a link out of the page: a table of the story's, not its contents
        linked += bool(hrefs)
    return linked >= 2 and linked >= len(rows) - 1


def _drop_contents_runs(root: Tag) -> None:
    """Tables of contents written a paragraph per entry (Google Docs, Word and LibreOffice write
    theirs so, each link followed by its page number) are removed with their label.

    Two or more sibling paragraphs in a row, each only one link to an anchor in the page, are a
    contents list; one such paragraph alone is left as text.
    """
    run: list[Tag] = []
    entries: list[tuple[str, str]] = []  # what the lists dropped link to, headed once they all are
    for block in root.find_all(["p", "li", "div"]):
        if run and block.parent is run[-1].parent and run[-1].find_next_sibling(True) is block and _is_entry(block):
            run.append(block)
            continue
        _drop_run(run, entries)
        run = [block] if _is_entry(block) else []
    _drop_run(run, entries)
    _head_untitled_sections(entries, root)


def _is_entry(block: Tag) -> bool:
    if _has_block_child(block):  # checked first: a subtree is searched only for a block read whole
        return False
    return _links_in(block, 2) == 1 and _is_contents(block, minimum=1)


def _links_in(block: Tag, limit: int) -> int:
    """How many links ``block`` holds, counted up to ``limit``: asked of every paragraph of a page,
    where a search built its filter each time (some 150 us a paragraph, 4 s for 25,000)."""
    count = 0
    for element in block.descendants:
        if isinstance(element, Tag) and element.name == "a":
            count += 1
            if count >= limit:
                break
    return count


def _drop_run(run: list[Tag], entries: list[tuple[str, str]]) -> None:
    if len(run) < 2:
        return
    if len(entries) < _HEADED_SECTIONS_MOST:
        entries.extend(_anchor_entries(link for block in run for link in block.find_all("a", href=True, limit=2)))
    first = run[0]
    whole_list = (
        first.name == "li"
        and first.parent is not None
        and len(first.parent.find_all("li", recursive=False)) == len(run)
    )
    label = (first.parent if whole_list else first).find_previous_sibling(
        True
    )  # the "ILLUSTRATIONS" over a <ul> of them
    if label is not None and element_text(label).strip(" :").lower() in _CONTENTS_LABELS:
        label.decompose()
    for block in run:
        block.decompose()


def _drop_contents_heading(out: list[Item | None]) -> None:
    """The "Table of Contents" heading over a contents list goes with it."""
    while out and out[-1] is None:
        out.pop()
    last = out[-1] if out else None
    text = last.raw if isinstance(last, Heading) else last.text if isinstance(last, Para) else ""
    if text.strip(" :").lower() in _CONTENTS_LABELS:
        out.pop()


def _field_table(table: Tag) -> str | None:
    """A table whose every row is "Label:" | value (FanFicFare's metadata) as "Label: value" lines.

    One paragraph of lines, the shape the plain-text preamble reader knows; a value of a few
    paragraphs keeps them as lines. Any other table (a nested one included) is read as before.
    """
    rows = [row for section in _table_sections(table) for row in section.find_all("tr", recursive=False)]
    if not rows:
        return None
    lines: list[str] = []
    for row in rows:
        cells = row.find_all(["td", "th"], recursive=False)
        label = _label_cell(cells[0]) if len(cells) == 2 else ""
        if not label or len(label) > _LABEL_MAX_CHARS or "\n" in label:
            return None
        if not label.endswith(":"):
            # A header's table with its labels bare ("Title" | "Ferryman", as LiveJournal and
            # Dreamwidth posts set a fic's header) is fields too, when each label is a field's.
            if cells[0].name != "th" and parse_field(f"{label}:") is None:
                return None
            label += ":"
        value = _cell_lines(cells[1])
        if value is None:
            return None
        lines.append(f"{label} {value}".strip())
    return "\n".join(lines)


_FIELD_PAIRS_MOST = 30


def _field_list(terms: Tag) -> str | None:
    """A definition list of short terms, each over its value (``<dt>Chapter warnings</dt><dd>self-harm,
    blood</dd>``), as "Label: value" lines: read term by term, "Chapter warnings" and "self-harm,
    blood" were two paragraphs and declared nothing. None for any other list (a glossary's long
    definitions, terms with no value, a value of several blocks)."""
    children = [child for child in terms.children if isinstance(child, Tag)]
    if not children or len(children) > 2 * _FIELD_PAIRS_MOST or len(children) % 2:
        return None
    lines: list[str] = []
    for term, value in zip(children[::2], children[1::2], strict=True):
        if term.name != "dt" or value.name != "dd" or _has_block_child(term):
            return None
        label = " ".join(element_text(term).split()).rstrip(":")
        text = _cell_lines(value)
        if not label or len(label) > _LABEL_MAX_CHARS or not text or "\n" in text or len(text) > _DATA_CELL_CHARS:
            return None
        lines.append(f"{label}: {text}")
    return "\n".join(lines)


def _label_cell(cell: Tag) -> str:
    """A field table's label: the cell's text, or its one paragraph's (a word processor's table,
    LibreOffice's and Word's exports, sets every cell's text in a <p>: "Content warnings" |
    "Death of a parent; alcohol" read as two paragraphs and declared nothing). A cell of more
    blocks than one plain paragraph is no label ("" )."""
    if not _has_block_child(cell):
        return element_text(cell)
    blocks = [child for child in cell.children if isinstance(child, Tag)]
    if len(blocks) != 1 or blocks[0].name != "p" or _has_block_child(blocks[0]):
        return ""
    if any(isinstance(child, NavigableString) and child.strip() for child in cell.children):
        return ""
    return element_text(blocks[0])


_DATA_CELL_CHARS = 200
_DATA_COLUMNS = 12


def _data_table(table: Tag) -> str | None:
    """A table of short cells (a list a character reads out, a schedule) as one paragraph, a line a
    row and its cells set apart by " | ": cell by cell, each was a paragraph of its own. A table
    laying out a page (a cell of paragraphs) is read as before."""
    rows = [row for section in _table_sections(table) for row in section.find_all("tr", recursive=False)]
    lines: list[str] = []
    for row in rows:
        cells = row.find_all(["td", "th"], recursive=False)
        if not cells or len(cells) > _DATA_COLUMNS or any(_has_block_child(cell) for cell in cells):
            return None
        texts = [" ".join(element_text(cell).split()) for cell in cells]
        if any(len(text) > _DATA_CELL_CHARS for text in texts):
            return None
        if len(texts) == 2 and texts[0].endswith(":"):
            lines.append(" ".join(texts))  # "Rating:" | "Fiction T": a field, as a title page lists it
        elif any(texts):
            lines.append(" | ".join(texts))
    return "\n".join(lines) if len(lines) >= 2 else None


def _table_sections(table: Tag) -> list[Tag]:
    """The table and its direct row groups (lxml adds no <tbody>; XHTML often has one)."""
    groups = [child for child in table.children if isinstance(child, Tag) and child.name in ("thead", "tbody", "tfoot")]
    return [table, *groups]


def _cell_lines(cell: Tag) -> str | None:
    """A value cell's text, a line per paragraph; None when it nests deeper than paragraphs."""
    parts: list[str] = []
    inline: list[str] = []
    for child in cell.children:
        if isinstance(child, Tag) and child.name in BLOCKS:
            if child.name not in ("p", "div", "blockquote") or _has_block_child(child):
                return None
            parts.append(clean_text("".join(inline)))
            inline.clear()
            parts.append(element_text(child))
        elif isinstance(child, Tag):
            inline.append(child.get_text())
        elif isinstance(child, NavigableString):
            inline.append(str(child))
    parts.append(clean_text("".join(inline)))
    return "\n".join(part for part in parts if part)


def _flush(inline: list[str], out: list[Item | None], headings: bool) -> None:
    """Inline text gathered between blocks becomes its paragraphs (none gathered: nothing to read,
    which each of a deep nest's elements, block inside block, would otherwise pay for twice)."""
    if not inline:
        return
    text = _without_navigation(clean_text("".join(inline)))
    inline.clear()
    if text:
        out.extend(_paragraphs(text, headings=headings))


_ENTRY = re.compile(r"(?:^|(?<=\s))(\d{1,5})\.\s")
_PREV_MARKS = "<«‹←"
_NEXT_MARKS = ">»›→"
NAVIGATION_MAX_CHARS = 50_000


def is_navigation_line(line: str) -> bool:
    """FanFiction.net's chapter navigation pasted as text: "< Prev 1. The Letter 2. The Burrow Next >".

    A run of "N. Title" entries numbered 1, 2, 3 ... framed by "Prev" before or "Next" after
    (the first chapter's has no "Prev", the last one's no "Next"); or the bare "< Prev" /
    "Next >" buttons. Prose never reads like that, so the line is navigation, not story.
    """
    body = line.strip()
    if len(body) > NAVIGATION_MAX_CHARS:
        return False
    body, prev = _strip_frame(body, "prev", _PREV_MARKS, start=True)
    body, after = _strip_frame(body, "next", _NEXT_MARKS, start=False)
    if not body:
        return (prev or after) and any(mark in line for mark in _PREV_MARKS + _NEXT_MARKS)  # "< Prev" alone
    if not (prev or after):
        return False
    entries = list(_ENTRY.finditer(body))
    if len(entries) < 2 or entries[0].start() != 0:
        return False
    numbers = [int(entry.group(1)) for entry in entries]
    if numbers != list(range(1, len(numbers) + 1)):
        return False
    ends = [entry.start() for entry in entries[1:]] + [len(body)]
    return all(body[entry.end() : end].strip() for entry, end in zip(entries, ends, strict=True))


def _strip_frame(body: str, word: str, marks: str, *, start: bool) -> tuple[str, bool]:
    """``body`` without a "< Prev" at its start (or "Next >" at its end); whether one was there."""
    if start:
        rest = body.lstrip(marks + " \t")
        if rest[: len(word)].lower() == word and rest[len(word) : len(word) + 1] in ("", " ", "\t"):
            return rest[len(word) :].lstrip(), True
        return body, False
    rest = body.rstrip(marks + " \t")
    if rest[-len(word) :].lower() == word and rest[-len(word) - 1 : -len(word)] in ("", " ", "\t"):
        return rest[: -len(word)].rstrip(), True
    return body, False


def _without_navigation(text: str) -> str:
    """The paragraph without its chapter-navigation lines (:func:`is_navigation_line`)."""
    if "\n" not in text:
        return "" if is_navigation_line(text) else text
    return "\n".join(line for line in text.split("\n") if not is_navigation_line(line))


def _note_heading(tag: Tag, out: list[Item | None]) -> bool:
    """A heading element whose whole text labels notes, warnings or the text, kept as a heading."""
    text = element_text(tag)
    heading = Heading(text, "markdown", int(tag.name[1]), text)
    if not text or heading_label(heading) is None:
        return False
    out.append(heading)
    return True


def _heading(tag: Tag, out: list[Item | None], headings: bool) -> None:
    text = element_text(tag)
    if not text:
        return
    if not headings:
        out.append(_paragraph(text))
        return
    byline = _title_by_author(tag)
    if byline is not None:
        # The title page's heading, never a chapter's: read as one, a heading of a lower level than
        # the chapters' (FanFicFare's HTML sets it in an <h3> over <h2> chapters) was chapter 1, its
        # metadata under it (the story's "Warnings:" too) posted as that chapter's text.
        out.extend([Para(f"Title: {byline[0]}"), Para(f"Author: {byline[1]}")])
        return
    heading = (
        match_heading(text) or numbered_heading(text) or bare_number_heading(text) or Heading(text, "markdown", 2, text)
    )
    first, _, date = text.partition("\n")
    bare = match_heading(first) if date and date_entry(date) else None
    dated = bare is not None and bare.title is None
    if bare is not None and dated:  # "<h2>Chapter 1<br/>March 3rd, 1889</h2>": the date is its entry's first line
        heading = bare
    heading.level = int(tag.name[1])
    heading.lesser = None  # an <h2>Letter 2</h2> is a heading whatever the text around it
    out.append(heading)
    if dated:
        out.append(_paragraph(date.strip()))


# A number, then a stop, colon or bracket, a spaced dash or bar, or a line break, then the title.
_NUMBERED = re.compile(
    r"(?P<num>[^\s.):\-–—|]{1,14})(?:[.):]?[ \t]*\n\s*|[.):][ \t]+|[ \t]+[\-–—|][ \t]+)(?P<rest>\S.*)", re.DOTALL
)


def numbered_heading(text: str) -> Heading | None:
    """An <hN> or a TOC entry reading "1. Snowfall" (FanFicFare numbers its chapter titles), "III.
    Spring Tide", "4 – Slack Water", or the number over the title ("1<br>Low Water", "TWO<br>The
    Net Loft", as book tools set a chapter's opening): the title is "Snowfall", not the number too.

    Only for a heading element, which is a heading whatever it says; in a paragraph such a line
    is a list item. "2. Chapter 2" is read as "Chapter 2" is.
    """
    match = _NUMBERED.fullmatch(text)
    if match is None or not lone_number(match.group("num")):
        return None
    rest = match.group("rest")
    inner = match_heading(rest, markdown=False)
    if inner is not None:
        inner.raw = text
        return inner
    return Heading(rest, "markdown", 2, text)


_TITLE_TAGS = (
    "a",
    "b",
    "strong",
)  # the title's element: a link to the story, or set bold (FanFiction.net's phone page)
_TOP_BLOCKS = 6  # blocks at the top of a page looked at for its "Title by Author" line


def title_by_author_lines(body: Tag) -> None:
    """A line of the page's top, "<b>Title</b> by <a href="/u/77812/snowfall_scribe">snowfall_scribe</a>"
    (FanFiction.net's page as a phone shows it), or with the title a link, becomes its "Title:" and
    "Author:" lines, as the same heading does (:func:`_title_by_author`): read as text, it opened the
    chapter, and the story had no author."""
    for block in body.find_all(["div", "p", "center"], limit=_TOP_BLOCKS):
        if block.find(["div", "p", "center", "h1", "h2", "h3"]) is not None:
            continue
        found = _title_by_author(block)
        if found is not None:
            title, author = Tag(name="p"), Tag(name="p")
            title.string, author.string = f"Title: {found[0]}", f"Author: {found[1]}"
            block.replace_with(title)
            title.insert_after(author)
            return


def _title_by_author(tag: Tag) -> tuple[str, str] | None:
    """FanFicFare's title heading, ``<a>Title</a> by <a class="authorlink">Author</a>``, split in two.

    Only that shape: two links with "by" alone between them, the second one an author's link
    (FanFicFare's ``authorlink`` class, or an address of a user's page). A title that merely
    contains "by" is left whole.
    """
    parts = [child for child in tag.children if not (isinstance(child, NavigableString) and not child.strip())]
    if len(parts) != 3:
        return None
    title, between, author = parts
    if not (isinstance(title, Tag) and isinstance(author, Tag) and title.name in _TITLE_TAGS and author.name == "a"):
        return None
    if not isinstance(between, NavigableString) or between.strip().lower() not in ("by", "by:"):
        return None
    href = author.get("href")
    if "authorlink" not in (author.get("class") or []) and not (isinstance(href, str) and AUTHOR_HREF.search(href)):
        return None
    title_text, author_text = element_text(title), element_text(author)
    return (title_text, author_text) if title_text and author_text else None


def _has_block_child(tag: Tag, depth: int = 0) -> bool:
    """Whether a block stands among the element's children, or inside an inline element among them
    (Tumblr's post: ``<div><span><div><h1>Title</h1></div></span></div>``, a browser lays the heading
    out as a block all the same; read whole, the outer division made it a line of text). A custom
    element (its name holds a hyphen: new Reddit's ``<shreddit-app><shreddit-post><h1>``) is looked
    into as such a wrapper: read whole, a post saved from Reddit was one paragraph of its title, its
    by-line, its text and its comments. Inline wrappers are looked into a few levels deep only: the
    walk costs no more than a few passes."""
    wrappers: list[Tag] = []
    for child in tag.children:
        if not isinstance(child, Tag):
            continue
        if child.name in BLOCKS:
            return True
        if (child.name in _INLINE_WRAPPERS or "-" in child.name) and any(
            isinstance(inner, Tag) for inner in child.contents
        ):
            wrappers.append(child)  # (a link or an emphasis of words alone holds no block: not looked into)
    return depth < _INLINE_WRAPPERS_DEEP and any(_has_block_child(wrapper, depth + 1) for wrapper in wrappers)


_INLINE_WRAPPERS = frozenset(["span", "a", "font", "b", "strong", "i", "em", "u", "small", "label"])
_INLINE_WRAPPERS_DEEP = 2


_BLANK_LINES = re.compile(r"\n[ \t]*(?:\n[ \t]*)+")


def _paragraphs(text: str, *, headings: bool) -> list[Item]:
    """A block's text as its paragraphs: a blank line (two <br>) ends one, as in plain text.

    Forums (XenForo's posts on SpaceBattles and Sufficient Velocity), LiveJournal and many
    hand-made pages set a whole chapter as one block of lines with <br><br> between paragraphs:
    read as one paragraph, its "Chapter 2" lines and "* * *" dividers were story text, and the
    whole post one paragraph.
    """
    return [_paragraph(piece, headings=headings) for piece in _BLANK_LINES.split(text) if piece.strip()]


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
    """Empty paragraphs mark scenes, unless the author put one between every paragraph; then a
    longer run of them than between most paragraphs does (a document typed with an empty line
    after each paragraph and three between scenes, as Word and Google Docs files pasted into AO3 are)."""
    paragraphs = sum(1 for item in raw if isinstance(item, Para))
    runs = [len(list(group)) for blank, group in groupby(raw, key=lambda item: item is None) if blank]
    blanks_are_breaks = bool(runs) and sum(runs) * 2 < paragraphs
    spacing = 0 if blanks_are_breaks or not runs else Counter(runs).most_common(1)[0][0]
    items: list[Item] = []
    pending = 0  # empty paragraphs since the last item
    for item in raw:
        if item is None:
            pending += 1
            continue
        breaks = pending > spacing and (blanks_are_breaks or spacing) and items and isinstance(item, Para)
        if breaks and not _line_under_heading(items):  # "<h1>Chapter One</h1><p><i>The Reeds</i></p><p>&nbsp;</p>"
            items.append(SceneBreak(""))
        pending = 0
        items.append(item)
    return items


def _line_under_heading(items: list[Item]) -> bool:
    """Whether the last item is a short line right under a heading: a subtitle the empty paragraph
    after it spaces from the text, which divides no scenes."""
    if len(items) < 2 or not isinstance(items[-2], Heading) or not isinstance(last := items[-1], Para):
        return False
    return len(last.text) <= HEADING_MAX_CHARS and "\n" not in last.text


_IMAGE_ONLY = re.compile(rf"(?:\[{IMAGE}(?:: [^\]\n]*)?\]\n?)+")


def _without_front_images(items: list[Item]) -> list[Item]:
    """Images above the first chapter are a cover or a banner, not story: they are dropped there.

    They would stand between the title and the metadata and end the front matter early. The
    first chapter starts at the first heading other than a page's single <h1> (its title); a
    page with no such heading keeps every image after its first line of text.
    """
    level_one = sum(1 for item in items if isinstance(item, Heading) and item.level == 1)
    chapter = (
        index for index, item in enumerate(items) if isinstance(item, Heading) and (item.level != 1 or level_one > 1)
    )
    text = (index for index, item in enumerate(items) if not _is_image_only(item))
    end = next(chapter, None)
    end = next(text, 0) if end is None else end
    return [item for item in items[:end] if not _is_image_only(item)] + items[end:]


def _is_image_only(item: Item) -> bool:
    return isinstance(item, Para) and _IMAGE_ONLY.fullmatch(item.text) is not None


# What a book made as one page marks with ``epub:type`` around its story (Standard Ebooks' single-page
# edition): its imprint, colophon and licence, its lists. As in an EPUB (``epub._SKIP_TYPES``), never text.
_BOOK_APPARATUS = frozenset(
    ["imprint", "colophon", "copyright-page", "toc", "loi", "lot", "halftitlepage", "landmarks", "index", "page-list"]
)


def _epub_types(element: Tag) -> set[str]:
    return set(str(element.get("epub:type") or "").lower().split())


def single_page_book(body: Tag) -> str | None:
    """Take out of a book made as one page the parts ``epub:type`` marks as its apparatus (read as
    text, its imprint was the first chapter and its colophon and licence the last chapter's end), and
    its title page's "By Helena Voss." line; the author's name that line gives (None: no such page)."""
    author = None
    for element in body.find_all(attrs={"epub:type": True}):
        if element.decomposed:
            continue
        kinds = _epub_types(element)
        if kinds & _BOOK_APPARATUS and element.name in ("section", "div", "nav", "aside"):
            element.decompose()
        elif "z3998:author" in kinds and element.find_parent(attrs={"epub:type": "titlepage"}) is not None:
            author = author or squeezed_text(element) or None
            line = element.find_parent("p")
            if line is not None:
                line.decompose()
    return author


# A page is a plain-text story in <pre> when this share of its words, or more, stand in <pre>s.
_PREFORMATTED_SHARE = 0.9
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def preformatted_story(soup: BeautifulSoup) -> tuple[str, str | None] | None:
    """The text of a page that is a plain-text story in <pre> (an old archive's page, a .txt a browser
    showed and saved), with the page's <title>; None for any other page. Its header lines and chapter
    headings are read as a .txt's are: read as one block, a story of "Title:" lines and chapters was
    refused as metadata only, or came out as one paragraph holding every chapter. A poem or code in a
    <pre> inside a story's page is not most of its words, and stays a block of its own."""
    root = soup.body or soup
    pres = [pre for pre in root.find_all("pre") if not _has_block_child(pre)]
    if not pres:
        return None
    text = "\n\n".join(pre.get_text().replace(_BR, "\n").replace(_SOFT_BR, "\n").strip("\n") for pre in pres)
    if _BLANK_LINE.search(text) is None:
        return None
    inside = len("".join(text.split()))
    if inside < _PREFORMATTED_SHARE * len("".join(root.get_text().split())):
        return None
    title = soup.find("title")
    return text, element_text(title) if title else None


_ASIDE_CHARS = 400  # a warning set beside the text: a line or two
_ASIDE_NODES = 400  # ... however finely marked up
_ASIDES_MOST = 2_000


def warning_asides(body: Tag) -> None:
    """An ``<aside>`` (or an element whose role says so) that only warns of what the text holds
    ("CW: drowning, a death."), as a page or a book sets a chapter's warning beside its text, is
    read as a block of the text, to declare: an aside is the site's chrome otherwise, and the
    chapter's warning went with it. An aside of more nodes than a line or two takes is not read:
    each of 20,000 nested asides read the whole depth under it (30 s)."""
    for aside in body.find_all(_aside, limit=_ASIDES_MOST):
        if not holds_at_most(aside, _ASIDE_NODES):
            continue
        text = " ".join(element_text(aside).split())
        if 0 < len(text) <= _ASIDE_CHARS and declaration_line(text):
            aside.name = "div"
            if aside.get("role") == "complementary":
                del aside["role"]


def holds_at_most(tag: Tag, most: int) -> bool:
    """Whether ``tag`` holds at most ``most`` nodes, counted no further than that: walking
    ``tag.descendants`` (or ``get_text``) first finds the last of them, down the whole depth."""
    pending = [tag]
    count = 0
    while pending:
        children = pending.pop().contents
        count += len(children)
        if count > most:
            return False
        pending.extend(child for child in children if isinstance(child, Tag))
    return True


def _aside(tag: Tag) -> bool:
    return tag.name == "aside" or tag.get("role") == "complementary"


_ABSTRACT_CHARS = 1500  # a summary is a paragraph or two; a paper's long abstract is its own text


def abstract_summary(body: Tag) -> None:
    """A document's abstract, as Pandoc sets one in its title block (``<div class="abstract">`` under
    its "Abstract" title; ``role="doc-abstract"``, ``epub:type="abstract"`` elsewhere), becomes its
    "Summary:" line: read as text, "Abstract" and the blurb were the first chapter's opening lines and
    the story had no summary. The first such element only, and a short one."""
    abstract = body.find(_is_abstract)
    if not isinstance(abstract, Tag):
        return
    for title in abstract.find_all(class_="abstract-title"):
        title.decompose()
    first = abstract.find(_HEADING_NAMES)
    if isinstance(first, Tag) and element_text(first).strip(" :").casefold() in ("abstract", "summary"):
        first.decompose()
    text = " ".join(element_text(abstract).split())
    if text and len(text) <= _ABSTRACT_CHARS:
        summary = Tag(name="p")
        summary.string = f"Summary: {text}"
        header = abstract.find_parent("header")
        if header is None:
            abstract.replace_with(summary)
        else:  # out of the title block, which goes as the page's chrome: its title and author are the <head>'s
            abstract.decompose()
            header.insert_after(summary)


_HEADING_NAMES = ("h1", "h2", "h3", "h4", "h5", "h6")


def _is_abstract(tag: Tag) -> bool:
    if not tag.attrs:
        return False
    classes = tag.get("class") or []
    classes = classes.split() if isinstance(classes, str) else classes
    return (
        "abstract" in classes
        or "p-summary" in classes  # a post's summary as microformats mark it (Medium's export: its subtitle)
        or tag.get("role") == "doc-abstract"
        or "abstract" in str(tag.get("epub:type") or "").split()
    )


def parse_generic_html(
    soup: BeautifulSoup, filename: str, source_format: str = "html", *, max_chapters: int = DEFAULT_MAX_CHAPTERS
) -> Story:
    """Any HTML page: <h1>-<h6> headings as chapters, paragraphs as text, <hr> as scenes.

    The author's note boxes are read before the site's chrome is taken away: a note is the
    chapter's ("CW for this chapter: ..."), never story text and never dropped with the menus.
    A heading that only labels a chapter's notes, warnings or text (``<h3>Author's Note</h3>``,
    ``<h3>Story</h3>``) is a section of its chapter, as in Markdown (:mod:`bot.story.note_headings`).
    """
    warning_asides(soup.body or soup)
    label_author_notes(soup, soup.body or soup)
    abstract_summary(soup.body or soup)  # (before the chrome goes: Pandoc sets it in its title block's <header>)
    separate_chips(soup.body or soup)
    book_author = single_page_book(soup.body or soup) or wikisource_author(soup.body or soup)
    poster = forum_replies(soup.body or soup, forum_author(soup.body or soup))
    tags = post_tags(soup.body or soup)
    byline = story_byline(soup.body or soup)
    reblog = tumblr_reblog(soup.body or soup)
    blog = reblog[0] if reblog is not None else tumblr_blog(soup)
    named = page_author(soup.body or soup)
    addressed = address_byline(soup.body or soup)  # Telegraph's <address> under the title
    serial, post_author = blog_post_byline(soup.body or soup)  # a web serial's chapter on its blog
    between_chapters = chapter_links(soup.body or soup)
    header_site = site_header_name(soup.body or soup)  # (its header goes with the chrome)
    reader_site = reader_view_domain(soup.body or soup)  # Firefox's Reader View names the site by its domain
    reader_story = reader_view_story(soup.body or soup)  # ... and the story in its link to the page
    tagline = tagline_author(soup.body or soup)  # (its header goes with the chrome)
    page_title = soup.find("title")
    # Firefox's Reader View: its heading set over the text
    credited = reader_view_header(soup.body or soup, element_text(page_title) if page_title else None)
    body = strip_page_chrome(soup.body or soup)
    if reblog is not None and reblog[1] is not None and any(parent is body for parent in reblog[1].parents):
        body = reblog[1]  # a reblog: the post is the original's, the blog around it the reblogger's
    divider_images(body)
    contents_page(body)  # a serial's contents page over its chapters
    chapter_title_blocks(body)
    story_link_heading(body)
    title_by_author_lines(body)
    closing_site_block(body)
    post_subtitle(body)
    newsletter_notes(body)
    image_lines(body)
    _mark_title_style(soup, body)
    space_heading_labels(body)
    _spaced_inline_labels(body)
    items = _page_header(note_sections(titles_from_next_line(_without_front_images(html_items(body)))))
    items = _title_over_fields(_without_site_lines(_from_post_header(_without_repeated_headings(items))))
    title = soup.find("title")
    meta_author = soup.find("meta", attrs={"name": "author"})
    items = without_author_line(items, str(meta_author.get("content") or "") if meta_author else None)
    prefix: list[Item] = []
    title_named = False  # the author is the one the <title> names after "by"
    title_blog: str | None = None  # the <title> less the blog's name it gives as the author's
    if byline is not None:  # a reading site's bar names the story: the page's <title> names the part
        prefix.append(Para(f"Title: {byline[0]}", 0))
    elif serial is not None and (between_chapters or _opens_on_chapter(items)):
        prefix.append(Para(f"Title: {serial}", 0))
    if byline is not None and not (meta_author and meta_author.get("content")):
        prefix.append(Para(f"Author: {byline[1]}", 0))
    elif meta_author and meta_author.get("content"):
        prefix.append(Para(f"Author: {meta_author['content']}", 0))
    elif poster:
        prefix.append(Para(f"Author: {poster}", 0))
    elif post_author:
        prefix.append(Para(f"Author: {post_author}", 0))
    elif book_author:
        prefix.append(Para(f"Author: {book_author}", 0))
    elif blog:
        prefix.append(Para(f"Author: {blog}", 0))
    elif named:
        prefix.append(Para(f"Author: {named}", 0))
    elif addressed:
        prefix.append(Para(f"Author: {addressed}", 0))
    elif credited:
        prefix.append(Para(f"Author: {credited}", 0))
    elif tagline:
        prefix.append(Para(f"Author: {tagline}", 0))
    elif title and (ao3_author := ao3_title_author(element_text(title))):
        prefix.append(Para(f"Author: {ao3_author}", 0))
    elif title and (titled := title_by_author(element_text(title))):
        prefix.append(Para(f"Author: {titled}", 0))  # "The Ferry | by Tess Marlow | Medium"
        items = without_author_line(items, titled, under_title=True)
        title_named = True
    elif (
        title
        and soup.find("a", class_="tumblr_blog") is None  # (a reblog: the blog in the <title> is the reblogger's)
        and (blogged := title_blog_author(element_text(title), _first_heading(items)))
    ):
        prefix.append(Para(f"Author: {blogged[0]}", 0))  # "moonlit-quill — Hollow Bones", "... | quill's blog"
        items = without_author_line(items, blogged[0], under_title=True)
        title_blog = blogged[1] or _first_heading(items)  # ("@moonlit-quill on Tumblr" titles nothing)
    if tags:  # read as AO3's freeform tags: those naming a warning declare it ("#tw death"), the rest nothing
        prefix.append(Para(f"Additional Tags: {', '.join(tags)}", 0))
    # The page's <title> is often the document's file name ("The Understudy - draft 3"): a title
    # the text gives itself (an <h1>, a title line over a "by" line) comes first.
    fallback = element_text(title) if title else None
    fallback = without_title_by(fallback) if fallback and title_named else fallback
    fallback = title_blog if title_blog else fallback
    site = _site_name(fallback)
    fallback = without_domain_name(without_site_name(soup, fallback, header_site), reader_site) if fallback else None
    if fallback and contents_label(fallback):
        fallback = header_site  # "Table of Contents | Pale Tides": the page's name, the site's the serial's
    chapter = next((item.title for item in items if isinstance(item, Heading) and item.title), None)
    fallback = without_chapter_heading(fallback, chapter, between_chapters=between_chapters) if fallback else None
    if reader_site and fallback and chapter_heading_alone(fallback):
        fallback = reader_story  # a <title> naming only the chapter: the story's is in its link, or none
    if site is not None:  # the site's own name over the page ("Scribble Hub") is no title of the story's
        items = [
            item
            for index, item in enumerate(items)
            if not (index < 3 and isinstance(item, Para) and item.text.strip() == site)
        ]
    return build_story(
        prefix + _without_closing_headings(items),
        filename,
        source_format,
        max_chapters=max_chapters,
        fallback_title=_story_part(fallback),
    )


def _first_heading(items: list[Item]) -> str | None:
    """The page's first heading as written, the post's title on a blog's page."""
    return next((item.raw for item in items if isinstance(item, Heading)), None)


def _without_repeated_headings(items: list[Item]) -> list[Item]:
    """The page's items less a heading that says again the one right over it (a forum's thread title
    over its first post's subject, phpBB's "The Ferrywoman" over "The Ferrywoman"): read as two, they
    made one heading "The Ferrywoman — The Ferrywoman", and the post's header under it was no header.
    Its fields may stand between the two (Medium's export: the title, "Summary: ..." from its subtitle,
    the title again as its text's first heading)."""
    kept: list[Item] = []
    last: Heading | None = None  # the last heading, while only fields stand under it
    for item in items:
        if (
            isinstance(item, Heading)
            and last is not None
            and " ".join(item.raw.split()).casefold() == " ".join(last.raw.split()).casefold()
        ):
            continue
        kept.append(item)
        if isinstance(item, Heading):
            last = item
        elif not (isinstance(item, Para) and _field_lines(item.text)):
            last = None
    return kept


def _field_lines(text: str) -> bool:
    """Whether a paragraph is a header's field lines only ("Summary: ...", "Rating: T"), as a post's
    title block sets them between its title and the title said again over its text (Medium's export)."""
    lines = text.split("\n", _FIELD_LINES_MOST)
    return len(lines) <= _FIELD_LINES_MOST and all(parse_field(line) is not None for line in lines)


_FIELD_LINES_MOST = 12


def _opens_on_chapter(items: list[Item]) -> bool:
    """Whether the page's first heading names a chapter ("Chapter 12 – The Glass Tower", "Part 3"), so
    the blog it is posted on names the story, a web serial's: a post under a title of its own
    ("Kestrel Hill") is a story of its own, and the blog's name ("Marginalia") titled it."""
    first = next((item for item in items if isinstance(item, Heading)), None)
    return first is not None and (first.kind != "markdown" or first.number is not None)


def _without_closing_headings(items: list[Item]) -> list[Item]:
    """A page's items less the headings it ends on with nothing under them: what a site sets after
    the story ("More from Fen Calloway", Webnovel's "Creation is hard, cheer me up!") once its
    cards and buttons are gone as chrome. Left on, the page was refused ("The heading ... has no
    story text under it"). Only headings naming no chapter, after story text: an empty "Chapter 2"
    at the end, or a page of nothing but headings, is refused, as before."""
    end = len(items)
    while end and (
        isinstance(items[end - 1], SceneBreak)
        or (isinstance(last := items[end - 1], Heading) and last.kind == "markdown" and last.number is None)
    ):
        end -= 1
    if end == len(items) or not any(isinstance(item, Para) and not item.note for item in items[:end]):
        return items
    return items[:end]


_SITE_SUFFIX = re.compile(r"^(?P<page>.+?)[ \t]+[|｜][ \t]+(?P<site>[^|｜]{1,40})$")
_CHAPTER_SUFFIX = re.compile(
    r"[ \t]+[-–—:][ \t]+(?:(?:chapter|ch\.?|part|episode|vol\.?|volume)\b|ep\.?[ \t]*\d).*$"  # Tapas's "Ep. 3 - The Ferry"
    # no mark before a chapter's label and number: Webnovel's "The Ninth Furnace Chapter 12 - The Cinder Road"
    r"|[ \t]+(?:chapter|ch\.|episode)[ \t]*\d{1,4}\b.*$",
    re.IGNORECASE,
)


# A chapter's label, number and title before a bar, the story's name after it.
_CHAPTER_PREFIX = re.compile(
    r"^[ \t]*(?:chapter|ch\.?|ep\.?|episode|part)[ \t]*\d{1,4}\b[^|｜]{0,120}?[ \t]+[|｜][ \t]+(?=\S)", re.IGNORECASE
)


def _site_name(page_title: str | None) -> str | None:
    """The site a page's ``<title>`` names after a bar: "... | Scribble Hub"."""
    match = _SITE_SUFFIX.match(page_title or "")
    return match.group("site").strip() if match else None


def _story_part(page_title: str | None) -> str | None:
    """The story's name in a page's ``<title>``, without the site and the chapter: "My Roommate Is a
    Dragon - Chapter 3 - The Hoard | Scribble Hub" is "My Roommate Is a Dragon"."""
    if not page_title:
        return None
    match = _SITE_SUFFIX.match(page_title)
    page = match.group("page") if match else page_title
    page = (
        _CHAPTER_PREFIX.sub("", page, count=1).strip() or page
    )  # Tapas's "Ep. 14 - The Second Key | The Lockmaker's Widow"
    return _CHAPTER_SUFFIX.sub("", page).strip() or page.strip()


# A link to a blog's page of posts with a tag: Tumblr's "/tagged/", WordPress's, Ghost's and
# Dreamwidth's "/tag/", a category's "/category/", WriteFreely's (Write.as) "/tag:fiction".
_TAG_PAGE = re.compile(r"/(?:tagged|tags?|category|categories)/[^/?#]|/tag:[^/?#]", re.IGNORECASE)
# What a list of tag links holds besides them: its label and separators ("Tags: fic, original").
_TAG_LIST_REST = re.compile(
    r"(?:tags?|tagged|filed[ \t]+under|categor(?:y|ies)|posted[ \t]+in)?[ \t]*:?|[\s,;|·•#]+", re.I
)
_TAG_LIST_DEPTH = 3  # from a link up to the list holding it: <a> in <li> in <ul> in <div class="tags">
_TAG_LISTS_MOST = 20  # tag lists taken out of a page: each is read a few levels up once
_TAG_LIST_NODES = 2_000  # a block of more (a thousand tags: a post has a few dozen) is left as text
_TAG_LIST_READS = 200  # blocks read on a page to ask whether they hold only tags, each once


def post_tags(body: Tag) -> list[str]:
    """A blog post's tags ("#tw death #cw self harm #angst" under a Tumblr post), read before they go
    with the page's chrome: the links to the blog's tag pages (``/tagged/``, ``/tag/``), without
    their "#". A block holding nothing but such links and its "Tags:" label goes: as text, "Tags:",
    "fic," and "original" closed the story, and a post's one tag over its title ("Stories") was
    taken for the title. So does such a link standing between blocks with no words beside it, as
    Ghost's default theme sets a post's tag over its <h1> in the post's <header>: "Fiction" titled it.

    Each block is read once whatever the links in it, and no further than a list's worth: each of
    30,000 tag links in a paragraph read the whole paragraph again, a word at a time (over 90 s)."""
    tags: list[str] = []
    blocks: list[Tag] = []
    taken: set[int] = set()  # the links inside a block found: not read again
    reads: dict[int, bool | str] = {}  # what each block read holds (see _tag_list)
    for link in body.find_all(_tag_link):
        text = squeezed_text(link).lstrip("#＃").strip()
        if text and "," not in text:
            tags.append(text)
        if len(blocks) < _TAG_LISTS_MOST and id(link) not in taken and (block := _tag_list(link, reads)):
            blocks.append(block)
            taken.update(id(node) for node in block.descendants)
    for block in blocks:
        if block.parent is not None:  # (not inside a block taken out already)
            block.decompose()
    return list(dict.fromkeys(tags))


def _tag_link(element: Tag) -> bool:
    """A link to a tag's page (:data:`_TAG_PAGE`), one HTML's link type calls a tag (``rel="tag"``, as
    Dreamwidth, LiveJournal and blogs mark a post's tags whatever their address), or one a class calls a
    tag whose words are a hashtag (Obsidian Publish's ``<a class="tag" href="#fiction">#fiction</a>``
    in a note's properties)."""
    if element.name != "a":
        return False
    href = element.get("href")
    if (isinstance(href, str) and _TAG_PAGE.search(href)) or "tag" in (element.get("rel") or []):
        return True
    if not element.get_text().lstrip().startswith(("#", "＃")):
        return False
    # (or in a block a class calls the tags, a Tumblr theme's <div class="tags"> or <ul class="tags"><li>,
    # its links with no address: as text "#original fiction#my writing" closed the story)
    holders = (element, element.parent, element.parent.parent if element.parent is not None else None)
    return any(isinstance(holder, Tag) and _TAGS_CLASS.intersection(holder.get("class") or []) for holder in holders)


_TAGS_CLASS = frozenset(("tag", "tags", "post-tags", "tag-list", "taglist", "post_tags"))


def _tag_list(link: Tag, reads: dict[int, bool | str]) -> Tag | None:
    """The outermost block, a few levels up from a tag link, that holds only tag links and their label.

    ``reads`` keeps, by block, whether it holds only tags (or, for a link's parent not so read, its
    text), so a block holding many links is read once; past :data:`_TAG_LIST_READS` none is read."""
    found: Tag = link
    element = link.parent
    for _ in range(_TAG_LIST_DEPTH):
        if not isinstance(element, Tag) or element.name in ("body", "article", "main", "html"):
            break
        verdict = reads.get(id(element))
        if verdict is None:
            if len(reads) >= _TAG_LIST_READS:
                break
            verdict = (
                holds_at_most(element, _TAG_LIST_NODES) and not _TAG_LIST_REST.sub("", _untagged_text(element)).strip()
            )
            reads[id(element)] = verdict
        if verdict is not True:
            break
        found = element
        element = element.parent
    if found is not link:
        return found
    if own_line(link):  # Ghost's "<a class=gh-article-tag href=/tag/fiction/>" over the <h1> in its <header>
        return link
    parent = link.parent  # the link alone in its parent ("<p><a href=...>Stories</a></p>"): the parent's text once
    text = reads.get(id(parent))
    if text is None and isinstance(parent, Tag) and len(reads) < _TAG_LIST_READS:
        text = reads[id(parent)] = squeezed_text(parent)
    return link if isinstance(text, str) and text == squeezed_text(link) else None


def _untagged_text(element: Tag) -> str:
    """The text of ``element`` outside its tag links (:func:`_tag_link`), as ``get_text(" ")`` reads it."""
    pieces: list[str] = []
    pending: list[PageElement] = list(reversed(element.contents))
    while pending:
        node = pending.pop()
        if isinstance(node, Tag):
            if not _tag_link(node):
                pending.extend(reversed(node.contents))
        elif type(node) is NavigableString:
            pieces.append(node)
    return " ".join(pieces).strip()


_HEADING_LABEL = re.compile(r"(?:chapter|ch\.?|episode|part)[ \t]+\d{1,4}[.:]?", re.IGNORECASE)
_LABELS_MOST = 2_000  # headings looked at on a page
# Inline elements looked at in one heading, in order: a label and a title, a few emphases. Each is read
# whole, so 20,000 <span>s nested in one <h1> (540 KB) were read 20,000 times over (26 s of CPU).
_HEADING_LABELS_MOST = 32


def space_heading_labels(body: Tag) -> None:
    """A space after a chapter's label set in an element of its own inside its heading (Webnovel's
    ``<h1><span class="mr8">Chapter 12</span>The Cinder Road</h1>``, spaced by the site's style
    sheet): read as text, the heading was "Chapter 12The Cinder Road", no chapter heading at all."""
    for heading in body.find_all(list(_HEADINGS), limit=_LABELS_MOST):
        for label in heading.find_all(["span", "b", "strong", "em", "i", "small"], limit=_HEADING_LABELS_MOST):
            following = label.next_sibling
            if (
                _HEADING_LABEL.fullmatch(label.get_text().strip())
                and isinstance(following, NavigableString)
                and following[:1].isalnum()
            ):
                label.insert_after(NavigableString(" "))
            elif _number_element(label) and _title_follows(following):
                # Vellum's and Reedsy's <span class="chapter-number">Two</span><span class="chapter-title">Salt</span>:
                # "TwoSalt" (or "2 Wings") was the title, no number read
                label.insert_after(NavigableString(": "))


_NUMBER_NAMES = frozenset(["number", "num", "ordinal"])
_NUMBER_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
    "|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
)
_CHAPTER_NUMBER = re.compile(
    rf"(?:(?:chapter|part|book)[ \t]+)?(?:\d{{1,4}}|[ivxlcdm]{{1,8}}|(?:{_NUMBER_WORDS})(?:[ -](?:{_NUMBER_WORDS}))?)\.?",
    re.IGNORECASE,
)


def _number_element(label: Tag) -> bool:
    """An element inside a heading that its class or ``epub:type`` calls the chapter's number, and
    that holds one ("2", "II", "Two", "Chapter Two")."""
    names = label.get("class") or []
    words = {
        word for name in ([names] if isinstance(names, str) else names) for word in re.split(r"[^a-z]+", name.lower())
    }
    words.update(str(label.get("epub:type") or "").lower().split())
    return bool(words & _NUMBER_NAMES) and _CHAPTER_NUMBER.fullmatch(label.get_text().strip()) is not None


def _title_follows(following: PageElement | None) -> bool:
    """Whether words follow a chapter's number in its heading, with no mark between them."""
    if isinstance(following, NavigableString):
        text = following.strip()
        return following[:1].isalnum() or (following[:1].isspace() and text[:1].isalnum())
    return isinstance(following, Tag) and following.get_text().strip()[:1].isalnum()


def _spaced_inline_labels(body: Tag) -> None:
    """A space after a label set in an element of its own and closed by a colon, its value right after
    it (eFiction's ``<span class="label">Chapter End Notes:</span>Thanks for reading``): read as text,
    "Chapter End Notes:Thanks" was no note's label, and the note was story text."""
    for label in body.find_all(["span", "b", "strong", "em", "i"], limit=_LABELS_MOST):
        text = _only_string(label)
        following = label.next_sibling
        if (
            text is not None
            and text.rstrip().endswith(":")
            and len(text) <= _LABEL_MAX_CHARS
            and any(char.isalpha() for char in text)  # (a time, "<b>12:</b>30", is no label)
            and isinstance(following, NavigableString)
            and following[:1].isalnum()
        ):
            label.insert_after(NavigableString(" "))


# Elements a label's text may sit in below the label's own (``<span class="label"><b>Notes:</b></span>``).
_LABEL_DEPTH = 8


def _only_string(tag: Tag) -> NavigableString | None:
    """The one string ``tag`` holds through a chain of only children a few elements deep, as bs4's
    ``Tag.string`` finds it at any depth: ``.string`` recurses a call a level, and a label over a chain
    a thousand elements deep (``<span>`` nested in ``<span>``, 30 KB) ended the import in a
    RecursionError; walked whole for each of the labels looked at, 20,000 deep took 4 s."""
    node: PageElement = tag
    for _ in range(_LABEL_DEPTH):
        if not isinstance(node, Tag):
            break
        if len(node.contents) != 1:
            return None
        node = node.contents[0]
    return node if isinstance(node, NavigableString) else None


def _without_site_lines(items: list[Item]) -> list[Item]:
    """The page's items less the site's lines its markup does not mark: a line of counts and dates
    ("1,204 Views Jun 3, 2022", :func:`stats_line`) goes, a blog writer's word about the blog ("masterlist
    in pinned", :func:`blog_chatter`) is a note."""
    kept: list[Item] = []
    for index, item in enumerate(items):
        if isinstance(item, Para) and not item.note and stats_line(item.text):
            continue
        if index < POST_HEADER_ITEMS and _date_over_heading(items, index):
            continue  # a post's date over its title (Patreon's "Aug 2, 2022 at 9:02 PM"): no title of the story's
        if isinstance(item, Heading) and arrowed_nav(item.raw):
            continue  # "← Part 1 | Masterlist | Part 3 →": links, no heading of the post's
        if isinstance(item, Para) and not item.note and blog_chatter(item.text):
            item = Para(f"A/N: {item.text}", item.gap)
        kept.append(item)
    return kept


POST_HEADER_ITEMS = 12  # a journal's name, the post's subject, its date and poster: a few lines


def _date_over_heading(items: list[Item], index: int) -> bool:
    """Whether the item is a line of only a date before the page's first heading, with no text between."""
    item = items[index]
    if not (isinstance(item, Para) and not item.note and date_line(item.text)):
        return False
    later = next(
        (other for other in items[index + 1 :] if not (isinstance(other, Para) and date_line(other.text))), None
    )
    return isinstance(later, Heading) and not any(isinstance(other, Heading) for other in items[:index])


_POST_CHROME_WORDS = 12


def _from_post_header(items: list[Item]) -> list[Item]:
    """A post's items from its fic header on: a block of fields naming the story's title ("Title:
    The Longest Night" / "Author:" / "Warnings:"), as a LiveJournal or Dreamwidth post opens its
    fic, makes what stands before it in the page the journal's: its name, the post's subject, the
    date and the poster. Left there, they headed a chapter that swallowed the header, so its
    warnings were posted as story text and declared nothing.

    Only where the block comes within the page's first few items and nothing before it is prose
    (headings and short lines only); any other page is read as before."""
    for index, item in enumerate(items[:POST_HEADER_ITEMS]):
        if isinstance(item, Para) and not item.note and _names_title(item.text):
            before = items[:index]
            if index and all(_post_chrome(earlier) for earlier in before):
                return items[index:]
            return items
        if not _post_chrome(item):
            return items
    return items


def _names_title(text: str) -> bool:
    """Whether a paragraph is a header's block of fields, one of them the title (two fields at least)."""
    lines = text.split("\n", POST_HEADER_ITEMS)[:POST_HEADER_ITEMS]
    keys = [parsed[0] for line in lines if (parsed := parse_field(line)) is not None]
    return len(keys) >= 2 and any(key in ("title", "story title") for key in keys)


def _post_chrome(item: Item) -> bool:
    """A heading or a short line, as a journal's page sets around a post: never a paragraph of prose."""
    if isinstance(item, Heading):
        return True
    return isinstance(item, Para) and len(item.text.split()) <= _POST_CHROME_WORDS


def _title_over_fields(items: list[Item]) -> list[Item]:
    """A page's only heading, first in its text, over a header line ("Pairing: Bucky x Reader |
    Warnings: angst, character death" under a Tumblr post's title) is the story's title: as a
    chapter's title, the header under it was read as the chapter's first paragraph. An author's
    note under it is the chapter's: the heading titled the story, over the title its page named."""
    headings = [item for item in items if isinstance(item, Heading)]
    if len(headings) != 1 or len(items) < 2 or items[0] is not headings[0] or headings[0].kind != "markdown":
        return items
    following = items[1]
    if not isinstance(following, Para) or not headings[0].title:
        return items
    first = following.text.split("\n", 1)[0].strip()
    if parse_field(first) is None and len(strung_fields(first)) < 2 and not declaration_line(first):
        return items
    if is_labelled_note(first):
        return items  # Royal Road's "A note from ..." box ("A/N: ...") under a chapter's heading: its note
    return [Para(f"Title: {without_form_suffix(headings[0].title)}", 0), *items[1:]]


# A word processor's Title style: Google Docs' "title", Word's "MsoTitle" (and "MsoTitleCxSpFirst" where
# the title runs over two lines), LibreOffice's "title-western".
_TITLE_STYLE = re.compile(r"^(?:title|msotitle(?:cxsp\w+)?|title-(?:western|cjk|ctl))$", re.IGNORECASE)


def _mark_title_style(soup: BeautifulSoup, body: Tag) -> None:
    """The document's first paragraph, set in a word processor's Title style, is the story's title, read as a
    "Title:" line: over a line that is no "by" line ("a Witcher fic", a rating) the title was
    taken for the first chapter's opening words, the file's name for the title."""
    first = body.find(_holds_text)
    if not isinstance(first, Tag) or first.name != "p":
        return
    if not any(_TITLE_STYLE.match(str(name)) for name in first.get("class") or []):
        return
    text = element_text(first)
    if text and "\n" not in text and len(text) <= HEADING_MAX_CHARS and match_heading(text) is None:
        paragraph = soup.new_tag("p")
        paragraph.string = f"Title: {text}"
        first.replace_with(paragraph)


def _holds_text(tag: Tag) -> bool:
    """A paragraph or heading with text: the first one is where a document's title stands."""
    return tag.name in ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li") and bool(tag.get_text().strip())


_CHAPTER_KINDS = ("chapter", "named")
_NOTE_CAPTION_CHARS = 40
# Royal Road's caption over a note box: "A note from Mara Quill".
_NOTE_FROM = re.compile(r"^[ \t]*an?[ \t]+note[ \t]+from[ \t]+\S.{0,80}$", re.IGNORECASE)


def label_author_notes(soup: BeautifulSoup, body: Tag) -> None:
    """Each block marked as the author's note (Royal Road's and Scribble Hub's note boxes, on a
    saved page or kept by FanFicFare in an EPUB) becomes one paragraph labelled "A/N:", which the
    chapter takes as its note: "Patreon is 5 chapters ahead!" is not story text, and it is not
    lost either. The box's own caption ("A/N", "Author's Note", "A note from Mara Quill") is left
    out; a box holding most of the page is left alone.
    """
    drop_review_comments(body)
    _move_linked_footnotes(soup, body)
    drop_note_references(body)
    total = len(body.get_text())
    _read_spoiler_boxes(soup, body, total)
    _label_footnotes(soup, body, total)
    _pair_listed_footnotes(soup, body)
    notes = [tag for tag in body.find_all(names_author_note) if tag.find_parent(names_author_note) is None]
    for note in notes:
        if len(note.get_text()) * 2 > total:
            continue
        lines = [item.text for item in html_items(note, headings=False) if isinstance(item, Para) and item.text]
        while lines and _is_note_caption(lines[0]):
            lines.pop(0)
        if not lines:
            note.decompose()
            continue
        paragraph = soup.new_tag("p")
        paragraph.string = "A/N: " + LINE_BREAK.join(lines)
        note.replace_with(paragraph)


# A reviewer's comment in Google Docs' HTML: its "[a]" call links to "#cmnt1", and the comment, after
# the text, opens with a link back to "#cmnt_ref1". (Word's are dropped with the page's chrome: their
# classes name comments.)
_COMMENT_CALL = re.compile(r"^#cmnt\d{1,5}$")
_COMMENT_BACK = re.compile(r"^#cmnt_ref\d{1,5}$")


def drop_review_comments(root: Tag) -> None:
    """Comments a document's reviewers left in its margin are no part of the story and no note of
    the author's to readers: Google Docs' "Download as HTML" kept each call ("[a]") in the text
    and each comment ("is this too on the nose? -M") was read as a footnote, posted as a note of
    the chapter. The calls and the comments go, each comment with the block holding it (its
    replies too); a footnote (``#ftnt1``) is read as before."""
    for link in root.find_all("a", href=True, limit=NOTE_REF_MOST):
        if link.decomposed:
            continue
        href = str(link.get("href") or "")
        if _COMMENT_CALL.match(href):
            holder = link.parent
            link.decompose()
            if isinstance(holder, Tag) and holder.name == "sup" and not holder.get_text().strip():
                holder.decompose()
        elif _COMMENT_BACK.match(href):
            # The comment's own block opens with its link back; a block around the story does not.
            mark = link.get_text().strip()
            block = next(
                (tag for tag in (link.find_parent("div"), link.find_parent("p")) if tag and _opens_with(tag, mark)),
                link,
            )
            block.decompose()


def _opens_with(tag: Tag, mark: str) -> bool:
    return tag.get_text().lstrip().startswith(mark)


def _read_spoiler_boxes(soup: BeautifulSoup, body: Tag, total: int) -> None:
    """A box readers open by its title (a forum's "Spoiler: Author's Note", a ``<details>``) titled
    as a note, warnings or a summary is the chapter's note, labelled "A/N:" as a note box is; any
    other box is story text, and keeps its title as the paragraph over it ("Spoiler: The Letter"
    was dropped with the site's buttons, leaving its text untitled). A box holding most of the page
    is text whatever its title.

    Boxes nest: a "Spoiler: Author's Note" inside a "Spoiler: Chapter 3" box is the chapter's note
    and the story box around it stays text; a story box inside a note box is taken out of the
    note and follows it, as text with its title (the whole post was a note, its chapter empty).
    """
    story_boxes: set[int] = set()  # ids of the boxes kept as story text, read before any box holding them
    boxes = spoiler_boxes(body)  # the first MAX_NOTE_BOXES read as notes (see bot/story/limits.py)
    for box, holders in reversed(boxes[:MAX_NOTE_BOXES]):  # a box inside another is read first (past the cap, text)
        if holders > MAX_NOTE_BOX_DEPTH:
            continue  # text in the box around it, as a box past the cap is
        title = box_title(box)
        if not title:
            continue
        if story_boxes and note_title(title):  # the story boxes in a note box follow it
            for tag in reversed(_outermost_within(box, story_boxes)):
                box.insert_after(tag.extract())
        note = _box_note(box, title, total)
        if note is not None:
            paragraph = soup.new_tag("p")
            paragraph.string = "A/N: " + note.replace("\n", LINE_BREAK)
            box.replace_with(paragraph)
        else:
            paragraph = soup.new_tag("p")
            paragraph.string = title
            box.insert(0, paragraph)
            story_boxes.add(id(box))


def _outermost_within(box: Tag, ids: set[int]) -> list[Tag]:
    """The elements inside ``box`` whose id is in ``ids`` and that no other such element holds, in order."""
    found: list[Tag] = []
    stack = [child for child in reversed(box.contents) if isinstance(child, Tag)]
    while stack:
        element = stack.pop()
        if id(element) in ids:
            found.append(element)
            continue
        stack.extend(child for child in reversed(element.contents) if isinstance(child, Tag))
    return found


_FOOTNOTE_TYPES = frozenset(["footnotes", "endnotes", "rearnotes", "footnote", "endnote", "rearnote"])
_FOOTNOTE_ROLES = frozenset(["doc-endnotes", "doc-footnote", "doc-endnote"])


def _marked_footnotes(tag: Tag) -> bool:
    """A block EPUB's ``epub:type`` or ARIA's role calls footnotes (Pandoc, Sigil, calibre)."""
    kinds = str(tag.get("epub:type") or "").split()
    return any(kind in _FOOTNOTE_TYPES for kind in kinds) or tag.get("role") in _FOOTNOTE_ROLES


def _is_footnotes(tag: Tag) -> bool:
    """A block of footnotes: marked so, or of Pandoc's and Markdown converters' ``footnotes`` class."""
    return _marked_footnotes(tag) or "footnotes" in (tag.get("class") or [])


_BACK_LINKS = frozenset(["↩", "↩︎", "↩\ufe0e"])
# A footnote's call in the text: "1", "[2]", "iv", "*", "†".
_NOTE_MARK = re.compile(r"^[\[(]?(?:\d{1,3}|[ivx]{1,4}|[a-z]|[*†‡§¶]{1,3})[\])]?$", re.IGNORECASE)
_NOTE_REF_CLASSES = frozenset(
    [
        "footnote-ref",
        "footnote-reference",
        "footnoteref",
        "noteref",
        "fnref",
        "msofootnotereference",
        "msoendnotereference",
        "endnote-ref",
        "endnoteref",
    ]
)
_NOTE_TARGETS = ("fn", "_ftn", "_edn", "footnote", "endnote", "note")
NOTE_REF_MOST = 5_000  # links looked at for note calls: a bounded pass


def drop_note_references(root: Tag) -> None:
    """A footnote's call in the text ("midnight.<sup>1</sup>" linked to its note) is no word of
    the story: read as text it glued a digit to the word before it ("midnight.1", "case2").

    A link is a call when it shows only a mark ("1", "[2]", "*") and points into a book at a
    note: marked so (Pandoc's ``role="doc-noteref"``, ``epub:type="noteref"``, Word's and
    Markdown converters' classes), aimed at a note's anchor (``#fn1``, Word's ``#_ftn1``), or
    set as a superscript. The note itself is read by :func:`_label_footnotes`.
    """
    for link in root.find_all("a", href=True, limit=NOTE_REF_MOST):
        if _note_reference(link):
            holder = link.parent
            link.decompose()
            if isinstance(holder, Tag) and holder.name == "sup" and not holder.get_text().strip():
                holder.decompose()


def _note_reference(link: Tag) -> bool:
    if not _NOTE_MARK.match(link.get_text().strip()):
        return False
    href = str(link.get("href") or "")
    if "#" not in href:
        return False
    kinds = str(link.get("epub:type") or "").lower().split()
    if "noteref" in kinds or link.get("role") == "doc-noteref":
        return True
    classes = {str(name).lower() for tag in [link, *link.find_all(True)] for name in (tag.get("class") or [])}
    if classes & _NOTE_REF_CLASSES:
        return True
    if href.split("#", 1)[1].lower().startswith(_NOTE_TARGETS):
        return True
    return link.find("sup") is not None or (isinstance(link.parent, Tag) and link.parent.name == "sup")


def drop_back_links(root: Tag) -> None:
    """A footnote's link back to where it is called ("↩︎") is no part of its text."""
    for link in root.find_all("a"):
        classes = link.get("class") or []
        if "footnote-back" in classes or link.get("role") == "doc-backlink" or link.get_text().strip() in _BACK_LINKS:
            link.decompose()


def _label_footnotes(soup: BeautifulSoup, body: Tag, total: int) -> None:
    """Footnotes are the chapter's notes, each one "A/N: Footnote 1: ...", never story text: Pandoc
    sets them after the chapter (or the book) under a rule, and they were read as its last
    paragraphs, the rule as a scene break. A block only a class calls footnotes is left as text
    when it holds most of the page."""
    blocks = [tag for tag in body.find_all(_is_footnotes) if tag.find_parent(_is_footnotes) is None]
    for block in blocks[:MAX_NOTE_BOXES]:
        if not _marked_footnotes(block) and len(block.get_text()) * 2 > total:
            continue
        drop_back_links(block)
        entries = block.find_all("li") or [block]
        notes: list[str] = []
        for number, entry in enumerate(entries, 1):
            lines = _entry_lines(entry)
            if lines:
                label = f"Footnote {number}: " if len(entries) > 1 or entry is not block else "Footnote: "
                notes.append("A/N: " + label + LINE_BREAK.join(lines))
        for note in notes:
            paragraph = soup.new_tag("p")
            paragraph.string = note
            block.insert_before(paragraph)
        block.decompose()


def _move_linked_footnotes(soup: BeautifulSoup, body: Tag) -> None:
    """Footnotes a word processor sets as paragraphs of the page, each opening with a link back to
    its call (Google Docs' "Download as HTML": "<a href="#ftnt_ref1" id="ftnt1">[1]</a> The lamp
    was a Fresnel lens." after the last chapter; Word's "Save as HTML" names its anchors with
    ``name``), in no block marked as footnotes: each is an
    "A/N: Footnote 1: ..." paragraph after the paragraph calling it, so the calling chapter takes it
    as its note; they were the last chapter's closing paragraphs. Calls go with
    :func:`drop_note_references`; notes inside a marked footnotes block with :func:`_label_footnotes`."""
    targets = {str(tag["id"]): tag for tag in body.find_all(id=True, limit=MAX_HTML_ELEMENTS)}
    targets.update((str(tag["name"]), tag) for tag in body.find_all("a", attrs={"name": True}, limit=MAX_HTML_ELEMENTS))
    if not targets:
        return
    moves: list[tuple[Tag, Tag, str]] = []  # the calling block, the note's block, its number
    for link in body.find_all("a", href=True, limit=NOTE_REF_MOST):
        href = str(link.get("href") or "")
        target = targets.get(href.split("#", 1)[1]) if href.startswith("#") else None
        if target is None or not _note_reference(link):
            continue
        anchors = {f"#{link.get(key)}" for key in ("id", "name") if link.get(key)}
        if link.find_parent(["p", "li", "div"]) is None:
            continue  # a call inside a paragraph
        if target.name == "li" and target.find_parent(_is_footnotes) is not None:
            # An entry of a footnotes block linking back to this call anywhere in it (Pandoc's
            # "↩︎" closes it): the block may hold the whole book's notes, after its last chapter.
            if link in target.descendants or not any(
                str(back.get("href") or "") in anchors for back in target.find_all("a", href=True)
            ):
                continue
            moves.append((link.find_parent(["p", "li", "div"]), target, link.get_text().strip().strip("[]()")))
            continue
        back = target if target.name == "a" else target.find("a", href=True)
        note = target.find_parent(["p", "li", "div"]) if target.name == "a" else target
        if back is None or note is None or note.find_parent(_is_footnotes) is not None or _is_footnotes(note):
            continue
        if str(back.get("href") or "") not in anchors:
            continue  # a note that links back to this call
        if not note.get_text().strip().startswith(back.get_text().strip()) or link in note.descendants:
            continue  # the note opens with its link back (the call's own paragraph does not)
        moves.append((link.find_parent(["p", "li", "div"]), note, link.get_text().strip().strip("[]()")))
    placed: dict[int, Tag] = {}
    for calling, note, number in moves:
        _place_note(soup, calling, note, number, placed)


def _place_note(soup: BeautifulSoup, calling: Tag, note: Tag, number: str, placed: dict[int, Tag]) -> None:
    """``note`` taken from where it stands and set as an "A/N: Footnote 1: ..." paragraph after
    ``calling`` (after the notes already set there), so the calling chapter takes it as its note."""
    if calling.parent is None or note.parent is None:
        return
    if _is_footnotes(note) or note.find_parent(_is_footnotes) is not None:
        drop_back_links(note)
    else:
        back = note.find("a", href=True)
        if back is not None:
            back.decompose()
    lines = _entry_lines(note)
    if lines:  # the stop after the number the back link was: "1. The wall"
        lines = [line for line in (lines[0].lstrip(".):; \t"), *lines[1:]) if line]
    holder = note.parent
    note.decompose()
    if isinstance(holder, Tag) and holder.name == "div" and not holder.get_text().strip():
        holder.decompose()
    if not lines:
        return
    paragraph = soup.new_tag("p")
    paragraph.string = f"A/N: Footnote {number}: " + LINE_BREAK.join(lines)
    placed.get(id(calling), calling).insert_after(paragraph)
    placed[id(calling)] = paragraph


def move_notes_across(
    documents: list[tuple[str, BeautifulSoup]], locate: Callable[[str, str], tuple[str, str] | None]
) -> None:
    """Notes in a document of their own, each linking back to its call in a chapter's document
    (Standard Ebooks' ``endnotes.xhtml``: '<a href="endnotes.xhtml#note-1" id="noteref-1"
    epub:type="noteref">1</a>' in the chapter, '<li id="note-1" epub:type="endnote">' with its
    "↩" to "chapter-1.xhtml#noteref-1" there): each becomes an "A/N: Footnote 1: ..." paragraph
    after its call, so the calling chapter takes it as its note; read where they stood, every note
    went to the chapter before the notes' document. ``locate`` gives the document and anchor a
    link in a document points at (None outside the book). Only a note inside a block marked as
    notes that links back to this very call moves."""
    soups = dict(documents)
    emptied: list[Tag] = []  # the notes' blocks: gone with their last note ("Endnotes" over nothing)
    for key, soup in documents:
        body = soup.body or soup
        placed: dict[int, Tag] = {}
        for link in body.find_all("a", href=True, limit=NOTE_REF_MOST):
            href = str(link.get("href") or "")
            where = None if href.startswith("#") else locate(key, href)
            other = soups.get(where[0]) if where is not None and where[0] != key else None
            if other is None or not link.get("id") or not _note_reference(link):
                continue
            note = other.find(id=where[1])
            calling = link.find_parent(["p", "li", "div"])
            if note is None or calling is None:
                continue
            if not (_is_footnotes(note) or note.find_parent(_is_footnotes) or _numbered_like(note, link)):
                continue
            backs = (locate(where[0], str(back.get("href") or "")) for back in note.find_all("a", href=True))
            if (key, str(link["id"])) in backs:
                emptied.append(note.find_parent(_is_footnotes) or note)
                _place_note(soup, calling, note, link.get_text().strip().strip("[]()"), placed)
    for block in emptied:
        if block.parent is not None and block.find("li") is None:
            block.decompose()


_PLAIN_NOTE_CHARS = 1500


def _numbered_like(note: Tag, call: Tag) -> bool:
    """A note in no block marked as notes that opens with its call's mark ("<p id="n1"><a
    href="c1.xhtml#r1">1</a>. The wall ...</p>", a book tool's plain endnotes), short as a note is."""
    mark = call.get_text().strip().strip("[]()")
    text = element_text(note).strip()
    return bool(mark) and len(text) <= _PLAIN_NOTE_CHARS and text.lstrip("[(").startswith(mark)


# An unlinked call: a superscript that is only a number ("<sup>1</sup>", "<sup>[2]</sup>").
_SUP_CALL = re.compile(r"^[\[(]?(\d{1,3})[\])]?$")
_CALL_BLOCKS = ("p", "div", "li", "blockquote", "dd", "td", "h1", "h2", "h3", "h4", "h5", "h6")


def _set_after_calls(soup: BeautifulSoup, calls: list[tuple[int, Tag]], notes: list[str]) -> None:
    """Each note as an "A/N: Footnote 1: ..." paragraph after the block calling it (after the notes
    already set there, in order), so the calling chapter takes it as its note; the calls go."""
    placed: dict[int, Tag] = {}  # the last note put after each calling block
    for (number, sup), note in zip(calls, notes, strict=True):
        block = sup.find_parent(_CALL_BLOCKS) or sup
        paragraph = soup.new_tag("p")
        paragraph.string = f"A/N: Footnote {number}: {note}"
        placed.get(id(block), block).insert_after(paragraph)
        placed[id(block)] = paragraph
        sup.decompose()


def _pair_listed_footnotes(soup: BeautifulSoup, body: Tag) -> None:
    """Footnotes with no links: "midnight.<sup>1</sup>" in the text and, after it, a plain ``<ol>``
    of the notes (a word processor's or a site's, no anchors, no ``epub:type``). The calls since the
    last such list, in order, must number it one by one (an exponent, "2<sup>10</sup>", or a list
    in the story does not pair); then each entry is an "A/N: Footnote 1: ..." paragraph after the
    one calling it, so the calling chapter takes it as its note, the calls go, and the list goes
    with a "Notes" label over it. Lists read as paragraphs numbered in the text ("1. In the old
    style.") are paired later, with the text's (:mod:`bot.story.footnotes`)."""
    calls: list[tuple[int, Tag]] = []
    for tag in body.find_all(["sup", "ol"], limit=NOTE_REF_MOST):
        if tag.find_parent(["ol", "ul"]) is not None:
            continue
        if tag.name == "sup":
            mark = _SUP_CALL.match(tag.get_text().strip()) if tag.find("a") is None else None
            if mark:
                calls.append((int(mark.group(1)), tag))
            continue
        entries = tag.find_all("li", recursive=False)
        if str(tag.get("start") or "1").strip() != "1" or [number for number, _ in calls] != list(
            range(1, len(entries) + 1)
        ):
            continue
        notes = [LINE_BREAK.join(_entry_lines(entry)) for entry in entries]
        if not all(notes):
            continue
        _set_after_calls(soup, calls, notes)
        label = tag.find_previous_sibling(True)
        if label is not None and label.name in _CALL_BLOCKS and _is_footnote_label(label.get_text()):
            label.decompose()
        tag.decompose()
        calls = []


def _is_footnote_label(text: str) -> bool:
    return " ".join(text.replace("’", "'").split()).strip(":*_# ").lower() in FOOTNOTE_LABELS


def _entry_lines(entry: Tag) -> list[str]:
    return [item.text for item in html_items(entry, headings=False) if isinstance(item, Para) and item.text]


def _box_note(box: Tag, title: str, total: int) -> str | None:
    if len(box.get_text()) * 2 > total:
        return None
    lines = [item.text for item in html_items(box, headings=False) if isinstance(item, Para) and item.text]
    return box_note(title, "\n".join(lines)) if lines else None


def _is_note_caption(line: str) -> bool:
    """A line that only says "A/N", "Author's Note" or whom the note is from."""
    if _NOTE_FROM.match(line):
        return True
    text = f"{line.strip().rstrip(':').strip()}:"
    return len(line) <= _NOTE_CAPTION_CHARS and is_labelled_note(text) and not strip_note_label(text)


def _page_header(items: list[Item]) -> list[Item]:
    """A chapter page's header, its headings before any text, read as the story's title and author.

    Royal Road heads a chapter page with the story's title in an <h2>, the chapter's in an
    <h1> and "by Author" in an <h3>: the title heading, no higher than the chapter's, was a
    chapter with no text (the page was refused), and the by-line was read as part of the
    chapter's title. Only a leading run of headings with one chapter heading in it is read so;
    a title heading above its chapters (an <h1> over <h2>s) is read as before.
    """
    run = 0
    while run < len(items) and isinstance(items[run], Heading):
        run += 1
    headings = [item for item in items[:run] if isinstance(item, Heading)]
    chapters = [index for index, heading in enumerate(headings) if heading.kind in _CHAPTER_KINDS]
    if run < 2 or run == len(items):
        return items
    if len(chapters) != 1:
        # The by-line is the author's whatever heads the chapters (a play's "<h2>by William
        # Shakespeare</h2>" over "<h2>ACT I</h2>"): read as a heading, the upload was refused.
        authors = [_heading_author(heading) for heading in headings]
        fields: list[Item] = [Para(f"Author: {author}") for author in authors if author][:1]
        kept = [heading for heading, author in zip(headings, authors, strict=True) if not author]
        return fields + kept + items[run:] if fields else items
    chapter = headings[chapters[0]]
    # An <h1> over the chapters' <h2>s is the title (read so by the preamble): an <h2> between them
    # is no title, but a subtitle ("A Novel") or the label of a contents list taken out ("Contents").
    higher = any(heading.kind == "markdown" and heading.level < chapter.level for heading in headings[: chapters[0]])
    fields: list[Item] = []
    kept: list[Item] = []
    for index, heading in enumerate(headings):
        author = _heading_author(heading)
        before = index < chapters[0] and heading.kind == "markdown" and heading.level >= chapter.level and heading.title
        before = before and not (index and headings[index - 1].kind == "part")  # (a part's title: "Part One" / "Roots")
        if author:
            fields.append(Para(f"Author: {author}"))
        elif before and higher:
            if not contents_label(heading.raw):
                kept.append(Para(heading.raw))
        elif before:
            fields.insert(0, Para(f"Title: {heading.title}"))
        else:
            kept.append(heading)
    return fields + kept + items[run:] if fields or higher else items


def _heading_author(heading: Heading) -> str | None:
    """The author a heading names as sites print a by-line, "by Author"; "By Moonlight" in Title
    Case is a subtitle."""
    return by_line_author(heading.raw) if heading.kind == "markdown" and heading.raw.startswith("by") else None


# An entry of a notes page numbered in its text: "1. Herring gulls", "[2] CW: drowning", "<sup>3</sup> Ropes".
_NUMBERED_ENTRY = re.compile(r"^[ \t]*[\[(]?(\d{1,3})[\]).]?[ \t]+(\S.*)$", re.DOTALL)


# A word each label of notes ends with, as it stands in the text: a document with none of them has no
# heading that says "Notes", and is not read whole to find that out (every chapter of a book is asked).
_FOOTNOTE_LABEL_WORDS = frozenset(label.split()[-1] for label in FOOTNOTE_LABELS)


def notes_document(soup: BeautifulSoup) -> list[str] | None:
    """The entries of a book's notes page, in order, or None when the document is no such page: a
    heading that only says "Notes" ("Endnotes", "Footnotes") over nothing but a numbered list, as
    an ``<ol>`` or as paragraphs numbered 1, 2, 3... ("1. Herring gulls, mostly.")."""
    body = soup.body or soup
    if not any(word in body.get_text().lower() for word in _FOOTNOTE_LABEL_WORDS):
        _drop_contents_runs(body)  # all reading it would have changed in the tree
        return None
    items = html_items(body)
    if (
        len(items) < 2
        or not isinstance(items[0], Heading)
        or not _is_footnote_label(items[0].raw or items[0].title or "")
    ):
        return None
    lists = body.find_all("ol")
    if len(lists) == 1 and not lists[0].find_parent("ol"):
        entries = [LINE_BREAK.join(_entry_lines(entry)) for entry in lists[0].find_all("li", recursive=False)]
        listed = sum(len(entry) for entry in entries)
        rest = sum(len(item.text) for item in items[1:] if isinstance(item, Para))
        return entries if entries and all(entries) and listed >= rest - len(entries) else None
    entries = []
    for item in items[1:]:
        match = _NUMBERED_ENTRY.match(item.text) if isinstance(item, Para) else None
        if match is None or int(match.group(1)) != len(entries) + 1:
            return None
        entries.append(match.group(2).strip())
    return entries or None


def pair_notes_across(soups: list[BeautifulSoup]) -> list[str]:
    """A notes page of its own after the chapters (an EPUB's "Notes" document), called only by
    number: "wall.<sup>1</sup>" in a chapter's document, no link. When the calls before it, in
    order, number its entries one by one, each entry is an "A/N: Footnote 1: ..." paragraph after
    the paragraph calling it, so the calling chapter takes it as its note, and the calls go; when
    they do not (no calls, or numbered by chapter), the entries are the book's notes, returned. The
    page is emptied either way: read as a chapter, "Notes" was posted as a chapter of the story."""
    found: list[str] = []
    calls: list[tuple[int, Tag]] = []
    for soup in soups:
        entries = notes_document(soup)
        if entries is None:
            for sup in (soup.body or soup).find_all("sup", limit=NOTE_REF_MOST):
                mark = _SUP_CALL.match(sup.get_text().strip())
                if mark and sup.find("a") is None and sup.find_parent(["a", "ol", "ul"]) is None:
                    calls.append((int(mark.group(1)), sup))
            continue
        body = soup.body or soup
        if [number for number, _ in calls] == list(range(1, len(entries) + 1)):
            _set_after_calls(soup, calls, entries)
        else:
            found.extend(f"Note {number}: {note}" for number, note in enumerate(entries, 1))
        for child in list(body.children):
            child.extract()
        calls = []
    return found
