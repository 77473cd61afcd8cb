"""Counts said to members: "No one has read this chapter yet", "1 member has", "2 members have", never
"0 members have" nor "member(s)". One helper (:func:`bot.text.plural`) says every count."""

from __future__ import annotations

import pytest

from bot.story.render import none_shown
from bot.text import plural


@pytest.mark.parametrize(
    ("count", "said"),
    [(0, "no one has"), (1, "1 member has"), (2, "2 members have"), (1234, "1,234 members have")],
)
def test_a_count_and_its_verb_agree_and_zero_reads_as_written(count: int, said: str) -> None:
    assert plural(count, "member", verb=("has", "have"), zero="no one has") == said


def test_zero_without_its_own_words_is_still_a_number_and_plural() -> None:
    assert plural(0, "story", "stories") == "0 stories"
    assert plural(0, "nomination", zero="no nominations") == "no nominations"
    assert plural(1, "nomination", zero="no nominations") == "1 nomination"
    assert plural(3, "story", "stories", verb=("was", "were")) == "3 stories were"


def test_the_possible_warnings_waiting_agree_with_their_count() -> None:
    assert none_shown(1) == "none declared or confirmed; 1 possible warning is waiting for an admin's review."
    assert none_shown(2) == "none declared or confirmed; 2 possible warnings are waiting for an admin's review."
    assert none_shown(0) == "none declared or detected."
