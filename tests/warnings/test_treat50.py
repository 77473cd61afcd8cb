"""Homophobia, transphobia and sexism told by how people are treated, and two everyday
senses abusive language took for an insult (fiftieth session, treat50; /work/scratch/s50/docs/treat50.md).

treat48's and treat49's identity x treatment `near` rules were the one kind that moved every blind
gate; these widen both classes where last session's blind sets still missed: a queer marker (two
dads, his husband, "boys like you") x rammed down throats, flaunting, kept away from the kids, healed;
a trans marker (came out as, the old name, changed it) x a woman called "young man", sent to the
disabled loo "for everyone's comfort"; a woman marker x a man's trade, nobody comes to see women
play, a smaller brain called biology. "Drop dead" said of oneself and curses at the sky are no
insult to anyone; a slur said of someone ("he was a bender", "no son of his was going to be a ...") is.
Each warn case is new, written for the test, and failed before its rule; each
twin uses the same words where nobody is harmed and stays clean.
"""

from __future__ import annotations

import pytest

from tests.warnings.passages import ids


@pytest.mark.parametrize(
    ("category", "text"),
    [
        # a husband, and "rammed down our throats"
        (
            "homophobia",
            "Omar and his husband were told by the landlord that the regulars didn't want it rammed down "
            "their throats every quiz night.",
        ),
        # not to flaunt it
        (
            "homophobia",
            "Her aunt said she didn't mind that Jess was gay, as long as she didn't flaunt it at Christmas.",
        ),
        # a husband kept away from the kids
        (
            "homophobia",
            "After the wedding photos went round, the club asked that Marco and his husband be kept away "
            "from the kids at the summer camp.",
        ),
        # a woman called "young man" on purpose
        (
            "transphobia",
            "Since she came out as trans her grandfather has called her 'young man' at every Sunday lunch.",
        ),
        # the disabled changing room, for everyone's comfort
        (
            "transphobia",
            "The gym told Robin, who is trans, to change in the disabled cubicle from now on, for everyone's comfort.",
        ),
        # a man's trade, said to the only girl in the intake
        (
            "sexism",
            "The new cadet was the only girl in the intake, and the sergeant told her flying was a man's "
            "trade and she'd be gone by spring.",
        ),
        # nobody comes to see girls play
        (
            "sexism",
            "Nobody comes to see girls play cricket, the chairman said, so the women could have the nets on "
            "Thursdays after dark.",
        ),
        # a smaller brain, called biology
        (
            "sexism",
            "The umpire was a woman, and the old boys said she had a smaller brain for the rules, it's just biology.",
        ),
    ],
)
def test_the_harm_told_by_treatment_warns(category: str, text: str) -> None:
    assert category in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "The lads in the changing room kept saying he was a bender until he stopped coming to training.",
        "At the christening his grandad said the boy had better not grow up to be a poof like his uncle.",
    ],
)
def test_a_slur_said_of_someone_is_abusive_language(text: str) -> None:
    assert "abusive-language" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "Uncle Pete went on a three-day bender after the wedding and came home with a parrot.",
        "The estimate for the fender bender came to three hundred quid, which Dad called daylight robbery.",
    ],
)
def test_a_bender_that_is_no_slur_stays_clean(text: str) -> None:
    assert "abusive-language" not in ids(text)


@pytest.mark.parametrize(
    ("category", "text"),
    [
        # a shop-bought secret kept by two dads
        (
            "homophobia",
            "The two dads ran the bake sale and asked everyone to keep it quiet that the brownies were shop-bought.",
        ),
        # a trans man called sir, rightly
        (
            "transphobia",
            "He transitioned at twenty, and the barber has been calling him mate ever since.",
        ),
        # nature, not a put-down
        (
            "sexism",
            "The first woman to captain the side said it's natural to be nervous before a final.",
        ),
        # a stage death, a wish about trainers, and curses at the weather: no one is insulted
        (
            "abusive-language",
            "In the school play my job is to scream and drop dead behind the sofa in the first act.",
        ),
        (
            "abusive-language",
            "My gran says she would drop dead before she wore trainers to church.",
        ),
        (
            "abusive-language",
            "The farmer shouted curses at the sky when the rain came in sideways over the hay.",
        ),
    ],
)
def test_twins_stay_clean(category: str, text: str) -> None:
    assert category not in ids(text)
