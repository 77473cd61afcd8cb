"""One compiled matcher per ruleset: RE2 sets find which rules can fire, a linear-time pass each.

Every rule part, every exclusion list and the negation cues ("nobody", "didn't" ...) are
entries of an ``re2.Set``. A rule whose parts are present, with
no negation or exclusion entry present, fires without further work; only the rare paragraph
where a negation or idiom is present is checked exactly, hit by hit. Text goes to RE2 as UTF-8
bytes, encoded once per paragraph; offsets are worked out only for the evidence kept.

The entries are split over several sets of at most :data:`SET_GROUP_CHARS` pattern characters
each, not one (an entry longer than that is cut at its alternatives, :func:`_pieces`). RE2
builds a set's automaton lazily, a state per new combination of partial matches, and each new
state costs time in proportion to the set's size. Text the process has
not seen before (every real story) keeps making new states: one set over the shipped rules and
1,000 more read new prose at 0.02 MB/s, 22 sets of 64,000 characters read it at 0.15 MB/s and
46 of 32,000 at 0.17 MB/s (CPU time), and an 8 MB upload peaks at about 130 MB instead of
444 MB (docs/benchmarks.md). Text already seen runs on cached states, where every extra pass
costs: the bench book of 85 paragraphs said over and over reads at a sixth of the one set's
speed (2.3 against 18.8 MB/s in the docs run), and the budgets' benign novel of 50 words takes
1.5-1.9 s instead of 1.0 s with 64,000. A worker reads new text: a story is scanned once per
version of the rules. Plain word lists are not what new text pays for: the bench's 1,000 extra
phrase rules fill one set that reads 0.5 MB of new text in 4 ms, and taking every entry's literal
alternatives out of the sets into one Aho-Corasick pass (same entries found) would have saved a
third of the sets' time on new text but cost more than it saved on text already seen (session 46,
docs/benchmarks.md).

New text is RE2's work, done outside the GIL, so once the sets read so far spent long on each
block the rest go to threads, one per CPU (:func:`_scan_threads`); so do the exact checks, rule
by rule, when a text calls for thousands of them (:data:`THREADED_CHECKS`). Each set's automaton is capped at
:data:`SET_MAX_MEM`: past it RE2 drops the states and goes on, which new text barely notices,
since it seldom meets a state twice; 8 MB of the rules' own words in random order peaked at
523 MB with 256 MB per set and at 377 MB with 16 MB. A set that has built states through
:data:`AFRESH_BYTES` of new text is compiled again once it is done with the text in hand, so a
long scan holds the automata of the sets in flight, not of all of them, and a worker lets them go.

Every pattern goes to RE2 rewritten to read the UTF-8 text byte by byte (:mod:`bot.warnings.bytewise`):
the same matches at the same offsets with half the program, which RE2 pays for with every new
state and with the memory of every pattern an exact check compiles (8 MB of heavy prose on one
line peaked at 585 MB before, 460 MB after this change alone).

A paragraph of megabytes (a line of a hostile upload, read as pieces of the engine's PIECE_CHARS)
is read in rounds of :data:`ROUND_PIECES` pieces: a rule counts once per paragraph, so after the first
round the sets look only for the parts of the rules that have not fired in it, in sets compiled for
them, and for those rules' guards only where one has its parts (:meth:`Matcher._fire_in_rounds`).

A server's ruleset (the shipped rules plus its own, minus what it turned off) gets an
:class:`ExtendedMatcher`: the shipped rules' matcher, compiled once per process and shared by
every server, plus a small one for the server's own rules, so adding a rule compiles only
the server's rules, never the shipped ones again.
"""

from __future__ import annotations

import os
import re
import threading
import time
import weakref
from collections import Counter, OrderedDict
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import groupby
from typing import Any

import re2

from bot.warnings.bytewise import bytewise, re2_form
from bot.warnings.forked import fork_pays, in_two_processes
from bot.warnings.model import Rule, Ruleset
from bot.warnings.regex_syntax import BAR, CLOSE, OPEN, STRAY, may_anchor, structure

# Automaton memory per set. RE2 needs room for 20 states (about 2.5 MB for a set of 64,000
# pattern characters) or the set matches nothing; when its states fill the budget it drops them and
# goes on. Text already seen needs few states; new text keeps making states it rarely meets
# again, so a bigger budget buys little speed for a lot of memory: 8 MB of the rules' own words
# in random order peaked at 523 MB with 256 MB per set and at 376 MB with 16 MB (bench budgets).
# Read byte by byte the states are smaller, and 8 MB took another 10 to 40 MB off the heaviest
# uploads with no change in speed, cached or new. (A set never gives up for slowness: RE2 lets
# only single patterns bail out, so a full cache just starts again.)
SET_MAX_MEM = 8 << 20
BLOCK_BYTES = 256  # short paragraphs are joined up to this for a set's first look (Matcher._set_matches)
BLOCK_PROBE = 32  # blocks a set reads before it may give them up for paragraphs one by one
# A set that found its entries in few of the paragraphs it read last reads bigger blocks, so fewer
# calls: a call costs about 1.1 µs of its own, what reading 440 bytes from cached states costs
# (2.5 ns a byte); a block that matches is read again paragraph by paragraph. Each set picks the
# size of least expected cost from its share of paragraphs with a match (_block_bytes). On the
# bench book (every paragraph different, states cached) most sets find something in under a
# tenth of its paragraphs (session 52, /work/scratch/s52/docs/perf52.md).
CALL_BYTES = 440
BLOCK_SIZES = (BLOCK_BYTES, 1024, 2048, 4096)
# Paragraphs a set must have read for its share of paragraphs with a match to choose its blocks.
SHARE_PARAGRAPHS = 64
# A set that has built states through this much text since it was compiled (new text, not the
# cached states of text it read before) starts afresh once it is done with the text in hand
# (_SetGroup.start_afresh). Otherwise every set keeps its automaton, up to SET_MAX_MEM, for as long
# as the worker lives: after 0.5 MB of new text the sets held 160 MB, and an 8 MB upload of heavy
# scenes in one paragraph peaked at 464 MB with all of them full, 308 MB with each set let go after
# its pass. Compiling a set again costs about 10 ms, 0.5 s for all of them: a tenth of what the sets
# take to read this much new text.
AFRESH_BYTES = 1 << 20
# Pattern characters per set: about fifty sets for the shipped rules, more with 1,000 more (docs/benchmarks.md).
# Half the 64,000 of before read new text 10-20 % faster (prose, and the rules' own words: 8.6
# against 10 s for 8 MB) and text already seen about a third slower.
SET_GROUP_CHARS = 32_000
# Counted gaps a set may hold, by their widths added up: each of "x(?:\W+\w+){0,10}\W+y" and
# "x[^\n]{0,100}y" is a counter running for as long as its gap, and a set's automaton needs a state for
# every mix of its counters under way, so a set of many of them runs out of SET_MAX_MEM and drops its
# states over and over, on text it has read before too. A set of the shipped rules with gaps of 296 in
# all (the next one: 134) read the bench's new text in 252 ms and again in 238 (others: 20-120 ms, then
# 2-8); as two sets, 71 + 28 ms and 6 + 5 (session 54, docs/benchmarks.md). A set holding more is halved
# (_gap_split).
SET_GAP_WIDTH = 200
_GAP = re.compile(r"\{\d*,(\d+)\}")  # a counted repetition's upper bound (an escaped "\{" is rare enough to miscount)
FRAME = "frame"  # the kind (and id suffix) of the rule reporting a category's signs of play
REAL = "real"  # ... and of the rule reporting its signs of real harm (``CategoryRules.real``)
NEGATION_CONTEXT = 64  # bytes looked at before a hit for "nobody", "didn't", ...
# When the sets read so far spent at least this long per block, RE2 is building their automata
# (text they have not seen) and the other sets are read on threads, since RE2 lets go of the GIL while it
# works. Reading from cached states, or short lines, a call takes a few microseconds, and threads
# handing the GIL back and forth cost more than they save (Matcher._set_matches).
THREADED_BLOCK_SECONDS = 10e-6
# A set reads cached states at about 2 ns a byte and builds states at 15 to 80 (heavy scenes said
# over and over, new prose): past this it was building (Matcher._set_matches, AFRESH_BYTES).
BUILDING_SECONDS_PER_BYTE = 5e-9
MIN_THREADED_SECONDS = 3e-4  # sets read quicker than this: the others are not worth a thread pool
MAX_SCAN_THREADS = 4
# Paragraphs per block, on average, from which a long text's sets are read in two processes
# (bot.warnings.forked): 8 MB of the rules' words six to a paragraph (about 5.6 a block) took 7.0
# instead of 8.6 s and 468 instead of 404 MB; heavy prose (about one a block) read as fast on
# threads alone, and a fork only cost it memory (docs/warnings-eval.md).
SHORT_PARAGRAPHS_PER_BLOCK = 2
# Patterns an exact check compiled that stay compiled for good (about 100 KB each once they have
# searched). A normal story needs a few dozen to a few hundred; text made of every heavy scene
# (a hostile upload) needs over a thousand, and past this many each is compiled for its rule's
# checks in one call and let go right after (Matcher._exact_checks). 200 rather than 400 took
# 20 MB off the heaviest hostile upload (462 -> 443 MB, one EPUB paragraph of heavy scenes) for
# 0.1 s; text seen for the first time costs the same, a second scan of it a third more.
KEEP_COMPILED = 200
# From this many exact checks in one scan (text full of negations and idioms, read for the first
# time) they run on threads, one per CPU: each is an RE2 search outside the GIL, about 40 µs on new
# text. A story's few hundred checks would pay more for the threads than they save.
THREADED_CHECKS = 2_000


_UNANCHORED = getattr(getattr(re2, "_Anchor", None), "UNANCHORED", None)
_COMPILING = threading.Lock()  # guards _Lazy's compile and release, and its count of live patterns


class _Lazy:
    """A pattern compiled on first use: most parts never need more than the set's answer."""

    __slots__ = ("_compiled", "_inner", "pattern")
    live = 0  # patterns compiled and not let go, in this process

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        self._compiled: re2._Regexp | None = None
        self._inner: Any = None  # the compiled pattern under the wrapper, when it exposes one

    @property
    def compiled(self) -> bool:
        return self._compiled is not None

    def get(self) -> re2._Regexp:
        compiled = self._compiled
        if compiled is None:
            fresh = re2.compile(*re2_form(self.pattern))
            with _COMPILING:  # exact checks may run on threads, and rules share their idiom lists
                compiled = self._compiled
                if compiled is None:  # (if another thread compiled it meanwhile, its copy is kept)
                    compiled = self._compiled = fresh
                    self._inner = getattr(compiled, "_regexp", None) if _UNANCHORED is not None else None
                    _Lazy.live += 1
        return compiled

    def release(self) -> None:
        """Let the compiled pattern go (its memory with it); the next use compiles it again."""
        with _COMPILING:
            if self._compiled is not None:
                self._compiled = self._inner = None
                _Lazy.live -= 1

    def __del__(self) -> None:
        # A matcher dropped (a server's rules changed) takes its compiled patterns with it.
        # (type(self): at interpreter exit the module's names may already be gone.)
        if self._compiled is not None:
            type(self).live -= 1

    def first_span(self, data: bytes, pos: int = 0) -> tuple[int, int] | None:
        """The byte span of the first match at or after ``pos``, or None.

        Calls the compiled pattern directly when the wrapper exposes it: its ``search`` builds a
        match object per call, which the exact checks and evidence (all they need is a span) pay for.
        """
        inner = self._inner
        if inner is None:
            compiled = self.get()
            inner = self._inner
            if inner is None:
                match = compiled.search(data, pos)
                return match.span() if match else None
        span = inner.Match(_UNANCHORED, data, pos, len(data))[0]
        return None if span[0] < 0 else span

    def spans(self, data: bytes) -> Iterator[tuple[int, int]]:
        """Every match's byte span, left to right, like ``finditer``."""
        pos = 0
        while pos <= len(data) and (span := self.first_span(data, pos)) is not None:
            yield span
            pos = span[1] if span[1] > span[0] else span[1] + 1


@contextmanager
def _parts_let_go(compiled: _CompiledRule) -> Iterator[None]:
    """Let go, once the block is done, each part of ``compiled`` it had to compile past
    :data:`KEEP_COMPILED`: so a rule's checks over many texts compile such a part once for all of
    them, and a scan of text full of every heavy scene holds no more than the cap for good."""
    transient = [part.regex for part in compiled.parts if not part.regex.compiled and _Lazy.live >= KEEP_COMPILED]
    try:
        yield
    finally:
        for regex in transient:
            regex.release()


@dataclass(slots=True)
class _Part:
    regex: _Lazy
    entry: int  # Set entry of the part itself
    negated_entry: int | None  # Set entry of the negation cues, when the rule is negatable


@dataclass(slots=True)
class _CompiledRule:
    rule: Rule
    parts: list[_Part]
    # Idioms that cancel a hit they overlap, each with its set entry: the category's list (one
    # entry shared by its rules) and the rule's own ``unless`` (an entry of its own, so a rule
    # with a few words of its own does not add another copy of its category's long list).
    exclusions: tuple[tuple[_Lazy, int], ...]
    others: frozenset[int] = field(default=frozenset())  # entries of the parts after the first
    guards: frozenset[int] = field(default=frozenset())  # entries whose presence calls for the exact check

    def __post_init__(self) -> None:
        self.others = frozenset(part.entry for part in self.parts[1:])
        guards = {part.negated_entry for part in self.parts if part.negated_entry is not None}
        guards.update(entry for _, entry in self.exclusions)
        self.guards = frozenset(guards)


class Hit:
    """A rule that fired in a paragraph; its byte span in ``data`` is found only when asked."""

    __slots__ = ("_compiled", "_span", "data", "rule")

    def __init__(self, compiled: _CompiledRule, data: bytes, span: tuple[int, int] | None) -> None:
        self._compiled = compiled
        self.rule = compiled.rule
        self.data = data
        self._span = span

    @property
    def span(self) -> tuple[int, int]:
        if self._span is None:
            # No negation or idiom was present for this rule, so the first match is valid.
            self._span = self._compiled.parts[0].regex.first_span(self.data) or (0, 0)
        return self._span

    def char_span(self) -> tuple[int, int]:
        """The span as character offsets into the paragraph's text."""
        start, end = self.span
        if self.data.isascii():  # most paragraphs: bytes are characters
            return start, end
        char_start = len(self.data[:start].decode("utf-8", "ignore"))
        return char_start, char_start + len(self.data[start:end].decode("utf-8", "ignore"))


class Fired:
    """What fired in each paragraph of a call to :meth:`Matcher.fire`, and where, when asked."""

    __slots__ = ("_base", "_by_id", "_spans", "rules")

    def __init__(
        self,
        rules: list[list[Rule]],
        spans: dict[tuple[int, str], tuple[int, int]],
        by_id: dict[str, _CompiledRule],
        base: int = 0,
    ) -> None:
        self.rules = rules  # per paragraph, in the order given
        self._spans = spans
        self._by_id = by_id
        self._base = base  # the index of rules[0] in the call that found them (see view)

    def view(self, start: int, stop: int) -> Fired:
        """Paragraphs ``start`` to ``stop`` of the call, numbered from 0 (a chapter of a story read in one call)."""
        return Fired(self.rules[start:stop], self._spans, self._by_id, self._base + start)

    def hit(self, index: int, rule: Rule, text: str) -> Hit:
        """The hit of ``rule`` in paragraph ``index`` (whose text is ``text``), to find its span."""
        return Hit(self._by_id[rule.id], text.encode("utf-8"), self._spans.get((self._base + index, rule.id)))

    def weight(self, rule_id: str) -> float:
        return self._by_id[rule_id].rule.weight

    def add(self, index: int, rule: Rule, span: tuple[int, int]) -> None:
        """``rule`` fired in paragraph ``index`` too (of a whole call), its byte span there ``span``."""
        assert self._base == 0, "add to whole calls, not views"
        self.rules[index] = [*self.rules[index], rule]
        self._spans[index, rule.id] = span

    def joined(self, other: Fired) -> Fired:
        """Both calls' rules per paragraph (same texts, matchers with different rule ids)."""
        assert self._base == other._base == 0, "join whole calls, not views"
        return Fired(_side_by_side(self.rules, other.rules), self._spans | other._spans, self._by_id | other._by_id)

    def hits(self, texts: list[str]) -> list[list[Hit]]:
        return [[self.hit(index, rule, texts[index]) for rule in rules] for index, rules in enumerate(self.rules)]

    def spread(self, sources: list[int]) -> Fired:
        """A whole call's findings for a longer list of paragraphs whose ``i``-th is the ``sources[i]``-th
        of this call's (the same paragraph said again reads as it did the first time)."""
        assert self._base == 0, "spread whole calls, not views"
        by_source: dict[int, list[tuple[str, tuple[int, int]]]] = {}
        for (index, rule_id), span in self._spans.items():
            by_source.setdefault(index, []).append((rule_id, span))
        spans: dict[tuple[int, str], tuple[int, int]] = {}
        for index, source in enumerate(sources):
            for rule_id, span in by_source.get(source, ()):
                spans[index, rule_id] = span
        return Fired([list(self.rules[source]) for source in sources], spans, self._by_id)


class _ScansByFire:
    """What both matchers answer alike from their own :meth:`fire` and :meth:`part_spans_each`."""

    def fire(self, texts: list[str], paragraphs: Sequence[int] | None = None) -> Fired:
        raise NotImplementedError

    def part_spans_each(self, rule_id: str, datas: Sequence[bytes]) -> list[list[tuple[int, int]] | None]:
        raise NotImplementedError

    def scan_paragraph(self, text: str) -> list[Hit]:
        """The rules that fire in one paragraph, each at most once."""
        return self.scan_paragraphs([text])[0]

    def scan_paragraphs(self, texts: list[str]) -> list[list[Hit]]:
        """The rules that fire in each paragraph, each at most once per paragraph, as hits."""
        return self.fire(texts).hits(texts)

    def part_spans(self, rule_id: str, data: bytes) -> list[tuple[int, int]] | None:
        """Each part's first match in ``data`` that is neither inside an idiom nor negated, or None
        when a part has none: the exact check, always made (for the rare text read twice, the
        engine's windows of short paragraphs, :mod:`bot.warnings.across`)."""
        return self.part_spans_each(rule_id, [data])[0]


class Matcher(_ScansByFire):
    """Built once per ruleset; ``scan_paragraph`` is the hot path."""

    def __init__(self, ruleset: Ruleset, *, frames: bool = True) -> None:
        """``frames``: also report each category's signs of play and of real harm (a server's own
        matcher leaves them to the shared one, which already reports them)."""
        self.ruleset = ruleset
        self._negation = ruleset.negation if ruleset.negation.cues else None
        # Set entry -> compiled rules whose first part is there (several rules can share one).
        by_entry: dict[int, list[_CompiledRule]] = {}
        entries: dict[str, int] = {}
        regexes: dict[str, _Lazy] = {}

        def entry_for(pattern: str, *, compile_regex: bool = True) -> int:
            if pattern not in entries:
                entries[pattern] = len(entries)
                if compile_regex:
                    regexes[pattern] = _Lazy(pattern)
            return entries[pattern]

        # One entry, "a negation cue", decides whether the exact negation check is needed: it is
        # present wherever a cue and then a pattern are. A copy of every negatable pattern behind
        # the cues (one per category) sent fewer rules to that check, but made up a third of the
        # sets' size, which text never seen before pays for state by state.
        negated_entry = None
        if self._negation is not None and any(rule.negatable for rule in ruleset.rules):
            negated_entry = entry_for(self._negation.cue_pattern(), compile_regex=False)
        for rule in ruleset.rules:
            parts = []
            for pattern in rule.parts:
                negated = negated_entry if rule.negatable else None
                entry = entry_for(pattern)
                parts.append(_Part(regexes[pattern], entry, negated))
            exclusions = []
            for idioms in (ruleset.category_rules(rule.category).exclude, rule.unless):
                if idioms:
                    source = "|".join(f"(?:{p})" for p in idioms)
                    entry = entry_for(source)
                    exclusions.append((regexes[source], entry))
            compiled = _CompiledRule(rule, parts, tuple(exclusions))
            # Index by the first part only: a rule needs every part, so that one must be present.
            by_entry.setdefault(parts[0].entry, []).append(compiled)
        for rule in [*frame_rules(ruleset), *real_rules(ruleset)] if frames else ():
            # Reported as a hit of its own, never excluded: the engine sets them apart. A sign of real
            # harm may be negated ("no broken bones"); a sign of play may not.
            entry = entry_for(rule.parts[0])
            negated = negated_entry if rule.negatable else None
            part = _Part(regexes[rule.parts[0]], entry, negated)
            by_entry.setdefault(entry, []).append(_CompiledRule(rule, [part], ()))
        self.patterns = tuple(entries)  # entry i is patterns[i]
        self._groups = _compiled_sets(list(self.patterns))
        self.size = len(entries)
        self.sets = len(self._groups)
        self._by_id = {compiled.rule.id: compiled for rules in by_entry.values() for compiled in rules}
        # Set entry -> its rules, as a list: indexing it is the cheapest lookup on the hot path.
        self._rules_at: list[list[_CompiledRule] | None] = [by_entry.get(i) for i in range(self.size)]
        # The fast path's tables: every entry that can call for an exact check, and per entry its
        # rules when all of them are one part long (they fire as soon as the entry is present).
        self._guards = frozenset(
            entry for rules in by_entry.values() for compiled in rules for entry in compiled.guards
        )
        self._plain_at: list[tuple[Rule, ...] | None] = [
            None if rules is None or any(compiled.others for compiled in rules) else tuple(c.rule for c in rules)
            for rules in self._rules_at
        ]

    def holds(self, rule_id: str) -> bool:
        return rule_id in self._by_id

    def compiled_patterns(self) -> int:
        """How many of its patterns are compiled now (for evidence and exact checks): each holds memory."""
        lazies = {id(part.regex): part.regex for compiled in self._by_id.values() for part in compiled.parts}
        lazies.update((id(regex), regex) for compiled in self._by_id.values() for regex, _ in compiled.exclusions)
        return sum(1 for regex in lazies.values() if regex.compiled)

    def set_match(self, data: bytes) -> list[int]:
        """The set entries present anywhere in ``data``, in increasing order."""
        return self._set_matches([data])[0]

    def _set_matches(
        self, datas: list[bytes], groups: Sequence[_SetGroup] | None = None, *, afresh_bytes: int | None = None
    ) -> list[list[int]]:
        """The entries present in each of ``datas``, in increasing order (of ``groups``' entries
        only, when given: sets compiled for some of the entries, see :meth:`_fire_in_rounds`).
        ``afresh_bytes``: a set that built states through this much text starts afresh as soon as
        it is done with ``datas`` (default :data:`AFRESH_BYTES`).

        One set at a time over every text, then the next: each set's automaton stays in the
        CPU caches while it runs (it is memory-bound, and Python's work in between evicts it).
        A set first reads a block of paragraphs joined by newlines, and reads them one by one
        only where the block has a match: most sets find nothing in most blocks, and a call
        costs about a microsecond whatever its length (a story of one-letter paragraphs would
        otherwise cost a call per paragraph per set). An entry present in a paragraph is present
        in its block, unless it is anchored; a set with such an entry reads paragraphs one by one,
        and so does a set that matched most of its first :data:`BLOCK_PROBE` blocks.

        Text the sets have not seen costs them far more (each builds its automaton as it goes),
        so once the sets read so far spent long on each block the rest go to threads, one per
        CPU up to :data:`MAX_SCAN_THREADS`: the work is RE2's, outside the GIL. A long text of
        short paragraphs (:data:`SHORT_PARAGRAPHS_PER_BLOCK`) is quick calls that threads cannot
        share, so a forked copy of the process reads half the sets (:mod:`bot.warnings.forked`).
        """
        blocks = _blocks(datas)
        text_bytes = sum(map(len, datas))
        sets = self._groups if groups is None else groups
        paragraph_bytes = text_bytes / len(datas) if datas else 0.0
        blocks_of = {BLOCK_BYTES: blocks}  # block size -> the blocks (each set reads one size)
        sizes = {group: _block_bytes(group.share, paragraph_bytes) for group in sets}
        for size in set(sizes.values()) - {BLOCK_BYTES}:
            blocks_of[size] = _blocks(datas, size)
        # A set that took longer than this built states as it read: long on each block (a call from
        # cached states takes a few microseconds) and on each byte (one long paragraph is one block).
        building = max(len(blocks) * THREADED_BLOCK_SECONDS, text_bytes * BUILDING_SECONDS_PER_BYTE)
        afresh = AFRESH_BYTES if afresh_bytes is None else afresh_bytes

        def one_by_one(
            match: Callable[[bytes], list[int]], lookup: Callable[[int], int], start: int
        ) -> list[tuple[int, list[int]]]:
            return [
                (index, list(map(lookup, hits))) for index in range(start, len(datas)) if (hits := match(datas[index]))
            ]

        def read(group: _SetGroup) -> list[tuple[int, list[int]]]:
            started = time.thread_time()
            found = read_blocks(group, blocks_of[sizes.get(group, BLOCK_BYTES)])
            if len(datas) >= SHARE_PARAGRAPHS:
                group.share = len(found) / len(datas)  # found holds each paragraph at most once
            if time.thread_time() - started >= building:
                group.built += text_bytes  # it built states as it read (text it had not seen)
                if group.built >= afresh:
                    group.start_afresh()  # let them go before the next set builds its own
            return found

        def read_blocks(group: _SetGroup, blocks: list[tuple[int, int, bytes]]) -> list[tuple[int, list[int]]]:
            match = group.match
            lookup = group.entries.__getitem__
            if group.anchored:
                return one_by_one(match, lookup, 0)
            found: list[tuple[int, list[int]]] = []
            joined = matched = 0  # blocks of several paragraphs read, and how many matched
            for start, stop, block in blocks:
                if stop - start > 1:
                    if joined >= BLOCK_PROBE and 2 * matched > joined:
                        # This set matches most blocks (short lines full of its words): a block
                        # first and then its paragraphs would read the text twice.
                        return found + one_by_one(match, lookup, start)
                    joined += 1
                hits = match(block)
                if not hits:
                    continue
                if stop - start == 1:
                    found.append((start, list(map(lookup, hits))))
                    continue
                matched += 1
                for index in range(start, stop):
                    hits = match(datas[index])
                    if hits:
                        found.append((index, list(map(lookup, hits))))
            return found

        def read_groups(groups: Sequence[_SetGroup], cpus: int) -> list[list[tuple[int, list[int]]]]:
            results: list[list[tuple[int, list[int]]]] = []
            spent = 0.0  # seconds the sets read so far took
            for position, group in enumerate(groups):
                started = time.perf_counter()
                results.append(read(group))
                spent += time.perf_counter() - started
                threads = _scan_threads(len(blocks) * (position + 1), spent, len(groups) - position - 1, cpus)
                if threads > 1:
                    with ThreadPoolExecutor(threads, thread_name_prefix="dogear-scan") as pool:
                        results += pool.map(read, groups[position + 1 :])
                    break
            return results

        cpus = available_cpus()
        if len(datas) >= SHORT_PARAGRAPHS_PER_BLOCK * len(blocks) and fork_pays(text_bytes, len(sets), cpus):
            # Short paragraphs: millions of quick calls, which threads cannot share (each hands the
            # GIL over) but a forked copy can. Two processes, each with half the CPUs for threads.
            share = max(1, cpus // 2)
            results = in_two_processes(lambda groups: read_groups(groups, share), sets)
        else:
            results = read_groups(sets, cpus)
        founds: list[list[int]] = [[] for _ in datas]
        repeated: set[int] = set()  # paragraphs where a set holding a piece of a cut entry found something
        for group, found in zip(sets, results, strict=True):  # one result per set, in order
            for index, entries in found:
                founds[index].extend(entries)
            if group.cut:
                repeated.update(index for index, _ in found)
        for index in repeated:
            founds[index] = _entries_once(founds[index])
        for entries in founds:
            entries.sort()
        return founds

    def fire(self, texts: list[str], paragraphs: Sequence[int] | None = None) -> Fired:
        """The rules that fire in each paragraph, each at most once per paragraph.

        ``paragraphs``: for texts that are pieces of longer paragraphs (the engine's
        ``scan_pieces``), each text's paragraph; a rule then fires at most once per paragraph
        too, in the first of its pieces where it passes, and is not checked exactly in the
        later ones. A hostile upload's one 4 MB line (426 pieces of the rules' own words)
        otherwise sent every rule to its exact check in every piece: 96,000 checks, 3.9 s.

        A paragraph said again is read once: text the sets have not seen costs them far more
        than a dictionary of the paragraphs does, and an upload pasting the same scenes over and
        over (8 MB of heavy scenes is 1.9 MB of different paragraphs) would pay for every copy.
        """
        firsts = list(dict.fromkeys(texts))
        if len(firsts) == len(texts):
            return _once_per_paragraph(self._fire(texts, paragraphs), paragraphs)
        source = {text: index for index, text in enumerate(firsts)}
        sources = [source[text] for text in texts]
        own_paragraphs = None
        if paragraphs is not None:
            # A text said once keeps its paragraph; one said again is its own (its copies may lie
            # in different paragraphs, so no earlier piece may stand in for it).
            uses = Counter(sources)
            own_paragraphs = [-1 - index for index in range(len(firsts))]
            for index, first in enumerate(sources):
                if uses[first] == 1:
                    own_paragraphs[first] = paragraphs[index]
        return _once_per_paragraph(self._fire(firsts, own_paragraphs).spread(sources), paragraphs)

    def _fire(self, texts: list[str], paragraphs: Sequence[int] | None = None) -> Fired:
        """:meth:`fire` over paragraphs that differ from each other (``paragraphs`` as there,
        except that pieces of one paragraph need not be next to each other).

        The hot loop of a scan, so written flat: one RE2 set pass per paragraph (all of them
        first), then only set and list lookups, except for the rare rule whose negation or idiom
        entry is present.
        It records rules, not hit objects: a scan needs a hit's place only for its evidence.
        """
        datas = [text.encode("utf-8") for text in texts]
        rounds = _rounds(paragraphs, datas) if paragraphs is not None else None
        if rounds is not None:
            return self._fire_in_rounds(datas, paragraphs or (), rounds)
        return self._fired(datas, self._set_matches(datas), paragraphs)  # every set pass first

    def _fire_in_rounds(self, datas: list[bytes], paragraphs: Sequence[int], rounds: list[list[int]]) -> Fired:
        """:meth:`_fire` over texts among which a paragraph runs to many pieces (a line of megabytes),
        a round of pieces at a time (:func:`_rounds`): after the first, the sets look only for the
        entries that can still make a rule fire in the paragraphs of the round, in sets compiled for
        them, when those are a small part of all.

        A rule counts once per paragraph (:meth:`fire`), so once it fired its own entries are no use
        in the paragraph's later pieces; a rule that has not fired keeps its parts and guards. The
        answer is the one a single pass gives. Every set read every piece before: the rules' own
        phrases shuffled on one 4 MB line had them build states through all 4 MB (7 s of CPU), when
        the first few hundred kilobytes fire most rules.
        """
        rules: list[list[Rule]] = [[] for _ in datas]
        spans: dict[tuple[int, str], tuple[int, int]] = {}
        fired_in: dict[int, set[str]] = {}  # paragraph -> ids of the rules that fired in it so far
        everything = list(self._by_id.values())
        parts_sets = _Narrowing(self)  # the parts of the rules that may still fire
        guard_sets = _Narrowing(self)  # and their guards (idiom lists, negation cues: long patterns)
        for number, texts in enumerate(rounds):
            own = [datas[index] for index in texts]
            own_paragraphs = [paragraphs[index] for index in texts]
            if not number:
                # A set's states of new text are no use to the next rounds, which read other sets:
                # each lets them go as soon as it is done, not once all are, so that the sets in
                # flight hold automata, not every set (a 4 MB line peaked at 292 MB, now 252).
                founds = self._set_matches(own, afresh_bytes=1)
            else:
                pending = {  # paragraph -> the rules that have not fired in it
                    paragraph: [c for c in everything if c.rule.id not in fired_in.get(paragraph, ())]
                    for paragraph in set(own_paragraphs)
                }
                narrowed = parts_sets.sets({part.entry for c in _union(pending) for part in c.parts})
                founds = self._set_matches(own, narrowed)
                # The guards only where a rule that may still fire has its parts: they matter nowhere else.
                guarded = [
                    place for place, found in enumerate(founds) if _may_fire(pending[own_paragraphs[place]], found)
                ]
                if guarded and narrowed is not None:
                    wanted = {entry for c in _union(pending) for entry in c.guards}
                    for place, extra in zip(
                        guarded,
                        self._set_matches([own[place] for place in guarded], guard_sets.sets(wanted)),
                        strict=True,
                    ):
                        founds[place] = sorted(set(founds[place]).union(extra))
            found = self._fired(own, founds, own_paragraphs)
            for place, index in enumerate(texts):
                rules[index] = found.rules[place]
                fired_in.setdefault(paragraphs[index], set()).update(rule.id for rule in found.rules[place])
            for (place, rule_id), span in found._spans.items():
                spans[texts[place], rule_id] = span
        return Fired(rules, spans, self._by_id)

    def _fired(self, datas: list[bytes], founds: list[list[int]], paragraphs: Sequence[int] | None) -> Fired:
        """The rules that fire in each of ``datas``, given the set entries present in each (``founds``)."""
        by_entry = self._rules_at
        plain_at = self._plain_at
        guards = self._guards
        fired: list[list[Rule]] = []
        # Rules whose idiom or negation entry is present: (paragraph, place in its list, rule),
        # checked exactly once every paragraph has been through, rule by rule.
        checks: list[tuple[int, int, _CompiledRule]] = []
        presents: dict[int, frozenset[int]] = {}
        for index, found in enumerate(founds):
            rules: list[Rule] = []
            fired.append(rules)
            if not found:
                continue
            if guards.isdisjoint(found):
                # No idiom or negation entry here (most paragraphs): a rule fires once its parts are present.
                present = None
                for entry in found:
                    plain = plain_at[entry]
                    if plain is not None:
                        rules.extend(plain)
                        continue
                    candidates = by_entry[entry]
                    if candidates is None:
                        continue
                    if present is None:
                        present = frozenset(found)
                    for compiled in candidates:
                        if compiled.others <= present:
                            rules.append(compiled.rule)
                continue
            present = presents[index] = frozenset(found)
            for entry in found:
                candidates = by_entry[entry]
                if candidates is None:
                    continue
                for compiled in candidates:
                    if compiled.others and not compiled.others <= present:
                        continue
                    if not compiled.guards.isdisjoint(present):
                        checks.append((index, len(rules), compiled))
                    rules.append(compiled.rule)  # a check that fails takes it out again
        return Fired(fired, self._exact_checks(checks, datas, presents, fired, paragraphs), self._by_id)

    def _exact_checks(
        self,
        checks: list[tuple[int, int, _CompiledRule]],
        datas: list[bytes],
        presents: dict[int, frozenset[int]],
        fired: list[list[Rule]],
        paragraphs: Sequence[int] | None = None,
    ) -> dict[tuple[int, str], tuple[int, int]]:
        """Run the exact checks rule by rule, take the rules that fail out of ``fired`` and
        return the spans of those that pass, by (paragraph, rule id).

        With ``paragraphs`` (texts that are pieces of one paragraph), a rule's check in a piece
        is skipped, and the rule taken out, where it already fired in an earlier piece of the
        same paragraph, with or without a check: it counts once per paragraph (:meth:`fire`).

        Rule by rule, so that once :data:`KEEP_COMPILED` patterns are compiled, a rule's pattern
        compiled for its checks is let go as soon as they are done: text full of every heavy
        scene would otherwise hold over a thousand compiled patterns at once (8 MB of it on one
        line peaked past 500 MB). The idiom lists stay compiled: every rule of their category
        asks for them, and their spans are found once per paragraph.
        """
        spans: dict[tuple[int, str], tuple[int, int]] = {}
        failed: dict[int, set[int]] = {}  # paragraph -> places in its list of the rules that failed
        idioms: dict[int, dict[int, list[tuple[int, int]]]] = {i: {} for i in presents}  # -> entry -> spans
        checks.sort(key=lambda check: check[2].rule.id)  # stable: each rule's checks stay in paragraph order
        by_rule = [list(group) for _, group in groupby(checks, key=lambda check: check[2].rule.id)]

        sure = _fired_unchecked(checks, fired, paragraphs)

        def check_rules(rules: list[list[tuple[int, int, _CompiledRule]]]) -> list[tuple[int, int, str, Any]]:
            outcomes: list[tuple[int, int, str, Any]] = []  # (paragraph, place, rule id, span or None)
            for rule_checks in rules:
                compiled = rule_checks[0][2]
                rule_id = compiled.rule.id
                passed: set[int] = set()  # the paragraphs of the pieces where this rule passed
                with _parts_let_go(compiled):
                    for index, place, _ in rule_checks:
                        paragraph = paragraphs[index] if paragraphs is not None else None
                        if paragraph is not None and (
                            paragraph in passed or sure.get((paragraph, rule_id), index) < index
                        ):
                            span = None  # it fired in an earlier piece of this paragraph
                        else:
                            span = self._locate(compiled, datas[index], presents[index], idioms[index])
                            if span is not None and paragraph is not None:
                                passed.add(paragraph)
                        outcomes.append((index, place, rule_id, span))
            return outcomes

        threads = min(available_cpus(), MAX_SCAN_THREADS, len(by_rule)) if len(checks) >= THREADED_CHECKS else 1
        if threads > 1:
            # Dealt out rule by rule in turn, so each thread gets a like share of rules and checks.
            with ThreadPoolExecutor(threads, thread_name_prefix="dogear-check") as pool:
                results = list(pool.map(check_rules, [by_rule[start::threads] for start in range(threads)]))
        else:
            results = [check_rules(by_rule)]
        for outcomes in results:
            for index, place, rule_id, span in outcomes:
                if span is None:
                    failed.setdefault(index, set()).add(place)
                else:
                    spans[index, rule_id] = span
        for index, places in failed.items():
            fired[index] = [rule for place, rule in enumerate(fired[index]) if place not in places]
        return spans

    def _locate(
        self,
        compiled: _CompiledRule,
        data: bytes,
        present: frozenset[int],
        idioms: dict[int, list[tuple[int, int]]],
    ) -> tuple[int, int] | None:
        """The exact check: every part needs a match that is neither inside an idiom nor negated.

        ``idioms`` keeps the paragraph's idiom spans per exclusion entry: the rules of one
        category share their category's idioms, so they are looked for once per paragraph.
        """
        spans: list[tuple[int, int]] = []
        for regex, entry in compiled.exclusions:
            if entry in present:
                found = idioms.get(entry)
                if found is None:
                    found = idioms[entry] = list(regex.spans(data))
                spans = spans + found if spans else found
        first: tuple[int, int] | None = None
        for part in compiled.parts:
            check_negation = part.negated_entry is not None and part.negated_entry in present
            span = self._first_valid(part.regex, data, spans, check_negation)
            if span is None:
                return None
            first = first or span
        return first

    def candidates(self, texts: list[str], kind: str) -> list[list[Rule]]:
        """The rules of ``kind`` whose parts are all present in each of ``texts``, by the sets alone, in
        the order :meth:`fire` lists them: no exact check. For the engine's windows of short paragraphs
        (:mod:`bot.warnings.across`), whose every candidate then gets :meth:`part_spans`, a check at
        least as strict as :meth:`fire`'s (every idiom list, every negation cue), so checking it here
        first was the same work twice: on the bench's new text, 368 patterns compiled again per scan."""
        firsts = list(dict.fromkeys(texts))
        founds = self._set_matches([text.encode("utf-8") for text in firsts])
        by_entry = self._rules_at
        by_text: dict[str, list[Rule]] = {}
        for text, found in zip(firsts, founds, strict=True):
            rules: list[Rule] = []
            by_text[text] = rules
            present = frozenset(found)
            for entry in found:
                for compiled in by_entry[entry] or ():
                    if compiled.rule.kind == kind and compiled.others <= present:
                        rules.append(compiled.rule)
        return [list(by_text[text]) for text in texts]

    def part_spans_each(self, rule_id: str, datas: Sequence[bytes]) -> list[list[tuple[int, int]] | None]:
        """:meth:`part_spans` of one rule in each of ``datas``. Past :data:`KEEP_COMPILED` a part
        compiled for these is let go once they are done, as the exact checks do (:meth:`_exact_checks`):
        so a scan's windows compile each such part once for all of them, and hold none."""
        compiled = self._by_id[rule_id]
        with _parts_let_go(compiled):
            return [self._part_spans_in(compiled, data) for data in datas]

    def _part_spans_in(self, compiled: _CompiledRule, data: bytes) -> list[tuple[int, int]] | None:
        """The exact check made whole: every idiom list and every negation cue, whether or not the
        sets saw them (:meth:`_locate` asks only for those present)."""
        excluded = [span for regex, _ in compiled.exclusions for span in regex.spans(data)]
        spans: list[tuple[int, int]] = []
        for part in compiled.parts:
            span = self._first_valid(part.regex, data, excluded, part.negated_entry is not None)
            if span is None:
                return None
            spans.append(span)
        return spans

    def _first_valid(
        self, regex: _Lazy, data: bytes, excluded: list[tuple[int, int]], check_negation: bool
    ) -> tuple[int, int] | None:
        negation = self._negation
        for start, end in regex.spans(data):
            if excluded and any(start < e_end and e_start < end for e_start, e_end in excluded):
                continue
            if check_negation and negation is not None:
                before = data[max(0, start - NEGATION_CONTEXT) : start].decode("utf-8", "ignore")
                if negation.is_negated(before):
                    continue
            return start, end
        return None


def _side_by_side(mine: list[list[Rule]], theirs: list[list[Rule]]) -> list[list[Rule]]:
    """Two matchers' rules for the same texts, paragraph by paragraph, mine first."""
    return [first + second for first, second in zip(mine, theirs, strict=True)]


def _fired_unchecked(
    checks: list[tuple[int, int, _CompiledRule]], fired: list[list[Rule]], paragraphs: Sequence[int] | None
) -> dict[tuple[int, str], int]:
    """(paragraph, rule id) -> the first text of that paragraph where the rule fired with no
    exact check, for paragraphs read as several pieces (``paragraphs`` repeats them)."""
    if paragraphs is None:
        return {}
    pieces = Counter(paragraphs)
    pending = {(index, place) for index, place, _ in checks}
    sure: dict[tuple[int, str], int] = {}
    for index, rules in enumerate(fired):
        paragraph = paragraphs[index]
        if pieces[paragraph] < 2:
            continue
        for place, rule in enumerate(rules):
            if (index, place) not in pending:
                sure.setdefault((paragraph, rule.id), index)
    return sure


def _once_per_paragraph(fired: Fired, paragraphs: Sequence[int] | None) -> Fired:
    """``fired`` with each rule kept only in the first piece of a paragraph where it fired
    (``paragraphs``: each text's paragraph, see :meth:`Matcher.fire`)."""
    if paragraphs is None or len(set(paragraphs)) == len(paragraphs):
        return fired
    seen: dict[int, set[str]] = {}
    for index, rules in enumerate(fired.rules):
        if not rules:
            continue
        ids = seen.setdefault(paragraphs[index], set())
        kept = [rule for rule in rules if rule.id not in ids]
        ids.update(rule.id for rule in kept)
        if len(kept) != len(rules):
            fired.rules[index] = kept
    return fired


class _Narrowing:
    """Sets over a shrinking choice of a matcher's entries, compiled again only when the choice has
    shrunk by a quarter since the last compile (a compile costs about what the sets take to read a
    round of new text)."""

    def __init__(self, matcher: Matcher) -> None:
        self._patterns = matcher.patterns
        self._groups: list[_SetGroup] | None = None  # None: all of the matcher's own sets
        self._chars = sum(map(len, matcher.patterns))  # what the sets hold: their cost on new text

    def sets(self, wanted: set[int]) -> list[_SetGroup] | None:
        """Sets that look for the entries ``wanted`` at least (None: the matcher's own, every entry)."""
        chars = sum(len(self._patterns[entry]) for entry in wanted)
        if 4 * chars < 3 * self._chars:
            self._groups, self._chars = _entry_sets(self._patterns, sorted(wanted)), chars
        return self._groups


def _may_fire(rules: list[_CompiledRule], found: list[int]) -> bool:
    """Whether one of ``rules`` that has guards has all its parts among the entries ``found``."""
    if not found:
        return False
    present = frozenset(found)
    return any(c.guards and c.parts[0].entry in present and c.others <= present for c in rules)


def _union(pending: dict[int, list[_CompiledRule]]) -> list[_CompiledRule]:
    """Every rule of the lists, once."""
    return list({id(compiled): compiled for rules in pending.values() for compiled in rules}.values())


# Pieces of one paragraph read in a round (Matcher._fire_in_rounds): a paragraph of more pieces than
# this (PIECE_CHARS each, about 320 KB) is read a round at a time, each after the first looking only
# for what can still fire in it.
ROUND_PIECES = 32


def _rounds(paragraphs: Sequence[int], datas: list[bytes]) -> list[list[int]] | None:
    """The texts (by index) in rounds: every text of a paragraph of at most :data:`ROUND_PIECES`
    pieces, and the first that many of each longer one, in the first round; the next that many of
    each longer one in the next, and so on. None when no paragraph runs past one round."""
    rank: dict[int, int] = {}
    ranks = []
    for paragraph in paragraphs:
        ranks.append(rank.get(paragraph, 0))
        rank[paragraph] = ranks[-1] + 1
    if len(datas) != len(ranks) or max(rank.values(), default=0) <= ROUND_PIECES:
        return None
    rounds: list[list[int]] = [[] for _ in range(max(ranks) // ROUND_PIECES + 1)]
    for index, place in enumerate(ranks):
        rounds[place // ROUND_PIECES].append(index)
    return rounds


def _entry_sets(patterns: Sequence[str], entries: list[int]) -> list[_SetGroup]:
    """Sets over some of a matcher's entries (``patterns[i]`` is entry ``i``), answering with the
    matcher's own entry numbers."""
    groups = _compiled_sets([patterns[entry] for entry in entries])
    for group in groups:
        group.entries = tuple(entries[local] for local in group.entries)
    return groups


def _scan_threads(blocks_read: int, seconds: float, remaining_sets: int, cpus: int) -> int:
    """Threads for the sets not read yet: one, unless the sets read so far took at least
    :data:`THREADED_BLOCK_SECONDS` a block on average (they had not seen the text) and
    :data:`MIN_THREADED_SECONDS` in all; then one per CPU. An average over the sets read, not
    the first set's time alone: sets differ fivefold in cost, and the first is often cheap."""
    if remaining_sets < 2 or seconds < max(MIN_THREADED_SECONDS, blocks_read * THREADED_BLOCK_SECONDS):
        return 1
    return max(1, min(cpus, MAX_SCAN_THREADS, remaining_sets))


def available_cpus() -> int:
    """The CPUs this process may run on (a container or ``taskset`` may allow fewer than exist)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _block_bytes(share: float | None, paragraph_bytes: float) -> int:
    """The block size (of :data:`BLOCK_SIZES`) a set reads with least expected cost, in bytes read
    from cached states (:data:`CALL_BYTES` a call), given the share of paragraphs in which it found
    an entry when it last read at least :data:`SHARE_PARAGRAPHS` (None: not yet, the smallest size),
    and the paragraphs' mean length. A block of ``n`` paragraphs costs a call and its bytes, and
    if it matches (assumed ``1 - (1 - share) ** n``; matches that cluster make it less) a call and
    the bytes for each of its paragraphs again; a block of one paragraph is never read again."""
    if share is None:
        return BLOCK_SIZES[0]
    paragraph = paragraph_bytes + 1  # each with its newline
    # A bigger block only where it costs less than paragraphs read one by one, too: a set that
    # matches most blocks switches to that (BLOCK_PROBE), later the bigger its blocks.
    alone = CALL_BYTES + paragraph  # a paragraph read by a call of its own
    best, best_cost = BLOCK_SIZES[0], alone
    for size in BLOCK_SIZES:
        per_block = max(1.0, size / paragraph)
        if per_block < 2:
            cost = alone
        else:
            matched = 1 - (1 - share) ** per_block
            cost = CALL_BYTES / per_block + paragraph + matched * alone
        if cost < best_cost:
            best, best_cost = size, cost
    return best


def _blocks(datas: list[bytes], block_bytes: int = BLOCK_BYTES) -> list[tuple[int, int, bytes]]:
    """Consecutive paragraphs joined by newlines into blocks of about ``block_bytes``:
    each as (first index, index after the last, the joined text)."""
    blocks: list[tuple[int, int, bytes]] = []
    start = 0
    size = 0
    for index, data in enumerate(datas):
        if size and size + len(data) > block_bytes:
            blocks.append((start, index, b"\n".join(datas[start:index]) if index - start > 1 else datas[start]))
            start, size = index, 0
        size += len(data) + 1
    if start < len(datas):
        stop = len(datas)
        blocks.append((start, stop, b"\n".join(datas[start:stop]) if stop - start > 1 else datas[start]))
    return blocks


class _SetGroup:
    """One RE2 set over some of the entries, which can drop its automaton and start afresh.

    A set's automaton grows with the text it has not seen, up to :data:`SET_MAX_MEM`, and keeps
    that memory for as long as the process lives. :meth:`Matcher._set_matches` starts a set afresh
    once it has built states through :data:`AFRESH_BYTES` of text, so that a long scan holds the
    automata of the few sets in flight rather than of all of them, and a worker lets go of them.
    """

    __slots__ = ("_options", "_patterns", "anchored", "built", "chars", "cut", "entries", "match", "share")

    def __init__(
        self,
        entries: tuple[int, ...],
        patterns: tuple[bytes, ...],
        options: re2.Options,
        anchored: bool,
        chars: int = 0,
        cut: bool = False,
    ) -> None:
        # The entry number of each of its own entries; an entry cut into pieces (_pieces) has one
        # for each of its pieces here, and may have more in other sets.
        self.entries = entries
        self.anchored = anchored  # whether one of them may be anchored
        self.chars = chars  # the pattern characters it holds, as written
        self.cut = cut  # whether it holds a piece of an entry cut into pieces
        self._patterns = patterns
        self._options = options
        self.match: Callable[[bytes], list[int]] = self._compile()
        self.built = 0  # bytes read while building states since it was compiled
        # The share of paragraphs in which it found an entry, the last time it read enough (_block_bytes).
        self.share: float | None = None

    def _compile(self) -> Callable[[bytes], list[int]]:
        regex_set = re2.Set.SearchSet(self._options)
        for pattern in self._patterns:
            regex_set.Add(pattern)
        regex_set.Compile()
        # The compiled set's own method when the wrapper exposes it: the wrapper only adds str
        # handling, which bytes do not need, on the hottest call of a scan.
        inner = getattr(regex_set, "_set", None)
        return inner.Match if inner is not None else regex_set.Match

    def start_afresh(self) -> None:
        """Compile the set again (about 10 ms): the old automaton's memory goes with the old set."""
        self.match = self._compile()
        self.built = 0


def _compiled_sets(patterns: list[str], group_chars: int | None = None) -> list[_SetGroup]:
    """``patterns`` (entry ``i`` is ``patterns[i]``) compiled, in order, into sets of at most
    ``group_chars`` (default :data:`SET_GROUP_CHARS`) pattern characters each, or of one longer
    alternative. A pattern longer than that is cut into pieces (:func:`_pieces`), each an entry of
    its set answering for the pattern: a paragraph may then find it more than once
    (:func:`_entries_once`)."""
    limit = SET_GROUP_CHARS if group_chars is None else group_chars
    units = [(entry, piece) for entry, pattern in enumerate(patterns) for piece in _pieces(pattern, limit)]
    cut = {entry for entry, count in Counter(entry for entry, _ in units).items() if count > 1}
    forms = [re2_form(piece, SET_MAX_MEM) for _, piece in units]
    anchored = [may_anchor(piece) for _, piece in units]
    # The pieces that may be anchored go after the others, into sets of their own: a set holding
    # one reads paragraphs one by one, never blocks (Matcher._set_matches), and the shipped rules'
    # 48 such entries of 3,224, left in entry order, made 29 sets of 90 read so.
    order = sorted(range(len(units)), key=anchored.__getitem__)
    groups: list[list[int]] = []  # indexes into units
    for encoding in dict.fromkeys(options.encoding for _, options in forms):  # a set reads one encoding
        size = limit
        last_anchored = False
        for unit in order:
            options = forms[unit][1]
            if options.encoding != encoding:
                continue
            if size + len(units[unit][1]) > limit or anchored[unit] != last_anchored:
                groups.append([])
                size = 0
                last_anchored = anchored[unit]
            groups[-1].append(unit)
            size += len(units[unit][1])
    groups = [part for group in groups for part in _gap_split(group, [_gap_width(units[unit][1]) for unit in group])]
    return [
        _SetGroup(
            tuple(units[unit][0] for unit in group),
            tuple(forms[unit][0] for unit in group),
            forms[group[0]][1],
            any(anchored[unit] for unit in group),
            sum(len(units[unit][1]) for unit in group),
            any(units[unit][0] in cut for unit in group),
        )
        for group in groups
    ]


def _gap_width(pattern: str) -> int:
    """The widths of ``pattern``'s counted gaps added up (:data:`SET_GAP_WIDTH`)."""
    return sum(int(bound) for bound in _GAP.findall(pattern))


def _gap_split(group: list[int], widths: list[int]) -> list[list[int]]:
    """``group`` (units of one set, each of gap width ``widths[i]``) as it is when its gaps add up to at
    most :data:`SET_GAP_WIDTH`, else in halves of about equal gap width, each split again the same way.
    Splitting only such a set leaves every other set as it was."""
    total = sum(widths)
    if total <= SET_GAP_WIDTH or len(group) < 2:
        return [group]
    cut, so_far = 1, widths[0]
    while cut < len(group) - 1 and 2 * (so_far + widths[cut]) <= total:
        so_far += widths[cut]
        cut += 1
    return [*_gap_split(group[:cut], widths[:cut]), *_gap_split(group[cut:], widths[cut:])]


_FLAGS = re.compile(r"\?[a-zA-Z-]*\)")  # after a "(": flags for the rest of the group, such as (?i)


def _pieces(pattern: str, limit: int) -> list[str]:
    """``pattern`` itself when it is at most ``limit`` characters long; else its top-level
    alternatives, packed in order into pieces of at most ``limit`` characters (or of one longer
    alternative). A paragraph holds the pattern exactly where it holds one of the pieces.

    A set's automaton and its program share :data:`SET_MAX_MEM`, and a pattern of 72,000
    characters (the death category's idioms) left so little of it for states that RE2 dropped
    them at nearly every paragraph: its set read prose it had seen before as slowly as new prose,
    0.15 s for 0.5 MB, a tenth of all the sets' time on new text; cut in three, 0.06 s the first
    time and 0.004 s the second.
    A pattern with flags for the rest of it (``(?i)`` at the top), or read as UTF-8 (its pieces
    could be read byte by byte, where ``k`` is no Kelvin sign), is left whole.
    """
    if len(pattern) <= limit:
        return [pattern]
    bars: list[int] = []
    depth = 0
    for kind, index in structure(pattern):
        if kind == OPEN:
            if not depth and _FLAGS.match(pattern, index + 1):
                return [pattern]
            depth += 1
        elif kind == CLOSE:
            depth -= 1
            if depth < 0:
                return [pattern]
        elif kind == BAR and not depth:
            bars.append(index)
        elif kind == STRAY:
            return [pattern]
    if not bars or bytewise(pattern) is None:
        return [pattern]
    alternatives = [pattern[start + 1 : end] for start, end in zip([-1, *bars], [*bars, len(pattern)], strict=True)]
    pieces = [alternatives[0]]
    for alternative in alternatives[1:]:
        if len(pieces[-1]) + 1 + len(alternative) <= limit:
            pieces[-1] += "|" + alternative
        else:
            pieces.append(alternative)
    if any(bytewise(piece) is None for piece in pieces):
        return [pattern]
    return pieces


def _entries_once(entries: list[int]) -> list[int]:
    """Entries found in one paragraph, in increasing order, each once (an entry cut into pieces
    is found once for each piece present)."""
    return sorted(set(entries))


def frame_rules(ruleset: Ruleset) -> list[Rule]:
    """The rules reporting each category's signs of play, of kind ``frame``, with no weight of their own.

    A category's own signs are one rule. A sign several categories list (such as the ``@play``
    class of games, stages and lessons) is a rule of its own in each, with the same pattern, so
    the sets hold it once for all of them instead of once inside each category's alternation.
    """
    used_by = Counter(pattern for settings in ruleset.categories.values() for pattern in set(settings.frames))
    rules = []
    for category, settings in ruleset.categories.items():
        own = [pattern for pattern in settings.frames if used_by[pattern] == 1]
        if own:
            rules.append(
                Rule(f"{category}/{FRAME}", category, FRAME, "", ("|".join(f"(?:{p})" for p in own),), 0.0, False)
            )
        shared_signs = dict.fromkeys(pattern for pattern in settings.frames if used_by[pattern] > 1)
        for number, pattern in enumerate(shared_signs, start=1):
            rules.append(Rule(f"{category}/{FRAME}-{number}", category, FRAME, "", (pattern,), 0.0, False))
    return rules


def real_rules(ruleset: Ruleset) -> list[Rule]:
    """The rules reporting each category's signs of real harm (``CategoryRules.real``), of kind
    ``real``, one per category, with no weight of their own; negated like a rule ("no broken bones")."""
    return [
        Rule(f"{category}/{REAL}", category, REAL, "", ("|".join(f"(?:{p})" for p in settings.real),), 0.0)
        for category, settings in ruleset.categories.items()
        if settings.real
    ]


class ExtendedMatcher(_ScansByFire):
    """A server's matcher: the shared rules' matcher, reused, plus one compiled for its own rules.

    Compiling the shipped rules costs seconds; a server's own rules (up to 200) cost a small
    part of that. So a server's matcher never compiles the shared rules again: it asks the
    shared matcher, drops the hits of rules the server turned off, and adds its own.
    """

    def __init__(self, shared_matcher: Matcher, own: Matcher | None, disabled: frozenset[str]) -> None:
        self.shared = shared_matcher
        self.own = own
        self.disabled = disabled
        self._anchored = own is not None and any(
            rule.kind == "regex" and any(may_anchor(part) for part in rule.parts) for rule in own.ruleset.rules
        )
        self.size = shared_matcher.size + (own.size if own is not None else 0)

    def fire(self, texts: list[str], paragraphs: Sequence[int] | None = None) -> Fired:
        """All texts through one matcher, then all through the other (``paragraphs``: see :meth:`Matcher.fire`).

        Alternating the two per paragraph costs about twice as much: each matcher's automaton
        pushes the other's out of the CPU caches.
        """
        fired = self.shared.fire(texts, paragraphs)
        if self.disabled:
            off = self.disabled
            fired.rules = [[rule for rule in rules if rule.id not in off] for rules in fired.rules]
        if self.own is not None and self._own_may_fire(texts):
            fired = fired.joined(self.own.fire(texts, paragraphs))
        return fired

    def candidates(self, texts: list[str], kind: str) -> list[list[Rule]]:
        """:meth:`Matcher.candidates` of both matchers, without the rules the server turned off."""
        found = self.shared.candidates(texts, kind)
        if self.disabled:
            off = self.disabled
            found = [[rule for rule in rules if rule.id not in off] for rules in found]
        if self.own is not None and self._own_may_fire(texts):
            found = _side_by_side(found, self.own.candidates(texts, kind))
        return found

    def part_spans_each(self, rule_id: str, datas: Sequence[bytes]) -> list[list[tuple[int, int]] | None]:
        """:meth:`Matcher.part_spans_each` of whichever matcher holds the rule."""
        own = self.own
        if own is not None and own.holds(rule_id):
            return own.part_spans_each(rule_id, datas)
        return self.shared.part_spans_each(rule_id, datas)

    def _own_may_fire(self, texts: list[str]) -> bool:
        """One set pass over the whole chapter: a server's own rules usually find nothing there.

        A rule that can fire in a paragraph can fire in the paragraphs joined by newlines,
        except a regex anchored to the start or end of the text, so those always scan.
        """
        if self._anchored or len(texts) < 2:
            return True
        return bool(self.own.set_match("\n".join(texts).encode("utf-8")))


AnyMatcher = Matcher | ExtendedMatcher

# Compiled matchers, kept with their ruleset and dropped with it.
_compiled: weakref.WeakKeyDictionary[Ruleset, AnyMatcher] = weakref.WeakKeyDictionary()


def matcher_for(ruleset: Ruleset) -> AnyMatcher:
    """The ruleset's compiled matcher, built on first use and kept while the ruleset lives.

    A cache of pure values, not a database's state: a ruleset is never changed once built (a
    server's change builds another, under a new version), so its matcher is a function of it, the
    same in any process and for any database; the rulesets a database's servers use are held by
    that database (``bot.warnings.service.cache_for``), and this module's caches (``_compiled``,
    and a worker's ``_by_fingerprint`` and ``_roots``) only spare compiling them again."""
    matcher = _compiled.get(ruleset)
    if matcher is None:
        matcher = _compiled[ruleset] = _build(ruleset)
    return matcher


def _build(ruleset: Ruleset) -> AnyMatcher:
    parts = ruleset.split()
    if parts is None:
        return Matcher(ruleset)
    base, own, disabled = parts
    own_matcher = None
    if own:
        own_matcher = Matcher(Ruleset(ruleset.taxonomy, own, ruleset.categories, ruleset.negation), frames=False)
    shared_matcher = matcher_for(shared(base))
    assert isinstance(shared_matcher, Matcher), "a shared ruleset extends nothing itself"
    return ExtendedMatcher(shared_matcher, own_matcher, disabled)


# In a worker process: rulesets arrive pickled (a new object each time), so the compiled
# matchers are kept by content: the last few servers' worth, and the shared rulesets they
# extend (usually just the shipped one) for good, since those are the costly ones to compile.
_WORKER_KEEP = 8
# What the servers' own matchers kept in a worker may hold together (:func:`held_bytes`), beside
# the shipped one. A server's matcher holds its sets' automata, each up to SET_MAX_MEM until it
# has read AFRESH_BYTES, so a count alone did not bound it: eight servers of 200 long rules each
# (six sets apiece) took a worker from 240 to 600 MB (docs/benchmarks.md, "servers' own rules").
# A server left out is compiled again on its next scan (its own rules only: well under a second).
WORKER_MATCHER_BYTES = 96 << 20
# Beside its sets: an own matcher's compiled patterns, for evidence and exact checks, each about this much.
COMPILED_PATTERN_BYTES = 256 << 10
_by_fingerprint: OrderedDict[str, Ruleset] = OrderedDict()
_roots: dict[str, Ruleset] = {}


def held_bytes(matcher: AnyMatcher | None) -> int:
    """About what a server's matcher holds that the shared one does not: its own sets at their
    automata's cap, and its own patterns compiled so far (none for a matcher not built yet)."""
    if not isinstance(matcher, ExtendedMatcher) or matcher.own is None:
        return 0
    own = matcher.own
    return own.sets * SET_MAX_MEM + own.compiled_patterns() * COMPILED_PATTERN_BYTES


def shared(ruleset: Ruleset) -> Ruleset:
    """The ruleset this process already holds with the same content (and compiled matcher), or this one.

    The servers' rulesets are kept most recently used first, at most :data:`_WORKER_KEEP` and,
    beside the one asked for (whose matcher is about to be used), :data:`WORKER_MATCHER_BYTES`."""
    key = ruleset.fingerprint
    if ruleset.base is None:
        if key not in _roots and len(_roots) >= _WORKER_KEEP:
            del _roots[next(iter(_roots))]
        return _roots.setdefault(key, ruleset)
    known = _by_fingerprint.get(key)
    if known is not None:
        _by_fingerprint.move_to_end(key)
    else:
        known = _by_fingerprint[key] = ruleset
    _let_go_past_budget()
    return known


def _let_go_past_budget() -> None:
    """Drop the least recently used servers' rulesets (and with them their matchers) past either
    bound; the most recent one stays whatever it holds."""
    held = sum(held_bytes(_compiled.get(kept)) for kept in _by_fingerprint.values())
    while len(_by_fingerprint) > 1 and (len(_by_fingerprint) > _WORKER_KEEP or held > WORKER_MATCHER_BYTES):
        _, dropped = _by_fingerprint.popitem(last=False)
        held -= held_bytes(_compiled.get(dropped))


def compile_in_worker(ruleset: Ruleset) -> tuple[int, float]:
    """Build the ruleset's matcher (run through ``Workers``): its set entries and seconds taken."""
    started = time.perf_counter()
    matcher = matcher_for(shared(ruleset))
    return matcher.size, time.perf_counter() - started


def cold_read_seconds(patterns: Sequence[str], datas: Sequence[bytes], limit: float | None = None) -> float:
    """CPU seconds that sets of ``patterns``, compiled afresh, take to read ``datas`` as a scan reads
    them (in blocks): the cost of text they have not seen, which every new story is.

    Compiling is not counted. Stops once past ``limit`` and returns what it took by then
    (:mod:`bot.warnings.cost` only needs to know that a budget was passed)."""
    groups = _compiled_sets(list(patterns))
    blocks = [block for _, _, block in _blocks(list(datas))]
    started = time.thread_time()
    for group in groups:
        match = group.match
        for block in blocks:
            match(block)
        spent = time.thread_time() - started
        if limit is not None and spent > limit:
            return spent
    return time.thread_time() - started
