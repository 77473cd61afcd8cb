"""Weak signs beyond the battle's deaths (fifty-fifth session, link55).

See docs/warnings-eval.md, "Fifty-fifth session", link55. Two weak-sign rules (rule key ``needs``,
:mod:`bot.warnings.support`), each a way of telling a harm that recurs across the blind sets:

- ``r55-weak-outed`` (homophobia): a couple "found out", a photo of the two "kissing", "cured of it",
  a "healing camp", "never held hands in public again". Alone each is a love story, a rash or a
  retreat; beside a beating, a partner's or a parent's control, or a captivity the rules are sure of,
  it is the reason for the harm.
- ``r55-weak-kept-on`` (grief): the dead's habits kept up ("she still sets his mug out", "I still say
  goodnight to his door") and the yearly rite ("every year on the anniversary"). Alone each is a
  habit or a birthday; beside a death the rules are sure of, it is the mourning.

What this file holds: the shape of the new weak rules, the invariants (with no weak sign of theirs
supported a scan is exactly what it was without them; support never removes a warning), sentences of
our own that warn with their harmless twins (the same words with no sure supporter, or in another
sense), and a hostile upload of short lines costing about its scan without the weak rules.
"""

from __future__ import annotations

import pytest

from bot.warnings.engine import CONFIDENT
from bot.warnings.rules import default_ruleset
from tests.warnings.weak_cost import scan_seconds
from tests.warnings.weak_invariants import invariant_tests, scan_of, story, without

NEW = {
    "homophobia/r55-weak-outed": ("violence", "abuse", "kidnapping"),
    "grief/r55-weak-kept-on": ("death",),
    "racism/r55-weak-othered": ("violence", "collective-violence"),
}


def test_the_new_weak_signs_need_what_they_lean_on() -> None:
    rules = {rule.id: rule for rule in default_ruleset().rules}
    for rule_id, needs in NEW.items():
        assert rules[rule_id].needs == needs
        assert not rules[rule_id].negatable  # "they never held hands in public again" is the sign


# Invariants, on lines of harm words, the weak signs' words and ordinary words.

_WORDS = [
    "the",
    "farmhands",
    "found",
    "out",
    "about",
    "Tom",
    "and",
    "Ben",
    "beat",
    "him",
    "with",
    "a",
    "shovel",
    "punched",
    "his",
    "nose",
    "broke",
    "saw",
    "them",
    "kissing",
    "cured",
    "of",
    "it",
    "locked",
    "in",
    "attic",
    "she",
    "still",
    "sets",
    "mug",
    "every",
    "year",
    "on",
    "he",
    "died",
    "was",
    "killed",
    "crash",
    "funeral",
    "never",
    "held",
    "hands",
    "public",
    "again",
    "kind",
    "were",
    "thieves",
]
(
    test_support_never_removes_a_warning,
    test_without_a_sure_supporter_a_scan_is_exactly_as_before,
) = invariant_tests(_WORDS, NEW, {category for needs in NEW.values() for category in needs})


# Sentences of our own: a harm the rules are sure of, and the label told only by a weak sign.

WARN = [
    (
        "When the dock crew found out about Danny and Rhys, they dragged Danny behind the warehouse and beat him until his nose broke.",
        "homophobia",
    ),
    (
        "Someone posted a photo of Priya and Jo kissing, and by Monday three girls had cornered Jo in the toilets and slammed her head against the sink.",
        "homophobia",
    ),
    (
        "The farmhands caught them kissing in the barn and beat Tom with a shovel handle until his arm broke.",
        "homophobia",
    ),
    (
        "Her parents locked her in the attic for a month and said she would stay there until she was cured of it.",
        "homophobia",
    ),
    (
        "After the two of them were jumped outside the club and kicked on the pavement, they never held hands in public again.",
        "homophobia",
    ),
    ("My brother died of an overdose two winters ago. I still say goodnight to his door.", "grief"),
    (
        "Grandad was shot dead at the checkpoint in 1972. Every year on the anniversary Mum lights a candle in the window.",
        "grief",
    ),
    (
        "Dad was killed when the scaffolding collapsed. Mum still makes his sandwiches on a Monday and then gives them to the dog.",
        "grief",
    ),
    (
        "The guard threw his papers in the mud, said his kind were all thieves, and hit him with the rifle butt.",
        "racism",
    ),
    ("The mob smashed the shops with foreign names and beat the baker unconscious in the street.", "racism"),
    (
        "Three men jumped him outside the station because he looked like one of them, and kicked him until his ribs cracked.",
        "racism",
    ),
]

TWINS = [
    ("Her kind eyes crinkled when she laughed, and his kind were the same, always smiling.", "racism"),
    ("People like us don't win the lottery, Dad said, and bought a ticket anyway.", "racism"),
    ("He looked like one of them, the rock stars on his poster, with the hair and the leather jacket.", "racism"),
    ("The militia burned the granary, and the farmer's kind neighbours took the family in.", "racism"),
    ("When Mum found out about Danny and Rhys skipping school, she grounded them both for a week.", "homophobia"),
    ("Someone posted a photo of Priya and Jo kissing their new puppy, and everyone liked it.", "homophobia"),
    ("They were cured of it by the antibiotics in a week, the doctor said, and the rash faded.", "homophobia"),
    ("The healing retreat in the hills had yoga at dawn and kale for lunch; Gran loved it.", "homophobia"),
    ("They held hands in public for the first time at the fair, grinning like idiots, and nobody cared.", "homophobia"),
    (
        "The boxer was punched in the ring until his nose broke; later his wife and he held hands in public at the press conference.",
        "homophobia",
    ),
    ("He still makes the best lasagne in Leeds, my dad, and he still talks too loud.", "grief"),
    ("Every year on my birthday we go bowling, and Dad still says he is the champion.", "grief"),
    ("The villain was killed in the season finale and I still say he deserved better writers.", "grief"),
]


@pytest.mark.parametrize(("text", "label"), WARN)
def test_a_harm_told_by_a_weak_sign_beside_a_sure_one_warns(text: str, label: str) -> None:
    text_story = story([text])
    assert label in scan_of(text_story).detected_ids(CONFIDENT)
    assert label not in scan_of(text_story, without(NEW)).detected_ids(CONFIDENT)


@pytest.mark.parametrize(("text", "label"), TWINS)
def test_the_same_signs_with_nothing_sure_beside_them_do_not(text: str, label: str) -> None:
    assert label not in scan_of(story([text])).detected_ids("both")


# Speed: the new weak signs are read in the matcher's one pass; many short lines of them and of
# the harms they lean on cost about their scan without them.

_LINES = [
    "they beat him with a shovel.",
    "they found out about tom and ben.",
    "she still sets his mug out.",
    "every year on the day.",
    "cured of it.",
    "he died.",
    "a photo of them kissing.",
    "the van doors locked.",
    "he punched her in the face.",
    "never held hands in public again.",
]


def test_many_short_lines_of_harms_and_weak_signs_cost_about_their_scan_before() -> None:
    before, now = scan_seconds(_LINES, 300_000, seed=55, disabled=list(NEW))
    assert now <= 1.5 * before + 0.5, (before, now)
