"""The club view's caught-up line at 0 and 1: "nobody yet", never "0 — nobody yet"."""

from __future__ import annotations

from bot.progress.render import club_text
from bot.progress.store import ClubProgress, MemberPosition, StoryRef


def test_a_club_view_with_no_one_caught_up_says_nobody_yet_not_a_zero() -> None:
    story = StoryRef(id=1, title="Lamp", chapter_count=3)
    club = ClubProgress.of(story, [MemberPosition(7, "Ada", 1)], [])
    text = club_text(club, target=3, target_label="the latest chapter")
    assert "Caught up with the latest chapter (chapter 3): nobody yet" in text, text
    assert "0 —" not in text, text
    one = club_text(
        ClubProgress.of(story, [MemberPosition(7, "Ada", 3)], []), target=3, target_label="the latest chapter"
    )
    assert "Caught up with the latest chapter (chapter 3): 1 — <@7>" in one, one
