"""Markdown stories: front matter as metadata, '#' headings as chapters, markup removed.

Story text is posted as plain text inside spoilers (every markdown character escaped), so
Markdown's own markup is taken off here rather than shown to readers as stray asterisks.
"""

from __future__ import annotations

import re
import time

import regex

from bot.story.limits import DEFAULT_MAX_CHAPTERS, MARKDOWN_SECONDS, check_lines
from bot.story.model import Story
from bot.story.plaintext import build_story, parse_field
from bot.story.structure import is_scene_break, split_items

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<body>.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_YAML_LINE = re.compile(r"^(?P<key>[A-Za-z][\w '/-]*?)[ \t]*:[ \t]*(?P<value>.*)$")
_YAML_ITEM = re.compile(r"^[ \t]+-[ \t]+(?P<value>.*)$|^-[ \t]+(?P<top>.*)$")

# Compiled with the ``regex`` module for its timeout: a lazy span with no closing marker
# rescans the rest of the line from every opening one, which is quadratic on a hostile line.
_INLINE: tuple[tuple[regex.Pattern[str], str], ...] = (
    (regex.compile(r"<!--.*?-->", regex.DOTALL), ""),
    (regex.compile(r"!\[[^\]\n]*\]\([^)\n]*\)"), ""),  # images
    (regex.compile(r"\[([^\]\n]+)\]\([^)\n]*\)"), r"\1"),  # [text](url)
    (regex.compile(r"\[([^\]\n]+)\]\[[^\]\n]*\]"), r"\1"),  # [text][ref]
    (regex.compile(r"(?<!\S)\[[^\]\n]+\]:[ \t]+\S+.*$", regex.MULTILINE), ""),  # reference definitions
    (regex.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),  # bold
    (regex.compile(r"(?<![\w*\\])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\w*])"), r"\1"),  # *italic*
    (regex.compile(r"(?<![\w\\])_(?=[^\s_])(.+?)(?<=[^\s_])_(?!\w)"), r"\1"),  # _italic_
    (regex.compile(r"~~(?=\S)(.+?)(?<=\S)~~"), r"\1"),  # strikethrough
    (regex.compile(r"`([^`\n]+)`"), r"\1"),  # inline code
    (regex.compile(r"<br\s*/?>", regex.IGNORECASE), "\n"),
    (regex.compile(r"</?(?:em|i|strong|b|u|span|small|sup|sub|center|p|div)\b[^>]*>", regex.IGNORECASE), ""),
    (regex.compile(r"\\([\\`*_{}\[\]()#+\-.!|~>])"), r"\1"),  # backslash escapes
)


def front_matter_lines(text: str) -> tuple[list[str], str]:
    """YAML front matter as "Key: value" lines (lists joined by commas), and the rest."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return [], text
    lines: list[str] = []
    for raw in match.group("body").split("\n"):
        item = _YAML_ITEM.match(raw)
        if item and lines:
            value = (item.group("value") or item.group("top") or "").strip().strip("\"'")
            key, _, existing = lines[-1].partition(": ")
            lines[-1] = f"{key}: {existing + ', ' if existing else ''}{value}"
            continue
        pair = _YAML_LINE.match(raw)
        if pair:
            value = pair.group("value").strip()
            if value.startswith("[") and value.endswith("]"):
                value = ", ".join(part.strip().strip("\"'") for part in value[1:-1].split(","))
            value = value.strip("\"'")
            if value in ("|", ">", "|-", ">-"):
                value = ""
            lines.append(f"{pair.group('key').strip()}: {value}")
        elif raw.strip() and lines:
            lines[-1] = f"{lines[-1]} {raw.strip()}".replace(":  ", ": ")
    return lines, text[match.end() :]


def strip_inline_markup(text: str, *, seconds: float = MARKDOWN_SECONDS) -> str:
    """Remove emphasis, links, images and inline HTML, line by line, leaving dividers alone.

    The whole file gets ``seconds``: ordinary Markdown needs milliseconds, and once a hostile
    file has spent the budget its remaining lines keep their markup (shown escaped, never lost).
    """
    deadline = time.monotonic() + seconds
    out = []
    lines = text.split("\n")
    for index, line in enumerate(lines):
        if is_scene_break(line):
            out.append(line)
            continue
        try:
            for pattern, replacement in _INLINE:
                line = pattern.sub(replacement, line, timeout=max(0.0, deadline - time.monotonic()))
        except TimeoutError:
            out.append(lines[index])
            out.extend(lines[index + 1 :])
            break
        out.append(line)
    return "\n".join(out)


def parse_markdown(text: str, filename: str, *, max_chapters: int = DEFAULT_MAX_CHAPTERS) -> Story:
    check_lines(text)
    fields, body = front_matter_lines(text)
    body = strip_inline_markup(body)
    if fields:
        known = [line for line in fields if parse_field(line) and not line.endswith(": ")]
        body = "\n".join(known) + "\n\n" + body
    return build_story(split_items(body, markdown=True), filename, "md", max_chapters=max_chapters)
