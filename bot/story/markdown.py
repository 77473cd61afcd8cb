"""Markdown stories: front matter as metadata, '#' headings as chapters, markup removed.

Story text is posted as plain text inside spoilers (every markdown character escaped), so
Markdown's own markup is taken off here rather than shown to readers as stray asterisks.
"""

from __future__ import annotations

import re

from bot.story.model import Story
from bot.story.plaintext import build_story, parse_field
from bot.story.structure import is_scene_break, split_items

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<body>.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_YAML_LINE = re.compile(r"^(?P<key>[A-Za-z][\w '/-]*?)[ \t]*:[ \t]*(?P<value>.*)$")
_YAML_ITEM = re.compile(r"^[ \t]+-[ \t]+(?P<value>.*)$|^-[ \t]+(?P<top>.*)$")

_INLINE: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"<!--.*?-->", re.DOTALL), ""),
    (re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)"), ""),  # images
    (re.compile(r"\[([^\]\n]+)\]\([^)\n]*\)"), r"\1"),  # [text](url)
    (re.compile(r"\[([^\]\n]+)\]\[[^\]\n]*\]"), r"\1"),  # [text][ref]
    (re.compile(r"(?<!\S)\[[^\]\n]+\]:[ \t]+\S+.*$", re.MULTILINE), ""),  # reference definitions
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),  # bold
    (re.compile(r"(?<![\w*\\])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\w*])"), r"\1"),  # *italic*
    (re.compile(r"(?<![\w\\])_(?=[^\s_])(.+?)(?<=[^\s_])_(?!\w)"), r"\1"),  # _italic_
    (re.compile(r"~~(?=\S)(.+?)(?<=\S)~~"), r"\1"),  # strikethrough
    (re.compile(r"`([^`\n]+)`"), r"\1"),  # inline code
    (re.compile(r"<br\s*/?>", re.IGNORECASE), "\n"),
    (re.compile(r"</?(?:em|i|strong|b|u|span|small|sup|sub|center|p|div)\b[^>]*>", re.IGNORECASE), ""),
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!|~>])"), r"\1"),  # backslash escapes
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


def strip_inline_markup(text: str) -> str:
    """Remove emphasis, links, images and inline HTML, line by line, leaving dividers alone."""
    out = []
    for line in text.split("\n"):
        if is_scene_break(line):
            out.append(line)
            continue
        for pattern, replacement in _INLINE:
            line = pattern.sub(replacement, line)
        out.append(line)
    return "\n".join(out)


def parse_markdown(text: str, filename: str) -> Story:
    fields, body = front_matter_lines(text)
    body = strip_inline_markup(body)
    if fields:
        known = [line for line in fields if parse_field(line) and not line.endswith(": ")]
        body = "\n".join(known) + "\n\n" + body
    return build_story(split_items(body, markdown=True), filename, "md")
