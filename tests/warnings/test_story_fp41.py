"""False alarms of whole stories, told in general vocabulary (forty-first session, round storyfp;
docs/warnings-eval.md, "Whole stories (round 41)").

Each class is written from scratch, never copied from a story: an online game's raid told in a
group chat, where players "die" and come back; the same verbs with a person really dying still warn."""

from __future__ import annotations

import pytest

from tests.warnings.passages import ids


@pytest.mark.parametrize(
    "text",
    [
        "we all wiped on the second phase again. mel died first, then me, and the healer said she "
        "can't heal through that much fire.",
        "ok attempt four, stay out of the purple puddles. if you stand in them you die, that's how "
        "games work, and i am not carrying anyone tonight.",
        "i popped all cooldowns, my dps was the best it has ever been, and i still died to the "
        "adds before the boss hit half health.",
        "raid night went badly: a party wipe on every pull, and kit died in the same patch of fire six times in a row.",
    ],
)
def test_an_online_game_raid_is_no_death(text: str) -> None:
    assert "death" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "My brother died on the ward at four in the morning, and the nurse who sat with him said he "
        "had not been in any pain at the end.",
        "She died in the crash on the ring road that winter, two days before her nineteenth birthday.",
    ],
)
def test_a_person_who_died_still_warns(text: str) -> None:
    assert "death" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "When the alarm went off for the third time she groaned, pulled the sheet over her head and "
        "told the ceiling she was not getting up for anyone.",
        "He drew the covers up over his face and pretended to be asleep until his sister gave up knocking.",
    ],
)
def test_a_sleeper_under_their_own_sheet_is_no_death(text: str) -> None:
    assert "death" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "The nurse checked the monitor one last time, then pulled the sheet over her face.",
        "The paramedic pulled the sheet over her head and the room went very quiet.",
    ],
)
def test_a_sheet_drawn_over_the_dead_still_warns(text: str) -> None:
    assert "death" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "By the last lap she had a stitch like someone was stabbing her with a knitting needle, and "
        "she still sprinted for the line.",
        "The cramp in her calf felt as though someone was stabbing her with a hot needle every few steps.",
    ],
)
def test_a_pain_like_a_stabbing_is_no_violence(text: str) -> None:
    assert "violence" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "He stabbed her with a kitchen knife and ran out into the rain.",
        "Someone stabbed him in the side outside the chip shop and he bled on the pavement.",
    ],
)
def test_a_stabbing_still_warns(text: str) -> None:
    assert "violence" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "Her aunt once threatened to murder the man next door over a parcel left in the rain, and the whole "
        "street still talks about it.",
        'You put copper tape round the pots to keep the snails off. "Won\'t that kill them?" Tom asks.',
        "Dad threatens to kill my brother every time he borrows the car, and then lends him the car.",
        "Beer traps for the slugs, ash round the lettuces. \"Won't that kill them? Would this not kill "
        'it too?" he asks about the ash and the hedgehog, and she says nothing they do here kills a thing '
        "that isn't a slug.",
    ],
)
def test_a_threat_or_a_question_of_killing_is_no_death(text: str) -> None:
    assert "death" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "The soldiers killed the prisoners at dawn and left them in the ditch by the road.",
        "He threatened to kill her, and that night he did: he killed her in the kitchen with his bare hands.",
    ],
)
def test_a_killing_still_warns(text: str) -> None:
    assert "death" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "The hamster's funeral was on Saturday. Afterwards my sister sat by the hamster's grave with a "
        "torch and talked to it until bedtime.",
        "Would a tortoise want a eulogy at his funeral, Mia wondered, kneeling at the tortoise's grave "
        "with a lettuce leaf.",
        "We stood at the budgie's grave for exactly one minute before my brother asked what was for tea.",
    ],
)
def test_a_pet_funeral_is_no_grief_and_no_death(text: str) -> None:
    found = ids(text)
    assert "grief" not in found
    assert "death" not in found


@pytest.mark.parametrize(
    "text",
    [
        "At her mother's funeral she could not stop shaking, and for months afterwards she visited "
        "the grave every Sunday and talked to the headstone.",
        "The dog lay under the pew through the whole funeral, and after the burial we stood at Dad's "
        "grave until it got dark.",
    ],
)
def test_a_person_mourned_still_warns(text: str) -> None:
    assert "grief" in ids(text)
