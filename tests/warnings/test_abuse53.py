"""Abuse told by the abuser's voice, the victim's self-erasure, a witness's signs and a child's
ways of keeping safe; child abuse told by a belt and a count, a father awaited in fear, hiding when
he is drunk, "I wish you had never been born", starving as a punishment, a night locked out and a
plate thrown at a child's head (fifty-third session, abuse53; docs/warnings-eval.md
"Fifty-third session").

The probes behind these rules were written before any miss was read: 64 short tellings of a
partner or parent who controls, threatens, isolates, degrades or frightens, and 66 harmless twins
with the same words. Two kinds of rule came of them:

- light signs (weight 0.5) that are abuse only beside another sign in the same scene, since one of
  them alone is ordinary speech: the owner's voice ("where would you even go", "nobody cares about
  you like I do", "you're lucky I let you stay"), care as a pretext ("I'm not controlling", the
  passport taken "so it wouldn't get lost", locks "for your safety"), the victim's self-erasure
  (asks permission for everything, stopped calling her friends, "you're always sorry", silences
  that last for days), a witness's signs (bruises the shape of fingers, sunglasses on when it is
  raining, "she knew that kind of falling"), a child's ways of keeping safe (a chair against the
  bedroom door, headphones so he can't hear the shouting, knowing how to be very quiet, "the social
  will take me away");
- compositions that stand alone: "who said you could go out" beside a person, apologising for
  things she didn't do, bruises where nobody would see, "if he finds out I told you he'll hurt me",
  "he doesn't hit me, he just yells", "if I leave he'll kill himself" beside "my fault".

Every text is new and written for the test. Each warning case failed before the change; each twin
stays clean.
"""

from __future__ import annotations

import pytest

from tests.warnings.passages import ids, story_ids


@pytest.mark.parametrize(
    "text",
    [
        '"I\'m not controlling," he said, turning her phone over in his hand. "Where would you even go?"',
        'She stopped calling her old friends years ago. "They only put up with you because of me," he says.',
        '"Who said you could go out?" he asked, and hung her coat back on the hook.',
        "I keep apologising for things I didn't do, just so the evening stays calm.",
        "The bruises were always somewhere nobody would see.",
        "if he finds out i told u he'll hurt me. he's done it before",
        '"He doesn\'t hit me," she said. "He just yells. And throws things."',
        "He says if I leave he'll kill himself, and it'll be my fault.",
        "Mum has her sunglasses on even when it's raining, and I know how to be very quiet when Dad's been drinking.",
    ],
)
def test_the_owner_s_voice_self_erasure_and_a_witness_s_signs_warn_abuse(text: str) -> None:
    assert "abuse" in ids(text)


def test_two_light_signs_in_neighbouring_paragraphs_of_a_scene_warn_abuse() -> None:
    scene = [
        '"I\'m not controlling," he said, smiling at her across the table.',
        '"Where would you even go?" he asked her later, washing up.',
    ]
    assert "abuse" in story_ids([scene])


@pytest.mark.parametrize(
    "text",
    [
        "He hit me with his belt across the backs of my legs and made me count.",
        '"Wait till your father gets home," Mum said, and I went cold all over.',
        "When Dad was drunk we hid under the bed and held our breath.",
        "My mother told me every day that she wished I had never been born.",
        "They starved him as a punishment for answering back.",
        "Mam locked us out all night in the rain because we came home late.",
        "Dad threw a plate at my head, and said next time he wouldn't miss.",
    ],
)
def test_a_belt_a_dreaded_father_hiding_and_a_night_locked_out_warn_child_abuse(text: str) -> None:
    assert "child-abuse" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "he went through my phone to find the photo of the cat i wanted to show him",
        '"Who said you could borrow my jumper?" she laughed, stealing it back off the sofa.',
        "u cant tell anyone ok? if he finds out i told u about the surprise party he'll kill me lol",
        '"Wait till your father gets home," Mum said, grinning, "he\'ll want to see your certificate."',
        "She wore long sleeves in July because the air conditioning in the office was freezing.",
        "You're not going anywhere, are you? Stay for pudding, there's trifle.",
        "The pharmacy cupboard stays locked for your safety, the nurse said, and smiled.",
        "My little brother knows how to be very quiet when we play hide and seek.",
        "She wedged a chair under the handle of the hotel wardrobe to stop it swinging open.",
        "He never once raised his voice at me, not in thirty years of marriage.",
        "My parents were strict about bedtime and homework but they never hit us.",
        "Dad threw the frisbee over my head and said next time he'd aim better.",
        "She wore her sunglasses indoors all through the band's set, like a rock star.",
        "The supervisor reads your emails aloud to the team every Monday, which is mortifying.",
    ],
)
def test_a_joke_a_kind_parent_and_a_rock_star_s_sunglasses_stay_clean(text: str) -> None:
    assert not {"abuse", "child-abuse"} & ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "When Dad was home we tiptoed past the living room door.",
        "His key in the door, and her stomach dropped.",
        # the warned twin of test_abuse41's surprise party, which r53-arrive-dread's `unless` lets pass
        "When he got home we all went very quiet and waited to see what mood he was in.",
        "Headlights swept across the kitchen wall, and she waited to see which version of him would come in.",
    ],
)
def test_dread_at_his_homecoming_warns_abuse(text: str) -> None:
    assert "abuse" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "When he got home from the base she ran down the drive to hug him.",
        "His key in the door, and the dog went very still, then barked and spun in circles.",
        "Before Dad gets home we hide his birthday cake in the shed.",
    ],
)
def test_a_glad_homecoming_and_a_hidden_cake_stay_clean(text: str) -> None:
    assert not {"abuse", "child-abuse"} & ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "The boy flinches whenever anyone raises a hand near him.",
        "Her stepmother would make her stand in the hallway for hours with her nose to the wall.",
    ],
)
def test_a_child_who_flinches_at_a_raised_hand_or_stands_for_hours_warns_child_abuse(text: str) -> None:
    assert "child-abuse" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "The goalkeeper flinches whenever anyone raises a hand near the ball.",
        "Mum made us stand in the hallway for hours waiting for the taxi to the airport, laughing the whole time.",
    ],
)
def test_a_goalkeeper_and_a_long_wait_for_a_taxi_stay_clean_of_child_abuse(text: str) -> None:
    assert "child-abuse" not in ids(text)
