"""A quick no before a slow search: the literal strings one of which every match of a pattern holds.

Python's ``re`` tries a pattern at every position of a text, and a pattern that opens with an
assertion and an alternation of phrases in many languages (the phrases naming this chapter or the
next, the declaration labels) gets none of its shortcuts: 10 to 20 µs for a sentence of forty
characters. A book of 80,000 footnotes, each a note read for declarations, paid four seconds
for them. Every match of such a pattern holds one of its *atoms*, literal strings taken from its
parse tree, so a text holding none of them (both folded as ``re`` folds case, see :func:`fold`)
cannot match, and one RE2 search of the atoms, an automaton over literal text, says so in a microsecond.

The atoms are worked out from the tree of Python's own parser (``re._parser``, as ``re`` itself
compiles it), never guessed from the source: a node the reading below does not know gives no
atoms, and a pattern with no atoms gets no hint, so a hint is never wrong, only sometimes of no use.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from typing import Any

import re2

try:  # the parser ``re`` compiles with and its case tables; private, so their absence only means no hints
    import _sre
    from re import _casefix
    from re import _constants as sre_constants
    from re import _parser as sre_parser
except ImportError:  # pragma: no cover - Python 3.11 to 3.13 all have them
    sre_parser = None

MAX_ATOMS = 400  # more than this and the hint would cost about what the search does
CASED_BELOW = 0x1F000  # every character with another case is below this (the last, Adlam's, is 0x1E943)
SMALL_CLASS = 8  # a class of at most this many plain characters ("[nsm]") gives them as atoms


class LiteralHint:
    """Whether a text may hold a match of any of some patterns: ``False`` only where none can.

    Built once per pattern (compiling the atoms' automaton costs about a millisecond); asking is
    one fold and one RE2 search."""

    __slots__ = ("_search", "atoms")

    def __init__(self, patterns: Iterable[re.Pattern[str]]) -> None:
        found: set[str] = set()
        for pattern in patterns:
            atoms = pattern_atoms(pattern)
            if atoms is None:
                found.clear()
                break
            found |= atoms
        self.atoms = frozenset(found) if found and len(found) <= MAX_ATOMS else None
        self._search = None
        if self.atoms is not None:
            source = "|".join(re.escape(atom) for atom in sorted(self.atoms, key=lambda atom: (-len(atom), atom)))
            self._search = re2.compile(source)

    def may_match(self, text: str) -> bool:
        search = self._search
        return search is None or search.search(fold(text)) is not None


def fold(text: str) -> str:
    """Every character as its case-insensitive class's one member, as ``re`` matches with IGNORECASE
    (simple lower case, and the few pairs it adds, as "s" and "ſ"): where a pattern that ignores
    case matches a stretch of text, the folded pattern's characters are the folded stretch's.
    (``str.casefold`` is not that: "İ" folds to two characters, yet ``re`` reads it as "i".)"""
    return text.lower() if text.isascii() else text.translate(_fold_table())


@cache
def _fold_table() -> dict[int, int]:
    lower, extra = _sre.unicode_tolower, _casefix._EXTRA_CASES
    table = {}
    for code in range(CASED_BELOW):
        lowered = lower(code)
        folded = min((lowered, *extra.get(lowered, ())))
        if folded != code:
            table[code] = folded
    return table


def pattern_atoms(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Strings one of which every match of ``pattern`` holds, both folded (:func:`fold`), or None."""
    if sre_parser is None or not isinstance(pattern.pattern, str):
        return None
    try:
        tree = sre_parser.parse(pattern.pattern, pattern.flags)
    except Exception:  # a pattern re compiled parses; any surprise only means no hint
        return None
    try:
        atoms = _sequence(list(tree))
    except _Unknown:
        return None
    if atoms is None or "" in atoms:
        return None
    return frozenset(atoms)


class _Unknown(Exception):
    """A node of the tree this reading does not know: no hint rather than a wrong one."""


def _sequence(nodes: list[tuple[Any, Any]]) -> set[str] | None:
    """The best atoms of nodes matched one after another: a run of plain characters is one atom
    ("next" in ``next\\s+chapter``), and of every run's and node's atoms the set whose shortest
    is longest is kept (then the smaller set)."""
    best: set[str] | None = None
    run: list[str] = []

    def consider(atoms: set[str] | None) -> None:
        nonlocal best
        if atoms and (best is None or _score(atoms) > _score(best)):
            best = atoms

    for op, av in nodes:
        if op is sre_constants.LITERAL:
            run.append(chr(av))
            continue
        if run:
            consider({fold("".join(run))})
            run = []
        consider(_node(op, av))
    if run:
        consider({fold("".join(run))})
    return best


def _score(atoms: set[str]) -> tuple[int, int]:
    return min(map(len, atoms)), -len(atoms)


def _node(op: Any, av: Any) -> set[str] | None:
    """One node's atoms (None: it holds nothing certain, as ``\\s``, ``.``, an assertion or an
    optional part)."""
    c = sre_constants
    if op is c.SUBPATTERN:
        return _sequence(list(av[3]))
    if op is c.ATOMIC_GROUP:
        return _sequence(list(av))
    if op is c.BRANCH:
        union: set[str] = set()
        for alternative in av[1]:
            atoms = _sequence(list(alternative))
            if atoms is None:
                return None  # one way through holds nothing certain: neither does the whole
            union |= atoms
        return union
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        low, _, body = av
        return _sequence(list(body)) if low >= 1 else None
    if op is c.IN:
        if len(av) <= SMALL_CLASS and all(item_op is c.LITERAL for item_op, _ in av):
            return {fold(chr(code)) for _, code in av}
        return None
    if op in (c.AT, c.ASSERT, c.ASSERT_NOT, c.ANY, c.NOT_LITERAL, c.GROUPREF, c.GROUPREF_EXISTS, c.CATEGORY):
        return None
    raise _Unknown(op)
