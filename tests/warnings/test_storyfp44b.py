"""Whole-story false alarms of the forty-fourth session (storyfp44b): heavy words used harmlessly
in warning-free stories, fixed by their shape, not by a story's sentence.

Each case is new synthetic text in general vocabulary, not copied from a story. Change 1: being
"addicted" to a show one watches, or a party game's character card with "gambling debts", is no
addiction: a show watched season after season or a murder-mystery game's booklets are signs of
play for the category (``frames``), as they are for death. Addiction told plainly still warns."""

from __future__ import annotations

import pytest

from bot.story.model import Chapter, Scene, Story, StoryMeta
from bot.warnings.declared import Declared
from bot.warnings.engine import scan
from bot.warnings.rules import default_ruleset
from tests.warnings.passages import ids


def scene_ids(*paragraphs: str) -> set[str]:
    """The confident warnings of one scene made of ``paragraphs``, as a chat or a dialogue is told."""
    chapter = Chapter(1, None, [Scene(list(paragraphs))])
    return scan(Story(StoryMeta("t"), [chapter], "txt"), default_ruleset(), declared=Declared()).detected_ids()


@pytest.mark.parametrize(
    "paragraphs",
    [
        (
            "mia: sorry i'm late, i watched nine episodes of that cooking competition instead of sleeping",
            "jo: she's addicted. someone call her mum",
            "mia: i can quit whenever i want",
        ),
        (
            "Dev has rewatched every season of the baking show at least three times, and he is addicted to it, "
            "and he will tell you so while he kneads.",
        ),
        (
            'The host of the murder mystery handed round the character cards. "You are the Countess, '
            'back from the casino with gambling debts and a secret," Leila read out, delighted.',
        ),
    ],
)
def test_a_show_or_a_party_game_is_no_addiction(paragraphs: tuple[str, ...]) -> None:
    assert "addiction" not in scene_ids(*paragraphs)


@pytest.mark.parametrize(
    "text",
    [
        "He was addicted to painkillers by the spring, and he hid the empty blister packs in his sock drawer.",
        "She said she could stop any time she wanted, then drank alone in the car before work again.",
        "His gambling debts had eaten the mortgage money, and he still went back to the bookmaker every night.",
    ],
)
def test_addiction_told_plainly_still_warns(text: str) -> None:
    assert "addiction" in ids(text)


# Change 2: a word that is a name or a bruise. "Ransom" spoken to or by a teammate is a name: the
# word is kidnapping only with what makes it the money asked for a captive (the ransom, a ransom
# note, held for ransom, paid the ransom, ransomed him back). A bump that goes down, or one on the
# head, is a bruise, not a pregnancy.
@pytest.mark.parametrize(
    "text",
    [
        '"Pass it to Ransom," yelled Coach Mills, and Ransom nodded and skated off. "Nice, Ransom!"',
        "Ransom and Holly share a flat above the chip shop; Ransom cooks and Holly does the washing up.",
        "my bump has gone down a lot since i walked into the cupboard door, thanks for asking",
        "She has a bump on her forehead from the shelf, and her bump is going down slowly with ice.",
    ],
)
def test_a_name_or_a_bruise_is_no_warning(text: str) -> None:
    assert not {"kidnapping", "pregnancy"} & ids(text)


@pytest.mark.parametrize(
    ("text", "warning"),
    [
        ("The kidnappers left a ransom note under the door: two hundred thousand, or the girl dies.", "kidnapping"),
        ("They held the boy for ransom in a farmhouse for eleven days before his father paid.", "kidnapping"),
        ("The family paid the ransom in unmarked notes, and the men still did not let her go.", "kidnapping"),
        ("At twenty weeks her bump was already showing under her coat, and the baby kicked at night.", "pregnancy"),
    ],
)
def test_a_ransom_or_a_pregnancy_still_warns(text: str, warning: str) -> None:
    assert warning in ids(text)


# Change 3: an idiom of the grave and the trade that sells coffins. "She'll take the recipe to her
# grave" keeps a secret (it, that, the secret, the recipe, the truth ... taken or carried to one's
# grave); a casket convention or a funeral-home trade fair is a job. A grave visited, flowers taken
# to it, a funeral held still warn.
@pytest.mark.parametrize(
    "paragraphs",
    [
        ("Everyone begged Gran for the scone recipe, and she said she would take it to her grave, and winked.",),
        ("Dad swears he will carry the secret of the barbecue sauce to his grave.",),
        ("Her uncle sells coffins for a living and spent the weekend at a funeral-home trade fair in Leeds.",),
    ],
)
def test_an_idiom_of_the_grave_or_the_coffin_trade_is_no_death(paragraphs: tuple[str, ...]) -> None:
    assert not {"death", "grief"} & scene_ids(*paragraphs)


@pytest.mark.parametrize(
    ("text", "warning"),
    [
        ("Every Sunday she took flowers to her mother's grave and talked to her about the week.", "grief"),
        ("Every spring he took the first daffodils to her grave, and sat there until it got dark.", "grief"),
        ("They buried him on Thursday; the coffin was lowered and his widow could not stop crying.", "death"),
    ],
)
def test_a_grave_or_a_funeral_still_warns(text: str, warning: str) -> None:
    assert warning in ids(text)


# Change 4: a film marathon is a sign of play for death and grief: "they did not make it to dawn"
# of the viewers halfway through film five, not of the characters. The same words of a real night
# still warn.
@pytest.mark.parametrize(
    "text",
    [
        "The horror marathon was meant to last all night. They did not make it to dawn: Priya was asleep "
        "halfway through film four, and Sam ate the last of the popcorn alone.",
    ],
)
def test_a_film_marathon_is_no_death(text: str) -> None:
    assert not {"death", "grief"} & ids(text)


def test_not_making_it_to_dawn_still_warns() -> None:
    assert "death" in ids("He did not make it to dawn; we buried him under the oak by the wall.")
