"""Every `re` pattern the bot holds, checked for backtracking that grows faster than the square.

Python's `re` backtracks, and one pattern with three overlapping repeats turns a hostile line of a
few thousand characters into minutes of CPU in the worker (the fortieth session found four: an ISBN
rights line, a forum spoiler button, a chat poster's name and AO3's page title). RE2 holds the
warning rules and the servers' own; the story readers keep hundreds of `re` patterns, and a new one
is written most sessions. regexploit reads each pattern's tree and scores how many repeats can
share the same characters (its "starriness": 3 is cubic); this test walks every module of `bot`
and `cogs` once, so a cubic pattern fails CI the day it is written, not the day a file finds it.

A pattern may stay above the line only when its input is bounded before it is matched: it is named
in `BOUNDED` with the bound, and the test checks that the name still holds such a pattern.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
import warnings
from collections.abc import Iterator
from functools import cache
from types import ModuleType

import regexploit.ast.sre as regexploit_sre
import regexploit.redos as regexploit_redos

import bot
import cogs

#: Worse than quadratic: a pattern with this many overlapping repeats is cubic or more.
MAX_STARRINESS = 2

#: Patterns above the line whose input is cut to a bound before they run, with where and why.
BOUNDED = {
    "bot.story.webpage._AO3_TITLE": (
        "matched only on a <title> of at most AO3_PAGE_TITLE_CHARS characters (webpage.ao3_title)"
    ),
}


class _Parser(regexploit_sre.SreOpParser):
    """regexploit 1.0 predates Python 3.11's possessive repeats and atomic groups.

    Neither can backtrack into itself, which is exactly why the readers use them, so both are read
    as contributing no repeat (the same answer regexploit gives for a literal).
    """

    def from_POSSESSIVE_REPEAT(self, data: object) -> None:
        return None

    def from_ATOMIC_GROUP(self, data: object) -> None:
        return None


def _modules() -> Iterator[ModuleType]:
    for package in (bot, cogs):
        for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
            if not info.name.endswith("__main__"):
                yield importlib.import_module(info.name)


def _patterns_in(value: object, where: str, depth: int = 0) -> Iterator[tuple[str, re.Pattern[str]]]:
    """The compiled patterns a module-level name holds, in tables two levels deep too."""
    if isinstance(value, re.Pattern):
        yield where, value
    elif depth < 2 and isinstance(value, dict):
        for key, item in value.items():
            yield from _patterns_in(item, f"{where}[{key!r}]", depth + 1)
    elif depth < 2 and isinstance(value, (list, tuple, set, frozenset)):
        for index, item in enumerate(value):
            yield from _patterns_in(item, f"{where}[{index}]", depth + 1)


def _cached_factory_result(value: object) -> object:
    """What a cached pattern factory without parameters builds (the readers compile lazily so)."""
    if not (callable(value) and hasattr(value, "cache_info")):
        return None
    try:
        signature = inspect.signature(value)
    except (TypeError, ValueError):
        return None
    if any(p.default is p.empty for p in signature.parameters.values()):
        return None
    return value()


@cache
def held_patterns() -> dict[tuple[str, int], str]:
    """Every distinct (pattern, flags) the bot's modules hold, with the first name holding it."""
    seen: dict[tuple[str, int], str] = {}
    for module in _modules():
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern) or getattr(value, "__module__", None) == module.__name__:
                where = f"{module.__name__}.{name}"
                for found in (value, _cached_factory_result(value)):
                    for place, pattern in _patterns_in(found, where):
                        seen.setdefault((pattern.pattern, pattern.flags), place)
    return seen


def starriness(pattern: str, flags: int) -> int:
    """regexploit's worst score for the pattern (a pattern it cannot read fails the test loudly)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        tree = _Parser().parse_sre(pattern, flags)
        return max((found.starriness for found in regexploit_redos.find(tree)), default=0)


def test_the_walk_finds_the_readers_patterns() -> None:
    """The audit means something only if it sees the patterns: hundreds, the known ones among them."""
    names = set(held_patterns().values())
    assert len(held_patterns()) > 400
    assert "bot.story.webpage._AO3_TITLE" in names


def test_the_audit_tells_cubic_from_linear() -> None:
    """The check itself can fail: overlapping repeats of spaces score cubic, a possessive one nothing."""
    assert starriness(r"a\s*\s*\s*b", 0) > MAX_STARRINESS
    assert starriness(r"^(\d+)*$", 0) > MAX_STARRINESS
    assert starriness(r"a\s*+\s*+\s*+b", 0) <= MAX_STARRINESS
    assert starriness(r"^\w+\s*\w+$", 0) <= MAX_STARRINESS


def test_no_pattern_backtracks_worse_than_the_square() -> None:
    over = {
        where: pattern[:160]
        for (pattern, flags), where in held_patterns().items()
        if starriness(pattern, flags) > MAX_STARRINESS and where not in BOUNDED
    }
    assert not over, f"patterns that backtrack cubically or worse on a hostile line: {over}"


def test_every_bounded_exception_still_names_a_pattern_above_the_line() -> None:
    """An exception outlives its reason silently unless it is checked to still be needed."""
    by_name = {where: key for key, where in held_patterns().items()}
    for where in BOUNDED:
        assert where in by_name, f"{where} is no longer a pattern: drop it from BOUNDED"
        assert starriness(*by_name[where]) > MAX_STARRINESS, f"{where} is fine now: drop it from BOUNDED"
