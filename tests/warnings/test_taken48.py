"""Kidnapping, abuse and child abuse told by what is done, as compositions (forty-eighth session, taken48;
/work/scratch/s48/docs/taken48.md).

A person taken and held is told by two things at once: a taking (bundled aboard, herded onto trucks,
woke in a crate, came for the doctors) and a holding or a captor's terms (a guard on the hatch, bolted
from outside, sold at the border, until the father pays, never brought back). Abuse is a partner's
control beside the fear it makes; child abuse is a child's age beside what was done to them. Each near
rule needs both halves in one paragraph, so neither half alone warns.

Every text is new and written for the test. Each warning case failed before its change; each twin
(a hen do, hide and seek, a debate on zoos, a removal van, an ambulance, a team bus, a parent's
ordinary rule, a goalkeeper, an escape room, pocket money) stays clean."""

from __future__ import annotations

import pytest

from tests.warnings.passages import ids


@pytest.mark.parametrize(
    "text",
    [
        "she was bundled aboard a fishing boat in the night, and the men said her family would pay to get her back.",
        "we were herded onto the trucks at dawn and driven north. the guards said the strongest of us would be"
        " sold at the border.",
        "She woke in a metal crate in the dark, rocking, salt in the air. Nobody at home knew where she was.",
        "they kept him in a storeroom under the stairs with a guard at the door, and told him he could go home"
        " the day his father paid.",
        "The soldiers came for the doctors in the night. They were taken for questioning, the officer said, and"
        " none of them came back.",
        "they kept us below deck with a guard on the hatch, and told us we'd be sold once we made port.",
        "the smugglers put the two girls in the back of a lorry with a crate of oranges, and told them they'd be"
        " sold in the city.",
    ],
)
def test_a_taking_beside_a_holding_or_terms_warns_kidnapping(text: str) -> None:
    assert "kidnapping" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "He has her pin and gives her an allowance on Fridays. She's so quiet when he gets home that her sister"
        " asked if she was ill.",
        "everyone says he's lovely. at home he asks why you smiled at the waiter, and you keep your eyes on your"
        " plate for the rest of the night.",
        "he calls me useless in front of the kids and i apologise before he's even finished the sentence.",
    ],
)
def test_control_beside_fear_warns_abuse(text: str) -> None:
    assert "abuse" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "i was six. if i wet the bed she made me stand in the yard in the cold in my pyjamas until the milkman came.",
        "I was nine when she started locking me in the cupboard under the stairs for talking at dinner.",
        "The headmaster caned the two boys in front of the whole school, twelve strokes each, and made the rest of"
        " us count them aloud.",
    ],
)
def test_a_child_and_what_was_done_warns_child_abuse(text: str) -> None:
    assert "child-abuse" in ids(text)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # a hen do's "kidnapping" of the bride (flagged before)
        (
            "for kirsty's hen do we kidnapped the bride from her office, bundled her into the back of a limo and"
            " drove her to a spa. her fiance had no idea where she was.",
            "kidnapping",
        ),
        # hide and seek (flagged before)
        (
            "We played hide and seek in the old house. I hid in the cellar for an hour and nobody knew where I was"
            " until Mum called us in for tea.",
            "kidnapping",
        ),
        # animals in captivity, a debate (flagged before)
        ('"animals suffer in captivity," she said in the debate, and the other team had no answer.', "kidnapping"),
        # a removal van, an ambulance, a team bus
        (
            "the removal men loaded the kids' beds into the back of the van and we drove off to the new house, the"
            " girls singing the whole way.",
            "kidnapping",
        ),
        (
            "the paramedics lifted her into the back of the ambulance and my hands were shaking as i called dad.",
            "kidnapping",
        ),
        (
            "the coach put the boys on the bus and we drove off to the away match; i counted the days until the final.",
            "kidnapping",
        ),
        # an escape room
        (
            "the escape room locked us in at seven: clues, a padlock on the chest, and sixty minutes to get out"
            " before the game master knocked.",
            "kidnapping",
        ),
        # a parent's ordinary rule, pocket money
        (
            "mum checks my phone at bedtime and takes it downstairs to charge. i rolled my eyes but honestly i"
            " sleep better without it.",
            "abuse",
        ),
        (
            "my mum gives me pocket money on fridays and i'm so careful with it that my sister calls me a miser.",
            "abuse",
        ),
        # a child in goal in the rain
        (
            "when i was eight my dad made me stand in goal every saturday and i loved it, even in the rain.",
            "child-abuse",
        ),
    ],
)
def test_twins_stay_clean(text: str, category: str) -> None:
    assert category not in ids(text)
