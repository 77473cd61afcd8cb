"""Abuse told through money kept from her, a carer's neglect, a threat to out someone and a wife
committed by her husband; child abuse
told through an age, a parent and a child shut in or kept from food (fifty-second session, abuse52;
docs/warnings-eval.md "Fifty-second session").

Most of the read sets' abuse misses name none of the earlier classes. Three ways of telling came back
across many sets and settings, each a class in rules.json and a rule that asks for it beside a second
sign in one paragraph:

- ``@abuse-money``: her pension or bank card managed or counted by someone else, every receipt
  checked, asking him for money, an allowance of so much a week; beside a person and any of the
  earlier signs (control, watching, isolation, belittling, threats, fear, appeasement, gaslighting).
  "Took her money" alone is no sign: a vending machine takes money too.
- ``@abuse-carer`` x ``@abuse-neglect`` (wet sheets till morning, the call button taken away, his
  chair folded away, the tray left out of reach) x a sneer (vegetable, "for attention", "to teach
  him", pinched, mocked). A carer alone, or a thing out of reach alone, is no harm.
- ``@abuse-outing`` (one message to your dad, don't forget who knows, your church would love to hear,
  I'll post the pics) beside something he makes the other do (stop seeing a friend, block him, hand over
  passwords, cancel and come over).
- ``@abuse-committal`` (the asylum, the madhouse, two doctors' signatures, committed her to) beside a
  husband and ``@abuse-nerves`` (her nerves, hysteria, excitability, "for your rest"): a wife put away by
  her husband, in the historical stories that tell it. A husband's visit to an old asylum is no harm.

Child abuse: ``@child-young`` now reads an age told as "NAME was eight", "who is nine", "being seven"
(four to fourteen only: "the dog was fifteen" stays out), and ``@child-deprived`` reads a child
locked in the garden shed or the coal shed, sent to sleep in the garage, plates put on the floor, no
dinner till the sums are done, a bolt on the outside of a bedroom door. The rule still asks for an
age, a parent and the deprivation in one paragraph.

Every text is new and written for the test. Each warning case failed before the change; each twin
stays clean.
"""

from __future__ import annotations

import pytest

from tests.warnings.passages import ids


@pytest.mark.parametrize(
    "text",
    [
        "Her nephew manages her pension now, and tells the neighbours she gets confused.",
        "He gives her thirty pounds a week for the shopping and wants to know why she's twenty minutes late back.",
        "The night carer leaves Mr Hale in wet sheets till morning 'to teach him', and calls him a vegetable"
        " to the other staff.",
        "On the ward the agency aide took the call button away because Mrs Penn pressed it 'for attention'.",
        "'Don't forget who knows about you,' Dan wrote. 'Stop talking to him or your dad gets the photos.'",
        "'If you go to her party I'll post the pictures,' he texted. 'Come over instead, and nobody has to see them.'",
        "Her husband had two doctors' signatures by Friday, and the asylum took her for 'nervous excitability'.",
    ],
)
def test_money_a_carer_an_outing_threat_and_a_committal_warn_abuse(text: str) -> None:
    assert "abuse" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "Ned was seven, and his dad sent him to sleep in the garage whenever he wet the bed.",
        "Her stepfather said there'd be no dinner till the sums were done, and Tam, who was nine, sat at the"
        " table until midnight.",
    ],
)
def test_a_child_shut_in_or_kept_from_dinner_warns_child_abuse(text: str) -> None:
    assert "child-abuse" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "The vending machine took my money again, he said, and she laughed and bought him a coffee.",
        "Her son manages her pension now because she asked him to, and he reads her the statements over tea.",
        "The carer moved the tray within reach and changed the sheets, and Mr Hale said she was a treasure.",
        "The agency sent a new carer on the night shift; she brought the call button closer to his hand.",
        "One message to your dad would sort this out, Gran said, and passed me her phone so I could text him.",
        "I'll post the pictures from the wedding tonight, she said; cancel the caterer, we ate them all.",
        "Her husband toured the old asylum on the heritage day and said the place would get on anyone's nerves.",
        "The dog was fifteen and slept in the garden shed on hot days because it was cool in there.",
        "Nell was eight and her dad built her a den in the garden shed, with a lamp and her own key.",
    ],
)
def test_a_vending_machine_a_kind_carer_gran_s_advice_a_heritage_day_and_a_den_stay_clean(text: str) -> None:
    assert not {"abuse", "child-abuse"} & ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "She asked permission to buy a coat. At supper she kept him calm.",
        "He keeps the car keys in his desk now, and she flinches whenever the drawer opens.",
    ],
)
def test_asking_permission_and_the_car_keys_in_his_desk_warn_abuse(text: str) -> None:
    assert "abuse" in ids(text)


def test_a_child_who_has_not_eaten_since_friday_warns_child_abuse() -> None:
    assert "child-abuse" in ids("Mo was six and had not eaten since Friday; his mum had gone out and not come back.")


@pytest.mark.parametrize(
    "text",
    [
        "The class asked permission to go to the museum, and the teacher read his face for a sign of boredom.",
        "He keeps the car keys in the drawer by the door so that nobody loses them.",
        "Mo was six and had not eaten since lunch, so his mum made him toast before bed.",
    ],
)
def test_a_class_trip_a_key_drawer_and_a_late_tea_stay_clean(text: str) -> None:
    assert not {"abuse", "child-abuse"} & ids(text)
