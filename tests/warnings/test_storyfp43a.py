"""Whole-story false alarms in death, suicide and procedures (forty-third session, round storyfp43a;
docs/warnings-eval.md, "### storyfp43a").

Figures of speech over a plate of food (a pan where "the whole thing is
dead", a wish to eat something on one's deathbed, a word glossed as "suicidal"), a TV series told
episode by episode, a simile of an operating theatre and the idiom "come up with" beside a hill:
none is a death, a suicide or a procedure. Each group keeps a plain case that must still warn.
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


@pytest.mark.parametrize(
    ("text", "category"),
    [
        (
            "we binge the whole season. every episode has a bit where the heart monitor goes flat and a "
            "nurse yells for the crash cart, and by the third one we are yelling along.",
            "death",
        ),
        ("The landing is painted so white it looks like an operating theatre at midnight.", "procedures"),
        (
            "We walk up the hill the locals call the Widowmaker; the village did not come up with the "
            "name, every river town has one.",
            "death",
        ),
    ],
)
def test_a_tv_series_a_simile_or_an_idiom_is_no_warning(text: str, category: str) -> None:
    assert category not in ids(text)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("His heart monitor went flat at four in the morning and the nurse called time of death.", "death"),
        ("She was wheeled into the operating theatre and the surgeon began to cut.", "procedures"),
        ("The boys went under at the weir and never came back up, and the river kept them.", "death"),
    ],
)
def test_the_real_scenes_still_warn(text: str, category: str) -> None:
    assert category in ids(text)
