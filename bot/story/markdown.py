"""Markdown stories: front matter as metadata, '#' headings as chapters, markup removed.

Story text is posted as plain text inside spoilers (every markdown character escaped), so
Markdown's own markup is taken off here rather than shown to readers as stray asterisks.
Blockquotes (a letter, an epigraph, a quoted summary) keep their text as paragraphs of their
own, and images become a "[Image: alt]" line so an illustrated chapter still has its place.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from typing import cast

import regex

from bot.story import inline_markup as inline
from bot.story.front_pages import IMAGE, image_line, names_divider
from bot.story.htmltext import check_markup, html_items, make_soup
from bot.story.limits import DEFAULT_MAX_CHAPTERS, MAX_LINES, check_heading_lines, check_lines
from bot.story.metadata_fields import KEYS, parse_field
from bot.story.model import Story
from bot.story.note_headings import box_note, note_sections
from bot.story.plaintext import build_story
from bot.story.structure import (
    Heading,
    Item,
    Para,
    bare_number_heading,
    is_scene_break,
    match_heading,
    split_items,
    without_long_heading_markup,
)
from bot.story.text_declarations import declaration_line
from bot.story.title_lines import HASHTAGS
from bot.story.warning_lists import give_warning_lists, take_warning_lists

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<body>.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
# A front matter line's key, everything before its first colon but the spaces there; found by
# str.partition, as a lazy key followed by "[ \t]*:" read a run of spaces once per character of it.
_YAML_KEY = re.compile(r"[A-Za-z][\w '/-]*")
# TOML front matter, as Hugo and Zola write it: "+++" / 'title = "The Salt Road"' / "+++". Read as a
# text, its lines were a chapter 1 of their own and the title the file's name.
_TOML_FRONT_MATTER = re.compile(r"\A\+\+\+[ \t]*\n(?P<body>.*?)\n\+\+\+[ \t]*(?:\n|\Z)", re.DOTALL)
_TOML_PAIR = re.compile(r"^[ \t]*(?P<key>[A-Za-z][\w-]{0,40})[ \t]*=[ \t]*(?P<value>.*)$")
_TOML_TABLE = re.compile(r"^[ \t]*\[{1,2}[^\]\n]*\]{1,2}[ \t]*$")  # "[extra]": its keys read as the others are
# JSON front matter, as Hugo reads a page opening with "{": an object over the text, its closing brace
# ending its line. Read as text, the object was the story's first paragraph and the title the file's name.
_JSON_FRONT_MATTER_END = re.compile(r"[ \t]*(?:\n|\Z)")
_YAML_ITEM = re.compile(r"^[ \t]+-[ \t]+(?P<value>.*)$|^-[ \t]+(?P<top>.*)$")
_CAMEL_HUMP = re.compile(r"(?<=[a-z])(?=[A-Z])")

# Blockquote markers: up to three spaces, ">" and one optional space, repeated when nested.
# Every repetition consumes a ">", so the match is linear in the line; possessive, as nothing after it
# could want one back: a greedy group kept the way back through each marker (4 million took 700 MB).
_QUOTE_MARKS = re.compile(r"^(?:[ ]{0,3}>[ \t]?)++")
_QUOTED_ATX = re.compile(r"^[ \t]*#{1,6}[ \t]+(?=\S)")
# Tried only where a run of spaces starts: tried at each of its spaces, a long run was read again from each.
_ATX_CLOSE = re.compile(r"(?<![ \t])[ \t]+#+[ \t]*$")
_UNDERLINE = re.compile(r"^[ \t]*(?:=+|-+)[ \t]*$")

_CALLOUT_ONLY = re.compile(r"^[ \t]*\[![\w-]+\][+-]?[ \t]*$")  # Obsidian's callout marker with no title
_IMAGE_ONLY = re.compile(rf"^(?:\[{IMAGE}(?:: [^\]\n]*)?\][ \t]*\n?)+$")
_ALT = regex.compile(r"""\balt[ \t]*=[ \t]*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s>"']+))""", regex.IGNORECASE)


def _wiki_image(match: regex.Match[str]) -> str:
    """Obsidian's ``![[map.png]]`` is an image, shown as one (its file name is no description), its
    alt text after a bar ("![[map.png|The island]]", not a size, "|300" or "|300x200"), and one its
    name calls a divider, alone on its line, a scene break as a Markdown image is."""
    if _divider_line(match.string, match.start(), match.end()):
        return _DIVIDER
    shown = (part.strip() for part in (match.group("shown") or "").split("|"))
    return _apart(match, image_line(next((part for part in shown if part and not _IMAGE_SIZE.fullmatch(part)), None)))


def _apart(match: regex.Match[str], said: str) -> str:
    """``said`` (an embed's bracketed words) with a space after it when a bracket or another embed
    follows straight on: "[Embedded note: Gran][Embedded note: Bram]" read as a Markdown reference
    link, and the first lost its brackets."""
    follows = match.string[match.end() : match.end() + 1]
    return f"{said} " if said and follows in ("[", "!") else said


_IMAGE_SIZE = regex.compile(r"\d{1,5}(?:x\d{1,5})?")
_FILE_SUFFIX = regex.compile(r"\.(?P<suffix>[A-Za-z0-9]{1,5})$")


def _wiki_embed(match: regex.Match[str]) -> str:
    """Obsidian's ``![[Letter from Gran]]``: another note's text (or a file, "song.mp3") shown in this
    one, which the file does not hold; said where it stood, as an image is, not dropped without a
    word (its line left empty parted the scene around it), as is a section of the note itself shown
    again ("![[#Scene 2]]")."""
    target = match.group("target")
    name = inline.wiki_name(target)
    if name is None:
        section = target.strip().lstrip("#^").strip()
        return _apart(match, f"[Embedded section: {section}]" if section else "")
    suffix = _FILE_SUFFIX.search(name)
    if suffix is None or suffix.group("suffix").lower() == "md":
        return _apart(match, f"[Embedded note: {name.removesuffix('.md').strip()}]")
    return _apart(match, f"[Embedded file: {name.strip()}]")


def _sub(
    pattern: str, replacement: str | Callable[[regex.Match[str]], str], needs: str, flags: int = 0
) -> Callable[[str], str]:
    """A pass of a pattern that reads each character a bounded number of times (no span tried from
    every opener to the line's end: those are :mod:`bot.story.inline_markup`'s), on lines that hold
    ``needs``, which every match does (a search in C spares most lines the pattern's call)."""
    compiled = regex.compile(pattern, flags)
    return lambda line: compiled.sub(replacement, line) if needs in line else line


def _image_of_group(line: str, start: int, end: int, group: tuple[int, int] | None) -> str:
    assert group is not None
    if _divider_line(line, start, end):
        return _DIVIDER
    return image_line(line[group[0] : group[1]])


def _image_of_tag(line: str, start: int, end: int, group: tuple[int, int] | None) -> str:
    if _divider_line(line, start, end):
        return _DIVIDER
    alt = _ALT.search(line[start:end])
    return image_line(alt and (alt.group("dq") or alt.group("sq") or alt.group("bare")))


_DIVIDER = "* * *"


def _divider_line(line: str, start: int, end: int) -> bool:
    """An image alone on its line whose alt, file or class name it a divider ("![](scene-break.png)")
    is a scene break, as the HTML and EPUB readers read one (front_pages.names_divider)."""
    return (
        start <= _BESIDE_IMAGE
        and len(line) - end <= _BESIDE_IMAGE
        and not line[:start].strip()
        and not line[end:].strip()
        and names_divider(line[start:end])
    )


_BESIDE_IMAGE = 40  # spaces around an image alone on its line (a line of 100,000 images is looked at once each)


_NOT_LINK_END = "]\n"
_NOT_URL_END = ")\n"
# HTML elements a Markdown text may wrap words in, taken off with their words kept: a link's or a font's
# tags were posted as text ("<a href=...>left</a>"), escaped, to every reader.
_INLINE_TAGS = frozenset([
    "em", "i", "strong", "b", "u", "span", "small", "sup", "sub", "center", "p", "div",
    "a", "font", "abbr", "cite", "del", "ins", "mark", "q", "s", "strike", "tt", "big", "kbd", "samp", "var",
    "time", "dfn", "bdi", "bdo", "label", "code",
])  # fmt: skip
# The passes, in order, each over one line in time linear in it (a span that never closes is read
# once, not once per opener: see bot.story.inline_markup).
_INLINE: tuple[Callable[[str], str], ...] = (
    inline.paired(r"<!--", r"-->", 4, "<!--", keep=False),  # <!--.*?-->
    # Obsidian: %%comments%%, embedded notes and images, [[wikilinks|shown text]], callout markers.
    _sub(r"%%.*?%%", "", "%%"),  # any "%%" after an opener closes it: read once
    # Ulysses's inline comment, "++check the tide tables++", the writer's to themselves, with a space after it
    # ("C++" is none)
    inline.paired(r"(?<![\w+])\+\+(?=[^\s+])", r"(?<=[^\s+])\+\+(?![\w+])[ \t]?", 3, "++", keep=False),
    # Ulysses's and Bear's highlight, "::horn low::", its words kept ("std::vector" is none)
    inline.paired(r"(?<![\w:])::(?=[^\s:])", r"(?<=[^\s:])::(?![\w:])", 3, "::"),
    _sub(
        r"!\[\[[^\[\]\n|]*?\.(?:png|jpe?g|gif|webp|svg|bmp|avif)(?:\|(?P<shown>[^\[\]\n]*))?\]\]",
        _wiki_image,
        "![[",
        regex.IGNORECASE,
    ),
    _sub(r"!\[\[(?P<target>[^\[\]\n|]*)(?:\|[^\[\]\n]*)?\]\]", _wiki_embed, "![["),
    _sub(r"\[\[[^\[\]\n|]*\|([^\[\]\n]+)\]\]", r"\1", "[["),
    inline.wiki_links,
    # a link to a heading of the same note ("[[#Chapter 1]]", as a note's contents lists them): the heading
    _sub(r"\[\[#([^\[\]\n|#^]{1,200})\]\]", r"\1", "[[#"),
    _sub(r"^[ \t]*\[![\w-]+\][+-]?[ \t]*", "", "[!"),
    # Obsidian's block id closing a paragraph ("... the harbour. ^b1c2d3"; a letter in it: "x ^2" stays).
    _sub(r"(?<=\S)[ \t]+\^(?=[0-9-]{0,63}[A-Za-z])[A-Za-z0-9][A-Za-z0-9-]{0,63}[ \t]*$", "", "^"),
    # Pandoc's and Google Docs' heading attributes: "## Chapter 1 {#chapter-1}".
    inline.heading_attributes,
    # Pandoc's bracketed spans and the attributes after an image, as a Word file converted has them
    # ("[Salt on the wind]{.underline}", "[]{#_Toc12 .anchor}", "![](media/image1.png){width="6.5in"}"):
    # posted as they were written. Each run stops at the next bracket or brace, so each is read once.
    _sub(r"\[([^\[\]\n]*+)\]\{(?:[#.]|[\w-]++=)[^{}\n]*+\}", r"\1", "]{"),
    _sub(r"(?<=\))\{(?:[#.]|[\w-]++=)[^{}\n]*+\}", "", "){"),
    # Reference definitions, before images; a footnote's ("[^1]: text") is the author's note (bot.story.footnotes).
    # (?<!\S)\[(?!\^)[^\]\n]+\]:[ \t]+\S+.*$
    inline.chain(
        inline.Lit("["),
        inline.Not("^"),
        inline.Run(_NOT_LINK_END, least=1),
        inline.Lit("]:"),
        inline.SpacedValue(),
        replace=inline.nothing,
        after_space=True,
    ),
    # [![alt](img)](url)
    inline.chain(
        inline.Lit("[!["),
        inline.Run(_NOT_LINK_END, group=True),
        inline.Lit("]("),
        inline.Run(_NOT_URL_END),
        inline.Lit(")]("),
        inline.Run(_NOT_URL_END),
        inline.Lit(")"),
        replace=_image_of_group,
    ),
    # ![alt](url)
    inline.chain(
        inline.Lit("!["),
        inline.Run(_NOT_LINK_END, group=True),
        inline.Lit("]("),
        inline.Run(_NOT_URL_END),
        inline.Lit(")"),
        replace=_image_of_group,
    ),
    # ![alt][ref]
    inline.chain(
        inline.Lit("!["),
        inline.Run(_NOT_LINK_END, group=True),
        inline.Lit("]["),
        inline.Run(_NOT_LINK_END),
        inline.Lit("]"),
        replace=_image_of_group,
    ),
    # <img\b[^>\n]*>
    inline.chain(
        inline.Lit("<img", fold=True), inline.WordEnd(), inline.Run(">\n"), inline.Lit(">"), replace=_image_of_tag
    ),
    # [text](url)
    inline.chain(
        inline.Lit("["),
        inline.Run(_NOT_LINK_END, least=1, group=True),
        inline.Lit("]("),
        inline.Run(_NOT_URL_END),
        inline.Lit(")"),
    ),
    # [text][ref], not a footnote's call
    inline.chain(
        inline.Lit("["),
        inline.Run(_NOT_LINK_END, least=1, group=True),
        inline.Lit("]["),
        inline.Not("^"),
        inline.Run(_NOT_LINK_END),
        inline.Lit("]"),
    ),
    inline.paired_by_delimiter(("**", "__"), r"(\*\*|__)(?=\S)", r"(?<=\S){}", 3),  # bold
    inline.paired(r"(?<![\w*\\])\*(?=[^\s*])", r"(?<=[^\s*])\*(?![\w*])", 2, "*"),  # *italic*
    inline.paired(r"(?<![\w\\])_(?=[^\s_])", r"(?<=[^\s_])_(?!\w)", 2, "_"),  # _italic_
    inline.paired(r"~~(?=\S)", r"(?<=\S)~~", 3, "~~"),  # strikethrough
    _sub(r"`([^`\n]+)`", r"\1", "`"),  # inline code
    # A heading written as HTML on a line of its own ("<h2>Chapter 1</h2>", pasted from a page or a
    # converter) is the Markdown heading of its level.
    _sub(
        r"^[ \t]*<h([1-6])\b[^>\n]*+>([^<\n]*+)</h\1>[ \t]*$",
        lambda match: "#" * int(match.group(1)) + " " + match.group(2).strip() if match.group(2).strip() else "",
        "<",
        regex.IGNORECASE,
    ),
    _sub(r"<br\s*/?>", "\n", "<", regex.IGNORECASE),
    # </?(?:em|i|strong|...)\b[^>]*>, the elements of _INLINE_TAGS
    inline.chain(
        inline.Lit("<"),
        inline.Optional("/"),
        inline.TagName(_INLINE_TAGS),
        inline.Run(">"),
        inline.Lit(">"),
        replace=inline.nothing,
    ),
    _sub(r"\\([\\`*_{}\[\]()#+\-.!|~>])", r"\1", "\\"),  # backslash escapes
)


# Every pattern of _INLINE needs one of these characters; a line without any is left as it is, one
# search instead of twenty-odd (4 MB of prose spent a second here).
_MARKUP_CHAR = re.compile(r"[<%\[{*_~`\\^+]|::")
_PANDOC_TITLE_BLOCK = re.compile(r"\A(?:%[^\n]*(?:\n|\Z)){1,3}")
_PANDOC_FIELDS = ("Title", "Author", "Date")


def front_matter_lines(text: str) -> tuple[list[str], str]:
    """YAML front matter as "Key: value" lines (lists joined by commas), and the rest; or Pandoc's
    title block ("% Title" / "% Author" / "% Date" opening the file), which was a first chapter."""
    block = _PANDOC_TITLE_BLOCK.match(text) if text.startswith("%") else None
    if block is not None:
        values = [line[1:].strip() for line in block.group(0).split("\n") if line.startswith("%")]
        fields = [f"{name}: {value}" for name, value in zip(_PANDOC_FIELDS, values, strict=False) if value]
        return fields, text[block.end() :]
    if text.startswith("{"):
        return _json_front_matter(text)
    match = _FRONT_MATTER.match(text) or (_TOML_FRONT_MATTER.match(text) if text.startswith("+++") else None)
    if not match:
        return [], text
    lines = match.group("body").split("\n")
    if text.startswith("+++"):
        lines = [_toml_as_yaml(line) for line in lines if not _TOML_TABLE.match(line)]
    return _yaml_fields(lines), text[match.end() :]


def _yaml_fields(lines: list[str]) -> list[str]:
    """YAML front matter's lines as "Key: value" lines, a list's items joined by commas."""
    # Each field's value in pieces, joined once at the end: a list of 140,000 tags, each item added
    # to the whole line so far, copied the line every time (quadratic: minutes for 2 MB).
    fields: list[tuple[str, list[str]]] = []
    authors = False  # the last key names the author: its records' names are read ("- name: Ada Quill")
    for raw in lines:
        item = _YAML_ITEM.match(raw)
        if item and fields:
            value = (item.group("value") or item.group("top") or "").strip().strip("\"'")
            value = _nested_name(value) if authors else value
            if value is None:
                continue  # "- affiliation: ...": a record's other fields
            pieces = fields[-1][1]
            if pieces:
                pieces.append(", ")
            if value:
                pieces.append(value)
            continue
        key, colon, value = raw.partition(":")
        key = key.rstrip(" \t")
        if colon and _YAML_KEY.fullmatch(key):
            value = value.strip()
            if value.startswith("[") and value.endswith("]"):
                value = ", ".join(part.strip().strip("\"'") for part in value[1:-1].split(","))
            value = value.strip("\"'")
            if value in ("|", ">", "|-", ">-"):
                value = ""
            fields.append((_field_label(key), [value] if value else []))
            authors = _names_author(fields[-1][0])
        elif raw.strip() and fields and authors and (nested := _nested_name(raw.strip())) != raw.strip():
            pieces = fields[-1][1]
            if nested:  # "  name: Ada Quill" under "author:", as Jekyll and Quarto set an author's record
                pieces.append((", " if pieces else "") + nested)
        elif raw.strip() and fields:
            pieces = fields[-1][1]
            pieces.append((" " if pieces else "") + raw.strip().replace(":  ", ": "))
    return [f"{label}: {''.join(pieces)}" for label, pieces in fields]


def _json_front_matter(text: str) -> tuple[list[str], str]:
    """Hugo's JSON front matter ('{ "title": "The Salt Road", "author": "Ada Quill" }' over the text) as
    "Key: value" lines, and the rest; or no fields and the text, where no object closes on its own line.
    Its values are written as YAML's would be and read by the same loop: a list's items, an author's
    record's name, a nested table's ("params") keys as the page's own, as TOML's tables are."""
    try:
        found, end = json.JSONDecoder().raw_decode(text)
    except (ValueError, RecursionError):
        return [], text
    after = _JSON_FRONT_MATTER_END.match(text, end)
    if not isinstance(found, dict) or not found or after is None:
        return [], text
    lines: list[str] = []
    for key, value in found.items():
        lines += _json_lines(str(key), value, top=True)
    return _yaml_fields(lines), text[after.end() :]


def _json_lines(key: str, value: object, *, top: bool) -> list[str]:
    """One JSON front matter pair as the YAML lines that say it ("tags": ["a", "b"] is "tags:" over
    "  - a" and "  - b"); a table's pairs as the page's own, an author's record as its name."""
    if not _YAML_KEY.fullmatch(key):
        return []
    if isinstance(value, dict):
        if _names_author(_field_label(key)):
            return [f"{key}:", *(f"  {name}: {_json_scalar(value[name])}" for name in value if name in _NAME_KEYS)]
        if not top:
            return []
        return [line for inner, item in value.items() for line in _json_lines(str(inner), item, top=False)]
    if isinstance(value, list):
        author = _names_author(_field_label(key))
        items: list[str] = []
        for item in value:
            if isinstance(item, dict):
                if author and "name" in item:  # Quarto's and Pandoc's authors: [{"name": ...}]
                    items.append(f"  - name: {_json_scalar(item['name'])}")
            elif not isinstance(item, list) and item is not None:
                items.append(f"  - {_json_scalar(item)}")
        return [f"{key}:", *items]
    return [] if value is None else [f"{key}: {_json_scalar(value)}"]


def _json_scalar(value: object) -> str:
    """A JSON value as one line of YAML's: a string quoted, so "[Draft] Salt" is no list; true as true."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return '"' + " ".join(value.split()) + '"'
    return str(value)


# A field of a record nested under a front matter key: "name: Ada Quill" under "author:" (Jekyll's
# author, Quarto's and Pandoc's list of authors, "- name: Ada Quill" over "  affiliation: ...").
_NESTED_FIELD = re.compile(r"(?P<key>[A-Za-z][\w-]{0,30}):(?:[ \t]+(?P<value>.*))?")
_NAME_KEYS = frozenset(["name", "display_name", "literal"])


def _names_author(label: str) -> bool:
    """Whether a front matter key names the author ("author", "authors", "autor")."""
    field = parse_field(f"{label}: -")
    return field is not None and KEYS.get(field[0]) == "author"


def _nested_name(text: str) -> str | None:
    """A nested record's line as the front matter reads it: a name field's value ("name: Ada Quill"
    gives "Ada Quill"), None for its other fields ("affiliation: ..."); a line that is no field as it is."""
    found = _NESTED_FIELD.fullmatch(text)
    if found is None:
        return text
    if found.group("key").lower() in _NAME_KEYS:
        return (found.group("value") or "").strip().strip("\"'")
    return None


def closing_tags(text: str) -> tuple[str, str | None]:
    """The text less a line of hashtags closing it, a paragraph of its own ("#writing/fic #drafts"), and
    the tags it names ("writing/fic, drafts"); or the text as it is and None. Bear and Obsidian set a
    note's tags so, and in their Markdown a "#word" is a tag, not text: the line was the story's last
    paragraph. (In a text file such a line may be a character's post, and stays.)"""
    body = text.rstrip()
    start = body.rfind("\n") + 1
    line = body[start:].strip()
    if not line.startswith("#") or HASHTAGS.fullmatch(line) is None:
        return text, None
    before = body[:start]
    above = before[before.rfind("\n", 0, max(len(before) - 1, 0)) + 1 :]  # the line over it
    if above.strip() or not before.strip():
        return text, None  # the paragraph's last line, or the note's tags alone
    return before, ", ".join(tag.lstrip("#") for tag in line.split())


def _toml_as_yaml(line: str) -> str:
    """A TOML front matter line as the YAML one it means: 'title = "X"' is 'title: "X"'; a line that
    goes on an array over several lines ('  "gen",') is a YAML list item."""
    pair = _TOML_PAIR.match(line)
    if pair is not None:
        value = pair.group("value").strip()
        return f"{pair.group('key')}:" + ("" if value == "[" else f" {value}")  # "tags = [" opens a list
    value = line.strip().rstrip(",").strip()
    return f"  - {value}" if value and value not in ("[", "]") else ""


_CALLOUT = re.compile(r"^[ ]{0,3}>[ \t]?\[!(?P<kind>[\w-]+)\][+-]?[ \t]*(?P<title>.*?)[ \t]*$")
_CALLOUT_BODY = re.compile(r"^[ ]{0,3}>[ \t]?(?P<text>.*?)[ \t]*$")
_TITLE_HEADING = re.compile(r"^#[ \t]+\S")
# Callout kinds that say what their text is when their title does not name a field.
_CALLOUT_FIELDS = {
    "warning": "Content warnings",
    "caution": "Content warnings",
    "danger": "Content warnings",
    "attention": "Content warnings",
    "abstract": "Summary",
    "summary": "Summary",
    "tldr": "Summary",
    # the author's notes above the story ("> [!note]" over "Drafted in ..."): a chapter 1 of its own before
    "note": "Notes",
    "info": "Notes",
    "tip": "Notes",
    "hint": "Notes",
    "important": "Notes",
    "todo": "Notes",
}


def leading_callouts(text: str) -> str:
    """Obsidian callouts above the story that hold its metadata, as "Label: text" lines.

    A note often opens with "> [!warning] Content warnings" over the warnings, or a
    "> [!abstract]" summary: read as a quote, it was the story's first chapter and the
    warnings were never declared. A callout counts while only the title heading, blank
    lines and other callouts come before it, and only when its title is a field label
    ("TW", "Summary") or its kind says what it holds; anything else stays as it was.
    """
    lines = text.split("\n")
    out: list[str] = []  # written as read: a splice per callout cost its file's length (45,000 took 10 s)
    index = 0
    while index < len(lines):
        line = lines[index]
        if not line.strip() or _TITLE_HEADING.match(line):
            out.append(line)
            index += 1
            continue
        callout = _CALLOUT.match(line)
        if callout is None:
            break
        body = _callout_body(lines, index + 1)
        field = _callout_field(callout, body)
        if field is None:
            break
        out += [*field, ""]
        index += 1 + len(body)
    return "\n".join(out + lines[index:])


def _callout_body(lines: list[str], start: int) -> list[str]:
    """The quoted lines of a callout from ``start`` up to its first empty or unquoted line."""
    body: list[str] = []
    for index in range(start, len(lines)):  # not a copy of the lines after it, per callout
        line = lines[index]
        quoted = _CALLOUT_BODY.match(line)
        if quoted is None or not quoted.group("text") or _CALLOUT.match(line):
            break
        body.append(quoted.group("text"))
    return body


_QUOTE_CALLOUTS = frozenset(["quote", "cite"])


def _callout_field(callout: re.Match[str], body: list[str]) -> list[str] | None:
    """The callout as field lines ("Content warnings: blood"), or None when it is not metadata; a quote
    callout as the quote's lines over its source's, as a title page's epigraph is set (it was a chapter
    1 of its own)."""
    title = callout.group("title").strip()
    if callout.group("kind").lower() in _QUOTE_CALLOUTS and body:
        # an epigraph: "> [!quote] Anton Chekhov" over its words, read as a quote over its source
        return [*body, f"— {title}"] if title else body
    if title and parse_field(f"{title}:") is not None:
        label = title
    elif callout.group("kind").lower() in _CALLOUT_FIELDS:
        label = _CALLOUT_FIELDS[callout.group("kind").lower()]
        body = [title, *body] if title else body
    else:
        return None
    if not body:
        return None
    return [f"{label}: {body[0]}", *body[1:]]


# Logseq's page: its properties ("title:: Salt Roads") over an outline, every block a bullet ("- The ferry
# left ...", "\t- " under it), a block's own properties ("collapsed:: true", "id:: 65f...") under its line.
_LOGSEQ_PROPERTY = re.compile(r"[ \t]*+(?:-[ \t]++)?(?P<key>[A-Za-z][\w-]{0,40})::(?:[ \t]++(?P<value>.*))?")
_LOGSEQ_BULLET = re.compile(r"[ \t]*+-(?:[ \t]++(?P<text>.*))?")
LOGSEQ_BULLETS_LEAST = 2


def logseq_page(text: str) -> tuple[list[str], str]:
    """A Logseq page's properties as "Key: value" lines, and its outline as the text: each block's
    words a paragraph, its lines under its bullet with it, block properties dropped. Read as Markdown,
    "- ## Chapter 1" headed nothing, every block was one list and "title:: Salt Roads" story text.
    Only a file that is all outline: every line a bullet, a line of the block over it (indented) or a
    property; ([], text) for any other."""
    if "::" not in text and "\n\t-" not in text and "\n  -" not in text:
        return [], text
    lines = text.split("\n")
    fields: list[str] = []
    index = 0
    while index < len(lines):
        found = _LOGSEQ_PROPERTY.fullmatch(lines[index])
        if found is None and lines[index].strip():
            break  # the outline starts: the page's properties are above it
        if found is not None and found.group("value"):
            fields.append(f"{_field_label(found.group('key'))}: {found.group('value').strip()}")
        index += 1
    blocks: list[list[str]] = []
    for line in lines[index:]:
        if not line.strip() or _LOGSEQ_PROPERTY.fullmatch(line):
            continue
        bullet = _LOGSEQ_BULLET.fullmatch(line)
        if bullet is not None:
            blocks.append([bullet.group("text") or ""])
        elif blocks and line[:1] in " \t":
            blocks[-1].append(line.strip())  # the block's next line, under its bullet
        else:
            return [], text  # a line of Markdown outside the outline: no Logseq page
    if len(blocks) < LOGSEQ_BULLETS_LEAST or sum(map(len, blocks)) + len(blocks) > MAX_LINES:
        return [], text  # (a blank line between its blocks would take the text past the line limit)
    return fields, "\n\n".join("\n".join(block).strip() for block in blocks if "".join(block).strip()) + "\n"


def _field_label(key: str) -> str:
    """A YAML key as the label a plain-text header would use: "content_warnings" and
    "contentWarnings" read as "content warnings", so every spelling of a known label counts."""
    key = key.strip()
    label = " ".join(_CAMEL_HUMP.sub(" ", key).replace("_", " ").replace("-", " ").split())
    return key if label == key else label.lower()


def unquote_blocks(text: str) -> str:
    """Take blockquote markers off, keeping the quoted text as paragraphs of its own.

    A quote starts a new paragraph (as Markdown renders it), a lone ">" is the gap between
    quoted paragraphs, and a quoted line never becomes a chapter heading: a quoted "# Title"
    loses its hashes, a quoted setext underline becomes a gap, and a quoted line that would
    still read as a heading ("> Chapter 3") keeps its marker.
    """
    out: list[str] = []
    depth = 0  # quote depth of the previous line; 0 after ordinary text or a blank line
    quote_gap = False  # the last line written is the gap a lone ">" made
    for line in text.split("\n"):
        marks = _QUOTE_MARKS.match(line)
        if marks is None:
            if not line.strip():
                if not quote_gap:
                    out.append(line)
                quote_gap, depth = False, 0
                continue
            if depth and _UNDERLINE.match(line):
                out.append("")  # "---" after a quote is a divider, not a setext heading of it
            out.append(line)
            quote_gap = False
            continue  # lazy continuation keeps the quote's depth, as Markdown reads it
        level = marks.group(0).count(">")
        content = line[marks.end() :]
        if not content.strip() or (depth and _UNDERLINE.match(content)):
            if out and out[-1].strip():
                out.append("")
                quote_gap = True
            depth = level
            continue
        heading = _QUOTED_ATX.match(content) is not None
        if (level > depth or heading) and out and out[-1].strip():
            out.append("")  # a quote, a deeper one or a quoted heading starts its own paragraph
        out.append(_quoted_line(line, content))
        depth, quote_gap = level, False
        if heading:
            out.append("")
            quote_gap = True
    return "\n".join(out)


def _quoted_line(line: str, content: str) -> str:
    """The quoted text, unless taking the marker off would turn it into a heading."""
    if _QUOTED_ATX.match(content):
        content = _ATX_CLOSE.sub("", _QUOTED_ATX.sub("", content, count=1))
    if match_heading(content, markdown=True) is not None:
        return line
    return content


_TABLE_ROW = re.compile(r"^[ \t]*\|(?P<cells>.*)\|[ \t]*$")
# Possessive: a run of spaces (or of dashes) is taken whole, never split between the runs side by side
# that may each hold it ("[ \t]*\|?[ \t]*"): a line of 20,000 spaces under a head row took 3 s, the
# upload limit's hours. The same lines match (no part given back could let the next one match).
_TABLE_RULE = re.compile(r"^[ \t]*+\|?+[ \t]*+:?+-{3,}+:?+[ \t]*+(?:\|[ \t]*+:?+-{3,}+:?+[ \t]*+)*+\|?+[ \t]*+$")


def plain_tables(text: str) -> str:
    """A Markdown table as its rows, a line each, cells set apart by " | ", without the rule under
    its head: Discord shows no tables, and its "|-------|" line was posted as it was. Only a head
    row over such a rule starts a table; a line between bars elsewhere is text."""
    if "|" not in text or "---" not in text:
        return text
    lines = text.split("\n")
    out: list[str] = []
    index = 0
    headings = 0  # past a chapter's heading (a second heading, or one under "#"), a table is the story's
    headed = False
    while index < len(lines):
        head = _TABLE_ROW.match(lines[index])
        if head is None or index + 1 >= len(lines) or not _TABLE_RULE.match(lines[index + 1]):
            if (heading := _HEADING_LINE.match(lines[index])) is not None:
                headings += 1
                headed = headed or headings > 1 or heading.group(1) != "#"
            out.append(lines[index])
            index += 1
            continue
        # (a head row of empty cells, or naming its columns alone, "Property | Value" as Notion's page has
        # it, over a table of fields, says nothing)
        if _cells(head, headed).strip(" |") and not (not headed and _column_names(head)):
            out.append(_cells(head, headed))
        index += 2
        while index < len(lines) and (row := _TABLE_ROW.match(lines[index])) is not None:
            out.append(_cells(row, headed))
            index += 1
    return "\n".join(out)


_HEADING_LINE = re.compile(r"[ \t]{0,3}(#{1,6})[ \t]")
_COLUMN_NAMES = frozenset(
    ["property", "properties", "value", "values", "field", "fields", "key", "detail", "details", ""]
)


def _column_names(row: re.Match[str]) -> bool:
    """A table's head row of two cells that only name its columns ("Property | Value", "Field | Value")."""
    cells = [cell.strip("*_ \t").casefold() for cell in row.group("cells").split("|")]
    return len(cells) == 2 and all(cell in _COLUMN_NAMES for cell in cells)


def _cells(row: re.Match[str], headed: bool = True) -> str:
    """A row's cells set apart by " | "; over the first heading, a row of two whose first names a
    header field ("**Author** | Tamsin Greaves", "Warnings | drowning") as that field's line,
    "Author: Tamsin Greaves": the title page's table, its warnings declared."""
    cells = [cell.strip() for cell in row.group("cells").split("|")]
    if (
        not headed
        and len(cells) == 2
        and cells[1]
        and (label := cells[0].strip("*_ \t").rstrip(":"))
        and ":" not in label
    ):
        field = f"{label}: {cells[1]}"
        if parse_field(field) is not None:
            return field
    return " | ".join(cells)


def strip_inline_markup(text: str) -> str:
    """Remove emphasis, links, images and inline HTML, line by line, leaving dividers alone.

    Each pass reads a line in time linear in it, whatever it holds (bot.story.inline_markup): a
    wall-clock budget used to stop hostile lines, and a loaded machine then kept markup that a quiet
    one took off.
    """
    out = []
    lines = text.split("\n")
    for index, line in enumerate(lines):
        if line.endswith("\\") and not line.endswith("\\\\") and index + 1 < len(lines):
            # A backslash ending a line inside a paragraph is a hard line break (CommonMark: a poem's
            # lines); the break is kept, the backslash is no text. One ending the paragraph stays.
            line = line[:-1]
        if _MARKUP_CHAR.search(line) is None or is_scene_break(line):
            out.append(_characters(line))  # no character any of the passes needs (most lines of prose), or a divider
            continue
        if _CALLOUT_ONLY.match(line):
            continue  # "> [!quote]" alone: the quote that follows is the paragraph, not a gap
        for strip in _INLINE:
            line = strip(line)
        out.append(_characters(line))
    return "\n".join(out)


# A character reference, as CommonMark reads one: a known name, or a number, closed by ";".
_REFERENCE = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")


def _characters(line: str) -> str:
    """The line with its character references ("&amp;", "&mdash;", "&#233;") as the characters they
    stand for, as a Markdown preview shows them: they were posted as written ("Tom &amp; Jerry").
    Read after the markup passes, so an escaped tag ("&lt;em&gt;") is shown, not taken off."""
    if "&" not in line:
        return line
    return _REFERENCE.sub(lambda found: html.unescape(found.group()), line)


def drop_preamble_images(items: list[Item]) -> list[Item]:
    """Images above the story (a cover, a banner) are not story text: the preamble reader
    would take one for the first paragraph, so it and the summary after it would be posted.

    Above the first chapter heading when the file has chapter headings, above the first
    text otherwise; images further down are kept as "[Image: alt]" lines.
    """
    start = _first_chapter_heading(items)
    if start is None:
        start = next((i for i, item in enumerate(items) if isinstance(item, Para) and not _image_only(item)), 0)
    kept = [item for item in items[:start] if not (isinstance(item, Para) and _image_only(item))]
    return kept + items[start:]


def _first_chapter_heading(items: list[Item]) -> int | None:
    """Where the first heading that starts a chapter is; a file's single '#' heading is its title."""
    headings = [(index, item) for index, item in enumerate(items) if isinstance(item, Heading)]
    title_levels = sum(1 for _, item in headings if item.kind == "markdown" and item.level == 1)
    for index, item in headings:
        if not (item.kind == "markdown" and item.level == 1 and title_levels == 1):
            return index
    return None


def _image_only(item: Para) -> bool:
    return _IMAGE_ONLY.match(item.text) is not None


COMMENT_DECLARATION_CHARS = 600  # a warning hidden in a comment is a line or two


# A Pandoc fenced div's opening line, three colons or more and its class or attributes ("::: {custom-style=
# "Block Text"}", "::: centre"), and a closing line of colons alone.
_DIV_OPEN = re.compile(r"[ \t]{0,3}:{3,}[ \t]*(?:\{[^{}\n]*\}|[\w-]+)[ \t]*:*[ \t]*")
_DIV_CLOSE = re.compile(r"[ \t]{0,3}:{3,}[ \t]*")
_DIV_TITLE = re.compile(r"\btitle=\"(?P<title>[^\"\n]{1,80})\"")
# Python-Markdown's admonition, as MkDocs sets one: "!!! warning "Content warnings"" over its text indented
# four spaces; "???" and "???+" fold it. Read as text, it was a chapter 1 of its own, its warnings undeclared.
_ADMONITION = re.compile(
    r"[ \t]{0,3}(?:!!!|\?\?\?\+?)[ \t]+(?P<kind>[a-z][a-z0-9-]{0,29})(?:[ \t]+\"(?P<title>[^\"\n]{0,80})\")?[ \t]*"
)
_ADMONITION_INDENT = "    "


def _as_label(title: str) -> str:
    """A block's title as a label over its text: "Content warnings" is "Content warnings:"."""
    title = title.strip()
    return title if not title or title[-1] in ":.!?" else f"{title}:"


def _body_under(lines: list[str], index: int) -> bool:
    """Whether the admonition at ``index`` has its text under it, indented, a blank line apart at most."""
    after = [line for line in lines[index + 1 : index + 3] if line.strip()][:1]
    return bool(after) and after[0].startswith(_ADMONITION_INDENT)


def admonitions(text: str) -> str:
    """The text with each admonition (:data:`_ADMONITION`) as its title over its text: the marker line
    is the title as a label (the kind, "Warning:", where it has none; nothing where its title is
    empty), its indented lines are the text's own. Only one with its text under it: "!!! help" alone,
    a line of a chat, stays. One pass over the lines."""
    if "!!!" not in text and "???" not in text:
        return text
    lines = text.split("\n")
    inside = False
    for index, line in enumerate(lines):
        if inside and (line.startswith(_ADMONITION_INDENT) or not line.strip()):
            lines[index] = line[len(_ADMONITION_INDENT) :] if line.strip() else line
            continue
        inside = False
        if (
            ("!!!" in line or "???" in line)
            and (found := _ADMONITION.fullmatch(line)) is not None
            and _body_under(lines, index)
        ):
            title = found.group("title")
            lines[index] = _as_label(found.group("kind").capitalize() if title is None else title)
            inside = True
    return "\n".join(lines)


def pandoc_divs(text: str) -> str:
    """The text less Pandoc's fenced divs' lines, their text kept: a Word file converted with its
    paragraph styles (``::: {custom-style="Quote"}`` over the text and ``:::`` under it) posted both lines
    as story text. A line of colons alone that closes no div stays (a scene break); an opening line
    is taken out closed or not, but for its title, a label over the div's text (Quarto's callout,
    ``::: {.callout-warning title="Content warnings"}`` over "self-harm, drowning": the list was a
    chapter 1 of its own, undeclared). One pass over the lines, each matched once."""
    if ":::" not in text:
        return text
    lines = text.split("\n")
    open_divs = 0
    for index, line in enumerate(lines):
        if ":::" not in line:
            continue
        if _DIV_OPEN.fullmatch(line):
            open_divs += 1
            title = _DIV_TITLE.search(line)
            lines[index] = _as_label(title.group("title")) if title else ""
        elif open_divs and _DIV_CLOSE.fullmatch(line):
            open_divs -= 1
            lines[index] = ""
    return "\n".join(lines)


_ASIDE_TAG = re.compile(r"[ \t]*</?aside[ \t]*>[ \t]*", re.IGNORECASE)
_CALLOUT_ICON = regex.compile(r"^[ \t]*[\p{So}\p{Sk}][\ufe0f\u200d\p{So}\p{Sk}]{0,7}[ \t]+(?=\S)")


def notion_asides(text: str) -> str:
    """The text with Notion's callouts opened: its Markdown export sets each in "<aside>" and "</aside>"
    lines, the callout's icon before its first line ("<aside>" / "⚠️ Content warning: drowning" /
    "</aside>"). The tags and the icon were posted as story text, and a warning in one declared nothing;
    now its lines are read as the text's own (a declaration under the title declares). The tag lines go
    with one gap of the blank lines around them, so they part no scene. One pass over the lines."""
    if "aside" not in text:
        return text
    lines = text.split("\n")
    out: list[str] = []
    index = 0
    opened = False  # the line after an "<aside>" line: its icon goes
    while index < len(lines):
        line = lines[index]
        index += 1
        if "aside" in line and _ASIDE_TAG.fullmatch(line):
            opened = line.strip()[1] != "/"
            if not out or not out[-1].strip():
                while index < len(lines) and not lines[index].strip():
                    index += 1
            continue
        if opened and line.strip():
            line = _CALLOUT_ICON.sub("", line, count=1)
            opened = False
        out.append(line)
    return "\n".join(out)


def obsidian_block_comments(text: str) -> str:
    """The text less Obsidian's comments over lines of their own: a line opening with "%%" that does not
    close it, the lines under it and the line ending with the closing "%%" (a note's "%%" / "TODO: fix
    Ada's age" / "%%"), posted as story text; "%%cut%%" in a line is :data:`_INLINE`'s. A comment that
    opens with a declaration is kept as its paragraph, as an HTML comment's is (:func:`drop_comments`);
    another goes with one gap of the blank lines around it, so it parts no scene. A line opening "%% " and
    words that no line under it closes is Ulysses' comment paragraph, taken out alone the same way (it
    was posted as story text); a bare opening "%%" with no closing line under it is left as text. Once
    no closing line is found none is looked for again: the lines are read once."""
    if "%%" not in text:
        return text
    lines = text.split("\n")
    out: list[str] = []
    index = 0
    closes = True  # a closing line was found under the last opener
    while index < len(lines):
        line = lines[index].strip()
        if not (line.startswith("%%") and "%%" not in line[2:]):
            out.append(lines[index])
            index += 1
            continue
        end = _comment_end(lines, index) if closes else None
        if end is None:
            closes = False
            if not _ulysses_comment(line):
                out.append(lines[index])
                index += 1
                continue
            end = index
        said = " ".join(" ".join(lines[index : end + 1]).strip()[2:].removesuffix("%%").split())
        index = end + 1
        if _declares(said):
            out.append(said)
        elif not out or not out[-1].strip():  # one gap of the two around it, not a scene break
            while index < len(lines) and not lines[index].strip():
                index += 1
    return "\n".join(out)


# A site generator's markup on a line of its own: kramdown's attribute lists ("{: .scene-break}", "{:toc}",
# as Jekyll's posts set them), Hugo's shortcodes ("{{< figure src=... >}}", "{{% note %}}") and Liquid's
# tags ("{% include aside.html %}"); Obsidian's block id alone under a list or a quote ("^b1c2d3"); and
# the LaTeX a writer sets between chapters for Pandoc's PDF ("\newpage", "\pagebreak", "\clearpage",
# "\tableofcontents", "\vspace{2em}"), which Pandoc drops from any other output; and iA Writer's content
# blocks, a line that is only a file's path ("/chapter2.md", '/images/map.png "The coast"'), which that app
# replaces with the file and no other shows: read as text, the paths were a paragraph of the story.
_GENERATOR_LINE = re.compile(
    r"[ \t]*(?:\{:[^{}\n]{0,200}\}|\{\{[<%][^{}\n]{0,300}[>%]\}\}|\{%[^{}\n]{0,300}%\}"
    r"|\^(?=[0-9-]{0,63}[A-Za-z])[A-Za-z0-9][A-Za-z0-9-]{0,63}"
    r"|\\(?:newpage|pagebreak|clearpage|cleardoublepage|tableofcontents|maketitle|noindent|bigskip|medskip"
    r"|smallskip|vfill|centering|(?:vspace|thispagestyle|pagestyle)\*?\{[^{}\n]{0,40}\})"
    r"|/(?:[\w .-]{1,80}/){0,8}[\w .-]{1,80}\.(?:md|markdown|txt|text|csv|png|jpe?g|gif|svg|webp|tiff?)"
    r"(?:[ \t]+(?:\"[^\"\n]{0,120}\"|'[^'\n]{0,120}'|\([^()\n]{0,120}\)))?)[ \t]*"
)


def generator_lines(text: str) -> str:
    """The text less a site generator's markup on lines of their own (:data:`_GENERATOR_LINE`), posted
    as story text from a Jekyll or Hugo post's source or a Pandoc writer's page breaks; each goes with
    one gap of the blank lines around it, so a figure's shortcode between two paragraphs parts no scene.
    Markup inside a line of words stays.

    Two kinds hold lines: a Liquid comment ("{% comment %}" / "TODO: fix the ending" / "{% endcomment
    %}") goes with its lines, as an HTML comment does (one that opens with a declaration is kept as its
    paragraph); a Hugo theme's box ("{{< notice warning "Content warnings" >}}" over its text and "{{<
    /notice >}}") keeps its title as a label over its text, as an admonition does. One pass over the
    lines, and one before it for where the comments and boxes close."""
    if (
        "{:" not in text
        and "{{" not in text
        and "{%" not in text
        and "^" not in text
        and "\\" not in text
        and "\n/" not in text
        and text[:1] != "/"
    ):
        return text
    lines = text.split("\n")
    closers = _block_closers(lines)
    out: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        if ("{" not in line and "^" not in line and "\\" not in line and line[:1] != "/") or _GENERATOR_LINE.fullmatch(
            line
        ) is None:
            out.append(line)
            continue
        if (label := _box_label(line, closers, index)) is not None:
            out.append(label)
            continue
        if (close := _comment_close(line, closers, index)) is not None:
            said = " ".join(" ".join(lines[index:close]).split())
            index = close + 1
            if _declares(said):
                out.append(said)
                continue
        if not out or not out[-1].strip():  # one gap of the two around it
            while index < len(lines) and not lines[index].strip():
                index += 1
    return "\n".join(out)


# Liquid's comment block and a Hugo shortcode's opening and closing lines, each a generator line of its own.
_LIQUID_COMMENT = re.compile(r"[ \t]*\{%-?[ \t]*comment[ \t]*-?%\}[ \t]*")
_LIQUID_END_COMMENT = re.compile(r"[ \t]*\{%-?[ \t]*endcomment[ \t]*-?%\}[ \t]*")
_SHORTCODE = re.compile(
    r"[ \t]*\{\{[<%][ \t]*(?P<close>/)?[ \t]*(?P<name>[A-Za-z][\w-]{0,30})(?P<args>[^{}\n]{0,300}?)[ \t]*[>%]\}\}[ \t]*"
)
# The boxes Hugo's themes set text in (Learn's "notice", Docsy's "alert", LoveIt's "admonition", Book's "hint").
_BOX_SHORTCODES = frozenset(
    ["notice", "alert", "callout", "admonition", "hint", "note", "warning", "caution", "tip", "info"]
)
_BOX_TITLE = re.compile(r"(?:\btitle=)?\"(?P<title>[^\"\n]{1,80})\"")
_BOX_KINDS = frozenset(["warning", "caution", "danger", "note", "info", "tip", "important"])
_COMMENT_CLOSE = "endcomment"


def _block_closers(lines: list[str]) -> dict[str, list[int]]:
    """Where each Liquid comment and each Hugo shortcode closes, by name ("endcomment" for a comment),
    the nearest last: read once, so an opener asks for the first closer under it."""
    closers: dict[str, list[int]] = {}
    for index, line in enumerate(lines):
        if "{" not in line:
            continue
        if _LIQUID_END_COMMENT.fullmatch(line):
            closers.setdefault(_COMMENT_CLOSE, []).append(index)
        elif (code := _SHORTCODE.fullmatch(line)) is not None and code.group("close"):
            closers.setdefault(code.group("name").casefold(), []).append(index)
    for found in closers.values():
        found.reverse()  # (the nearest last: let go from the end)
    return closers


def _closer_under(closers: dict[str, list[int]], name: str, index: int) -> int | None:
    """The first line at or under ``index`` closing ``name``; the closers above it are let go."""
    found = closers.get(name)
    while found and found[-1] < index:
        found.pop()
    return found[-1] if found else None


def _comment_close(line: str, closers: dict[str, list[int]], index: int) -> int | None:
    """The line closing the Liquid comment ``line`` opens, the line under it at ``index``."""
    return _closer_under(closers, _COMMENT_CLOSE, index) if _LIQUID_COMMENT.fullmatch(line) else None


def _box_label(line: str, closers: dict[str, list[int]], index: int) -> str | None:
    """A Hugo box's opening line as its title a label over its text ("Content warnings:"; its kind,
    "Warning:", where it has no title; nothing where it has neither), where a closing line is under it."""
    code = _SHORTCODE.fullmatch(line)
    if code is None or code.group("close") or (name := code.group("name").casefold()) not in _BOX_SHORTCODES:
        return None
    if _closer_under(closers, name, index) is None:
        return None
    args = code.group("args")
    if (title := _BOX_TITLE.search(args)) is not None:
        return _as_label(title.group("title"))
    kind = next((word for word in re.findall(r"[a-z]+", args.casefold()) if word in _BOX_KINDS), None)
    kind = kind or (name if name in _BOX_KINDS else None)
    return _as_label(kind.capitalize()) if kind else ""


def _comment_end(lines: list[str], opener: int) -> int | None:
    """The line closing the Obsidian comment opened at ``opener``: the first under it ending "%%"."""
    return next((at for at in range(opener + 1, len(lines)) if lines[at].rstrip().endswith("%%")), None)


def _ulysses_comment(line: str) -> bool:
    """Whether a line opening "%%" that nothing under it closes is Ulysses' comment paragraph ("%% check
    the tide tables here": Ulysses marks the line a comment to its end); a bare "%%" is not."""
    return line[2:3] in (" ", "\t") and bool(line[3:].strip())


def drop_comments(text: str) -> str:
    """HTML comments (``<!-- draft: cut this -->``) are the author's notes to themselves: taken out
    however many lines they span, and a comment on lines of its own with those lines, so the
    blank lines around it are one gap, not a scene break. An unclosed ``<!--`` is left as text.
    One pass with ``str.find``, each line read once (:class:`_LineBounds`): a comment asked of its
    line's text up to it and after it, and one line of 64,000 comments took 3.4 s.

    A comment on lines of its own that opens with a declaration ("<!-- CW: drowning, self-harm
    (ch 2) -->", hidden so as not to spoil a chapter) is kept as its paragraph, which the readers of
    notes declare and never post: taken out, the warning was lost."""
    out: list[str] = []
    position = 0
    lines = _LineBounds(text)
    while (start := text.find("<!--", position)) != -1:
        end = text.find("-->", start + 4)
        if end == -1:
            break
        inner = text[start + 4 : end].strip()
        end += 3
        line_start, _, opening, _ = lines.around(start)
        alone_before = opening >= start  # nothing but spaces before it on its line
        if _declares(inner) and alone_before:
            out.append(text[position:start])
            out.append(" ".join(inner.split()))
            position = end
            continue
        _, line_end, _, closing = lines.around(end)
        if alone_before and closing <= end:
            start, end = line_start, min(line_end + 1, len(text))  # whole lines: they go too
            if start == 0 or text.endswith("\n\n", 0, start):  # and one gap of the two around them
                while (next_end := text.find("\n", end)) != -1 and not text[end:next_end].strip():
                    end = next_end + 1
        elif text[start - 1 : start] in (" ", "\t") and text[end : end + 1] in (" ", "\t"):
            end += 1  # "Calm <!-- or rough? --> seas." is "Calm seas."
        out.append(text[position:start])
        position = end
    out.append(text[position:])
    return "".join(out)


class _LineBounds:
    """The line around a place in ``text``, read once: asked of places in order, as
    :func:`drop_comments` asks, it reads each line once however many comments it holds."""

    __slots__ = ("_line", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._line = (0, -1, 0, 0)

    def around(self, place: int) -> tuple[int, int, int, int]:
        """The line holding ``place`` (a newline is its line's end): where it starts, where it ends (at
        its newline or the text's end), where its text opens (its first character not a space) and
        where its text closes (past its last such character); a blank line opens and closes at its end."""
        start, end, _, _ = self._line
        if not start <= place <= end:
            text = self._text
            start = text.rfind("\n", 0, place) + 1
            end = text.find("\n", place)
            end = len(text) if end == -1 else end
            line = text[start:end]
            self._line = (start, end, start + len(line) - len(line.lstrip()), start + len(line.rstrip()))
        return self._line


def _declares(comment: str) -> bool:
    return 0 < len(comment) <= COMMENT_DECLARATION_CHARS and declaration_line(comment.split("\n", 1)[0])


# The spaces between the two tags are read once: as "[ \t]*\n?[ \t]*" every split of a run of them
# between the two was tried ("<details>" and 80,000 spaces took 37 s).
_DETAILS_OPEN = re.compile(r"[ \t]*+<details\b[^>\n]*>[ \t]*+(?:\n[ \t]*+)?<summary\b[^>\n]*>", re.IGNORECASE)
_SUMMARY_CLOSE = "</summary>"
_DETAILS_CLOSE = "</details>"
_TAG = re.compile(r"<[^<>\n]*>")
SUMMARY_TITLE_CHARS = 300  # a <summary> title is one short line, looked for this far


def read_details(text: str) -> str:
    """A ``<details>`` block with a ``<summary>`` title, as a box on a web page is read: titled as a
    note or warnings ("Content warnings") it is the chapter's note, one "A/N:" paragraph; any
    other keeps its title as the paragraph over its text. The tags were story text, the note a
    paragraph of the story. Each block is found with ``str.find`` from the last one's end.

    A box opens its line (spaces before it) or follows the box before it on its line, each then
    a paragraph of its own; one after other words is left as it is. (Looked for from its line's
    start, the second box of a line found the first there, read it again and went back before
    itself: the import never ended.)"""
    out: list[str] = []
    position = 0
    taken = 0  # where the last box read ends: a box right after it opens a paragraph too
    while (start := text.find("<details", position)) != -1:
        line_start = start  # the spaces before it, back to its line's start or the last box's end
        while line_start > taken and text[line_start - 1] in " \t":
            line_start -= 1
        opens = line_start == taken or text[line_start - 1] == "\n"
        opening = _DETAILS_OPEN.match(text, line_start) if opens else None
        if opening is None:
            out.append(text[position : start + 8])
            position = start + 8
            continue
        title_end = text.find(_SUMMARY_CLOSE, opening.end(), opening.end() + SUMMARY_TITLE_CHARS)
        if title_end == -1 or "\n" in text[opening.end() : title_end]:
            out.append(text[position : start + 8])
            position = start + 8
            continue
        close = text.find(_DETAILS_CLOSE, title_end)
        if close == -1:
            break  # no block after this one can close either: the rest is read as it is
        title = " ".join(_TAG.sub("", text[opening.end() : title_end]).split())
        body = text[title_end + len(_SUMMARY_CLOSE) : close].strip("\n")
        paragraphs = [" ".join(part.split()) for part in re.split(r"\n[ \t]*\n", body) if part.strip()]
        note = box_note(title, "\n".join(paragraphs)) if title and paragraphs else None
        block = f"A/N: {note}" if note is not None else "\n\n".join(part for part in (title, body.strip()) if part)
        out.append(text[position:line_start])
        position = close + len(_DETAILS_CLOSE)
        # A paragraph of its own, however close the lines around it are written.
        before = "\n" if line_start and not text.endswith("\n\n", 0, line_start) else ""
        after = "\n" if position < len(text) and not text.startswith("\n\n", position) else ""
        out.append(f"{before}{block}{after}")
        taken = position
    out.append(text[position:])
    return "".join(out)


# A line that opens one of the HTML blocks a Markdown text may hold (CommonMark's block tags: a table,
# a list, a quote and their parts), a block that runs to the next blank line, as CommonMark reads it.
_HTML_BLOCK_OPEN = re.compile(
    r"[ ]{0,3}</?(?:table|thead|tbody|tfoot|caption|tr|td|th|ul|ol|li|dl|dt|dd|blockquote)(?=[\s/>]|$)",
    re.IGNORECASE,
)


def html_blocks(text: str) -> str:
    """Each HTML table, list or quote block of a Markdown text (a line opening with its tag, to the
    next blank line) as the HTML reader reads it: rows a line each, items and a quote's paragraphs a
    paragraph each. Their tags were posted to readers as text, escaped ("<table>", "<li>").

    Bounded as an HTML file is: the blocks' elements together are counted before any tree is made
    (:func:`check_markup`, a file of more than any story holds is refused in a sentence), and each
    block is read once."""
    if "<" not in text:
        return text
    lines = text.split("\n")
    out: list[str] = []
    spent = 0  # elements of the blocks read so far
    index = 0
    while index < len(lines):
        line = lines[index]
        if "<" not in line[:4] or not _HTML_BLOCK_OPEN.match(line):
            out.append(line)
            index += 1
            continue
        end = index + 1
        while end < len(lines) and lines[end].strip():
            end += 1
        block = "\n".join(lines[index:end])
        spent = check_markup(block, spent=spent)
        soup = make_soup(block)
        items = html_items(soup.body or soup, headings=False)
        out.append("\n\n".join(item.text for item in items if isinstance(item, Para) and item.text))
        index = end
    return "\n".join(out)


# A list item's markers nested on one line ("- - - text", "* - + text"): the first is kept. Each marker is
# followed by blanks and then by another marker or the text, so the run is read once.
_NESTED_MARKERS = re.compile(r"^([ \t]*[-*+])[ \t]+(?:[-*+][ \t]+)+(?=[^-*+ \t\n])", re.MULTILINE)


# A line of list markers and nothing else ("- - ", "* + ", "- " said a thousand times), blanks between them.
_MARKERS_ONLY = re.compile(r"^[ \t]*[-*+](?:[ \t]+[-*+])*[ \t]*(?:\n|\Z)", re.MULTILINE)
_LIST_ITEM = re.compile(r"[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)", re.MULTILINE)


def one_list_marker(text: str) -> str:
    """Items nested on one line by their markers ("- - - the weir") as one item of their text: a line of
    100,000 "- " before its words was posted as 150 messages of dashes. A line of marks alone, a divider
    ("- - -", "* * *"), stays as it is; one that is no divider is an empty item (:func:`_empty_item`)."""
    if "- -" in text or "* " in text or "+ " in text:
        text = _NESTED_MARKERS.sub(r"\1 ", text)
    dividers: dict[str, bool] = {}  # a file of such lines says the same few over and over
    return _MARKERS_ONLY.sub(lambda found: _empty_item(found, text, dividers), text)


def _empty_item(found: re.Match[str], text: str, dividers: dict[str, bool]) -> str:
    """A line of list markers alone, dropped unless it is a divider or a heading's underline: an empty item,
    nested or not, carries no text, and posted ("- - ", 1,000 "- " past a divider's length) it was a
    paragraph of dashes. A lone "-" under a line of text other than a list item underlines a heading."""
    line = found.group()
    marks = line.strip()
    if marks not in dividers:
        dividers[marks] = is_scene_break(marks)
    if dividers[marks]:
        return line
    if marks == "-" and found.start() > 0:
        above = text.rfind("\n", 0, found.start() - 1) + 1
        if text[above : found.start()].strip() and not _LIST_ITEM.match(text, above, found.start()):
            return line
    return ""


# A line that is only a link to a place in the same file, a list's bullet or number before it:
# the table of contents Google Docs and others export ("[Chapter Two: The Wings<tab>3](#chapter-two)"),
# and Obsidian's link to a heading of the same note ("- [[#Chapter 1]]", "1. [[#Chapter 1|The Ferry]]").
_CONTENTS_LINK = re.compile(
    r"^[ \t]*(?:[-*+][ \t]+|\d{1,3}[.)][ \t]+)?"
    r"(?:\[[^\]\n]{1,200}\]\(#[^)\s]{0,200}\)|\[\[#[^\]\n]{1,200}\]\])[ \t]*$\n?",
    re.MULTILINE,
)


# A chapter's own YAML block between "---" lines, a line over it blank (or the file's start): posts or
# chapter files joined into one ("---" / "title: Low Water" / "chapter: 2" / "---" over its text).
_CHAPTER_FRONT_MATTER = re.compile(
    r"(?:\A|(?<=\n)[ \t]*\n)---[ \t]*\n(?P<body>(?:[A-Za-z][\w '-]{0,30}:[^\n]{0,300}\n){1,12})---[ \t]*(?=\n|\Z)"
)
_TITLE_KEY = re.compile(r"^title:[ \t]*(?P<title>[^\n]*)$", re.MULTILINE | re.IGNORECASE)
_YAML_QUOTES = "\"'"


def chapter_front_matter(text: str) -> str:
    """The text with each chapter's own YAML block, after the first, as a heading of its title ("#
    Low Water"), and the first too where it is shaped as theirs (the same keys: no book's front
    matter but chapter one's). Read as Markdown, a block's "---" under its last line made it a
    heading, "title: Low Water chapter: 2", of no chapter; the first block titled the story. Blocks
    with no title are left as they are."""
    if "\n---" not in text:
        return text
    blocks = [found for found in _CHAPTER_FRONT_MATTER.finditer(text) if _TITLE_KEY.search(found.group("body"))]
    later = [found for found in blocks if found.start() > 0]
    if not later:
        return text
    first = blocks[0] if blocks[0].start() == 0 else None
    if first is not None and _block_keys(first) != _block_keys(later[0]):
        blocks = later  # the book's own front matter over its chapters: read as it is
    out: list[str] = []
    start = 0
    for found in blocks:
        out += [text[start : found.start()], _title_heading(found)]
        start = found.end()
    out.append(text[start:])
    return "".join(out)


def _title_heading(block: re.Match[str]) -> str:
    """A chapter's YAML block as the heading of its title: "title: 'Low Water'" is "# Low Water"."""
    title = _TITLE_KEY.search(block.group("body"))
    return f"\n# {title.group('title').strip().strip(_YAML_QUOTES)}\n" if title else ""


def _block_keys(block: re.Match[str]) -> set[str]:
    return {line.partition(":")[0].strip().casefold() for line in block.group("body").splitlines()}


def parse_markdown(text: str, filename: str, *, max_chapters: int = DEFAULT_MAX_CHAPTERS) -> Story:
    check_lines(text)
    check_heading_lines(text, max_chapters)
    fields, body = front_matter_lines(chapter_front_matter(text))
    if not fields:
        fields, body = logseq_page(body)
    body, tags = closing_tags(body)
    fields = [*fields, f"tags: {tags}"] if tags else fields
    body = one_list_marker(_CONTENTS_LINK.sub("", body))  # its entries read as headings with no text under them
    body = strip_inline_markup(
        plain_tables(
            unquote_blocks(
                leading_callouts(
                    html_blocks(
                        read_details(
                            notion_asides(
                                admonitions(pandoc_divs(generator_lines(obsidian_block_comments(drop_comments(body)))))
                            )
                        )
                    )
                )
            )
        )
    )
    # Counted again as read: a paragraph's <br> is a line break made by the passes above, and 500,000 of
    # them on one line of the file passed the first count and were read line by line (3.3 s).
    check_lines(body)
    if fields:  # their values read as the text's are: Obsidian's "author: [[Kit Rowan]]" is Kit Rowan
        known = [line for line in fields if parse_field(line) and not line.endswith(": ")]
        heading = _TOP_TITLE.match(body)
        if heading is not None and not any(_field_key(line) == "title" for line in known):
            # an Obsidian note's properties with no title over its "# The Bell Tower": the heading is the
            # note's title, read first, as it is with no properties (after them it was the one chapter's)
            top, body = body[: heading.end()], body[heading.end() :]
        else:
            top = ""
        body = top + strip_inline_markup("\n".join(known)) + "\n\n" + body
    body, lists = take_warning_lists(without_long_heading_markup(body))
    items = drop_preamble_images(note_sections(numbered_heading_titles(split_items(body, markdown=True))))
    return give_warning_lists(build_story(items, filename, "md", max_chapters=max_chapters), lists)


# A level-one heading opening the text after its front matter, alone of its level: "# The Bell Tower".
_TOP_TITLE = re.compile(r"\A\s*#[ \t]+\S[^\n]*\n(?![\s\S]*^#[ \t])", re.MULTILINE)


def _field_key(line: str) -> str | None:
    found = parse_field(line)
    return found[0].casefold() if found else None


# A Markdown heading that numbers its chapter before its title: "## 1. The Key", and as a notes app's
# files are named, "# 01 - The Key", "# 2 | The Door", "# 3: The Hall" (a text's lines are read so too).
_NUMBER_THEN_TITLE = re.compile(r"(?P<num>\d{1,4})(?:\.|:|[ \t]+[-–—|])[ \t]+(?P<title>\S.{0,150})")


def numbered_heading_titles(items: list[Item]) -> list[Item]:
    """Markdown headings of one level numbered as a series ("## 1. The Key", "## 2. The Door", counting
    up by one, two at least, every heading of that level numbered) as chapters titled by their words
    ("The Key", numbered 1): titled "1. The Key", the number was the title's, and a chapter named by
    number ("chapter 2 contains ...") was not found. A lone "## 1. The Key", or headings that do not
    count up, keep their words. Headings of one level that are each a number alone, counting up the
    same way ("## One" / "## Two", "## I" / "## II", "## 1" / "## 2"), are chapters with no title:
    titled "One", the number word was posted as the chapter's name."""
    by_level: dict[int, list[tuple[int, re.Match[str] | None]]] = {}
    for index, item in enumerate(items):
        if isinstance(item, Heading) and item.kind == "markdown" and item.title:
            by_level.setdefault(item.level, []).append((index, _NUMBER_THEN_TITLE.fullmatch(item.title)))
    for headings in by_level.values():
        _lone_number_headings(items, [index for index, _ in headings])
        found = [numbered for _, numbered in headings]
        if len(found) < 2 or any(numbered is None for numbered in found):
            continue
        numbers = [int(numbered.group("num")) for numbered in found if numbered is not None]
        if numbers != list(range(numbers[0], numbers[0] + len(numbers))):
            continue
        for (index, numbered), number in zip(headings, numbers, strict=True):
            heading = items[index]
            assert isinstance(heading, Heading) and numbered is not None
            heading.title, heading.kind, heading.number = numbered.group("title").strip(), "chapter", number
    return items


def _lone_number_headings(items: list[Item], places: list[int]) -> None:
    """The headings at ``places`` (one level's) as untitled chapters numbered by their text, when each
    is a number alone (:func:`bare_number_heading`: "One", "II", "3") and they count up by one, two at
    least; otherwise left as they are ("## One" over "## The Shore" keeps its words)."""
    if len(places) < 2:
        return
    found = [bare_number_heading(cast(Heading, items[index]).title or "") for index in places]
    numbers = [heading.number if heading is not None else None for heading in found]
    if None in numbers or numbers != list(range(numbers[0] or 0, (numbers[0] or 0) + len(numbers))):
        return
    for index, number in zip(places, numbers, strict=True):
        heading = cast(Heading, items[index])
        heading.title, heading.kind, heading.number = None, "chapter", number


# An Org-mode file (Emacs) saved as text: "#+TITLE:" and "#+AUTHOR:" keywords over "* Chapter" headings.
_ORG_MARK = re.compile(r"^#\+(?:title|author):", re.IGNORECASE | re.MULTILINE)
_ORG_KEYWORD = re.compile(r"^#\+(?P<key>[a-z_]{1,30}):?[ \t]*(?P<value>[^\n]*)$", re.IGNORECASE | re.MULTILINE)
_ORG_COMMENT = re.compile(r"^#(?:[ \t][^\n]*)?$", re.MULTILINE)  # "# a comment", "#" alone
# (a title with a letter or digit in it: "* * *" is a scene break)
_ORG_HEADING = re.compile(r"^(?P<stars>\*{1,6})[ \t]+(?P<title>(?=[^\n]*[^\W_])\S[^\n]*)$", re.MULTILINE)
ORG_HEAD_CHARS = 4000  # the keywords stand at the file's top


def org_as_markdown(text: str) -> str | None:
    """An Org-mode file's text as the Markdown it reads as: its "#+TITLE:" and "#+AUTHOR:" the title
    page's fields, its other keywords and "#+BEGIN_QUOTE"-style lines and comments dropped, its "*"
    headings "#" headings. Read as plain text, the keywords were a chapter 1 and "* Low Water" no
    heading. None for any text without those keywords at its top."""
    if _ORG_MARK.search(text, 0, ORG_HEAD_CHARS) is None:
        return None
    text = _ORG_KEYWORD.sub(_org_keyword, text)
    text = _ORG_COMMENT.sub("", text)
    return _ORG_HEADING.sub(lambda found: f"{'#' * len(found.group('stars'))} {found.group('title')}", text)


# An AsciiDoc file: "= Title" opening it, its header (an author line, ":attribute: value" lines) under
# it, "== Chapter" sections. Read as text, the header was a chapter 1 and no section a heading.
# A title, a section's title and a name end at their last character that is not a space, taken greedily:
# ended lazily where only spaces were left, each character of a run of spaces read the run again to
# its end (a section line of 60,000 spaces took 7 s, a 4 MB one hours).
_ADOC_TITLE = re.compile(r"\A\s*=[ \t]+(?P<title>[^=\n](?:[^\n]*[^ \t\n])?)[ \t]*\n")
_ADOC_SECTION = re.compile(r"^(?P<marks>={2,6})[ \t]++(?P<title>(?=[^\n]*[^\W_])[^\n]*[^ \t\n])[ \t]*$", re.MULTILINE)
_ADOC_ATTRIBUTE = re.compile(r"^:!?(?P<key>[\w-]{1,40})!?:[ \t]*(?P<value>[^\n]*)$")
_ADOC_AUTHOR = re.compile(r"(?P<name>[^<:\n;]*[^<:\n; \t])(?:[ \t]+<[^>\n]*>)?(?:[ \t]*;[^\n]*)?")
# Lines only the markup writes: comments ("// ..."), block attributes ("[quote]", "[verse, Ines]"), the
# delimiters of a block ("____", "====", "----", "....", "****", "++++", "////"), a page break ("<<<").
_ADOC_MARKUP_LINE = re.compile(
    r"^(?://(?!/)[^\n]*|\[[\w.#%, \"'=-]{0,80}\]|(?P<fence>[_=\-.*+/])(?P=fence){3,}|<<<)[ \t]*$", re.MULTILINE
)
_ADOC_BREAK = re.compile(r"^'{3,}[ \t]*$", re.MULTILINE)  # a thematic break: three quote marks
ADOC_HEADER_LINES = 40


def asciidoc_as_markdown(text: str) -> str | None:
    """An AsciiDoc file's text as the Markdown it reads as: "= Title" and its header's author (the line
    under the title, or ":author:") the title page's fields, its other attributes, comments and block
    markup dropped, "== Chapter" sections "##" headings and its thematic break a scene break. None for
    a text that does not open "= Title" over a header and "==" sections ("= a note =" stays text)."""
    title = _ADOC_TITLE.match(text)
    if title is None or title.group("title").rstrip().endswith("="):
        return None
    header, _, body = text[title.end() :].partition("\n\n")
    lines = header.split("\n")
    if len(lines) > ADOC_HEADER_LINES or _ADOC_SECTION.search(body) is None:
        return None
    fields = [f"Title: {title.group('title').strip()}"]
    for index, line in enumerate(lines):
        attribute = _ADOC_ATTRIBUTE.match(line)
        if attribute is not None:
            key, value = attribute.group("key").lower(), attribute.group("value").strip()
            if key in ("author", "description") and value:
                fields.append(f"{'Author' if key == 'author' else 'Summary'}: {value}")
        elif index == 0 and line.strip() and not line.startswith("//"):
            author = _ADOC_AUTHOR.fullmatch(line.strip())
            if author is not None:
                fields.append(f"Author: {author.group('name').strip()}")
        elif line.strip() and not line.startswith("//"):
            return None  # (a header is its author, revision and attribute lines only)
    body = _ADOC_BREAK.sub("* * *", _ADOC_MARKUP_LINE.sub("", body))
    body = _ADOC_SECTION.sub(lambda found: f"{'#' * len(found.group('marks'))} {found.group('title')}", body)
    return "\n".join(dict.fromkeys(fields)) + "\n\n" + body


def _org_keyword(found: re.Match[str]) -> str:
    key, value = found.group("key").lower(), found.group("value").strip()
    return f"{key.capitalize()}: {value}" if key in ("title", "author") and value else ""
