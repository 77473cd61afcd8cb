"""RE2 pattern source split into its tokens: the one reader of regex syntax the project has.

Several places look at a pattern's source without compiling it: the admin-pattern checks (a
backreference or lookaround to refuse, the zero-width assertions to take out), the matcher (an
anchor that stops a set reading paragraphs joined into blocks) and the byte-wise rewrite (where
each group opens and closes). Each needs the same hard part done right: an escape is two
characters, ``\\Q...\\E`` quotes everything inside it, and a bracketed class is one unit however
many ``(``, ``|``, ``^`` or ``]`` it holds (``[]a]``, ``[^]a]``, ``[[:alpha:]]``). One lexer, one
regular expression run by :func:`re.finditer` in C, so a shipped pattern of 60,000 characters
is read in one call, not character by character in Python.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

# A POSIX class inside a bracketed class, such as ``[:alpha:]`` in ``[[:alpha:]_]``.
POSIX = re.compile(r"\[:\^?[a-z]+:\]")
# A whole bracketed class: a ``]`` right after the opening (or after ``^``) is a member, and a
# POSIX class's own ``]`` does not close it. Every repeat is possessive: the members' units start
# differently, so one reading is the only one, and a class never closed is given up in one pass.
# (With a run of letters repeated inside a repeat, "[" and 40 letters took hours, every way of
# cutting the run tried; RE2, like this, reads "[[:alpha:]" as a class never closed.)
CLASS = re.compile(rf"\[\^?\]?(?:[^\]\\\[]++|\\.|{POSIX.pattern}|\[)*+\]", re.DOTALL)

# What the three scanners below read as one unit: a quote, an escape, a whole class.
_QUOTED = r"\\Q.*?(?:\\E|\Z)"
_ESCAPED = r"\\."

QUOTE = "quote"  # \Q...\E (or to the end): literal text
ESCAPE = "escape"  # a backslash and the character after it (\b, \w, \x, \p ...)
CLASS_ = "class"  # a whole bracketed class
OPEN = "open"  # "(": a group opens (its "?:", "?i:" or "?P<name>" follow as plain text)
CLOSE = "close"  # ")"
BAR = "bar"  # "|"
ANCHOR = "anchor"  # "^" or "$" outside a class
PLAIN = "plain"  # a run of anything else: letters, dots, repeats, braces
STRAY = "stray"  # a "[" that never closes, or a lone backslash at the end: RE2 refuses both

_TOKEN = re.compile(
    rf"""
    (?P<{QUOTE}>{_QUOTED})
    |(?P<{ESCAPE}>{_ESCAPED})
    |(?P<{CLASS_}>{CLASS.pattern})
    |(?P<{OPEN}>\()
    |(?P<{CLOSE}>\))
    |(?P<{BAR}>\|)
    |(?P<{ANCHOR}>[\^$])
    |(?P<{PLAIN}>[^\\\[()|^$]+)
    |(?P<{STRAY}>.)
    """,
    re.DOTALL | re.VERBOSE,
)


# The same reading, for callers that only need the groups and alternatives: everything else is
# skipped inside one match (a possessive loop, in C), four times quicker than a token each.
_STRUCTURE = re.compile(
    rf"""
    (?:{_QUOTED}|{_ESCAPED}|{CLASS.pattern}|[^\\\[()|])*+
    (?:(?P<{OPEN}>\()|(?P<{CLOSE}>\))|(?P<{BAR}>\|)|(?P<{STRAY}>.)|\Z)
    """,
    re.DOTALL | re.VERBOSE,
)

# The same skipping, up to the first anchor (one match call: the matcher asks of every set entry).
_ANCHOR = re.compile(
    rf"(?:{_QUOTED}|\\[^Az]|{CLASS.pattern}|\[|[^\\\[^$])*+(?:[\^$]|\\[Az])",
    re.DOTALL,
)


class Token(NamedTuple):
    kind: str
    start: int
    end: int


def tokens(pattern: str) -> Iterator[Token]:
    """The pattern's tokens, left to right; their texts joined give the pattern back."""
    for found in _TOKEN.finditer(pattern):
        kind = found.lastgroup
        assert kind is not None, "every alternative of _TOKEN is a named group"
        yield Token(kind, found.start(), found.end())


def structure(pattern: str) -> Iterator[tuple[str, int]]:
    """Where each group opens and closes and each ``|`` stands, as (kind, index), left to right;
    ``STRAY`` for a class never closed or a lone backslash at the end."""
    for found in _STRUCTURE.finditer(pattern):
        kind = found.lastgroup
        if kind is not None:
            yield kind, found.end() - 1


def escaped(pattern: str, token: Token) -> str:
    """The character after the backslash of an escape token (``b`` for ``\\b``)."""
    return pattern[token.start + 1 : token.start + 2]


def may_anchor(pattern: str) -> bool:
    """Whether the pattern holds ``^``, ``$``, ``\\A`` or ``\\z`` outside a class and a quote:
    such a pattern can match a paragraph on its own and not inside a block of paragraphs."""
    return _ANCHOR.match(pattern) is not None
