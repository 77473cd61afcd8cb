"""Word counts for the whole library (model, renderer, storage), fast enough for whole novels.

A word is a match of ``\\w+(?:['’]\\w+)*``: runs of word characters, where an
apostrophe between two runs joins them ("don't" is one word). So the count is the number
of runs minus the number of joins. For ASCII text both are counted with C-speed bytes
operations (a translate and a few ``count`` calls) instead of a regex walk; other text
uses the regex (:func:`regex_count_words`). Property tests check that the two always agree.
"""

from __future__ import annotations

import re
import string

_WORD_RE = re.compile(r"\w+(?:['’]\w+)*")
PIECE_CHARS = 1 << 20  # text other than ASCII is counted this much at a time (_count_words_in_pieces)

_WORD = frozenset((string.ascii_letters + string.digits + "_").encode())
_APOSTROPHE = ord("'")
# Word characters become "a" and everything else a space (the apostrophe too) ...
_RUNS = bytes(ord("a") if byte in _WORD else ord(" ") for byte in range(256))
# ... or the apostrophe is kept, to find the joins.
_JOINS = bytes(ord("a") if byte in _WORD else byte if byte == _APOSTROPHE else ord(" ") for byte in range(256))


def regex_count_words(text: str) -> int:
    """The definition of a word count; the reference the fast path is tested against."""
    return len(_WORD_RE.findall(text))


def count_words(text: str) -> int:
    if not text.isascii():
        return _count_words_in_pieces(text)
    data = text.encode("ascii")
    runs_map = data.translate(_RUNS)
    runs = runs_map.count(b" a") + runs_map.startswith(b"a")
    if b"'" not in data:
        return runs
    joins_map = data.translate(_JOINS)
    # A join is "a'a": an "a'" followed by neither another apostrophe, a space nor the end.
    joins = joins_map.count(b"a'") - joins_map.count(b"a''") - joins_map.count(b"a' ") - joins_map.endswith(b"a'")
    return runs - joins


def _count_words_in_pieces(text: str) -> int:
    """The regex count, a piece of about :data:`PIECE_CHARS` at a time, each cut at a space.

    ``findall`` on a whole chapter builds a string per word (an 8 MB chapter, about 100 MB at
    once); ``subn`` counts the same matches without keeping them, and a piece at a time bounds
    what its result string holds. A word never spans a space, so no cut splits or joins one.
    """
    total = 0
    start = 0
    while start < len(text):
        cut = text.find(" ", start + PIECE_CHARS) if len(text) - start > PIECE_CHARS else -1
        stop = len(text) if cut < 0 else cut
        total += _WORD_RE.subn("", text[start:stop])[1]
        start = stop
    return total


def chapter_words(paragraphs: list[str]) -> int:
    """All paragraphs in one pass; the space between them never joins or splits a word."""
    return count_words(" ".join(paragraphs))
