"""False alarms of older rules in senses that carry no harm (forty-ninth session, fixes49).

Each family is a sense, not a sentence: laughter shared with or by disabled people at a film or a
clown; a disabled person's own joke about her aids; a child made to stand somewhere for a
photograph. Each is narrowed in the rules and keeps harmful twins that must still warn. Every
passage is new short text written for these tests.
"""

from __future__ import annotations

import pytest

from tests.warnings.passages import ids

# Laughter with or by disabled people at something funny is no mockery of them.
LAUGHED_WITH = [
    ("ableism", "My best mate uses a wheelchair and we laughed at the film all night, popcorn everywhere."),
    ("ableism", "The deaf kids laughed at the clown until they cried, and he bowed three times."),
    ("ableism", "Jas is autistic and she laughed at my terrible jokes the whole drive to the coast."),
]
LAUGHED_AT = [
    ("ableism", "The boys laughed at the deaf girl every lunchtime, copying her voice across the canteen."),
    ("ableism", "They laughed at him and his wheelchair, calling him useless, until he wheeled away."),
]


@pytest.mark.parametrize(("category", "text"), LAUGHED_WITH)
def test_laughter_shared_with_disabled_people_is_no_contempt(category: str, text: str) -> None:
    assert category not in ids(text)


@pytest.mark.parametrize(("category", "text"), LAUGHED_AT)
def test_laughter_at_a_disabled_person_still_warns(category: str, text: str) -> None:
    assert category in ids(text)


# A disabled person's own joke about her aids: the special treatment she says she has earned.
OWN_JOKE = [
    (
        "ableism",
        "My nan calls her mobility scooter the special treatment she's earned, and drives it like a rally car.",
    ),
    (
        "ableism",
        "Grandad says his hearing aids are the special treatment he's earned after forty years in the shipyard.",
    ),
]
GRUDGED = [
    ("ableism", "The manager said her wheelchair ramp was special treatment and not fair on the other tenants."),
    ("ableism", "Why should the deaf lad get special treatment, the foreman sneered, when he's useless on the line."),
]


@pytest.mark.parametrize(("category", "text"), OWN_JOKE)
def test_a_treat_the_disabled_person_claims_is_no_contempt(category: str, text: str) -> None:
    assert category not in ids(text)


@pytest.mark.parametrize(("category", "text"), GRUDGED)
def test_special_treatment_grudged_still_warns(category: str, text: str) -> None:
    assert category in ids(text)


# A child made to stand somewhere for a photograph is no punishment.
PHOTO = [
    ("child-abuse", "Mum made me stand in the garden for the school photo, squinting into the sun."),
    ("child-abuse", "Every Easter Dad made us stand in the yard in our new clothes for a family picture."),
]
PUNISHED = [
    ("child-abuse", "Mum made me stand in the garden all night in the rain because I'd spilt the milk."),
    ("child-abuse", "Dad made me stand in the snow for hours while he took photos of the car."),
]


@pytest.mark.parametrize(("category", "text"), PHOTO)
def test_standing_for_a_photo_is_no_punishment(category: str, text: str) -> None:
    assert category not in ids(text)


@pytest.mark.parametrize(("category", "text"), PUNISHED)
def test_standing_out_as_punishment_still_warns(category: str, text: str) -> None:
    assert category in ids(text)
