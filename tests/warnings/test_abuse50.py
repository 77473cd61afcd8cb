"""Abuse told as control, isolation and belittling, by compositions of words (fiftieth session,
abuse50; /work/scratch/s50/docs/abuse50.md).

On both blind gates of the forty-ninth session most abuse misses fired no abuse rule at all.
scene49's composition (a person x control x fear) was right in shape, but its third class was too
narrow: a controlling partner's paragraph names two or three ways of control (the bank card, the
clothes, the friends she may see, the phone) and a belittling word, and often no fear word at all.
These rules ask for three wide classes of words anywhere in one paragraph, each a class in
rules.json (``@abuse-who``, ``@abuse-control``, ``@abuse-fear``, ``@abuse-isolate``,
``@abuse-belittle``):

- a person x control x fear or appeasement (flinching, apologising again or before she speaks,
  eggshells, his moods);
- a person x control x isolation (can't see her sister, stopped seeing my friends, a bad influence);
- a person x control x belittling (useless, pathetic, thick, embarrassing, nothing without me);
- a person x isolation x belittling;
- and, at half weight (a second abuse rule must agree), his excuse for her injury (she tripped,
  clumsy, walked into a door) x the injury (her wrist, a black eye, the wrong way).

Control names a person as its subject or its owner: "I'm not allowed", "took her phone", "reads my
texts"; a place's rule ("phones are not allowed in the library") is not control of anyone. A bare
apology is no fear (a nurse takes a phone for a scan and she apologises for the ringtone); an apology
again, first or before she speaks is. Every text
is new and written for the test. Each warning case failed before the change; each twin stays clean.
"""

from __future__ import annotations

import pytest

from tests.warnings.passages import ids


@pytest.mark.parametrize(
    "text",
    [
        "He holds her phone overnight, and she has started apologising before she speaks.",
        "Her location sits on his phone all day, and she stopped seeing her friends after the summer.",
        "He checks her bank app every night and tells her she's thick with money, and she nods.",
        "She went through his pockets for receipts and said he was pathetic, a grown man hiding a coffee.",
        "He says her friends think she's embarrassing, and she can't go out with her friends now without a row.",
        "Her brother-in-law says she's clumsy; the bruise on her arm was the size of a plum, and he answered"
        " every question for her.",
    ],
)
def test_control_isolation_and_belittling_warn_abuse(text: str) -> None:
    assert "abuse" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "Mum took my phone at ten because of exams and I apologised for being grumpy; we laughed about it at"
        " breakfast.",
        "The coach took my phone for the match day, like everyone's, and I apologised for being late to the bus.",
        "phones are not allowed in the library, the librarian said, and he apologised to the girl whose book he"
        " had knocked over.",
        "The cashier counts the money in the till at six, and he apologises to the last customer for the queue.",
        "The nurse took her phone for the scan, and she apologised for the ringtone going off; he said not to worry.",
        "My friends said the film was stupid, so we stopped seeing films at the Odeon and went bowling instead.",
        "He slipped on the ice and broke his wrist; she tripped over his bag in the hall later and laughed at"
        " how clumsy they both were.",
        "Dad says we're allowed to eat pancakes for dinner tonight, and my brother calls the pancakes stupid"
        " and pathetic until Dad laughs.",
    ],
)
def test_a_place_s_rules_a_parent_s_curfew_and_a_fall_stay_clean(text: str) -> None:
    assert "abuse" not in ids(text)
