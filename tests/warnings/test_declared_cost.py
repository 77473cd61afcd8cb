"""What reading a declaration costs: a paragraph of prose that opens like one ("Tw the river...",
"Warning: the stairs...") is told apart by its first piece or two, never by reading every piece,
taking markers off every word or trying every alias at every character."""

from __future__ import annotations

import random
import re

import pytest

from bot.warnings import declared
from bot.warnings.declared import (
    UNSPACED_CHARS,
    alias_pattern,
    default_mapping,
    labelled_list,
    lists_declared,
    lists_warnings,
)

PROSE = "the river ran cold past the ford while she watched the light go out of the sky"


def _longest_first(aliases: list[str]) -> re.Pattern[str]:
    """The aliases' plain alternation, longest first: what the trie must match exactly like."""

    def bounded(alias: str) -> str:
        before = "" if re.match(rf"[{UNSPACED_CHARS}]", alias) else r"(?<![\w-])"
        after = "" if declared._UNSPACED_END.search(alias) else r"(?![\w-])"
        return f"{before}{re.escape(alias)}{after}"

    return re.compile("|".join(bounded(alias) for alias in sorted(aliases, key=len, reverse=True)))


def test_the_alias_search_shares_each_prefix_once() -> None:
    pattern = alias_pattern(["self harm", "self-harm", "selfie", "blood", "blood and gore"])
    assert pattern.count("elf") == 1 and pattern.count("lood") == 1
    found = re.compile(pattern).findall("self-harm, blood and gore, selfies, self harm")
    assert found == ["self-harm", "blood and gore", "self harm"]


def test_the_alias_search_finds_what_the_longest_first_alternation_finds() -> None:
    mapping = default_mapping()
    aliases = list(mapping.aliases)
    reference = _longest_first(aliases)
    rng = random.Random(12)
    around = ["", " ", "-", "s", "x", ", ", "a ", "的", "あ", "ing", "\n", "_", "1", "self", "non"]
    for _ in range(600):
        parts = []
        for _ in range(rng.randrange(1, 5)):
            alias = rng.choice(aliases)
            if rng.random() < 0.3:
                alias = alias[: rng.randrange(1, len(alias) + 1)]
            parts.append(rng.choice(around) + alias + rng.choice(around))
        text = "".join(parts)
        assert [m.span() for m in mapping.alias_search.finditer(text)] == [
            m.span() for m in reference.finditer(text)
        ], text


@pytest.mark.parametrize(
    "text", ["a" + "-" * 50 + "b", "--!", "!-", "-!x", " ( tw ) !! ", "", "【流血】", "\u3000死亡\u3000"]
)
def test_edges_come_off_as_the_pattern_took_them(text: str) -> None:
    pattern = re.compile(r"^[\s\-–—:.()\[\]\"'*：。（）【】「」『』※]+|[\s\-–—:.()\[\]\"'*!：。（）【】「」『』！※]+$")
    assert declared._edges_off(text) == pattern.sub("", text)


def _counting(monkeypatch: pytest.MonkeyPatch, name: str) -> list[str]:
    calls: list[str] = []
    original = getattr(declared, name)

    def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(args[0])
        return original(*args, **kwargs)

    monkeypatch.setattr(declared, name, counted)
    return calls


def test_a_list_is_read_up_to_its_first_piece_that_is_no_warning(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _counting(monkeypatch, "_edges_off")
    text = "Warning: " + ", ".join([PROSE] * 2000)
    assert not lists_warnings(text) and not labelled_list(text)
    assert len(calls) < 100  # not one per piece of the 2,000


def test_a_sentence_is_no_warning_words_after_its_first_word(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _counting(monkeypatch, "_unmarked")
    assert declared._warning_word(" ".join([PROSE] * 50), default_mapping()) == (False, False)
    assert len(calls) == 2  # the whole piece, then its first word; not each of its 800 words


def test_a_piece_without_a_marker_is_not_stepped_through(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _counting(monkeypatch, "_take_marker")
    marks = default_mapping().marks
    assert marks is not None
    assert declared._markers_off(PROSE, marks) == (PROSE, False)
    assert calls == []
    assert declared._markers_off("有血腥描写慎入", marks) == ("血腥", True)  # a piece with markers still is
    assert calls


def test_a_line_of_prose_is_read_as_a_list_no_further_than_its_first_piece(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _counting(monkeypatch, "_slash_items")
    text = "Tw " + PROSE + "".join(f", {word}" for word in PROSE.split()[:12])
    assert len(text) < 240 and not lists_declared(text)
    assert len(calls) == 1  # the first piece has too many words: the twelve after it are not split


def test_a_line_asked_three_ways_is_normalised_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """A chapter's every paragraph opening like a label is asked by labelled_list, lists_declared and
    lists_warnings in turn; each starts from the line normalised with its label off."""
    calls = _counting(monkeypatch, "_normalise")
    declared._unlabelled_by_default.cache_clear()
    text = "TW " + PROSE
    assert not labelled_list(text) and not lists_declared(text) and not lists_warnings(text)
    assert calls.count(text) == 1


def test_a_long_piece_is_prose_without_reading_its_words(monkeypatch: pytest.MonkeyPatch) -> None:
    """The paragraph under a "Content Warnings" heading may be the rest of the file in one piece
    (no comma, no "and"): its every word was looked up, and its qualifiers and markers searched."""
    calls = _counting(monkeypatch, "_warning_word")
    assert not lists_warnings("Warnings: " + " ".join([PROSE.replace(" and", "")] * 200) + " blood")
    assert calls == []
    assert lists_warnings("Warnings: brief mentions of past major character death")  # a long item still is


def test_lists_still_read_as_lists() -> None:
    assert lists_warnings("Warning: blood and gore, a dead parent")
    assert lists_warnings("TW: suicide, self-harm")
    assert not lists_warnings("Warning: death was near")
    assert labelled_list("CW: suicide and death") and not labelled_list("CW: the stairs")
