"""The slur told and not spelled, and the bride taken, beside a sure harm (fifty-sixth session, link56).

See docs/warnings-eval.md, "Fifty-sixth session", link56. Two weak-sign rules (rule key ``needs``,
:mod:`bot.warnings.support`), each a way of telling a harm that recurs across the blind sets:

- ``r56-weak-slur-told`` (racism, beside a sure violence, collective violence or kidnapping): the slur
  told and never spelled ("calling him a word over and over", "yelling a word at her", "yelled a
  slur", "a word that means animal"). Alone it is a crowd at a match, a pet name, a swear; beside a
  beating, a massacre or a captivity the rules are sure of, it is the racist abuse that goes with it.
  The same telling is a homophobic slur where a gay or lesbian sign stands near the word in its
  sentence (a gay bar, a boyfriend, Pride): the rule's ``unless`` gives way there.
- ``r56-weak-bride-taken`` (sexism, beside a sure kidnapping): the bride kidnapping told as a custom
  ("taking a bride", "the groom's cousins", "a white scarf on her head", "a girl who has been taken
  can't go back"). Alone it is a wedding; beside a woman seized and held, it is why she was taken.

What this file holds: the rules' shape, the weak-sign invariants (shared with test_link55 through
``tests/warnings/weak_invariants.py``), sentences of our own that warn with their harmless twins, and
a hostile upload of short lines costing about its scan without the new rules.
"""

from __future__ import annotations

import pytest

from bot.warnings.engine import CONFIDENT
from bot.warnings.rules import default_ruleset
from tests.warnings.weak_cost import scan_seconds
from tests.warnings.weak_invariants import (
    invariant_tests,
    scan_of,
    story,
    without,
)

NEW = {
    "racism/r56-weak-slur-told": ("violence", "collective-violence", "kidnapping"),
    "sexism/r56-weak-bride-taken": ("kidnapping",),
}


def test_the_new_weak_signs_need_a_sure_harm() -> None:
    rules = {rule.id: rule for rule in default_ruleset().rules}
    for rule_id, needs in NEW.items():
        assert rules[rule_id].needs == needs
        assert not rules[rule_id].negatable


_WORDS = [
    "they",
    "calling",
    "called",
    "him",
    "her",
    "a",
    "the",
    "word",
    "slur",
    "slurs",
    "over",
    "and",
    "yelled",
    "yelling",
    "at",
    "that",
    "means",
    "animal",
    "punched",
    "kicked",
    "ribs",
    "broke",
    "his",
    "nose",
    "tied",
    "held",
    "cellar",
    "village",
    "burned",
    "shot",
    "gay",
    "bar",
    "boyfriend",
    "match",
    "crowd",
    "groom's",
    "cousins",
    "taking",
    "bride",
    "white",
    "scarf",
    "on",
    "head",
    "kidnapped",
]
(
    test_support_never_removes_a_warning,
    test_without_a_sure_supporter_a_scan_is_exactly_as_before,
) = invariant_tests(_WORDS, NEW, {category for needs in NEW.values() for category in needs})


WARN = [
    (
        "They dragged Marcus off the bus shelter, calling him a word over and over while they kicked him in the ribs.",
        "racism",
    ),
    (
        "The man on the platform was yelling a word at her, over and over, and then he punched her in the face.",
        "racism",
    ),
    (
        "Three lads chased Imran down the alley and beat him with a bottle until his jaw broke, shouting a word at him with every kick.",
        "racism",
    ),
    (
        "The settlers burned the village at dawn and shot the men in the square, and the officer yelled a slur at the women as they ran.",
        "racism",
    ),
    (
        "They bundled Kofi into the van at gunpoint, tied his hands and held him in a cellar for a week, and the guard kept calling him a word that means animal.",
        "racism",
    ),
    (
        "The guards beat the prisoners with rifle butts, screaming a slur at each man as they worked down the line.",
        "racism",
    ),
    (
        "Four men grabbed Nurila off the road and forced her into the car; they were the groom's cousins, and at his house his aunts held her down.",
        "sexism",
    ),
    (
        "In the old villages they called it taking a bride: the men snatched her from the well, tied her wrists and kept her locked in a room until she gave in.",
        "sexism",
    ),
    (
        "They kidnapped Ayana on her way home from school and held her at his family's farm, where his mother put a white scarf on her head and told her to be grateful.",
        "sexism",
    ),
]

TWINS = [
    ("The crowd was yelling a word at the referee, over and over, the same one every week: off!", "racism"),
    ("Everyone in the stadium was chanting the word over and over, the club's name, until the roof shook.", "racism"),
    ("Gran called me a word that means sweetheart in Welsh, and I still don't know how to spell it.", "racism"),
    ("They jumped him outside the gay bar and beat him bloody, one of them yelling a slur the whole time.", "racism"),
    (
        "He and his boyfriend were punched and kicked on the pavement until his nose broke, while the men kept shouting the word, over and over.",
        "racism",
    ),
    ("The teacher kept calling him a word he'd never heard, 'diligent', and he blushed every time.", "racism"),
    (
        "After the derby the fans fought in the car park, one lad punched another till his nose broke, and the whole end kept chanting the word over and over, the club's name.",
        "racism",
    ),
    (
        "The kidnappers held her in the cellar for three days, and she kept calling the word her mother had taught her, help, over and over, until her voice went.",
        "racism",
    ),
    (
        "He punched the bully in the mouth and broke his tooth, shouting the word his dad used when the car wouldn't start.",
        "racism",
    ),
    ("The groom's cousins carried the cake in, singing, and the bride laughed so hard she cried.", "sexism"),
    ("At the hen party they pretended to kidnap the bride-to-be and drove her to a karaoke bar in a limo.", "sexism"),
    (
        "The bandits kidnapped the merchant and held him in a cave for a week; the groom's family paid the ransom for their wedding supplier.",
        "sexism",
    ),
]


@pytest.mark.parametrize(("text", "label"), WARN)
def test_a_harm_told_by_a_weak_sign_beside_a_sure_one_warns(text: str, label: str) -> None:
    assert label in scan_of(story([text])).detected_ids(CONFIDENT)
    assert label not in scan_of(story([text]), without(NEW)).detected_ids(CONFIDENT)


@pytest.mark.parametrize(("text", "label"), TWINS)
def test_the_same_words_elsewhere_do_not(text: str, label: str) -> None:
    assert label not in scan_of(story([text])).detected_ids("both")


_LINES = [
    "they punched him in the face.",
    "calling him a word over and over.",
    "yelling a word at her.",
    "they yelled slurs.",
    "the village burned.",
    "they tied his hands in the van.",
    "a word that means animal.",
    "outside the gay bar.",
    "he broke his nose.",
    "the crowd was chanting.",
    "the groom's cousins took her.",
]


def test_many_short_lines_of_harms_and_the_told_slur_cost_about_their_scan_before() -> None:
    before, now = scan_seconds(_LINES, 300_000, seed=56, disabled=list(NEW))
    assert now <= 1.5 * before + 0.5, (before, now)
