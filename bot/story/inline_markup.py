"""Markdown's inline markup taken off a line in time linear in the line, whatever the line holds.

Each kind of markup was a regular expression with a lazy or bounded span (``\\*(.+?)\\*``,
``\\[([^\\]\\n]+)\\]\\(...\\)``): tried at every opener, a span that never closes read the rest of the
line again from each one, so a line of "*a " or "[a " repeated was quadratic (29 KB of "*a " took
9.7 s), held only by a wall-clock budget after which the file's lines kept their markup, an answer
that depended on the machine's load. Here each kind is read once, with the same answers on any line:

* spans between an opener and a closer (emphasis, strikethrough, comments) pair each opener with
  the first closer far enough after it (:func:`paired`), the two found by fixed-width patterns in
  one pass each;
* links, images, tags and reference definitions are a chain of literals and runs up to a stop
  character (``[``, text up to ``]``, ``](``, text up to ``)``, ``)``), which a regular expression
  could only follow from one opener at a time; :class:`_Chain` follows them with each run's end
  remembered, so openers that share a run never read it again.

The regular expressions these replace are kept, for comparison on generated lines, in
``tests/story/test_inline_markup39.py``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import regex

Replacement = Callable[[str, int, int, tuple[int, int] | None], str]  # (line, start, end, group 1) -> text


def paired(opener: str, closer: str, least: int, needs: str, *, keep: bool = True) -> Callable[[str], str]:
    """A pass taking off ``opener`` ... ``closer`` spans: each opener (left to right, past the last
    span taken) with the first closer starting at least ``least`` characters after it, as the lazy
    pattern ``opener(.+?)closer`` pairs them; ``keep``: the text between stays and may not cross a
    newline, as ``.+?`` does not (emphasis), or goes, newlines and all (comments, ``(?s).*?``).

    ``opener`` and ``closer`` are fixed-width patterns (lookarounds included), found overlapped, so
    every position is tried as the lazy pattern tries it, and each is read once. ``needs``: text
    every span holds (a line without it is left as it is at once).
    """
    openers = regex.compile(opener, regex.DOTALL)
    closers = regex.compile(closer, regex.DOTALL)

    def strip(line: str) -> str:
        if needs not in line:
            return line
        ends: Iterator[regex.Match[str]] = closers.finditer(line, overlapped=True)
        close = next(ends, None)
        newlines = _Newlines(line)
        out: list[str] = []
        done = 0  # the line up to here is in out, or taken off
        for found in openers.finditer(line, overlapped=True):
            start = found.start()
            if start < done:
                continue
            while close is not None and close.start() < start + least:
                close = next(ends, None)
            if close is None:
                break  # no closer after this opener, so none after any later one
            if keep and newlines.between(found.end(), close.start()):
                continue
            out.append(line[done:start])
            if keep:
                out.append(line[found.end() : close.start()])
            done = close.end()
            close = next(ends, None)
        if not out:
            return line
        out.append(line[done:])
        return "".join(out)

    return strip


def paired_by_delimiter(delimiters: tuple[str, ...], opener: str, closer: str, least: int) -> Callable[[str], str]:
    """:func:`paired` for a span whose closer repeats its opener (``**`` or ``__``): one pass per
    delimiter would pair them in the wrong order, so the closers of each are followed apart."""
    openers = regex.compile(opener, regex.DOTALL)
    closers = {
        delimiter: regex.compile(closer.format(regex.escape(delimiter)), regex.DOTALL) for delimiter in delimiters
    }
    width = len(delimiters[0])

    def strip(line: str) -> str:
        if all(delimiter not in line for delimiter in delimiters):
            return line
        ends = {delimiter: pattern.finditer(line, overlapped=True) for delimiter, pattern in closers.items()}
        current = {delimiter: next(found, None) for delimiter, found in ends.items()}
        newlines = _Newlines(line)
        out: list[str] = []
        done = 0
        for found in openers.finditer(line, overlapped=True):
            start = found.start()
            if start < done:
                continue
            delimiter = line[start : start + width]
            close = current[delimiter]
            while close is not None and close.start() < start + least:
                close = next(ends[delimiter], None)
            current[delimiter] = close
            if close is None or newlines.between(found.end(), close.start()):
                continue  # the other delimiter's openers may still close
            out.append(line[done:start])
            out.append(line[found.end() : close.start()])
            done = close.end()
            current = {key: _past(current[key], ends[key], done) for key in current}
        if not out:
            return line
        out.append(line[done:])
        return "".join(out)

    return strip


class _Newlines:
    """Where the next newline is, asked at places that only move forward: each asked in time
    amortized constant. (Only text after a ``<br>`` holds newlines; the emphasis passes come before.)"""

    __slots__ = ("_line", "_next")

    def __init__(self, line: str) -> None:
        self._line = line
        self._next = line.find("\n")

    def between(self, start: int, end: int) -> bool:
        """Whether a newline lies in ``line[start:end]`` (``start`` at or past the last call's)."""
        if self._next != -1 and self._next < start:
            self._next = self._line.find("\n", start)
        return self._next != -1 and self._next < end


def _past(current: regex.Match[str] | None, found: Iterator[regex.Match[str]], place: int) -> regex.Match[str] | None:
    while current is not None and current.start() < place:
        current = next(found, None)
    return current


# -- chains of literals and runs -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Lit:
    text: str
    fold: bool = False  # compared case-insensitively (ASCII: every literal here is)


@dataclass(frozen=True, slots=True)
class _Run:
    stops: str  # the run ends before the first of these (or at the line's end)
    least: int = 0  # characters it needs
    group: bool = False  # the replacement's group 1
    stop: regex.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "stop", regex.compile("[" + regex.escape(self.stops) + "]"))


@dataclass(frozen=True, slots=True)
class _Not:
    text: str  # a lookahead that must fail here


@dataclass(frozen=True, slots=True)
class _WordEnd:
    """``\\b`` after a word character: the next character is none or not a word character."""


@dataclass(frozen=True, slots=True)
class _TagName:
    names: frozenset[str]  # lower case; the whole word here must be one of them (``(?:em|i|...)\\b``)


@dataclass(frozen=True, slots=True)
class _Optional:
    text: str  # consumed when present (``/?``)


@dataclass(frozen=True, slots=True)
class _SpacedValue:
    """``[ \\t]+\\S+.*$`` of a reference definition: blanks, something, and the rest of the line."""


_Step = _Lit | _Run | _Not | _WordEnd | _TagName | _Optional | _SpacedValue
_WORD = regex.compile(r"\w")
_SPACE = regex.compile(r"\s")
_WORD_RUN = regex.compile(r"\w*")


class _Chain:
    """A pattern of literals and runs up to a stop character, tried at every opener left to right.

    Such a pattern has one way to match from an opener (a run must end at its first stop, since
    what follows starts with one), so it is followed step by step; a run's end is remembered per
    step, and a later opener's run that starts inside it ends at the same place without reading it
    again (later openers reach each step at or after where earlier ones did).
    """

    def __init__(self, steps: tuple[_Step, ...], replace: Replacement, *, after_space: bool = False) -> None:
        first = steps[0]
        assert isinstance(first, _Lit)
        self.steps = steps
        self.replace = replace
        self.after_space = after_space  # ``(?<!\S)``: only at the line's start or after a space
        self._opener = first
        # Text every match holds (its literals, the first character of one compared in any case): a
        # line without one of them is left as it is after a few searches in C, as most lines are.
        self._needs = tuple(
            dict.fromkeys(step.text if not step.fold else step.text[0] for step in steps if isinstance(step, _Lit))
        )

    def __call__(self, line: str) -> str:
        for need in self._needs:
            if need not in line:
                return line
        opener = self._opener
        needle = opener.text.lower() if opener.fold else opener.text
        haystack = line.lower() if opener.fold else line
        if opener.fold and len(haystack) != len(line):
            haystack = "".join(c.lower() if len(c.lower()) == 1 else c for c in line)
        runs: dict[int, tuple[int, int]] = {}  # step -> (start, end) of its last run
        out: list[str] = []
        done = 0
        start = haystack.find(needle)
        while start != -1:
            if self.after_space and start > 0 and _SPACE.match(line, start - 1) is None:
                start = haystack.find(needle, start + 1)
                continue
            found = self._match(line, haystack, start, runs)
            if isinstance(found, int):
                start = haystack.find(needle, found)
                continue
            end, group = found
            out.append(line[done:start])
            out.append(self.replace(line, start, end, group))
            done = end
            start = haystack.find(needle, end)
        if not out:
            return line
        out.append(line[done:])
        return "".join(out)

    def _match(
        self, line: str, haystack: str, start: int, runs: dict[int, tuple[int, int]]
    ) -> tuple[int, tuple[int, int] | None] | int:
        """The end of the match at ``start`` and its group, or where to look for the next opener:
        past the first run once it was reached, since an opener inside it would run to the same
        stop and fail after it in the same way (no literal before a run holds one of its stops)."""
        group: tuple[int, int] | None = None
        place = start
        fail = start + 1
        for number, step in enumerate(self.steps):
            if isinstance(step, _Lit):
                text = haystack if step.fold else line
                if not text.startswith(step.text, place):
                    return fail
                place += len(step.text)
            elif isinstance(step, _Run):
                known = runs.get(number)
                if known is not None and known[0] <= place <= known[1]:
                    end = known[1]
                else:
                    stop = step.stop.search(line, place)
                    end = len(line) if stop is None else stop.start()
                runs[number] = (place, end)
                if fail == start + 1:
                    fail = max(fail, end)
                if end - place < step.least:
                    return fail
                if step.group:
                    group = (place, end)
                place = end
            elif isinstance(step, _Not):
                if line.startswith(step.text, place):
                    return fail
            elif isinstance(step, _WordEnd):
                if place < len(line) and _WORD.match(line, place) is not None:
                    return fail
            elif isinstance(step, _TagName):
                word = _WORD_RUN.match(line, place)
                assert word is not None
                if word.group().lower() not in step.names:
                    return fail
                place = word.end()
            elif isinstance(step, _Optional):
                if line.startswith(step.text, place):
                    place += len(step.text)
            else:
                blanks = place
                while blanks < len(line) and line[blanks] in " \t":
                    blanks += 1
                if blanks == place or blanks == len(line) or _SPACE.match(line, blanks) is not None:
                    return fail
                newline = line.find("\n", blanks)
                place = len(line) if newline == -1 else newline
        return place, group


def group_one(line: str, start: int, end: int, group: tuple[int, int] | None) -> str:
    """The replacement ``\\1``: the text of the chain's group."""
    assert group is not None
    return line[group[0] : group[1]]


def nothing(line: str, start: int, end: int, group: tuple[int, int] | None) -> str:
    return ""


def chain(*steps: _Step, replace: Replacement = group_one, after_space: bool = False) -> Callable[[str], str]:
    return _Chain(steps, replace, after_space=after_space)


Lit, Run, Not, WordEnd, TagName, Optional, SpacedValue = _Lit, _Run, _Not, _WordEnd, _TagName, _Optional, _SpacedValue


# -- the two patterns of their own -----------------------------------------------------------------

_WIKI_INSIDE = regex.compile(r"[^\[\]\n|]*")


def wiki_links(line: str) -> str:
    """Obsidian's ``[[folder/note#part]]`` as its note's name: the regular expression
    ``\\[\\[(?:[^\\[\\]\\n|/]*/)*([^\\[\\]\\n|/#]+)[^\\[\\]\\n|]*\\]\\]`` backtracked through every way to
    split a long name (20,000 characters took 1.5 s). Its answer: the name after the last "/" that
    a character other than "/" or "#" follows, up to the next "/" or "#"."""
    if "]]" not in line:
        return line
    out: list[str] = []
    done = 0
    start = line.find("[[")
    while start != -1:
        inside = _WIKI_INSIDE.match(line, start + 2)
        assert inside is not None
        end = inside.end()
        name = wiki_name(inside.group()) if line.startswith("]]", end) else None
        if name is None:
            start = line.find("[[", start + 1)
            continue
        out.append(line[done:start])
        out.append(name)
        done = end + 2
        start = line.find("[[", done)
    if not out:
        return line
    out.append(line[done:])
    return "".join(out)


def wiki_name(inside: str) -> str | None:
    """The note's name a wikilink's target gives, "Ada" of "Notes/Ada#Past"; None for a section of
    the same note ("#Past")."""
    slash = len(inside)
    while True:
        slash = inside.rfind("/", 0, slash)
        begin = slash + 1
        if begin < len(inside) and inside[begin] not in "/#":
            end = begin
            while end < len(inside) and inside[end] not in "/#":
                end += 1
            return inside[begin:end]
        if slash == -1:
            return None


_ATTRIBUTES_AT_END = regex.compile(r"\{(?:[#.]|-(?=[ \t}]))[^{}\n]*\}[ \t]*$")
_ATTRIBUTES_OPEN = ("{#", "{.", "{-")


def heading_attributes(line: str) -> str:
    """Pandoc's ``## Chapter 1 {#chapter-1}`` without its attributes, and its classes (``# Preface
    {.unnumbered}``, ``{-}``): ``[ \\t]+\\{#[^{}\\n]*\\}[ \\t]*$`` tried its blanks from each one of a long
    run of them; the braces are found first here, and the blanks before them read once."""
    found = _ATTRIBUTES_AT_END.search(line) if any(opener in line for opener in _ATTRIBUTES_OPEN) else None
    if found is None:
        return line
    start = found.start()
    while start > 0 and line[start - 1] in " \t":
        start -= 1
    if start == found.start():
        return line
    return line[:start] + line[found.end() :]
