"""Five older child-abuse rules narrowed by their sense (fifty-first session, abuse51;
docs/warnings-eval.md "Fifty-first session").

Child abuse's false alarms were five older rules whose parts sat anywhere in the paragraph: a ewe that
kicked me beside Mum, a sourdough starter I forgot to feed at my mum's, uncles who slap him on the
back, a father who did not strike her, Mum ringing "at nine" (a time, not an age), belt buckles, laps
run as punishment at a club, a class kept in at break, a wicked stepmother in a fairy tale. Each of
those stays clean; the same rules still warn where a parent punishes a child (belted, locked in the
cupboard, caned, "at the age of nine" called worthless). Every text is new and written for the test.
"""

from __future__ import annotations

import pytest

from tests.warnings.passages import ids


@pytest.mark.parametrize(
    "text",
    [
        "Dad belted me for the broken window; I was nine and he made me count.",
        "Mum locked me in the cupboard under the stairs when I was six, for crying.",
        "At the age of nine his stepfather told him every day that he was worthless, in front of his mother.",
    ],
)
def test_a_parent_s_punishment_of_a_child_still_warns(text: str) -> None:
    assert "child-abuse" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "The ewe kicked me when I checked her lamb, and Mum laughed at the mud on my jeans.",
        "I forgot to feed him for a week, my poor sourdough starter, while I was at my mum's.",
        "At the wedding his uncles slap him on the back and his mother cries happy tears.",
        "Her father did not strike her; he never once raised a hand to any of them.",
        "'You're useless with plants,' Mum says when she rings at nine every night, laughing at the dead basil.",
        "Dad fiddled with his belt buckles and told the boy to hurry up for the bus.",
        "Dad took my phone at dinner, like always; I was fifteen and furious, but he'd made my favourite curry.",
        "Coach made the boys run laps as punishment for being late, and their mums cheered from the stands.",
        "Our teacher kept the whole class in at break as punishment for the noise, and the boys grumbled all"
        " afternoon about their mums finding out.",
        "In the fairy tale the wicked stepmother locks the little girl in the attic and feeds her bread and water.",
    ],
)
def test_strict_parents_sport_school_and_a_tale_s_villain_stay_clean(text: str) -> None:
    assert "child-abuse" not in ids(text)
