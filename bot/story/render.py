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

import re
from collections.abc import Iterator, Sequence
from typing import Any

import regex

from bot.limits import MESSAGE_CHARS
from bot.story.limits import MAX_TAG_CHARS
from bot.story.model import NOTICE_IDS, POSSIBLE, Chapter, HeaderWarning, StoryMeta
from bot.story.words import Length, chapter_length
from bot.text import (
    LIST_NUMBER,
    clip,
    cluster_cut,
    escape_char,
    escape_markdown,
    join_whole,
    plural,
    unescape_markdown,
    utf16_len,
)

DEFAULT_BUDGET = MESSAGE_CHARS
MIN_BUDGET = 100  # room for a header line and a piece of text; the setting's own floor is higher
SPOILER = "||"
SCENE_DIVIDER = "— ⁂ —\n"
CONTINUED = " …"
MIN_FILL = 200  # an oversized paragraph starts a new message unless this much room is left
WINDOW_MARGIN = 64  # characters looked at past a piece's end, to see the word or sentence boundary there

_STORY_MESSAGE = re.compile(
    rf"(?P<divider>{re.escape(SCENE_DIVIDER)})?\|\|(?P<body>.*)\|\|(?P<continued>{re.escape(CONTINUED)})?",
    re.DOTALL,
)
_GRAPHEME = regex.compile(r"\X")
# A sentence ends at a full stop (Latin, Arabic, Urdu, Devanagari), its closing quotes and the
# space after it; Chinese and Japanese write no space, so their full-width stops and closing
# brackets end a sentence by themselves (without them, a CJK paragraph was cut mid-word).
_SENTENCE_END = re.compile(r"[.!?…؟۔।]+[\"'”’»)\]]*\s+|[。！？｡‼]+[」』”’）〉》】\"')\]]*\s*")
_SPACE_RUN = re.compile(r"\s+")


def payload(content: str) -> dict[str, Any]:
    """One message as plain data (the shape ``preview --json`` prints); cogs turn it into ``send`` arguments.

    ``allowed_mentions`` is Discord's JSON for "mention nobody"; the cog layer sends the payload
    with exactly that (``cogs/_messages.py``).
    """
    return {"content": content, "embeds": [], "allowed_mentions": {"parse": []}}


# -- header ---------------------------------------------------------------------------


def reading_minutes(length: Length) -> int:
    """From a count already made; Chinese and Japanese characters read faster than words (:class:`Length`)."""
    return length.minutes


def warning_label(warning: HeaderWarning) -> str:
    """``**Label** (source)``, escaped: how a warning reads wherever members see it.

    A label that already says where it comes from (a strict avoider's "X (possible)") is
    not told twice.
    """
    label = escape_markdown(warning.label)
    note = warning.source_note
    notes = [] if not note or warning.label.endswith(f"({note})") else [note]
    if warning.avoided:
        notes.append("you avoid this")
    prefix = "🚫 " if warning.avoided else ""
    return f"{prefix}**{label}**" + (f" ({'; '.join(notes)})" if notes else "")


def warning_list(warnings: Sequence[HeaderWarning], limit: int) -> str:
    """Whole ``warning_label`` entries, comma-separated, within ``limit`` UTF-16 units; the rest
    counted ("and 3 more"), so a long list never ends in a cut label or an unclosed ``**``."""
    if not warnings:
        return ""
    return join_whole([warning_label(warning) for warning in warnings], limit) or plural(len(warnings), "warning")


def declared_list(declared: Sequence[str], limit: int) -> str:
    """The author's own warnings as written, escaped, "; "-separated, whole entries within ``limit``
    (each clipped to a tag's length first), the rest counted."""
    entries = [escape_markdown(clip(text, MAX_TAG_CHARS)) for text in declared]
    return join_whole(entries, limit, "; ") or plural(len(declared), "warning")


def every_warning_in(story_id: int) -> str:
    """Where a summary too long for one message (``/story add``, ``/story update``) leads: every
    warning and every possible one, paged, with buttons for the possible ones."""
    return f"every warning and possible warning is in `/warnings story story:{story_id}`"


def members_see(warnings: Sequence[HeaderWarning]) -> list[HeaderWarning]:
    """What may show in front of members: never a possible warning, unless it is this reader's own
    strict avoidance (marked ``avoided``, in a private reading)."""
    return [warning for warning in warnings if warning.tier != POSSIBLE or warning.avoided]


def unreviewed_count(warnings: Sequence[HeaderWarning]) -> int:
    """The possible warnings (or open reports) among ``warnings`` that members are not shown."""
    return sum(1 for warning in warnings if warning.tier == POSSIBLE and not warning.avoided)


def none_shown(unreviewed: int = 0) -> str:
    """What members read after "Warnings:" where no warning shows. Dogear may have found evidence
    that falls short (a possible warning) or a member may have reported one, with no admin's answer
    yet: "none detected" would then read as a clean bill, so this says something is being reviewed,
    without naming it (members see only declared, confident and confirmed warnings)."""
    if not unreviewed:
        return "none declared or detected."
    waiting = plural(unreviewed, "possible warning", verb=("is", "are"))
    return f"none declared or confirmed; {waiting} waiting for an admin's review."


TITLE_CAPS = (200, 80, 30)  # characters of each title in the header, shorter while the warnings do not fit


def render_header(
    title: str, chapter: Chapter, warnings: Sequence[HeaderWarning] = (), *, budget: int = DEFAULT_BUDGET
) -> str:
    """Title, chapter, length and warnings (each with its source), before any story text; fits the budget.

    Possible warnings never show here, except a strict avoider's own (``avoided``). When the
    budget is tight the titles are shortened first, then warnings are counted instead of named:
    a long title never pushes the warnings out of the header.
    """
    unreviewed = unreviewed_count(warnings)
    warnings = members_see(warnings)
    counted = chapter_length(chapter.paragraphs)
    length = f"{plural(counted.words, 'word')} · about {reading_minutes(counted)} min read"
    footer = "-# The chapter follows behind spoilers: click a block to reveal it."
    avoided = [w for w in warnings if w.avoided]
    if avoided:
        footer = f"-# ⚠️ This chapter has {plural(len(avoided), 'warning')} you asked to avoid.\n" + footer
    for cap in TITLE_CAPS:
        heading = _heading(title, chapter, cap)
        content = "\n".join((heading, length, _warning_line(warnings, len(warnings), unreviewed), footer))
        if utf16_len(content) <= budget:
            return content
    # Too many to name them all: the ones that matter most to this reader are named first, the
    # warnings they avoid and the notices that "none" must not be read as safe ("Not read for
    # warnings"), which come last in the full list and would be the first counted away.
    warnings = sorted(warnings, key=lambda warning: not (warning.avoided or warning.id in NOTICE_IDS))
    for shown in range(len(warnings) - 1, -1, -1):
        content = "\n".join((heading, length, _warning_line(warnings, shown, unreviewed), footer))
        if utf16_len(content) <= budget:
            return content
    return _truncate(content, budget)


def _heading(title: str, chapter: Chapter, cap: int) -> str:
    """The header's first line, each title clipped to ``cap`` characters before it is escaped."""
    heading = f"📖 **{escape_markdown(clip(title, cap))}** · Chapter {chapter.number}"
    if chapter.title:
        heading += f": {escape_markdown(clip(chapter.title, cap))}"
    return heading


def _warning_line(warnings: Sequence[HeaderWarning], shown: int, unreviewed: int) -> str:
    """The warnings line naming the first ``shown`` warnings and counting the rest."""
    if not warnings:
        return f"Warnings: {none_shown(unreviewed)}"
    if not shown:
        return f"⚠️ Warnings: {len(warnings)} (too many to list here)"
    listed = ", ".join(warning_label(w) for w in warnings[:shown])
    hidden = len(warnings) - shown
    return f"⚠️ Warnings: {listed}" + (f" and {hidden} more" if hidden else "")


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
    if budget < MIN_BUDGET:
        raise ValueError(f"the message budget must be at least {MIN_BUDGET} characters")
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

    Each piece is worked out on a window of the text just past its cap, with C-speed string
    operations (``translate``, a binary search on the escaped width), never per character of
    the whole paragraph: an 8 MB paragraph costs time and memory in proportion to its length.
    """
    pieces: list[str] = []
    start = 0
    limit = first_cap
    while True:
        cut = _next_cut(paragraph, start, limit)
        pieces.append(_escape_span(paragraph, start, cut))
        if cut >= len(paragraph):
            return pieces
        start = cut
        limit = cap


# (character, escaped) for every character escape_char changes, the backslash first so the
# backslashes the others add are not doubled; chained str.replace runs at C speed on any text.
_REPLACEMENTS = sorted(
    ((chr(code), escape_char(chr(code))) for code in range(128) if escape_char(chr(code)) != chr(code)),
    key=lambda pair: pair[0] != "\\",
)


def _escape_plain(text: str) -> str:
    for old, new in _REPLACEMENTS:
        if old in text:
            text = text.replace(old, new)
    return text


def _escape_span(paragraph: str, start: int, end: int) -> str:
    """``paragraph[start:end]`` escaped exactly as :func:`escape_markdown` escapes it in place.

    A list number ("1." at a line start) is decided on the whole paragraph, so a piece that
    starts mid-line never mistakes its first digits for one.
    """
    parts: list[str] = []
    last = start
    for match in LIST_NUMBER.finditer(paragraph, start, end):
        dot = match.end() - 1
        parts.append(_escape_plain(paragraph[last:dot]))
        parts.append("\\.")
        last = dot + 1
    parts.append(_escape_plain(paragraph[last:end]))
    return "".join(parts)


def _width(paragraph: str, start: int, end: int) -> int:
    return utf16_len(_escape_span(paragraph, start, end))


def _next_cut(paragraph: str, start: int, limit: int) -> int:
    """Where the piece starting at ``start`` ends: within ``limit`` escaped units, at the best boundary."""
    if _width(paragraph, start, min(len(paragraph), start + limit + 1)) <= limit and start + limit >= len(paragraph):
        return len(paragraph)
    furthest = _furthest_fit(paragraph, start, limit)
    window_end = min(len(paragraph), furthest + WINDOW_MARGIN)

    def last_gap(pattern: re.Pattern[str]) -> int | None:
        # The last match end that is a real boundary: inside the window (a match cut short by
        # its edge is not), past ``start``, within ``furthest``, not followed by a combining mark.
        ends = [match.end() for match in pattern.finditer(paragraph, start, min(window_end, furthest + 1))]
        for point in reversed(ends):
            if start < point <= furthest and point < window_end and cluster_cut(paragraph, point, start) == point:
                return point
        return None

    sentence = last_gap(_SENTENCE_END)
    if sentence is not None and _width(paragraph, start, sentence) >= limit // 2:
        return sentence
    word = last_gap(_SPACE_RUN)
    for point in (word, sentence):
        if point is not None:
            return point
    return cluster_cut(paragraph, max(furthest, start + 1), start)  # the last whole cluster that fits


def _furthest_fit(paragraph: str, start: int, limit: int) -> int:
    """The largest end whose escaped text from ``start`` fits ``limit`` units.

    Every character escapes to one or two units, so from a guess in proportion to the density
    of escapes, adding half the slack always still fits: a handful of C-speed width checks.
    """
    top = min(len(paragraph), start + max(limit, 0))
    width = _width(paragraph, start, top)
    if width <= limit:
        return top
    end = start + (top - start) * limit // width
    width = _width(paragraph, start, end)
    if width > limit:
        end = max(start, end - (width - limit))
        width = _width(paragraph, start, end)
    while limit - width >= 2:
        end += (limit - width) // 2
        width = _width(paragraph, start, end)
    if width < limit and end < top and _width(paragraph, start, end + 1) <= limit:
        end += 1
    return end


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
