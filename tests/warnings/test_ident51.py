"""Sexism told as a claim about women as a class, and racism told as a place refused to one person and
given to the next (fifty-first session, ident51; docs/warnings-eval.md "Fifty-first session").

Sexism: a sentence whose subject is women as a class (women, ladies, girls, wives, a woman, no wife,
"women in this family", "girls like her", "a woman in your condition") and whose verb lays down what
they must, cannot, may not or are for ("should keep quiet", "can't cut a suit", "have no business",
"are better at the caring", "have their place"). The subject must open a clause or a quote, so "real
women", "the girls" and "a girl he had never met" are not read as the class, and a defence ("women
shouldn't have to put up with it", "women don't need a man") is not read as the rule it rejects.

A gendered slur said at one woman ("you stupid cow", "called her a lying bitch") is sexism only beside a
sign that she is abused for being a woman (women, a girl, a wench, "any man", the kitchen, her place): the
sets label a slur an abuser says to his partner abuse and abusive language, not sexism. Alone it is a
possible sexism hit (weight 0.5), confident with any other sexism sign in its scene.

Racism: a place refused to one person ("it's just been let", "we're fully booked", "not you") and given
to the next (still available, walked straight in, come round Saturday), with the sign that it is the same
place tried again (the same number, twenty minutes later, the white flatmate, the family behind them).

Every text is new and written for the test. Each warning case of the two recall rules failed before its
change; the slur cases that warn are the narrowing's warned twins (a slur beside a sign of women); each
twin stays clean."""

from __future__ import annotations

import pytest

from tests.warnings.passages import ids


@pytest.mark.parametrize(
    "text",
    [
        "'Women in this workshop don't touch the lathe,' the foreman said, and handed Priya a broom.",
        "'Wives don't go out to work in this family,' his mother said, and took Asha's application form off the table.",
        '"Ladies have their place in this firm," the senior partner said at the dinner. "Behind the gentlemen."',
        "'Daughters from a good home don't argue with their fathers,' he said, and sent her upstairs.",
        "The coach looked at Noor's sprint times and shrugged. 'Women are better at the endurance stuff."
        " Leave the relay to the lads.'",
        'He took the car keys off the hook. "A woman in your state can\'t be trusted on the motorway."',
    ],
)
def test_women_as_a_class_told_what_they_must_or_cannot_do_warn_sexism(text: str) -> None:
    assert "sexism" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "Women shouldn't have to put up with that kind of thing at work, Maya said, and filed the complaint.",
        "Women don't need a man to be happy, the column said, and Gran cut it out for the fridge.",
        "Girls, don't forget your shin pads on Saturday. Kick-off is at ten.",
        "The girls don't want pizza tonight, so we ordered noodles and watched the match.",
        "I ran into a girl I had never met at the bus stop and we talked about the weather for ten minutes.",
        "A girl needs options, darling, the fairy godmother said, and packed six pairs of shoes.",
        "'Girls can't help themselves around a puppy,' Gran said, and handed over the lead.",
        "Ladies can't resist a sale, the shop sign said, and the whole queue laughed.",
    ],
)
def test_defences_instructions_and_plain_girls_stay_clean(text: str) -> None:
    assert "sexism" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "'Get back to the kitchen, you stupid cow,' someone typed when the girl on their team missed the shot.",
        "The man outside the pub shouted after the two women that they were dumb sluts who wanted it, and his"
        " mates laughed.",
        "At the forge the smith spat at her boots. 'A wench in the guild hall? Stupid bitch thinks she's a master.'",
    ],
)
def test_a_slur_said_at_a_woman_for_being_one_warns_sexism(text: str) -> None:
    assert "sexism" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "'Answer me, you stupid cow,' he texted at two in the morning, and then: 'sorry. i love u. pick up.'",
        "He came home at three, screaming that she'd hidden his money, that she was a lying bitch, and put his"
        " fist through the door.",
    ],
)
def test_a_slur_an_abuser_says_to_his_partner_is_not_sexism_alone(text: str) -> None:
    assert "sexism" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "The landlord told Kwame the room had just been let. Half an hour later his flatmate Tom rang the same"
        " number and was asked round on Saturday.",
        "The manager told us they were fully booked. Twenty minutes later the couple behind us walked straight"
        " in and got a table by the window.",
        "At the restaurant the manager said they'd had a problem with that table. The family behind us,"
        " booked for the same slot, walked straight in.",
    ],
)
def test_a_place_refused_to_one_and_given_to_the_next_warns_racism(text: str) -> None:
    assert "racism" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "The cottage had just been let for the summer, so we rang the farm down the road and the barn was"
        " still available.",
        "The restaurant was fully booked, so my sister rang the pub instead and they said a table was still"
        " available at eight.",
        "The tickets had just gone on sale. An hour later the box office said the front row was still"
        " available, so Dad bought four.",
    ],
)
def test_a_holiday_let_a_full_restaurant_and_a_box_office_stay_clean(text: str) -> None:
    assert "racism" not in ids(text)
