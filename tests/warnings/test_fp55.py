"""Harmless senses that warned on warning-free text, narrowed by sense (fifty-fifth session, fp55;
docs/warnings-eval.md, "Fifty-fifth session").

A mock funeral proposed in the first person for a thing: "we'll hold a service", "we should have a
funeral for the joke", "you'll give the eulogy" over a phone in the harbour, a sandcastle, a mug or a
VCR. Writers of seven read sets tell a lost thing this way and never a death; a real funeral is "the
funeral", "his funeral", and comes with the death told. Each must-not-warn text is written for the
test and was a confident warning before its change; each warned twin uses the same words where the
death is real and must still warn."""

from __future__ import annotations

import pytest

from tests.warnings.passages import ids


@pytest.mark.parametrize(
    "text",
    [
        # a mock funeral for a thing, proposed by "we" or "I", the eulogy given by "you" or "I"
        "My phone slid off the pier into the harbour. We should hold a service. I'll give the eulogy: it had all my"
        " memes.",
        "The goldfish cracker bag is empty. We must hold a memorial. I will read the eulogy for the cheese ones.",
        "Our sandcastle lost to the tide. Let's hold a memorial service, and you'll give the eulogy since you built"
        " the moat.",
        "The group chat went silent after my pun. We should have a funeral for the joke. I'll write the eulogy.",
        "Her favourite mug cracked in the dishwasher. We're gonna hold a funeral on the windowsill and I will do the"
        " eulogy.",
        "Grandma's ancient VCR ate the wedding tape. We will hold a service for it tonight; you'll give the eulogy,"
        " Uncle Raj.",
    ],
)
def test_a_mock_funeral_for_a_thing_does_not_warn(text: str) -> None:
    found = ids(text)
    assert "death" not in found
    assert "grief" not in found


@pytest.mark.parametrize(
    "text",
    [
        "Grandad died on Tuesday night in the hospice. We are going to hold the funeral on Friday and Mum has asked"
        " me to read something.",
        "She died in her sleep at ninety-one. We'll hold a small service at the chapel, and I'll give the eulogy,"
        " though I can't stop crying.",
        "They found his body in the river on Sunday. We should hold a memorial, his sister said, because there is"
        " nothing else left to do.",
        "The doctor came out and said she was sorry, he had died on the table. We will have to plan the funeral,"
        " Mum whispered.",
        "Dad passed away last night. I'm going to have to give the eulogy and I don't know how to stand up there"
        " without him.",
        "The baby died two days after she was born. We'll have a tiny service, just us, and we'll bury her under"
        " the willow.",
        "After the crash the police came to the door and told us Sam had been killed. We will have a funeral next"
        " week, the vicar said.",
    ],
)
def test_a_real_funeral_still_warns(text: str) -> None:
    assert "death" in ids(text)
