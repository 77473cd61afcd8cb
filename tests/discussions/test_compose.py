"""The discussion post's warning line: each warning with its source, escaped, never a possible one."""

from __future__ import annotations

import pytest

from bot.discussions.compose import discussion_notice
from bot.limits import EMBED_DESCRIPTION_BUDGET
from bot.story.model import HeaderWarning


def post(warnings: list[HeaderWarning]) -> str:
    notice = discussion_notice(
        discussion_id=7,
        marker="dogear:discussion:7",
        title="Red Floors",
        chapter=1,
        warnings=warnings,
        caught_up=2,
        prompts=[],
        role_id=None,
        late_since=None,
    )
    assert notice.embed is not None
    return notice.embed["description"]


@pytest.mark.parametrize(
    ("source", "words"),
    [
        ("declared", "(author)"),
        ("both", "(author, detected)"),
        ("detected", "(detected)"),
        ("override", "(added by an admin)"),
        ("confirmed", "(confirmed by an admin)"),
        ("reported", "(reported by a member, confirmed)"),
    ],
)
def test_each_source_is_named_in_the_post(source: str, words: str) -> None:
    text = post([HeaderWarning("death", "Major character death", source)])
    assert f"**Content warnings:** **Major character death** {words}\n" in text


def test_possible_warnings_are_never_posted() -> None:
    text = post([HeaderWarning("grief", "Grief", "detected"), HeaderWarning("death", "Death", "possible")])
    assert "Grief" in text and "Death" not in text
    assert "No content warnings for this chapter." in post([HeaderWarning("death", "Death", "possible")])


def test_a_reader_s_avoidance_is_not_posted_for_everyone_and_labels_are_escaped() -> None:
    text = post([HeaderWarning("x", "Blood_gore **", "confirmed", avoided=True)])
    assert "**Blood\\_gore \\*\\*** (confirmed by an admin)" in text and "you avoid" not in text


def test_many_long_warnings_stay_within_the_embed_budget() -> None:
    warnings = [HeaderWarning(f"w{i}", "A very long warning label " * 4, "reported") for i in range(200)]
    text = post(warnings)
    assert len(text) <= EMBED_DESCRIPTION_BUDGET
    line = next(line for line in text.splitlines() if line.startswith("**Content warnings:**"))
    assert line.endswith(" more") and line.count("(reported by a member, confirmed)") < 200
    assert "members have read this chapter" in text  # the rest of the post is still there
