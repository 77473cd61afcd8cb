"""Harmless senses that warned on warning-free text, narrowed by sense (fifty-fourth session, fp54;
docs/warnings-eval.md, "Fifty-fourth session").

Each must-not-warn text is written for the test and was a confident warning before its change: a story
watched, read or sung (a medical drama or a hospital rerun yelled at, old cowboy and gangster films, a
country song about a dead dog, a manga's dead horse, an actor told to think of his dog dying to cry on
cue), a game or a sport (a streamer's boss deaths, a ranked match spent spawn camped, a fencer's "you
are dead, sir", an archery contest's arrow through the heart, legs that "died" on the pitch), and war
as a household figure (a tea war at the cricket club, a toddler's invasion of the breakfast table,
people on a lawn "looking like refugees" in a fire drill), idioms whose literal sense is a harm (a
miscarriage of justice, a story "brought up in the speech", mourning one's dignity), a bake "flat as a
pancake", a hospital show's finale, and a negation ("nobody died" at the vet's). Each warned twin uses
the same words where the harm is real and must still warn."""

from __future__ import annotations

import pytest

from tests.warnings.passages import ids


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # a story watched, read or sung
        (
            "Medical dramas are my mum's weakness; she yells at the telly every time the surgeon grabs the"
            " defibrillator without checking the monitor.",
            "procedures",
        ),
        (
            "Rerun night: on the couch, Grey's Anatomy, a surgeon screaming for the crash cart while Dev eats"
            " all the crisps.",
            "procedures",
        ),
        (
            "Grandad falls asleep in front of old cowboy films, the kind where everybody gets shot off the"
            " saloon roof, and wakes up for the credits.",
            "violence",
        ),
        (
            "Dad loves gangster films, every man in them gets shot in the back of a car, and he quotes every"
            " line at dinner.",
            "violence",
        ),
        (
            "There's a country song about a dead dog on every station out here; the dog dies in the last verse"
            " and they bury him under the porch, and Lou sings along.",
            "animal-death",
        ),
        (
            "In the manga she rides into battle on her dead horse's memory, and I have cried at chapter forty"
            " about six times.",
            "animal-death",
        ),
        (
            "On the fifth take the actor still couldn't cry on cue, so the director told him to think of his"
            " dog dying, and he laughed.",
            "animal-death",
        ),
        # a game or a sport
        (
            "the streamer died to the same boss forty times and chat started a funeral fund for her dignity,"
            " she is dead inside, she said.",
            "death",
        ),
        (
            "got spawn camped in ranked for an hour, everyone on my team died, i died fourteen times, i'm dead,"
            " bury me.",
            "death",
        ),
        (
            "'Touché,' said the fencer. 'You are dead, sir, thrice dead.' 'I am mortally wounded,' he said, and"
            " staggered to the bench, laughing.",
            "death",
        ),
        (
            "At the archery contest Miss Vane put her arrow through the heart of the target and her brother"
            " fell over, mortally wounded, in mock despair.",
            "death",
        ),
        (
            "I've just come off the pitch and my legs have died, actually dead, rest in peace to my hamstrings.",
            "death",
        ),
        # war as a household figure
        (
            "The tea war at the cricket club has been going for three summers, and the twelfth man is always"
            " caught in the crossfire.",
            "collective-violence",
        ),
        (
            "The warlord's invasion of the breakfast table began at seven: my toddler, armed with a spoon, took"
            " the cereal box, and the war raged on.",
            "collective-violence",
        ),
        (
            "We stood on the lawn looking like refugees from a zombie film until the firefighters gave the all"
            " clear and we went back to bed.",
            "collective-violence",
        ),
        # idioms whose literal sense is a harm
        (
            "The referee waved the penalty away, and the whole stand called it a miscarriage of justice and booed"
            " him down the tunnel.",
            "miscarriage",
        ),
        (
            "Losing the quiz on a technicality was, Gran said, a miscarriage of justice, and she wrote to the pub"
            " about it.",
            "miscarriage",
        ),
        (
            "She never let me forget the curry incident; she even brought it up in her speech at our wedding,"
            " and everyone laughed.",
            "vomit",
        ),
        (
            "At the team meeting Dev brought it up in the review again, the printer jam, and I wanted to sink"
            " through the floor.",
            "vomit",
        ),
        (
            "Lost the final 9-0, so tonight I will sit in the dark and mourn my dignity with a family-size bag"
            " of crisps.",
            "grief",
        ),
        # a bake flat as a pancake, a hospital show watched
        (
            "The cake came out flat as a board, and the judges still said the flavour was lovely and the crumb"
            " was soft.",
            "body-shaming",
        ),
        (
            "My sponge was flat as a pancake, which at least made it easy to stack, and the judge said the"
            " flavour was there.",
            "body-shaming",
        ),
        (
            "The hospital show's finale was brutal: the surgeon lost the patient on the table, the monitor"
            " flatlined, and the whole ward went quiet. Mum cried into the popcorn and Dad pretended he wasn't"
            " crying.",
            "death",
        ),
        # a negation: nobody died at the vet's
        (
            "At the vet's today: three dogs, one tortoise, one hamster. Everyone went home. Nobody died. Best kind"
            " of day.",
            "animal-death",
        ),
        ("The vet nurse held the cat for his jabs; nobody died, everyone went home.", "animal-death"),
    ],
)
def test_stories_watched_games_sport_household_wars_and_idioms_stay_clean(text: str, category: str) -> None:
    assert category not in ids(text)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        (
            "The surgeon shocked him twice with the defibrillator, and the crash team worked on him until the"
            " monitor showed a rhythm.",
            "procedures",
        ),
        (
            "The outlaw shot the sheriff in the back on the saloon roof, and he fell into the street and died"
            " in the dust.",
            "violence",
        ),
        (
            "The dog was hit by a truck on the highway, and Lou found him dead by the verge and buried him"
            " under the tree.",
            "animal-death",
        ),
        (
            "He shot her through the heart with the rifle from across the yard, and she died before the"
            " ambulance came.",
            "death",
        ),
        (
            "The ball hit him in the face and he went down, and then the other man kicked him in the head"
            " until he stopped moving and died.",
            "death",
        ),
        (
            "The soldiers fired on the refugees at the border crossing, and the shelling went on all night"
            " over the camp.",
            "collective-violence",
        ),
        (
            "The invasion came at dawn, tanks through the town and soldiers shooting into the houses, and by"
            " noon the streets were full of bodies.",
            "collective-violence",
        ),
        (
            "She lost the baby at twelve weeks; the miscarriage came on a Tuesday, and the midwife held her hand"
            " in the little room.",
            "miscarriage",
        ),
        (
            "He was sick all night, he brought it all up into the bucket by the bed, and the nurse changed the"
            " sheets twice.",
            "vomit",
        ),
        ("They mourned their son for a year; his mother wore black and could not go into his room.", "grief"),
        (
            '"You\'re flat as a board," he sneered at her in the changing room, "no man will ever look at you twice."',
            "body-shaming",
        ),
        (
            "The surgeon lost the patient on the table; the monitor flatlined, and at four in the morning they"
            " called time of death.",
            "death",
        ),
        (
            "I'd just come off the pitch when Coach told me Dad had died in the crash on the motorway.",
            "death",
        ),
        ("His legs were crushed under the car and he died before they could cut him out.", "death"),
        (
            "At the vet's today the old collie died on the table; nobody could save him, and his owner cried in"
            " the car park.",
            "animal-death",
        ),
    ],
)
def test_the_same_words_where_the_harm_is_real_still_warn(text: str, category: str) -> None:
    assert category in ids(text)
