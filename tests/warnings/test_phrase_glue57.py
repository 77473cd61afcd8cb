"""An optional piece written against the next word, or a group holding its own space (session 57).

Each word of a phrase took the separator before it into its own optional group. That is right for a
word of its own ("the (old)? man": "the man" or "the old man"), but a piece glued to the next word took
the separator along when it was missing: "came (in)?to the school" matched "came into the school" and
never "came to the school" ("cameto"), "(wheel)?chair" after another word never matched "chair". A
group ending in its own space ("see her (alive )?again") lost that space to the group and matched
neither "see her again" nor "see her alive again". Thirty-nine shipped rules held one of the two shapes
(abuse57 found the first). Glued pieces are now one word, each optional piece optional inside it; a
space inside a group's edge is the separator outside it.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.warnings.model import RuleError
from bot.warnings.phrases import compile_phrase
from tests.warnings.test_phrase_edges43 import found


@pytest.mark.parametrize(
    ("phrase", "text"),
    [
        ("came (in)?to the school", "they came to the school at dawn"),
        ("came (in)?to the school", "they came into the school at dawn"),
        ("no (head)?stone yet", "the grave has no stone yet"),
        ("no (head)?stone yet", "the grave has no headstone yet"),
        ("hid (his|her) (wheel)?chair", "she hid his chair"),
        ("hid (his|her) (wheel)?chair", "she hid his wheelchair"),
        ("see (her|him) (alive )?again", "I never got to see her again"),
        ("see (her|him) (alive )?again", "I never got to see her alive again"),
        ("(ever )?see it", "did you see it"),
        ("(ever )?see it", "did you ever see it"),
        ("never ( ever)? again", "never again"),
        ("never ( ever)? again", "never ever again"),
        ("girl(s)? night", "girl night"),
        ("girl(s)? night", "girls night"),
        ("(un)?happy day", "a happy day"),
        ("(un)?happy day", "an unhappy day"),
        ("the (old)? man", "the man"),
        ("the (old)? man", "the old man"),
        ("not in the _ (anymore)?(.|,)? he's back", "he's not in the room. he's back"),
        ("not in the _ (anymore)?(.|,)? he's back", "he's not in the room anymore, he's back"),
        ("not in the _ (anymore)?(.|,)? he's back", "he's not in the room he's back"),
    ],
)
def test_every_written_form_of_the_phrase_matches(phrase: str, text: str) -> None:
    assert found(phrase, text)


@pytest.mark.parametrize(
    ("phrase", "text"),
    [
        ("came (in)?to the school", "they came in to the school"),  # glued: "in" belongs to "to"
        ("came (in)?to the school", "they cameto the school"),
        ("hid (his|her) (wheel)?chair", "she hid his wheel chair"),
        ("see (her|him) (alive )?again", "see heragain"),
        ("girl(s)? night", "girlsnight"),
        ("the (old)? man", "theman"),
    ],
)
def test_the_pieces_stay_where_they_were_written(phrase: str, text: str) -> None:
    assert not found(phrase, text)


def test_glued_pieces_that_are_all_optional_are_still_refused_alone() -> None:
    with pytest.raises(RuleError, match="every word"):
        compile_phrase("(un)?(do)?")


WORDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=7)


@given(before=WORDS, piece=WORDS, word=WORDS, after=WORDS)
def test_a_glued_optional_prefix_matches_with_and_without_it(before: str, piece: str, word: str, after: str) -> None:
    phrase = f"{before} ({piece})?{word} {after}"
    assert found(phrase, f"x {before} {word} {after} y")
    assert found(phrase, f"x {before} {piece}{word} {after} y")


@given(before=WORDS, piece=WORDS, word=WORDS, after=WORDS)
def test_a_group_holding_its_space_matches_with_and_without_its_word(
    before: str, piece: str, word: str, after: str
) -> None:
    phrase = f"{before} ({piece} )?{word} {after}"
    assert found(phrase, f"x {before} {word} {after} y")
    assert found(phrase, f"x {before} {piece} {word} {after} y")
    assert found(f"({piece} )?{word} {after}", f"x {piece} {word} {after} y")
    assert found(f"({piece} )?{word} {after}", f"x {word} {after} y")
