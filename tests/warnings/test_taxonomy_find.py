"""What a member types or picks for a warning names it: its id, its label, a menu's "Label (id)"."""

from __future__ import annotations

import pytest

from bot.warnings.taxonomy import Category, default_taxonomy


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("self-harm", "self-harm"),
        ("Self Harm", "self-harm"),
        ("  SELF_HARM ", "self-harm"),
        ("Self-harm (self-harm)", "self-harm"),
        ("Blood and gore (blood-gore)", "blood-gore"),
        ("blood and gore", "blood-gore"),
        ("Suicide", "suicide"),
        # what authors and the archive call it, as /warnings categories lists ("MCD" was refused)
        ("MCD", "death"),
        ("Major Character Death", "death"),
        ("suicidal ideation", "suicide"),
    ],
)
def test_a_warning_is_found_by_id_label_or_menu_name(typed: str, found: str) -> None:
    category = default_taxonomy().find(typed)
    assert category is not None and category.id == found


@pytest.mark.parametrize("typed", ["", "   ", "()", "harm", "self harm please", "Self-harm (nothing-such)"])
def test_anything_else_names_no_warning(typed: str) -> None:
    assert default_taxonomy().find(typed) is None


def test_a_default_wins_over_a_servers_category_of_the_same_name() -> None:
    taxonomy = default_taxonomy().with_custom([Category("self-harm-2", "Self harm", "theirs", "custom")])
    found = taxonomy.find("self harm")
    assert found is not None and found.id == "self-harm"
    own = taxonomy.find("self-harm-2")
    assert own is not None and own.custom
