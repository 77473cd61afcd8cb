"""Patterns rewritten to read UTF-8 text byte by byte (RE2's Latin-1 mode), with the same matches.

In UTF-8 mode RE2 compiles every class that admits non-ASCII characters into a small automaton
of UTF-8 byte sequences: the gap between two words of a phrase, ``[^\\w.!?;\\n]+``, is 33
instructions, and the shipped rules hold it 31,000 times (59 % of their 1.8 million
instructions). Every instruction costs when RE2 builds a new automaton state (new text makes one
at nearly every byte) and when it sets up a pattern for an exact check (memory in proportion
to the program). Read as bytes, that gap is one range of bytes, 3 instructions, and it matches
the same text: in valid UTF-8 a run of non-ASCII characters is a run of bytes of 0x80 and up.

The rewrite keeps matches and byte offsets the same on valid UTF-8 (the text is always
encoded from ``str``), but for two letters: in UTF-8 mode a case-insensitive ``k`` also matches
the Kelvin sign and ``s`` the long s, which no story uses for them. How each construct is kept:

- a non-ASCII character becomes its bytes, each of its case forms, matched case-sensitively;
- a class that admits non-ASCII characters (negated ones, ``\\W``, ``\\S``, ``\\D``, ``.``) stays a
  byte class when it repeats greedily and what follows can only begin where a character begins
  (a letter, a word boundary, the end: then a run of characters is a run of their bytes), and
  otherwise becomes "one ASCII byte, or one whole character's bytes";
- a class listing non-ASCII characters becomes its ASCII part or one of those characters' bytes.

What it cannot rewrite exactly (``\\p`` classes, ``\\x{...}`` beyond ASCII, ``\\Q...\\E``, ``\\C``,
the ``s`` flag, non-ASCII ranges, negated classes that list non-ASCII characters) gives None,
and that pattern is compiled as UTF-8 as before.
"""

from __future__ import annotations

import functools
import logging
import re
from typing import NamedTuple

import re2

from bot.warnings.patterns import MATCHER_MAX_MEM, re2_options
from bot.warnings.regex_syntax import BAR, CLASS, CLOSE, OPEN, POSIX, STRAY, structure

# One whole non-ASCII character in valid UTF-8: a lead byte and exactly the continuation bytes it
# calls for (with a looser count a match could end inside the character).
_ONE_CHAR = r"(?:[\xc0-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf7][\x80-\xbf]{3})"
_HIGH = r"\x80-\xff"
_NEGATED_PERL = {"W": r"[^\w" + _HIGH + "]", "S": r"[^\s" + _HIGH + "]", "D": r"[^\d" + _HIGH + "]"}
_REPEATS = ("+", "*")
log = logging.getLogger(__name__)
_PLAIN = re.compile(r"[^\\\[.()\x80-\U0010ffff]+")  # copied as it is: no escape, class, dot, group or non-ASCII
# Rewritten patterns kept by their source: the sets and the exact checks both ask for each shipped
# pattern, and a server's rules come back with every change to them.
CACHED_PATTERNS = 8192


class _Unsupported(Exception):
    """The pattern holds something the byte-wise rewrite cannot keep exact."""


@functools.lru_cache(maxsize=CACHED_PATTERNS)
def bytewise(pattern: str) -> str | None:
    """``pattern`` rewritten for RE2's Latin-1 mode over UTF-8 bytes (pure ASCII), or None."""
    try:
        return _Rewriter(pattern).run()
    except _Unsupported:
        return None
    except Exception:  # a rewrite that fails costs only speed: the pattern is read as UTF-8
        log.exception("could not rewrite %r to read bytes; it stays UTF-8", pattern[:200])
        return None


def _bytes_of(char: str) -> str:
    return "".join(f"\\x{byte:02x}" for byte in char.encode("utf-8"))


def _encoded(chars: list[str], fold: bool) -> str:
    """Non-ASCII characters as case-sensitive byte sequences, each in every case form if ``fold``."""
    forms: dict[str, None] = {}
    for char in chars:
        for form in (char, char.lower(), char.upper()) if fold else (char,):
            if len(form) == 1 and not form.isascii():
                forms[_bytes_of(form)] = None
    return "(?-i:" + "|".join(forms) + ")"


class _Rewriter:
    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        self.index = 0
        self.out: list[str] = []
        self.folds = [True]  # per open group: whether letters match in either case (the matcher's default)
        self._structure()
        self._safe: dict[int, bool] = {}

    def _structure(self) -> None:
        """Where each group closes, and each group's top-level ``|``: one pass, so that asking what
        may follow a position costs no rescan of a pattern of 60,000 characters."""
        self.close_of: dict[int, int] = {}
        self.open_of: dict[int, int] = {}
        self.bars: dict[int, list[int]] = {-1: []}  # group's "(" (or -1, the whole pattern) -> its bars
        self.group_of_bar: dict[int, int] = {}
        stack = [-1]
        for kind, index in structure(self.pattern):
            if kind == OPEN:
                stack.append(index)
                self.bars[index] = []
            elif kind == CLOSE and len(stack) > 1:
                opened = stack.pop()
                self.close_of[opened], self.open_of[index] = index, opened
            elif kind == BAR:
                self.bars[stack[-1]].append(index)
                self.group_of_bar[index] = stack[-1]
            elif kind == STRAY:
                raise _Unsupported  # a class never closed: RE2 refuses it anyway
        if len(stack) > 1:
            raise _Unsupported  # unbalanced: RE2 refuses it anyway

    def _optional(self, index: int) -> bool:
        return self.pattern[index : index + 1] in ("?", "*") or self.pattern.startswith("{0", index)

    def _safe_at(self, index: int) -> bool:
        """Whether what the pattern reads from ``index`` on can only begin where a character begins
        (an ASCII word character, a whole non-ASCII one, a word boundary or the end), so a run of
        bytes just before it ends where a character ends. Errs towards no."""
        known = self._safe.get(index)
        if known is None:
            known = self._safe[index] = self._starts_safely(index)
        return known

    def _starts_safely(self, index: int) -> bool:
        pattern = self.pattern
        if index >= len(pattern):
            return True
        char = pattern[index]
        if char == "|":  # the alternative ends: what follows its group follows
            group = self.group_of_bar[index]
            return True if group < 0 else self._after_group(self.close_of[group])
        if char == ")":
            return index in self.open_of and self._after_group(index)
        if char == "(":
            return self._group_starts_safely(index)
        if char == "\\":
            letter = pattern[index + 1 : index + 2]
            if letter == "b":
                return True  # never true inside a character: both its sides would be non-word bytes
            return letter in ("w", "d") and not self._optional(index + 2)
        if char == "$":
            return True
        return (char.isalnum() or not char.isascii()) and not self._optional(index + 1)

    def _after_group(self, close: int) -> bool:
        if self._optional(close + 1) or self.pattern[close + 1 : close + 2] in ("+", "{"):
            return False
        return self._safe_at(close + 1)

    def _group_starts_safely(self, opened: int) -> bool:
        pattern = self.pattern
        close = self.close_of.get(opened)
        if close is None:
            return False
        body = opened + 1
        if pattern.startswith("?", body):
            body += 1
            while body < close and (pattern[body].isalpha() or pattern[body] == "-"):
                body += 1
            if body == close:  # (?i): sets flags, reads nothing
                return self._safe_at(close + 1)
            if pattern[body] != ":":
                return False
            body += 1
        if self._optional(close + 1):
            return False
        return all(self._safe_at(start) for start in [body] + [bar + 1 for bar in self.bars[opened]])

    def run(self) -> str:
        pattern = self.pattern
        while self.index < len(pattern):
            plain = _PLAIN.match(pattern, self.index)
            if plain is not None:
                self.out.append(plain.group())
                self.index = plain.end()
                continue
            char = pattern[self.index]
            if char == "\\":
                self._escape()
            elif char == "[":
                self._class()
            elif char == ".":
                self.index += 1
                self._any_char(r"[^\n" + _HIGH + "]", r"[^\n]")
            elif char == "(" and pattern.startswith("(?", self.index):
                self._group_flags()
            elif char in "()":
                self._group(char)
            elif not char.isascii():
                self.out.append(_encoded([char], self.folds[-1]))
                self.index += 1
            else:
                self.out.append(char)
                self.index += 1
        return "".join(self.out)

    def _repeats(self) -> bool:
        """Whether a greedy ``+`` or ``*`` follows, and after it something that begins where a
        character begins: then a run of bytes is a run of whole characters. (A lazy repeat, or
        another class of all non-ASCII bytes next, could split a character.)"""
        pattern, index = self.pattern, self.index
        return (
            pattern[index : index + 1] in _REPEATS
            and pattern[index + 1 : index + 2] != "?"
            and self._safe_at(index + 1)
        )

    def _any_char(self, one: str, repeated: str) -> None:
        """A class that admits every non-ASCII character, just read: ``repeated`` when a ``+`` or
        ``*`` follows (a run of characters is a run of bytes), else one ASCII byte of ``one`` or
        one whole character."""
        self.out.append(repeated if self._repeats() else f"(?:{one}|{_ONE_CHAR})")

    def _escape(self) -> None:
        pattern = self.pattern
        if self.index + 1 >= len(pattern):
            raise _Unsupported
        letter = pattern[self.index + 1]
        self.index += 2
        if letter in "pPQCX" or not letter.isascii():
            raise _Unsupported
        if letter == "x":
            self._hex_escape()
            return
        if letter in _NEGATED_PERL:
            self._any_char(_NEGATED_PERL[letter], "\\" + letter)
            return
        self.out.append("\\" + letter)

    def _hex_escape(self) -> None:
        """``\\xHH`` or ``\\x{H...}``: kept when it names an ASCII character."""
        pattern = self.pattern
        if pattern.startswith("{", self.index):
            end = pattern.find("}", self.index)
            if end < 0:
                raise _Unsupported
            digits, self.index = pattern[self.index + 1 : end], end + 1
        else:
            digits = pattern[self.index : self.index + 2]
            self.index += 2
        try:
            value = int(digits, 16)
        except ValueError:
            raise _Unsupported from None
        if value > 0x7F:
            raise _Unsupported
        self.out.append(f"\\x{value:02x}")

    def _group(self, char: str) -> None:
        """A plain group opens with its parent's case rule; a closing one restores the parent's."""
        if char == "(":
            self.folds.append(self.folds[-1])
        elif len(self.folds) > 1:
            self.folds.pop()
        self.out.append(char)
        self.index += 1

    def _group_flags(self) -> None:
        """``(?flags)`` (for the rest of the group) or ``(?flags:`` (a group of its own): kept, and
        ``i`` followed, unless it turns on ``s`` (``.`` takes newlines) or ``U``."""
        pattern = self.pattern
        end = self.index + 2
        while end < len(pattern) and (pattern[end].isalpha() or pattern[end] == "-"):
            end += 1
        on, _, off = pattern[self.index + 2 : end].partition("-")
        if "s" in on or "U" in on:
            raise _Unsupported
        fold = False if "i" in off else True if "i" in on else self.folds[-1]
        if pattern.startswith(")", end) and (on or off):
            self.folds[-1] = fold
            self.out.append(pattern[self.index : end + 1])
            self.index = end + 1
            return
        self.folds.append(fold)
        self.out.append(pattern[self.index : end])
        self.index = end

    def _class(self) -> None:
        """A bracketed class: its ASCII members stay, non-ASCII ones become byte sequences."""
        pattern = self.pattern
        start = self.index
        self.index = _class_end(pattern, start)
        text = pattern[start : self.index]
        members = _class_members(text)
        if members.non_ascii and (members.negated or members.admits_high):
            raise _Unsupported
        if members.admits_high:
            if not members.negated and not self._repeats():
                raise _Unsupported  # such as a lone [\W_]: rare enough to leave to UTF-8
            self._any_char(f"[^{members.ascii}{_HIGH}]", text)
        elif not members.non_ascii:
            self.out.append(text)
        elif members.ascii:
            self.out.append(f"(?:[{members.ascii}]|{_encoded(members.non_ascii, self.folds[-1])})")
        else:
            self.out.append(_encoded(members.non_ascii, self.folds[-1]))


def _class_end(pattern: str, index: int) -> int:
    """The index after the class opening at ``index`` (a ``]`` first, or after ``^``, is a member)."""
    found = CLASS.match(pattern, index)
    if found is None:
        raise _Unsupported  # never closed: RE2 refuses it anyway
    return found.end()


class _Members(NamedTuple):
    negated: bool
    ascii: str  # the ASCII members as written (ranges, escapes and POSIX classes included)
    non_ascii: list[str]
    admits_high: bool  # whether it admits non-ASCII characters: negated, or holding \W, \S or \D


@functools.lru_cache(maxsize=1024)
def _class_members(text: str) -> _Members:
    """A whole bracketed class, taken apart (the shipped rules repeat a few classes thousands of times)."""
    position, end = 1, len(text) - 1
    negated = text.startswith("^", position)
    if negated:
        position += 1
    members: list[str] = []
    non_ascii: list[str] = []
    admits_high = negated
    while position < end:
        char = text[position]
        posix = POSIX.match(text, position) if char == "[" else None
        if posix is not None:
            members.append(posix.group())
            position = posix.end()
            continue
        if char == "\\":
            letter = text[position + 1 : position + 2]
            if not letter or letter in "pPQCx" or not letter.isascii():
                raise _Unsupported
            admits_high = admits_high or letter in "WSD"
            item = "\\" + letter
            position += 2
        else:
            item = char
            position += 1
        if text.startswith("-", position) and position + 1 < end:
            high = text[position + 1]
            if high == "\\" or not high.isascii() or not item.isascii():
                raise _Unsupported
            members.append(f"{item}-{high}")
            position += 2
        elif item.isascii():
            members.append(item)
        else:
            non_ascii.append(item)
    return _Members(negated, "".join(members), non_ascii, admits_high)


def re2_form(pattern: str, max_mem: int = MATCHER_MAX_MEM) -> tuple[bytes, re2.Options]:
    """What to hand RE2 for ``pattern``: its byte-wise rewrite in Latin-1 mode where there is one,
    else the pattern itself in UTF-8 mode; case-insensitive, with ``max_mem``."""
    options = re2_options(max_mem)
    rewritten = bytewise(pattern)
    if rewritten is None:
        return pattern.encode("utf-8"), options
    options.encoding = re2.Options.Encoding.LATIN1
    return rewritten.encode("ascii"), options
