"""Whole-story false alarms in death, suicide and procedures (forty-third session, round storyfp43a;
docs/warnings-eval.md, "### storyfp43a").

Figures of speech over a plate of food (a pan where "the whole thing is
dead", a wish to eat something on one's deathbed, a word glossed as "suicidal"): none is a death or a
suicide. Each group keeps a plain case that must still warn.
Every passage here is new short text written for these tests."""

from __future__ import annotations

import pytest

from tests.warnings.passages import ids


@pytest.mark.parametrize(
    "text",
    [
        "Nadia tastes the lemon curd and closes her eyes. 'I want to eat this on my deathbed,' she says.",
        "The risotto catches on the bottom of the pot and she decides the whole thing is dead and starts "
        "again with fresh stock.",
        "On this programme, bold means suicidal, and everybody in the tent knows it.",
    ],
)
def test_a_kitchen_figure_of_speech_is_no_death_or_suicide(text: str) -> None:
    assert not {"death", "suicide"} & ids(text)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Her father asked for his rosary on his deathbed, and the priest came at dawn.", "death"),
        ("The cook was found dead in the cold store, and the whole kitchen was closed for a week.", "death"),
        ("After the divorce he was suicidal for months, and his sister took the knives from the flat.", "suicide"),
    ],
)
def test_a_plain_death_or_suicide_beside_them_still_warns(text: str, category: str) -> None:
    assert category in ids(text)
