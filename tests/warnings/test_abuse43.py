"""Abuse told by how a home is run, not by the word (forty-third session; docs/warnings-eval.md,
"Forty-third session", "abuse43").

The new frames are weak signs (0.5): a blow inside a family or a couple, a door taken off a
teenager's room, a threat to out someone, their things burned or torn up, a household read by
its footsteps and car keys, a punishment by kneeling or standing out, weighing someone each
week (an older rule's "every sunday" now also reads "on sundays"), the "he doesn't forbid it, he just sulks" of control without a rule, and a pill or a phone
handed back only when earned. One alone stays clean; two together warn. Every text here is new
and short, written for the test, in general words."""

from __future__ import annotations

import pytest

from tests.warnings.passages import ids


@pytest.mark.parametrize(
    "text",
    [
        # a blow at home, and the door taken off the room
        "her father slapped her so hard she fell against the sink. the next day he took her bedroom door off its hinges.",
        # a threat to out him, and his sketchbooks burned
        "your parents would love to see these photos, he says. that night he put my sketchbooks on the fire.",
        # the house read by its car keys, and a punishment
        "we learned to listen for his keys. on bad nights he sent me to stand in the garage until dark.",
        # weighed by him each week, and a sulk instead of a rule
        "he weighs her on sundays and writes it down. he doesn't forbid cake, exactly. he just sulks for days.",
        # the pill handed back when earned, and fear when the phone rings
        "i get one in the morning if he thinks i've earned it. i still flinch when the phone rings.",
    ],
)
def test_two_household_frames_of_abuse_warn(text: str) -> None:
    assert "abuse" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        # one frame alone stays clean
        "we took the wardrobe door off its hinges to get it up the stairs, then put it back.",
        "she tore the old bank statements into strips for the compost heap, as the website said.",
        "at the clinic the nurse weighs her on tuesdays, and writes the number in the red book.",
        # a brother's play fight and a game night are not a blow at home
        "my brother beats me at chess every sunday, and my dad keeps the score on the fridge.",
        # a quiet game for a baby who is asleep
        "we played the quiet game in the car so the baby could sleep, and my sister won a biscuit.",
    ],
)
def test_one_frame_or_a_near_miss_stays_clean(text: str) -> None:
    assert "abuse" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        # a hostage of a deadline or a chore, and a game's forfeit
        "i am being held hostage by this spreadsheet, and the coffee machine is broken again.",
        "at the party game we were blindfolded, and the winners took my left shoe hostage till midnight.",
        # a scuffle in a car park is not someone taken into a car
        "outside the club two lads were rolling on the car park tarmac, grabbing at each other's jackets.",
    ],
)
def test_a_figurative_hostage_or_a_car_park_is_not_kidnapping(text: str) -> None:
    assert "kidnapping" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "the gunmen held the passengers hostage for three days on the runway.",
        "a van pulled up beside her and two men bundled her into the back of it.",
    ],
)
def test_a_real_hostage_or_a_snatch_into_a_van_is_still_kidnapping(text: str) -> None:
    assert "kidnapping" in ids(text)


def test_your_kind_next_to_a_queer_word_is_homophobia() -> None:
    # racism still reads the line too (see docs/warnings-eval.md, abuse43, change 3): the engine
    # has no "unless a queer word is in the paragraph", and the sets tell a landlord's racism by
    # a name alone
    text = "after the pride march the landlord told the lesbian couple he won't rent to your sort."
    assert "homophobia" in ids(text)


def test_your_kind_next_to_a_race_word_is_not_homophobia() -> None:
    found = ids("she saw the black family at the door and told them we don't rent to your kind, sorry.")
    assert "racism" in found
    assert "homophobia" not in found


@pytest.mark.parametrize(
    "text",
    [
        "at the retreat the counsellor said it was a wound, not an identity. we confessed same-sex attraction in a circle.",
        "he learned to say he was healed. group met twice a day to confess our struggles with same-sex attraction.",
    ],
)
def test_conversion_language_is_homophobia(text: str) -> None:
    assert "homophobia" in ids(text)


def test_a_wound_and_a_prayer_alone_are_not_homophobia() -> None:
    assert "homophobia" not in ids("the nurse said it was a wound, not an infection, and we prayed over the stitches.")


@pytest.mark.parametrize(
    "text",
    [
        # a Slytherin's name is not a slur
        "pansy whispered something to draco in the great hall, and the whole table laughed at the new girl.",
        # coming out as trans is transphobia's, not homophobia's, when the family rejects it
        "when he came out as trans his mum threw his binder in the bin and prayed for her daughter.",
    ],
)
def test_a_name_or_a_trans_coming_out_is_not_homophobia(text: str) -> None:
    assert "homophobia" not in ids(text)


def test_pansy_as_a_slur_is_still_homophobia() -> None:
    assert "homophobia" in ids("they called him a pansy in the changing rooms and shoved him into the lockers.")


@pytest.mark.parametrize(
    "text",
    [
        # memory undermined, and the phone read
        "you must have deleted it, he says, so patient. he scrolls through my phone while i make dinner.",
        # what she wears decided for her, and her family rationed
        "he chose her clothes for the party. he let her call her mother once a week, on speaker.",
        # dressed like that, and remembering things wrong
        "you're not going out dressed like that. and stop remembering things wrong, it's embarrassing.",
    ],
)
def test_control_of_memory_phone_clothes_and_family_warns(text: str) -> None:
    assert "abuse" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "i found my keys in the fridge again this morning, next to the milk. the joys of a newborn.",
        "she picked which friends to invite to her birthday, and i picked the cake.",
        "my assistant reads my emails aloud to me while i drive to the site.",
    ],
)
def test_one_sign_of_control_or_a_near_miss_stays_clean(text: str) -> None:
    assert "abuse" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        # held somewhere, counted in days
        "the brothers kept the prisoner in the meat locker while they waited; by his count it was day four.",
        # the call that says they have someone
        "the voice on the line was calm. we have your daughter. you know what we want.",
    ],
)
def test_captivity_told_without_the_word_is_kidnapping(text: str) -> None:
    assert "kidnapping" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "we kept the wine in the cellar for three years before we opened it at the wedding.",
        "the band owes the venue fifty thousand by friday, and the drummer is crying in the van.",
        "two men took him from the café at noon to see the match, and brought him home by six.",
    ],
)
def test_a_cellar_a_debt_or_a_day_out_is_not_kidnapping(text: str) -> None:
    assert "kidnapping" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        # the white customers go through, and she is stopped
        "at the club door the three white guys ahead of us went straight in. the bouncer wanted two forms of id from me.",
        # a name tried on a landlord
        "we wrote to six landlords, me using my own name and my flatmate using hers. only she got viewings.",
    ],
)
def test_racism_told_by_who_is_let_through_warns(text: str) -> None:
    assert "racism" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "the white van ahead of us went straight in to the car park, and we waited for the next space.",
        "i gave my surname at the desk and there was a pause while she found my booking, then she smiled.",
    ],
)
def test_a_white_van_or_a_booking_pause_is_not_racism(text: str) -> None:
    assert "racism" not in ids(text)
