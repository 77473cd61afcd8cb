"""A harm told across neighbouring short paragraphs: ``near`` rules met over a few lines.

A ``near`` rule fires when all its word groups occur in one paragraph. Fan fiction often tells a
harm one line at a time: a group chat, a script, text messages, clipped one-sentence paragraphs
("he didn't come home." / "the police found the car on tuesday." / "the funeral was closed
casket."), where no one paragraph holds every group. So in each scene the runs of consecutive
short paragraphs (each under :data:`SHORT_CHARS` characters as read) are also read joined, a few
at a time: windows of at most :data:`WINDOW_PARAGRAPHS` paragraphs and :data:`WINDOW_CHARS`
characters, one starting every :data:`WINDOW_STEP` paragraphs of the run, so every two (and, in a
full window, three) neighbours are read together. Each paragraph is in about two windows, so the
extra bytes read are about twice the short paragraphs' own; a long paragraph costs nothing extra.

Of what fires in a window, only a ``near`` rule that fired in none of the window's own paragraphs
counts, once per window, in the paragraph where its last group is met (each group's first match
that is neither negated nor inside an idiom: the evidence is that paragraph's words), and only
where its groups spread over no more paragraphs than its ``span`` allows (the rule's or its
category's, :attr:`bot.warnings.model.Rule.span`; 1 keeps it to its paragraph).
The paragraphs are joined by :data:`JOINER`, a clause end and a line break: no phrase's gap
crosses either, and the negation check stops at the clause end, so a "didn't" closing one line
never negates the next line's words, and a phrase never runs from one line into the next.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from typing import Protocol

from bot.warnings.model import Rule

SHORT_CHARS = 200  # a paragraph shorter than this (as read) is also read with its short neighbours
WINDOW_PARAGRAPHS = 4  # at most this many paragraphs in one joined reading ...
WINDOW_CHARS = 600  # ... and at most this many characters of them (two short ones always fit)
WINDOW_STEP = 2  # a window starts every this many paragraphs of a run: every pair is read together
JOINER = ".\n"  # between the paragraphs of a window (see the module's docstring)
# The windows of a story read (each different joined text once) at most this many times the bytes of
# its different short paragraphs, plus BUDGET_SLACK: the windows in reading order up to that. A story's
# paragraphs differ, and its windows take about twice their bytes; a hostile upload of a million lines
# of a few words said over and over (read once each by the matcher) would make every window a new
# text, read at many times the cost of its scan without them.
BUDGET_TIMES = 3
BUDGET_SLACK = 4096
NEAR = "near"


class _PartSpans(Protocol):
    def part_spans(self, rule_id: str, data: bytes) -> list[tuple[int, int]] | None: ...


def settings_key() -> str:
    """What :func:`windows` and :func:`crossing` decide by, for the engine's ``scoring_key``."""
    return f"across={SHORT_CHARS}/{WINDOW_PARAGRAPHS}x{WINDOW_CHARS}+{WINDOW_STEP}/{BUDGET_TIMES}+{BUDGET_SLACK}"


def windows(texts: Sequence[str], scenes: Sequence[int], paragraphs: Sequence[int]) -> list[range]:
    """Windows of neighbouring short paragraphs of one chapter, as ranges of indexes into ``texts``.

    ``texts`` are a chapter's pieces with each one's scene and paragraph (a piece of a long
    paragraph is never short). Runs break at a long paragraph and at a scene's end."""
    lengths = [len(text) for text in texts]
    short = [length < SHORT_CHARS for length in lengths]
    for index in [index for index in range(1, len(texts)) if paragraphs[index] == paragraphs[index - 1]]:
        short[index] = short[index - 1] = False  # pieces of one long paragraph
    found: list[range] = []
    start = None  # where the run of short paragraphs being read starts
    for index, is_short in enumerate(short):
        if start is not None and (not is_short or scenes[index] != scenes[start]):
            found += _run_windows(start, index, lengths)
            start = None
        if is_short and start is None:
            start = index
    if start is not None:
        found += _run_windows(start, len(texts), lengths)
    return found


def _run_windows(first: int, stop: int, lengths: Sequence[int]) -> list[range]:
    """The windows over one run of short paragraphs, ``first`` to ``stop`` (each of two paragraphs or more)."""
    found: list[range] = []
    start = first
    joiner = len(JOINER)
    while start + 1 < stop:
        end = start + 1
        size = lengths[start]
        last = min(start + WINDOW_PARAGRAPHS, stop)
        while end < last and size + joiner + lengths[end] <= WINDOW_CHARS:
            size += joiner + lengths[end]
            end += 1
        found.append(range(start, end))
        if end >= stop:
            break
        start += min(WINDOW_STEP, end - start - 1)
    return found


def joined(texts: Sequence[str], window: range) -> str:
    return JOINER.join(texts[window.start : window.stop])


def within_budget(texts: Sequence[str], found: list[range]) -> tuple[list[range], list[str]]:
    """The windows ``found`` (over ``texts``) in reading order up to the budget (:data:`BUDGET_TIMES`),
    with their joined texts."""
    short: set[str] = set()
    for window in found:
        short.update(texts[window.start : window.stop])
    budget = BUDGET_TIMES * sum(map(len, short)) + BUDGET_SLACK
    kept: list[range] = []
    texts_kept: list[str] = []
    seen: set[str] = set()
    for window in found:
        text = joined(texts, window)
        if text not in seen:
            budget -= len(text)
            if budget < 0:
                break
            seen.add(text)
        kept.append(window)
        texts_kept.append(text)
    return kept, texts_kept


def crossing(
    matcher: _PartSpans,
    texts: Sequence[str],
    window: range,
    data: bytes,
    candidates: Sequence[Rule],
    reach: Callable[[Rule], int],
) -> list[tuple[int, Rule, tuple[int, int]]]:
    """The ``near`` rules that fired in the joined ``window`` and in none of its own paragraphs,
    each with the paragraph (its place in ``window``) where its last group is met and the byte
    span of that group's match there.

    ``data`` and ``candidates``: the window's :func:`to_check`, made once per window (the engine asks
    for every window's exact checks before any crossing); each candidate's exact check,
    :meth:`part_spans`, is made here, and is at least as strict as the matcher's own; ``reach``: how
    many paragraphs a rule's groups may spread over (0: the whole window)."""
    if not candidates:
        return []
    datas = [texts[index].encode("utf-8") for index in window]
    starts = []  # the byte where each paragraph of the window starts in the joined text
    at = 0
    for piece in datas:
        starts.append(at)
        at += len(piece) + len(JOINER)
    found = []
    for rule in candidates:
        spans = matcher.part_spans(rule.id, data)
        if spans is None:
            continue
        places = [_place(starts, datas, start) for start, _ in spans]
        limit = reach(rule)
        if limit and max(places) - min(places) >= limit:
            continue
        start, end = max(spans)  # the last group met: its first match is the latest
        place = max(places)
        begin = starts[place]
        span = (max(0, start - begin), max(0, min(end - begin, len(datas[place]))))
        found.append((place, rule, span))
    return found


def to_check(
    text: str, fired: Sequence[Sequence[Rule]], window: range, window_rules: Sequence[Rule]
) -> tuple[bytes, list[Rule]]:
    """The window's joined ``text`` (:func:`within_budget`'s) as UTF-8 and the rules :func:`crossing`
    checks exactly in it: the ``near`` ones of ``window_rules`` (the rules that may fire in it) that
    fired in none of its paragraphs (``fired``: each paragraph's read alone). None: no bytes either."""
    candidates = [rule for rule in window_rules if rule.kind == NEAR]
    if not candidates:
        return b"", []
    own = {rule.id for index in window for rule in fired[index]}
    candidates = [rule for rule in candidates if rule.id not in own]
    if not candidates:
        return b"", []
    return text.encode("utf-8"), candidates


class Checked:
    """:meth:`part_spans` answered from checks made beforehand, rule by rule over every window
    (:meth:`bot.warnings.matcher.Matcher.part_spans_each`): each pattern an exact check compiles
    past ``KEEP_COMPILED`` is then compiled once per scan, not once per window."""

    def __init__(self, spans: dict[tuple[str, bytes], list[tuple[int, int]] | None]) -> None:
        self._spans = spans

    def part_spans(self, rule_id: str, data: bytes) -> list[tuple[int, int]] | None:
        return self._spans[rule_id, data]


def _place(starts: list[int], datas: list[bytes], at: int) -> int:
    """The paragraph of a window (by place) holding the byte ``at`` of the joined text: a match that
    takes in the joiner's stop before its word (a phrase with a letter past ASCII) is the next one's."""
    place = bisect_right(starts, at) - 1
    if at >= starts[place] + len(datas[place]) and place + 1 < len(datas):
        place += 1
    return place
