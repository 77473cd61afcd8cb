"""Sexism, homophobia and ableism told in ways that recur across writers, and one racism false alarm
(fifty-seventh session, bias57).

Each rule was written for a way of telling found missed in at least three read sets by different writers:
- r57-sx-dressed-like-a-whore: a man telling a woman what she wears makes her look like a whore, a slut,
  a slag ("you look like a whore. change.", "he said it makes her look like a slut"), the control and the
  slur in one line;
- r57-sx-slept-her-way: a woman's job, part or promotion put down to sleeping with the boss, the captain,
  the producer ("or she slept with the captain", "only got the contract because she's sleeping with the
  producer"), beside the thing she got;
- r57-sx-favour-for-her-looks: the same told as flashing her tits at him, the chief fancying her, or the
  gig got "because of how she looks";
- r57-sx-where-she-belongs: "where she belongs" / "back where you belong" beside a sign that she is sent
  there for being a woman ("she's a woman", "a sword in a woman's hand", "out of the kitchen");
- r57-sx-a-wifes-place: "a wife's place is by her husband's side", "a lady's place in the choir is in the
  back row", the old saying with another noun;
- r57-dis-access-pretext: a wheelchair user (a guide dog, a hearing aid) turned away with a pretext:
  "sorry love, fire risk", "we're not really set up for... you know", "there is no disabled entrance round
  the back", the platform that is "full", "safety," he says;
- r57-homo-not-comfortable: a teammate or roommate "not comfortable" in the showers, the changing room or
  the room with someone who came out or is gay ("what if he tries something", switching rooms).
And r53-race-unspelled-slur no longer takes a swear word ("a word his dad used when the car wouldn't start")
for a racial slur.

Each twin uses the same words where nobody is put down: a hen do's "you look like a tart", dirty talk, a
mum's "you look like a tramp"; an affair that ended a marriage, a summer fling with a rowing captain; a cat
back on the sofa where she belonged, a ship in her harbour, a player back on the pitch; a lady's house in
town; a nurse moving a wheelchair from the heater, a café not set up for a party of twelve; a friend who
snores in a tent, a girl who came out of the shower. They stay clean."""

from __future__ import annotations

import pytest

from tests.warnings.passages import ids


@pytest.mark.parametrize(
    "text",
    [
        '"You\'re not going out in that," he said. "You look like a whore. Go and change." She changed.',
        "Her boyfriend said the red dress made her look like a slut, so it stayed at the bottom of the wardrobe.",
        '"it\'s too short," he says. "you look like a slag. do you want men staring at you?" you change.',
        "[Tash] her bf said that skirt makes her look like a slut and she's not allowed to wear it out",
    ],
)
def test_a_woman_told_she_looks_like_a_whore_warns_sexism(text: str) -> None:
    assert "sexism" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        '"God, you look like a slut for me," he groaned, and she pulled him down onto the bed.',
        '"you look like a tart," she laughed, zipping up her sister\'s sequin dress for the hen do.',
        "you look like a tramp, mum said, go and shave before the wedding.",
    ],
)
def test_hen_dos_dirty_talk_and_a_tramp_stay_clean_of_sexism(text: str) -> None:
    assert "sexism" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        '"She only got the contract because she\'s sleeping with the producer," the drummer said on the bus.',
        '"kinda wild she got lead detective," he says in the break room. "or she slept with the captain."',
        "He told the whole shift she must have flashed her tits at him to get the arrest. The lads laughed.",
        "She's only on the surgical team cos the chief fancies her, the registrars said in the scrub room.",
        "The journalist asked whether she'd got the gig because of how she looks, not who wrote the solos.",
    ],
)
def test_her_job_put_down_to_sex_or_looks_warns_sexism(text: str) -> None:
    assert "sexism" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "Their marriage ended because she was sleeping with the manager of the gym, and he moved to Leeds.",
        "That summer she slept with the captain of the rowing team and never told her mother.",
        "The coach likes her because she never misses a training session and always stays to tidy the cones.",
    ],
)
def test_affairs_and_a_coach_who_likes_her_stay_clean_of_sexism(text: str) -> None:
    assert "sexism" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "\"She's a woman. She'll slow us down and cry at the first wolf. Let her stay at the inn where she belongs.\"",
        "\"Out of the kitchen for once, girls? Don't worry, you'll be back where you belong soon enough.\"",
        'He spat at her boots. "A sword in a woman\'s hand is a joke. Go sleep in the nursery where she belongs."',
        "\"A wife's place is by her husband's side,\" he said, and locked the door again.",
        '"A lady\'s place in the choir is in the back row," the choirmaster told her, "not at the front."',
    ],
)
def test_a_woman_sent_where_she_belongs_warns_sexism(text: str) -> None:
    assert "sexism" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "The cat was back on the sofa where she belonged, and the women of the house were glad.",
        "The old ship was back in the harbour where she belonged; she's a lady, the harbourmaster said fondly.",
        "Tiana scored twice; the girls' team knew she was back on the pitch where she belongs.",
        "She was back in his arms, where she belonged, and the woman at the bar looked away.",
        "We stayed at a lady's place in town for the night; her cat was called Biscuit.",
        "My wife's place in the queue was ahead of mine.",
    ],
)
def test_cats_ships_pitches_and_houses_stay_clean_of_sexism(text: str) -> None:
    assert "sexism" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        '"sorry love, fire risk." you point at the ramp. he shrugs. your wheelchair stays outside with you.',
        "you use a wheelchair and the café has a step. the barista says 'sorry, we're not really set up "
        "for... you know.'",
        'the ticket guy says the wheelchair platform is full. it has one person on it. "safety," he says.',
        '"The disabled entrance is round the back," the bouncer told Mags in her wheelchair. There is no '
        "disabled entrance round the back.",
    ],
)
def test_a_wheelchair_user_turned_away_with_a_pretext_warns_ableism(text: str) -> None:
    assert "ableism" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "The nurse moved the wheelchair away from the heater. Fire risk, she said, and tucked the blanket round.",
        "We're not really set up for a party of twelve, the waiter said, but the girls in wheelchairs got the "
        "big table anyway.",
        "The ramp is round the back, the usher said, and pushed her wheelchair up it himself before the play.",
    ],
)
def test_heaters_parties_and_ramps_stay_clean_of_ableism(text: str) -> None:
    assert "ableism" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        'The coach pulled Jayden aside. "Some of the lads aren\'t comfortable. In the showers. You understand." '
        "Jayden had come out on Instagram the week before.",
        "my roommate found out i'm bi and asked the RA to switch rooms. 'what if he tries something,' he said.",
        "his dad pulled him from the club. 'i'm not having my son in a changing room with one of them.'",
    ],
)
def test_not_comfortable_in_the_showers_with_him_warns_homophobia(text: str) -> None:
    assert "homophobia" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        '"i\'m not comfortable sharing a tent with him, he snores like a train," said my gay best friend.',
        "She wasn't comfortable in the shower block; she came out of the shower in two towels.",
        "She wasn't comfortable in the dorm at first, but her girlfriend visited every weekend.",
    ],
)
def test_snoring_and_shower_blocks_stay_clean_of_homophobia(text: str) -> None:
    assert "homophobia" not in ids(text)


def test_a_swear_word_from_a_car_that_would_not_start_is_no_racial_slur() -> None:
    assert "racism" not in ids("At school they called him a word his dad used when the car wouldn't start.")


def test_the_word_a_grandfather_used_for_their_people_still_warns_racism() -> None:
    assert "racism" in ids(
        "The boys called him the word his grandfather used for people like us, and told him to go home."
    )
