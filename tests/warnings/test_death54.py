"""Deaths told as the battle or through what is left behind, and their harmless twins (death54).

See docs/warnings-eval.md, "Fifty-fourth session", death54. Three ways of telling a death that the
blind sets' writers share: a soldier who goes down under fire and does not get up (the sniper, the
wire, the shell in the next bay); someone found in the river, the well or the canal, or found months
later ("they found him in June when the snow went", "the river gave him back"); and the things a
dead person left, kept in place for months (a chair nobody sits in, two cups made out of habit,
boots still by the door) with the time since. The names of the war dead read out or carved were
tried and dropped (a school trip reading the names on a memorial is no death); their twins stay.

Each has harmless twins that use the same words: a boxer who does not get up until the count of
eight, a dog that hides from fireworks until morning, the names of donors on a library plaque, a
flatmate or a daughter who moved away a year ago. Older senses narrowed here: a device that "died"
or "kicked the bucket", the coroner's office as a place of work, a patient "gone" because he was
discharged, and a history teacher (a character's job is no sign of play).
"""

from __future__ import annotations

import pytest

from tests.warnings.passages import ids


@pytest.mark.parametrize(
    "text",
    [
        # getting up, not under fire
        "The boxer went down in the third round and didn't get up until the count of eight, then won on points.",
        "Under the fireworks the dog hid under the bed and didn't get up until morning.",
        "The paintball volley hit him in the chest and he lay in the mud laughing and didn't get up for a while.",
        "The machine guns at the fair's shooting gallery rattled and my brother refused to get up off the bench.",
        # names, and nobody dead
        "The plaque by the door lists the names of everyone who donated to the new library roof.",
        "She read the names on the guest list twice and still couldn't find her own.",
        "The history class wrote the names of the kings on a list in order.",
        "The primary school children read the names out one by one at the war memorial, then had squash.",
        # found in the water, alive
        "We found him in the river splashing about with the dog.",
        "Mum found her in the pond up to her knees looking for frogs.",
        "They pulled him out of the canal, soaked and furious but breathing, and wrapped him in a coat.",
        "We found her in the lake at dusk, shivering and alive, clinging to the upturned boat.",
        # someone away, not dead
        "It's been a year since Jess moved to Canada, and Mum still sets her place at Christmas dinner.",
        "Dad's boots are still by the door; it's been three months since he went back offshore.",
        "I still make two cups of tea out of habit, even though it's been a year since my flatmate moved out.",
        "It's been six months since the divorce and her chair at the kitchen table is still empty.",
        # devices
        "The kettle's gone and died on us, so it's instant coffee from the hot tap.",
        "The old Nokia finally kicked the bucket after fifteen years of faithful service.",
        "The motorbike sputtered, then died, and we pushed it the last mile in the rain.",
        "The dishwasher gave up the ghost mid-cycle and flooded the kitchen.",
        # the coroner's office as a place; a patient who went home
        "The coroner's office was closed on Sundays, so the paperwork waited.",
        "She worked in the coroner's office filing parking permits and hated the commute.",
        "He's gone, love, the nurse said, discharged this morning with his daughter.",
    ],
)
def test_nobody_died_does_not_warn(text: str) -> None:
    assert "death" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        # down under fire, and not getting up
        "The machine guns opened up and Corporal Reyes went down in the wire and didn't get up.",
        "I saw Tam go down by the gate when the volley came. He's not getting up, I told myself.",
        "The shell burst in the next bay. Lewis sat against the sandbags, eyes open, and he wasn't going to get up.",
        "Arrows hissed down over the shield wall and Beorn dropped beside me and never got up.",
        "She ran for the doorway under the gunfire, tripped, and she doesn't get up.",
        "The mortar round landed among the gun crew and none of them got up.",
        # found in the water, or found months later
        "They found him in June when the snow went off the north gully.",
        "Three days later the river gave him back.",
        "Marta's grandfather found his sister in the well after the soldiers left.",
        # what is left, and the time since
        "It's been a year today and I still make two cups of tea before I remember.",
        "Nobody sits in Gran's chair. It's been six months and her cardigan is still over the arm.",
        "His boots are still by the back door. It's been eight weeks and none of us can move them.",
        "It's been two years and his coat is still on the hook in the hall.",
        "I sat on his bed; his hoodie still smells like him, and it's been five months.",
        "His mug is still in the cupboard. Nobody has used it since the funeral.",
        # a history teacher is no play
        "The history teacher stepped forward. There was one shot and he fell and did not move again.",
    ],
)
def test_death_told_another_way_warns(text: str) -> None:
    assert "death" in ids(text)
