"""``/nominate``, ``/nominations`` and ``/vote`` through the Discord double, with native polls.

The double ends a poll the way Discord does (the poll's message updated with final counts, then a
POLL_RESULT message), when its time runs out on the bot's clock or when a test ends it early.
"""

from __future__ import annotations

from datetime import timedelta

import discord
import pytest

from bot.devtools.double import permissions as P
from bot.devtools.double.state import DoubleError
from bot.devtools.driver import Club, CommandNotVisible, DriverError, Reply
from bot.nominations import store


async def set_club_channel(club: Club) -> None:
    await club.slash("config set", member=club.admin, club_channel=club.text_channel)


async def nominate(club: Club, member, title: str, **more) -> Reply:
    [answer] = await club.slash("nominate", member=member, title=title, **more)
    assert answer.ephemeral
    return answer


async def start_vote(club: Club, hours: int = 24) -> Reply:
    [answer] = await club.slash("vote start", member=club.admin, hours=hours)
    assert answer.ephemeral and "The vote is open" in answer.text
    [poll] = club.polls(club.text_channel)
    return poll


def announcements(club: Club) -> list[Reply]:
    return [m for m in club.messages(club.text_channel, include_replies=False) if "The vote" in m.text]


async def test_members_nominate_an_admin_starts_the_poll_and_the_winner_becomes_a_book(club: Club) -> None:
    await set_club_channel(club)
    added = await nominate(club, club.member, "The Dispossessed")
    assert "You nominated **The Dispossessed**" in added.text
    merged = await nominate(club, club.other_member, "the  dispossessed")
    assert "already nominated" in merged.text and "2 members" in merged.text
    await nominate(club, club.moderator, "Piranesi")
    replaced = await nominate(club, club.moderator, "Kindred")
    assert "replaces your earlier nomination, **Piranesi**" in replaced.text
    choices = await club.autocomplete("nominate", "title", "dis", member=club.admin)
    assert [c["value"] for c in choices] == ["The Dispossessed"]
    [listing] = await club.slash("nominations", member=club.other_member)
    assert "**The Dispossessed**" in listing.text and "+1 more member" in listing.text
    assert "**Kindred**" in listing.text and "Piranesi" not in listing.text
    assert not listing.message.pinged_users

    poll_message = await start_vote(club, hours=48)
    poll = poll_message.message.poll
    assert poll.question == "What should the club read next?"
    assert club.poll_results(poll_message) == {"The Dispossessed": 0, "Kindred": 0}
    assert poll.expiry == pytest.approx((club.clock.now() + timedelta(hours=48)).timestamp(), abs=5)
    # Nominations made now belong to the next round.
    later = await nominate(club, club.owner, "Next time")
    assert "counts for the next one" in later.text
    [listing] = await club.slash("nominations", member=club.member)
    assert "A vote is running" in listing.text and "**Next time**" in listing.text
    assert ":F> (<t:" in listing.text and ":R>) between" in listing.text  # when_line, as every time is said
    assert "between **The Dispossessed** and **Kindred**." in listing.text  # a sentence, not "A, B."

    await club.vote(poll_message, "Kindred", member=club.member)
    await club.vote(poll_message, "The Dispossessed", member=club.other_member)
    await club.vote(poll_message, "Kindred", member=club.other_member)  # changes their vote
    await club.vote(poll_message, "Kindred", member=club.admin)
    assert club.poll_results(poll_message) == {"The Dispossessed": 0, "Kindred": 3}

    assert await club.end_poll(poll_message) is True  # Discord's end event: message update + result message
    await club.wait_for(lambda: len(announcements(club)) == 1, "the announcement")
    [announcement] = announcements(club)
    assert "the club's next read is **Kindred**, with 3 votes of 3" in announcement.text
    assert not (announcement.message.pinged_users or announcement.message.pinged_roles)
    assert not announcement.message.pinged_everyone
    assert announcement.labels == ["Add “Kindred” as a book"]

    # A plain member cannot use the button; the admin gets a form asking the chapter count.
    [refusal] = await club.click(announcement, "Add “Kindred” as a book", member=club.member)
    assert refusal.ephemeral and "Manage Server" in refusal.text
    [form] = await club.click(announcement, "Add “Kindred” as a book", member=club.admin)
    assert form.modal is not None and form.modal["title"] == "Add the book to the library"
    [bad] = await club.submit_modal(form, {"chapters": "0"}, member=club.admin)
    assert "1 to 10,000 chapters" in bad.text
    [form] = await club.click(announcement, "Add “Kindred” as a book", member=club.admin)
    [added] = await club.submit_modal(
        form, {"chapters": "14", "author": "Octavia E. Butler", "warnings": "racism, violence"}, member=club.admin
    )
    assert "Added **Kindred** by Octavia E. Butler" in added.text and "14 chapters" in added.text
    assert "**Racism**" in added.text
    [info] = await club.slash("story info", member=club.member, story="Kindred")
    assert "reads this book elsewhere" in info.text
    [again] = await club.click(announcement, "Add “Kindred” as a book", member=club.admin)
    assert "already in the library" in again.text

    # Later time passing never announces the same vote again.
    await club.clock.advance(timedelta(hours=49))
    await club.settle()
    assert len(announcements(club)) == 1


async def test_a_tie_found_when_the_poll_runs_out_is_announced_as_a_tie(club: Club) -> None:
    await set_club_channel(club)
    for member, title in ((club.member, "Beloved"), (club.other_member, "Middlemarch"), (club.moderator, "Emma")):
        await nominate(club, member, title)
    poll_message = await start_vote(club, hours=1)
    await club.vote(poll_message, "Beloved", member=club.member)
    await club.vote(poll_message, "Middlemarch", member=club.other_member)
    await club.clock.advance(timedelta(hours=1, minutes=2))
    await club.wait_for(lambda: len(announcements(club)) == 1, "the announcement")
    [announcement] = announcements(club)
    assert "it is a tie: **Beloved** and **Middlemarch**, with 1 vote each (2 in all)" in announcement.text
    assert announcement.labels == ["Add “Beloved” as a book", "Add “Middlemarch” as a book"]
    assert poll_message.message.poll.finalized


async def test_the_poll_result_message_alone_settles_the_vote(club: Club) -> None:
    await set_club_channel(club)
    await nominate(club, club.member, "Beloved")
    await nominate(club, club.other_member, "Emma")
    poll_message = await start_vote(club)
    await club.vote(poll_message, "Emma", member=club.member)
    await club.end_poll(poll_message, send_update=False)  # only the POLL_RESULT message (type 46) arrives
    await club.wait_for(lambda: len(announcements(club)) == 1, "the announcement")
    assert "next read is **Emma**" in announcements(club)[0].text


async def test_a_restart_while_the_poll_is_open_announces_the_result_once_and_its_button_survives_restarts(
    club: Club,
) -> None:
    await set_club_channel(club)
    await nominate(club, club.member, "Beloved")
    await nominate(club, club.other_member, "Emma")
    poll_message = await start_vote(club, hours=24)
    await club.vote(poll_message, "Beloved", member=club.member)
    await club.vote(poll_message, "Beloved", member=club.other_member)

    async def poll_ends_while_down() -> None:
        await club.clock.advance(timedelta(hours=25))
        assert poll_message.message.poll.finalized  # Discord ended it; its events reached nobody

    await club.restart(while_down=poll_ends_while_down)
    await club.wait_for(lambda: len(announcements(club)) == 1, "the announcement after the restart")
    assert "next read is **Beloved**, with 2 votes of 2" in announcements(club)[0].text
    await club.settle()  # the round is marked announced just after the announcement is posted
    vote = await club.run(store.round_for_message(club.bot.db, club.guild.id, poll_message.id))
    assert vote is not None and vote.state == "announced"
    # Another start announces nothing more, and the button posted before it still opens the form.
    await club.restart()
    assert await club.run(club.bot.get_cog("NominationCog").service.next_due()) is None
    await club.clock.advance(timedelta(days=2))
    assert len(announcements(club)) == 1
    [form] = await club.click(announcements(club)[0], "Add “Beloved” as a book", member=club.admin)
    assert form.modal is not None
    [added] = await club.submit_modal(form, {"chapters": "1,024"}, member=club.admin)
    assert "Added **Beloved**" in added.text and "1,024 chapters" in added.text


async def test_an_announcement_discord_took_before_a_kill_is_found_not_posted_again(club: Club) -> None:
    """Killed after Discord took the announcement, before it was recorded, and down longer than the
    nonce holds: the restarted bot posted the result a second time."""
    await set_club_channel(club)
    await nominate(club, club.member, "Beloved")
    await nominate(club, club.other_member, "Emma")
    poll_message = await start_vote(club, hours=1)
    await club.vote(poll_message, "Emma", member=club.member)
    await club.clock.advance(timedelta(hours=1, minutes=2))
    await club.wait_for(lambda: len(announcements(club)) == 1, "the announcement")
    await club.settle()
    # What a kill between Discord's answer and the write leaves: the round ended, not announced.
    await club.run(
        club.bot.db.execute(
            "UPDATE nomination_rounds SET state = 'ended', announcement_id = NULL WHERE message_id = ?",
            (poll_message.id,),
        )
    )
    await club.restart(while_down=lambda: club.clock.advance(timedelta(minutes=30)))
    await club.settle()
    [announcement] = announcements(club)
    vote = await club.run(store.round_for_message(club.bot.db, club.guild.id, poll_message.id))
    assert vote is not None and vote.state == "announced" and vote.announcement_id == announcement.id


async def test_a_poll_discord_took_before_a_kill_is_taken_on_by_the_next_vote_start(club: Club) -> None:
    """Killed between Discord's answer and the write, the round stayed open: /vote start posted a second poll."""
    await set_club_channel(club)
    await nominate(club, club.member, "Beloved")
    await nominate(club, club.other_member, "Emma")
    poll_message = await start_vote(club, hours=24)
    await club.vote(poll_message, "Emma", member=club.member)
    # What the kill leaves: the poll in the channel, its round open as before it was posted.
    await club.run(
        club.bot.db.execute(
            "UPDATE nomination_rounds SET state = 'open', channel_id = NULL, message_id = NULL, ends_at = NULL"
            " WHERE message_id = ?",
            (poll_message.id,),
        )
    )
    await club.restart(while_down=lambda: club.clock.advance(timedelta(minutes=30)))
    [answer] = await club.slash("vote start", member=club.admin, hours=24)
    assert "The vote is open" in answer.text
    assert [poll.id for poll in club.polls(club.text_channel)] == [poll_message.id]
    await club.end_poll(poll_message)
    await club.wait_for(lambda: len(announcements(club)) == 1, "the announcement")
    assert "next read is **Emma**, with 1 vote of 1" in announcements(club)[0].text


async def test_an_add_a_book_form_held_open_across_a_restart_still_adds_the_book(club: Club) -> None:
    """The form was once a discord.py object in memory: submitted after a restart, nobody answered it."""
    await set_club_channel(club)
    await nominate(club, club.member, "Beloved")
    await nominate(club, club.other_member, "Emma")
    poll_message = await start_vote(club)
    await club.vote(poll_message, "Emma", member=club.member)
    await club.end_poll(poll_message)
    await club.wait_for(lambda: len(announcements(club)) == 1, "the announcement")
    [form] = await club.click(announcements(club)[0], "Add “Emma” as a book", member=club.admin)
    [other_form] = await club.click(announcements(club)[0], "Add “Emma” as a book", member=club.admin)
    await club.restart()
    [added] = await club.submit_modal(form, {"chapters": "12", "warnings": "death"}, member=club.admin)
    assert added.ephemeral and "Added **Emma** (story id" in added.text and "12 chapters" in added.text
    assert "**Death**" in added.text
    [again] = await club.submit_modal(other_form, {"chapters": "12"}, member=club.admin)
    assert again.ephemeral and "already in the library" in again.text


async def test_a_poll_deleted_by_a_moderator_calls_the_vote_off_and_the_club_can_vote_again(club: Club) -> None:
    """Before, /vote start refused until the deleted poll's end, and then its nominations were gone."""
    await set_club_channel(club)
    await nominate(club, club.member, "Beloved")
    await nominate(club, club.other_member, "Emma")
    poll_message = await start_vote(club, hours=48)

    async def moderator_deletes_the_poll() -> None:
        club.state.delete_message(poll_message.message)
        await club.runtime.settle()

    await club.run(moderator_deletes_the_poll)
    await club.settle()
    [told] = announcements(club)
    assert "The vote was called off" in told.text and not told.message.pinged_users
    [listing] = await club.slash("nominations", member=club.member)
    assert "A vote is running" not in listing.text and "**Beloved**" in listing.text and "**Emma**" in listing.text
    again = await start_vote(club, hours=1)
    assert club.poll_results(again) == {"Beloved": 0, "Emma": 0}
    await club.vote(again, "Emma", member=club.member)
    await club.clock.advance(timedelta(hours=49))
    await club.wait_for(lambda: len(announcements(club)) == 2, "the announcement")
    assert "next read is **Emma**" in announcements(club)[1].text


async def test_a_plain_member_cannot_start_a_vote(club: Club) -> None:
    await set_club_channel(club)
    with pytest.raises(CommandNotVisible):
        await club.slash("vote start", member=club.member)
    club.override_command_permissions("vote")  # a server admin opens /vote to everyone
    [refusal] = await club.slash("vote start", member=club.member)
    assert refusal.ephemeral and "Manage Server" in refusal.text
    assert club.polls() == []


async def test_vote_start_needs_two_to_ten_nominations_and_a_club_channel(club: Club) -> None:
    [refusal] = await club.slash("vote start", member=club.admin)
    assert "Set the club channel first" in refusal.text
    await set_club_channel(club)
    [refusal] = await club.slash("vote start", member=club.admin)
    assert "There are no nominations yet; a vote needs at least 2" in refusal.text
    await nominate(club, club.member, "Book 1")
    [refusal] = await club.slash("vote start", member=club.admin)
    assert "only 1 nomination yet" in refusal.text

    async def more() -> None:
        for index in range(2, 12):  # members without slash commands in this test: straight to the service
            await club.bot.get_cog("NominationCog").service.nominate(club.guild.id, 9000 + index, f"Book {index}")

    await club.run(more)
    [refusal] = await club.slash("vote start", member=club.admin)
    assert "There are 11 nominations, but a Discord poll holds at most 10 answers" in refusal.text
    assert "/vote withdraw" in refusal.text
    assert club.polls() == []
    [choice] = await club.autocomplete("vote withdraw", "nomination", "Book 11", member=club.admin)
    [withdrawn] = await club.slash("vote withdraw", member=club.admin, nomination=choice["value"])
    assert "Took **Book 11** out of this round; 10 nominations left" in withdrawn.text
    poll_message = await start_vote(club)
    assert len(club.poll_results(poll_message)) == 10
    [refusal] = await club.slash("vote start", member=club.admin)
    assert "A vote is already running" in refusal.text


async def test_a_club_channel_without_create_polls_is_named_in_the_refusal(club: Club) -> None:
    await set_club_channel(club)
    await nominate(club, club.member, "Beloved")
    await nominate(club, club.other_member, "Emma")
    await club.set_overwrite(club.text_channel, club.bot_role, deny=P.SEND_POLLS)
    [refusal] = await club.slash("vote start", member=club.admin)
    assert "I can't post the poll in" in refusal.text and "Create Polls" in refusal.text
    assert club.polls() == []
    await club.set_overwrite(club.text_channel, club.bot_role)
    assert await start_vote(club)


async def test_long_titles_are_refused_by_the_command_and_clipped_in_the_poll(club: Club) -> None:
    await set_club_channel(club)
    with pytest.raises(DriverError, match="max_length 200"):
        await club.slash("nominate", member=club.member, title="x" * 201)
    long_title = "A Title Of Exactly Two Hundred Characters " * 5
    await nominate(club, club.member, long_title[:200])
    await nominate(club, club.other_member, "Short")
    poll_message = await start_vote(club)
    answers = list(club.poll_results(poll_message))
    assert len(answers[0]) <= 55 and answers[0].endswith("…") and answers[1] == "Short"


async def test_a_library_story_can_be_nominated_and_nominations_are_per_server(club: Club) -> None:
    await club.slash("story add", member=club.admin, title="Station Eleven", chapters=12)
    [choice] = await club.autocomplete("nominate", "story", "station", member=club.member)
    [answer] = await club.slash("nominate", member=club.member, story=choice["value"])
    assert answer.ephemeral and "**Station Eleven** (it is in the library)" in answer.text
    other = await club.add_guild("Another Club")
    [listing] = await other.slash("nominations", member=other.member)
    assert "No nominations yet" in listing.text


async def test_a_title_and_a_story_naming_different_books_are_refused(club: Club) -> None:
    """``/nominate title:Piranesi story:<Station Eleven>`` once nominated Station Eleven and dropped the
    typed title without a word; now the member is asked to give one (the same book twice is fine),
    and giving neither says what to give."""
    await club.slash("story add", member=club.admin, title="Station Eleven", chapters=12)
    [choice] = await club.autocomplete("nominate", "story", "station", member=club.member)
    [refused] = await club.slash("nominate", member=club.member, title="*Piranesi*", story=choice["value"])
    assert refused.ephemeral and "name different books; give one of them" in refused.text
    assert "“\\*Piranesi\\*”" in refused.text and "**Station Eleven**" in refused.text
    [listing] = await club.slash("nominations", member=club.member)
    assert "No nominations yet" in listing.text
    same = await nominate(club, club.member, "station  eleven", story=choice["value"])
    assert "You nominated **Station Eleven** (it is in the library)" in same.text
    [neither] = await club.slash("nominate", member=club.other_member)
    assert neither.ephemeral and "Give the book you nominate: `title:`" in neither.text


# ---------------------------------------------------------------------------------- the double


async def test_the_double_refuses_polls_discord_would_refuse(club: Club) -> None:
    channel = club.text_channel

    async def send(question: str, answers: list[str], hours: int = 24) -> None:
        poll = discord.Poll(question=question, duration=timedelta(hours=hours))
        for answer in answers:
            poll.add_answer(text=answer)
        await club.bot.get_channel(channel.id).send(poll=poll)

    for question, answers in (("q" * 301, ["a", "b"]), ("Which?", [str(i) for i in range(11)]), ("Which?", ["a" * 56])):
        with club.expect_errors(400, 50035), pytest.raises(discord.HTTPException):
            await club.run(send(question, answers))
    await club.set_overwrite(channel, club.bot_role, deny=P.SEND_POLLS)
    with club.expect_errors(403, 50013), pytest.raises(discord.Forbidden):
        await club.run(send("Which?", ["a", "b"]))
    assert club.polls(channel) == []


async def test_the_double_counts_votes_ends_polls_once_and_reports_voters(club: Club) -> None:
    channel = club.bot.get_channel(club.text_channel.id)
    seen: list[tuple[int, int]] = []

    async def on_vote(event: discord.RawPollVoteActionEvent) -> None:
        if event.guild_id == club.guild.id:
            seen.append((event.user_id, event.answer_id))

    async def send() -> int:
        club.bot.add_listener(on_vote, "on_raw_poll_vote_add")
        poll = discord.Poll(question="Tea or coffee?", duration=timedelta(hours=2))
        poll.add_answer(text="Tea").add_answer(text="Coffee")
        return (await channel.send(poll=poll)).id

    message_id = await club.run(send)
    [poll_message] = club.polls(club.text_channel)
    await club.vote(poll_message, "Tea", member=club.member)
    await club.vote(poll_message, 2, member=club.other_member)
    club.bot.remove_listener(on_vote, "on_raw_poll_vote_add")
    assert sorted(seen) == sorted([(club.member.id, 1), (club.other_member.id, 2)])
    with pytest.raises(DoubleError, match="invalid answers"):
        await club.vote(poll_message, 1, 2, member=club.admin)  # not a multiselect poll

    async def voters() -> list[int]:
        message = await channel.fetch_message(message_id)
        return [user.id async for user in message.poll.answers[0].voters()]

    assert await club.run(voters) == [club.member.id]

    async def end() -> tuple[bool, int]:
        message = await channel.fetch_message(message_id)
        ended = await message.end_poll()
        return ended.poll.is_finalized(), ended.poll.total_votes

    assert await club.run(end) == (True, 2)
    assert await club.end_poll(poll_message) is False  # already over
    with pytest.raises(DoubleError, match="ended"):
        await club.vote(poll_message, "Coffee", member=club.admin)
    results = [m for m in club.messages(club.text_channel) if m.message.type == 46]
    [result] = results
    fields = {f["name"]: f["value"] for f in result.embeds[0]["fields"]}
    assert fields["total_votes"] == "2" and "victor_answer_id" not in fields  # a tie names no victor


async def test_the_double_opens_dm_channels_and_closed_dms_refuse_with_50007(club: Club) -> None:
    async def dm(member) -> None:
        user = await club.bot.fetch_user(member.id)
        await user.send("Your discussion opens tomorrow.")

    await club.run(dm(club.member))
    assert [m.content for m in club.dms(club.member)] == ["Your discussion opens tomorrow."]
    club.set_dms_open(club.member, False)
    with club.expect_errors(403, 50007), pytest.raises(discord.Forbidden):
        await club.run(dm(club.member))
    club.set_dms_open(club.closed_dm_member, True)
    await club.run(dm(club.closed_dm_member))
    assert len(club.dms(club.closed_dm_member)) == 1
    assert len(club.dms(club.member)) == 1


@pytest.mark.parametrize(
    "nomination, answer",
    [
        ("99999", "That is not one of this round's nominations; pick one from the list or type its title."),
        ("9" * 40, "That is not one of this round's nominations; pick one from the list or type its title."),
        ("²", "That is not one of this round's nominations; pick one from the list or type its title."),
        ("-1", "That is not one of this round's nominations; pick one from the list or type its title."),
        ("Middlemarch", "That is not one of this round's nominations; pick one from the list or type its title."),
    ],
)
async def test_withdrawing_a_number_that_is_no_nomination_is_a_plain_refusal(
    club: Club, nomination: str, answer: str
) -> None:
    """40 nines once overflowed SQLite's integers and answered "Something went wrong"."""
    await nominate(club, club.member, "The Overstory")
    [refusal] = await club.slash("vote withdraw", member=club.admin, nomination=nomination)
    assert refusal.ephemeral and refusal.text == answer
    service = club.bot.get_cog("NominationCog").service
    assert [n.title for n in await club.run(service.open_nominations(club.guild.id))] == ["The Overstory"]


@pytest.mark.parametrize("typed", ["Piranesi", "  piranesi ", "1984", "pira"])
async def test_withdrawing_a_nomination_by_its_title_as_the_readme_shows(club: Club, typed: str) -> None:
    """`/vote withdraw nomination:Piranesi` (the README's example) was refused: only a pick from the list worked."""
    await nominate(club, club.member, "1984" if typed == "1984" else "Piranesi")
    await nominate(club, club.other_member, "The Overstory")
    [done] = await club.slash("vote withdraw", member=club.admin, nomination=typed)
    assert done.ephemeral and done.text.startswith("Took **") and "1 nomination left" in done.text
    service = club.bot.get_cog("NominationCog").service
    assert [n.title for n in await club.run(service.open_nominations(club.guild.id))] == ["The Overstory"]


async def test_a_nomination_shows_what_it_says_to_everyone_who_reads_it(club: Club) -> None:
    """Bidi overrides would turn the rest of each line around; a title of zero-width characters is a blank."""
    await set_club_channel(club)
    blank = await nominate(club, club.other_member, "\u200b\u200d\u2060 \u202e")
    assert "Give the title you nominate" in blank.text
    added = await nominate(club, club.member, "\u202e*Kindred*\u2066 \u200b")
    assert "You nominated **Kindred**." in added.text
    await nominate(club, club.other_member, "Piranesi\u202c")
    [listing] = await club.slash("nominations", member=club.other_member)
    assert "1. **Kindred** — nominated by" in listing.text and "2. **Piranesi** — nominated by" in listing.text
    poll = await start_vote(club)
    assert club.poll_results(poll) == {"Kindred": 0, "Piranesi": 0}


async def test_a_poll_deleted_while_the_bot_was_down_no_longer_blocks_the_next_vote(club: Club) -> None:
    """No event reached the bot, so /vote start refused until the deleted poll's end (here 48 hours)."""
    await set_club_channel(club)
    await nominate(club, club.member, "Beloved")
    await nominate(club, club.other_member, "Emma")
    poll_message = await start_vote(club, hours=48)

    async def moderator_deletes_the_poll() -> None:
        club.state.delete_message(poll_message.message)

    await club.restart(while_down=moderator_deletes_the_poll)
    with club.expect_errors(404, 10008):
        again = await start_vote(club, hours=1)
    assert club.poll_results(again) == {"Beloved": 0, "Emma": 0}  # the nominations came back for it
    [told] = announcements(club)
    assert "The vote was called off" in told.text


async def test_a_vote_whose_club_channel_was_deleted_no_longer_blocks_the_next_vote(club: Club) -> None:
    """The channel's deletion deletes its messages without an event for each: the poll was never noticed gone."""
    await set_club_channel(club)
    await nominate(club, club.member, "Beloved")
    await nominate(club, club.other_member, "Emma")
    await start_vote(club, hours=48)
    with club.expect_errors(404, 10003):  # the bot asks whether the poll went with it
        await club.delete_channel(club.text_channel)
    general = club.general_channel
    [listing] = await club.slash("nominations", member=club.admin, channel=general)
    assert "A vote" not in listing.text and "**Beloved**" in listing.text and "**Emma**" in listing.text
    await club.slash("config set", member=club.admin, club_channel=general, channel=general)
    [answer] = await club.slash("vote start", member=club.admin, channel=general)
    assert "The vote is open" in answer.text, answer.text
    [poll] = club.polls(general)
    assert club.poll_results(poll) == {"Beloved": 0, "Emma": 0}


async def test_a_tie_of_long_markdown_titles_is_announced_within_discords_limit(club: Club) -> None:
    """Escaped, five tied titles of markdown passed 2,000 characters: Discord refused the announcement
    every minute, and /vote start refused for good, as the result was never announced."""
    await set_club_channel(club)
    voters = [club.member, club.other_member, club.moderator, club.admin, club.owner]
    for index, member in enumerate(voters):
        await nominate(club, member, f"{index} " + "_*~|" * 49)
    poll_message = await start_vote(club)
    for answer, member in zip(club.poll_results(poll_message), voters, strict=True):
        await club.vote(poll_message, answer, member=member)
    await club.end_poll(poll_message)
    await club.wait_for(lambda: len(announcements(club)) == 1, "the announcement")
    [announcement] = announcements(club)
    assert "it is a tie: **0 \\_\\*\\~\\|" in announcement.text and "**4 \\_\\*" in announcement.text
    assert len(announcement.buttons) == 5
    await nominate(club, club.member, "Beloved")
    await nominate(club, club.other_member, "Emma")
    [started] = await club.slash("vote start", member=club.admin)
    assert "The vote is open" in started.text


async def test_an_admin_ends_the_poll_early_and_the_result_is_announced_once(club: Club) -> None:
    """Discord lets only a poll's author end it early: an admin's one way to close a vote was deleting it."""
    await set_club_channel(club)
    await nominate(club, club.member, "Beloved")
    await nominate(club, club.other_member, "Emma")
    with pytest.raises(CommandNotVisible):
        await club.slash("vote end", member=club.member)
    [nothing] = await club.slash("vote end", member=club.admin)
    assert nothing.ephemeral and "No vote is running" in nothing.text
    poll_message = await start_vote(club, hours=72)
    await club.vote(poll_message, "Emma", member=club.member)
    club.override_command_permissions("vote")
    [refusal] = await club.slash("vote end", member=club.member)
    assert refusal.ephemeral and "Manage Server" in refusal.text and not poll_message.message.poll.finalized

    [ended] = await club.slash("vote end", member=club.admin)
    assert ended.ephemeral and "I ended the poll and announced the result in" in ended.text
    assert poll_message.message.poll.finalized
    await club.settle()  # Discord's own end events arrive too, and announce nothing more
    [announcement] = announcements(club)
    assert "next read is **Emma**, with 1 vote of 1" in announcement.text
    [again] = await club.slash("vote end", member=club.admin)
    assert "No vote is running" in again.text
    await club.clock.advance(timedelta(hours=73))
    assert len(announcements(club)) == 1


def refused_posts(club: Club, status: int) -> int:
    """How many messages the bot tried to post in the club channel that Discord failed with ``status``."""
    path = f"/channels/{club.text_channel.id}/messages"
    return sum(1 for r in club.requests if r.method == "POST" and r.path == path and r.status == status)


async def test_a_poll_the_bot_lost_sight_of_keeps_its_votes_and_the_admins_are_told_what_to_fix(club: Club) -> None:
    """A 403 read as a deleted poll: the vote was called off, every vote lost, and 'its poll was deleted' said."""
    await set_club_channel(club)
    await nominate(club, club.member, "Beloved")
    await nominate(club, club.other_member, "Kindred")
    poll_message = await start_vote(club, hours=24)
    await club.vote(poll_message, "Kindred", member=club.member)
    await club.vote(poll_message, "Kindred", member=club.other_member)
    await club.set_overwrite(club.text_channel, club.bot_role, deny=P.VIEW_CHANNEL)
    with club.expect_errors(403, 50001):
        await club.clock.advance(timedelta(hours=24, minutes=2))
        await club.settle()
        [listing] = await club.slash("nominations", member=club.admin, channel=club.general_channel)
        [refusal] = await club.slash("vote start", member=club.admin, channel=club.general_channel)
    assert "called off" not in " ".join(m.text for m in club.messages(club.text_channel))
    assert "⚠️" in listing.text and "I'm missing View Channel and " in listing.text
    assert "I'm missing View Channel and " in refusal.text and "`/vote end`" in refusal.text
    [member_listing] = await club.slash("nominations", member=club.member, channel=club.general_channel)
    assert "I'm missing" not in member_listing.text

    await club.set_overwrite(club.text_channel, club.bot_role)  # an admin grants it back
    await club.clock.advance(timedelta(hours=1, minutes=1))  # the next retry is at most an hour away
    await club.wait_for(lambda: len(announcements(club)) == 1, "the announcement")
    assert "next read is **Kindred**, with 2 votes of 2" in announcements(club)[0].text


async def test_a_poll_out_of_reach_is_retried_less_and_less_and_an_admin_can_call_it_off(club: Club) -> None:
    await set_club_channel(club)
    await nominate(club, club.member, "Beloved")
    await nominate(club, club.other_member, "Kindred")
    poll_message = await start_vote(club, hours=1)
    await club.set_overwrite(club.text_channel, club.bot_role, deny=P.VIEW_CHANNEL)
    reads = f"/channels/{club.text_channel.id}/messages/{poll_message.id}"
    with club.expect_errors(403, 50001):
        # The poll ends while the bot is down (its end events are lost): it is read once the bot is back.
        await club.restart(while_down=lambda: club.clock.advance(timedelta(hours=2)))
        for _ in range(24):
            await club.clock.advance(timedelta(hours=1))
        await club.settle()
        tries = sum(1 for r in club.requests if r.method == "GET" and r.path == reads)
        assert tries == 8  # 1, 2, 4 ... 60 minutes apart, then it waits for an admin
        [refusal] = await club.slash("vote end", member=club.admin, channel=club.general_channel)
    assert "I can't end the poll in <#" in refusal.text and "View Channel" in refusal.text
    with club.expect_errors(403, 50001):  # telling the channel is tried, and refused
        [ended] = await club.slash("vote end", member=club.admin, channel=club.general_channel, call_off=True)
    assert "called off without a result" in ended.text
    [listing] = await club.slash("nominations", member=club.admin, channel=club.general_channel)
    assert "A vote" not in listing.text and "**Beloved**" in listing.text and "**Kindred**" in listing.text
    # the channel is still owed why: told once the bot can post there again (it was told never)
    await club.set_overwrite(club.text_channel, club.bot_role)
    await club.clock.advance(timedelta(minutes=1))
    await club.wait_for(lambda: len(announcements(club)) == 1, "the called-off notice")
    assert "The vote was called off: an admin ended it without counting its votes." in announcements(club)[0].text
    await club.clock.advance(timedelta(hours=2))
    await club.settle()
    assert len(announcements(club)) == 1


async def test_a_result_discord_keeps_failing_is_retried_less_and_less_then_handed_to_the_admin(club: Club) -> None:
    """A 5xx on the announcement was retried every minute for ever, with an ERROR each time."""
    await set_club_channel(club)
    await nominate(club, club.member, "Beloved")
    await nominate(club, club.other_member, "Kindred")
    poll_message = await start_vote(club, hours=24)
    await club.vote(poll_message, "Kindred", member=club.member)
    club.fail_messages(club.text_channel, status=503, times=1_000)
    await club.end_poll(poll_message)
    for _ in range(24):
        await club.clock.advance(timedelta(hours=1))
    await club.settle()
    assert refused_posts(club, 503) == 8 and announcements(club) == []
    [listing] = await club.slash("nominations", member=club.admin)
    assert "Discord refused its result in <#" in listing.text and "Discord failed on its side (503)" in listing.text
    await nominate(club, club.member, "Emma")
    await nominate(club, club.other_member, "Piranesi")
    [refusal] = await club.slash("vote start", member=club.admin)
    assert "Discord refused its result" in refusal.text and "`/vote end`" in refusal.text

    [handed] = await club.slash("vote end", member=club.admin)
    assert "here is its result to share" in handed.text and "next read is **Kindred**" in handed.text
    club.fail_messages(club.text_channel, times=0)
    [started] = await club.slash("vote start", member=club.admin)
    assert "The vote is open" in started.text


async def test_withdrawing_a_title_in_the_running_vote_says_so_and_what_to_do(club: Club) -> None:
    await set_club_channel(club)
    await nominate(club, club.member, "Beloved")
    await nominate(club, club.other_member, "Kindred")
    service = club.bot.get_cog("NominationCog").service
    [beloved, _] = await club.run(service.open_nominations(club.guild.id))
    await start_vote(club)
    [refusal] = await club.slash("vote withdraw", member=club.admin, nomination=str(beloved.id))
    assert refusal.ephemeral and "**Beloved** is in the vote running now" in refusal.text
    assert "`/vote end call_off:True`" in refusal.text


async def test_calling_a_vote_off_ends_its_poll_too(club: Club) -> None:
    """The poll stayed open: members went on voting in it, and at its end Discord named a winner."""
    await set_club_channel(club)
    await nominate(club, club.member, "Beloved")
    await nominate(club, club.other_member, "Emma")
    poll_message = await start_vote(club, hours=72)
    await club.vote(poll_message, "Emma", member=club.member)
    [ended] = await club.slash("vote end", member=club.admin, call_off=True)
    assert "called off without a result" in ended.text
    assert poll_message.message.poll.finalized  # nobody votes in it any more
    await club.settle()  # its end event finds the vote called off: no result is announced
    [notice] = announcements(club)
    assert "The vote was called off" in notice.text and "next read" not in notice.text
    [listing] = await club.slash("nominations", member=club.admin)
    assert "A vote" not in listing.text and "**Beloved**" in listing.text and "**Emma**" in listing.text
