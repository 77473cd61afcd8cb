"""Books without a file through the Discord double: ``/story add title: chapters:`` and everything that reads chapters."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.devtools.driver import Club, DriverError
from bot.story.store import search_stories


async def add_book(club: Club, **options) -> tuple[int, str]:
    [answer] = await club.slash("story add", member=club.admin, **options)
    assert answer.ephemeral
    [record] = await club.run(search_stories(club.bot.db, club.guild.id, options["title"]))
    return record.id, answer.text


def utc_text(moment: datetime) -> str:
    return f"{moment.astimezone(UTC):%Y-%m-%d %H:%M} UTC"


async def test_a_book_without_a_file_works_for_progress_discussions_warnings_and_says_there_is_no_text(
    club: Club,
) -> None:
    story, text = await add_book(
        club, title="The Left Hand of Darkness", chapters=20, author="Ursula K. Le Guin", warnings="violence, suicide"
    )
    assert "Added **The Left Hand of Darkness** by Ursula K. Le Guin" in text
    assert "20 chapters, no text" in text and "**Violence**" in text and "**Suicide**" in text

    [info] = await club.slash("story info", member=club.member, story=str(story))
    assert "The club reads this book elsewhere" in info.text and "Violence" in info.text
    assert "20 chapters. Added" in info.text and "0 words" not in info.text  # no text, so no count of it
    [shelf] = await club.slash("story list", member=club.member)
    assert "20 ch. · read elsewhere · id" in shelf.text and "0 words" not in shelf.text
    listed = await club.autocomplete("progress set", "story", "left hand", member=club.member)
    assert [c["value"] for c in listed] == [str(story)]

    # Progress and the club view.
    [saved] = await club.slash("progress set", member=club.member, story=str(story), chapter=5)
    assert "read up to chapter 5" in saved.text and "5/20" in saved.text
    [club_view] = await club.slash("progress club", member=club.other_member, story=str(story))
    assert club_view.attachments or "1 member" in club_view.text

    # Preferences and overrides on its warnings.
    [avoided] = await club.slash("prefs avoid", member=club.member, warning="suicide")
    assert "Suicide" in avoided.text
    [changed] = await club.slash("warnings story", member=club.admin, story=str(story), add="grief", remove="violence")
    seen = changed.text.split("Warnings members see")[1].split("Hidden by an admin")[0]
    assert "Grief" in seen and "Violence" not in seen

    # No text to show, whoever asks and wherever it would go.
    for command, who in (("excerpt read", club.member), ("excerpt post", club.admin)):
        [refusal] = await club.slash(command, member=who, story=str(story), chapter=3)
        assert refusal.ephemeral and "reads elsewhere" in refusal.text and "no text to show" in refusal.text
    assert club.messages(club.text_channel) == []

    # A discussion of chapter 5 posts on time, with a progress-gated thread the reader is in.
    due = (club.clock.now() + timedelta(days=1)).replace(second=0, microsecond=0)
    [scheduled] = await club.slash(
        "discussion schedule", member=club.admin, story=str(story), chapter=5, when=utc_text(due),
        channel=club.text_channel, remind="1h",
    )  # fmt: skip
    assert "chapter 5" in scheduled.text
    await club.clock.advance(timedelta(hours=23, minutes=1))
    await club.wait_for(lambda: len(club.messages(club.text_channel, include_replies=False)) == 1, "the reminder")
    [reminder] = club.messages(club.text_channel, include_replies=False)
    assert "The Left Hand of Darkness" in reminder.text
    await club.clock.advance(timedelta(hours=1))
    await club.wait_for(lambda: len(club.messages(club.text_channel, include_replies=False)) == 2, "the discussion")
    post = club.messages(club.text_channel, include_replies=False)[-1]
    assert "The Left Hand of Darkness" in post.text and "Discussion" in post.text
    await club.wait_for(lambda: any(t.parent_id == club.text_channel.id for t in club.threads), "the thread")
    [thread] = [t for t in club.threads if t.parent_id == club.text_channel.id]
    await club.wait_for(lambda: club.member.id in thread.member_ids, "the reader in the thread")
    assert club.other_member.id not in thread.member_ids


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ({"title": "No count"}, "give `title:` and `chapters:`"),
        ({"chapters": 3}, "Give the book a title"),
        ({"title": "\u200b\u202e\u2066 \u200d", "chapters": 3}, "Give the book a title"),  # nothing that draws
    ],
)
async def test_bad_book_input_is_refused_and_nothing_is_added(club: Club, options: dict, expected: str) -> None:
    [refusal] = await club.slash("story add", member=club.admin, **options)
    assert refusal.ephemeral and expected in refusal.text
    assert await club.run(search_stories(club.bot.db, club.guild.id, "")) == []


async def test_chapter_and_title_bounds_are_enforced_by_the_command_and_by_the_bot(club: Club) -> None:
    # Discord itself refuses values outside the synced bounds (the member sees the limit as they type).
    for chapters in (0, 10_001):
        with pytest.raises(DriverError, match=r"min_value 1|max_value 10000"):
            await club.slash("story add", member=club.admin, title="Out of bounds", chapters=chapters)
    with pytest.raises(DriverError, match="max_length 200"):
        await club.slash("story add", member=club.admin, title="t" * 201, chapters=3)
    # The limits themselves are accepted.
    story, text = await add_book(club, title="x" * 200, chapters=10_000)
    assert "10,000 chapters" in text
    [info] = await club.slash("story info", member=club.member, story=str(story))
    assert "reads this book elsewhere" in info.text


async def test_a_file_and_chapters_together_are_refused_and_members_cannot_add_books(club: Club, sample_story) -> None:
    [refusal] = await club.slash("story add", member=club.admin, file=sample_story, chapters=3)
    assert "not both" in refusal.text
    [refusal] = await club.slash("story add", member=club.member, title="Mine", chapters=3)
    assert "Manage Server" in refusal.text


async def test_a_book_title_and_author_cannot_turn_the_lines_they_are_on_around(club: Club) -> None:
    """A bidi override typed into ``title:``/``author:`` would reverse the rest of every line naming the book."""
    [answer] = await club.slash(
        "story add", member=club.admin, title="\u202eGull \u2066Point\u200b", chapters=3, author="\u202bAnn \u200bLee"
    )
    assert "Added **Gull Point** by Ann \u200bLee (story id" in answer.text
    [record] = await club.run(search_stories(club.bot.db, club.guild.id, "gull"))
    assert (record.title, record.author) == ("Gull Point", "Ann \u200bLee")
