"""Word counts and reading times for the whole library (model, renderer, storage), fast enough for whole novels.

A word is a run of word characters, where an apostrophe between two runs joins them
("don't" is one word). Chinese, Japanese and Thai put no spaces between words, so there
each Han, kana or Thai letter counts as one word, as AO3 and word processors count them
(a Chinese reader's 字数). So for ASCII the count is the number of runs minus the number of
joins, counted with C-speed bytes operations (a translate and a few ``count`` calls)
instead of a regex walk; other text uses the regex (:func:`regex_count_words`). Property
tests check that the two always agree.

Reading time is where characters and words part: see :class:`Length`.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass

# Han (with extensions and compatibility ideographs), the iteration marks, kana (with the
# long-vowel mark and half-width katakana): each one is read as a word.
_HAN_KANA = (
    "\u3005-\u3007\u3021-\u3029\u3038-\u303b\u3041-\u3096\u309d-\u309f\u30a1-\u30fa\u30fc-\u30ff"
    "\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9d\U00020000-\U0003134f"
)
# Thai letters that take up a place in the line; the vowel and tone marks above and below
# them (never word characters) are part of the letter they sit on.
_THAI = "\u0e01-\u0e30\u0e32\u0e33\u0e40-\u0e46"
_CHARACTER = f"[{_HAN_KANA}{_THAI}]"
_SPACED = f"[^\\W{_HAN_KANA}{_THAI}]+"  # a run of word characters of a script that spaces its words
_WORD_RE = re.compile(f"{_CHARACTER}|{_SPACED}(?:['’]{_SPACED})*")
_HAN_KANA_RE = re.compile(f"[{_HAN_KANA}]")
_THAI_RE = re.compile(f"[{_THAI}]")

WORDS_PER_MINUTE = 230  # an adult reading fiction in English (or another language that spaces its words)
# Chinese is read at about 300-500 characters a minute and Japanese (kanji and kana mixed)
# at about 400-600; 400 is the middle of the Chinese range and the slow end of the Japanese,
# so a chapter is never promised shorter than it reads.
CHARACTERS_PER_MINUTE = 400
# A Thai word is about three letters long and read about as fast as English words are.
THAI_LETTERS_PER_MINUTE = 3 * WORDS_PER_MINUTE
PIECE_CHARS = 1 << 20  # text other than ASCII is counted this much at a time (_count_words_in_pieces)

_WORD = frozenset((string.ascii_letters + string.digits + "_").encode())
_APOSTROPHE = ord("'")
# Word characters become "a" and everything else a space (the apostrophe too) ...
_RUNS = bytes(ord("a") if byte in _WORD else ord(" ") for byte in range(256))
# ... or the apostrophe is kept, to find the joins.
_JOINS = bytes(ord("a") if byte in _WORD else byte if byte == _APOSTROPHE else ord(" ") for byte in range(256))


def words_of(text: str) -> list[str]:
    """The words of ``text`` as the word count reads them: each Han, kana or Thai letter is one."""
    return _WORD_RE.findall(text)


def regex_count_words(text: str) -> int:
    """The definition of a word count; the reference the fast path is tested against."""
    return len(words_of(text))


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


def _count_in_pieces(pattern: re.Pattern[str], text: str) -> int:
    total = 0
    for start in range(0, len(text), PIECE_CHARS):
        total += pattern.subn("", text[start : start + PIECE_CHARS])[1]
    return total


def chapter_words(paragraphs: list[str]) -> int:
    """All paragraphs in one pass; the space between them never joins or splits a word."""
    return count_words(" ".join(paragraphs))


@dataclass(frozen=True, slots=True)
class Length:
    """A text's word count and the reading time it takes.

    A Chinese or Japanese character counts as a word but reads faster than an English word
    (see :data:`CHARACTERS_PER_MINUTE`), so the time is worked out per script: the words of
    spaced scripts at :data:`WORDS_PER_MINUTE`, Han and kana at :data:`CHARACTERS_PER_MINUTE`,
    Thai letters at :data:`THAI_LETTERS_PER_MINUTE`.
    """

    words: int
    han_kana: int = 0  # of which Han and kana characters
    thai: int = 0  # of which Thai letters

    @property
    def minutes(self) -> int:
        """Whole minutes, at least one."""
        spaced = self.words - self.han_kana - self.thai
        exact = spaced / WORDS_PER_MINUTE + self.han_kana / CHARACTERS_PER_MINUTE + self.thai / THAI_LETTERS_PER_MINUTE
        return max(1, round(exact))


def measure(text: str) -> Length:
    """:func:`count_words`, with the characters read by a different clock counted apart."""
    words = count_words(text)
    if text.isascii():
        return Length(words)
    return Length(words, _count_in_pieces(_HAN_KANA_RE, text), _count_in_pieces(_THAI_RE, text))


def chapter_length(paragraphs: list[str]) -> Length:
    """:func:`measure` over all paragraphs at once, as :func:`chapter_words` counts them."""
    return measure(" ".join(paragraphs))
