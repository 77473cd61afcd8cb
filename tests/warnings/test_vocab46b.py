"""Grief, mental illness and violence told by what people do, not by the word (forty-sixth session,
vocab46b; /work/scratch/s46/docs/vocab46b.md).

Grief: the days after a death, told by the things left as they were (a toothbrush still in the
cup that nobody will move), a voice kept (a phone bill still paid for the voicemail, a last text
kept and reread), the rituals' paperwork (a prayer card, the guest book, choosing the headstone,
compassionate leave), the moment of forgetting they are gone, and "my late husband". Each is a
weak sign alone (0.4-0.6); two together warn. Their twins stay clean: a coat on the hook of someone
who has not left for work yet, forgetting someone is away for the weekend, a phone "grieved".
Every text here is new and short, written for the test, in general words."""

from __future__ import annotations

import pytest

from tests.warnings.passages import ids


@pytest.mark.parametrize(
    "text",
    [
        # forgetting, then reaching for the phone and remembering
        "most mornings, for a heartbeat, i forget he's dead. then i pick up my phone to text him "
        "about the match and remember, and put it face down on the duvet.",
        # a thing left where they left it, that nobody will move
        "grandad's reading glasses are still on the windowsill by the crossword. none of us will move them yet.",
        # a late husband and the habit of two cups
        "my late wife planted the roses by the gate. i still set out two mugs before i remember.",
        # the voice kept (the phone plan still paid) and his things left where they were
        "i still pay for his phone plan so the voicemail stays. "
        "his reading glasses are still on the windowsill by the crossword.",
    ],
)
def test_the_days_after_a_death_warn_grief(text: str) -> None:
    assert "grief" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        # someone away, not gone
        "i forgot she was gone for the weekend and cooked for two. she's back from leeds on sunday.",
        # a phone "grieved"
        "i'm grieving my old phone, honestly. three years of memes at the bottom of the canal.",
        # a breakup text, remembered
        "i reached for my phone to text her about the gig and then remembered she'd blocked me. fine.",
        # the house quiet because the kids went back to university
        "the flat is so quiet without the kids. they went back to uni on saturday and i miss the noise.",
        # a late husband mentioned in passing, years on
        "at the allotment show mabel tells the judge about her late husband's prize marrows and laughs.",
        # a father who still pays his grown daughter's phone bill
        "dad still pays for her phone plan even though she's twenty-six and earns more than him.",
        # a cake nobody will touch until the candles are lit
        "none of us will touch it. the cake waits on the counter until the candles are lit.",
    ],
)
def test_twins_of_the_days_after_stay_clean(text: str) -> None:
    assert "grief" not in ids(text)
