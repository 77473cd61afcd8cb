"""A `near` rule asks for two kinds of evidence in one paragraph, so no phrase may stand in both of
its groups: one such phrase meets every half alone, and the rule fires on a single word.

Found in the forty-eighth session: ableism's r48-mind-belittled had "the mad one" in both halves, so
"The sad one or the mad one?" of a rival's faces warned ableism; suicide's `planned` had "the letters
were written" in both, so a story's letters being written was a suicide plan. A group's word class
(``@name``) counts with its phrases: in the fifty-second session abuse's `r52-who-money-sign` had
"checked the receipts" in both `@abuse-money` and `@abuse-control`, so a receptionist checking the
receipts was abuse.

A shorter phrase of one group inside a longer one of another is shared too (fifty-fourth session):
sexism's r49-women-dismissed had "girl" in its first group and "the coffee girl" in its second, so
"She was the coffee girl at the office." warned sexism; collective violence's r53-refugee-road had
"refugee column" and "column", and r53-battle-line "arrows fell" beside "arrows" and "fell", one
phrase meeting all three groups. Checked for plain alternatives (letters, spaces, apostrophes).
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from bot.warnings.phrases import default_classes, rules_document


def alternatives(phrase: str) -> set[str]:
    """The phrase's top-level alternatives, with the inflection mark `~` dropped."""
    found: list[str] = []
    depth = 0
    current = ""
    for char in phrase:
        depth += char == "("
        depth -= char == ")"
        if char == "|" and not depth:
            found.append(current)
            current = ""
        else:
            current += char
    found.append(current)
    return {alternative.strip().lstrip("~") for alternative in found}


# Phrases a rule's groups share knowingly, and why: none of these fires on one word alone that should not.
SHARED_ON_PURPOSE = {
    # A hound is the hunter and a beast: hounds that tore something apart are a hunt's kill either way.
    "animal-death/hunt-kill": {"hound", "hounds"},
    # "Deaf and dumb" said of a person is the othering itself, and a sign of the disability with it.
    "ableism/disability-othering": {"deaf"},
    # "Finger marks" on the arm, wrist or throat the third group still asks for are a grip's bruises.
    "violence/r51-fingermark-bruise": {"marks"},
    # The first group asks only that he be there; "afraid of him", "keep him calm", "his keys" name
    # the man feared, and control and fear each still need a phrase of their own.
    "abuse/r49-who-control-fear": {"he", "him", "his"},
    # The first group (a pronoun, met by almost any paragraph) asks only that someone be there: "who
    # is he", "she gets confused" bring one kind of evidence, and the rule's other group still needs
    # a phrase of its own, so no phrase fires these alone.
    "abuse/r51-who-watch-appease": {"he"},
    "abuse/r51-who-threat-control": {"he"},
    "abuse/r51-who-gaslight-control": {"he", "she"},
    "abuse/r51-who-gaslight-fear": {"she"},
    "abuse/r51-who-destroy-control": {"he"},
    "abuse/r52-who-money-sign": {"he", "she"},
}

PLAIN = re.compile(r"[a-z' ’]+")


def expanded(phrase: str, classes: dict[str, str], depth: int = 0) -> set[str]:
    """The phrase's top-level alternatives, an alternative that is a word class (``@name``) read as the
    class's own alternatives, classes within classes too (rules.py refuses loops)."""
    found: set[str] = set()
    for alternative in alternatives(phrase):
        name = alternative[1:]
        if alternative.startswith("@") and name in classes and depth < 8:
            found |= expanded(classes[name], classes, depth + 1)
        else:
            found.add(alternative)
    return found


def group_alternatives(group: str | list[str]) -> set[str]:
    classes = default_classes()
    phrases = [group] if isinstance(group, str) else group
    return set().union(*(expanded(phrase, classes) for phrase in phrases))


def plain(phrase: str) -> bool:
    """Letters, spaces and apostrophes only: a phrase whose words can be looked for in another's."""
    return bool(PLAIN.fullmatch(phrase.lower())) and phrase.strip() == phrase


def inside(short: str, long: str) -> bool:
    """The plain phrase `short` stands as whole words in the plain phrase `long` (and is not it)."""
    return short != long and f" {short.lower()} " in f" {long.lower()} "


def near_rules() -> list[tuple[str, list[Any]]]:
    document = rules_document()
    return [
        (f"{category}/{rule['id']}", rule["near"])
        for category, settings in document["categories"].items()
        for rule in settings.get("rules", [])
        if "near" in rule
    ]


def test_alternatives_are_read_at_the_top_level_only() -> None:
    assert alternatives("~coffin|(carried|bore) the coffin|the wake") == {
        "coffin",
        "(carried|bore) the coffin",
        "the wake",
    }


def test_a_phrase_inside_a_longer_one_is_found_as_whole_words() -> None:
    assert inside("girl", "the coffee girl")
    assert inside("the front", "letters from the front")
    assert not inside("arm", "harm done")
    assert not inside("girl", "girl")
    assert not plain("(the|a) coffee girl")


def test_a_word_class_counts_with_its_phrases() -> None:
    classes = {"money": "~wage|@bank", "bank": "checked the receipts|card"}
    assert expanded("@money|the rent", classes) == {"wage", "checked the receipts", "card", "the rent"}


@pytest.mark.parametrize(("rule", "groups"), near_rules(), ids=[name for name, _ in near_rules()])
def test_no_phrase_stands_in_two_groups_of_a_near_rule(rule: str, groups: list[Any]) -> None:
    seen = [group_alternatives(group) for group in groups]
    shared = {
        phrase for index, one in enumerate(seen) for other in seen[index + 1 :] for phrase in one & other if phrase
    }
    assert not shared - SHARED_ON_PURPOSE.get(rule, set()), (rule, sorted(shared))


@pytest.mark.parametrize(("rule", "groups"), near_rules(), ids=[name for name, _ in near_rules()])
def test_no_phrase_of_a_group_stands_inside_a_phrase_of_another(rule: str, groups: list[Any]) -> None:
    seen = [{phrase for phrase in group_alternatives(group) if plain(phrase)} for group in groups]
    found = {
        (short, long)
        for index, one in enumerate(seen)
        for other_index, other in enumerate(seen)
        if other_index != index
        for short in one
        for long in other
        if inside(short, long) and short not in SHARED_ON_PURPOSE.get(rule, set())
    }
    assert not found, (rule, sorted(found))
