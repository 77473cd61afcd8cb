"""A `near` rule asks for two kinds of evidence in one paragraph, so no phrase may stand in both of
its groups: one such phrase meets every half alone, and the rule fires on a single word.

Found in the forty-eighth session: ableism's r48-mind-belittled had "the mad one" in both halves, so
"The sad one or the mad one?" of a rival's faces warned ableism; suicide's `planned` had "the letters
were written" in both, so a story's letters being written was a suicide plan.
"""

from __future__ import annotations

from typing import Any

import pytest

from bot.warnings.phrases import rules_document


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


def group_alternatives(group: str | list[str]) -> set[str]:
    phrases = [group] if isinstance(group, str) else group
    return set().union(*(alternatives(phrase) for phrase in phrases))


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


@pytest.mark.parametrize(("rule", "groups"), near_rules(), ids=[name for name, _ in near_rules()])
def test_no_phrase_stands_in_two_groups_of_a_near_rule(rule: str, groups: list[Any]) -> None:
    seen = [group_alternatives(group) for group in groups]
    shared = {
        phrase for index, one in enumerate(seen) for other in seen[index + 1 :] for phrase in one & other if phrase
    }
    assert not shared, (rule, sorted(shared))
