"""Death and abuse learned from the misses of many sets at once (forty-second session;
docs/warnings-eval.md, "Forty-second session", "miss42").

Each case is written in general vocabulary, not copied from a set. Change 1: a death told by what
a body does after a blow (lies still, folds over, does not move again, eyes open to the sky, simply
gone) in the same paragraph as the weapon or blast that did it; the same stillness without a
weapon, an animal shot, and a man who did not get up but lived stay clean."""

from __future__ import annotations

import pytest

from tests.warnings.passages import ids


@pytest.mark.parametrize(
    "text",
    [
        "The second shell landed on the farmhouse roof, and when the dust cleared the kitchen was simply gone, and so was everyone in it.",
        "The sniper's bullet took the corporal as he stood up to look, and he crumpled over the parapet and did not move again.",
        "Three shots from the alley. The courier folded down onto the wet cobbles beside his bicycle and lay very still.",
        "the blade went in under his arm and he sat down in the mud, almost politely, and did not get up, his eyes still open.",
        "After the volley the woman by the well lay on her back, staring up at the sky with her basket still on her arm.",
    ],
)
def test_a_body_still_after_the_blow_is_death(text: str) -> None:
    assert "death" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "She lay very still in the dark until the fox in the garden stopped screaming, then went back to sleep.",
        "The shot rang out and the old horse folded down into the straw, and then lay still while the vet packed up.",
        "The bottle hit his head and he did not get up again, though he lived, and woke in the hospital asking for his dog.",
        "He fired the starting pistol and the whole field folded over their knees at the line, gasping, laughing.",
    ],
)
def test_the_same_stillness_without_a_person_killed_is_not(text: str) -> None:
    assert "death" not in ids(text)


# Change 2: a person kept in (a door locked from outside, no handle on the inside, a window
# painted shut, a phone or a wheelchair taken) with the keeper's pretext of care in the same
# paragraph ("for your own good", "i just want to keep you safe", "because i love you").


@pytest.mark.parametrize(
    "text",
    [
        "Since the wedding the bedroom door locks from the outside. For your own good, he says, kissing her hair, you get so confused at night.",
        "Her son took her hearing aids and her phone, and now he does all the talking when the doctor rings. It's safer, he tells the neighbours. She wanders.",
        'you wake up and the front door needs a key from the inside now. "i just want to keep you safe, baby," he says, pocketing it.',
        "Dad took the door off my bedroom the night he found the letters. I'm doing this because I love you, he said, screwdriver in hand.",
    ],
)
def test_kept_in_for_your_own_good_is_abuse(text: str) -> None:
    assert "abuse" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "We lock the gate from the outside at night for safety; the foxes get into the bins otherwise.",
        "The nurse took his glasses for safe keeping while he was in surgery, and gave them back in recovery.",
        "Mum keeps my keys on a hook by the door for safety, since I lose them every week, and we laugh about it.",
        "The teacher kept my phone in her desk until the end of the day, it is the school rule, for your own good she said.",
        '"stop texting him," my best friend says, and takes my phone, and sits on it. "for your own good." we both scream laughing.',
    ],
)
def test_a_lock_or_a_taken_thing_with_care_and_no_keeper_is_not(text: str) -> None:
    assert "abuse" not in ids(text)


# Change 3: a death someone is told of as a lie or kept belief ("had been told her son was dead",
# "the village was told the duke had died", "told the boy his real mother was dead", "would not
# let anyone tell her he was dead") is not narrated as happening: the `die` and `body` hits on it
# do not count. A death told as news ("the doctor told her that her son had died") still warns.


@pytest.mark.parametrize(
    "text",
    [
        "She had been told her son was dead, and for nine years she believed it; he was in a cellar in the next county.",
        "They told the boy his real mother was dead, so he would stop asking to go home.",
        "The village was told the old duke had died of a fever. In truth he lived on in the tower for years.",
        "She would not let anyone tell her he was dead, and she set his place at the table every night.",
    ],
)
def test_a_death_told_as_a_lie_or_a_belief_is_no_death(text: str) -> None:
    assert "death" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "The doctor came out at six and told her that her son had died in the night.",
        "He died in the night, and the nurse told us at six.",
    ],
)
def test_a_death_told_as_news_still_warns(text: str) -> None:
    assert "death" in ids(text)
