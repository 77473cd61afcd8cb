"""Figurative deaths of machines, "I'd rather die than ...", and a board game's murder: none is a
warning, while a real death told beside the same words still is (rules.json: the `device` class
and its idiom, the negation cues "would rather" and "i'd rather", the death frames of Cluedo and
"who dies first")."""

from __future__ import annotations

import pytest

from tests.warnings.passages import ids


@pytest.mark.parametrize(
    "text",
    [
        "the microwave died so we ate cold pizza out of the box",
        "mic three is dead, somebody get me a runner before the chorus",
        "Our old fridge finally died last night and everything in the freezer melted.",
        "the console just died in the middle of the boss fight, rip my save",
    ],
)
def test_a_machine_that_dies_is_no_death(text: str) -> None:
    assert "death" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "i'd rather kill myself than show up to that party in this outfit, from pure embarrassment",
        "honestly i would rather be dead than sit through another one of his slideshows",
    ],
)
def test_rather_than_hyperbole_is_no_warning(text: str) -> None:
    assert not ids(text) & {"death", "suicide"}


def test_a_board_game_murder_is_no_death() -> None:
    text = "We played Cluedo after dinner and Colonel Mustard was found dead in the library again."
    assert "death" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "in the car he died before we reached the hospital, his hand still in mine",
        "the radio said the king died in the night",
        "the engine exploded and the pilot died instantly",
        "she wanted to kill herself after the funeral, and she tried, twice",
    ],
)
def test_a_real_death_beside_the_same_words_is_still_found(text: str) -> None:
    assert ids(text) & {"death", "suicide"}
