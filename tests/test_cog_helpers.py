"""The helpers every cog shares: cogs/_checks.py (the guild check) and cogs/_options.py (story choices);
and the labels cogs build within Discord's limits."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest
from discord import app_commands
from hypothesis import given
from hypothesis import strategies as st

from bot.client import describe_error
from bot.limits import BUTTON_LABEL_CHARS, CHOICE_NAME_CHARS
from bot.story.service import AddedStory
from bot.story.store import StoryRecord
from bot.warnings.engine import Evidence, FoundWarning, ScanReport
from cogs._checks import guild_id_of, guild_of
from cogs._options import choice_name
from cogs._story_texts import import_summary
from cogs.warnings.review import confirm_label


def interaction(**fields: Any) -> Any:
    """Only the attributes the checks read; a real Interaction needs a live connection state."""
    return SimpleNamespace(**fields)


def test_the_guild_check_returns_the_id_inside_a_server() -> None:
    assert guild_id_of(interaction(guild_id=42)) == 42
    guild = object()
    assert guild_of(interaction(guild=guild)) is guild


def test_outside_a_server_the_error_ladder_answers_it() -> None:
    with pytest.raises(app_commands.NoPrivateMessage) as caught:
        guild_id_of(interaction(guild_id=None))
    assert describe_error(caught.value) == "This command works inside a server, not in direct messages."
    with pytest.raises(app_commands.NoPrivateMessage):
        guild_of(interaction(guild=None))


def record(title: str, chapters: int) -> StoryRecord:
    return StoryRecord(
        id=1, title=title, author=None, summary=None, rating=None, declared_warnings=[], meta={},
        source_format="txt", chapter_count=chapters, words=0, content_hash=None, added_by=None, added_at=0.0,
    )  # fmt: skip


def test_a_choice_shows_the_title_and_the_chapter_count() -> None:
    assert choice_name(record("The Lighthouse", 9)) == "The Lighthouse · 9 ch."
    long = choice_name(record("x" * 200, 12))
    assert len(long) == CHOICE_NAME_CHARS and long.endswith("… · 12 ch.")


@given(st.text(min_size=1, max_size=400), st.integers(1, 100_000))
def test_a_choice_name_always_fits_discord(title: str, chapters: int) -> None:
    name = choice_name(record(title, chapters))
    assert len(name) <= CHOICE_NAME_CHARS
    assert name.endswith(f" · {chapters} ch.")


def test_an_import_summary_too_long_for_one_message_says_where_the_rest_is() -> None:
    """It ended in "… and N more lines", with no way to read them, and gave a possible warning's
    first ten chapters as if they were all."""

    def found(n: int, tier: str) -> FoundWarning:
        evidence = [Evidence(1, k, f"evidence {k} " + "w" * 110) for k in range(1, 3)]
        return FoundWarning(f"w{n}", f"Warning {n}", "detected", 1.0, evidence, list(range(1, 31)), tier=tier)

    confident = [found(n, "confident") for n in range(8)]
    possible = [found(n, "possible") for n in range(8, 30)]
    report = ScanReport("T", confident, False, [], [], possible)
    text = import_summary(AddedStory(42, "T", 30, 9000, report))
    assert len(text) <= 2000 and "(detected; chapters: 1-30)" in text
    assert text.endswith("every warning and possible warning is in `/warnings story story:42`")


@given(st.text(min_size=1, max_size=300), st.integers(1, 1_000_000), st.sampled_from(["", "5. "]))
def test_a_confirm_button_names_the_label_and_fits_discord(label: str, chapter: int, item: str) -> None:
    button = confirm_label(item, label, chapter)
    assert len(button) <= BUTTON_LABEL_CHARS and button.endswith(f" · ch. {chapter}")
    assert confirm_label("1. ", "Blood and gore", 2) == "1. Confirm Blood and gore · ch. 2"


def test_a_story_page_whose_summary_fills_the_message_still_offers_its_first_item() -> None:
    """The lines above a keyed page's list give way to its first item: with no item shown, Next
    (which goes on after the last item shown) would have had nothing to go on from."""
    from bot.story.model import HeaderWarning
    from bot.warnings import reviews
    from cogs.warnings.story_page import story_overview_page

    warnings = [
        HeaderWarning(f"made-up-{n}", f"A long made-up category label number {n:02}", "both") for n in range(60)
    ]
    evidence = (Evidence(1, 1, "There was blood on the floor."),)
    possible = [reviews.PossibleWarning(7, n, "blood-gore", "Blood and gore", 0.5, evidence) for n in (1, 2, 3)]
    shown = story_overview_page(reviews.StoryOverview(7, "Red", [], warnings, [], possible, total=3))
    assert shown.items and shown.items[0][1] == 1 and len(shown.text) <= 2000
    assert "more lines left off" in shown.text and "`made-up-0`" in shown.text and "Item" in shown.text
    labels = [button.item.label for button in shown.nav]
    assert labels[-1] == "Next ▶" or len(shown.items) == 3
