"""The quick no before a slow search (bot.story.atoms): never a no where the pattern matches."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.story.atoms import LiteralHint, fold, pattern_atoms
from bot.story.text_declarations import _declaration, chapter_phrases, extract_declarations

# Phrases the real patterns match, in several languages, and words they must not need.
PHRASES = [
    "next chapter",
    "the upcoming part",
    "this chapter",
    "today's update",
    "das nächste Kapitel",
    "dieses Kapitels",
    "el próximo capítulo",
    "следующая глава",
    "이번 화",
    "次の話",
    "本章",
    "TW: blood",
    "cw for self harm",
    "Trigger warnings: death",
    "Content warning - gore",
    "tw// suicide",
    "C/W: abuse",
    "Warnings: major character death",
    "Avertissement : mort",
]
FILLER = ["she said", "the rain", "Footnote 12:", "(sorry!)", "’", "İstanbul", "ſ", "\u212a", "…", "\n", "  ", "."]


def _mangle(text: str, cases: list[bool]) -> str:
    """The text with letters' case flipped where ``cases`` says, and the letters ``re`` folds
    together with no case rule of str (dotted capital I, long s, Kelvin sign) put in."""
    out = []
    for index, char in enumerate(text):
        flip = cases[index % len(cases)] if cases else False
        if flip and char == "i":
            out.append("İ")
        elif flip and char == "s":
            out.append("ſ")
        elif flip and char == "k":
            out.append("\u212a")
        else:
            out.append(char.upper() if flip else char)
    return "".join(out)


texts = st.builds(
    lambda parts, cases: _mangle(" ".join(parts), cases),
    st.lists(st.sampled_from(PHRASES + FILLER), min_size=1, max_size=6),
    st.lists(st.booleans(), max_size=9),
)


@settings(max_examples=400, deadline=None)
@given(texts)
def test_the_real_patterns_are_never_told_no_where_they_match(text: str) -> None:
    next_chapter, this_chapter = chapter_phrases()
    for pattern in (next_chapter, this_chapter, _declaration()):
        if pattern.search(text):
            assert LiteralHint([pattern]).may_match(text), (pattern.pattern[:40], text)
    if next_chapter.search(text) or this_chapter.search(text):
        assert LiteralHint([next_chapter, this_chapter]).may_match(text)


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(
        [
            r"(?:next|upcoming)\s+(?:chapter|part)s?",
            r"\b(?:tw|cw)s?[ \t]*[:/-]+[ \t]*\w+",
            r"(?:das |dem )?(?:nächste[nsm]?|kommende[nsm]?) kapitels?",
            r"(?>ab+c)|x[yz]{2,}w",
            r"warn(?:ing)?s?(?=:)",
        ]
    ).flatmap(lambda source: st.tuples(st.just(source), st.from_regex(source))),
    st.lists(st.booleans(), max_size=7),
)
def test_whatever_a_pattern_matches_holds_one_of_its_atoms(case: tuple[str, str], cases: list[bool]) -> None:
    source, text = case
    pattern = re.compile(source, re.IGNORECASE)
    text = _mangle(text, cases)
    if pattern.search(text):
        assert LiteralHint([pattern]).may_match(text)


def test_prose_with_none_of_the_atoms_is_told_no() -> None:
    hint = LiteralHint(chapter_phrases())
    assert hint.atoms is not None
    assert not hint.may_match("Footnote 1: Counted past away only could one.")
    assert not hint.may_match("Footnote 2: “One” he said, and went on.")
    assert hint.may_match("Notes for the NEXT Chapter")


def test_a_pattern_whose_every_part_is_optional_or_open_gets_no_hint() -> None:
    for source in (r"a?b*", r"\w+\s+\d", r"(?:x|)y?", r"."):
        assert pattern_atoms(re.compile(source)) is None
        assert LiteralHint([re.compile(source)]).may_match("anything at all")
    assert LiteralHint([re.compile("next"), re.compile(r"\w+")]).atoms is None  # one pattern without: no hint


def test_the_best_run_of_a_pattern_is_its_atom() -> None:
    assert pattern_atoms(re.compile(r"(?:das |dem )?nächste[nsm]? kapitels?", re.I)) == {" kapitel"}
    assert pattern_atoms(re.compile(r"\b(?:next|upcoming)\s+chapter")) == {"chapter"}
    assert pattern_atoms(re.compile(r"(?:TW|CW)s?:")) == {"tw", "cw"}


def test_folding_reads_case_as_re_does() -> None:
    for upper, plain in (("İ", "i"), ("ſ", "s"), ("\u212a", "k"), ("Σ", "σ"), ("ς", "σ"), ("ẞ", "ß")):
        assert re.compile(plain, re.IGNORECASE).fullmatch(upper)
        assert fold(upper) == fold(plain)
    assert fold("NEXT Chapter") == "next chapter"


def test_a_note_naming_no_chapter_still_declares_for_its_own() -> None:
    declared, before, _ = extract_declarations("Sorry for the wait. TW: self harm, blood")
    assert declared == ["TW: self harm, blood"]
    assert before == "Sorry for the wait."
    assert extract_declarations("Footnote 3: the old road to the mill.") == (
        [],
        "Footnote 3: the old road to the mill.",
        "",
    )
