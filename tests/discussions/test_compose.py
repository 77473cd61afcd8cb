"""What discussion posts and reminders say: the warning line (each warning with its source, escaped,
never a possible one), the escaped title, and times in the one order."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.discussions.compose import discussion_notice, dm_reminder_notice, reminder_notice, state_words
from bot.limits import EMBED_DESCRIPTION_BUDGET, EMBED_TITLE_CHARS
from bot.story.model import Chapter, HeaderWarning, Scene
from bot.story.render import render_header
from bot.text import when_line


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
    assert "No content warnings for this chapter." in post([])


def test_a_chapter_with_only_unsettled_warnings_is_not_posted_as_free_of_them() -> None:
    """It said "No content warnings for this chapter." while a possible warning (or a member's report)
    waited for an admin: read as a clean bill. It says something is under review, never what."""
    text = post([HeaderWarning("death", "Death", "possible"), HeaderWarning("suicide", "Suicide", "possible")])
    assert (
        "**Content warnings:** None declared or confirmed; 2 possible warnings are waiting for an admin's review."
        in text
    )
    assert "Death" not in text and "Suicide" not in text and "No content warnings" not in text


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


def test_the_title_of_the_post_is_escaped_and_fits() -> None:
    """Discord renders markdown in an embed's title: a story's ``*`` or ``||`` must show as typed."""
    notice = discussion_notice(
        discussion_id=7, marker="m", title="*Tide* ||spoiler|| " + "x" * 300, chapter=12, warnings=[],
        caught_up=0, prompts=[], role_id=None, late_since=None,
    )  # fmt: skip
    assert notice.embed is not None
    title = notice.embed["title"]
    assert title.startswith("\\*Tide\\* \\|\\|spoiler\\|\\| ") and title.endswith("… — chapter 12")
    assert len(title) <= EMBED_TITLE_CHARS


def test_every_time_a_reminder_names_is_said_in_the_one_order() -> None:
    """Date and time first, then how far off, as in /schedule and /discussion list."""
    due = datetime(2030, 5, 1, 18, 0, tzinfo=UTC)
    posted = reminder_notice(marker="m", title="T", chapter=2, due_at=due, behind=[], hidden_behind=0)
    private = dm_reminder_notice(title="T", chapter=2, due_at=due, channel_id=5)
    for notice in (posted, private):
        assert notice.content is not None and f"opens {when_line(due)}" in notice.content


def test_a_discussion_being_posted_is_said_in_words() -> None:
    assert state_words("posting") == "being posted now" and state_words("missed") == "missed"


@pytest.mark.parametrize("ids", [["death"], ["death", "violence"], ["death", "death"]])
def test_the_post_counts_possible_warnings_as_the_excerpt_header_does(ids: list[str]) -> None:
    """One count of what waits for review (bot.story.render.unreviewed_count): the post counted
    distinct ids and the header entries, so a list naming one twice read "1" in one and "2" in the other."""
    warnings = [HeaderWarning(warning_id, warning_id.title(), "possible") for warning_id in ids]
    notice = discussion_notice(
        discussion_id=7, marker="m", title="Tide", chapter=2, warnings=warnings,
        caught_up=0, prompts=[], role_id=None, late_since=None,
    )  # fmt: skip
    header = render_header("Tide", Chapter(2, None, [Scene(["Night."])]), warnings)
    said = f"{len(ids)} possible warning"
    assert notice.embed is not None and said in notice.embed["description"] and said in header


def test_a_reminder_too_long_to_name_everyone_behind_counts_the_rest_and_names_where_they_are() -> None:
    """A public post may count who it cannot name, but must say where the whole club is seen."""
    due = datetime(2030, 5, 1, 18, 0, tzinfo=UTC)
    behind = [10**17 + n for n in range(200)]
    notice = reminder_notice(
        marker="m", title="T", chapter=2, due_at=due, behind=behind, hidden_behind=3, story_id=4
    )  # fmt: skip
    assert notice.content is not None and len(notice.content) <= 2000
    named = len(notice.user_ids)
    assert 0 < named < len(behind)
    pointer = (
        f"and {len(behind) - named} more (`/progress club story:4` shows where everyone is), plus 3 hidden members."
    )
    assert notice.content.endswith(pointer), notice.content[-200:]
    few = reminder_notice(marker="m", title="T", chapter=2, due_at=due, behind=behind[:3], hidden_behind=0, story_id=4)
    assert few.content is not None and "/progress club" not in few.content  # all named: nothing to point to
