"""A chapter as Discord message payloads: a header, then the text behind spoilers.

Rules the output must keep, whatever the text:

* every visible character of story text is inside a spoiler, one spoiler per message
  (Discord caps how many a message may hold);
* every markdown character is escaped, and mentions cannot even render as mentions
  (``<`` is escaped and a zero-width space follows every ``@``);
* no message is longer than the budget, counted in UTF-16 code units (never fewer than
  Python's code points, so the count is safe whichever way Discord measures);
* messages split at scene, then paragraph, then sentence, then word boundaries, and never
  inside a grapheme cluster or an escape; a scene break shows as a divider line before the
  next spoiler, and a paragraph that continues in the next message ends with " …";
* ``unrender`` reverses all of it, which the property tests use to prove nothing is lost.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from itertools import accumulate
from typing import Any

import discord
import regex

from bot.story.model import WORDS_PER_MINUTE, Chapter, HeaderWarning, StoryMeta
from bot.story.words import chapter_words
from bot.text import LIST_NUMBER, escape_char, escape_markdown, unescape_markdown, utf16_len

DEFAULT_BUDGET = 2000
SPOILER = "||"
SCENE_DIVIDER = "— ⁂ —\n"
CONTINUED = " …"
MIN_FILL = 200  # an oversized paragraph starts a new message unless this much room is left

_STORY_MESSAGE = re.compile(
    rf"(?P<divider>{re.escape(SCENE_DIVIDER)})?\|\|(?P<body>.*)\|\|(?P<continued>{re.escape(CONTINUED)})?",
    re.DOTALL,
)
_GRAPHEME = regex.compile(r"\X")
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]]*\s+")
_SPACE_RUN = re.compile(r"\s+")


def allowed_mentions() -> dict[str, Any]:
    return discord.AllowedMentions.none().to_dict()


def payload(content: str) -> dict[str, Any]:
    """The keyword arguments for ``send``, as plain data (see :func:`send_kwargs`)."""
    return {"content": content, "embeds": [], "allowed_mentions": allowed_mentions()}


def send_kwargs(data: dict[str, Any]) -> dict[str, Any]:
    """A payload turned into discord.py objects; mentions stay off whatever the payload says."""
    return {
        "content": data.get("content") or None,
        "embeds": [discord.Embed.from_dict(embed) for embed in data.get("embeds", [])],
        "allowed_mentions": discord.AllowedMentions.none(),
    }


# -- header ---------------------------------------------------------------------------


def reading_minutes(words: int) -> int:
    """As :attr:`Chapter.reading_minutes`, from a count already made."""
    return max(1, round(words / WORDS_PER_MINUTE))


def _warning_label(warning: HeaderWarning) -> str:
    label = escape_markdown(warning.label)
    if warning.avoided:
        return f"🚫 **{label}** (you avoid this)"
    return f"**{label}**"


def render_header(
    title: str, chapter: Chapter, warnings: Sequence[HeaderWarning] = (), *, budget: int = DEFAULT_BUDGET
) -> str:
    """Title, chapter, length and warnings, before any story text; fits the budget."""
    heading = f"📖 **{escape_markdown(title[:200])}** · Chapter {chapter.number}"
    if chapter.title:
        heading += f": {escape_markdown(chapter.title[:200])}"
    words = chapter_words(chapter.paragraphs)
    length = f"{words:,} words · about {reading_minutes(words)} min read"
    footer = "-# The chapter follows behind spoilers: click a block to reveal it."
    avoided = [w for w in warnings if w.avoided]
    if avoided:
        footer = (
            f"-# ⚠️ This chapter has {len(avoided)} warning{'s' * (len(avoided) > 1)} you asked to avoid.\n" + footer
        )
    shown = list(warnings)
    while True:
        if shown:
            listed = ", ".join(_warning_label(w) for w in shown)
            hidden = len(warnings) - len(shown)
            if hidden:
                listed += f" and {hidden} more"
            warning_line = f"⚠️ Warnings: {listed}"
        elif warnings:
            warning_line = f"⚠️ Warnings: {len(warnings)} (too many to list here)"
        else:
            warning_line = "Warnings: none declared or detected."
        content = "\n".join((heading, length, warning_line, footer))
        if utf16_len(content) <= budget or not shown:
            break
        shown.pop()
    if utf16_len(content) > budget:
        content = _truncate(content, budget)
    return content


def _truncate(text: str, budget: int) -> str:
    out = []
    used = 0
    for cluster in _GRAPHEME.findall(text):
        size = utf16_len(cluster)
        if used + size > budget - 1:
            break
        out.append(cluster)
        used += size
    return "".join(out).rstrip("\\") + "…"


# -- body -----------------------------------------------------------------------------


def render_chapter(
    meta: StoryMeta | str,
    chapter: Chapter,
    warnings: Sequence[HeaderWarning] = (),
    *,
    budget: int = DEFAULT_BUDGET,
) -> list[dict[str, Any]]:
    """Payloads in posting order: the header, then the chapter behind spoilers."""
    if budget < 100:
        raise ValueError("the message budget must be at least 100 characters")
    title = meta.title if isinstance(meta, StoryMeta) else str(meta)
    payloads = [payload(render_header(title, chapter, warnings, budget=budget))]
    payloads.extend(payload(content) for content in body_messages(chapter, budget=budget))
    return payloads


def body_messages(chapter: Chapter, *, budget: int = DEFAULT_BUDGET) -> Iterator[str]:
    """Message contents for the chapter's text, scene by scene, packed paragraph by paragraph."""
    room = budget - 2 * len(SPOILER) - len(CONTINUED)  # every message could need the "continued" mark
    for scene_index, scene in enumerate(chapter.scenes):
        prefix = SCENE_DIVIDER if scene_index else ""
        parts: list[str] = []
        used = 0
        for paragraph in scene.paragraphs:
            escaped = escape_markdown(paragraph)
            size = utf16_len(escaped)
            cap = room - utf16_len(prefix)
            if parts and used + 2 + size <= cap:
                parts.append(escaped)
                used += 2 + size
                continue
            if size <= cap:
                if parts:
                    yield _message(prefix, parts, False)
                    prefix, cap = "", room
                parts, used = [escaped], size
                continue
            first_cap = cap - used - 2 if parts else cap
            if parts and first_cap < MIN_FILL:
                yield _message(prefix, parts, False)
                prefix, parts, used = "", [], 0
                first_cap = cap = room
            pieces = split_paragraph(paragraph, first_cap=first_cap, cap=room)
            for piece in pieces[:-1]:
                parts.append(piece)
                yield _message(prefix, parts, True)
                prefix, parts, used = "", [], 0
            parts, used = [pieces[-1]], utf16_len(pieces[-1])
        if parts:
            yield _message(prefix, parts, False)


def _message(prefix: str, parts: list[str], continued: bool) -> str:
    body = "\n\n".join(parts)
    return f"{prefix}{SPOILER}{body}{SPOILER}{CONTINUED if continued else ''}"


def split_paragraph(paragraph: str, *, first_cap: int, cap: int) -> list[str]:
    """An over-long paragraph as escaped pieces, each within its cap (the first may differ).

    Cuts prefer a sentence end in the second half of the piece, then any word gap, then
    any sentence end, then a grapheme cluster boundary; a cluster larger than a whole
    message (thousands of combining marks) is the only thing ever cut at a code point.
    """
    escaped = [escape_char(ch) for ch in paragraph]
    for match in LIST_NUMBER.finditer(paragraph):
        escaped[match.end() - 1] = "\\."
    widths = [len(piece) + (piece[-1] > "\uffff") for piece in escaped]
    cumulative = [0, *accumulate(widths)]
    graphemes = [match.end() for match in _GRAPHEME.finditer(paragraph)]
    boundary = set(graphemes)
    words = [m.end() for m in _SPACE_RUN.finditer(paragraph) if m.end() in boundary and m.end() < len(paragraph)]
    sentences = [m.end() for m in _SENTENCE_END.finditer(paragraph) if m.end() in boundary and m.end() < len(paragraph)]
    pieces: list[str] = []
    start = 0
    limit = first_cap
    end_total = cumulative[-1]
    while end_total - cumulative[start] > limit:
        furthest = bisect.bisect_right(cumulative, cumulative[start] + limit) - 1
        cut = _choose_cut(start, furthest, limit, cumulative, sentences, words, graphemes)
        pieces.append("".join(escaped[start:cut]))
        start = cut
        limit = cap
    pieces.append("".join(escaped[start:]))
    return pieces



def _last_in(points: list[int], low: int, high: int) -> int | None:
    """The largest point with low < point <= high."""
    index = bisect.bisect_right(points, high) - 1
    if index >= 0 and points[index] > low:
        return points[index]
    return None


def _choose_cut(
    start: int,
    furthest: int,
    limit: int,
    cumulative: list[int],
    sentences: list[int],
    words: list[int],
    graphemes: list[int],
) -> int:
    sentence = _last_in(sentences, start, furthest)
    if sentence is not None and cumulative[sentence] - cumulative[start] >= limit // 2:
        return sentence
    for points in (words, sentences, graphemes):
        cut = _last_in(points, start, furthest)
        if cut is not None:
            return cut
    return max(furthest, start + 1)


# -- reverse --------------------------------------------------------------------------


def unrender(payloads: Sequence[dict[str, Any]]) -> str:
    """The chapter text back from its payloads: headers skipped, escapes and joins undone."""
    paragraphs: list[str] = []
    joined = False
    for data in payloads:
        match = _STORY_MESSAGE.fullmatch(data.get("content") or "")
        if match is None:
            continue
        body = unescape_markdown(match.group("body"))
        if joined and paragraphs:
            paragraphs[-1] += body
        else:
            paragraphs.append(body)
        joined = match.group("continued") is not None
    return "\n\n".join(paragraphs)


def normalize_whitespace(text: str) -> str:
    return " ".join(text.split())
