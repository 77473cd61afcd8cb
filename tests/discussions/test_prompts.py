"""Prompts as admins type them: a list's bullets are dropped, emphasis is kept."""

from __future__ import annotations

from bot.discussions.planning import parse_prompts


def test_a_bullet_is_dropped_but_emphasis_opening_a_prompt_stays() -> None:
    """ "**Bold** question?" was saved as "Bold** question?": every leading `*`, `-` and `•` was read as a bullet."""
    typed = "**Bold** question?\n*Why* her?\n- Who lied?\n* What next?\n•Where?\n• -1 or +1?\n-\n--Who?"
    assert parse_prompts(typed) == [
        "**Bold** question?",
        "*Why* her?",
        "Who lied?",
        "What next?",
        "Where?",
        "-1 or +1?",
        "--Who?",
    ]


def test_inline_prompts_lose_their_bullets_too() -> None:
    assert parse_prompts("- One? | * Two? | ***Three?***") == ["One?", "Two?", "***Three?***"]
