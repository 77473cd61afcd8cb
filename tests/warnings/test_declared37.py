"""Words authors declare that mapped to no warning: "homicide" and "execution" are deaths,
"bullying" abuse, "self-destructive behaviour" self-harm, "amputation" a medical procedure, so a
member avoiding those warnings is told; a tag that only contains the word ("Hanging Out") is none."""

from __future__ import annotations

import pytest

from bot.story.model import StoryMeta
from bot.warnings.declared import map_declared


@pytest.mark.parametrize(
    ("declared", "warning_id"),
    [
        ("homicide", "death"),
        ("a public execution", "death"),
        ("bullying", "abuse"),
        ("self-destructive behaviour", "self-harm"),
        ("amputation", "procedures"),
    ],
)
def test_declared_word_maps_to_its_warning(declared: str, warning_id: str) -> None:
    found = map_declared(StoryMeta(title="t", declared_warnings=[f"CW: {declared}"]))
    assert set(found.ids) == {warning_id}
    assert not found.unmapped


def test_a_tag_that_only_contains_a_word_declares_nothing() -> None:
    found = map_declared(StoryMeta(title="t", additional_tags=["Hanging Out", "Executive Dysfunction", "Fluff"]))
    assert not found.ids


def test_a_tag_that_is_an_idiom_declares_nothing() -> None:
    """AO3 freeform tags count only when they name a warning: "Dead Inside" and "Killing Time"
    hold a warning word and name none."""
    found = map_declared(StoryMeta(title="t", additional_tags=["Dead Inside", "Killing Time", "Dead Tired"]))
    assert not found.ids
    both = map_declared(StoryMeta(title="t", additional_tags=["Major Character Death", "Dead Inside"]))
    assert set(both.ids) == {"death"}
