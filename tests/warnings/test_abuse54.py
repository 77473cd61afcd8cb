"""Abuse told the way several blind writers told it, and the light signs of the fifty-third session
narrowed (fifty-fourth session, abuse54; docs/warnings-eval.md "Fifty-fourth session").

- Narrowed: two of abuse53's light signs (weight 0.5, abuse only beside a second sign in the same
  scene) read ordinary speech. "You'll never leave me" is what a flatmate whispers to a sourdough
  starter and what a film trailer's villain says; "asked for anything" is a radio request. Now the
  owner's voice has no "you'll never leave", and self-erasure needs asking permission, or asking
  before everything.
- Three ways of telling abuse that recur across the blind writers' sets (fresh50a-53b), each written
  as the way's vocabulary, not a passage's:
  - crockery thrown at a partner: a mug, a plate, a glass or a bottle thrown at her (or one that
    "missed her"), beside its sign: it missed, it hit her, "the second time it didn't", shards, her
    grabbed by the hair (a frisbee, a bouquet, a cushion and a dart stay out);
  - the captor who calls it care: "you're safer here", "the world is full of men who'd hurt you",
    "for safekeeping", "he was protecting me", beside a passport, a phone or a bank card taken, a
    lock on the outside, not allowed to leave or never outside (a hotel safe, a lifeguard, a
    museum's locks, a mother's advice to text from the party stay out);
  - a child's or partner's door taken off so they can be watched: the door off its hinges, "no door
    on my room", beside its purpose (supervised, keep an eye on, no privacy, a phone taken, the
    messages or the diary read, "until you stop this nonsense"); a door off for a wardrobe, for
    paint or in a storm stays out.

Every text is new and written for the test. Each warning case is the warned twin of a narrowing or
failed before its change; each harmless twin stays clean.
"""

from __future__ import annotations

import pytest

from tests.warnings.passages import ids, story_ids


@pytest.mark.parametrize(
    "scene",
    [
        [
            'My flatmate whispers "you\'ll never leave me" to her sourdough starter every morning.',
            "On the hospital radio someone asked for anything with bagpipes, so he played three songs.",
        ],
        [
            "The trailer has a clown and a man who keeps whispering 'you'll never leave'.",
            "My brother asks for anything with extra cheese, and we share the big popcorn.",
        ],
    ],
)
def test_a_sourdough_starter_and_a_radio_request_stay_clean(scene: list[str]) -> None:
    assert not {"abuse", "child-abuse"} & story_ids([scene])


def test_asking_his_permission_before_everything_still_warns_beside_the_owner_s_voice() -> None:
    scene = [
        "She asked his permission before everything, even buying milk.",
        '"Where would you even go?" he said, when she mentioned her sister.',
    ]
    assert "abuse" in story_ids([scene])


@pytest.mark.parametrize(
    "text",
    [
        "the first time he threw a plate it missed. the second time it didn't.",
        "She flung the glass at me and it caught me above the eye.",
        "He hurled the teapot at her, and then he grabbed her by the hair.",
        "The saucepan missed her by a hair and dented the fridge door.",
        "he threw the remote at my face because I changed the channel.",
    ],
)
def test_crockery_thrown_at_a_partner_warns_abuse(text: str) -> None:
    assert "abuse" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "He threw the frisbee and it missed the dog entirely.",
        "She flung the tea towel over her shoulder and grinned at me.",
        "He chucked the empty bottle into the recycling and missed, and we all booed.",
        "She threw the bouquet and her sister caught it.",
        "He lobbed a cushion at my head and I threw it back, giggling.",
        "The dart missed the board and hit the wall; the pub cheered.",
    ],
)
def test_a_frisbee_a_bouquet_and_a_cushion_stay_clean(text: str) -> None:
    assert not {"abuse", "child-abuse"} & ids(text)


@pytest.mark.parametrize(
    "text",
    [
        '"You\'re safer here," she said, and turned the key on the outside of my door.',
        "Dad says the world is full of men who'd hurt us, so we're not allowed to go outside.",
        "the boss took all our phones for safekeeping. we haven't been outside the farm in a month.",
        "she said she was protecting me. she kept my passport and my phone.",
        "He says everyone out there is dangerous. I haven't been outside in six weeks.",
    ],
)
def test_the_captor_who_calls_it_care_warns_abuse(text: str) -> None:
    assert "abuse" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "Leave your passport in the hotel safe for safekeeping, the guide said.",
        "Mum says the world is full of men who'd hurt you, so text me when you get to the party, love.",
        "The museum keeps the crown jewels behind three locks for safekeeping.",
        "Keep your phone in your bag for safekeeping on the night bus.",
        "The lifeguard kept our phones for safekeeping while we swam.",
        "The shed is locked from the outside because the goats learned to open the latch.",
        "He said he was protecting me from spoilers and put his hand over my eyes.",
    ],
)
def test_a_hotel_safe_a_lifeguard_and_a_mother_s_advice_stay_clean(text: str) -> None:
    assert not {"abuse", "child-abuse"} & ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "Dad took my bedroom door off its hinges so he could keep an eye on me.",
        "After they found the messages, her door was removed from its hinges and her phone went in his desk.",
        'no door on my room for a year. "privacy is for people with nothing to hide," he said.',
        "He took her door off as a punishment and said she'd get it back when she stopped this nonsense.",
        "Her father had the door off her room so he could hear who she talked to.",
    ],
)
def test_a_door_taken_off_so_she_can_be_watched_warns_abuse(text: str) -> None:
    assert "abuse" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "We took the bedroom door off its hinges to get the new wardrobe in.",
        "Dad took the door off to plane the bottom because it stuck in winter.",
        "She lifted the cupboard door off its hinges to paint it sage green.",
        "The wind blew the shed door clean off its hinges.",
        "I took my wardrobe door off because it squeaked, and watched a film while the glue dried.",
    ],
)
def test_a_door_off_for_a_wardrobe_paint_or_a_storm_stays_clean(text: str) -> None:
    assert not {"abuse", "child-abuse"} & ids(text)
