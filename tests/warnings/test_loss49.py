"""Grief told without its words, as compositions of word classes (forty-ninth session, loss49;
/work/scratch/s49/docs/loss49.md).

A loss is told by what the living go on doing: a grave that is still bare earth with her name on a
marker, and what is said to her there; a family sitting with the dead a while before the undertaker
comes; beds kept made, a coat kept on its hook, since a funeral or an accident; the crew that stands
round a body saying nothing while someone reads; a dead man's things kept, dusted, sorted into bin
bags. Each rule needs two or three such classes anywhere in one paragraph: a sign of the dead (a
grave, ashes, a funeral, a hospice, "since the accident", "she died") and a sign of the living left.

The twins keep the words in lives that go on: a famous grave visited on holiday, a nan who says
she'll take a recipe to her grave, a nurse who sits with a patient who wakes up fine, a dad's bike
dusted every week since a crash he walked away from, a crew standing round a broken engine. Every text here is new and
short, written for the test, in general words."""

from __future__ import annotations

import pytest

from tests.warnings.passages import ids


@pytest.mark.parametrize(
    "text",
    [
        # a resting place tended: the grave still bare, her name on a marker, talked to
        "There is no headstone yet, just the mound and a plastic marker with her name on it. Jo "
        "kneels on a carrier bag and tells her about the allotment and the neighbour's new dog.",
        "Grandad's urn lives on the mantelpiece. On his birthday Nan pours two sherries and tells "
        "him about the grandchildren.",
        # the family with the dead before the undertaker
        "Uncle Pat? He passed away just after midnight. We sat with him a while, all of us, and my "
        "sister opened the window the way our granny always did.",
        "The nurse said he'd slipped away while we were getting coffee. Mum held his hand a while "
        "longer and didn't know what else to do.",
        # kept on, since a death
        "He died in the spring, on the bypass. His mum still makes up his room every Friday, and nobody says anything.",
        # a dead man's things, kept and sorted
        "After the hospice called, Dad went up to the loft with bin bags. He came down an hour "
        "later with nothing in them, holding Gran's cardigan.",
        "Her brother's helmet came back from the hospice in a carrier bag. It sits on the garage "
        "shelf and she dusts it every Saturday.",
    ],
)
def test_grief_told_by_the_living_warns(text: str) -> None:
    assert "grief" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        # a famous grave on holiday
        "In Paris we queued to see Oscar Wilde's grave, which is covered in lipstick kisses, and "
        "every tourist takes the same photo.",
        # a living nan's joke
        "Nan says she's taking the gravy recipe to her grave, and every Sunday she tells us about "
        "the time the vicar asked for it.",
        # a patient who wakes fine
        "The nurse sat with her a while and held her hand until the sedation wore off. The surgery "
        "went fine and she was home by Friday.",
        # a coat kept for a dad working abroad
        "Since the crash on the ring road Dad works from home. His bike sits in the shed and he "
        "dusts it every Saturday, swearing he'll ride again by spring.",
        # a crew and a dead engine
        "The engine died halfway up the pass. The crew stood round it not saying anything while "
        "the mechanic read something from the manual.",
    ],
)
def test_living_twins_stay_clean_of_grief(text: str) -> None:
    assert "grief" not in ids(text)
