"""Deaths told by what is left, and two narrowings (fifty-second session, death52).

See docs/warnings-eval.md, "Fifty-second session", death52. Deaths the read sets tell without a
death word: an overdose found by its signs (blue lips beside a needle, a burnt spoon, a little
bag); a dying told by the light going out of the eyes beside a wound or a weapon; an empty chair or
place at the table that nobody sits in, weeks or a year on; officers at the door holding their hats
in both hands; medics who could not revive someone, or worked on her and then stopped. Each has its
harmless twin: lips blue from the cold, a swim or a slushie (a category exclude, since three older
death rules read those same words), a light that goes out of someone's eyes over a cake, a living
father's armchair, a chair kept for someone parking the car, a patient the paramedic brings round.
`gone-medical` no longer reads "he's gone" (left the scene) beside a breath let out or a body that
aches: its second group takes a breath or a body only as a death's.
"""

from __future__ import annotations

import pytest

from tests.warnings.passages import ids


@pytest.mark.parametrize(
    "text",
    [
        # lips blue, and no overdose
        "The popsicle left her lips blue, and she licked the foil wrapper clean on the pier.",
        "His lips had gone a bit blue after the swim, so Gran lent him a lighter jumper and a sewing needle.",
        # the light going out of someone's eyes, and nobody hurt
        "The light went out of her eyes when the bakery said the cake would not be ready, and she sat down on the step.",
        # an empty chair or a place at the table, and nobody dead
        "Nobody sits in Dad's chair when the match is on; he'd go spare if you squashed the cushion.",
        "The empty chair at the head of the table was for Uncle Jo, who was parking the car, and nobody sat in it "
        "until he came in.",
        "We set the table for nine, and nobody sat at the end because the wobbly leg was still broken.",
        "Nobody sits in Dad's chair; it is still warm from him, and he is in the kitchen making toast.",
        # medics who bring him round; blue lips from the cold or a slushie
        "The paramedic pressed on his chest and brought him back round, and he was sick on her boots.",
        "After the lake swim his lips were blue from the cold, so Nadia made cocoa and stirred it with a long spoon.",
        "Her lips were blue with slushie and she danced on the pier.",
        # "he's gone": left the scene
        "He's gone, the coast is clear, whispered Priya from behind the shelves, and we let out a breath.",
        "Then he's gone, yanked off me by the bouncer, and I roll over breathing hard on the wet pavement.",
        "He was already gone in the morning. There was a note on the pillow and her body ached from the hike.",
    ],
)
def test_nobody_died_does_not_warn(text: str) -> None:
    assert "death" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        # the warned twins: the same signs where somebody died
        "They found Kev on the bathroom floor, his lips blue, a burnt spoon and a lighter on the cistern.",
        "The gunshot cracked across the yard and Sam went down; I held him while the light went out of his eyes.",
        "Nobody sits in Grandad's chair now. It has been six months, and his pipe is on the arm where he left it.",
        "Mum set his place at the table for a year after the letter came, and nobody would touch it.",
        "Two officers stood on the doorstep holding their hats in both hands, and Mum knew before they knocked.",
        "The paramedics could not revive him at the scene, and the crowd on the pavement went quiet.",
        "The medics worked on her for a long time, and then they stopped and covered her with a blanket.",
        "By the time I got home the ambulance was on the drive and nobody was hurrying anymore.",
        "His lips were blue and cold and he had been under for ten minutes; the lifeguard stopped CPR.",
        "The nurse came in and checked, and said softly that he was gone; his breathing had stopped an hour before.",
    ],
)
def test_death_told_by_what_is_left_warns(text: str) -> None:
    assert "death" in ids(text)
