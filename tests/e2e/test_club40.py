"""Club admins' and members' slips of round 9 (session 40), answered through the Discord double."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from bot.devtools.driver import Club, Reply
from bot.progress.store import mark_read
from bot.warnings import service as warnings_service
from tests.e2e.test_discussions import advance
from tests.e2e.test_mistakes34 import private_and_short
from tests.e2e.test_nominations import nominate

TIDEWATER = (
    "Tidewater\nby saltwaterink\n\n"
    "Chapter 1: The Crossing\n\nMira had run the ferry since she was twelve, and she knew the river's moods.\n\n"
    "Chapter 2: The Weir\n\nA/N: TW: drowning\n\nThey argued at the weir about the fare and parted angry.\n\n"
    "Chapter 3: The Flood\n\nThe boat turned over in the flood and the water closed over his head.\n\n"
    "Chapter 4: Dry Land\n\nHe stayed at the ferry house that winter and mended nets by the stove.\n"
)


async def _other_story(club: Club) -> int:
    text = TIDEWATER.replace("Tidewater", "Saltmarsh").replace("Mira", "Nell")
    added = await club.slash("story add", member=club.admin, file=("saltmarsh.txt", text.encode()))
    return int(added[-1].text.split("(story id ")[1].split(",")[0])


async def _tidewater(club: Club) -> int:
    added = await club.slash("story add", member=club.admin, file=("tidewater.txt", TIDEWATER.encode()))
    return int(added[-1].text.split("(story id ")[1].split(",")[0])


async def test_avoided_words_carry_over_to_a_category_created_for_them_later(club: Club) -> None:
    """A member avoided "drowning" when no category matched it (the author's words in chapter 2's
    note). An admin then created a Drowning category whose rule finds chapter 3's flood: chapter 3's
    header said **Drowning** and the member read it unasked, /prefs show still said "no category",
    and the reminder to read on to chapter 3 named them. A member avoiding the new category was not
    asked before chapter 2, whose header names drowning in the author's words."""
    db, guild_id = club.bot.db, club.guild.id
    story_id = await _tidewater(club)
    [noted] = await club.slash("prefs avoid", member=club.member, warning="drowning")
    assert "Noted: you avoid **“drowning”**" in noted.text, noted.text
    added = await club.slash(
        "warnings rules add", member=club.admin, category="drowning", pattern="water closed over", new_category=True
    )
    assert "Added rule #" in added[-1].text, added[-1].text
    [both] = await club.slash("prefs avoid", member=club.other_member, warning="Drowning")
    assert "Noted: you avoid **Drowning**" in both.text, both.text

    for member, chapter in ((club.member, 3), (club.member, 2), (club.other_member, 2), (club.other_member, 3)):
        asked = (await club.slash("excerpt read", member=member, story=str(story_id), chapter=chapter))[0]
        assert "has a warning you asked to avoid" in asked.text, (member, chapter, asked.text)
        assert "Drowning" in asked.text or "drowning" in asked.text, asked.text
    for member in (club.member, club.other_member):
        plain = await club.slash("excerpt read", member=member, story=str(story_id), chapter=4)
        assert "asked to avoid" not in plain[0].text, plain[0].text

    [shown] = await club.slash("prefs show", member=club.member)
    assert "no category" not in shown.text and "Drowning" in shown.text, shown.text
    offered = await club.autocomplete("prefs avoid", "warning", "drown", member=club.moderator)
    assert [choice["value"] for choice in offered] == ["drowning"], offered

    for member in (club.member, club.other_member, club.moderator):
        await club.run(mark_read(db, guild_id, member.id, story_id, 2, now=0))
    await club.slash(
        "discussion schedule", member=club.admin, story=str(story_id), chapter=3, when="in 4 hours",
        remind="2h", channel=club.text_channel,
    )  # fmt: skip
    await advance(club, timedelta(hours=2))
    [reminder] = club.messages(club.text_channel, include_replies=False)
    assert club.moderator.mention() in reminder.text, reminder.text
    assert club.member.mention() not in reminder.text and club.other_member.mention() not in reminder.text


async def test_a_second_withdraw_of_a_nomination_another_admin_just_took_out_says_so(club: Club) -> None:
    """Two admins picked "Dune" from the /vote withdraw menu; the second was told "That is not one of
    this round's nominations", as though they had picked wrong. Typed by its title, the same."""
    await nominate(club, club.member, "Dune")
    await nominate(club, club.other_member, "Kindred")
    [listed] = await club.autocomplete("vote withdraw", "nomination", "dune", member=club.admin)
    [done] = await club.slash("vote withdraw", member=club.owner, nomination=listed["value"])
    assert "Took **Dune** out of this round" in done.text, done.text
    for picked in (listed["value"], "dune", "Dune "):
        again = private_and_short(await club.slash("vote withdraw", member=club.admin, nomination=picked))
        assert "**Dune** was already taken out of this round" in again.text, again.text
        assert "not one of this round's nominations" not in again.text, again.text
    # Nominated again, it is a nomination like any other: it can come out again.
    await nominate(club, club.moderator, "Dune")
    [again] = await club.slash("vote withdraw", member=club.admin, nomination="Dune")
    assert "Took **Dune** out of this round" in again.text, again.text
    # A nomination dropped when its only backer nominated another book says that instead.
    await nominate(club, club.member, "Emma")
    await nominate(club, club.member, "Persuasion")
    dropped = private_and_short(await club.slash("vote withdraw", member=club.admin, nomination="Emma"))
    assert "**Emma** is no longer nominated: the one member backing it nominated another book" in dropped.text


async def opened_in_an_hour(club: Club, story_id: int) -> Reply:
    """The discussion of chapter 1 scheduled in the text channel for an hour from now, the hour gone
    by: the one post it opened with."""
    await club.slash(
        "discussion schedule", member=club.admin, story=str(story_id), chapter=1, when="in 1 hour",
        channel=club.text_channel,
    )  # fmt: skip
    await advance(club, timedelta(hours=1))
    [post] = club.messages(club.text_channel, include_replies=False)
    return post


async def test_a_spoiler_tagged_prompt_is_posted_as_a_spoiler(club: Club) -> None:
    """ "||Was it Rue?||" was cut at its bars into two prompts and posted as "Was it Rue?" for all to read."""
    story_id = await _tidewater(club)
    [saved] = await club.slash(
        "discussion prompts", member=club.admin, prompts="Who lied? | ||Was it Rue?|| Why? | What next?"
    )
    assert saved.text.count("•") == 3, saved.text
    post = await opened_in_an_hour(club, story_id)
    assert "• ||Was it Rue?|| Why?" in post.text, post.text
    assert "• Who lied?" in post.text and "• What next?" in post.text, post.text


async def test_remove_pressed_twice_fast_or_with_cancel_says_the_story_was_removed(club: Club) -> None:
    """Two quick presses of Remove (or Remove then Cancel) each edited the question: the last edit won,
    so the admin who had just removed the story read "That story was already removed." or even
    "Nothing was removed." under it."""
    for second in ("Remove", "Cancel"):
        story_id = await _tidewater(club) if second == "Remove" else await _other_story(club)
        [question] = await club.slash("story remove", member=club.admin, story=str(story_id))
        first, again = await asyncio.gather(
            club.click(question, "Remove", member=club.admin), club.click(question, second, member=club.admin)
        )
        assert question.message is not None
        shown = question.message.content
        assert shown.startswith("Removed **"), (second, shown)
        assert not question.message.components, question.message.components
        said = " ".join(reply.text for reply in [*first, *again] if reply.id != question.id)
        assert "Nothing was removed" not in said and "Nothing was removed" not in shown, said
        expected = "first press of Remove removes the story" if second == "Remove" else "Too late to cancel"
        assert expected in said, (second, said)
        listed = await club.slash("story list", member=club.admin)
        assert "Tidewater" not in listed[-1].text and "Saltmarsh" not in listed[-1].text, listed[-1].text


async def test_a_discussion_whose_club_role_was_deleted_opens_without_pinging_a_deleted_role(club: Club) -> None:
    """The club role set in /config was deleted: the discussion opened "@deleted-role, the discussion of ..."
    (Discord shows a deleted role's mention so) and the double counted a ping of a role that is gone."""
    story_id = await _tidewater(club)
    await club.slash("config set", member=club.admin, club_role=club.club_role)
    gone = club.club_role.id
    await club.delete_role(club.club_role)
    post = await opened_in_an_hour(club, story_id)
    assert post.content == "The discussion of **Tidewater**, chapter 1, is open.", post.content
    assert post.message is not None and gone not in post.message.pinged_roles


async def test_a_withdraw_picked_before_another_admin_took_it_out_never_takes_out_the_next_nomination(
    club: Club,
) -> None:
    """The menu's value was the nomination's id, and SQLite gives a deleted last row's id to the next
    row: "Dune" picked, taken out by another admin, then "Emma" nominated with Dune's id, the pick
    took Emma out."""
    await nominate(club, club.other_member, "Kindred")
    await nominate(club, club.member, "Dune")
    [picked] = await club.autocomplete("vote withdraw", "nomination", "dune", member=club.admin)
    [done] = await club.slash("vote withdraw", member=club.owner, nomination=picked["value"])
    assert "Took **Dune** out" in done.text, done.text
    await nominate(club, club.moderator, "Emma")
    late = private_and_short(await club.slash("vote withdraw", member=club.admin, nomination=picked["value"]))
    assert "**Dune** was already taken out of this round" in late.text, late.text
    [listed] = await club.slash("nominations", member=club.member)
    assert "Emma" in listed.text and "Kindred" in listed.text, listed.text


async def test_a_rule_picked_before_another_admin_removed_it_never_removes_the_rule_added_after_it(
    club: Club,
) -> None:
    """The menu's value was the rule's number, and SQLite gives a deleted last row's id to the next
    row: a rule picked, removed by another admin, then a new rule added under its number, the pick
    removed the new rule."""
    await club.slash("warnings rules add", member=club.admin, category="death", pattern="the lamp went out")
    [picked] = await club.autocomplete("warnings rules remove", "rule", "lamp", member=club.admin)
    [done] = await club.slash("warnings rules remove", member=club.owner, rule=picked["value"])
    assert "Removed rule #" in done.text, done.text
    await club.slash("warnings rules add", member=club.owner, category="death", pattern="the tide took him")
    late = private_and_short(await club.slash("warnings rules remove", member=club.admin, rule=picked["value"]))
    assert "was removed since" in late.text and "nothing was removed" in late.text.lower(), late.text
    rules = await club.run(warnings_service.list_rules(club.bot.db, club.guild.id))
    assert [rule.pattern for rule in rules] == ["the tide took him"], rules
