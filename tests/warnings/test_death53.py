"""Deaths told without a death word, and their harmless twins (fifty-third session, death53).

See docs/warnings-eval.md, "Fifty-third session", death53. The first rules here were written from
the usual ways a death is told before any miss was read: a family member who "passed" at a time or
on a day; a grave with the years of a life on it; a breath out with no breath in after it; a body
already cold; "sorry for your loss" next to an accident or a hospital; a soldier who never came home
from the war; someone struck down who did not rise again, or who fell lifeless; "pronounced" at the
scene; dental records; a hanging body; someone lowered into the ground or put in the ground;
someone who slipped away at the bedside; "since we buried her"; someone found cold next to an
overdose or a rope; lost at sea; a sheet over the face on a stretcher; following the hearse. Rules
for the ways the newest read sets tell a death came after those: a throat cut, a death notice,
forty buried the next day, no one left alive, a sniper and someone still lying in the square,
"regret to inform" next to a regiment, medics who worked on someone and then stopped, eyes open
and staring after a fall, a pulse that is not there, an ambulance that leaves without its lights,
a new name on the memorial stone.

Each one has harmless twins that use the same words: a driving test passed at 4:30, a chapel built
1820-1824, tea that was cold already, dough that never rose again, hair hanging lifeless, hanging
baskets, a time capsule lowered into the ground, someone who slipped away from a party, a blanket
pulled over your own face, a ground-floor flat, a barber's joke, an exam nobody "survived", a
rejection letter, a pulse with nothing wrong. Older rules are narrowed too: CPR practice, a battery
that "flatlined", a last breath before a dive, "never woke up before noon", a message "passed on",
a crew that stopped for tea, and blue lips followed by naloxone.
"""

from __future__ import annotations

import pytest

from tests.warnings.passages import ids


@pytest.mark.parametrize(
    "text",
    [
        # passed, and nobody died
        "My dad passed his driving test at 4:10 this afternoon, on his third try.",
        "Mum passed on the message this morning: practice is cancelled.",
        "She passed at 4:30 this afternoon, the examiner said, with only two minors.",
        "Grandma passed on Tuesday's bingo and went to the pictures instead.",
        # years beside something carved, and nobody's grave
        "The chapel, built 1820-1824, has a carved oak screen and a fine old urn by the door.",
        "The mug says WORLD'S BEST DAD 2019-2020 and is engraved on the bottom.",
        # breath, cold, rising again, lifeless
        "She breathed out slowly and then breathed in again, counting to four like the app said.",
        "The tea was cold already, so she tipped it into the sink.",
        "The dough never rose again after I opened the oven, and the cake fell flat.",
        "Jake fell on the sofa and didn't move again until his mum called him for dinner.",
        "Her hair hung lifeless in the humidity and she gave up on the curls.",
        "The puppet slumped lifeless on the table once the puppeteer let go.",
        # home late, a hanging basket, a time capsule, slipping away
        "He never came back from the shops with the milk, the idiot, he went to the pub.",
        "The hanging baskets swung slowly in the wind outside the pub.",
        "They lowered the time capsule into the ground and the mayor made a speech.",
        "She slipped away from the party while everyone was around the birthday cake.",
        "He slipped away to the ward kitchen to make the nurse a cup of tea.",
        "Since we buried the hatchet, Mark and I get on fine.",
        "They found him in the alley, cold but breathing, and took him to hospital.",
        # older rules narrowed
        "they stopped CPR practice at four; the dummy went back in its box.",
        "The battery flatlined at two percent and the screen went black.",
        "Her last breath before the dive was deep; she surfaced a minute later.",
        "He never woke up before noon on a Saturday in his life.",
        "The machines went quiet at closing time and the factory emptied out.",
        "They worked on him for twenty minutes, then stopped for tea, and he sat up grinning.",
        "His lips were blue and a needle lay on the floor, then the naloxone hit and he came back gasping.",
        # the second and third batches' twins
        "We were lost at sea in that maths lesson, honestly.",
        "A dust sheet covered the shape of the piano in the old ballroom.",
        "She pulled the blanket over her face and refused to get up for school.",
        "They put her in the ground floor flat because of her knee.",
        "We put the bulbs in the ground and hoped for tulips.",
        "The hearse at the car show was painted purple, and the goths loved it.",
        "The barber nicked him while shaving and he swore he'd cut his own throat next time.",
        "Nobody made it out alive of that maths test, honestly.",
        "The sniper on the paintball course got him in the back and he fell over laughing.",
        "We regret to inform you that your application was unsuccessful this year.",
        "His eyes were open, staring at the ceiling; he couldn't sleep for thinking about the exam.",
        "The beach was full of people lying very still in the sun.",
        "They buried three time capsules that week, one for each class.",
        "Iwa-chan, you murdered that song, you left no survivors, I'm reporting you to the police.",
        "The nurse checked her pulse and found nothing wrong, and sent her home with a leaflet.",
        "The ambulance was parked outside the station with its lights off while the crew had lunch.",
        "Our names are on the stone at the climbing wall now, for the charity climb.",
        "He felt for a pulse in his own wrist after the run, and there it was, racing.",
    ],
)
def test_nobody_died_does_not_warn(text: str) -> None:
    assert "death" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        # the warned twins: the same words where somebody died
        "dad passed at 4:10 this morning. the hospice rang me.",
        "Grandma passed in her sleep on Tuesday; we go to St Mary's on Friday.",
        "My condolences on the passing of your husband, Mrs. Hart.",
        "The headstone said ELEANOR VOSS, 1931 - 2019, BELOVED MOTHER.",
        "he breathed out once, long and slow, and then he didn't breathe in again.",
        "She was lying at the bottom of the stairs, her neck at the wrong angle, cold already.",
        "the officer said there'd been an accident on the A40 and that he was so sorry for my loss.",
        "He never came home from Helmand. His mother keeps his boots by the door.",
        "The shot rang out and Boromir fell, and he did not rise again.",
        "The assassin's blade found his heart and the king crumpled on the throne, lifeless.",
        "he was pronounced at the scene. the driver walked away with a scratch.",
        "They identified him by his dental records after the fire.",
        "The hanging body swung slowly in the barn and the farmer's wife screamed.",
        "You stand at the graveside in borrowed shoes while they lower your brother into the ground.",
        "He slipped away just after midnight with all of us around the bed.",
        "i keep texting her number even though it's been six months since we buried her.",
        "She overdosed in the bathroom of the club. The bouncer found her an hour later, cold.",
        "The trawler was lost at sea with all four men aboard.",
        "The stretcher came out of the house with a sheet pulled over the face.",
        "They put him in the ground on a Thursday, in the rain.",
        "The hearse pulled away slowly and we followed it on foot.",
        "They found the shepherd in the burn at dawn with his throat cut.",
        "He read it in the paper a week later: a death notice with every cousin in it but him.",
        "The village buried forty people the next day, in one long trench by the church.",
        "The raiders burned the town, and by morning there was no one left alive to bury them.",
        "The sniper on the ridge got her as she crossed the square, and she is still lying there in the snow.",
        "The telegram came in April: the War Office regrets to inform you that Private Hale fell at Arras.",
        "The paramedics worked on him in the alley for twenty minutes. Then they stopped.",
        "He went down the stairs backwards and lay at the bottom with his eyes open, staring, and didn't get up.",
        "I put two fingers at his throat like they do on the telly, and there was nothing there.",
        "The ambulance pulled away without its lights on, and I knew what that meant.",
        "In the morning there was a new name on the memorial stone.",
    ],
)
def test_death_without_a_death_word_warns(text: str) -> None:
    assert "death" in ids(text)
