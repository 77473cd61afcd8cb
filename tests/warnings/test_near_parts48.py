"""A `near` rule asks for two kinds of evidence in one paragraph, so no phrase may stand in both of
its groups: one such phrase meets every half alone, and the rule fires on a single word.

Found in the forty-eighth session: ableism's r48-mind-belittled had "the mad one" in both halves, so
"The sad one or the mad one?" of a rival's faces warned ableism; suicide's `planned` had "the letters
were written" in both, so a story's letters being written was a suicide plan. A group's word class
(``@name``) counts with its phrases: in the fifty-second session abuse's `r52-who-money-sign` had
"checked the receipts" in both `@abuse-money` and `@abuse-control`, so a receptionist checking the
receipts was abuse.
"""

from __future__ import annotations

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
}


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
