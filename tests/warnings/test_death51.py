"""Death not meant, and death told by what is left (fifty-first session, death51).

See docs/warnings-eval.md, "Fifty-first session", death51. The false deaths of the read sets
(last session's engineers' gate among them) come in senses the keyword rules had not learned: a
death that would have happened ("we'd have died"); a death in a film, a novel or a horror-film
night ("everybody dies at the end", "the babysitter dies first"); a speaker who says they have
been murdered; a murder only thought of; funerals as a kind of occasion, one's own funeral, a
funeral march; sleeping like the dead; somebody who lay still and then woke; a killed appetite, a
kill only mouthed, a stage murder played "like you mean it"; what someone inherits when a relative
dies one day; a pub quiz. Each narrowing has a warned twin: the same words where somebody died.
"""

from __future__ import annotations

import pytest

from tests.warnings.passages import ids


@pytest.mark.parametrize(
    "text",
    [
        "The gondola hung over the gorge for an hour. 'We'd have died if that cable snapped,' Ana said, laughing.",
        "The ropes were frayed right through. 'You could have been killed,' the instructor told him, and "
        "binned the harness.",
        "I finished the trilogy on the train. Everybody dies at the end, even the horse, and I cried at Crewe.",
        "My sister played the nurse who died in the first film, and now she signs autographs at conventions.",
        "Movie night at Priya's: the babysitter dies first, obviously, and then the dog, and we threw "
        "popcorn at the screen.",
        "The quarter-final went to penalties and I have been murdered, my heart is on the floor, stream the replay.",
        "From the stairs I heard the shrieking and thought someone had been murdered, but it was the "
        "darts team winning the league.",
        "Dad keeps a black tie in the car for weddings and funerals and a spare shirt for the rest.",
        "'I'll be making jokes at my own funeral,' Gran said, and wrote the hymn list on a napkin.",
        "The brass band practised the funeral march so badly that the vicar asked for the polka instead.",
        "After the night shift I slept like the dead until four and woke up starving.",
        "The gas bottle blast knocked him flat and he lay still on the lawn, then came round asking for his eyebrows.",
        "The night shifts were killing her appetite, so she lived on ice lollies all week.",
        "Across the meeting table Jo mouthed 'kill him' when Mark took the credit, and I bit my lip.",
        "He says when he dies I can have his fishing rods, if I learn to tie a fly.",
        "You run the quiz at the pub on Thursdays, and the history table knows the date the king was "
        "killed at Bosworth.",
        "The house play is Macbeth and Mr Hale has a headache. 'Lottie, murder him like you MEAN it.'",
    ],
)
def test_deaths_not_meant_do_not_warn(text: str) -> None:
    assert "death" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        # the warned twins: the same words where somebody has died
        "The ferry went down in the gale and the deckhand drowned in the harbour mouth.",
        "The ropes were frayed right through; the climber fell forty metres and was killed on the scree.",
        "Her grandmother died on a Tuesday in the hospice, with the radio still on.",
        "The detective told her at the door that her brother had been murdered in his flat.",
        "He was shot in the chest at the crossing and lay still in the road.",
        "The king was killed at Bosworth, and his men fled into the marsh.",
        "At the funeral his widow would not look at the coffin, and the vicar said a few words.",
    ],
)
def test_their_warned_twins_warn(text: str) -> None:
    assert "death" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        # one entry now holds both forms of a body part "dead" after effort (prec50's and death50's)
        "Six pitches of granite and my core is honestly dead, my forearms are dead and my ego is deader.",
        "After the karaoke final my vocal cords are officially murdered and I am drinking honey from the jar.",
        "My brain is dead after four exams, so I'm watching cartoons with the dog.",
        # ... and of a sound that dies, with a determiner or without one
        "Laughter died across the hall when the headteacher walked in with the inspector.",
        "His last high note slowly died and the audience clapped anyway.",
    ],
)
def test_merged_excludes_keep_both_forms(text: str) -> None:
    assert "death" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "The rescue team reached the ledge at noon. The climber was dead, his forearms still locked on the rope.",
        "The old tenor died in his sleep the night after his last concert, his voice gone quiet for good.",
    ],
)
def test_merged_excludes_twins_warn(text: str) -> None:
    assert "death" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        # a death told by the finding: someone found at an hour, where a body lies
        "The lodger didn't come down for breakfast. His landlady found him at nine on the bathroom floor, and the "
        "kettle she had put on for him boiled dry.",
        "Her brother went out to check the nets at dawn. They found him three days later in the reeds below the weir.",
        # ... or by what covers the dead
        "After the shelling they brought the boys back in on the duckboards and laid them in a row under the "
        "groundsheets.",
    ],
)
def test_deaths_told_by_the_finding_warn(text: str) -> None:
    assert "death" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "Mum found him at seven on the kitchen floor, surrounded by Lego, building a spaceship for the cat.",
        "We found her in the morning asleep on the landing with the torch still on and a book on her chest.",
        "They found them at noon face down in the sand, snorkels on, counting crabs in the rock pool.",
        "She pulled the sheet over her head and groaned when the alarm went off.",
    ],
)
def test_their_living_twins_stay_clean(text: str) -> None:
    assert "death" not in ids(text)
